import AttendocCaseModel
import AttendocCasework
import AttendocEngine
import AttendocPolicy
import AttendocValues

/// The target met letter's values (seed 004: "if target met, send letter, review within further 5
/// weeks"): the attendance target set at the attendance panel meeting or PACE interview, the
/// engine's figures over the target's period (from the meeting to its review, the same period the
/// final warning letter checks), which must meet it, and the date of the next review (the policy's
/// `target_review` deadline from the letter's date).
///
/// Keys (docs/templates.md): `meeting.*`, `target.*`, `period.*`, `before.*`, `improved`, `review.*`.
enum TargetMetFacts {
    /// The meetings that set the target this letter reports on.
    static let kinds = TargetReview.kinds

    static func values(case loaded: LoadedCase, dated date: CalendarDate, options: LetterOptions) throws(AttendocError) -> [String: Any] {
        let attendanceCase = loaded.attendanceCase
        let meeting = try chooseMeeting(in: attendanceCase, dated: date, path: options.meeting)
        guard let target = meeting.attendanceTarget else {
            // chooseMeeting only returns meetings with a target.
            throw AttendocError(.document, "\(meeting.casePath) has no attendance_target")
        }
        let named = "the \(meeting.kind) on \(meeting.date.longForm) (\(meeting.casePath))"
        guard let register = loaded.pupilRegister, let policy = loaded.policy else {
            throw AttendocError(.document, "a target met letter checks the target against the register: add register: (and policy:) to the case \(attendanceCase.reference)")
        }
        // The target's period, as for the final warning: from the meeting to its review (the
        // meeting's review_date, or the policy's target_review deadline after it; seed 004: 5 weeks).
        // The letter goes out after the review, unless the run gives a reason to send it sooner.
        let reviewOn = try TargetReview.reviewDate(of: meeting, in: loaded, for: "the target met letter")
        if date < reviewOn, options.deadlineOverrideReason == nil {
            throw AttendocError(.document, "the attendance target set at \(named) runs until its review on \(reviewOn.longFormWithWeekday); a target met letter goes out after that review, unless you give the reason for sending it sooner (--override-deadline)")
        }
        let periodEnd = min(reviewOn, date)
        let engine = AttendanceEngine(policy: policy)
        let period = engine.figures(for: register, asOf: periodEnd, from: meeting.date)
        if periodEnd == reviewOn, period.to < periodEnd,
           try loaded.calendar().schoolDays(from: period.to.adding(days: 1), through: periodEnd) > 0 {
            throw AttendocError(.document, "the register ends on \(period.to.longForm), before the review of the target set at \(named) on \(periodEnd.longForm); give the case a register that covers the target's period")
        }
        guard period.possibleSessions > 0 else {
            throw AttendocError(.document, "the register has no school sessions from \(named) to \(periodEnd.longForm), so whether the target was met is not known")
        }
        if case .percent(let share) = target {
            // Compared exactly: attended / possible ≥ the target.
            guard share.isReached(by: period.targetAttendance) else {
                throw AttendocError(.document, "the attendance target of \(targetInWords(target)) set at \(named) was not met: attendance from \(period.from.longForm) to \(period.to.longForm) is \(period.targetAttendance.display) (\(period.attendedSessions) of \(period.targetPossibleSessions) sessions\(period.targetAttendance.tenths >= share.tenths ? ", which is below \(targetInWords(target)) before rounding" : "")), so a target met letter must not be sent; seed 004's next step is the final warning letter")
            }
        }
        let reviewDeadline = try policy.deadline(.targetReview, for: "the target met letter")
        let review = try loaded.deadline(.targetReview, from: date, for: "the target met letter")

        var values: [String: Any] = [
            "meeting": [
                "kind": meeting.kind.rawValue,
                "description": meeting.kind.description,
                "date": LetterContext.dateValue(meeting.date),
            ] as [String: Any],
            "target": [
                "display": targetInWords(target),
                "isPercent": isPercent(target),
            ] as [String: Any],
            "period": LetterContext.attendanceValue(QuotedAttendance(period)),
            "checked": TargetReview.checkedValue(period),
            "review": [
                "date": LetterContext.dateValue(review),
                "within": reviewDeadline.lengthInWords,
            ] as [String: Any],
        ]
        // The year's attendance before the meeting, to show the improvement.
        let before = engine.figures(for: register, asOf: meeting.date.adding(days: -1))
        if before.possibleSessions > 0 {
            values["before"] = LetterContext.attendanceValue(QuotedAttendance(before))
            let improved = period.attendedSessions * before.possibleSessions > before.attendedSessions * period.possibleSessions
            values["improved"] = improved
        }
        return values
    }

    /// The meeting at `path`, or by default the latest attendance panel meeting or PACE interview
    /// with an attendance target before the letter's date.
    static func chooseMeeting(in attendanceCase: AttendanceCase, dated date: CalendarDate, path: String?) throws(AttendocError) -> Meeting {
        if let path {
            let meeting = try RecordedMeeting.meeting(at: path, in: attendanceCase)
            guard kinds.contains(meeting.kind) else {
                throw AttendocError(.document, "\(path) is a \(meeting.kind); a target met letter reports on the target set at an attendance panel meeting or PACE interview")
            }
            guard meeting.attendanceTarget != nil else {
                throw AttendocError(.document, "\(path) (the \(meeting.kind) on \(meeting.date.longForm)) has no attendance_target; add the target it set")
            }
            guard meeting.date < date else {
                throw AttendocError(.document, "\(path) (the \(meeting.kind) on \(meeting.date.longForm)) is not before the letter's date, \(date.longForm)")
            }
            return meeting
        }
        // The same meeting the final warning letter reports on (TargetReview).
        guard let latest = TargetReview.latestMeeting(in: attendanceCase, before: date) else {
            throw AttendocError(.document, "the case \(attendanceCase.reference) has no attendance panel meeting or PACE interview with an attendance target before \(date.longForm); add the meeting under meetings: (kind attendance_panel or pace_interview, its date and attendance_target)")
        }
        return latest
    }

    static func isPercent(_ target: AttendanceTarget) -> Bool {
        if case .percent = target { return true }
        return false
    }

    /// `90%`, `92.5%`, or the target's words (`AttendanceTarget.display`).
    static func targetInWords(_ target: AttendanceTarget) -> String {
        target.display
    }
}
