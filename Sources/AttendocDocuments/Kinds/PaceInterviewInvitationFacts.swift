import AttendocCaseModel
import AttendocCasework
import AttendocPolicy
import AttendocValues

/// The facts of an invitation to an interview under caution (PACE): the interview's date, time and
/// place, within the policy's `pace_interview` deadline after the referral (seed 004: "within 5
/// weeks of referral"), and the offence the parent is suspected of.
enum PaceInterviewInvitationFacts {
    static let letter = "an invitation to an interview under caution"

    static func values(case loaded: LoadedCase, dated date: CalendarDate, options: LetterOptions) throws(AttendocError) -> [String: Any] {
        let attendanceCase = loaded.attendanceCase
        let offence = try LegalRouteFacts.suspectedOffence(in: attendanceCase, for: letter)
        let interview = try chosenInterview(in: attendanceCase, dated: date, path: options.meeting)
        let named = "the interview under caution at \(interview.casePath) (\(interview.date.longForm))"
        guard let time = interview.time else {
            throw AttendocError(.document, "\(named) has no time; add time: HH:MM to \(interview.casePath)")
        }
        guard let place = interview.place else {
            throw AttendocError(.document, "\(named) has no place; add place: to \(interview.casePath) (where the interview is held, with its address)")
        }
        // The deadline the first warning letter printed and the readiness check uses.
        let (length, deadline, from, fromReferral) = try loaded.interviewDeadline(for: letter)
        if interview.date > deadline, options.deadlineOverrideReason == nil, let policy = loaded.policy {
            let event = fromReferral ? "the school referred the case" : "the referral was accepted"
            throw AttendocError(.document, "\(named) is after the deadline of \(deadline.longFormWithWeekday) (the policy \(policy.identifier)'s \(DeadlineName.paceInterview.rawValue): \(length.lengthInWords) after \(event) on \(from.longForm)); hold the interview by then, or give the reason for overriding the deadline (--override-deadline)")
        }
        try RecordedMeeting.requireSchoolDay(interview, in: loaded, options: options)
        return [
            "interview": [
                "date": LetterContext.dateValue(interview.date),
                "time": MeetingInvitationFacts.timeInWords(time),
                "place": place,
                "deadline": LetterContext.dateValue(deadline),
            ] as [String: Any],
            "offence": offence,
        ]
    }

    /// The meeting `path` names, which must be an interview under caution on or after the letter's
    /// date; by default the first such interview on or after it.
    static func chosenInterview(in attendanceCase: AttendanceCase, dated date: CalendarDate, path: String?) throws(AttendocError) -> Meeting {
        if let path {
            let meeting = try RecordedMeeting.meeting(at: path, in: attendanceCase)
            guard meeting.kind == .paceInterview else {
                throw AttendocError(.document, "\(path) is a \(meeting.kind), not an interview under caution (kind: pace_interview); choose a pace_interview meeting for \(letter)")
            }
            guard meeting.date >= date else {
                throw AttendocError(.document, "the interview under caution at \(path) is on \(meeting.date.longForm), before the letter's date (\(date.longForm)); a letter cannot invite to an interview that has already happened")
            }
            return meeting
        }
        let interviews = attendanceCase.meetings.filter { $0.kind == .paceInterview }
        guard let next = interviews.filter({ $0.date >= date }).min(by: { $0.date < $1.date }) else {
            let earlier = interviews.map { "\($0.casePath) is on \($0.date.longForm)" }
            let found = earlier.isEmpty ? "" : " (\(earlier.joined(separator: "; ")), before the letter's date)"
            throw AttendocError(.document, "the case \(attendanceCase.reference) has no interview under caution on or after \(date.longForm)\(found); add a meeting with kind: pace_interview, its date, time and place under meetings:")
        }
        return next
    }
}
