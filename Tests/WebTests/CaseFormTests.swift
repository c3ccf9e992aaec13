import AttendocCaseModel
import AttendocTesting
import AttendocValues
import AttendocWeb
import AttendocWorkspace
import Foundation
import Testing

/// Creating and editing a case through the form: the YAML the form writes is read by the case file
/// reader and recorded as the command line records it; a bad entry shows the reader's own message
/// on its field and records nothing; the recorded versions download byte for byte.
@Suite("Web: the case form")
struct CaseFormTests {
    static let hostile = #"<script>alert("x")</script> 'Zoë'"#
    static let newReference = "NEW/2026/001"


    /// A new case as an office would fill in the form: no register, the figures to quote instead.
    static func newCase(csrf: String) -> PageForm {
        var form = PageForm("")
        let values: [(String, String)] = [
            ("csrf", csrf), ("reference", newReference),
            ("local_authority.name", "Northshire County Council"), ("local_authority.address.lines", "County Hall\r\nTopsham Road"),
            ("local_authority.address.postcode", "EX2 4QD"),
            ("school.name", "Riverside Academy"), ("school.urn", "149876"), ("school.head_teacher", "Mrs Janet Patel"),
            ("school.address.lines", "Riverside Road\r\nExeter"), ("school.address.postcode", "EX4 1AA"),
            ("pupil.upn", "B801200005001"), ("pupil.forename", hostile), ("pupil.surname", "O'Neill"),
            ("pupil.date_of_birth", "2013-03-04"), ("pupil.year_group", "8"),
            ("pupil.address.lines", "14 Orchard Close\r\nExeter"), ("pupil.address.postcode", "EX1 2AB"),
            ("pupil.priority_cohorts#young_carer", "yes"),
            ("parents.slots", "1"), ("parents[0].id", "mother"), ("parents[0].forename", "Ann"), ("parents[0].surname", "O'Neill"),
            ("parents[0].relationship", "mother"), ("parents[0].parental_responsibility", "yes"), ("parents[0].lives_with_pupil", "yes"),
            ("parents[0].phone", "07700 900 123\r\n01392 000 999"), ("parents[0].needs#large_print", "yes"),
            ("officer.name", "Alex Brennan"), ("officer.role", "Senior County Attendance Officer"),
            ("attendance.from", "2026-09-03"), ("attendance.to", "2026-11-13"), ("attendance.possible_sessions", "94"),
            ("attendance.attended", "66"), ("attendance.authorised_absence", "6"), ("attendance.unauthorised_absence", "22"),
            ("meetings.slots", "1"), ("meetings[0].kind", "parenting_contract"), ("meetings[0].date", "2026-10-02"), ("meetings[0].time", "15:30"),
            ("referral.referred_on", "2026-11-13"), ("referral.accepted_on", "2026-11-16"),
        ]
        for (name, value) in values { form[name] = value }
        return form
    }

