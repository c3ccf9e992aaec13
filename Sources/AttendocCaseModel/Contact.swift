import AttendocValues
import AttendocYAML

/// A contact the school or the local authority made with the family, as recorded at the time: a
/// phone call, a home visit, a text message (seed 004: "contact parents by phone, letter, or invite
/// parents to a Parenting Contract Meeting ... Consider a home visit"). A referral checklist may ask
/// for a number of them (`recorded_contacts_at_least`); a home visit is the home-visit record's source.
public struct Contact: Sendable {
    public enum Method: String, CaseIterable, Sendable, CustomStringConvertible, FixedValue {
        case phone
        case homeVisit = "home_visit"
        case email
        case textMessage = "text_message"
        case inPerson = "in_person"
        case letter

        public var description: String {
            switch self {
            case .phone: "phone call"
            case .homeVisit: "home visit"
            case .email: "email"
            case .textMessage: "text message"
            case .inPerson: "conversation in person"
            case .letter: "letter"
            }
        }
    }

    public var date: CalendarDate
    public var method: Method
    /// Who made it (a name or a role).
    public var by: String
    /// Who was spoken to or seen, in words (`mother`, `mother and pupil`); nil: nobody was reached.
    public var with: String?
    /// Whether anyone was reached (a home visit with no answer is still a recorded attempt).
    public var reached: Bool
    /// What was said or seen, in the words of the record.
    public var summary: String?
    /// What was agreed or will happen next.
    public var nextSteps: [String]
    public var evidence: [FileReference]
    /// Where it is in the case file (`contacts[2]`).
    public var casePath: String
}

extension CaseFileReader {
    static func readContact(_ fields: YAMLFields) throws(CaseFileError) -> Contact {
        let result = Contact(
            date: try fields.date("date"),
            method: try fields.fixedValue("method"),
            by: try fields.string("by"),
            with: try fields.optionalString("with"),
            reached: try fields.optionalBool("reached") ?? true,
            summary: try fields.optionalString("summary"),
            nextSteps: try fields.strings("next_steps", required: false),
            evidence: try fields.fileReferences("evidence"),
            casePath: fields.path)
        try fields.finish()
        return result
    }
}
