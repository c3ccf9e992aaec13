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
}

extension QuotedAttendance {
    /// The engine's figures, as a letter quotes them.
    public init(_ figures: PupilFigures) {
        self.init(from: figures.from, to: figures.to, possibleSessions: figures.possibleSessions,
                  attendedSessions: figures.attendedSessions, authorisedAbsenceSessions: figures.authorisedAbsenceSessions,
                  unauthorisedAbsenceSessions: figures.unauthorisedAbsenceSessions)
    }
}

/// A share of a whole, kept exact (as a fraction) and rounded once, for display only.
///
/// Display rule: one decimal place, halves rounded up (away from zero), computed in whole numbers so
/// no floating-point error can move a figure across a boundary. 2 of 3 is 66.7%, 1 of 8 is 12.5%,
/// 1 of 16 (6.25%) is 6.3%.
public struct Percentage: Sendable, Equatable {
    public let part: Int
    public let whole: Int

    public init(_ part: Int, of whole: Int) {
        self.part = part
        self.whole = whole
    }

    /// Tenths of a per cent, rounded half up: round(part × 1000 / whole).
    public var tenths: Int {
        guard whole > 0 else { return 0 }
        return (part * 2000 + whole) / (2 * whole)
    }

    /// `70.9%`.
    public var display: String {
        "\(tenths / 10).\(tenths % 10)%"
    }
}
