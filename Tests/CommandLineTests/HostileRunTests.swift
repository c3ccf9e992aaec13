@testable import AttendocCaseModel
@testable import AttendocPrograms
@testable import AttendocRendering
import AttendocTesting
import Foundation
import Testing

/// Hostile input, kills and failures (docs/safety.md): evidence from outside the case, programs
/// that never finish, runs killed at any moment, a commit that fails half way.
@Suite("Hostile runs")
struct HostileRunTests {
    static let program = CommandLineTests.program

    /// A copy of examples/ in a temporary folder, with the riverside case citing `hostile` as the
    /// mentor's log, and a neighbouring family's folder beside it.
    static func caseCiting(_ hostile: String, label: String, prepare: (URL) throws -> Void = { _ in }) throws -> (root: URL, caseFile: URL) {
        let root = try temporaryFolder(label)
        let examples = root.appendingPathComponent("examples")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("examples"), to: examples)
        let other = root.appendingPathComponent("other-family/evidence")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data("another family's notes\n".utf8).write(to: other.appendingPathComponent("notes.txt"))
        try prepare(examples)
        let caseFile = examples.appendingPathComponent("riverside-first-warning.yaml")
        let text = try String(contentsOf: caseFile, encoding: .utf8)
        try text.replacingOccurrences(of: "evidence/mentor-check-in-log-october-2026.txt", with: hostile)
            .write(to: caseFile, atomically: true, encoding: .utf8)
        return (root, caseFile)
    }

    static func expectRefusedByCheckAndBundle(_ caseFile: URL, root: URL, saying words: String) throws {
        #expect {
            _ = try CaseFileReader.read(contentsOf: caseFile)
        } throws: { error in
            "\(error)".contains(words)
        }
        let check = try run(program.path, ["check", caseFile.path, "--for", "prosecution", "--as-of", "2027-01-11"], in: repositoryRoot)
        #expect(check.status != 0)
        #expect(check.error.contains(words), "\(check.error)")
        let out = root.appendingPathComponent("out")
        let bundle = try run(program.path, ["bundle", caseFile.path, "--as-of", "2027-01-11", "--out", out.path], in: repositoryRoot)
        #expect(bundle.status != 0)
        #expect(bundle.error.contains(words), "\(bundle.error)")
        #expect(filesUnder(out).isEmpty)
        // Nothing of the file's content in any message.
        #expect(!check.error.contains("root:") && !bundle.error.contains("root:") && !bundle.error.contains("another family"))
    }

    @Test func evidenceThatIsASymbolicLinkToTheShadowFileIsRefusedByCheckAndBundle() throws {
        let target = FileManager.default.fileExists(atPath: "/etc/shadow") ? "/etc/shadow" : "/etc/passwd"
        let (root, caseFile) = try Self.caseCiting("evidence/mentor-notes.txt", label: "shadow") { examples in
            try FileManager.default.createSymbolicLink(atPath: examples.appendingPathComponent("evidence/mentor-notes.txt").path,
                                                       withDestinationPath: target)
        }
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.expectRefusedByCheckAndBundle(caseFile, root: root, saying: "refers to a file outside the case's folder")
    }

    @Test func evidenceInAnotherFamilysFolderIsRefusedByCheckAndBundle() throws {
        let (root, caseFile) = try Self.caseCiting("../other-family/evidence/notes.txt", label: "other-family")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.expectRefusedByCheckAndBundle(caseFile, root: root, saying: "refers to a file outside the case's folder")
    }

    @Test func evidenceClimbingToTheSystemsFilesIsRefusedByCheckAsByBundle() throws {
        let (root, caseFile) = try Self.caseCiting("../../../../../../../../etc/passwd", label: "passwd")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.expectRefusedByCheckAndBundle(caseFile, root: root, saying: "refers to a file outside the case's folder")
    }

    @Test func evidenceThatIsASymbolicLinkToADeviceIsRefusedBeforeQPDFCanReadForever() throws {
        let (root, caseFile) = try Self.caseCiting("evidence/scan.pdf", label: "urandom") { examples in
            try FileManager.default.createSymbolicLink(atPath: examples.appendingPathComponent("evidence/scan.pdf").path,
                                                       withDestinationPath: "/dev/urandom")
        }
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.expectRefusedByCheckAndBundle(caseFile, root: root, saying: "refers to a file outside the case's folder")
    }

    @Test func aNamedPipeInsideTheCaseFolderIsRefusedAsNotAFile() throws {
        let (root, caseFile) = try Self.caseCiting("evidence/pipe.txt", label: "fifo") { examples in
            #expect(mkfifo(examples.appendingPathComponent("evidence/pipe.txt").path, 0o600) == 0)
        }
        defer { try? FileManager.default.removeItem(at: root) }
        #expect {
            _ = try CaseFileReader.read(contentsOf: caseFile)
        } throws: { error in
            "\(error)".contains("refers to something that is not a regular file")
        }
    }

    @Test func aSymbolicLinkThatStaysInsideTheCaseFolderIsAccepted() throws {
        let (root, caseFile) = try Self.caseCiting("evidence/link-to-log.txt", label: "inside-link") { examples in
            try FileManager.default.createSymbolicLink(atPath: examples.appendingPathComponent("evidence/link-to-log.txt").path,
                                                       withDestinationPath: "mentor-check-in-log-october-2026.txt")
        }
        defer { try? FileManager.default.removeItem(at: root) }
        let read = try CaseFileReader.read(contentsOf: caseFile)
        #expect(read.supportiveMeasures.flatMap(\.evidence).contains { $0.path == "evidence/link-to-log.txt" && $0.problem == nil })
    }

    // MARK: Programs

    @Test func aProgramPastItsTimeLimitIsKilledWithWhatItStarted() throws {
        let folder = try temporaryFolder("time-limit")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pidFile = folder.appendingPathComponent("pid").path
        let started = Date()
        #expect {
            _ = try ChildProcess.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "sleep 30 & echo $! > '\(pidFile)'; wait"],
                                     timeLimit: 0.5, purpose: "for the test")
        } throws: { error in
            "\(error)".hasPrefix("sh did not finish within 0.5 seconds for the test and was stopped; if it needs longer, set ATTENDOC_PROGRAM_TIMEOUT")
        }
        #expect(Date().timeIntervalSince(started) < 10)
        let grandchild = try #require(Int32(String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        // The background sleep was in the program's process group, so it was killed too.
        var gone = false
        for _ in 0..<100 where !gone {
            gone = kill(grandchild, 0) != 0
            if !gone { usleep(20_000) }
        }
        #expect(gone)
    }

    @Test func aTimeLimitThatIsNotANumberIsAnErrorNamingTheSetting() throws {
        let result = try run(Self.program.path, ["bundle", repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml").path,
                                                 "--as-of", "2027-01-11", "--out", "/nonexistent/never"],
                             environment: ProcessInfo.processInfo.environment.merging(["ATTENDOC_PROGRAM_TIMEOUT": "soon"]) { $1 },
                             in: repositoryRoot)
        #expect(result.status == 1)
        #expect(result.error.contains("ATTENDOC_PROGRAM_TIMEOUT must be a number of seconds greater than 0"), "\(result.error)")
    }

    @Test func temporaryFoldersAreTheOwnersAlone() throws {
        let folder = try TemporaryFolder.make("test")
        defer { TemporaryFolder.remove(folder) }
        let file = folder.appendingPathComponent("secret.fo")
        try TemporaryFolder.writePrivate(Data("x".utf8), to: file)
        let folderMode = try #require(FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int)
        let rootMode = try #require(FileManager.default.attributesOfItem(atPath: folder.deletingLastPathComponent().path)[.posixPermissions] as? Int)
        let fileMode = try #require(FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int)
        #expect(folderMode == 0o700 && rootMode == 0o700 && fileMode == 0o600)
    }

    /// An environment whose temporary folder is `tmp` and whose FOP is a script that records its
    /// process id in `pid` and then sleeps.
    static func sleepingFOP(in folder: URL) throws -> (environment: [String: String], tmp: URL, pid: URL) {
        let tmp = folder.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        let pid = folder.appendingPathComponent("fop.pid")
        let script = folder.appendingPathComponent("fop")
        try "#!/bin/sh\necho $$ > '\(pid.path)'\nexec sleep 60\n".write(to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o755)
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = tmp.path
        environment["ATTENDOC_FOP"] = script.path
        return (environment, tmp, pid)
    }

    static func start(_ arguments: [String], environment: [String: String]) throws -> Process {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = repositoryRoot
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func waitFor(_ condition: () -> Bool, seconds: Double = 20) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }

    static func pid(in file: URL) -> Int32? {
        (try? String(contentsOf: file, encoding: .utf8)).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    @Test(arguments: [SIGKILL, SIGTERM, SIGINT])
    func aRunKilledWhileFOPRunsLeavesNoProgramNoTemporaryFolderAndNoStaging(signal: Int32) throws {
        let folder = try temporaryFolder("killed-fop")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (environment, tmp, pidFile) = try Self.sleepingFOP(in: folder)
        let out = folder.appendingPathComponent("out")
        let process = try Self.start(["render", "examples/riverside-first-warning.yaml", "--document", "first-warning-letter",
                                      "--date", "2026-11-23", "--format", "txt,pdf", "--out", out.path], environment: environment)
        #expect(Self.waitFor { Self.pid(in: pidFile) != nil })
        let fop = try #require(Self.pid(in: pidFile))
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal)
        // FOP dies with Attendoc: by the interruption's kill, or (SIGKILL) by its death signal.
        #expect(Self.waitFor { kill(fop, 0) != 0 }, "FOP (\(fop)) still runs")
        if signal != SIGKILL {
            #expect(filesUnder(tmp).isEmpty, "\(filesUnder(tmp))")
            #expect((try? FileManager.default.contentsOfDirectory(atPath: out.path))?.isEmpty ?? true)
        }
        // The next run removes what a killed one left.
        let next = try run(Self.program.path, ["render", "examples/school-tier2-case.yaml", "--document", "attendance-concern-letter",
                                               "--date", "2026-11-23", "--format", "txt", "--out", out.path],
                           environment: environment, in: repositoryRoot)
        #expect(next.status == 0, "\(next.error)")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: tmp.path)) == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["BPS-ATT-2026-031"])
    }

    // MARK: All or nothing

    @Test func aRenameFailureMidCommitLeavesTheOutputAsItWas() throws {
        let out = try temporaryFolder("failed-commit")
        defer { try? FileManager.default.removeItem(at: out) }
        let first = try OutputTransaction(outputFolder: out)
        try first.add(Data("old a".utf8), at: "case/letter/a.txt")
        try first.add(Data("old b".utf8), at: "case/letter/b.txt")
        _ = try first.commit()
        let before = filesUnder(out).map { ($0, try? Data(contentsOf: out.appendingPathComponent($0))) }

        for failing in 0..<4 {
            let second = try OutputTransaction(outputFolder: out)
            try second.add(Data("new a".utf8), at: "case/letter/a.txt")
            try second.add(Data("new c".utf8), at: "case/other/c.txt")
            try second.add(Data("new b".utf8), at: "case/letter/b.txt")
            try second.add(Data("new d".utf8), at: "case/more/deeper/d.txt")
            second.renameAllowed = { $0 != failing }
            #expect {
                _ = try second.commit()
            } throws: { error in
                "\(error)".hasSuffix("nothing was written (the output folder is as it was)")
            }
            let after = filesUnder(out).map { ($0, try? Data(contentsOf: out.appendingPathComponent($0))) }
            #expect(after.map(\.0) == before.map(\.0) && after.map(\.1) == before.map(\.1), "failing at \(failing): \(after.map(\.0))")
            #expect(try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("case").path) == ["letter"])
            #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["case"])
        }
    }

    @Test func aCommitKilledHalfWayIsFinishedByTheNextRun() throws {
        let out = try temporaryFolder("half-commit")
        defer { try? FileManager.default.removeItem(at: out) }
        // A staging folder as a killed run leaves it: journal written, one file of three moved.
        let staging = out.appendingPathComponent("\(OutputTransaction.stagingPrefix)999999999-test")
        for folder in ["files", "old"] {
            try FileManager.default.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try FileManager.default.createDirectory(at: out.appendingPathComponent("case"), withIntermediateDirectories: true)
        try Data("one".utf8).write(to: out.appendingPathComponent("case/1.txt"))
        try Data("two".utf8).write(to: staging.appendingPathComponent("files/1"))
        try Data("three".utf8).write(to: staging.appendingPathComponent("files/2"))
        let journal = OutputTransaction.Journal(folders: ["case"], entries: [
            .init(index: 0, path: "case/1.txt", replaces: false), .init(index: 1, path: "case/2.txt", replaces: false),
            .init(index: 2, path: "case/3.txt", replaces: false),
        ])
        try journal.write(in: staging)
        let next = try OutputTransaction(outputFolder: out)
        next.abandon()
        #expect(filesUnder(out) == ["case/1.txt", "case/2.txt", "case/3.txt"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["case"])
    }

    /// Kills `render --all` at eight moments from its start to its end; after the next run (of
    /// another case, into the same folder), the first case's output is either absent or complete,
    /// and there is no staging folder and no temporary folder.
    @Test func aRunKilledAtAnyMomentLeavesItsOutputAbsentOrCompleteAfterTheNextRun() throws {
        let folder = try temporaryFolder("kill-points")
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmp = folder.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = tmp.path
        let arguments = ["render", "examples/riverside-first-warning.yaml", "--all", "--format", "txt,html,docx"]
        let complete = folder.appendingPathComponent("complete")
        let started = Date()
        let whole = try Self.start(arguments + ["--out", complete.path], environment: environment)
        whole.waitUntilExit()
        let duration = Date().timeIntervalSince(started)
        #expect(whole.terminationStatus == 0)
        let completeCase = complete.appendingPathComponent("CAT-2026-0142")
        let expected = filesUnder(completeCase).map { ($0, try? Data(contentsOf: completeCase.appendingPathComponent($0))) }
        #expect(expected.count > 40)

        for point in 1...8 {
            let out = folder.appendingPathComponent("out-\(point)")
            let process = try Self.start(arguments + ["--out", out.path], environment: environment)
            usleep(useconds_t(duration * Double(point) / 8.5 * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let next = try run(Self.program.path, ["render", "examples/school-tier2-case.yaml", "--document", "attendance-concern-letter",
                                                   "--date", "2026-11-23", "--format", "txt", "--out", out.path],
                               environment: environment, in: repositoryRoot)
            #expect(next.status == 0, "\(next.error)")
            let riverside = out.appendingPathComponent("CAT-2026-0142")
            let found = filesUnder(riverside).map { ($0, try? Data(contentsOf: riverside.appendingPathComponent($0))) }
            let asBefore = !FileManager.default.fileExists(atPath: riverside.path)
            let isComplete = found.map(\.0) == expected.map(\.0) && found.map(\.1) == expected.map(\.1)
            #expect(asBefore || isComplete, "killed at point \(point): \(found.count) of \(expected.count) files")
            let left = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
            #expect(!left.contains { $0.hasPrefix(".attendoc-staging-") }, "killed at point \(point): \(left)")
            #expect((try? FileManager.default.contentsOfDirectory(atPath: tmp.path)) == [], "killed at point \(point)")
        }
    }
}
