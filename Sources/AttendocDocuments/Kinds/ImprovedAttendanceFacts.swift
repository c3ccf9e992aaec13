import AttendocCaseModel
import AttendocCasework
import AttendocEngine
import AttendocValues

/// The letter recognising improved attendance (seed 003, tier 1: "schools monitor, track and
/// implement early intervention attendance strategies including recognising improved attendance"):
/// the engine's attendance over the policy's latest school weeks (`improved_attendance_school_weeks`)
/// to the letter's date, against the school year before them; refused unless it is higher
/// (compared exactly).
///
/// Keys (docs/templates.md): `recent.*`, `earlier.*`, `improvement.weeks`.
enum ImprovedAttendanceFacts {
    static func values(case loaded: LoadedCase, dated date: CalendarDate) throws(AttendocError) -> [String: Any] {
        guard let policy = loaded.policy, loaded.pupilRegister != nil else {
            throw AttendocError(.document, "a letter recognising improved attendance compares figures from the register: add register: (and policy:) to the case \(loaded.attendanceCase.reference)")
        }
        guard let weeks = policy.improvedAttendanceSchoolWeeks else {
            throw AttendocError(.policy, "\(policy.file): the policy \(policy.identifier) has no thresholds: improved_attendance_school_weeks, the school weeks whose attendance a letter recognising improved attendance compares; add it (docs/policies.md)")
        }
        let calendar = try loaded.calendar()
        let yearStart = AttendanceEngine.academicYearStart(containing: date)
        guard let start = calendar.startOfLast(schoolWeeks: weeks, through: date), start > yearStart else {
            throw AttendocError(.document, "there are not \(weeks) school weeks this school year up to \(date.longForm) to compare with the weeks before them")
        }
        let recent = try loaded.figures(asOf: date, from: start)
        if recent.to < date, calendar.schoolDays(from: recent.to.adding(days: 1), through: date) > 0 {
            throw AttendocError(.document, "the register ends on \(recent.to.longForm), before the letter's date (\(date.longForm)); the last \(weeks) school weeks need a register up to the letter's date")
        }
        let earlier = try loaded.figures(asOf: start.adding(days: -1))
        guard recent.possibleSessions > 0, earlier.possibleSessions > 0 else {
            throw AttendocError(.document, "the register has no school sessions to compare before and after \(start.longForm)")
        }
        let improved = recent.attendedSessions * earlier.possibleSessions > earlier.attendedSessions * recent.possibleSessions
        guard improved else {
            throw AttendocError(.document, "attendance over the last \(weeks) school weeks (\(recent.from.longForm) to \(recent.to.longForm)) is \(recent.attendance.display), not higher than the \(earlier.attendance.display) of the school year before them, so there is no improvement to recognise")
        }
        return [
            "recent": LetterContext.attendanceValue(QuotedAttendance(recent)),
            "earlier": LetterContext.attendanceValue(QuotedAttendance(earlier)),
            "improvement": ["weeks": weeks] as [String: Any],
        ]
    }
}
