import AttendocValues

/// The attendance figures a letter quotes, for a period: the engine's, from the register, or for a
/// case without a register, as its case file states them (the reader checks that they add up).
public struct QuotedAttendance: Sendable {
    public var from: CalendarDate
    public var to: CalendarDate
    public var possibleSessions: Int
    public var attendedSessions: Int
    public var authorisedAbsenceSessions: Int
    public var unauthorisedAbsenceSessions: Int

    public var attendancePercentage: Percentage { Percentage(attendedSessions, of: possibleSessions) }
    public var authorisedPercentage: Percentage { Percentage(authorisedAbsenceSessions, of: possibleSessions) }
    public var unauthorisedPercentage: Percentage { Percentage(unauthorisedAbsenceSessions, of: possibleSessions) }

    public init(from: CalendarDate, to: CalendarDate, possibleSessions: Int, attendedSessions: Int, authorisedAbsenceSessions: Int, unauthorisedAbsenceSessions: Int) {
        self.from = from
        self.to = to
        self.possibleSessions = possibleSessions
        self.attendedSessions = attendedSessions
        self.authorisedAbsenceSessions = authorisedAbsenceSessions
        self.unauthorisedAbsenceSessions = unauthorisedAbsenceSessions
    }
}
