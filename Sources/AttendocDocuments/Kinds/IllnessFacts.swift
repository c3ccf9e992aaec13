import AttendocCasework
import AttendocEngine
import AttendocValues

/// The pupil's illness absences as the GP letters quote them: the register's illness marks this
/// school year to the letter's date, under the policy's `illness_pattern` (seed 004: "illness over
/// 5 days or in a regular pattern"), counted by the engine.
///
/// Keys: `illness.days`, `illness.dates` (date objects), `illness.from`, `illness.to`,
/// `illness.isRepeatedWeekday`, `illness.weekday`, `illness.weeks`, `illness.isManyDays`,
/// `illness.moreThanDays`, `illness.foundOn`.
enum IllnessFacts {
    static func pattern(case loaded: LoadedCase, dated date: CalendarDate, for letter: String) throws(AttendocError) -> IllnessPattern {
        guard let register = loaded.pupilRegister, let policy = loaded.policy else {
            throw AttendocError(.document, "\(letter) quotes the illness marks of the register: add register: (and policy:) to the case \(loaded.attendanceCase.reference)")
        }
        guard let rule = policy.illnessPattern else {
            throw AttendocError(.policy, "\(policy.file): the policy \(policy.identifier) has no illness_pattern, so when illness calls for \(letter) is not known; add illness_pattern: (codes:, more_than_days:, same_weekday_at_least:; docs/policies.md)")
        }
        return IllnessPattern(register: register, rule: rule, from: AttendanceEngine.academicYearStart(containing: date), through: date)
    }

    static func values(_ pattern: IllnessPattern, rule moreThanDays: Int) -> [String: Any] {
        var values: [String: Any] = [
            "days": pattern.illnessDays,
            "dates": pattern.dates.map(LetterContext.dateValue),
            "isManyDays": pattern.illnessDays > moreThanDays,
            "moreThanDays": moreThanDays,
        ]
        if let first = pattern.dates.first, let last = pattern.dates.last {
            values["from"] = LetterContext.dateValue(first)
            values["to"] = LetterContext.dateValue(last)
        }
        if let repeated = pattern.mostRepeatedWeekday, repeated.weeks > 1 {
            values["weekday"] = repeated.name
            values["weeks"] = repeated.weeks
            values["isRepeatedWeekday"] = true
        }
        values["foundOn"] = pattern.foundOn.map(LetterContext.dateValue)
        return values
    }
}
