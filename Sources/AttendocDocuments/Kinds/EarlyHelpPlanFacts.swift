import AttendocCaseModel
import AttendocCasework
import AttendocEngine
import AttendocValues

/// The tier 4 Early Help keywork plan (seed 003: "For cases accepted, an Early Help Plan will be
/// developed with family and school. Support will be reviewed at end of a 10-week period ... This
/// threshold for improvement and closing the case will be at 55%. This will be handed back to
/// school to monitor at the end of the intervention"): the plan agreed at an early_help_plan
/// meeting, the engine's figures then (below the policy's Early Help step), its review (the
/// policy's `early_help_review`), its longest run (`early_help_longest`) and the closing share
/// (`early_help_closing_percent`). Dated on or after the review, it records the review: the
/// engine's attendance from the plan to the review, compared exactly with the closing share: at or
/// above it the case closes and is handed back to the school; below it keywork continues until
/// the longest run ends.
///
/// Keys (docs/templates.md): `meeting.*`, `figures.*`, `plan.*`, `reviewed.*`.
enum EarlyHelpPlanFacts {
    static func values(case loaded: LoadedCase, dated date: CalendarDate, options: LetterOptions) throws(AttendocError) -> [String: Any] {
        let meeting = try RecordedMeeting.choose(in: loaded.attendanceCase, kinds: [.earlyHelpPlan], dated: date,
                                                 path: options.meeting, for: "Early Help plan").parentCopy
        let named = "\(meeting.casePath) (the Early Help plan meeting of \(meeting.date.longForm))"
        guard !meeting.actions.isEmpty else {
            throw AttendocError(.document, "\(named) has no actions; an Early Help plan says what each person will do: add actions: (owner, action)")
        }
        let figures = try StepThreshold.figures(for: .earlyHelpPlan, case: loaded, on: meeting.date, record: named)
        guard let policy = loaded.policy else { throw AttendocError(.document, "\(named): the case names no policy") }
        let purpose = "the Early Help plan"
        guard let closing = policy.earlyHelpClosing else {
            throw AttendocError(.policy, "\(policy.file): the policy \(policy.identifier) has no thresholds: early_help_closing_percent, the attendance at which Early Help keywork closes, which \(purpose) needs; add it (seed 003: 55)")
        }
        let reviewLength = try policy.deadline(.earlyHelpReview, for: purpose)
        let longest = try policy.deadline(.earlyHelpLongest, for: purpose)
        let review = try loaded.deadline(.earlyHelpReview, from: meeting.date, for: purpose)
        let end = try loaded.deadline(.earlyHelpLongest, from: meeting.date, for: purpose)
        var values: [String: Any] = [
            "meeting": RecordedMeeting.values(meeting),
            "figures": LetterContext.attendanceValue(QuotedAttendance(figures)),
            "plan": [
                "reviewDate": LetterContext.dateValue(review),
                "reviewWithin": reviewLength.lengthInWords,
                "endsBy": LetterContext.dateValue(end),
                "longest": longest.lengthInWords,
                "closingPercent": closing.description,
            ] as [String: Any],
        ]
        // The review, once its day has come: attendance from the plan to the review, compared exactly.
        if date >= review {
            let since = try loaded.figures(asOf: review, from: meeting.date)
            if since.to < review, try loaded.calendar().schoolDays(from: since.to.adding(days: 1), through: review) > 0 {
                throw AttendocError(.document, "the register ends on \(since.to.longForm), before the review of \(named) on \(review.longForm); give the case a register that covers the review period")
            }
            let closes = closing.isReached(by: since.attendance)
            values["reviewed"] = [
                "since": LetterContext.attendanceValue(QuotedAttendance(since)),
                "closes": closes,
                "continues": !closes,
            ] as [String: Any]
        }
        return values
    }
}
