import AttendocPolicy
import AttendocRegister
import AttendocValues

/// Whether a pupil's illness absences form the policy's pattern (seed 004: "illness over 5 days or
/// in a regular pattern" makes the GP consent step due), counted from the register's marks only,
/// never from what anyone wrote: the days with an illness mark (either session) from `from` to
/// `through`, and for each day of the week the number of different weeks with illness on it.
public struct IllnessPattern: Sendable, Equatable {
    public var from: CalendarDate
    public var through: CalendarDate
    /// Days with an illness mark in the morning or the afternoon.
    public var illnessDays: Int
    /// Those days, oldest first.
    public var dates: [CalendarDate]
    /// The day of the week with illness in the most different weeks, and how many (nil: no illness).
    public var mostRepeatedWeekday: (name: String, weeks: Int)?
    /// The first day on which the pattern was found, counting day by day; nil: not found.
    public var foundOn: CalendarDate?
    /// Which part of the rule was met first: `more than 5 days of illness` or `illness on 3 Thursdays`.
    public var reason: String?

    public var isFound: Bool { foundOn != nil }

    public static func == (lhs: IllnessPattern, rhs: IllnessPattern) -> Bool {
        lhs.from == rhs.from && lhs.through == rhs.through && lhs.illnessDays == rhs.illnessDays
            && lhs.foundOn == rhs.foundOn && lhs.reason == rhs.reason
            && lhs.mostRepeatedWeekday?.name == rhs.mostRepeatedWeekday?.name && lhs.mostRepeatedWeekday?.weeks == rhs.mostRepeatedWeekday?.weeks
    }

    public init(register: PupilRegister, rule: IllnessPatternRule, from: CalendarDate, through: CalendarDate) {
        self.from = from
        self.through = through
        let codes = Set(rule.codes)
        let first = Int32(from.daysSinceEpoch), last = Int32(through.daysSinceEpoch)
        var days = 0
        var dates: [CalendarDate] = []
        var weeksByWeekday = [Set<Int>](repeating: [], count: 7)
        var foundOn: CalendarDate?
        var reason: String?
        for registerDay in register.days where registerDay.dayNumber >= first && registerDay.dayNumber <= last {
            let ill = Session.allCases.contains { session in
                let number = registerDay.code(session)
                return number != RegisterDay.noMark && codes.contains(register.codes.code(number: number).code)
            }
            guard ill else { continue }
            days += 1
            let date = registerDay.date
            dates.append(date)
            weeksByWeekday[date.weekdayIndex].insert(SchoolCalendar.weekStart(of: date).daysSinceEpoch)
            guard foundOn == nil else { continue }
            if days > rule.moreThanDays {
                foundOn = date
                reason = "more than \(rule.moreThanDays) days of illness (\(days) days with an illness mark by \(date.longForm))"
            } else if weeksByWeekday[date.weekdayIndex].count >= rule.sameWeekdayAtLeast {
                foundOn = date
                reason = "illness on \(weeksByWeekday[date.weekdayIndex].count) \(CalendarDate.weekdayNames[date.weekdayIndex])s in different weeks (the latest \(date.longForm))"
            }
        }
        illnessDays = days
        self.dates = dates
        let best = weeksByWeekday.indices.max { (weeksByWeekday[$0].count, -$0) < (weeksByWeekday[$1].count, -$1) }
        mostRepeatedWeekday = best.flatMap { weeksByWeekday[$0].isEmpty ? nil : (CalendarDate.weekdayNames[$0], weeksByWeekday[$0].count) }
        self.foundOn = foundOn
        self.reason = reason
    }
}
