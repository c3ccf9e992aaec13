import AttendocTesting
import AttendocWeb
import AttendocWorkspace
import Foundation
import HTTPTypes
import Testing

/// The school office's batch screen: the list from the school's latest register import (UPN,
/// figures, document, recipients), adjusted, run with its progress, the print PDF downloaded from
/// the archive and read; every other role and another school's office refused.
@Suite("Web: the school's batch")
struct BatchScreenTests {
    static let register = repositoryRoot.appendingPathComponent("examples/registers/riverside-academy-autumn-2026.csv")
    static let pupil = "Y878401219052"
    /// Riverside's other pupils: in the register, with no case.
    static let others = ["C878201522007", "E878401219117", "K878401219038", "R878401219091", "T878401219064"]


    /// A visitor whose exchanges may take as long as a FOP run on a loaded machine.
    static func patient(_ client: LoopbackHTTPClient) -> Visitor {
        var slow = client
        slow.timeLimit = 600
        return Visitor(slow)
    }

    static func concernLetters(_ fixture: WebFixture) throws -> [IssuedDocument] {
        try fixture.workspace.issuedDocuments(for: WebFixture.riverside).filter { $0.kind == "attendance-concern-letter" }
    }

    /// The link of the page's first download of `format` from a batch run.
    static func downloadLink(_ page: String, format: String) -> String? {
        guard let range = page.range(of: #"/batch/download\?run=[0-9a-f-]+&amp;format="# + format, options: .regularExpression) else { return nil }
        return page[range].replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func theOfficeListsAdjustsAndRunsItsSchoolsBatchAndDownloadsThePrintPDF() async throws {
        let fixture = try WebFixture("web-batch")
        defer { fixture.remove() }
        try await serving(fixture.site(slowWorkLimit: 600)) { client in
            let office = Self.patient(client)
            try await office.signIn("office")
            // The fixture's command-line import names no school: the office is sent to import it.
            let none = try await office.get("/batch")
            #expect(none.status == .ok)
            #expect(none.text.contains("holds no register import for URN 149876") && none.text.contains("<a href=\"/register\">"))
            let form = try await office.get("/register")
            let uploaded = try await office.upload("/register", fields: [("csrf", try #require(Visitor.csrf(in: form)))],
                                                   file: ("register", "riverside.csv", try String(contentsOf: Self.register, encoding: .utf8)))
            #expect(uploaded.status == .ok && uploaded.text.contains("<a href=\"/batch\">"))

            // The list: every pupil of the import, by UPN, with the engine's figures and what is due.
            let list = try await office.get("/batch?list=1")
            #expect(list.status == .ok)
            let text = htmlText(list.text)
            for upn in [Self.pupil] + Self.others { #expect(text.contains(upn), "\(upn) is on the list") }
            #expect(list.text.contains("<a href=\"/case?ref=CAT%2F2026%2F0142\">CAT/2026/0142</a>"))
            #expect(text.contains("6 pupil(s), 1 letter(s) due"), "\(text)")
            #expect(list.text.contains("<td>Attendance concern letter</td><td>parents[0], parents[1]</td>"), "\(list.text)")
            #expect(list.text.contains("id=\"pupil-\(Self.pupil)\" name=\"pupil-\(Self.pupil)\" value=\"yes\" checked"))
            #expect(!list.text.contains("<script>alert") && !list.text.contains("Siobh"), "the list names no pupil")
            #expect(list.text.contains("<label for=\"only\">Only these pupils (optional)</label>"))

            // Adjusting it: a UPN that is not one, and one not in the register, each on its field.
            let bad = try await office.get("/batch?list=1&only=Y87840121905")
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("<a href=\"#only\">Only these pupils: UPN 1 is not a UPN: a UPN has 13 characters"), "\(bad.text)")
            #expect(bad.text.contains("id=\"only-error\"") && bad.text.contains("value=\"Y87840121905\""), "what was typed is kept")
            let stranger = try await office.get("/batch?list=1&skip=T878401219201")
            #expect(stranger.status == .unprocessableContent)
            #expect(stranger.text.contains("<a href=\"#skip\">Leave out these pupils: T878401219201 is not a pupil of the school&#39;s latest register import</a>"),
                    "another school's pupil: \(stranger.text)")
            let only = try await office.get("/batch?list=1&only=\(Self.others[0]),\(Self.pupil)")
            #expect(only.status == .ok)
            #expect(only.text.contains("<tr><td>\(Self.others[1])</td><td>no case</td><td></td><td></td><td></td><td>Left out (only these pupils, or leave out)</td>"), "\(only.text)")
            #expect(only.text.contains("id=\"pupil-\(Self.pupil)\""), "the pupil asked for is still due")
            let skipped = try await office.get("/batch?list=1&skip=\(Self.pupil)")
            #expect(htmlText(skipped.text).contains("0 letter(s) due") && skipped.text.contains("No letter is due"))

            // The form that runs it: refused without its token, and with nobody ticked; nothing issued.
            let token = try #require(Visitor.csrf(in: list))
            let run = [("policy", ""), ("only", ""), ("skip", ""), ("method", "post"), ("format-txt", "yes"), ("due-\(Self.pupil)", "yes")]
            #expect(try await office.post("/batch", form: run + [("pupil-\(Self.pupil)", "yes")]).status == .forbidden)
            let unticked = try await office.post("/batch", form: [("csrf", token)] + run)
            #expect(unticked.status == .unprocessableContent)
            #expect(unticked.text.contains("<a href=\"#pupil-\(Self.pupil)\">Tick at least one pupil whose letter is to be issued</a>"))
            #expect(!unticked.text.contains("id=\"pupil-\(Self.pupil)\" name=\"pupil-\(Self.pupil)\" value=\"yes\" checked"), "left unticked as posted")
            let noFormat = try await office.post("/batch", form: [("csrf", token)] + run.filter { $0.0 != "format-txt" } + [("pupil-\(Self.pupil)", "yes")])
            #expect(noFormat.status == .unprocessableContent && noFormat.text.contains("<a href=\"#format-pdf\">Choose at least one file to archive</a>"))
            #expect(try Self.concernLetters(fixture).isEmpty)

            // Run: the letter to each parent issued into the record, the print PDF archived with the run.
            let done = try await office.post("/batch", form: [("csrf", token)] + run + [("pupil-\(Self.pupil)", "yes")])
            #expect(done.status == .ok, "\(done.text)")
            #expect(done.text.contains("Issued 1, skipped 0, of 1 due"), "\(done.text)")
            #expect(done.text.contains("Issued to parents[0], parents[1]"))
            let letters = try Self.concernLetters(fixture)
            #expect(letters.map(\.recipientPath).sorted() == ["parents[0]", "parents[1]"])
            #expect(letters.allSatisfy { $0.method == "post" && $0.issuedBy == "office" && $0.sentOn == "2026-12-10" && $0.files.map(\.format) == ["txt"] })
            let runs = try fixture.workspace.batchRuns(school: "149876")
            #expect(runs.count == 1 && runs[0].issued == 1 && runs[0].due == 1 && runs[0].pupils == 6 && runs[0].runBy == "office")

            // The print PDF, from the archive: both copies, each starting on a new sheet.
            let link = try #require(Self.downloadLink(done.text, format: "pdf"))
            let download = try await office.get(link)
            #expect(download.status == .ok && download.headers[.contentType] == "application/pdf")
            let pdfFile = try #require(runs[0].files.first { $0.format == "pdf" })
            #expect(download.body == (try fixture.workspace.archivedBytes(of: pdfFile)), "the archived print PDF, byte for byte")
            let pdf = fixture.folder.appendingPathComponent("print.pdf")
            try download.body.write(to: pdf)
            let pages = try pdfText(pdf).components(separatedBy: "\u{0C}").dropLast()
            let starts = pages.indices.filter { pages[$0].contains("Page 1 of") }
            #expect(starts.count == 2 && starts.allSatisfy { $0 % 2 == 0 }, "two letters, each on a recto: \(starts) of \(pages.count)")
            #expect(pages.allSatisfy { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || $0.contains("CAT/2026/0142") })
            #expect(pages.contains { $0.contains("Zoë") } && pages.contains { $0.contains("Ciarán") }, "\(pages.first ?? "")")
            let summary = try await office.get(try #require(Self.downloadLink(done.text, format: "csv")))
            #expect(summary.status == .ok && summary.text.contains("\(Self.pupil),CAT/2026/0142,") && summary.text.contains(",issued attendance-concern-letter,parents[0] parents[1],"))
            #expect(summary.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 7, "a row per pupil, and the header")

            // A second look: sent today, nothing due; the run listed with its downloads.
            let again = try await office.get("/batch?list=1")
            #expect(again.text.contains("Nothing: the attendance concern letter was sent on 2026-12-10"))
            #expect(Self.downloadLink(again.text, format: "pdf") == link)
            #expect(try await office.get(link.replacingOccurrences(of: "format=pdf", with: "format=docx")).status == .notFound)
            #expect(try await office.get("/batch/download?run=../../attendoc.sqlite&format=pdf").status == .notFound)

            // Another school's office sees none of it, and cannot run it or download its print.
            let hillside = Visitor(client)
            try await hillside.signIn("hillside")
            let theirs = try await hillside.get("/batch?list=1")
            #expect(theirs.status == .ok && theirs.text.contains("holds no register import for URN 113456"))
            #expect(!theirs.text.contains(Self.pupil) && Self.downloadLink(theirs.text, format: "pdf") == nil)
            #expect(try await hillside.get(link).status == .notFound)
            let hillsideToken = try #require(Visitor.csrf(in: theirs))
            #expect(try await hillside.post("/batch", form: [("csrf", hillsideToken)] + run + [("pupil-\(Self.pupil)", "yes")]).status == .unprocessableContent)
            // The other roles have no batch screen.
            for name in ["team", "clerk", "admin"] {
                let visitor = Visitor(client)
                try await visitor.signIn(name)
                #expect(try await visitor.get("/batch").status == .forbidden, "\(name)")
                #expect(try await visitor.get(link).status == .forbidden, "\(name)")
            }
            let nobody = try await Visitor(client).get("/batch")
            #expect(nobody.status == .seeOther && nobody.headers[.location] == "/login")
        }
        #expect(try Self.concernLetters(fixture).count == 2, "nothing more issued by the refused posts")
        let log = try fixture.workspace.accessLog().map { "\($0.username) \($0.action) \($0.caseReference ?? "-") \($0.upn ?? "-") \($0.what)" }
        #expect(log.contains { $0.hasPrefix("office view - - the batch list of URN 149876 from register import ") && $0.hasSuffix("6 pupil(s), 1 letter(s) due") })
        #expect(log.contains("office change CAT/2026/0142 \(Self.pupil) issued the attendance-concern-letter to parents[0], parents[1] by the school's batch (post, 2026-12-10)"), "\(log)")
        #expect(log.contains { $0.hasPrefix("office change - - ran the batch of URN 149876 as of 2026-12-10: issued 1, skipped 0, of 1 due (run ") })
        #expect(log.contains { $0.hasPrefix("office download - - the print PDF of the batch run ") })
        #expect(!log.contains { $0.contains("Siobh") || $0.contains("D'Souza") }, "no name in the log")
        // The run's files are the record's: opening the workspace again keeps them, a backup copies them.
        let printFile = try #require(try fixture.workspace.batchRuns(school: "149876").first?.files.first { $0.format == "pdf" })
        let reopened = try Workspace.open(at: WorkspaceLocation(folder: fixture.workspaceFolder))
        let archived = try reopened.archivedBytes(of: printFile)
        let backup = fixture.folder.appendingPathComponent("backup.sqlite")
        try reopened.backup(to: backup)
        #expect(FileManager.default.contents(atPath: backup.path + ".archive/" + printFile.archivePath) == archived)
    }

    /// `attendoc batch --school` records its export as the school's, so the office's screens list
    /// its pupils; a run the page stops waiting for goes on, its progress shown, its print kept.
    @Test func aBatchImportedFromTheCommandLineIsTheSchoolsAndARunGoesOnAfterThePageStopsWaiting() async throws {
        let fixture = try WebFixture("web-batch-progress")
        defer { fixture.remove() }
        let summary = fixture.folder.appendingPathComponent("summary.csv")
        let result = try run(WebFixture.program, ["batch", "--register", Self.register.path, "--as-of", "2026-12-10", "--school", "149876",
                                                  "--only", Self.others.joined(separator: ","), "--summary", summary.path, "--by", "Office",
                                                  "--workspace", fixture.workspaceFolder.path])
        #expect(result.status == 0, "\(result.error)")
        #expect(try fixture.workspace.latestRegisterImport(school: "149876")?.pupils.count == 6, "the export recorded as the school's register")
        #expect(try Self.concernLetters(fixture).isEmpty, "the pupil with a case was left out")
        try await serving(fixture.site(slowWorkLimit: 0)) { client in
            let office = Self.patient(client)
            try await office.signIn("office")
            let pupils = try await office.get("/pupils")
            #expect(pupils.text.contains(Self.pupil) && pupils.text.contains("6 of 6 pupil(s) shown"), "the office's pupils screen lists the batch's pupils")
            let list = try await office.get("/batch?list=1")
            let token = try #require(Visitor.csrf(in: list))
            let started = try await office.post("/batch", form: [("csrf", token), ("method", "hand"), ("format-pdf", "yes"),
                                                                 ("due-\(Self.pupil)", "yes"), ("pupil-\(Self.pupil)", "yes")])
            #expect(started.status == .accepted, "\(started.text)")
            #expect(started.text.contains("The batch is still running") && started.text.contains("href=\"/batch#progress\""))
            // Looked at again until it has finished: its progress, then the run and its print PDF.
            var screen = try await office.get("/batch")
            for _ in 0..<300 where screen.text.contains("A batch is running now") {
                #expect(screen.text.contains("pupils' letters done"))
                try await Task.sleep(for: .seconds(1))
                screen = try await office.get("/batch")
            }
            #expect(!screen.text.contains("A batch is running now") && !screen.text.contains("The last batch run failed"), "\(screen.text)")
            let link = try #require(Self.downloadLink(screen.text, format: "pdf"), "\(screen.text)")
            let download = try await office.get(link)
            let pdf = fixture.folder.appendingPathComponent("print.pdf")
            try download.body.write(to: pdf)
            #expect(try pdfText(pdf).contains("CAT/2026/0142"))
        }
        let letters = try Self.concernLetters(fixture)
        #expect(letters.count == 2 && letters.allSatisfy { $0.method == "hand" && $0.files.map(\.format) == ["pdf"] })
    }
}
