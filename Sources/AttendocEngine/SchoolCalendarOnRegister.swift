import AttendocPolicy
import AttendocRegister

extension SchoolCalendar {
    /// This calendar, with the days of `register` deciding where it has marks.
    public func using(_ register: PupilRegister) -> SchoolCalendar {
        using(registerDays: register.days.map(\.dayNumber))
    }
}
