import AttendocTesting
import AttendocWeb
import AttendocWorkspace
import Foundation
import HTTPTypes
import Testing

/// The batch screen's own upload: an export refused with its problems by line, a Common Transfer
/// File's list with a pupil whose rows cannot be read named by UPN and line, a ticked pupil's case
/// made from the file's contacts and nothing else; the run recorded in the workspace from its start,
/// and one whose server was killed shown as interrupted by the next server, with what it issued
/// kept whole and a rerun issuing the rest, none twice.
@Suite("Web: the school's batch from an uploaded export")
struct BatchUploadTests {
    static let withCase = "Y878401219052"
    /// No case; its contact has parental responsibility and lives at the pupil's address.
    static let contactCanWrite = "C878201522007"
    /// No case; its only contact has no parental responsibility.
    static let noParent = "E878401219117"
    /// No case; a withdrawn mark (H) on its first day.
    static let badRows = "K878401219038"

    /// Riverside's export as a Common Transfer File: the pupil with a case as in its CSV, and three
    /// pupils absent (O) on every morning and afternoon of the first four weeks.
    static func export() throws -> String {
        let register = try String(contentsOf: BatchScreenTests.register, encoding: .utf8)
        let rows = register.split(separator: "\n").dropFirst().filter { $0.hasPrefix(withCase) }
        var csv = "upn,date,am,pm\n" + rows.joined(separator: "\n") + "\n"
        let days = rows.map { String($0.split(separator: ",")[1]) }
        for upn in [contactCanWrite, noParent, badRows] {
            for (index, day) in days.enumerated() {
                let marks = index < 20 ? (upn == badRows && index == 0 ? "H,O" : "O,O") : "/,\\"
                csv += "\(upn),\(day),\(marks)\n"
            }
        }
        var file = ctf(from: csv, start: date(days[0]), through: date("2026-12-10"), contacts: "@PUPIL@")
        for (number, upn) in [withCase, contactCanWrite, noParent, badRows].enumerated() {
            let responsibility = upn == noParent ? "false" : "true"
            let extra = """
            <NCyearActual>8</NCyearActual><Address><AddressLines><Line>\(number + 1) Weir Lane</Line><Line>Exeter</Line></AddressLines>\
            <PostCode>EX4 4AB</PostCode></Address><Contacts><Contact><Order>1</Order><Title>Mrs</Title><Surname>Contact\(number)</Surname>\
            <Forename>Robin</Forename><Relationship>PAM</Relationship><Responsibility>\(responsibility)</Responsibility>\
            <AddressAsPupil>true</AddressAsPupil></Contact></Contacts>
            """
            file = file.replacingOccurrences(of: "<UPN>\(upn)</UPN><Surname>Pupil</Surname><Forename>Test</Forename><DOB>2013-03-04</DOB>@PUPIL@",
                                             with: "<UPN>\(upn)</UPN><Surname>Pupil\(number)</Surname><Forename>Test</Forename><DOB>2013-03-04</DOB>\(extra)")
        }
        return file
    }

