import AttendocValues
import Foundation

/// The warm FOP workers of one FOP configuration: at most one per core, each started when first
/// needed and kept running for the rest of the process, so a batch, a bundle, `render --all` or the
/// web server's previews pay for a JVM start once per core instead of once per document.
///
/// A request takes an idle worker (or starts one, or waits for one); a worker that has died
/// (killed, out of memory) is replaced, and a request it did not answer is sent once more to a
/// fresh worker; a worker out of time is killed and the request is an error. The workers end with
/// the process (their death signal), when it is interrupted (`Interruption`), or by `end()`.
final class FOPWorkerPool: @unchecked Sendable {
    let program: FOPWorkerProgram
    let size: Int
    private let condition = NSCondition()
    private var idle: [FOPWorker] = []
    /// Workers running: idle, busy, or being started.
    private var running = 0
    /// Process ids of the workers running, for tests that kill one.
    private var pids: Set<pid_t> = []
    /// `end()` is waiting for the busy workers: each ends as it finishes, none starts.
    private var closing = false

    init(program: FOPWorkerProgram, size: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.program = program
        self.size = max(1, size)
    }

    /// The PDF of `fo`, or an error naming `name` (never the document's contents).
    func typeset(_ fo: Data, name: String, profile: String?, timeLimit: Double) throws(AttendocError) -> Data {
        guard fo.count < 1 << 30 else {
            throw AttendocError(.programFailed, "the XSL-FO of \(name) is \(fo.count / 1_048_576) MiB, more than the warm FOP worker takes (1 GiB)")
        }
        var lastWords = ""
        for _ in 0..<2 {
            let worker = try take()
            switch worker.typeset(fo, name: name, profile: profile, timeLimit: timeLimit) {
            case .pdf(let pdf):
                give(worker)
                return pdf
            case .failed(let message):
                give(worker)
                throw AttendocError(.programFailed, "Apache FOP could not make the PDF of \(name)" + (message.isEmpty ? "" : ":\n" + message))
            case .timedOut:
                discard(worker)
                throw AttendocError(.programFailed, "Apache FOP did not finish within \(ProgramTimeLimit.describe(timeLimit)) making the PDF of \(name) and was stopped; "
                                    + "if it needs longer, set \(ProgramTimeLimit.variable) to a number of seconds (docs/safety.md)")
            case .ended(let log):
                // Killed, or out of memory, before it answered: once more, on a fresh worker.
                discard(worker)
                lastWords = log
            }
        }
        throw AttendocError(.programFailed, "Apache FOP's warm worker ended twice without making the PDF of \(name)" + (lastWords.isEmpty ? "" : ":\n" + lastWords))
    }

    /// The process ids of the workers running now.
    var processIDs: Set<pid_t> { condition.withLock { pids } }

    /// Ends every idle worker and waits for the busy ones to finish their request and end too.
    func end() {
        condition.lock()
        while closing { condition.wait() }
        closing = true
        let ending = idle
        idle = []
        running -= ending.count
        condition.unlock()
        for worker in ending { forget(worker) }
        condition.lock()
        while running > 0 { condition.wait() }
        closing = false
        condition.broadcast()
        condition.unlock()
    }

    private func take() throws(AttendocError) -> FOPWorker {
        condition.lock()
        while closing || (idle.isEmpty && running >= size) { condition.wait() }
        if let worker = idle.popLast() {
            condition.unlock()
            return worker
        }
        running += 1
        condition.unlock()
        do {
            let program = self.program
            let worker = try WorkerStarter.shared.run { () throws(AttendocError) -> FOPWorker in try FOPWorker.start(program) }
            condition.withLock { _ = pids.insert(worker.pid) }
            return worker
        } catch {
            condition.withLock {
                running -= 1
                condition.signal()
            }
            throw error
        }
    }

    private func give(_ worker: FOPWorker) {
        let kept = condition.withLock { () -> Bool in
            guard !closing else { return false }
            idle.append(worker)
            condition.signal()
            return true
        }
        if !kept { discard(worker) }
    }

    private func discard(_ worker: FOPWorker) {
        forget(worker)
        condition.withLock {
            running -= 1
            condition.broadcast()
        }
    }

    private func forget(_ worker: FOPWorker) {
        worker.end()
        condition.withLock { _ = pids.remove(worker.pid) }
    }

    // MARK: The pools of the process

    private static let lock = NSLock()
    nonisolated(unsafe) private static var pools: [FOPWorkerProgram.Key: FOPWorkerPool] = [:]
    nonisolated(unsafe) private static var unavailable: Set<String> = []

    /// The pool for `configuration`, its program compiled on first use; nil when this machine
    /// cannot run the worker (no Java compiler, no FOP jars: `FOPWorkerProgram.canRun`).
    static func shared(for configuration: URL) throws(AttendocError) -> FOPWorkerPool? {
        let key = FOPWorkerProgram.Key(configuration: configuration.standardizedFileURL.path,
                                       javaArguments: ProcessInfo.processInfo.environment["ATTENDOC_FOP_JAVA_ARGS"] ?? PDFTypesetter.javaArguments)
        lock.lock()
        defer { lock.unlock() }
        if let pool = pools[key] { return pool }
        if unavailable.contains(key.configuration) { return nil }
        guard FOPWorkerProgram.canRun(for: configuration) else {
            unavailable.insert(key.configuration)
            return nil
        }
        let pool = FOPWorkerPool(program: try FOPWorkerProgram.prepare(configuration: configuration))
        pools[key] = pool
        return pool
    }

    /// Ends the workers of every shared pool (a test, or a server shutting down, that must leave
    /// nothing running); the next request starts new ones.
    static func endShared() {
        lock.lock()
        let all = Array(pools.values)
        lock.unlock()
        for pool in all { pool.end() }
    }
}

extension FOPWorkerProgram {
    /// What tells one shared pool from another.
    struct Key: Hashable {
        var configuration: String
        var javaArguments: String
    }
}

/// The one thread every warm FOP worker is started from. On Linux a child's death signal is tied
/// to the thread that started it, not the process, so a worker started from a pooled thread would
/// be killed when that thread is retired; this thread lives as long as the process.
final class WorkerStarter: @unchecked Sendable {
    static let shared = WorkerStarter()

    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []

    private init() {
        let thread = Thread { [unowned self] in
            while true {
                condition.lock()
                while jobs.isEmpty { condition.wait() }
                let job = jobs.removeFirst()
                condition.unlock()
                job()
            }
        }
        thread.name = "attendoc.fop-worker-starter"
        thread.start()
    }

    /// Runs `body` on the starter thread and returns what it returned.
    func run<T>(_ body: @escaping @Sendable () throws(AttendocError) -> T) throws(AttendocError) -> T {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox<T>()
        condition.withLock {
            jobs.append {
                box.result = Result { () throws(AttendocError) -> T in try body() }
                done.signal()
            }
            condition.signal()
        }
        done.wait()
        return try box.result!.get()
    }

    private final class ResultBox<T>: @unchecked Sendable {
        var result: Result<T, AttendocError>?
    }
}
