import AttendocValues
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What Attendoc does when it is interrupted (Ctrl-C, SIGINT; SIGTERM; SIGHUP): it kills every
/// program it is running with the program's whole process group, waits for a commit in progress
/// to finish (a commit is short and must not stop half way), runs the clean-ups registered (an
/// output transaction's staging folder), removes its private temporary folder, and then ends by
/// the same signal, so its exit status says it was interrupted.
///
/// A SIGKILL cannot be caught: then the programs die by their death signal (`ChildProcess`), and
/// the next run removes the temporary folder (`TemporaryFolder.removeAbandoned`) and finishes or
/// removes the staging folder (`OutputTransaction`). docs/safety.md describes both.
public enum Interruption {
    private static let state = State()
    /// Held by a commit while it runs; the interruption takes it (and never gives it back) before cleaning up.
    private static let commitLock = NSLock()
    private static let sources = SignalSources()

    /// Handles SIGINT, SIGTERM and SIGHUP from now on. The command line calls it once, at the start.
    public static func install() {
        sources.install { signal in interrupted(by: signal) }
    }

    /// Whether the run has been interrupted.
    public static var isInterrupted: Bool { state.withLock { $0.interrupted } }

    /// Registers `cleanup` to run if the run is interrupted; returns a token for `unregister`.
    public static func register(_ cleanup: @escaping @Sendable () -> Void) -> Int {
        state.withLock { values in
            values.nextToken += 1
            values.cleanups[values.nextToken] = cleanup
            return values.nextToken
        }
    }

    public static func unregister(_ token: Int) {
        state.withLock { _ = $0.cleanups.removeValue(forKey: token) }
    }

    /// Runs `body` to its end even if an interruption comes meanwhile (the interruption waits).
    public static func uninterrupted<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        commitLock.lock()
        defer { commitLock.unlock() }
        return try body()
    }

    /// Starts a child with `start` (which returns its process id, or a negative number) and
    /// records its group, unless the run is already interrupted.
    static func startingChild(_ start: () -> pid_t) throws(AttendocError) -> pid_t {
        let pid: pid_t? = state.withLock { values in
            if values.interrupted { return nil }
            let pid = start()
            if pid > 0 { values.groups.insert(pid) }
            return pid
        }
        guard let pid else {
            waitIfInterrupted()
            throw AttendocError(.other, "interrupted")
        }
        return pid
    }

    static func childEnded(_ pid: pid_t) {
        state.withLock { _ = $0.groups.remove(pid) }
    }

    /// When the run is interrupted, the calling thread waits for the interruption to end the process.
    static func waitIfInterrupted() {
        guard isInterrupted else { return }
        while true { pause() }
    }

    private static func interrupted(by signal: Int32) {
        let (groups, cleanups) = state.withLock { values in
            values.interrupted = true
            return (values.groups, Array(values.cleanups.values))
        }
        for group in groups { kill(-group, SIGKILL) }
        commitLock.lock()
        for cleanup in cleanups { cleanup() }
        TemporaryFolder.removeRoot()
        Glibc.signal(signal, SIG_DFL)
        // The signal may be blocked (a parent can start Attendoc so); unblock it here and raise it.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signal)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(signal)
        // Should the signal be blocked here, end anyway with the status a shell gives it.
        _exit(128 + signal)
    }

    private struct Values {
        var interrupted = false
        var groups: Set<pid_t> = []
        var cleanups: [Int: @Sendable () -> Void] = [:]
        var nextToken = 0
    }

    private final class State: @unchecked Sendable {
        private let lock = NSLock()
        private var values = Values()

        func withLock<T>(_ body: (inout Values) -> T) -> T {
            lock.lock()
            defer { lock.unlock() }
            return body(&values)
        }
    }

    private final class SignalSources: @unchecked Sendable {
        private let lock = NSLock()
        private var sources: [DispatchSourceSignal] = []
        private let queue = DispatchQueue(label: "attendoc.interruption")

        func install(_ handler: @escaping @Sendable (Int32) -> Void) {
            lock.lock()
            defer { lock.unlock() }
            guard sources.isEmpty else { return }
            for number in [SIGINT, SIGTERM, SIGHUP] {
                // The default action would end the process before the handler could run.
                Glibc.signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { handler(number) }
                source.resume()
                sources.append(source)
            }
        }
    }
}
