import AttendocValues
import AttendocYAML

/// An Assess, Plan, Do, Review record of the school's support for a pupil's attendance, with the
/// pupil's own voice (seed 003, tier 2: "complete an Assess Plan Do Review (APDR) form and pupil
/// voice for pupils with attendance 92% and below"). The figures it quotes are the engine's on its
/// date, never recorded here; the pupil's words are printed as the pupil gave them, in a section
/// of their own.
public struct APDRRecord: Sendable {
    /// The pupil's voice: their own words, who heard them and when.
    public struct PupilVoice: Sendable {
        public var gatheredOn: CalendarDate
        /// Who listened (a name or a role).
        public var gatheredBy: String
        /// How (`a conversation with the learning mentor`, `a drawing and a talk`), optional.
        public var how: String?
        /// The pupil's words, each as said or written.
        public var words: [String]
    }

    public var date: CalendarDate
    /// Who completed it (a name and role).
    public var completedBy: String
    /// Assess: what is known about the absence and its reasons.
    public var assess: [String]
    /// Plan: what will be done, by whom.
    public var plan: [String]
    /// Do: what has been done.
    public var doing: [String]
    /// Review: what the review found, once it has taken place.
    public var review: [String]
    /// When the plan is reviewed; after the record's date.
    public var reviewDate: CalendarDate?
    public var pupilVoice: PupilVoice?
    public var evidence: [FileReference]
    /// Where it is in the case file (`apdr[0]`).
    public var casePath: String
}

extension CaseFileReader {
    static func readAPDRRecord(_ fields: YAMLFields) throws(CaseFileError) -> APDRRecord {
        let voice = try fields.optionalFields("pupil_voice").map { (voice) throws(CaseFileError) -> APDRRecord.PupilVoice in
            let result = APDRRecord.PupilVoice(gatheredOn: try voice.date("gathered_on"), gatheredBy: try voice.string("gathered_by"),
                                               how: try voice.optionalString("how"), words: try voice.strings("words"))
            try voice.finish()
            if result.words.isEmpty { throw voice.error("words", "must hold at least one of the pupil's own words") }
            return result
        }
        let result = APDRRecord(
            date: try fields.date("date"),
            completedBy: try fields.string("completed_by"),
            assess: try fields.strings("assess"),
            plan: try fields.strings("plan"),
            doing: try fields.strings("do", required: false),
            review: try fields.strings("review", required: false),
            reviewDate: try fields.optionalDate("review_date"),
            pupilVoice: voice,
            evidence: try fields.fileReferences("evidence"),
            casePath: fields.path)
        try fields.finish()
        if result.assess.isEmpty { throw fields.error("assess", "must say at least one thing the school assessed") }
        if result.plan.isEmpty { throw fields.error("plan", "must say at least one thing the school plans to do") }
        if let review = result.reviewDate, review <= result.date {
            throw fields.error("review_date", "is \(review.iso), not after the record's date (\(result.date.iso))", at: fields.node("review_date"))
        }
        if let voice = result.pupilVoice, voice.gatheredOn > result.date {
            throw fields.error("pupil_voice", "was gathered on \(voice.gatheredOn.iso), after the record's date (\(result.date.iso)); the record holds what was heard before it was completed")
        }
        return result
    }
}
