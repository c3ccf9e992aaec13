import AttendocValues
import AttendocYAML

/// A referral the school or the local authority made to another service or agency: Early Help,
/// the attendance team, CAMHS, an attendance panel (seed 000: a panel needs parental consent and
/// accepts one referral per school per panel).
///
/// Not the same as the case's `referral` section, which records the local authority accepting the
/// school's referral and sets the interview deadline; that referral may be listed here as well.
public struct AgencyReferral: Sendable {
    /// To whom: the service or agency.
    public var to: String
    public var date: CalendarDate
    public var decision: Decision
    public var evidence: [FileReference]
    /// Who made it, as the record says (`Riverside Academy`, `Ms Laura Hughes`); nil when not
    /// recorded. It decides whose witness statement states it (docs/evidence-bundle.md).
    public var madeBy: String? = nil
    /// Where it is in the case file (`referrals[0]`).
    public var casePath: String
    /// Which kind of request to another service it is, when Attendoc writes it (seed 002: SEND
    /// outreach, an EHCP interim review, social care, a safeguarding referral); nil: recorded only.
    public var service: Service?
    /// What the school asks of the service and why, in the school's words (required with `service`).
    public var reason: String?

    /// A request to another service that has a document of its own (seed 002, tier 2: "request for
    /// outreach support for SEND needs", "EHCP interim reviews where necessary", "support from Social
    /// Care teams", "safeguarding agency referrals").
    public enum Service: String, CaseIterable, Sendable, FixedValue {
        case sendOutreach = "send_outreach"
        case ehcpInterimReview = "ehcp_interim_review"
        case childrensSocialCare = "childrens_social_care"
        case safeguarding
    }

    /// Whether the service accepted the referral (`accepted: yes`, `no` or `pending`).
    public enum Decision: String, CaseIterable, Sendable, CustomStringConvertible, FixedValue {
        case accepted = "yes"
        case notAccepted = "no"
        case pending

        public var description: String {
            switch self {
            case .accepted: "accepted"
            case .notAccepted: "not accepted"
            case .pending: "decision pending"
            }
        }
    }
}

extension CaseFileReader {
    static func readAgencyReferral(_ fields: YAMLFields) throws(CaseFileError) -> AgencyReferral {
        var result = AgencyReferral(
            to: try fields.string("to"),
            date: try fields.date("date"),
            decision: try acceptance(fields),
            evidence: try fields.fileReferences("evidence"),
            casePath: fields.path)
        result.madeBy = try fields.optionalString("made_by")
        result.service = try fields.optionalFixedValue("service")
        result.reason = try fields.optionalString("reason")
        if result.service != nil, result.reason == nil {
            throw fields.error("reason", "is required with service: what the school asks of the service and why")
        }
        try fields.finish()
        return result
    }

    /// `accepted:` as yes, no or pending (true and false are read as yes and no).
    static func acceptance(_ fields: YAMLFields) throws(CaseFileError) -> AgencyReferral.Decision {
        guard let node = fields.node("accepted") else {
            throw fields.error("accepted", "is required but missing (yes, no or pending)")
        }
        switch node.scalar?.string.lowercased() {
        case "yes", "true": return .accepted
        case "no", "false": return .notAccepted
        default: return try fields.fixedValue(node, path: "\(fields.path).accepted")
        }
    }
}
