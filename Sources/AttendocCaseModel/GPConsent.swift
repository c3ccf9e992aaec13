import AttendocValues
import AttendocYAML

/// The parents' written permission for the school to contact the pupil's GP (seed 004: "If the
/// absence is due to illness over 5 days or in a regular pattern, seek written permission from the
/// parents to contact GP for confirmation that pupil is too ill to attend"). The request letter
/// needs the GP practice; the enquiry letter to the GP needs the consent given and not withdrawn.
public struct GPConsent: Sendable {
    public enum Answer: String, CaseIterable, Sendable, FixedValue {
        case given
        case refused
        case notYetKnown = "not_yet_known"
    }

    /// The GP practice, as the enquiry letter is addressed.
    public var practice: String
    public var doctor: String?
    public var address: PostalAddress
    /// Who gave (or refused) consent: a parent's place in the case file (`parents[0]`).
    public var parent: String?
    public var answer: Answer
    /// The day the signed consent form came back (required when given).
    public var answeredOn: CalendarDate?
    public var withdrawnOn: CalendarDate?
    public var evidence: [FileReference]
    /// Where it is in the case file (`gp_consent`).
    public var casePath: String

    /// Whether consent stands on `date`: given on or before it and not withdrawn by then.
    public func stands(on date: CalendarDate) -> Bool {
        guard answer == .given, let answeredOn, answeredOn <= date else { return false }
        return withdrawnOn.map { $0 > date } ?? true
    }
}

extension CaseFileReader {
    static func readGPConsent(_ fields: YAMLFields, parents: [ParentOrCarer]) throws(CaseFileError) -> GPConsent {
        let result = GPConsent(
            practice: try fields.string("practice"),
            doctor: try fields.optionalString("doctor"),
            address: try address(fields.fields("address")),
            parent: try fields.optionalString("parent"),
            answer: try fields.optionalFixedValue("answer") ?? .notYetKnown,
            answeredOn: try fields.optionalDate("answered_on"),
            withdrawnOn: try fields.optionalDate("withdrawn_on"),
            evidence: try fields.fileReferences("evidence"),
            casePath: fields.path)
        try fields.finish()
        if let parent = result.parent, !parents.contains(where: { $0.casePath == parent }) {
            throw fields.error("parent", "names no parent or carer of the case; write their place, as parents[0]", at: fields.node("parent"))
        }
        if result.answer != .notYetKnown, result.answeredOn == nil || result.parent == nil {
            throw fields.error(result.parent == nil ? "parent" : "answered_on", "is required when the answer is \(result.answer.rawValue): who answered, and when")
        }
        if let withdrawn = result.withdrawnOn, let answered = result.answeredOn, withdrawn < answered {
            throw fields.error("withdrawn_on", "is \(withdrawn.iso), before the consent was given (\(answered.iso))", at: fields.node("withdrawn_on"))
        }
        return result
    }
}
