import Foundation

/// Named instants inside the record's transactions at which a test can have the process killed
/// (`ATTENDOC_CRASH_POINT=rows-inserted`), as SQLite's own crash tests do, to prove that a kill at
/// that instant leaves the whole change or none of it. `rows-inserted#5` kills at the fifth time
/// the instant is reached (a batch's fifth issue). Unset, it does nothing.
enum CrashPoint {
    static let requested: (name: String, time: Int)? = ProcessInfo.processInfo.environment["ATTENDOC_CRASH_POINT"].map { text in
        let parts = text.split(separator: "#", maxSplits: 1)
        return (String(parts.first ?? ""), parts.count == 2 ? Int(parts[1]) ?? 1 : 1)
    }
    private static let lock = NSLock()
    nonisolated(unsafe) private static var reached = 0

    static func reach(_ name: String) {
        guard let requested, requested.name == name else { return }
        let times = lock.withLock { reached += 1; return reached }
        if times >= requested.time { kill(getpid(), SIGKILL) }
    }
}
