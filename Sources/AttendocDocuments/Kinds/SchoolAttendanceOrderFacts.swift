import AttendocCasework
import AttendocValues

/// The facts of a school attendance order (section 437(3) Education Act 1996), from the case's
/// `school_attendance_order`: the order's date and the school it names, made after the notice under
/// section 437(1) and the notice of intention under section 438(2) (and the parent's choice of school
/// under section 438(3), where recorded), each as the record shows it.
enum SchoolAttendanceOrderFacts {
    static func values(case loaded: LoadedCase, dated date: CalendarDate, options: LetterOptions) throws(AttendocError) -> [String: Any] {
        let attendanceCase = loaded.attendanceCase
        if options.meeting != nil || options.deadlineOverrideReason != nil {
            throw AttendocError(.document, "a school attendance order is not about a meeting and has no deadline to override; leave out the meeting and --override-deadline")
        }
        guard let process = attendanceCase.schoolAttendanceOrder, let order = process.order else {
            throw AttendocError(.document, "the case \(attendanceCase.reference) records no school attendance order; add school_attendance_order.order with made_on and school (docs/case-file.md)")
        }
        guard let notice = process.notice else {
            throw AttendocError(.document, "\(process.casePath) records no notice under section 437(1); an order is made only after the parent fails to satisfy the authority within the period a notice gave, so record notice (served_on, method, period_ends_on)")
        }
        guard let intention = process.intention else {
            throw AttendocError(.document, "\(process.casePath) records no notice of intention under section 438(2); before making an order the authority serves one naming the school, so record intention (served_on, schools)")
        }
        guard order.madeOn <= date else {
            throw AttendocError(.document, "\(order.casePath).made_on (\(order.madeOn.longForm)) is after this document's date (\(date.longForm)); date it on or after the day the order was made")
        }
        var values: [String: Any] = [
            "madeOn": LetterContext.dateValue(order.madeOn),
            "school": order.school,
            "noticeServedOn": LetterContext.dateValue(notice.servedOn),
            "intentionServedOn": LetterContext.dateValue(intention.servedOn),
        ]
        // Optional facts are present only when recorded: a template prints them inside a section.
        if let ended = notice.periodEndsOn {
            values["noticeEndedOn"] = LetterContext.dateValue(ended)
        }
        if let choice = process.parentChoice {
            values["choice"] = ["school": choice.school, "on": LetterContext.dateValue(choice.on), "isNamed": choice.school == order.school] as [String: Any]
        }
        return ["order": values]
    }
}
