import AttendocValues
import AttendocYAML

/// The record of one person's interview under caution (PACE Code C; CrimPR r8.3 asks for "any
/// account given by the defendant in interview"): who was interviewed, when it started and
/// ended, who was present, the caution given and understood, legal advice, an interpreter or
/// appropriate adult, the period of absence put to them, a summary of the questions and answers
/// or a transcript, and the recording's exhibit number. Each interviewee has a record of their
/// own; the place and date are the meeting's.
public struct InterviewRecord: Sendable {
    /// The interviewee: an `id` under `parents`, and their place in the case file.
    public var intervieweeID: String
    public var intervieweePath: String
    public var start: TimeOfDay
    public var end: TimeOfDay
    /// Everyone in the room, the interviewee included.
    public var present: [Meeting.Attendee]
    public var cautionGiven: Bool
    public var cautionUnderstood: Bool
    public var legalAdvice: LegalAdvice
    /// The solicitor or adviser, when advice was taken.
    public var adviser: String?
    public var interpreter: String?
    public var appropriateAdult: String?
    /// The dates of the absences put to the interviewee.
    public var periodPutFrom: CalendarDate
    public var periodPutTo: CalendarDate
    /// The questions put and the answers given, in summary, in order.
    public var exchanges: [Exchange]
    /// Where the full transcript is, when there is one (`JM/2`, a file reference in words).
    public var transcript: String?
    /// The recording's exhibit number (`JM/1`).
    public var recordingExhibit: String?
    /// Where it is in the case file (`meetings[2].interviews[0]`).
    public var casePath: String

    public enum LegalAdvice: String, CaseIterable, Sendable, CustomStringConvertible, FixedValue {
        case offeredAndTaken = "offered_and_taken"
        case offeredAndDeclined = "offered_and_declined"
        case notOffered = "not_offered"

        public var description: String {
            switch self {
            case .offeredAndTaken: "offered and taken"
            case .offeredAndDeclined: "offered and declined"
            case .notOffered: "not offered"
            }
        }
    }

    public struct Exchange: Sendable {
        public var question: String
        public var answer: String
    }
}

extension CaseFileReader {
    static func readInterviews(_ fields: YAMLFields, meetingKind: Meeting.Kind, meetingDate: CalendarDate,
                               parents: [ParentOrCarer]) throws(CaseFileError) -> [InterviewRecord] {
        let records = try fields.mappings("interviews") { (item) throws(CaseFileError) in try readInterview(item, on: meetingDate, parents: parents) }
        if !records.isEmpty && meetingKind != .paceInterview {
            throw fields.error("interviews", "are records of interviews under caution; only a meeting of kind pace_interview has them", at: fields.node("interviews"))
        }
        var seen: Set<String> = []
        for record in records where !seen.insert(record.intervieweeID).inserted {
            throw fields.error("interviews", "has two records for \(record.intervieweePath); each interviewee has one record per interview", at: fields.node("interviews"))
        }
        return records
    }

    static func readInterview(_ fields: YAMLFields, on date: CalendarDate, parents: [ParentOrCarer]) throws(CaseFileError) -> InterviewRecord {
        let id = try fields.string("interviewee")
        guard let person = parents.first(where: { $0.id == id }) else {
            throw fields.error("interviewee", "does not match the id of any parent or carer (ids are set with `id:` under parents)", at: fields.node("interviewee"))
        }
        guard let start = try fields.optionalTime("start") else { throw fields.error("start", "is required but missing (the time the interview started, HH:MM)") }
        guard let end = try fields.optionalTime("end") else { throw fields.error("end", "is required but missing (the time the interview ended, HH:MM)") }
        if end <= start {
            throw fields.error("end", "is \(end), not after start (\(start)); the interview ends after it starts", at: fields.node("end"))
        }
        let period = try fields.fields("period_put")
        let from = try period.date("from")
        let to = try period.date("to")
        try period.finish()
        if to < from {
            throw period.error("to", "is \(to.iso), before from (\(from.iso)); the period must run forwards", at: period.node("to"))
        }
        if to >= date {
            throw period.error("to", "is \(to.iso), not before the interview (\(date.iso)); only absences before the interview can be put", at: period.node("to"))
        }
        let exchanges = try fields.mappings("summary") { (item) throws(CaseFileError) in
            let exchange = InterviewRecord.Exchange(question: try item.string("question"), answer: try item.string("answer"))
            try item.finish()
            return exchange
        }
        let record = InterviewRecord(
            intervieweeID: id, intervieweePath: person.casePath, start: start, end: end,
            present: try fields.mappings("present", readAttendee),
            cautionGiven: try fields.bool("caution_given"), cautionUnderstood: try fields.bool("caution_understood"),
            legalAdvice: try fields.fixedValue("legal_advice"), adviser: try fields.optionalString("adviser"),
            interpreter: try fields.optionalString("interpreter"), appropriateAdult: try fields.optionalString("appropriate_adult"),
            periodPutFrom: from, periodPutTo: to, exchanges: exchanges,
            transcript: try fields.optionalString("transcript"), recordingExhibit: try fields.optionalString("recording_exhibit"),
            casePath: fields.path)
        try fields.finish()
        if record.exchanges.isEmpty && record.transcript == nil {
            throw fields.error("summary", "is needed, or a transcript: a record of interview gives the questions put and the answers given (CrimPR r8.3: any account given in interview)")
        }
        if !record.present.contains(where: { person.answersTo($0.name) }) {
            throw fields.error("present", "does not list the interviewee (\(person.casePath)) by their name as recorded under parents", at: fields.node("present"))
        }
        return record
    }
}
