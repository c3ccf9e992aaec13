import AttendocValues
import Foundation

/// Work that takes seconds (Apache FOP, qpdf): run on a thread of its own, off the server's, and
/// waited for no longer than a time limit, so a request never hangs. Work still running at the
/// limit goes on to its end (its own all-or-nothing writes keep the record whole); the page says
/// so instead of waiting.
enum SlowWork {
    enum Outcome<T: Sendable>: Sendable {
        case finished(Result<T, AttendocError>)
        case stillRunning
    }

    static func run<T: Sendable>(timeLimit: TimeInterval, _ work: @escaping @Sendable () throws(AttendocError) -> T,
                                 whenDone: @escaping @Sendable (Result<T, AttendocError>) -> Void = { _ in }) async -> Outcome<T> {
        await withCheckedContinuation { (continuation: CheckedContinuation<Outcome<T>, Never>) in
            let once = Once(continuation)
            Thread.detachNewThread {
                let result = Result(catching: { () throws(AttendocError) in try work() })
                whenDone(result)
                once.resume(.finished(result))
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + max(0, timeLimit)) { once.resume(.stillRunning) }
        }
    }

    /// Resumes a continuation the first time only.
    private final class Once<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var continuation: CheckedContinuation<Outcome<T>, Never>?

        init(_ continuation: CheckedContinuation<Outcome<T>, Never>) { self.continuation = continuation }

        func resume(_ outcome: Outcome<T>) {
            lock.lock()
            let waiting = continuation
            continuation = nil
            lock.unlock()
            waiting?.resume(returning: outcome)
        }
    }
}

/// The evidence bundles being built now, and the last failure of each case's build, so the bundle
/// screen can say a build is under way or why the last one failed after the page stopped waiting.
final class BundleBuilds: @unchecked Sendable {
    private let lock = NSLock()
    private var running: Set<String> = []
    private var failures: [String: String] = [:]

    /// Marks `reference` as being built; false when it already is.
    func start(_ reference: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !running.contains(reference) else { return false }
        running.insert(reference)
        failures[reference] = nil
        return true
    }

    func finish(_ reference: String, failure: String?) {
        lock.lock()
        running.remove(reference)
        failures[reference] = failure
        lock.unlock()
    }

    func isRunning(_ reference: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return running.contains(reference)
    }

    func failure(_ reference: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return failures[reference]
    }
}
