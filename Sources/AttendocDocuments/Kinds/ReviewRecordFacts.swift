import AttendocCaseModel
import AttendocCasework
import AttendocEngine
import AttendocValues

/// The review record's values (seed 002: "on review, the school should decide either to extend the
/// attendance improvement support plan, make a referral to the local authority ... or end" it; seed
/// 004: the contract and the action plan reviewed "not more than 20 days later"): the meeting
/// reviewed, the engine's figures from that meeting to the review, whether a percentage target was
/// met (compared exactly; a target in words is not judged), and the decision as recorded.
///
/// Keys (docs/templates.md): `review.*`, `meeting.*`, `since.*`, `target.*`.
enum ReviewRecordFacts {
    static func values(case loaded: LoadedCase, dated date: CalendarDate, options: LetterOptions) throws(AttendocError) -> [String: Any] {
        let attendanceCase = loaded.attendanceCase
        let review = try ChosenRecord.choose(attendanceCase.reviews, path: options.record, dated: date, section: "reviews",
                                             what: "review", place: \.casePath, day: \.date)
        let meeting = try RecordedMeeting.meeting(at: review.of, in: attendanceCase).parentCopy
        guard loaded.pupilRegister != nil else {
            throw AttendocError(.document, "a review record states the figures since the meeting it reviews: add register: (and policy:) to the case \(attendanceCase.reference)")
        }
        let since = try loaded.figures(asOf: review.date, from: meeting.date)
        guard since.possibleSessions > 0 else {
            throw AttendocError(.document, "\(review.casePath): the register has no school sessions from \(review.of) (\(meeting.date.longForm)) to the review (\(review.date.longForm))")
        }
        var reviewed: [String: Any] = [
            "date": LetterContext.dateValue(review.date),
            "decision": review.decision.description,
            "isExtend": review.decision == .extend,
            "isEscalate": review.decision == .escalate,
            "isRefer": review.decision == .refer,
            "isEnd": review.decision == .end,
            "attendees": review.attendees,
            "hasAttendees": !review.attendees.isEmpty,
        ]
        reviewed["discussion"] = review.discussion
        reviewed["nextReviewDate"] = review.nextReviewDate.map(LetterContext.dateValue)
        var values: [String: Any] = [
            "review": reviewed,
            "meeting": RecordedMeeting.values(meeting),
            "since": LetterContext.attendanceValue(QuotedAttendance(since)),
        ]
        if let target = meeting.attendanceTarget {
            var value: [String: Any] = ["display": TargetMetFacts.targetInWords(target), "isPercent": TargetMetFacts.isPercent(target)]
            if case .percent(let share) = target {
                let met = share.isReached(by: since.attendance)
                value["met"] = met
                value["notMet"] = !met
            }
            values["target"] = value
        }
        return values
    }
}