    func casesFolderFiles(_ fixture: WebFixture) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: fixture.workspaceFolder.appendingPathComponent("cases").path)) ?? []
    }

    @Test func aCaseMadeThroughTheFormIsRecordedAsTheCommandLineRecordsItAndShownWithItsNameAsText() async throws {
        let fixture = try WebFixture("web-case-new")
        defer { fixture.remove() }
        try await serving(fixture.site()) { client in
            let team = Visitor(client)
            try await team.signIn("team")
            let blank = try await team.get("/case/new")
            #expect(blank.status == .ok)
            // Every field has its label.
            for id in ["f-reference", "f-pupil-date_of_birth", "f-parents-0-forename", "f-meetings-0-kind", "f-school-urn"] {
                #expect(blank.text.contains(#"<label for="\#(id)">"#), "\(id) is labelled")
            }
            let csrf = try #require(Visitor.csrf(in: blank))
            // The team adds only a case referred to it (it sees no other): without the referral,
            // the form is refused on that field and nothing is recorded.
            var unreferred = Self.newCase(csrf: csrf)
            unreferred["referral.referred_on"] = ""
            unreferred["referral.accepted_on"] = ""
            let refused = try await team.post("/case/save", form: unreferred.fields)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("the attendance team adds only cases referred to it"), "\(refused.text)")
            #expect(refused.text.contains(##"href="#f-referral-accepted_on""##))
            #expect((try? fixture.workspace.versions(of: Self.newReference))?.isEmpty ?? true)
            let saved = try await team.post("/case/save", form: Self.newCase(csrf: csrf).fields)
            #expect(saved.status == .seeOther, "\(saved.text)")
            #expect(saved.headers[.location] == "/case?ref=NEW%2F2026%2F001")

            // Recorded as version 1, by the signed-in user, from the file kept in the workspace's cases/ folder.
            let versions = try fixture.workspace.versions(of: Self.newReference)
            #expect(versions.map(\.version) == [1])
            #expect(versions.first?.recordedBy == "team")
            #expect(versions.first?.change == "added")
            let recorded = try fixture.workspace.recordedCase(Self.newReference)
            #expect(recorded.sourcePath == fixture.workspaceFolder.appendingPathComponent("cases/NEW-2026-001.yaml").path)
            #expect(recorded.schoolURN == "149876")
            #expect(recorded.upn == "B801200005001")
            let onDisk = try String(contentsOfFile: recorded.sourcePath, encoding: .utf8)
            #expect(onDisk == versions.first?.yaml)
            #expect(casesFolderFiles(fixture) == ["NEW-2026-001.yaml"], "no pending file is left behind")
            // The documented case file, read by the reader as any command reads it.
            let read = try CaseFileReader.read(contentsOf: URL(fileURLWithPath: recorded.sourcePath))
            #expect(read.pupil.forename == Self.hostile)
            #expect(read.pupil.dateOfBirth.iso == "2013-03-04")
            #expect(read.pupil.priorityCohorts == [.youngCarer])
            #expect(read.parentsAndCarers.first?.phones == ["07700 900 123", "01392 000 999"])
            #expect(read.parentsAndCarers.first?.needs == [.largePrint])
            #expect(read.meetings.first?.time?.description == "15:30")
            #expect(read.quotedAttendance?.attendedSessions == 66)

            let page = try await team.get("/case?ref=NEW%2F2026%2F001")
            #expect(page.status == .ok)
            #expect(page.text.contains(WebServerTests.escaped(Self.hostile)), "the name prints as text")
            #expect(!page.text.contains("<script>alert"))
            #expect(page.text.contains("parenting contract meeting held (meetings[0])"))
            #expect(page.text.contains("version 1 of the case recorded by team: added"))

            // The export is the recorded version, byte for byte.
            let export = try await team.get("/case/yaml?ref=NEW%2F2026%2F001")
            #expect(export.status == .ok)
            #expect(export.headers[.contentDisposition] == #"attachment; filename="NEW-2026-001-version-1.yaml""#)
            #expect(export.body == Data(try #require(versions.first).yaml.utf8))
            #expect(SHA256.hex(export.body) == versions.first?.sha256)
        }
        let log = try fixture.workspace.accessLog()
        #expect(log.contains { $0.action == "change" && $0.caseReference == Self.newReference && $0.what == "recorded version 1 of the case through the form" })
        #expect(log.contains { $0.action == "download" && $0.caseReference == Self.newReference })
        #expect(!log.contains { $0.what.contains("Zo") || $0.what.contains("O'Neill") }, "the log names no one")
    }

    @Test func aBadEntryShowsTheReadersMessageOnItsFieldAndRecordsNothing() async throws {
        let fixture = try WebFixture("web-case-errors")
        defer { fixture.remove() }
        try await serving(fixture.site()) { client in
            let team = Visitor(client)
            try await team.signIn("team")
            let csrf = try #require(Visitor.csrf(in: try await team.get("/case/new")))
            let cases: [(change: (String, String), field: String, message: String)] = [
                (("pupil.date_of_birth", "04/03/2013"), "f-pupil-date_of_birth", "pupil.date_of_birth: expected a date written YYYY-MM-DD"),
                (("parents[0].forename", ""), "f-parents-0-forename", "parents[0].forename: is required but missing"),
                (("attendance.possible_sessions", "95"), "f-attendance-possible_sessions", "they must add up"),
                (("pupil.year_group", "eight"), "f-pupil-year_group", "pupil.year_group: expected a whole number"),
                (("pupil.upn", "B801200005002"), "f-pupil-upn", "pupil.upn:"),
                (("reference", WebFixture.riverside), "f-reference", "a case with this reference is already in the record"),
                (("register.file", "registers/no-such-export.csv"), "f-register-file",
                 "register.file: refers to a file that does not exist (paths are relative to the case file's folder, the workspace's cases folder)"),
            ]
            for (change, field, message) in cases {
                var form = Self.newCase(csrf: csrf)
                form[change.0] = change.1
                let refused = try await team.post("/case/save", form: form.fields)
                #expect(refused.status == .unprocessableContent, "\(change.0)")
                #expect(refused.text.contains("There is a problem"), "\(change.0)")
                #expect(refused.text.contains(##"<li><a href="#\##(field)">"##), "the summary links to \(field)")
                #expect(refused.text.contains(#"<span id="\#(field)-error" class="error-message">"#), "the error is on \(field)")
                #expect(refused.text.contains(#"aria-describedby="\#(field)-hint \#(field)-error""#) || refused.text.contains(#"aria-describedby="\#(field)-error""#),
                        "\(field) is described by its error")
                #expect(refused.text.contains(WebServerTests.escaped(message)), "\(change.0): the reader's message")
                #expect(refused.text.contains("<title>Error: Add a case"))
                #expect(!refused.text.contains("<script>alert"), "what was typed prints as text")
                #expect(!refused.text.contains(fixture.workspaceFolder.path), "no server path is shown")
            }
            // What was typed is kept on the form to correct.
            var form = Self.newCase(csrf: csrf)
            form["pupil.date_of_birth"] = "04/03/2013"
            let kept = try await team.post("/case/save", form: form.fields)
            #expect(kept.text.contains(#"name="pupil.date_of_birth" value="04/03/2013""#))
            #expect(kept.text.contains(#"name="pupil.forename" value="\#(WebServerTests.escaped(Self.hostile))""#))

            // A school office adds the cases of its own school only.
            let hillside = Visitor(client)
            try await hillside.signIn("hillside")
            let other = try await hillside.post("/case/save", form: Self.newCase(csrf: try #require(Visitor.csrf(in: try await hillside.get("/case/new")))).fields)
            #expect(other.status == .unprocessableContent)
            #expect(other.text.contains(##"<li><a href="#f-school-urn">"##))
            // Without the form's token: refused, nothing recorded.
            var tokenless = Self.newCase(csrf: csrf)
            tokenless["csrf"] = nil
            #expect(try await team.post("/case/save", form: tokenless.fields).status == .forbidden)
        }
        #expect(try fixture.workspace.recordedCases().map(\.reference) == [WebFixture.riverside, WebFixture.hillside], "nothing recorded")
        #expect(casesFolderFiles(fixture).isEmpty, "nothing written")
        #expect(try fixture.workspace.accessLog().contains { $0.action == "change" && $0.what.contains("refused") })
    }

    @Test func editingACaseRecordsANewVersionAndKeepsWhatTheFormDoesNotShow() async throws {
        let fixture = try WebFixture("web-case-edit")
        defer { fixture.remove() }
        let before = try #require(try fixture.workspace.versions(of: WebFixture.riverside).last)
        let earlier = try CaseFileReader.read(contentsOf: URL(fileURLWithPath: try fixture.workspace.recordedCase(WebFixture.riverside).sourcePath))
        try await serving(fixture.site()) { client in
            let office = Visitor(client)
            try await office.signIn("office")
            let opened = try await office.get("/case/edit?ref=CAT%2F2026%2F0142")
            #expect(opened.status == .ok)
            var form = PageForm(opened.text)
            #expect(form["version"] == String(before.version))
            #expect(form["pupil.upn"] == "Y878401219052")
            #expect(form["pupil.forename"] == WebFixture.hostileForename)
            #expect(form["reference"] == nil, "the reference is shown, not posted")
            let meetings = try #require(Int(form["meetings.slots"] ?? ""))
            form["meetings[\(meetings - 1)].kind"] = "team_around_the_family"
            form["meetings[\(meetings - 1)].date"] = "2026-12-01"
            form["meetings[\(meetings - 1)].place"] = "Riverside Academy"
            form["parents[0].phone"] = "07700 900 555"
            let contacts = try #require(Int(form["contacts.slots"] ?? ""))
            form["contacts[\(contacts - 1)].date"] = "2026-12-02"
            form["contacts[\(contacts - 1)].method"] = "home_visit"
            form["contacts[\(contacts - 1)].by"] = "Ms Laura Hughes, head of year 8"
            form["contacts[\(contacts - 1)].reached"] = "no"
            let saved = try await office.post("/case/save", form: form.fields)
            #expect(saved.status == .seeOther, "\(saved.text)")

            let versions = try fixture.workspace.versions(of: WebFixture.riverside)
            #expect(versions.map(\.version) == [before.version, before.version + 1])
            let latest = try #require(versions.last)
            #expect(latest.recordedBy == "office")
            #expect(latest.change == "changed")
            let recorded = try fixture.workspace.recordedCase(WebFixture.riverside)
            #expect(try String(contentsOfFile: recorded.sourcePath, encoding: .utf8) == latest.yaml, "the file the record names is the new version")
            let read = try CaseFileReader.read(contentsOf: URL(fileURLWithPath: recorded.sourcePath))
            #expect(read.meetings.count == earlier.meetings.count + 1)
            #expect(read.meetings.last?.kind == .teamAroundTheFamily)
            #expect(read.parentsAndCarers.first?.phones == ["07700 900 555"])
            // What the form does not show is kept as it was.
            #expect(read.supportiveMeasures.count == earlier.supportiveMeasures.count && !read.supportiveMeasures.isEmpty)
            #expect(read.legalRoute?.section == earlier.legalRoute?.section)
            #expect(read.contacts.count == earlier.contacts.count + 1)
            #expect(read.contacts.last?.method == .homeVisit && read.contacts.last?.reached == false)
            #expect(read.pupil.forename == WebFixture.hostileForename)

            let page = try await office.get("/case?ref=CAT%2F2026%2F0142")
            #expect(page.text.contains("Team Around the Family meeting held (meetings[\(meetings - 1)])"))
            #expect(page.text.contains("version \(latest.version) of the case recorded by office: changed"))
            // Each recorded version downloads byte for byte.
            #expect(try await office.get("/case/yaml?ref=CAT%2F2026%2F0142").body == Data(latest.yaml.utf8))
            #expect(try await office.get("/case/yaml?ref=CAT%2F2026%2F0142&version=\(before.version)").body == Data(before.yaml.utf8))

            // The same form again is out of date now: refused, nothing recorded.
            let stale = try await office.post("/case/save", form: form.fields)
            #expect(stale.status == .unprocessableContent)
            #expect(stale.text.contains("since this form was opened"))
            // Another school's office cannot post a change to this case: as if it did not exist.
            let hillside = Visitor(client)
            try await hillside.signIn("hillside")
            var theirs = form
            theirs["csrf"] = Visitor.csrf(in: try await hillside.get("/case/new"))
            #expect(try await hillside.post("/case/save", form: theirs.fields).status == .notFound)
        }
        #expect(try fixture.workspace.versions(of: WebFixture.riverside).count == before.version + 1)
    }
}
