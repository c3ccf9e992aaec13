import Foundation

/// Named instants inside the record's transactions at which a test can have the process killed
/// (`ATTENDOC_CRASH_POINT=rows-inserted`), as SQLite's own crash tests do, to prove that a kill at
/// that instant leaves the whole change or none of it. Unset, it does nothing.
enum CrashPoint {
    static let requested = ProcessInfo.processInfo.environment["ATTENDOC_CRASH_POINT"]

    static func reach(_ name: String) {
        guard let requested, requested == name else { return }
        kill(getpid(), SIGKILL)
    }
}
