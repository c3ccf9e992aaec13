import AttendocCasework
import AttendocPolicy
import AttendocValues

/// The facts of the notice of intention to serve a school attendance order (section 438 Education
/// Act 1996), from the case's `school_attendance_order`: the section 437(1) notice before it (when
/// served, the period it gave), the school the authority intends to name in the order and any
/// alternatives (`intention.schools`, the intended school first), and the period the parent has to
/// choose, the policy's `school_attendance_order_choice` (15 days or more) beginning with the day
/// of service (`intention.served_on`); its last day, when not a school day, moves LATER to the next
/// school day, never earlier (`Deadline.lastDayOfPeriod`). Served after the notice's period: the
/// case file reader refuses an intention served within it.
enum SchoolAttendanceOrderIntentionFacts {
    static let document = "a notice of intention to serve a school attendance order"

    static func values(case loaded: LoadedCase, dated date: CalendarDate, options: LetterOptions) throws(AttendocError) -> [String: Any] {
        let attendanceCase = loaded.attendanceCase
        if options.meeting != nil || options.deadlineOverrideReason != nil {
            throw AttendocError(.document, "\(document) is not about a meeting, and its period is set by law and the policy; leave out the meeting and --override-deadline")
        }
        guard let process = attendanceCase.schoolAttendanceOrder, let notice = process.notice else {
            throw AttendocError(.document, "the case \(attendanceCase.reference) records no notice under section 437(1); \(document) comes after the parent fails to satisfy the authority within the period that notice gave, so record school_attendance_order.notice (served_on, method, period_ends_on) first (docs/case-file.md)")
        }
        guard let intention = process.intention, let intended = intention.schools.first else {
            throw AttendocError(.document, "\(process.casePath) records no notice of intention; add intention with served_on (the day it is served) and schools (the school the order is to name, then any alternatives)")
        }
        guard date <= intention.servedOn else {
            throw AttendocError(.document, "\(intention.casePath).served_on (\(intention.servedOn.longForm)) is before this notice's date (\(date.longForm)); a notice is dated on or before the day it is served, so date it on or before \(intention.servedOn.longForm)")
        }
        guard let policy = loaded.policy else {
            throw AttendocError(.document, "the case \(attendanceCase.reference) names no policy, so the period \(document) gives the parent to choose a school is not known; add policy: to the case file")
        }
        let period = try policy.deadline(.schoolAttendanceOrderChoice, for: "\(document) (the period the parent has to choose a school)")
        guard period.unit == .days, period.count >= 15 else {
            throw AttendocError(.policy, "\(policy.file): deadlines: school_attendance_order_choice is \(period.lengthInWords); section 438 Education Act 1996 gives the parent 15 days beginning with the day the notice is served, so give within: 15 (or more) and unit: days")
        }
        let calendar = try loaded.calendar()
        let endsOn = try period.lastDayOfPeriod(beginningWith: intention.servedOn, calendar: calendar)
        let lastCounted = intention.servedOn.adding(days: period.count - 1)
        let alternatives = Array(intention.schools.dropFirst())
        var values: [String: Any] = [
            "servedOn": LetterContext.dateValue(intention.servedOn),
            "school": intended,
            "hasAlternatives": !alternatives.isEmpty,
            "alternatives": alternatives.enumerated().map { index, school -> [String: Any] in
                ["name": school, "isLast": index == alternatives.count - 1, "isBeforeLast": index == alternatives.count - 2,
                 "isEarlier": index < alternatives.count - 2]
            },
            "choiceEndsOn": LetterContext.dateValue(endsOn),
            "length": period.lengthSpeltOut,
            "movedToSchoolDay": endsOn != lastCounted,
            "lastCounted": LetterContext.dateValue(lastCounted),
            "noticeServedOn": LetterContext.dateValue(notice.servedOn),
        ]
        values["noticeEndedOn"] = notice.periodEndsOn.map(LetterContext.dateValue) ?? false
        return ["intention": values]
    }
}
