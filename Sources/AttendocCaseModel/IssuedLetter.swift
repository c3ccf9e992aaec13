import AttendocValues
import AttendocYAML
import Foundation
import Yams

/// A letter or notice already sent to a parent or carer: the record that proves each step was taken
/// and each parent told (seed 004: first warning with the PACE letter, the register certificate with
/// the invitation, the letter when a target is met, the final warning).
public struct IssuedLetter: Sendable {
    public var kind: Kind
    public var date: CalendarDate
    /// The `id` of the parent or carer it was sent to.
    public var recipientID: String
    /// Where that parent or carer is in the case file (`parents[1]`).
    public var recipientPath: String
    public var method: Method
    /// A copy of what was sent, or proof of sending.
    public var evidence: [FileReference]
    /// Where it is in the case file (`letters_issued[0]`).
    public var casePath: String
    /// Who sent it, as the record says (`sent_by`), when it is not who the letterhead of its kind
    /// names (a register certificate the local authority sends with its invitation); nil: the
    /// letterhead's.
    public var sentBy: Sender? = nil

    /// Who sent a letter: the school or the local authority.
    public enum Sender: String, CaseIterable, Sendable, FixedValue {
        case school
        case localAuthority = "local_authority"
    }

    public enum Method: String, CaseIterable, Sendable, FixedValue {
        case post
        case hand
        case email
    }

    /// A known kind of letter, or any other kind in words.
    public enum Kind: Sendable, Equatable, CustomStringConvertible {
        case known(KnownKind)
        /// A kind in words (`Letter confirming the home visit`).
        case other(String)

        /// In words: `first warning letter`, or the words recorded.
        public var description: String {
            switch self {
            case .known(let kind): kind.description
            case .other(let words): words
            }
        }
    }

    /// The letters and notices of the process in the seeds, written in the case file in snake_case.
    public enum KnownKind: String, CaseIterable, Sendable, CustomStringConvertible, FixedValue {
        case concernLetter = "concern_letter"
        case parentingContractInvitation = "parenting_contract_invitation"
        case attendanceImprovementPlanInvitation = "attendance_improvement_plan_invitation"
        case teamAroundTheFamilyInvitation = "team_around_the_family_invitation"
        case minutesParentCopy = "minutes_parent_copy"
        case penaltyNoticeWarning = "penalty_notice_warning"
        case penaltyNotice = "penalty_notice"
        case firstWarningLetter = "first_warning_letter"
        case paceInterviewInvitation = "pace_interview_invitation"
        case attendancePanelInvitation = "attendance_panel_invitation"
        case registerCertificate = "register_certificate"
        case targetMetLetter = "target_met_letter"
        case finalWarningLetter = "final_warning_letter"
        case gpConsentRequest = "gp_consent_request"
        case gpEnquiryLetter = "gp_enquiry_letter"
        case improvedAttendanceLetter = "improved_attendance_letter"
        case referralDeclinedLetter = "referral_declined_letter"

        public var description: String {
            switch self {
            case .concernLetter: "letter of concern about attendance"
            case .parentingContractInvitation: "invitation to a parenting contract meeting"
            case .attendanceImprovementPlanInvitation: "invitation to an attendance improvement plan meeting"
            case .teamAroundTheFamilyInvitation: "invitation to a Team Around the Family meeting"
            case .minutesParentCopy: "parent's copy of meeting minutes"
            case .penaltyNoticeWarning: "formal warning of a penalty notice"
            case .penaltyNotice: "penalty notice"
            case .firstWarningLetter: "first warning letter"
            case .paceInterviewInvitation: "invitation to an interview under caution (PACE)"
            case .attendancePanelInvitation: "invitation to an attendance panel meeting"
            case .registerCertificate: "register certificate"
            case .targetMetLetter: "letter confirming the attendance target was met"
            case .finalWarningLetter: "final warning letter"
            case .gpConsentRequest: "request for consent to contact the GP"
            case .gpEnquiryLetter: "enquiry letter to the GP"
            case .improvedAttendanceLetter: "letter recognising improved attendance"
            case .referralDeclinedLetter: "letter that a referral was declined"
            }
        }
    }
}

extension CaseFileReader {
    /// Reads `letters_issued`; each `recipient` must be the `id` of one of `parents`.
    static func readLettersIssued(_ top: YAMLFields, parents: [ParentOrCarer]) throws(CaseFileError) -> [IssuedLetter] {
        try top.mappings("letters_issued") { (fields) throws(CaseFileError) in
            try readIssuedLetter(fields, parents: parents)
        }
    }

    static func readIssuedLetter(_ fields: YAMLFields, parents: [ParentOrCarer]) throws(CaseFileError) -> IssuedLetter {
        let kindNode = try fields.require("kind")
        let kind = try letterKind(kindNode, fields: fields)
        let date = try fields.date("date")
        let recipientID = try fields.string("recipient")
        // The id is not repeated in the message: whoever wrote the file may have used a name.
        guard let recipient = parents.first(where: { $0.id == recipientID }) else {
            let ids = parents.filter { $0.id != nil }.count
            throw fields.error("recipient", ids == 0
                ? "must be the id of a parent or carer, but no parent has an id; add `id:` to the parent it was sent to"
                : "does not match the id of any parent or carer (ids are set with `id:` under parents)", at: fields.node("recipient"))
        }
        var result = IssuedLetter(
            kind: kind, date: date, recipientID: recipientID, recipientPath: recipient.casePath,
            method: try fields.fixedValue("method"),
            evidence: try fields.fileReferences("evidence"),
            casePath: fields.path)
        result.sentBy = try fields.optionalFixedValue("sent_by")
        try fields.finish()
        return result
    }

    /// A known kind when written as one word in lower-case snake_case (so a misspelt known kind is an
    /// error, not a new kind); otherwise the words as written.
    static func letterKind(_ node: Node, fields: YAMLFields) throws(CaseFileError) -> IssuedLetter.Kind {
        let path = "\(fields.path).kind"
        guard case .scalar(let scalar) = node else {
            return .known(try fields.fixedValue(node, path: path))  // reports the wrong type
        }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        let looksLikeAKnownKind = text.allSatisfy { ($0.isASCII && $0.isLowercase) || $0 == "_" }
        if looksLikeAKnownKind {
            let known: IssuedLetter.KnownKind = try fields.fixedValue(node, path: path)
            return .known(known)
        }
        return .other(text)
    }
}
