import AttendocCaseModel
import AttendocCasework
import AttendocEngine
import AttendocValues

/// The attendance support plan's values (seed 003, tier 2: "where there is no improvement and
/// attendance drops below 80%, schools will need to initiate an attendance support plan to be
/// reviewed within a 3 to 4 week period for further interventions to be considered"): the plan
/// agreed at an attendance_support_plan meeting, the engine's figures on its date (below the
/// policy's support plan step), and its review, counted in school weeks by the policy's
/// `attendance_support_plan_review` deadline (or the meeting's own review date when sooner).
///
/// Keys (docs/templates.md): `meeting.*`, `figures.*`, `plan.*`.
enum AttendanceSupportPlanFacts {
    static func values(case loaded: LoadedCase, dated date: CalendarDate, options: LetterOptions) throws(AttendocError) -> [String: Any] {
        let meeting = try RecordedMeeting.choose(in: loaded.attendanceCase, kinds: [.attendanceSupportPlan], dated: date,
                                                 path: options.meeting, for: "attendance support plan").parentCopy
        let named = "\(meeting.casePath) (the attendance support plan meeting of \(meeting.date.longForm))"
        guard !meeting.actions.isEmpty else {
            throw AttendocError(.document, "\(named) has no actions; a support plan says what each person will do: add actions: (owner, action)")
        }
        let figures = try StepThreshold.figures(for: .attendanceSupportPlan, case: loaded, on: meeting.date, record: named)
        let purpose = "the attendance support plan"
        guard let policy = loaded.policy else { throw AttendocError(.document, "\(named): the case names no policy") }
        let length = try policy.deadline(.attendanceSupportPlanReview, for: purpose)
        let latest = try loaded.deadline(.attendanceSupportPlanReview, from: meeting.date, for: purpose)
        if let review = meeting.reviewDate, review > latest {
            throw AttendocError(.document, "\(named): review_date \(review.iso) is after \(latest.longFormWithWeekday), \(length.lengthInWords) after the meeting, by which the policy \(policy.identifier) has the plan reviewed (attendance_support_plan_review); set an earlier review_date")
        }
        let review = meeting.reviewDate ?? latest
        if !(try loaded.calendar().isSchoolDay(review)) {
            throw AttendocError(.document, "\(named): review_date \(review.iso) is not a school day in the term dates; a date given to a parent falls on a school day")
        }
        var plan: [String: Any] = [
            "reviewDate": LetterContext.dateValue(review),
            "reviewWithin": length.lengthInWords,
            "latestReview": LetterContext.dateValue(latest),
            "signatories": Recipient.parents(in: loaded.attendanceCase).map { ["name": $0.person.fullName] },
        ]
        plan["target"] = meeting.attendanceTarget.map(TargetMetFacts.targetInWords)
        return [
            "meeting": RecordedMeeting.values(meeting),
            "figures": LetterContext.attendanceValue(QuotedAttendance(figures)),
            "plan": plan,
        ]
    }
}
