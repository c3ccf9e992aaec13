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
    static let kinds: [Meeting.Kind] = [.parentingContract, .attendanceImprovementPlan, .teamAroundTheFamily, .attendancePanel, .paceInterview]

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
        // Seed 002: an improvement plan runs for at least 6 school weeks.
        if meeting.kind == .attendanceImprovementPlan, let policy = loaded.policy, policy.deadlines[.improvementPlanMinimum] != nil {
            let runsUntil = try loaded.deadline(.improvementPlanMinimum, from: meeting.date, for: "the minutes of an attendance improvement plan meeting")
            values["plan"] = ["runsAtLeastUntil": LetterContext.dateValue(runsUntil)]
        }
        return values
    }
}
