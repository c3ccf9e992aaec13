import AttendocCaseModel
import AttendocPolicy
import AttendocValues

/// The one rule for the attendance target set at an attendance panel meeting or PACE interview
/// (seed 004: "target set and recorded; if met, letter and review after 5 more weeks; if not,
/// final warning"), shared by the target met letter and the final warning letter so that both
/// report on the same meeting, over the same period, with the same review date.
public enum TargetReview {
    /// The meetings that set the target these letters report on.
    public static let kinds: [Meeting.Kind] = [.attendancePanel, .paceInterview]

    /// The meeting a letter dated `date` reports on by default: the latest attendance panel meeting
    /// or PACE interview with an attendance target strictly before the letter's date (a target set
    /// on the day of the letter has had no time to be met or missed); of two on the same day, the
    /// later in the case file.
    public static func latestMeeting(in attendanceCase: AttendanceCase, before date: CalendarDate) -> Meeting? {
        attendanceCase.meetings.enumerated()
            .filter { kinds.contains($0.element.kind) && $0.element.attendanceTarget != nil && $0.element.date < date }
            .max { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }?.element
    }

    /// When the target is reviewed: the meeting's `review_date`, or the policy's `target_review`
    /// deadline after the meeting (seed 004: 5 weeks).
    public static func reviewDate(of meeting: Meeting, in loaded: LoadedCase, for letter: String) throws(AttendocError) -> CalendarDate {
        if let review = meeting.reviewDate { return review }
        guard loaded.policy != nil else {
            throw AttendocError(.document, "\(meeting.casePath) has no review_date and the case names no policy to compute one from; add review_date to \(meeting.casePath)")
        }
        return try loaded.deadline(.targetReview, from: meeting.date, for: letter)
    }

}
