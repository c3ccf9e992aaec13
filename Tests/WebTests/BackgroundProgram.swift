import CAttendocSpawn
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program the test starts and stops itself (`attendoc serve`, chromedriver), its output kept
/// in a file of the test's folder.
///
/// Started by `attendoc_spawn` (Sources/CAttendocSpawn), not Foundation's `Process`: a child of
/// `Process` inherits the starting thread's signal mask, and the tests' threads block every
/// signal, so chromedriver (and the Chromium it starts) never heard SIGTERM and `stop()` waited
/// for ever. Here the program starts with default signal handling, in a process group of its own
/// (so `stop()` ends it with whatever it started, Chromium included), and dies with the thread
/// that waits for it, so a test process that dies leaves nothing running.
final class BackgroundProgram: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let output: URL
    private(set) var pid: pid_t = 0
    private let lock = NSLock()
    private var ended = false
    private let endedSignal = DispatchSemaphore(value: 0)

    /// `environment`: variables set for the program on top of the test's own.
    init(_ program: String, _ arguments: [String], in folder: URL, environment extra: [String: String] = [:]) throws {
        output = folder.appendingPathComponent("\(URL(fileURLWithPath: program).lastPathComponent)-\(UUID().uuidString).out")
        let started = DispatchSemaphore(value: 0)
        let path = output.path
        nonisolated(unsafe) var startedPID: pid_t = 0
        // The thread that starts the program waits for it: the program's death signal is tied to it.
        Thread.detachNewThread { [self] in
            let argv = ([program] + arguments).map { strdup($0) }
            let environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }.map { strdup("\($0.key)=\($0.value)") }
            defer {
                argv.forEach { free($0) }
                environment.forEach { free($0) }
            }
            let pid = (argv + [nil]).withUnsafeBufferPointer { argvBuffer in
                (environment + [nil]).withUnsafeBufferPointer { environmentBuffer in
                    attendoc_spawn(program, argvBuffer.baseAddress!, environmentBuffer.baseAddress!, path, path)
                }
            }
            startedPID = pid
            started.signal()
            guard pid > 0 else { return }
            var status: Int32 = 0
            _ = attendoc_wait(pid, -1, &status)
            lock.lock()
            ended = true
            lock.unlock()
            endedSignal.signal()
        }
        started.wait()
        guard startedPID > 0 else {
            throw Failure(description: "could not start \(program): \(String(cString: strerror(-startedPID)))")
        }
        pid = startedPID
    }

    var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return !ended
    }

    var written: String { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }

    /// The first line of its output holding `text`, waiting for it (up to two minutes).
    func waitForOutput(containing text: String) async throws -> String {
        for _ in 0..<1200 {
            let written = written
            if let line = written.split(separator: "\n").first(where: { $0.contains(text) }) { return String(line) }
            guard isRunning else { throw Failure(description: "the program stopped: \(written)") }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failure(description: "no line with \(text) in the program's output")
    }

    /// Ends the program and everything it started: SIGTERM to its group, then SIGKILL if it is
    /// still there after five seconds. Never waits longer than ten.
    func stop() {
        guard isRunning else { return }
        kill(-pid, SIGTERM)
        if endedSignal.wait(timeout: .now() + 5) == .timedOut {
            kill(-pid, SIGKILL)
            _ = endedSignal.wait(timeout: .now() + 5)
        }
        // Whatever the group started and left behind (Chromium's helpers) goes too.
        kill(-pid, SIGKILL)
    }
}
