import AttendocCaseModel
import AttendocCasework
import AttendocPolicy
import AttendocValues

/// The facts of a first warning letter (seed 004: "Warning letter issued together with PACE
/// letter"; "Attendance panel meeting or PACE interview held in school within 5 weeks of
/// referral"; "if target met, send letter, review within further 5 weeks"): the deadline for the
/// interview or panel meeting, the same date the PACE invitation and the readiness check use
/// (`LoadedCase.interviewDeadline`), with the event it counts from; the meeting the letter
/// encloses the invitation to, when the case has one on or after the letter's date; and the
/// length of the target's period, from the policy, with the school days it holds when the
/// meeting's date is known.
///
/// Keys (docs/templates.md): `interview.deadline`, `interview.within`, `interview.countsFrom`,
/// `interview.fromReferral`, `enclosedMeeting.*`, `targetReview.within`, `targetReview.*`.
enum FirstWarningLetterFacts {
    static let letter = "the first warning letter"

    static func values(case loaded: LoadedCase, dated date: CalendarDate) throws(AttendocError) -> [String: Any] {
        // Without a referral the template's own check names the missing referral.acceptedOn.
        guard loaded.attendanceCase.referral != nil else { return [:] }
        let interview = try loaded.interviewDeadline(for: letter)
        guard let policy = loaded.policy else {
            // interviewDeadline has already refused a case without a policy.
            throw AttendocError(.document, "the case \(loaded.attendanceCase.reference) names no policy; add policy: to the case file")
        }
        let review = try policy.deadline(.targetReview, for: letter)
        var targetReview: [String: Any] = ["within": review.lengthSpeltOut]
        var values: [String: Any] = [
            "interview": [
                "deadline": LetterContext.dateValue(interview.date),
                "within": interview.deadline.lengthSpeltOut,
                "countsFrom": LetterContext.dateValue(interview.from),
                "fromReferral": interview.fromReferral,
            ] as [String: Any],
        ]
        // The invitation enclosed: the case's next interview under caution or panel meeting.
        let kinds: [Meeting.Kind] = [.paceInterview, .attendancePanel]
        if let meeting = loaded.attendanceCase.meetings.filter({ kinds.contains($0.kind) && $0.date >= date }).min(by: { $0.date < $1.date }) {
            var enclosed: [String: Any] = [
                "date": LetterContext.dateValue(meeting.date),
                "isInterview": meeting.kind == .paceInterview,
                "name": meeting.kind.description,
            ]
            if let time = meeting.time { enclosed["time"] = MeetingInvitationFacts.timeInWords(time) }
            if let place = meeting.place { enclosed["place"] = place }
            values["enclosedMeeting"] = enclosed
            let reviewOn = try loaded.deadline(.targetReview, from: meeting.date, for: letter)
            targetReview["reviewOn"] = LetterContext.dateValue(reviewOn)
            targetReview["schoolDays"] = String(try loaded.calendar().schoolDays(from: meeting.date, through: reviewOn))
        }
        values["targetReview"] = targetReview
        return values
    }
}
