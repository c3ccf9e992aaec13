import AttendocCasework
import AttendocEngine

extension TargetReview {
    /// The figures a target is checked on (`PupilFigures.targetAttendance`), as a template reads
    /// them: `attended` of `possible` sessions, `percent`, and `illnessLeftOut`, the sessions of
    /// authorised illness left out (when the policy does not count them and there are some).
    static func checkedValue(_ figures: PupilFigures) -> [String: Any] {
        var value: [String: Any] = [
            "attended": figures.attendedSessions,
            "possible": figures.targetPossibleSessions,
            "percent": figures.targetAttendance.display,
        ]
        if !figures.targetCountsAuthorisedIllness, figures.authorisedIllnessSessions > 0 {
            value["illnessLeftOut"] = String(figures.authorisedIllnessSessions)
        }
        return value
    }
}