    static func token(_ page: String) throws -> String {
        let range = try #require(page.range(of: #"name="upload" value="[0-9a-f]{64}""#, options: .regularExpression))
        return String(page[range].dropFirst(#"name="upload" value=""#.count).dropLast())
    }

    static func run(_ office: Visitor, _ list: Reply, ticking upns: [String]) async throws -> Reply {
        try await office.post("/batch", form: [("csrf", try #require(Visitor.csrf(in: list))), ("upload", try token(list.text)), ("method", "post"),
                                               ("format-txt", "yes")] + upns.flatMap { [("due-\($0)", "yes"), ("pupil-\($0)", "yes")] })
    }

    static func letters(_ fixture: WebFixture) throws -> [IssuedDocument] {
        try fixture.workspace.recordedCases().flatMap { try fixture.workspace.issuedDocuments(for: $0.reference) }
            .filter { $0.kind == "attendance-concern-letter" }
    }

    @Test func theOfficeUploadsAnExportChecksItsListAndACaseIsMadeFromItsContacts() async throws {
        let fixture = try WebFixture("web-batch-upload")
        defer { fixture.remove() }
        try await serving(fixture.site(slowWorkLimit: 600)) { client in
            let office = BatchScreenTests.patient(client)
            try await office.signIn("office")
            let screen = try await office.get("/batch")
            #expect(screen.text.contains("<form method=\"post\" action=\"/batch/upload\" enctype=\"multipart/form-data\">") && screen.text.contains("<label for=\"register\">Register export</label>"))

            // A file the reader refuses: its problem by line, and nothing kept.
            let refused = try await office.upload("/batch/upload", fields: [("csrf", try #require(Visitor.csrf(in: screen)))],
                                                  file: ("register", "riverside.csv", "upn,date,am\nY878401219052,2026-09-03,/\n"))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("<a href=\"#register\">The export could not be read: see the problems below</a>"), "\(refused.text)")
            #expect(refused.text.contains("<h3 id=\"problems\">Problems in the file</h3>") && refused.text.contains("<th scope=\"col\">Line</th>"))
            #expect(!refused.text.contains(fixture.workspaceFolder.path), "no server path on the page")
            let kept = fixture.workspaceFolder.appendingPathComponent("batch-uploads/149876")
            #expect(((try? FileManager.default.contentsOfDirectory(atPath: kept.path)) ?? []).isEmpty, "nothing of a refused file kept")
            #expect(try await office.upload("/batch/upload", fields: [], file: ("register", "riverside.xml", try Self.export())).status == .forbidden)

            // The Common Transfer File: the list from it, each pupil by UPN, none by name.
            let list = try await office.upload("/batch/upload", fields: [("csrf", try #require(Visitor.csrf(in: screen)))],
                                               file: ("register", "riverside.xml", try Self.export()))
            #expect(list.status == .ok, "\(list.text)")
            let text = htmlText(list.text)
            #expect(text.contains("The register: the export you uploaded, riverside.xml"))
            #expect(list.text.contains("<td>\(Self.contactCanWrite)</td><td>no case</td>"))
            #expect(list.text.contains("the pupil has no case: ticked, it is made from the export&#39;s record of the pupil and their contacts"), "\(text)")
            #expect(list.text.contains("id=\"pupil-\(Self.contactCanWrite)\""), "a box to make the case and issue")
            #expect(list.text.contains("the export cannot make one (none of the pupil&#39;s contacts in the export has parental responsibility and an address)"))
            #expect(!list.text.contains("id=\"pupil-\(Self.noParent)\""))
            #expect(list.text.contains("<td>\(Self.badRows)</td>") && text.contains("The pupil's marks cannot be read: ") && text.contains("line "), "by pupil and line: \(text)")
            #expect(!list.text.contains("Robin") && !list.text.contains("Weir Lane"))
            #expect(!list.text.contains(fixture.workspaceFolder.path), "no server path: \(list.text.components(separatedBy: fixture.workspaceFolder.path).dropFirst().map { $0.prefix(120) })")
            #expect(try fixture.workspace.latestRegisterImport(school: "149876") == nil, "the list imports nothing")
            // Adjusting it keeps to the upload; a UPN not in it is refused on its field.
            let token = try Self.token(list.text)
            let stranger = try await office.get("/batch?list=1&upload=\(token)&only=T878401219201")
            #expect(stranger.status == .unprocessableContent && stranger.text.contains("Only these pupils: T878401219201 is not a pupil of the uploaded export"))
            #expect(try await office.get("/batch?list=1&upload=\(String(repeating: "0", count: 64))").text.contains("is no longer kept"))

            // Run: the pupil's case made from the file, both letters issued, the run recorded.
            let done = try await Self.run(office, list, ticking: [Self.withCase, Self.contactCanWrite])
            #expect(done.status == .ok, "\(done.text)")
            #expect(done.text.contains("Issued 2, skipped 1, of 2 due"), "\(htmlText(done.text))")
            let made = try #require(try fixture.workspace.recordedCases().first { $0.reference == "CAT/2026/\(Self.contactCanWrite)" })
            let yaml = try String(contentsOfFile: made.sourcePath, encoding: .utf8)
            #expect(made.sourcePath == fixture.workspaceFolder.appendingPathComponent("cases/\(Self.contactCanWrite).yaml").path)
            #expect(yaml.contains("surname: \"Contact1\"") && yaml.contains("parental_responsibility: yes") && yaml.contains("year_group: 8"))
            // The pupil and the contacts as the file gives them (the school's sections are another case's).
            let own = String(yaml[try #require(yaml.range(of: "\npupil:\n")).lowerBound...])
            for invented in ["email", "phone", "cohorts", "siblings", "meetings", "measures", "letters_issued", "send", "social_worker"] {
                #expect(!own.contains(invented), "the made case holds nothing the file does not: \(invented)")
            }
            #expect(!FileManager.default.fileExists(atPath: fixture.workspaceFolder.appendingPathComponent("cases/\(Self.noParent).yaml").path))
            let issued = try Self.letters(fixture)
            #expect(issued.compactMap(\.upn).sorted() == [Self.withCase, Self.withCase, Self.contactCanWrite].sorted())
            let letter = try #require(issued.first { $0.upn == Self.contactCanWrite })
            let words = try String(data: fixture.workspace.archivedBytes(of: letter.files[0]), encoding: .utf8) ?? ""
            #expect(words.contains("Mrs Robin Contact1") && words.contains("2 Weir Lane") && words.contains("EX4 4AB"))
            let run = try #require(try fixture.workspace.batchRuns(school: "149876").first)
            #expect(run.state == .finished && run.startedFrom == "screen" && run.registerName == "riverside.xml" && run.issued == 2 && run.done == 2 && run.of == 2)
            #expect(try fixture.workspace.latestRegisterImport(school: "149876")?.record.fileName == "riverside.xml", "imported by the run, by its own name")
            #expect(try await office.get("/batch?list=1&upload=\(token)").text.contains("is no longer kept"), "the upload removed once its run finished")
            let history = try await office.get("/batch")
            #expect(history.text.contains("<td>This screen</td><td>riverside.xml</td><td>2026-12-10</td><td>office</td><td>Finished</td>"), "\(history.text)")
        }
        let log = try fixture.workspace.accessLog().map { "\($0.username) \($0.action) \($0.caseReference ?? "-") \($0.upn ?? "-") \($0.what)" }
        #expect(log.contains("office change CAT/2026/\(Self.contactCanWrite) \(Self.contactCanWrite) made the case from the uploaded export's record of the pupil and their contacts (riverside.xml)"), "\(log)")
    }

    /// A real `attendoc serve`, killed at the run's second issue (as a restart or a crash would stop
    /// it); the next server shows the run as interrupted, and running the list again issues the rest.
    @Test(.timeLimit(.minutes(10)))
    func aRunWhoseServerStoppedShowsAsInterruptedAndARerunIssuesTheRest() async throws {
        let fixture = try WebFixture("web-batch-restart")
        defer { fixture.remove() }
        func serve(_ environment: [String: String]) async throws -> (BackgroundProgram, LoopbackHTTPClient) {
            let server = try BackgroundProgram(WebFixture.program, ["serve", "--port", "0", "--as-of", "2026-12-10", "--workspace", fixture.workspaceFolder.path],
                                               in: fixture.folder, environment: environment)
            let listening = try await server.waitForOutput(containing: "listening on http://127.0.0.1:")
            var client = LoopbackHTTPClient(port: try #require(listening.split(separator: ":").last.flatMap { Int($0.filter(\.isNumber)) }))
            client.timeLimit = 600
            return (server, client)
        }
        let (first, firstClient) = try await serve(["ATTENDOC_CRASH_POINT": "rows-inserted#2"])
        defer { first.stop() }
        let office = Visitor(firstClient)
        try await office.signIn("office")
        let screen = try await office.get("/batch")
        let list = try await office.upload("/batch/upload", fields: [("csrf", try #require(Visitor.csrf(in: screen)))], file: ("register", "riverside.xml", try Self.export()))
        let token = try Self.token(list.text)
        _ = try? await Self.run(office, list, ticking: [Self.withCase, Self.contactCanWrite])
        first.stop()
        #expect(try Self.letters(fixture).compactMap(\.upn) == [Self.withCase, Self.withCase], "the first pupil's issue whole, the second's not at all")

        let (second, secondClient) = try await serve([:])
        defer { second.stop() }
        let again = Visitor(secondClient)
        try await again.signIn("office")
        let after = try await again.get("/batch")
        #expect(after.text.contains("<h2>The last batch run was interrupted</h2>") && after.text.contains("none is half-written"), "\(after.text)")
        #expect(after.text.contains("Interrupted after 1 of 2"), "\(htmlText(after.text))")
        let runs = try fixture.workspace.batchRuns(school: "149876")
        #expect(runs.count == 1 && runs[0].state == .interrupted && runs[0].files.isEmpty && runs[0].endedAt != nil)
        let archive = try FileManager.default.contentsOfDirectory(atPath: fixture.workspaceFolder.appendingPathComponent("archive").path)
        #expect(!archive.contains { $0.hasPrefix(".pending-") }, "no half-written file: \(archive)")
        // The upload is still kept: the same list, run again, issues the second pupil's letter only.
        let relisted = try await again.get("/batch?list=1&upload=\(token)")
        #expect(relisted.text.contains("Nothing: the attendance concern letter was sent on 2026-12-10"))
        let rerun = try await Self.run(again, relisted, ticking: [Self.contactCanWrite])
        #expect(rerun.status == .ok && rerun.text.contains("Issued 1"), "\(htmlText(rerun.text))")
        #expect(try Self.letters(fixture).compactMap(\.upn).sorted() == [Self.withCase, Self.withCase, Self.contactCanWrite].sorted(), "none twice")
        #expect(try fixture.workspace.batchRuns(school: "149876").map(\.state) == [.finished, .interrupted])
    }
}
