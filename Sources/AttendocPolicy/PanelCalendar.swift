import AttendocValues

/// The multi-agency attendance panel's calendar (seed 000): each panel's date and start time, when
/// its referral form closes, and its 4-week and termly review dates. Read from a policy's `panel:`
/// section (docs/policies.md); the published dates are kept exactly as published, each with the
/// words it was published in, and the dates of panels beyond the published list are computed from
/// the policy's rules in school weeks and school days.
public struct PanelCalendar: Sendable {
    /// One review or closing date and where it came from.
    public struct Fixed: Sendable, Equatable {
        public var date: CalendarDate
        /// The words the date was published in (`21st July (not 4 weeks, ...)`); nil when the
        /// date is computed from the policy's rule.
        public var published: String?
        /// How the date was reached, in words: the term it ends, the rule that computed it.
        public var reading: String

        public init(date: CalendarDate, published: String?, reading: String) {
            self.date = date
            self.published = published
            self.reading = reading
        }
    }

    /// One panel meeting.
    public struct Panel: Sendable, Equatable {
        public var date: CalendarDate
        public var referralsClose: Fixed
        public var fourWeekReview: Fixed
        public var termlyReview: Fixed
        /// The line of its entry in the policy file, for errors.
        public var line: Int?
    }

    /// When the first slot starts, as written (`13:30`), and as minutes after midnight.
    public var startsAt: String
    public var startMinutes: Int
    /// The length of each referral's slot, in minutes (seed 000: 15).
    public var slotMinutes: Int
    /// The panels, in date order.
    public var panels: [Panel]
    /// Compulsory school age, which every child referred must be of on the panel's date.
    public var statutoryAge: StatutorySchoolAge
    /// Who holds the panel and how referrers join; nil when the policy does not say (then the
    /// panel's documents cannot be made).
    public var host: PanelHost? = nil
    /// The policy file, for errors that name it.
    public var file: String

    public init(startsAt: String, startMinutes: Int, slotMinutes: Int, panels: [Panel],
                statutoryAge: StatutorySchoolAge, file: String) {
        self.statutoryAge = statutoryAge
        self.startsAt = startsAt
        self.startMinutes = startMinutes
        self.slotMinutes = slotMinutes
        self.panels = panels.sorted { $0.date < $1.date }
        self.file = file
    }

    /// The panel meeting on `date`, or an error listing the panel dates.
    public func panel(on date: CalendarDate) throws(AttendocError) -> Panel {
        guard let panel = panels.first(where: { $0.date == date }) else {
            throw AttendocError(.usage, "\(file): there is no panel on \(date.longFormWithWeekday); the panel dates are \(panels.map(\.date.iso).joined(separator: ", "))",
                                suggestion: "give one of those dates, or add the panel's date under panel: dates: in the policy")
        }
        return panel
    }

    /// The start time of slot `index` (0 for the first), written `HH:MM`.
    public func slotTime(_ index: Int) -> String {
        Self.clock(startMinutes + index * slotMinutes)
    }

    /// Minutes after midnight written `HH:MM`.
    public static func clock(_ minutes: Int) -> String {
        let hour = minutes / 60, minute = minutes % 60
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    /// Minutes after midnight for `HH:MM`, or nil.
    public static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        return hour * 60 + minute
    }
}

extension SchoolCalendar {
    /// The school day `count` school days before `date` (`date` itself is not counted).
    public func subtracting(schoolDays count: Int, from date: CalendarDate) throws(AttendocError) -> CalendarDate {
        var day = date
        var found = 0
        while found < count {
            day = day.adding(days: -1)
            guard let first = terms.first?.starts, day >= first else {
                throw AttendocError(.policy, "cannot count \(count) school days before \(date.longForm): the term dates start on \(terms.first?.starts.longForm ?? "(none given)"); add the earlier term's dates to the policy's term dates file")
            }
            if isSchoolDay(day) { found += 1 }
        }
        return day
    }

    /// The last school day on or before `date`, within `term`.
    public func lastSchoolDay(onOrBefore date: CalendarDate, in term: Term) -> CalendarDate? {
        var day = date
        while day >= term.starts {
            if isSchoolDay(day) { return day }
            day = day.adding(days: -1)
        }
        return nil
    }
}
