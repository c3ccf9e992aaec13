import AttendocValues
import AttendocYAML

/// Compulsory ("statutory") school age, which a panel referral's children must be of (seed 000).
/// s8 Education Act 1996: a child becomes of compulsory school age on the prescribed day next
/// following their fifth birthday (or on it, when the birthday is a prescribed day), and ceases to be
/// on the school leaving date of the school year in which they turn sixteen. The ages and the
/// prescribed days are the policy's (`panel: statutory_school_age:`); the leaving date is the last
/// Friday in June (the Education (School Leaving Date) Order 1997).
public struct StatutorySchoolAge: Sendable, Equatable {
    /// The birthday after which compulsory school age begins (5).
    public var fromBirthday: Int
    /// The prescribed days, as (month, day): 31 March, 31 August, 31 December.
    public var prescribedDays: [MonthDay]
    /// The birthday in whose school year compulsory school age ends (16).
    public var untilBirthday: Int

    public struct MonthDay: Sendable, Equatable {
        public var month: Int
        public var day: Int
    }

    /// The day compulsory school age begins for a child born on `birth`.
    public func starts(bornOn birth: CalendarDate) -> CalendarDate {
        let birthday = Self.birthday(birth, age: fromBirthday)
        for year in birthday.year...(birthday.year + 1) {
            for day in prescribedDays.sorted(by: { ($0.month, $0.day) < ($1.month, $1.day) }) {
                if let date = CalendarDate(year: year, month: day.month, day: day.day), date >= birthday { return date }
            }
        }
        return birthday
    }

    /// The last day of compulsory school age: the last Friday in June of the school year (from
    /// 1 September) in which the child turns `untilBirthday`.
    public func ends(bornOn birth: CalendarDate) -> CalendarDate {
        let birthday = Self.birthday(birth, age: untilBirthday)
        let juneYear = birthday.month >= 9 ? birthday.year + 1 : birthday.year
        var day = CalendarDate(year: juneYear, month: 6, day: 30)!
        while day.weekdayIndex != 4 { day = day.adding(days: -1) }
        return day
    }

    /// Whether a child born on `birth` is of compulsory school age on `date`.
    public func includes(bornOn birth: CalendarDate, on date: CalendarDate) -> Bool {
        starts(bornOn: birth) <= date && date <= ends(bornOn: birth)
    }

    /// The `age`th birthday (29 February counts as 1 March in a year without it).
    static func birthday(_ birth: CalendarDate, age: Int) -> CalendarDate {
        CalendarDate(year: birth.year + age, month: birth.month, day: birth.day)
            ?? CalendarDate(year: birth.year + age, month: 3, day: 1)!
    }

    static func read(_ fields: YAMLFields) throws(CaseFileError) -> StatutorySchoolAge {
        let from = try fields.int("from_birthday", in: 2...8)
        let until = try fields.int("until_birthday", in: 10...19)
        var days: [MonthDay] = []
        for text in try fields.strings("prescribed_days") {
            let parts = text.split(separator: "-")
            guard parts.count == 2, let month = Int(parts[0]), let day = Int(parts[1]),
                  CalendarDate(year: 2024, month: month, day: day) != nil else {
                throw fields.error("prescribed_days", "expected days written MM-DD (for example 08-31), found \(YAMLFields.shape(of: text))")
            }
            days.append(MonthDay(month: month, day: day))
        }
        try fields.finish()
        return StatutorySchoolAge(fromBirthday: from, prescribedDays: days, untilBirthday: until)
    }
}
