import AttendocTesting
import AttendocWorkspace
import Foundation
import Testing

/// The casework record as an attendance officer relies on it: what was sent is what the archive
/// holds, byte for byte, with who sent it, how and when; a kill or a second attendoc at the same
/// moment never leaves half an issue; a damaged or foreign database is refused untouched.
@Suite("Workspace: the record of what was sent")
struct WorkspaceTests {
    let program = repositoryRoot.appendingPathComponent(".build/debug/attendoc").path
    let example = repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml").path
    let reference = "CAT/2026/0142"

    /// The county example copied into `folder` (beside its register and evidence) without its
    /// `letters_issued`, so that its letters can be issued afresh.
    func exampleWithoutEarlierIssues(_ folder: URL) throws -> URL {
        let cases = folder.appendingPathComponent("examples")
        if !FileManager.default.fileExists(atPath: cases.path) {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("examples"), to: cases)
        }
        let caseFile = cases.appendingPathComponent("riverside-first-warning.yaml")
        let text = try String(contentsOf: caseFile, encoding: .utf8)
        let start = try #require(text.range(of: "\nletters_issued:\n"))
        let end = try #require(text.range(of: "\nreferrals:\n"))
        try Data((String(text[..<start.lowerBound]) + String(text[end.lowerBound...])).utf8).write(to: caseFile)
        return caseFile
    }

    /// A new workspace in the test's own folder, with the county example (without its earlier
    /// issues) added.
    func workspaceWithExample(_ folder: URL) throws -> URL {
        let workspace = folder.appendingPathComponent("ws")
        #expect(try run(program, ["init", workspace.path]).status == 0)
        let caseFile = try exampleWithoutEarlierIssues(folder)
        let added = try run(program, ["case", "add", caseFile.path, "--workspace", workspace.path, "--by", "A. Officer"])
        #expect(added.status == 0, "\(added.error)")
        return workspace
    }

    func issueFirstWarning(_ workspace: URL, extra: [String] = [], environment: [String: String]? = nil) throws -> (status: Int32, output: String, error: String) {
        try run(program, ["issue", reference, "--document", "first-warning-letter", "--method", "post", "--date", "2026-11-30",
                          "--by", "A. Officer", "--workspace", workspace.path] + extra, environment: environment)
    }

    @Test func initMakesAnOwnerOnlyDatabaseAndArchive() throws {
        let folder = try temporaryFolder("workspace")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = folder.appendingPathComponent("ws")
        #expect(try run(program, ["init", workspace.path]).status == 0)
        for path in ["ws", "ws/archive", "ws/attendoc.sqlite"] {
            let mode = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path)[.posixPermissions] as? Int
            #expect(mode.map { $0 & 0o077 } == 0, "\(path) is readable by its owner only")
        }
        let again = try run(program, ["init", workspace.path])
        #expect(again.status != 0)
        #expect(again.error.contains("already holds a workspace"))
        let journal = try run("sqlite3", [workspace.appendingPathComponent("attendoc.sqlite").path, "PRAGMA journal_mode;"])
        #expect(journal.output.trimmingCharacters(in: .whitespacesAndNewlines) == "wal")
    }

    @Test func everyChangeToACaseIsAVersionWithWhenAndWhom() throws {
        let folder = try temporaryFolder("workspace")
        defer { try? FileManager.default.removeItem(at: folder) }
        // A copy of the example beside its register and evidence, so it can be changed.
        let cases = folder.appendingPathComponent("examples")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("examples"), to: cases)
        let caseFile = cases.appendingPathComponent("riverside-first-warning.yaml")
        let workspace = folder.appendingPathComponent("ws")
        #expect(try run(program, ["init", workspace.path]).status == 0)
        let first = try run(program, ["case", "add", caseFile.path, "--workspace", workspace.path, "--by", "A. Officer"])
        #expect(first.output.contains("recorded CAT/2026/0142, version 1"))
        // The letters_issued of the county example (the father's invitation to his own parenting contract meeting included).
        #expect(first.output.contains("recorded 16 earlier issue(s) from letters_issued, without archived copies"))
        let unchanged = try run(program, ["case", "add", caseFile.path, "--workspace", workspace.path])
        #expect(unchanged.output.contains("unchanged since version 1"))
        var text = try String(contentsOf: caseFile, encoding: .utf8)
        text = text.replacingOccurrences(of: "year_group: 8", with: "year_group: 9")
        try Data(text.utf8).write(to: caseFile)
        let second = try run(program, ["case", "add", caseFile.path, "--workspace", workspace.path, "--by", "B. Clerk"])
        #expect(second.output.contains("version 2"))
        #expect(!second.output.contains("earlier issue"), "letters_issued entries are recorded once")
        let log = try run(program, ["case", "log", reference, "--workspace", workspace.path]).output.split(separator: "\n")
        #expect(log.count == 2)
        #expect(log[0].contains("version 1") && log[0].contains("by A. Officer") && log[0].contains("added"))
        #expect(log[1].contains("version 2") && log[1].contains("by B. Clerk") && log[1].contains("changed"))
        let versions = try Workspace.open(at: WorkspaceLocation(folder: workspace)).versions(of: reference)
        #expect(versions[1].yaml == text, "the version is the YAML exactly as written")
    }

    /// Two servers (or a server and the command line) on one workspace: each holds its own
    /// connection, and a change made from a version the other has since replaced is refused as it
    /// is recorded, with what to do, and the other's change is kept.
    @Test func aChangeFromAVersionSinceReplacedIsRefusedAndTheNewerKept() throws {
        let folder = try temporaryFolder("workspace")
        defer { try? FileManager.default.removeItem(at: folder) }
        let location = WorkspaceLocation(folder: folder.appendingPathComponent("ws"))
        let first = try Workspace.create(at: location)
        let second = try Workspace.open(at: location)
        func record(_ workspace: Workspace, _ yaml: String, by person: String, from version: Int) throws(WorkspaceError) -> Workspace.CaseRecording {
            try workspace.record(caseFile: yaml, reference: "NEW/1", sourcePath: "/cases/new-1.yaml", upn: nil, schoolURN: "149876",
                                 earlierIssues: [], by: person, expectedVersion: version)
        }
        #expect(try record(first, "reference: NEW/1\n", by: "j.smith", from: 0).newVersion == 1)
        let again = #expect(throws: WorkspaceError.self) { try record(second, "reference: NEW/1 # again\n", by: "a.brennan", from: 0) }
        #expect(again?.description.contains("was added to the record by someone else meanwhile (version 1 was recorded by j.smith)") == true)
        // Both opened version 1; the first saves version 2, the second's change from version 1 is refused.
        #expect(try record(first, "reference: NEW/1\nyear: 9\n", by: "j.smith", from: 1).newVersion == 2)
        let stale = #expect(throws: WorkspaceError.self) { try record(second, "reference: NEW/1\nyear: 10\n", by: "a.brennan", from: 1) }
        #expect(stale?.description.contains("changed since version 1, which this change was made from (version 2 was recorded by j.smith)") == true)
        #expect(stale?.description.contains("open the case again") == true)
        let versions = try second.versions(of: "NEW/1")
        #expect(versions.map(\.version) == [1, 2])
        #expect(versions.last?.yaml == "reference: NEW/1\nyear: 9\n", "the change recorded first is kept")
        #expect(try record(second, "reference: NEW/1\nyear: 10\n", by: "a.brennan", from: 2).newVersion == 3)
    }

    @Test func aRegisterImportKeepsEveryChangedMark() throws {
        let folder = try temporaryFolder("workspace")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try workspaceWithExample(folder)
        let register = repositoryRoot.appendingPathComponent("examples/registers/riverside-academy-autumn-2026.csv")
        let first = try run(program, ["register", "import", register.path, "--workspace", workspace.path])
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output.contains("0 changed"))
        // The school later authorises an absence: an N becomes an O? No: an unexplained N becomes
        // an authorised illness, I, on one session.
        var lines = try String(contentsOf: register, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = try #require(lines.firstIndex { $0.hasPrefix("Y878401219052,") && $0.split(separator: ",").dropFirst(2).contains("N") })
        var cells = lines[index].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let session = cells[2] == "N" ? 2 : 3
        cells[session] = "I"
        lines[index] = cells.joined(separator: ",")
        let changed = folder.appendingPathComponent("riverside-later.csv")
        try Data(lines.joined(separator: "\n").utf8).write(to: changed)
        let second = try run(program, ["register", "import", changed.path, "--workspace", workspace.path])
        #expect(second.output.contains("0 new, 1 changed"), "\(second.output)\(second.error)")
        let record = try Workspace.open(at: WorkspaceLocation(folder: workspace))
        let history = try record.markChanges(for: "Y878401219052")
        #expect(history.count == 1)
        #expect(history.first?.oldMark == "N" && history.first?.newMark == "I" && history.first?.day == cells[1] && history.first?.importID == 2)
        let imports = try record.registerImports()
        #expect(imports.map(\.sha256) == [try sha256sum(register), try sha256sum(changed)])
    }

    @Test func issuingArchivesTheExactBytesWithWhoHowAndWhen() throws {
        let folder = try temporaryFolder("workspace")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try workspaceWithExample(folder)
        let issued = try issueFirstWarning(workspace, extra: ["--format", "pdf,html"])
        #expect(issued.status == 0, "\(issued.error)")
        // Posted on Monday 30 November 2026: deemed served on the second working day, 2 December.
        #expect(issued.output.contains("issued first-warning-letter to parents[0] by post on 2026-11-30, deemed served 2026-12-02"))
        let record = try Workspace.open(at: WorkspaceLocation(folder: workspace))
        let documents = try record.issuedDocuments(for: reference).filter(\.archived)
        #expect(documents.map(\.recipientID) == ["mother", "father"])
        for document in documents {
            #expect(document.issuedBy == "A. Officer" && document.method == "post" && document.sentOn == "2026-11-30")
            #expect(document.files.map(\.format) == ["html", "pdf"])
            #expect(document.figuresJSON?.contains("\"to\": \"2026-11-30\"") == true)
            #expect(document.caseVersion == 1 && document.templateSHA256?.count == 64 && document.policySHA256?.count == 64)
            for file in document.files {
                let url = workspace.appendingPathComponent("archive/\(file.archivePath)")
                #expect(try sha256sum(url) == file.sha256, "the record's SHA-256 is the archived file's")
                let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
                #expect(mode.map { $0 & 0o077 } == 0)
            }
        }
        // The archived copy is the letter the parent reads: her own name and address, not his.
        let mother = try #require(documents.first { $0.recipientID == "mother" }?.files.first { $0.format == "pdf" })
        let text = try pdfText(workspace.appendingPathComponent("archive/\(mother.archivePath)"))
        #expect(text.contains("D’Souza") || text.contains("D'Souza"))
        #expect(!text.contains("Sidwell"))
        // The same letter rendered now is byte-identical to the archived one (deterministic output).
        let render = try run(program, ["render", folder.appendingPathComponent("examples/riverside-first-warning.yaml").path, "--document", "first-warning-letter", "--format", "pdf", "--date", "2026-11-30",
                                       "--out", folder.appendingPathComponent("out").path])
        #expect(render.status == 0)
        #expect(try sha256sum(folder.appendingPathComponent("out/CAT-2026-0142/first-warning-letter/zoe-dsouza.pdf")) == mother.sha256)

        let history = try run(program, ["history", reference, "--workspace", workspace.path]).output
        #expect(history.contains("2026-11-30  first-warning-letter  to parents[1]  by post  deemed served 2026-12-02  issued by A. Officer"))
    }

    @Test func theSameLetterTwiceInsideTheWindowIsRefusedUnlessAReasonIsGiven() throws {
        let folder = try temporaryFolder("workspace")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try workspaceWithExample(folder)
        #expect(try issueFirstWarning(workspace, extra: ["--format", "txt", "--to", "mother"]).status == 0)
        let twice = try issueFirstWarning(workspace, extra: ["--format", "txt", "--to", "mother"])
        #expect(twice.status != 0)
        #expect(twice.error.contains("a first-warning-letter was already issued to parents[0] on 2026-11-30"))
        #expect(twice.error.contains("--reissue"))
        let again = try issueFirstWarning(workspace, extra: ["--format", "txt", "--to", "mother", "--reissue", "returned undelivered"])
        #expect(again.status == 0, "\(again.error)")
        let documents = try Workspace.open(at: WorkspaceLocation(folder: workspace)).issuedDocuments(for: reference).filter(\.archived)
        #expect(documents.count == 2)
        #expect(documents.last?.reissueReason == "returned undelivered")
    }

    /// Kill -9 at each named instant of an issue to two recipients, and at spread-out moments:
    /// afterwards the record holds the whole issue with every archived file, or none of it, and
    /// a rerun completes it.
    @Test(arguments: ["archive-files-written", "rows-inserted", "archive-folder-in-place"])
    func aKillDuringAnIssueLeavesAllOrNothing(point: String) throws {
        let folder = try temporaryFolder("workspace")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try workspaceWithExample(folder)
        var environment = ProcessInfo.processInfo.environment
        environment["ATTENDOC_CRASH_POINT"] = point
        let killed = try issueFirstWarning(workspace, extra: ["--format", "txt"], environment: environment)
        #expect(killed.status != 0, "the process was killed at \(point)")
        try expectWholeOrNothing(workspace, expecting: 0)
        let rerun = try issueFirstWarning(workspace, extra: ["--format", "txt"])
        #expect(rerun.status == 0, "\(rerun.error)")
        try expectWholeOrNothing(workspace, expecting: 2)
    }

    @Test func killsAtSpreadOutMomentsNeverLeaveHalfAnIssue() throws {
        let folder = try temporaryFolder("workspace")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try workspaceWithExample(folder)
        var issuedSoFar = 0
        for delay in [0.05, 0.15, 0.3, 0.5, 0.8] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = ["issue", reference, "--document", "first-warning-letter", "--method", "post", "--date", "2026-11-30",
                                 "--format", "txt", "--workspace", workspace.path, "--reissue", "kill test"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let count = try expectWholeOrNothing(workspace, atLeast: issuedSoFar)
            issuedSoFar = count
        }
    }

    /// The archive and the rows agree: every archived issue has all its files (with the right
    /// SHA-256) and no folder is left that no row names. Returns the number of archived issues.
    @discardableResult
    func expectWholeOrNothing(_ workspace: URL, expecting expected: Int? = nil, atLeast minimum: Int = 0) throws -> Int {
        let record = try Workspace.open(at: WorkspaceLocation(folder: workspace))
        let archived = try record.issuedDocuments(for: reference).filter(\.archived)
        if let expected { #expect(archived.count == expected) }
        #expect(archived.count >= minimum && archived.count % 2 == 0, "an issue to two parents is recorded whole: \(archived.count)")
        for document in archived {
            for file in document.files {
                #expect(try record.archivedBytes(of: file).count == file.bytes)
            }
        }
        let folders = try FileManager.default.contentsOfDirectory(atPath: workspace.appendingPathComponent("archive").path).sorted()
        #expect(folders == archived.map(\.id).sorted(), "no archived file without its row, no row without its file")
        return archived.count
    }

    @Test func twoIssuesAtOnceGiveOneIssueAndAClearMessage() throws {
        let folder = try temporaryFolder("workspace")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try workspaceWithExample(folder)
        let results = ResultBox()
        let group = DispatchGroup()
        for _ in 0..<2 {
            DispatchQueue.global().async(group: group) {
                let result = try? self.issueFirstWarning(workspace, extra: ["--format", "txt", "--to", "father"])
                results.append(result)
            }
        }
        group.wait()
        let all = results.values.compactMap { $0 }
        #expect(all.count == 2)
        #expect(all.filter { $0.status == 0 }.count == 1, "exactly one issue")
        let loser = try #require(all.first { $0.status != 0 })
        #expect(loser.error.contains("already issued to parents[1]"), "\(loser.error)")
                let archived = try Workspace.open(at: WorkspaceLocation(folder: workspace)).issuedDocuments(for: reference).filter(\.archived)
        #expect(archived.count == 1)
        #expect(try run("sqlite3", [workspace.appendingPathComponent("attendoc.sqlite").path, "PRAGMA integrity_check;"]).output
            .trimmingCharacters(in: .whitespacesAndNewlines) == "ok")
    }

    @Test func aDamagedForeignOrNewerDatabaseIsRefusedAndLeftAsItWas() throws {
        let folder = try temporaryFolder("workspace")
        defer { try? FileManager.default.removeItem(at: folder) }
        // Not a database at all.
        let damaged = folder.appendingPathComponent("damaged")
        try FileManager.default.createDirectory(at: damaged, withIntermediateDirectories: true)
        let junk = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try junk.write(to: damaged.appendingPathComponent("attendoc.sqlite"))
        let first = try run(program, ["history", reference, "--workspace", damaged.path])
        #expect(first.status != 0)
        #expect(first.error.contains("is not a usable workspace database") || first.error.contains("cannot be opened"), "\(first.error)")
        #expect(try Data(contentsOf: damaged.appendingPathComponent("attendoc.sqlite")) == junk, "nothing changed")

        // Another program's SQLite database.
        let foreign = folder.appendingPathComponent("foreign")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        _ = try run("sqlite3", [foreign.appendingPathComponent("attendoc.sqlite").path, "CREATE TABLE invoices (id INTEGER);"])
        let before = try Data(contentsOf: foreign.appendingPathComponent("attendoc.sqlite"))
        let second = try run(program, ["history", reference, "--workspace", foreign.path])
        #expect(second.error.contains("is an SQLite database but not an Attendoc workspace"), "\(second.error)")
        #expect(try Data(contentsOf: foreign.appendingPathComponent("attendoc.sqlite")) == before)

        // A workspace from a newer Attendoc: a migration this version does not know.
        let workspace = try workspaceWithExample(folder)
        _ = try run("sqlite3", [workspace.appendingPathComponent("attendoc.sqlite").path,
                                "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future');"])
        let third = try run(program, ["history", reference, "--workspace", workspace.path])
        #expect(third.status != 0)
        #expect(third.error.contains("was made by a newer version of Attendoc"), "\(third.error)")

        // No workspace at all.
        let none = try run(program, ["history", reference, "--workspace", folder.appendingPathComponent("nowhere").path])
        #expect(none.error.contains("there is no workspace in") && none.error.contains("attendoc init"))
    }

    @Test func aMissingOrChangedArchiveFileIsNamed() throws {
        let folder = try temporaryFolder("workspace")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try workspaceWithExample(folder)
        #expect(try issueFirstWarning(workspace, extra: ["--format", "txt"]).status == 0)
        let record = try Workspace.open(at: WorkspaceLocation(folder: workspace))
        let files = try record.issuedDocuments(for: reference).filter(\.archived).flatMap(\.files)
        try Data("changed".utf8).write(to: workspace.appendingPathComponent("archive/\(files[0].archivePath)"))
        try FileManager.default.removeItem(at: workspace.appendingPathComponent("archive/\(files[1].archivePath)"))
        let changed = #expect(throws: WorkspaceError.self) { try record.archivedBytes(of: files[0]) }
        #expect(changed?.description.contains("no longer matches the SHA-256") == true)
        let missing = #expect(throws: WorkspaceError.self) { try record.archivedBytes(of: files[1]) }
        #expect(missing?.description.contains("is missing from the workspace") == true)
    }

    @Test func backupAndExportHoldTheWholeRecord() throws {
        let folder = try temporaryFolder("workspace")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try workspaceWithExample(folder)
        #expect(try issueFirstWarning(workspace, extra: ["--format", "txt"]).status == 0)
        let backup = folder.appendingPathComponent("backup.sqlite")
        let made = try run(program, ["backup", backup.path, "--workspace", workspace.path])
        #expect(made.status == 0, "\(made.error)")
        // The backup is a workspace of its own: its rows and archived files agree.
        let restored = folder.appendingPathComponent("restored")
        try FileManager.default.createDirectory(at: restored, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: backup, to: restored.appendingPathComponent("attendoc.sqlite"))
        try FileManager.default.copyItem(at: URL(fileURLWithPath: backup.path + ".archive"), to: restored.appendingPathComponent("archive"))
        try expectWholeOrNothing(restored, expecting: 2)

        let export = try run(program, ["export", "--workspace", workspace.path])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(export.output.utf8)) as? [String: Any])
        let issued = try #require(json["issuedDocuments"] as? [[String: Any]])
        #expect(issued.count == 2)
        #expect((json["cases"] as? [[String: Any]])?.count == 1)
        #expect(try run(program, ["export", "--workspace", workspace.path]).output == export.output, "the same record, the same bytes")
    }

    @Test func deemedServiceCountsWorkingDaysFromThePolicy() throws {
        let rules = try #require(try policy("county-attendance-team").issuing)
        // Friday 18 December 2026 by post: Monday 21, Tuesday 22.
        #expect(rules.deemedServed(sent: date("2026-12-18"), method: "post") == date("2026-12-22"))
        // Thursday 24 December 2026 by post: Christmas (25) and Boxing Day substitute (28) are not
        // working days: Tuesday 29, Wednesday 30.
        #expect(rules.deemedServed(sent: date("2026-12-24"), method: "post") == date("2026-12-30"))
        // By hand on a Saturday: the next working day.
        #expect(rules.deemedServed(sent: date("2026-11-28"), method: "hand") == date("2026-11-30"))
        #expect(rules.deemedServed(sent: date("2026-11-30"), method: "email") == date("2026-11-30"))
    }

    @Test func dueListsWhatNeedsDoingSoonestFirstInSchoolDays() throws {
        let folder = try temporaryFolder("workspace")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = folder.appendingPathComponent("ws")
        #expect(try run(program, ["init", workspace.path]).status == 0)
        for example in ["riverside-first-warning", "school-tier2-case", "hillside-send-and-social-worker", "hillcrest-target-met"] {
            let added = try run(program, ["case", "add", repositoryRoot.appendingPathComponent("examples/\(example).yaml").path, "--workspace", workspace.path])
            #expect(added.status == 0, "\(added.error)")
        }
        let register = repositoryRoot.appendingPathComponent("examples/registers/riverside-academy-autumn-2026.csv").path
        #expect(try run(program, ["register", "import", register, "--workspace", workspace.path]).status == 0)
        let due = try run(program, ["due", "--as-of", "2026-12-10", "--workspace", workspace.path])
        #expect(due.status == 0, "\(due.error)")
        let lines = due.output.split(separator: "\n").map(String.init)
        // The interview (3 December) set a target; its review is the policy's target_review, 5 weeks on.
        #expect(lines.contains("2027-01-07  in 10 school day(s)  CAT/2026/0142, UPN Y878401219052: target review for the target set at meetings[2]: a target met letter or a final warning"), "\(due.output)")
        #expect(lines.contains { $0.hasPrefix("2026-12-17  in 5 school day(s)  BPS/ATT/2026/031") && $0.contains("review of the attendance improvement plan meeting of 2026-11-05 (meetings[1])") })
        // Seed 003, tier 3: the attendance contract agreed on 8 October, due for review on 5 November.
        let october = try run(program, ["due", "--as-of", "2026-10-20", "--school", "148213", "--workspace", workspace.path]).output
        #expect(october.split(separator: "\n").contains { $0.hasPrefix("2026-11-05  in ") && $0.contains("BPS/ATT/2026/031") && $0.contains(": review of the attendance contract agreed at the parenting contract meeting of 2026-10-08 (meetings[0]); record it under reviews: for the review record (review-record)") }, "\(october)")
        // An N mark of 16 November still open after 5 school days.
        #expect(lines.contains("2026-11-23  overdue by 13 school day(s)  UPN Y878401219052: the AM session of 2026-11-16 is still marked N (no reason yet) after 5 school days"))
        let dates = lines.map { String($0.prefix(10)) }
        #expect(dates == dates.sorted(), "soonest first")
        // Only one school's cases.
        let one = try run(program, ["due", "--as-of", "2026-12-10", "--school", "149876", "--workspace", workspace.path]).output
        #expect(!one.contains("BPS/ATT/2026/031"))
        #expect(one.contains("CAT/2026/0142"))
    }

    @Test func dueListsEachCasesNextStepFromItsPolicysSteps() throws {
        let folder = try temporaryFolder("workspace")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = folder.appendingPathComponent("ws")
        #expect(try run(program, ["init", workspace.path]).status == 0)
        for example in ["school-tier2-case", "hillside-send-and-social-worker"] {
            let added = try run(program, ["case", "add", repositoryRoot.appendingPathComponent("examples/\(example).yaml").path, "--workspace", workspace.path])
            #expect(added.status == 0, "\(added.error)")
        }
        let due = try run(program, ["due", "--as-of", "2026-12-10", "--workspace", workspace.path])
        #expect(due.status == 0, "\(due.error)")
        let lines = due.output.split(separator: "\n").map(String.init)
        // attendance-tiers' support_plan_review: 4 school weeks after the plan of Friday 20 November.
        #expect(lines.contains("2026-12-18  in 6 school day(s)  HPS/2026/017, UPN T878401219201: next step support_plan_review: Review the attendance support plan within 4 school weeks (document: review-record); called for because the attendance support plan meeting of 20 November 2026 (meetings[2]) is reviewed"), "\(due.output)")
        // Maisie's Friday illness (11 September, 16 and 23 October) calls for the GP consent request.
        #expect(lines.contains { $0.hasPrefix("2026-10-23  overdue by 28 school day(s)  BPS/ATT/2026/031, UPN T878203121014: next step gp_consent:") && $0.contains("illness on 3 Fridays in different weeks") }, "\(due.output)")
        // Steps the record shows taken are not listed: Maisie's APDR (apdr[0]), Kacpi's consent request (letters_issued).
        #expect(!lines.contains { $0.contains("BPS/ATT/2026/031") && $0.contains("next step apdr:") })
        #expect(!lines.contains { $0.contains("HPS/2026/017") && $0.contains("next step gp_consent:") })
    }

    @Test func aRegisterChangeBehindAnIssuedLetterShowsItsFiguresThenAndNow() throws {
        let folder = try temporaryFolder("workspace")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try workspaceWithExample(folder)
        let register = folder.appendingPathComponent("examples/registers/riverside-academy-autumn-2026.csv")
        #expect(try run(program, ["register", "import", register.path, "--workspace", workspace.path]).status == 0)
        #expect(try issueFirstWarning(workspace, extra: ["--format", "txt", "--to", "mother"]).status == 0)
        // Later the school authorises an absence that was unauthorised when the letter went.
        var lines = try String(contentsOf: register, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = try #require(lines.firstIndex { $0.hasPrefix("Y878401219052,2026-11") && $0.split(separator: ",").dropFirst(2).first == "O" })
        var cells = lines[index].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[2] = "I"
        lines[index] = cells.joined(separator: ",")
        let later = folder.appendingPathComponent("later.csv")
        try Data(lines.joined(separator: "\n").utf8).write(to: later)
        #expect(try run(program, ["register", "import", later.path, "--workspace", workspace.path]).output.contains("1 changed"))
        let history = try run(program, ["history", reference, "--workspace", workspace.path]).output
        #expect(history.contains("figures quoted: {\"from\": \"2026-09-03\", \"to\": \"2026-11-30\""))
        #expect(history.contains("OUT OF DATE: the register now gives"), "\(history)")
        let due = try run(program, ["due", "--as-of", "2026-12-01", "--workspace", workspace.path]).output
        #expect(due.contains("the first-warning-letter sent to parents[0] on 2026-11-30 quoted"), "\(due)")
        #expect(due.contains("the register now gives"))
    }

    @Test func aCertificateOfServiceIsMadeFromTheRecord() throws {
        let folder = try temporaryFolder("workspace")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try workspaceWithExample(folder)
        // Friday 4 December 2026 by post: deemed served on Tuesday 8 December.
        #expect(try run(program, ["issue", reference, "--document", "first-warning-letter", "--method", "post", "--date", "2026-12-04",
                                  "--by", "A. Officer", "--format", "pdf", "--workspace", workspace.path]).status == 0)
        let out = folder.appendingPathComponent("out")
        let made = try run(program, ["certificate-of-service", reference, "--to", "father", "--format", "txt,pdf",
                                     "--out", out.path, "--workspace", workspace.path])
        #expect(made.status == 0, "\(made.error)")
        let record = try Workspace.open(at: WorkspaceLocation(folder: workspace)).issuedDocuments(for: reference).first { $0.recipientID == "father" }
        let issued = try #require(record)
        let stem = "CAT-2026-0142/certificates-of-service/2026-12-04-first-warning-letter-father-\(issued.id.prefix(8))"
        let text = flattened(try String(contentsOf: out.appendingPathComponent("\(stem).txt"), encoding: .utf8))
        for expected in ["Certificate of service", "Document: First warning letter, dated 4 December 2026", "Method: First class post",
                         "Sent on: 4 December 2026", "Deemed served on: 8 December 2026", "Sent by: A. Officer",
                         "Address: Address withheld (confidential)", issued.files[0].sha256] {
            #expect(text.contains(expected), "\(expected) in \(text)")
        }
        #expect(!text.contains("Sidwell") && !text.contains("EX4 6NN"), "the confidential address is never on a certificate")
        #expect(flattened(try pdfText(out.appendingPathComponent("\(stem).pdf"))).contains("Deemed served on: 8 December 2026"))
    }

    /// With a workspace, the bundle exhibits the letters as the archive holds them (their own bytes
    /// and SHA-256), says how and when they were sent, and the statement takes who sent them from
    /// the record; a letter with no archived copy is left out, or in a draft marked on every page.
    @Test func checkForProsecutionReadsTheLettersSentFromTheRecord() throws {
        let folder = try temporaryFolder("workspace-check")
        defer { try? FileManager.default.removeItem(at: folder) }
        // The record holds no letters (the case was added without its letters_issued), while the
        // case file checked lists every one: the check believes the record.
        let workspace = try workspaceWithExample(folder)
        let check = ["check", example, "--for", "prosecution", "--as-of", "2027-01-11", "--workspace", workspace.path]
        let before = try run(program, check)
        #expect(before.status == 1, "\(before.output)")
        #expect(before.output.contains("- parents[0]: the workspace's record holds no first warning letter to this parent. To do: issue it (attendoc issue CAT/2026/0142 --document first-warning-letter --to mother --method post)"), "\(before.output)")
        #expect(before.output.contains("- parents[1]: the workspace's record holds no final warning letter"))
        // Issued into the record, the first warnings are no longer missing; the final warnings still are.
        #expect(try issueFirstWarning(workspace).status == 0)
        let after = try run(program, check)
        #expect(after.status == 1)
        #expect(!after.output.contains("no first warning letter"), "\(after.output)")
        #expect(after.output.contains("- parents[0]: the workspace's record holds no final warning letter"))
        // Without a workspace the case file's letters_issued is read, and the case is ready.
        let alone = try run(program, Array(check.dropLast(2)), in: folder)
        #expect(alone.status == 0, "\(alone.output)")
    }

    @Test func theBundleExhibitsTheArchivedCopiesAsSent() throws {
        let folder = try temporaryFolder("workspace")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = folder.appendingPathComponent("ws")
        #expect(try run(program, ["init", workspace.path]).status == 0)
        #expect(try run(program, ["case", "add", example, "--workspace", workspace.path]).status == 0)
        // The case file records the first warnings of 23 November; here they are archived as well.
        let issued = try run(program, ["issue", reference, "--document", "first-warning-letter", "--method", "post", "--date", "2026-11-23",
                                       "--by", "Alex Brennan", "--format", "pdf", "--reissue", "archived copy of the letters sent",
                                       "--workspace", workspace.path])
        #expect(issued.status == 0, "\(issued.error)")
        let records = try Workspace.open(at: WorkspaceLocation(folder: workspace)).issuedDocuments(for: reference).filter(\.archived)

        let out = folder.appendingPathComponent("out")
        let made = try run(program, ["bundle", example, "--as-of", "2027-01-11", "--out", out.path, "--workspace", workspace.path])
        #expect(made.status == 0, "\(made.error)")
        #expect(made.output.contains("left out: letters_issued[0]: the workspace holds no archived copy of the attendance-concern-letter sent to parents[0] on 2026-09-25"), "\(made.output)")
        let manifestURL = out.appendingPathComponent("CAT-2026-0142/evidence-bundle-manifest.json")
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: manifestURL)) as? [String: Any])
        let documents = try #require(manifest["documents"] as? [[String: Any]]).filter { $0["section"] as? String == "E" }
        let warnings = documents.filter { ($0["title"] as? String)?.hasPrefix("First warning letter") == true }
        #expect(warnings.count == 2)
        for record in records {
            let entry = try #require(warnings.first { ($0["source"] as? String)?.contains(record.id) == true })
            #expect(entry["sha256"] as? String == record.files[0].sha256, "the exhibit is the archived file, byte for byte")
            #expect((entry["title"] as? String)?.contains("as sent by first class post on 23 November 2026, deemed served on 25 November 2026") == true, "\(entry)")
        }
        // Letters the record holds no copy of are not in section E at all.
        #expect(!documents.contains { ($0["title"] as? String)?.hasPrefix("Attendance concern letter") == true })
        let text = flattened(try pdfText(out.appendingPathComponent("CAT-2026-0142/evidence-bundle.pdf")))
        #expect(text.contains("The records show that on 23 November 2026 Alex Brennan sent a first warning letter to"), "the statement takes who sent it from the record")
        #expect(text.contains("I produce copies, as they were sent, as"))
        #expect(text.contains("The records show that on 25 September 2026"), "a letter recorded without a copy is stated as recorded")

        // A draft includes the letters without an archived copy, marked on every page.
        let draftOut = folder.appendingPathComponent("draft")
        let draft = try run(program, ["bundle", example, "--as-of", "2027-01-11", "--draft", "--out", draftOut.path, "--workspace", workspace.path])
        #expect(draft.status == 0, "\(draft.error)")
        let draftManifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: draftOut.appendingPathComponent("CAT-2026-0142/evidence-bundle-manifest.json"))) as? [String: Any])
        let reconstructions = try #require(draftManifest["documents"] as? [[String: Any]]).filter {
            ($0["title"] as? String)?.hasPrefix("Reconstruction from the case record, not the document sent") == true
        }
        #expect(!reconstructions.isEmpty)
        let pdf = draftOut.appendingPathComponent("CAT-2026-0142/evidence-bundle.pdf")
        for entry in reconstructions {
            let first = try #require(entry["first_page"] as? Int), last = try #require(entry["last_page"] as? Int)
            for page in first...last {
                let pageText = flattened(try run("pdftotext", ["-f", "\(page)", "-l", "\(page)", pdf.path, "-"]).output)
                #expect(pageText.contains("RECONSTRUCTION FROM THE CASE RECORD, NOT THE DOCUMENT SENT"), "page \(page)")
            }
        }
    }

    func sha256sum(_ url: URL) throws -> String {
        String(try run("sha256sum", [url.path]).output.prefix(64))
    }
}

/// Results gathered from threads.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [(status: Int32, output: String, error: String)?] = []
    func append(_ value: (status: Int32, output: String, error: String)?) {
        lock.lock(); stored.append(value); lock.unlock()
    }
    var values: [(status: Int32, output: String, error: String)?] {
        lock.lock(); defer { lock.unlock() }; return stored
    }
}
