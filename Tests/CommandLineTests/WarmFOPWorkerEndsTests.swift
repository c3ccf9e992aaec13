import AttendocTesting
import Foundation
import Testing

/// The warm FOP workers (docs/batch.md) end with the `attendoc` process that started them, whether
/// it finishes or is killed outright: no Java process is left running.
@Suite("Warm FOP workers end with attendoc")
struct WarmFOPWorkerEndsTests {
    /// The process ids of the processes whose environment holds `marker` (the workers inherit
    /// attendoc's environment) and whose command line runs the worker's class.
    static func workers(marked marker: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            guard let environment = FileManager.default.contents(atPath: "/proc/\(pid)/environ"),
                  let command = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            return environment.range(of: Data(marker.utf8)) != nil && command.range(of: Data("AttendocFOPWorker".utf8)) != nil
        }
    }

    static func environment(marker: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["ATTENDOC_TEST_MARKER"] = marker
        environment.removeValue(forKey: "ATTENDOC_FOP")
        return environment
    }

    @Test func aFinishedRenderLeavesNoWorkerRunning() throws {
        let folder = try temporaryFolder("worker-ends")
        defer { try? FileManager.default.removeItem(at: folder) }
        let marker = "warm-worker-\(UUID().uuidString)"
        let result = try run(CommandLineTests.program.path, ["render", "examples/riverside-first-warning.yaml", "--document", "first-warning-letter",
                                                              "--date", "2026-11-23", "--format", "pdf", "--out", folder.path],
                             environment: Self.environment(marker: marker), in: repositoryRoot)
        #expect(result.status == 0, "\(result.error)")
        let pdfs = FileManager.default.enumerator(atPath: folder.path)?.allObjects.compactMap { $0 as? String }.filter { $0.hasSuffix(".pdf") } ?? []
        #expect(!pdfs.isEmpty, "the PDFs were made")
        #expect(HostileRunTests.waitFor({ Self.workers(marked: marker).isEmpty }, seconds: 10), "a worker outlived attendoc")
    }

    @Test func aKilledRenderLeavesNoWorkerRunning() throws {
        let folder = try temporaryFolder("worker-killed")
        defer { try? FileManager.default.removeItem(at: folder) }
        let marker = "warm-worker-\(UUID().uuidString)"
        let process = try HostileRunTests.start(["render", "examples/riverside-first-warning.yaml", "--all", "--format", "pdf", "--out", folder.path],
                                                environment: Self.environment(marker: marker))
        #expect(HostileRunTests.waitFor({ !Self.workers(marked: marker).isEmpty }, seconds: 120), "a worker started")
        let started = Self.workers(marked: marker)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(!started.isEmpty)
        #expect(HostileRunTests.waitFor({ Self.workers(marked: marker).isEmpty }, seconds: 10), "a worker outlived the killed attendoc: \(started)")
    }
}
