import AttendocRegister
import AttendocValues

/// A pupil's absences over a period by their reason, as the register records it: each absence
/// code used (authorised and unauthorised, in the code table's order), its meaning, the sessions
/// marked with it, and the days of the week those sessions fall on most when some days stand out.
/// What a court reads as matters relevant to the defence and to sentence: an illness that falls
/// on the same weekday, or reasons never established (code N), are the record's own facts.
public struct AbsenceByReason: Sendable, Equatable {
    public struct Reason: Sendable, Equatable {
        /// The register's code (`I`) and the code table's meaning.
        public var code: String
        public var meaning: String
        public var isAuthorised: Bool
        public var sessions: Int
        /// Sessions with this code on each day of the week, Monday (0) to Sunday (6).
        public var byWeekday: [Int]

        /// The days of the week with the most of these sessions, when some days stand out
        /// (empty when every day with sessions had the same number, or no day had more than one:
        /// a single session is not a pattern).
        public var mostOn: [String] {
            let counted = byWeekday.enumerated().filter { $0.offset < 5 || $0.element > 0 }
            guard let most = counted.map(\.element).max(), most > 1, counted.contains(where: { $0.element < most }) else { return [] }
            return counted.filter { $0.element == most }.map { CalendarDate.weekdayNames[$0.offset] }
        }

        /// How many of these sessions fall on the days in `mostOn`.
        public var sessionsOnMost: Int {
            let days = Set(mostOn)
            return byWeekday.enumerated().filter { days.contains(CalendarDate.weekdayNames[$0.offset]) }.reduce(0) { $0 + $1.element }
        }
    }

    /// The first and last day counted (inclusive).
    public var from: CalendarDate
    public var through: CalendarDate
    public var reasons: [Reason]

    /// The code for a reason not yet established (the register's `N`): an absence a school must
    /// resolve, which stays unauthorised if it never is.
    public static let notYetEstablished = "N"

    public var authorised: [Reason] { reasons.filter(\.isAuthorised) }
    public var unauthorised: [Reason] { reasons.filter { !$0.isAuthorised } }

    public init(register: PupilRegister, from: CalendarDate, through: CalendarDate) {
        self.from = from
        self.through = through
        var counts: [UInt8: [Int]] = [:]
        let first = Int32(from.daysSinceEpoch), last = Int32(through.daysSinceEpoch)
        for registerDay in register.days where registerDay.dayNumber >= first && registerDay.dayNumber <= last {
            for session in Session.allCases {
                let number = registerDay.code(session)
                guard number != RegisterDay.noMark else { continue }
                let category = register.codes.code(number: number).category
                guard category == .authorisedAbsence || category == .unauthorisedAbsence else { continue }
                counts[number, default: Array(repeating: 0, count: 7)][registerDay.date.weekdayIndex] += 1
            }
        }
        reasons = counts.keys.sorted().map { number in
            let code = register.codes.code(number: number)
            let byWeekday = counts[number]!
            return Reason(code: code.code, meaning: code.meaning, isAuthorised: code.category == .authorisedAbsence,
                          sessions: byWeekday.reduce(0, +), byWeekday: byWeekday)
        }
    }
}
