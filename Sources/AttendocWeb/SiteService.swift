import Foundation
import Hummingbird

extension AttendocSite {
    /// Serves until the process is stopped (SIGINT, SIGTERM), from synchronous code such as the
    /// command line; `onRunning` hears the port taken.
    public func serveUntilStopped(onRunning: @escaping @Sendable (Int) async -> Void) throws {
        let finished = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        let application = application(onRunning: onRunning)
        Task {
            do {
                try await application.runService()
            } catch {
                outcome.set(error)
            }
            finished.signal()
        }
        finished.wait()
        if let error = outcome.error { throw error }
    }
}

/// The error the server stopped with, handed from its task to the waiting thread.
private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?

    func set(_ error: any Error) {
        lock.lock()
        stored = error
        lock.unlock()
    }

    var error: (any Error)? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
