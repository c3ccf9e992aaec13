import Foundation

/// The batch runs going on now, one school at a time, with how far each has got, and the last
/// failure of each school's run, so the batch screen can show a run's progress and outcome after
/// the page that started it stopped waiting.
final class BatchesUnderWay: @unchecked Sendable {
    struct Progress: Sendable, Equatable {
        var done: Int
        var of: Int
    }

    private let lock = NSLock()
    private var running: [String: Progress] = [:]
    private var failures: [String: String] = [:]

    /// Marks the school's batch as running; false when one already is.
    func start(_ school: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard running[school] == nil else { return false }
        running[school] = Progress(done: 0, of: 0)
        failures[school] = nil
        return true
    }

    func progress(_ school: String, done: Int, of total: Int) {
        lock.lock()
        if running[school] != nil { running[school] = Progress(done: done, of: total) }
        lock.unlock()
    }

    func finish(_ school: String, failure: String?) {
        lock.lock()
        running[school] = nil
        failures[school] = failure
        lock.unlock()
    }

    /// How far the school's running batch has got; nil when none is running.
    func running(_ school: String) -> Progress? {
        lock.lock()
        defer { lock.unlock() }
        return running[school]
    }

    func failure(_ school: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return failures[school]
    }
}
