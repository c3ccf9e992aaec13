import AttendocValues
import Foundation

/// Work shared between a fixed number of threads (two: the machines Attendoc runs on have two
/// cores), each taking the next item when it is done with one, so at most `workers` items are in
/// hand at once. Results come back in the items' order; the first failure (in item order) is thrown.
public enum BothCores {
    public static func map<T: Sendable>(_ count: Int, workers: Int = 2,
                                        _ body: @escaping @Sendable (Int) throws(AttendocError) -> T) throws(AttendocError) -> [T] {
        guard count > 0 else { return [] }
        let results = ResultSlots<T>(count: count)
        let next = Counter()
        let threads = min(max(1, workers), count)
        if threads == 1 {
            for index in 0..<count { results.set(index, Result { () throws(AttendocError) -> T in try body(index) }) }
            return try results.all()
        }
        let group = DispatchGroup()
        let queue = DispatchQueue(label: "attendoc.both-cores", attributes: .concurrent)
        for _ in 0..<threads {
            queue.async(group: group) {
                while let index = next.take(below: count) {
                    results.set(index, Result { () throws(AttendocError) -> T in try body(index) })
                }
            }
        }
        group.wait()
        return try results.all()
    }
}

/// Results filled in by several workers, read once they are all done.
private final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<T, AttendocError>?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: Result<T, AttendocError>) {
        lock.withLock { slots[index] = result }
    }

    func all() throws(AttendocError) -> [T] {
        let filled = lock.withLock { slots }
        var values: [T] = []
        for slot in filled {
            guard let slot else { throw AttendocError(.other, "a piece of work was not done") }
            values.append(try slot.get())
        }
        return values
    }
}

/// Hands out 0, 1, 2, ... to workers.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func take(below limit: Int) -> Int? {
        lock.withLock {
            guard value < limit else { return nil }
            defer { value += 1 }
            return value
        }
    }
}
