import AttendocCasework
import AttendocPolicy
import AttendocValues

/// The facts of the notice under section 437(1) Education Act 1996: the local authority is not
/// satisfied that the child is receiving suitable education, and the parent must satisfy it within
/// the period the notice gives, "not less than 15 days beginning with the day on which the notice
/// is served" (section 437(2)). The period's length is the policy's `school_attendance_order_notice`
/// (in days, at least 15); it begins with the day of service (the day recorded under
/// `school_attendance_order.notice.served_on`, or the day the policy's issuing: rule deems a notice
/// sent on the letter's date served); its last day, when not a school day, moves LATER to the next
/// school day (`Deadline.lastDayOfPeriod`), never earlier.
enum SchoolAttendanceOrderNoticeFacts {
    static func values(case loaded: LoadedCase, dated date: CalendarDate, options: LetterOptions) throws(AttendocError) -> [String: Any] {
        let attendanceCase = loaded.attendanceCase
        if let meeting = options.meeting {
            throw AttendocError(.document, "a school attendance order notice is not about a meeting; leave out the meeting (\(meeting))")
        }
        if options.deadlineOverrideReason != nil {
            throw AttendocError(.document, "a school attendance order notice's period is set by law and the policy; leave out --override-deadline")
        }
        guard let policy = loaded.policy else {
            throw AttendocError(.document, "the case \(attendanceCase.reference) names no policy, so the period a school attendance order notice gives is not known; add policy: to the case file")
        }
        let purpose = "a school attendance order notice (the period it gives the parent)"
        let period = try policy.deadline(.schoolAttendanceOrderNotice, for: purpose)
        let days = period.unit == .weeks ? 7 * period.count : period.count
        guard period.unit == .days || period.unit == .weeks, days >= 15 else {
            throw AttendocError(.policy, "\(policy.file): deadlines: school_attendance_order_notice is \(period.lengthInWords); section 437(2) Education Act 1996 gives the parent not less than 15 days beginning with the day the notice is served, so give within: 15 (or more) and unit: days")
        }
        let recorded = attendanceCase.schoolAttendanceOrder?.notice
        if let recorded, let method = options.method, method != recorded.method.rawValue {
            throw AttendocError(.document, "\(recorded.casePath) records the notice served by \(recorded.method.rawValue), not \(method); leave out the method or correct the record")
        }
        let method = recorded?.method.rawValue ?? options.serviceMethod
        let served: CalendarDate
        if let recorded {
            guard date <= recorded.servedOn else {
                throw AttendocError(.document, "\(recorded.casePath).served_on (\(recorded.servedOn.longForm)) is before this notice's date (\(date.longForm)); a notice is dated on or before the day it is served, so date it on or before \(recorded.servedOn.longForm)")
            }
            served = recorded.servedOn
        } else {
            guard let issuing = policy.issuing, let deemed = issuing.deemedServed(sent: date, method: method) else {
                throw AttendocError(.policy, "\(policy.file): the policy \(policy.identifier) has no issuing: rule for \(method) (deemed_service_working_days), so the day a school attendance order notice is served, with which its period begins, is not known; add it (docs/policies.md)")
            }
            served = deemed
        }
        let calendar = try loaded.calendar()
        let lastCounted = served.adding(days: days - 1)
        var endsOn = try period.lastDayOfPeriod(beginningWith: served, calendar: calendar)
        if let given = recorded?.periodEndsOn {
            // The notice as served gave this day: a copy says the same, if the law and policy allow it.
            guard given >= endsOn, calendar.isSchoolDay(given) else {
                throw AttendocError(.document, "\(recorded!.casePath).period_ends_on is \(given.longForm), but a notice served on \(served.longForm) must give at least \(period.lengthInWords) beginning with that day, ending on a school day: \(endsOn.longFormWithWeekday) at the earliest (the policy's school_attendance_order_notice and term dates); correct the record")
            }
            endsOn = given
        }
        return [
            "notice": [
                "servedOn": LetterContext.dateValue(served),
                "isRecorded": recorded != nil,
                "endsOn": LetterContext.dateValue(endsOn),
                "length": period.lengthSpeltOut,
                "movedToSchoolDay": endsOn != lastCounted && recorded?.periodEndsOn == nil,
                "lastCounted": LetterContext.dateValue(lastCounted),
                "byPost": method == "post",
            ] as [String: Any],
        ]
    }
}
