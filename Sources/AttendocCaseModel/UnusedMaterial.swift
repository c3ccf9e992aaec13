import AttendocValues
import AttendocYAML

/// An item of unused material in a prosecution (Criminal Procedure and Investigations Act 1996;
/// its Code of Practice): something the investigation holds that the bundle does not use as
/// evidence, with the disclosure officer's decision. The bundle lists every non-sensitive item on
/// its schedule of unused material (in the shape of an MG6C); `check --for prosecution` names
/// material the bundle withholds (a meeting's agency-only notes) that has no decision.
public struct UnusedMaterial: Sendable {
    /// The place in the case file it is (`meetings[1].agency_only_notes`), when the case file
    /// holds it; otherwise nil and `description` says what it is.
    public var item: String?
    /// What it is, in words (`The school's attendance mentor's notes, October 2026`); for an
    /// `item`, optional (the bundle describes it from the case file).
    public var description: String?
    /// Where it is kept (`Riverside Academy, attendance office`).
    public var location: String?
    public var decision: Decision
    /// Why: for `disclose`, how it might undermine the prosecution case or assist the defence.
    public var reason: String
    /// Where it is in the case file (`unused_material[0]`).
    public var casePath: String

    public enum Decision: String, CaseIterable, Sendable, CustomStringConvertible, FixedValue {
        /// Might reasonably be considered capable of undermining the prosecution case or of
        /// assisting the defence (CPIA 1996 s3): disclosed to the defence.
        case disclose
        /// Does not meet the test for disclosure; listed, so the defence can ask.
        case notDisclosable = "not_disclosable"
        /// Sensitive: listed for the prosecutor on a separate schedule (an MG6D), not served.
        case sensitive

        public var description: String {
            switch self {
            case .disclose: "disclose"
            case .notDisclosable: "does not meet the test for disclosure"
            case .sensitive: "sensitive"
            }
        }
    }
}

extension CaseFileReader {
    /// `unused_material:` entries; an `item` must be a meeting's agency-only notes, or a
    /// safeguarding referral (`referrals[3]`, which the bundle always withholds: its decision is
    /// `sensitive`, and its reason goes on the prosecutor's sensitive schedule).
    static func readUnusedMaterial(_ fields: YAMLFields, meetings: [Meeting], referrals: [AgencyReferral] = []) throws(CaseFileError) -> UnusedMaterial {
        let result = UnusedMaterial(
            item: try fields.optionalString("item"),
            description: try fields.optionalString("description"),
            location: try fields.optionalString("location"),
            decision: try fields.fixedValue("decision"),
            reason: try fields.string("reason"),
            casePath: fields.path)
        try fields.finish()
        if result.item == nil && result.description == nil {
            throw fields.error("description", "is required when there is no item (what the material is, in words)")
        }
        if let item = result.item, referrals.contains(where: { $0.service == .safeguarding && $0.casePath == item }) {
            if result.decision != .sensitive {
                throw fields.error("decision", "is \(result.decision.rawValue), but \(item) is a safeguarding referral, which the bundle withholds from the family as sensitive material; write decision: sensitive, with the reason for its sensitivity", at: fields.node("decision"))
            }
        } else if let item = result.item, !meetings.contains(where: { $0.agencyOnlyNotes != nil && "\($0.casePath).agency_only_notes" == item }) {
            throw fields.error("item", "is \(item), which is not material the bundle withholds; an item names a meeting's agency-only notes (meetings[1].agency_only_notes) or a safeguarding referral (referrals[3]); describe anything else with description", at: fields.node("item"))
        }
        return result
    }
}
