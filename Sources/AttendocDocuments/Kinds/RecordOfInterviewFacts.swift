import AttendocCaseModel
import AttendocCasework
import AttendocValues

/// The record of an interview under caution (PACE Code C; CrimPR r8.3), one for each
/// interviewee: the interview's date and place (the meeting's), its start and end, who was
/// present, the caution given and understood, legal advice, any interpreter or appropriate adult,
/// the period of absence put, the questions and answers in summary (or the transcript's
/// reference) and the recording's exhibit number. The caution's words are statutory
/// (`partials/statutory/caution`).
///
/// Keys (docs/templates.md): `interview.*` (the meeting) and `record.*` (the interviewee's own).
enum RecordOfInterviewFacts {
    static func meeting(case loaded: LoadedCase, dated date: CalendarDate, options: LetterOptions) throws(AttendocError) -> Meeting {
        let meeting = try RecordedMeeting.choose(in: loaded.attendanceCase, kinds: [.paceInterview], dated: date, path: options.meeting,
                                                 for: "record of interview")
        guard !meeting.interviews.isEmpty else {
            throw AttendocError(.document, "\(meeting.casePath) (the interview under caution of \(meeting.date.longForm)) has no interviews: add one record per interviewee under interviews (docs/case-file.md)")
        }
        return meeting
    }

    static func values(case loaded: LoadedCase, dated date: CalendarDate, options: LetterOptions) throws(AttendocError) -> [String: Any] {
        let meeting = try meeting(case: loaded, dated: date, options: options)
        var interview: [String: Any] = ["date": LetterContext.dateValue(meeting.date)]
        interview["place"] = meeting.place
        // The offence the interview was about, when the route is a prosecution under section 444
        // or 443 (a route since changed to an application leaves the record as it was made, without it).
        let offence = loaded.attendanceCase.legalRoute.flatMap { LegalRouteFacts.interviewOffence($0.section) }
        return ["interview": interview, "offence": offence ?? false]
    }

    /// `facts` for the copy of the interviewee of `record`: their own record.
    static func forInterviewee(_ record: InterviewRecord, _ facts: [String: Any]) -> [String: Any] {
        var facts = facts
        var values: [String: Any] = [
            "start": "\(record.start)", "end": "\(record.end)",
            "present": record.present.map { attendee -> [String: Any] in
                var person: [String: Any] = ["name": attendee.name, "role": attendee.role]
                person["agency"] = attendee.agency
                return person
            },
            "cautionGiven": record.cautionGiven, "cautionUnderstood": record.cautionUnderstood,
            "adviceTaken": record.legalAdvice == .offeredAndTaken, "adviceDeclined": record.legalAdvice == .offeredAndDeclined,
            "adviceNotOffered": record.legalAdvice == .notOffered,
            "periodFrom": LetterContext.dateValue(record.periodPutFrom), "periodTo": LetterContext.dateValue(record.periodPutTo),
            "exchanges": record.exchanges.map { ["question": $0.question, "answer": $0.answer] },
            "hasExchanges": !record.exchanges.isEmpty,
        ]
        values["adviser"] = record.adviser
        values["interpreter"] = record.interpreter
        values["appropriateAdult"] = record.appropriateAdult
        values["transcript"] = record.transcript
        values["recordingExhibit"] = record.recordingExhibit
        facts["record"] = values
        return facts
    }
}
