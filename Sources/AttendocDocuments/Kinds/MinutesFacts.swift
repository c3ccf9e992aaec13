import AttendocCaseModel
import AttendocCasework
import AttendocValues

/// The minutes of a meeting (seed 002: the discussion, the key issues and barriers, the actions each
/// member will take, the attendance target, the review date; parents receive a copy).
///
/// A parent's copy is made from `Meeting.parentCopy`, which has no agency-only notes, so those
/// notes are never in a parent's document in any format. Keys (docs/templates.md): `meeting.*`,
/// `copy.*`, `plan.*`.
enum MinutesFacts {
    static let kinds: [Meeting.Kind] = [.parentingContract, .attendanceImprovementPlan, .teamAroundTheFamily, .attendancePanel, .paceInterview,
                                          .attendanceSupportPlan, .earlyHelpPlan]

    static func values(case loaded: LoadedCase, dated date: CalendarDate, options: LetterOptions,
                       audience: Audience) throws(AttendocError) -> [String: Any] {
        let chosen = try RecordedMeeting.choose(in: loaded.attendanceCase, kinds: kinds, dated: date, path: options.meeting, for: "minutes")
        let meeting = audience == .agency ? chosen : chosen.parentCopy
        var values: [String: Any] = [
            "meeting": RecordedMeeting.values(meeting),
            "copy": [
                "isAgency": audience == .agency,
                "label": audience == .agency ? "Agency copy: includes notes for the agencies only; do not give to the family" : "Parent's copy",
            ] as [String: Any],
        ]
        // Seed 002: an improvement plan runs for at least the policy's improvement_plan_minimum.
        if meeting.kind == .attendanceImprovementPlan {
            let purpose = "the minutes of an attendance improvement plan meeting"
            guard let policy = loaded.policy else {
                throw AttendocError(.document, "\(meeting.casePath) is an attendance improvement plan meeting and the case names no policy, so how long the plan runs is not known; add policy: to the case file")
            }
            let minimum = try policy.deadline(.improvementPlanMinimum, for: purpose)
            let runsUntil = try loaded.deadline(.improvementPlanMinimum, from: meeting.date, for: purpose)
            values["plan"] = ["minimum": minimum.lengthSpeltOut, "runsAtLeastUntil": LetterContext.dateValue(runsUntil)]
        }
        return values
    }
}
