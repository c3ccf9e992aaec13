import AttendocCaseModel
import AttendocIssuing
import AttendocTesting
import AttendocValues
import AttendocWorkspace
import Foundation
import Testing

/// The case form and the pupils screen in a real browser (Debian's headless Chromium over
/// WebDriver), against `attendoc serve` on a port of its own with the test's own workspace: a
/// school office adds a case through the form, corrects the entry the reader refused, sees the
/// case, edits it, imports its register and lists its pupils sorted and filtered. Screenshots go to
/// .build/test-artefacts/web/ as BrowserTests' do.
@Suite("Web: the case form and the pupils in a real browser", .serialized)
struct CaseFormBrowserTests {
    @Test(.timeLimit(.minutes(15)))
    func anOfficeAddsACaseThroughTheFormsSeesItAndListsItsPupilsSortedAndFiltered() async throws {
        let fixture = try WebFixture("web-browser-case-form")
        defer { fixture.remove() }
        let served = try await BrowserOnServedSite(fixture)
        defer { served.stop() }
        let browser = served.browser
        let site = served.site
        func save(_ name: String) async throws { try await served.save(name) }
        let hostile = #"<script>alert("x")</script> 'Zoë'"#

        do {
            try await browser.navigate(to: "\(site)/login")
            try await browser.type("office", into: "#username")
            try await browser.type(WebFixture.password, into: "#password")
            try await browser.click("form[action='/login'] button")
            try await browser.waitForHeading("Due list")

            // Add a case through the form, from the menu.
            try await browser.click("nav a[href='/case/new']")
            try await browser.waitForHeading("Add a case")
            try await save("case-form")
            let typed: [(String, String)] = [
                ("reference", "NEW/2026/002"), ("local_authority-name", "Northshire County Council"),
                ("local_authority-address-lines", "County Hall\nTopsham Road"), ("local_authority-address-postcode", "EX2 4QD"),
                ("school-name", "Riverside Academy"), ("school-head_teacher", "Mrs Janet Patel"),
                ("school-address-lines", "Riverside Road\nExeter"), ("school-address-postcode", "EX4 1AA"),
                ("pupil-upn", "B801200005001"), ("pupil-forename", hostile), ("pupil-surname", "O'Neill"),
                ("pupil-date_of_birth", "04/03/2013"), ("pupil-year_group", "8"),
                ("pupil-address-lines", "14 Orchard Close\nExeter"), ("pupil-address-postcode", "EX1 2AB"),
                ("parents-0-id", "mother"), ("parents-0-forename", "Ann"), ("parents-0-surname", "O'Neill"), ("parents-0-relationship", "mother"),
                ("officer-name", "Alex Brennan"), ("officer-role", "Senior County Attendance Officer"),
                ("attendance-from", "2026-09-03"), ("attendance-to", "2026-11-13"), ("attendance-possible_sessions", "94"),
                ("attendance-attended", "66"), ("attendance-authorised_absence", "6"), ("attendance-unauthorised_absence", "22"),
                ("meetings-0-date", "2026-10-02"),
            ]
            for (field, text) in typed { try await browser.type(text, into: "#f-\(field)") }
            for (field, option) in [("parents-0-parental_responsibility", "yes"), ("parents-0-lives_with_pupil", "yes"), ("meetings-0-kind", "parenting_contract")] {
                try await browser.click("#f-\(field) option[value='\(option)']")
            }
            try await browser.click("#f-pupil-priority_cohorts-young_carer")
            try await browser.click("#case-form button[type=submit]")
            // The reader's own message, on the field, linked from the summary.
            try await browser.waitForText(".error-summary", containing: "pupil.date_of_birth: expected a date written YYYY-MM-DD")
            #expect(try await browser.text("#f-pupil-date_of_birth-error").contains("expected a date written YYYY-MM-DD"))
            try await save("case-form-error")
            #expect(try fixture.workspace.recordedCases().count == 2, "nothing recorded")
            try await browser.click(".error-summary a[href='#f-pupil-date_of_birth']")
            #expect(try await browser.currentURL().hasSuffix("#f-pupil-date_of_birth"))
            try await browser.clear("#f-pupil-date_of_birth")
            try await browser.type("2013-03-04", into: "#f-pupil-date_of_birth")
            try await browser.click("#case-form button[type=submit]")

            // The case screen shows it, the hostile name as text.
            try await browser.waitForHeading("Case NEW/2026/002")
            #expect(try await browser.text("dl dd").contains(hostile))
            let chronology = try await browser.text("#chronology + table")
            #expect(chronology.contains("parenting contract meeting held (meetings[0])"))
            #expect(chronology.contains("version 1 of the case recorded by office: added"))
            try await save("case-created")
            #expect(try fixture.workspace.versions(of: "NEW/2026/002").count == 1)

            // Edit it: one more meeting, with who came and an action agreed, recorded as version 2.
            try await browser.click("a[href='/case/edit?ref=NEW%2F2026%2F002']")
            try await browser.waitForHeading("Edit case NEW/2026/002")
            try await browser.click("#f-meetings-1-kind option[value='team_around_the_family']")
            try await browser.type("2026-11-20", into: "#f-meetings-1-date")
            for (field, text) in [("attendees-0-name", "Sam Okafor"), ("attendees-0-role", "locality worker"), ("attendees-0-agency", "Early Help"),
                                  ("actions-0-owner", "Sam Okafor"), ("actions-0-action", "Visit the family at home"), ("actions-0-due_date", "2026-11-27")] {
                try await browser.type(text, into: "#f-meetings-1-\(field)")
            }
            try await browser.execute("document.getElementById('f-meetings-1-attendees-0-name').scrollIntoView()")
            try await save("case-form-meeting")
            // A sibling, a reasonable adjustment and a review of the first meeting, chosen from
            // the list by its kind and date (no place to type).
            for (field, text) in [("pupil-siblings-0-upn", "C878201522007"), ("pupil-siblings-0-name", "Ronan O'Neill"),
                                  ("reasonable_adjustments-0-what", "A quiet room to start the day in"),
                                  ("reasonable_adjustments-0-from", "2026-11-02"), ("reviews-0-date", "2026-10-20")] {
                try await browser.type(text, into: "#f-\(field)")
            }
            #expect(try await browser.text("#f-reviews-0-of").contains("Meeting 1: parenting contract meeting on 2 October 2026"))
            for (field, option) in [("reasonable_adjustments-0-area", "pastoral"), ("reviews-0-of", "meetings[0]"), ("reviews-0-decision", "escalate")] {
                try await browser.click("#f-\(field) option[value='\(option)']")
            }
            try await browser.execute("document.getElementById('f-reviews-0-of').scrollIntoView()")
            try await save("case-form-review")
            try await browser.execute("document.getElementById('f-reasonable_adjustments-0-what').scrollIntoView()")
            try await save("case-form-adjustment")
            try await browser.click("#case-form button[type=submit]")
            try await browser.waitForHeading("Case NEW/2026/002")
            #expect(try await browser.text("#chronology + table").contains("Team Around the Family meeting held (meetings[1])"))
            #expect(try fixture.workspace.versions(of: "NEW/2026/002").map(\.change) == ["added", "changed"])
            let meeting = try #require(try fixture.workspace.versions(of: "NEW/2026/002").last).yaml
            #expect(meeting.contains("name: \"Sam Okafor\"") && meeting.contains("action: \"Visit the family at home\""), "\(meeting)")
            let version = try CaseFileReader.read(meeting, file: "version 2")
            #expect(version.pupil.siblings.map(\.upn.text) == ["C878201522007"])
            #expect(version.reasonableAdjustments.map(\.what) == ["A quiet room to start the day in"] && version.reasonableAdjustments.first?.area == .pastoral)
            #expect(version.reviews.map(\.of) == ["meetings[0]"] && version.reviews.first?.decision == .escalate)

            // The school's register, then its pupils.
            try await browser.navigate(to: "\(site)/register")
            try await browser.waitForHeading("Import a register")
            let register = fixture.folder.appendingPathComponent("examples/registers/riverside-academy-autumn-2026.csv")
            try await browser.type(register.path, into: "#register")
            try await browser.click("form[action='/register'] button")
            try await browser.waitForText("main", containing: "Register imported")
            try await browser.click("nav a[href='/pupils']")
            try await browser.waitForHeading("Pupils")
            #expect(try await browser.text("#count") == "6 of 6 pupil(s) shown.")
            try await save("pupils")

            // Sorted by attendance, persistently absent only, by the form (no script).
            try await browser.click("#sort option[value='attendance']")
            try await browser.click("#persistent")
            try await browser.click("form.filters button")
            try await browser.waitForText("#count", containing: "of 6 pupil(s) shown.")
            #expect(try await browser.currentURL().contains("sort=attendance"))
            let day = try #require(CalendarDate(iso: "2026-12-10"))
            let expected = try #require(try SchoolPupils.latest(school: "149876", in: fixture.workspace, resources: AttendocTesting.resources,
                                                                 policy: nil, asOf: day))
                .pupils.filter { $0.figures?.isPersistentlyAbsent == true }
                .sorted { ($0.figures!.attendedSessions * $1.figures!.possibleSessions, $0.upn) < ($1.figures!.attendedSessions * $0.figures!.possibleSessions, $1.upn) }
                .map(\.upn)
            #expect(!expected.isEmpty && expected.count < 6)
            #expect(try await browser.text("#count") == "\(expected.count) of 6 pupil(s) shown.")
            let table = try await browser.text("table.pupils tbody")
            let positions = expected.map { table.range(of: $0)?.lowerBound }
            #expect(positions.allSatisfy { $0 != nil } && positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "lowest attendance first: \(expected)")
            try await save("pupils-filtered")
        } catch {
            try? await save("case-form-failure")
            await browser.endSession()
            throw error
        }
        await browser.endSession()
    }
}
