import AttendocValues
import Foundation

/// How `attendoc serve` runs: where it listens (loopback unless told), how long a session lasts,
/// how many failed sign-ins lock an account for a while, the largest upload.
public struct WebSettings: Sendable {
    public var address: String
    /// 0: any free port (the one taken is printed).
    public var port: Int
    public var sessionLifetime: TimeInterval
    public var failedLoginLimit: Int
    public var lockout: TimeInterval
    public var largestUpload: Int
    /// How long a page waits for work that runs Apache FOP (an issue, an evidence bundle, a school's batch), in
    /// seconds, before it says the work is still going on instead of waiting longer.
    public var slowWorkLimit: TimeInterval = 120

    public init(address: String = "127.0.0.1", port: Int = 8080, sessionLifetime: TimeInterval = 8 * 3600,
                failedLoginLimit: Int = 5, lockout: TimeInterval = 15 * 60, largestUpload: Int = 20 * 1024 * 1024) {
        self.address = address
        self.port = port
        self.sessionLifetime = sessionLifetime
        self.failedLoginLimit = failedLoginLimit
        self.lockout = lockout
        self.largestUpload = largestUpload
    }
}

/// What time it is for the server: the system's clock when serving, a fixed moment in tests (so no
/// test depends on the wall clock).
public struct WebClock: Sendable {
    public var now: @Sendable () -> Date
    /// The day the due list and the figures count to, when it is not today (a training copy, or
    /// a look at what was due on a past day).
    public var asOf: CalendarDate?

    public init(asOf: CalendarDate? = nil, now: @escaping @Sendable () -> Date) {
        self.asOf = asOf
        self.now = now
    }

    public static let system = WebClock { Date() }

    /// The day it is in England, for the due list and the figures.
    var today: CalendarDate {
        if let asOf { return asOf }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let parts = calendar.dateComponents([.year, .month, .day], from: now())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
