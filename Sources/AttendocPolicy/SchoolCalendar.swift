import AttendocValues

/// Which days a school is open, for deadline arithmetic: "review not more than 20 school days
/// later", "runs at least 6 school weeks".
///
/// A school day is a weekday inside a term, outside its half-term break, and not a listed closure
/// (bank holiday, training day). Where a pupil's register covers a day, the register decides
/// instead: a day with a mark other than `#` was a school day. A school week is a Monday-to-Sunday
/// week with at least one school day.
public struct SchoolCalendar: Sendable {
    public struct Term: Sendable {
        public var name: String
        public var starts: CalendarDate
        public var ends: CalendarDate
        public var halfTerm: ClosedRange<CalendarDate>?
    }

    public var terms: [Term]
    /// Closure days inside terms, with their reason.
    public var closures: [CalendarDate: String]
    /// Days known from a register: the range it covers and the days in it that had sessions.
    var registerRange: ClosedRange<Int32>?
    var registerDays: Set<Int32> = []

    public init(terms: [Term], closures: [CalendarDate: String]) {
        self.terms = terms.sorted { $0.starts < $1.starts }
        self.closures = closures
    }

    /// This calendar, with the days a register has marks for (as day numbers, in order) deciding
    /// where it has marks.
    public func using(registerDays days: [Int32]) -> SchoolCalendar {
        var calendar = self
        guard let first = days.first, let last = days.last else { return calendar }
        calendar.registerRange = first...last
        calendar.registerDays = Set(days)
        return calendar
    }

    /// The last day the calendar knows about.
    public var knownUntil: CalendarDate? {
        let termEnd = terms.last?.ends
        let registerEnd = registerRange.map { CalendarDate(daysSinceEpoch: Int($0.upperBound)) }
        return [termEnd, registerEnd].compactMap { $0 }.max()
    }

    public func isSchoolDay(_ date: CalendarDate) -> Bool {
        let number = Int32(date.daysSinceEpoch)
        if let registerRange, registerRange.contains(number) {
            return registerDays.contains(number)
        }
        guard date.weekdayIndex < 5, closures[date] == nil else { return false }
        return terms.contains { term in
            term.starts <= date && date <= term.ends && !(term.halfTerm?.contains(date) ?? false)
        }
    }

    /// The Monday of `date`'s week.
    public static func weekStart(of date: CalendarDate) -> CalendarDate {
        date.adding(days: -date.weekdayIndex)
    }

    /// The one school-week rule, for deadlines and for the unauthorised-absence window alike: the
    /// Monday-to-Sunday week starting on `monday` is a school week when `isSchoolDay` holds for at
    /// least one of its days (for a deadline, the calendar's school days; for the threshold, the
    /// days the pupil had a possible session).
    public static func isSchoolWeek(startingOn monday: CalendarDate, _ isSchoolDay: (CalendarDate) -> Bool) -> Bool {
        (0..<7).contains { isSchoolDay(monday.adding(days: $0)) }
    }

    /// The Mondays of the school weeks that `days` (in order) fall in, each once: the weeks with
    /// at least one of them, by `isSchoolWeek`'s rule.
    public static func schoolWeeks(of days: [CalendarDate]) -> [CalendarDate] {
        var weeks: [CalendarDate] = []
        for day in days where weeks.last != weekStart(of: day) {
            weeks.append(weekStart(of: day))
        }
        return weeks
    }

    /// The `count`th school day after `date` (`date` itself is not counted).
    public func adding(schoolDays count: Int, to date: CalendarDate) throws(AttendocError) -> CalendarDate {
        var day = date
        var found = 0
        while found < count {
            day = day.adding(days: 1)
            try checkKnown(day, counting: "\(count) school days after \(date.longForm)")
            if isSchoolDay(day) { found += 1 }
        }
        return day
    }

    /// The date `count` school weeks after `date`: the same weekday in the `count`th following week
    /// that has a school day; if that day is not a school day, the last school day of that week
    /// before it, or else the week's first school day after it (so the date stays in that week).
    public func adding(schoolWeeks count: Int, to date: CalendarDate) throws(AttendocError) -> CalendarDate {
        var week = Self.weekStart(of: date)
        var found = 0
        while found < count {
            week = week.adding(days: 7)
            try checkKnown(week, counting: "\(count) school weeks after \(date.longForm)")
            if Self.isSchoolWeek(startingOn: week, isSchoolDay) { found += 1 }
        }
        try checkKnown(week.adding(days: 6), counting: "\(count) school weeks after \(date.longForm)")
        let days = (0..<7).map { week.adding(days: $0) }.filter(isSchoolDay)
        return days.last { $0.weekdayIndex <= date.weekdayIndex } ?? days[0]
    }

