import AttendocTesting
import AttendocWorkspace
import Foundation
import Testing

/// The panel clerk's day in a real browser (Debian's headless Chromium over WebDriver), against
/// `attendoc serve` on a port of its own with the test's own workspace: the referrals received by
/// upload and checked at the intake, the slots of the day, the minutes of one case written (a bad
/// date refused on its field, followed from the error summary, corrected), each copy looked at and
/// the minutes issued, the family's copy downloaded and read, the reviews due, and the 4-week review recorded as held
/// (a bad day refused on its field first). Screenshots go
/// to the test's folder and .build/test-artefacts/web/.
@Suite("Web: the panel clerk in a real browser", .serialized)
struct PanelBrowserTests {
    @Test(.timeLimit(.minutes(15)))
    func theClerkTakesInTheReferralsWritesTheMinutesIssuesThemAndSeesTheReviews() async throws {
        let fixture = try WebFixture("web-panel-browser")
        defer { fixture.remove() }
        let served = try await BrowserOnServedSite(fixture)
        defer { served.stop() }
        let browser = served.browser
        func save(_ name: String) async throws { try await served.save(name) }
        let intakeHeading = "Intake: the panel of Monday 1 December 2025"

        do {
            try await served.signIn("clerk")
            try await browser.waitForHeading("Due list")
            try await browser.click("nav a[href='/panel']")
            try await browser.waitForHeading("The attendance panel")
            try await save("panel-list")
            try await browser.click("a[href='/panel/intake?date=2025-12-01']")
            try await browser.waitForHeading(intakeHeading)

            // Each referral received by upload, and checked at once.
            for reference in ["PR-2025-031", "PR-2025-034", "PR-2025-036", "PR-2025-037"] {
                try await browser.type(fixture.folder.appendingPathComponent("examples/panel/\(reference).yaml").path, into: "#referral")
                try await browser.click("form[action='/panel/referral'] button")
                try await browser.waitForText("main", containing: "The referral \(reference) was received")
            }
            let intake = try await browser.text("main")
            #expect(intake.contains("Taken forward (2)") && intake.contains("Refused (2)"))
            #expect(!intake.contains("Siobh"), "the intake names no child")
            try await save("panel-intake")

            // The slots of the day; the minutes of the first case.
            try await browser.click("a[href='/panel/slots?date=2025-12-01']")
            try await browser.waitForHeading("Slots of the day: Monday 1 December 2025")
            try await save("panel-slots")
            try await browser.click("a[href='/panel/minutes?date=2025-12-01&ref=PR-2025-031']")
            try await browser.waitForHeading("Minutes: PR-2025-031, 13:30–13:45")
            for (field, text) in [("#present-0-name", "Ms Priya Natarajan"), ("#present-0-role", "Attendance lead"),
                                  ("#present-1-name", "Ms Grace Obi"), ("#present-1-role", "Young carers' worker"),
                                  ("#discussion", "Both children care for their mother most mornings."),
                                  ("#action-0-owner", "Ms Grace Obi"), ("#action-0-agency", "Young carers' service"),
                                  ("#action-0-action", "Complete a young carers' assessment"), ("#action-0-due", "12/12/2025"),
                                  ("#agency_only_notes", "Adult social care may need to be asked")] {
                try await browser.type(text, into: field)
            }
            try await save("panel-minutes")
            try await browser.click("#minutes-form button[type='submit']")
            try await browser.waitForText(".error-summary", containing: "actions[0].due")
            try await save("panel-minutes-error")
            // The summary's link goes to the field in error, and the rest of what was typed is kept.
            try await browser.click(".error-summary a[href='#action-0-due']")
            #expect(try await browser.currentURL().hasSuffix("#action-0-due"))
            try await browser.clear("#action-0-due")
            try await browser.type("2025-12-12", into: "#action-0-due")
            try await browser.click("#minutes-form button[type='submit']")
            try await browser.waitForText("main", containing: "The minutes of PR-2025-031 are saved")

            // Each copy looked at, then the minutes issued as HTML and text.
            try await browser.click("a[href='/panel/issue?date=2025-12-01']")
            try await browser.waitForHeading("Issue the minutes: the panel of Monday 1 December 2025")
            #expect(try await browser.text("main").contains("Copy 2 of 2: the family's copy of PR-2025-031"))
            try await save("panel-issue-preview")
            try await browser.click("#format-docx")
            try await browser.click("#format-pdf")
            try await browser.click("form[action='/panel/issue'] button")
            try await browser.waitForText("main", containing: "2 documents recorded as issued", seconds: 180)
            try await save("panel-issued")
            let records = try fixture.workspace.panelDocuments(on: date("2025-12-01"))
            let family = try #require(records.first { $0.audience == "parent" })
            #expect(records.count == 2 && records.allSatisfy { $0.issuedBy == "clerk" })

            // The family's copy downloaded: the archived file, with the discussion and without the agencies' notes.
            try await browser.click("a[href*='id=\(Visitor.encode(family.id))'][href*='format=txt']")
            let copy = try await served.downloaded(ending: ".txt")
            let archived = try fixture.workspace.archivedBytes(of: try #require(family.files.first { $0.format == "txt" }))
            #expect(try Data(contentsOf: copy) == archived, "the download is the archived copy, byte for byte")
            let text = flattened(try String(contentsOf: copy, encoding: .utf8))
            #expect(text.contains("Both children care for their mother most mornings."))
            #expect(!text.contains("Adult social care"), "the family's copy holds no note for the agencies")

            // The reviews due, soonest first.
            try await browser.click("nav a[href='/panel/reviews']")
            try await browser.waitForHeading("The panel's reviews due")
            let reviews = try await browser.text("main table")
            let fourWeek = try #require(reviews.range(of: "4-week review of PR-2025-031"))
            let termly = try #require(reviews.range(of: "termly review of PR-2025-031"))
            #expect(fourWeek.lowerBound < termly.lowerBound)
            try await save("panel-reviews")

            // The 4-week review held, recorded from its row: a day not written YYYY-MM-DD refused on
            // its field (followed from the error summary), then recorded; only the termly review is left.
            try await browser.type("12/01/2026", into: "#review-0-on")
            try await browser.click("#review-0-outcome option[value='stuck']")
            try await browser.click("form[action='/panel/review'] button")
            try await browser.waitForText(".error-summary", containing: "Enter the day the review was held as YYYY-MM-DD")
            try await save("panel-review-error")
            try await browser.click(".error-summary a[href='#review-0-on']")
            #expect(try await browser.currentURL().hasSuffix("#review-0-on"))
            try await browser.clear("#review-0-on")
            try await browser.type("2026-01-12", into: "#review-0-on")
            try await browser.click("form[action='/panel/review'] button")
            try await browser.waitForText("main", containing: "Recorded the 4-week review of PR-2025-031 (panel of 2025-12-01) held on 2026-01-12: stuck.")
            try await save("panel-review-recorded")
            let left = try await browser.text("main table")
            #expect(!left.contains("4-week review of PR-2025-031") && left.contains("termly review of PR-2025-031"))
            #expect(try fixture.workspace.panelReviews().map(\.outcome) == ["stuck"])
        } catch {
            try? await save("panel-failure")
            await browser.endSession()
            throw error
        }
        await browser.endSession()
    }
}
