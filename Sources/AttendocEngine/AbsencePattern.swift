import AttendocRegister
import AttendocValues

/// When a pupil's absences fall: the sessions missed on each day of the week over a period, counted
/// from the register. A concern letter shows it, because a pattern (most Mondays, most mornings) is
/// often the first clue to the reason (seed 004: "if the absence is ... in a regular pattern").
///
/// A session is missed when its mark is an absence, authorised or not (the code table's
/// `authorised_absence` and `unauthorised_absence` categories); sessions that do not count (not
/// possible, administrative) are neither possible nor missed, as in `AttendanceEngine`.
public struct AbsencePattern: Sendable, Equatable {
    public struct Weekday: Sendable, Equatable {
        /// 0 = Monday ... 6 = Sunday.
        public var index: Int
        /// `Monday`.
        public var name: String
        public var possibleSessions: Int
        public var missedMornings: Int
        public var missedAfternoons: Int

        public var missedSessions: Int { missedMornings + missedAfternoons }
    }

    /// The first and last day counted (inclusive).
    public var from: CalendarDate
    public var through: CalendarDate
    /// Monday to Friday, in order, then Saturday and Sunday only when they had possible sessions.
    public var weekdays: [Weekday]

    public var missedSessions: Int { weekdays.reduce(0) { $0 + $1.missedSessions } }
    public var missedMornings: Int { weekdays.reduce(0) { $0 + $1.missedMornings } }
    public var missedAfternoons: Int { weekdays.reduce(0) { $0 + $1.missedAfternoons } }

    public init(register: PupilRegister, from: CalendarDate, through: CalendarDate) {
        self.from = from
        self.through = through
        var days = (0..<7).map { index in
            Weekday(index: index, name: CalendarDate.weekdayNames[index], possibleSessions: 0, missedMornings: 0, missedAfternoons: 0)
        }
        let first = Int32(from.daysSinceEpoch), last = Int32(through.daysSinceEpoch)
        for registerDay in register.days where registerDay.dayNumber >= first && registerDay.dayNumber <= last {
            let index = registerDay.date.weekdayIndex
            for session in Session.allCases {
                let number = registerDay.code(session)
                guard number != RegisterDay.noMark else { continue }
                let category = register.codes.code(number: number).category
                guard category.isPossibleSession else { continue }
                days[index].possibleSessions += 1
                if category == .authorisedAbsence || category == .unauthorisedAbsence {
                    if session == .morning { days[index].missedMornings += 1 } else { days[index].missedAfternoons += 1 }
                }
            }
        }
        weekdays = days.filter { $0.index < 5 || $0.possibleSessions > 0 }
    }

    /// The days of the week with the most sessions missed, when some days stand out: empty when
    /// nothing was missed or every day had the same number missed.
    public var mostMissed: [Weekday] {
        let counted = weekdays.filter { $0.possibleSessions > 0 }
        guard let most = counted.map(\.missedSessions).max(), most > 0,
              counted.contains(where: { $0.missedSessions < most }) else { return [] }
        return counted.filter { $0.missedSessions == most }
    }

    /// `Mondays`, `Mondays and Fridays`, `Mondays, Tuesdays and Fridays`; nil when no day stands out.
    public var mostMissedInWords: String? {
        let names = mostMissed.map { $0.name + "s" }
        guard let last = names.last else { return nil }
        return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " and " + last
    }
}