    /// The last school day on or before `date` (`date` itself when it is one): where a date a
    /// parent is given that falls in a holiday, a weekend or a closure is moved to, so that the
    /// parent is never promised a day the school is shut. An error when the term dates do not
    /// reach `date`, or hold no school day before it.
    public func lastSchoolDay(onOrBefore date: CalendarDate) throws(AttendocError) -> CalendarDate {
        try checkKnown(date, counting: "the last school day on or before \(date.longForm)")
        let earliest = [terms.first?.starts, registerRange.map { CalendarDate(daysSinceEpoch: Int($0.lowerBound)) }]
            .compactMap { $0 }.min()
        var day = date
        while !isSchoolDay(day) {
            day = day.adding(days: -1)
            guard let earliest, day >= earliest else {
                throw AttendocError(.policy, "there is no school day on or before \(date.longForm) in the term dates; add the term's dates to the policy's term dates file")
            }
        }
        return day
    }

    /// The first school day on or after `date` (`date` itself when it is one): where a period
    /// that starts on a day the school is shut starts for the parent.
    public func firstSchoolDay(onOrAfter date: CalendarDate) throws(AttendocError) -> CalendarDate {
        var day = date
        while !isSchoolDay(day) {
            day = day.adding(days: 1)
            try checkKnown(day, counting: "the first school day on or after \(date.longForm)")
        }
        return day
    }

    /// The last school day of the `count`th whole school week from `start`: the school week that
    /// holds `start` is the first when `start` is on or before its first school day (so the whole
    /// week is in the period), else the count begins with the next school week. A period "to the
    /// end of the sixth school week" so holds at least six whole school weeks (a notice to improve).
    public func endOfWholeSchoolWeeks(_ count: Int, from start: CalendarDate) throws(AttendocError) -> CalendarDate {
        guard count > 0 else { return try lastSchoolDay(onOrBefore: start) }
        var week = Self.weekStart(of: start)
        let daysOfWeek = { (monday: CalendarDate) in (0..<7).map { monday.adding(days: $0) }.filter(self.isSchoolDay) }
        try checkKnown(week.adding(days: 6), counting: "\(count) school weeks from \(start.longForm)")
        var found = 0
        if let first = daysOfWeek(week).first, start <= first { found = 1 }
        while found < count {
            week = week.adding(days: 7)
            try checkKnown(week.adding(days: 6), counting: "\(count) school weeks from \(start.longForm)")
            if Self.isSchoolWeek(startingOn: week, isSchoolDay) { found += 1 }
        }
        // The week counted last is a school week, so it has a last school day.
        return daysOfWeek(week).last ?? start
    }

    /// School days from `start` to `end`, both included.
    /// The Monday of the `count`th-last school week up to and including the week of `date` (the
    /// window of "the last 4 school weeks"); nil when fewer school weeks are known within a year.
    public func startOfLast(schoolWeeks count: Int, through date: CalendarDate) -> CalendarDate? {
        var monday = Self.weekStart(of: date)
        var found = 0
        for _ in 0..<53 {
            if Self.isSchoolWeek(startingOn: monday, isSchoolDay) {
                found += 1
                if found == count { return monday }
            }
            monday = monday.adding(days: -7)
        }
        return nil
    }

    public func schoolDays(from start: CalendarDate, through end: CalendarDate) -> Int {
        guard start <= end else { return 0 }
        return (0...(end.daysSinceEpoch - start.daysSinceEpoch)).count { isSchoolDay(start.adding(days: $0)) }
    }

    /// School days from the day after `start` to `due` (negative: overdue by that many): what a
    /// due list says of each thing due.
    public func schoolDaysLeft(from start: CalendarDate, to due: CalendarDate) -> Int {
        due >= start ? schoolDays(from: start.adding(days: 1), through: due)
                     : -schoolDays(from: due.adding(days: 1), through: start)
    }

    /// `in 3 school day(s)`, `due today`, `overdue by 2 school day(s)`: a number of school days
    /// left (`schoolDaysLeft`) as a due list prints it.
    public static func daysLeftInWords(_ left: Int) -> String {
        left < 0 ? "overdue by \(-left) school day(s)" : left == 0 ? "due today" : "in \(left) school day(s)"
    }

    private func checkKnown(_ day: CalendarDate, counting what: String) throws(AttendocError) {
        guard let knownUntil, day <= knownUntil else {
            throw AttendocError(.policy, "cannot count \(what): the term dates end on \(knownUntil?.longForm ?? "(none given)"); add the next term's dates to the policy's term dates file")
        }
    }
}
