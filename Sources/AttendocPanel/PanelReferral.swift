import AttendocCaseModel
import AttendocYAML
import AttendocValues

/// A referral to the multi-agency attendance panel (seed 000): one child, or the children of one
/// household (siblings, household members, several settings), which counts as one referral. Read
/// from a referral file (docs/panel.md). What the panel needs and the file does not give is kept as
/// absent here, so that the intake can refuse it saying what is missing, rather than failing to read.
public struct PanelReferral: Sendable {
    /// The referral's own reference (`PR-2025-014`), by which errors and lists name it.
    public var reference: String
    public var receivedOn: CalendarDate
    public var referrer: Referrer
    /// The referring school: the school whose one referral for the panel this is.
    public var school: Setting
    public var children: [Child]
    /// Why the case is referred: what is stuck.
    public var reason: String?
    /// The barriers to attendance the referrer sees, in their words (counted in the themes).
    public var barriers: [String]
    public var involvement: Involvement?
    /// What has been tried already, so the slot is not spent recommending it again.
    public var tried: [String]
    public var legalIntervention: LegalIntervention?
    public var consent: Consent?
    /// The case in the workspace it was made from, if any.
    public var caseReference: String?
    /// The referral file, for messages.
    public var file: String

    public struct Referrer: Sendable {
        public var name: String?
        public var role: String?
        public var email: String?
        public var phone: String?
    }

    /// A school or other setting, by its name and URN.
    public struct Setting: Sendable, Equatable {
        public var name: String?
        public var urn: String?
        /// Where the referrer's slot letter is addressed (the referring school's address).
        public var address: PostalAddress? = nil
    }

    public struct Child: Sendable {
        public var upn: UniquePupilNumber?
        public var forename: String?
        public var surname: String?
        public var dateOfBirth: CalendarDate?
        public var yearGroup: Int?
        /// The child's own setting when it is not the referring school.
        public var setting: Setting?
        public var priorityCohorts: [PriorityCohort]
        /// Where it is in the file (`children[1]`).
        public var path: String
    }

    /// Multi-agency involvement and its state (seed 000's criteria).
    public struct Involvement: Sendable {
        public var state: InvolvementState?
        public var agencies: [String]
    }

    public enum InvolvementState: String, Sendable, CaseIterable, FixedValue {
        /// No involvement: the case does not meet thresholds.
        case noneBelowThresholds = "none_below_thresholds"
        /// Involvement that has been closed.
        case closed
        /// Involvement, but the case is still not progressing.
        case notProgressing = "not_progressing"
        /// Involvement that is progressing: not a case for the panel.
        case progressing
    }

    /// Whether legal intervention (a penalty notice, prosecution) was judged.
    public struct LegalIntervention: Sendable {
        public var judged: LegalJudgement?
        public var details: String?
    }

    public enum LegalJudgement: String, Sendable, CaseIterable, FixedValue {
        case notAppropriate = "not_appropriate"
        case notSuccessful = "not_successful"
        /// Not yet considered: not a case for the panel yet.
        case notConsidered = "not_considered"
    }

    /// The parent's or guardian's agreement to the Attendance Referral Consent Disclaimer.
    public struct Consent: Sendable {
        public var signed: Bool?
        public var signedOn: CalendarDate?
        /// Who signed, in words the consent form prints (never in messages).
        public var signedBy: String?
    }

    /// Every UPN of the referral's children.
    public var pupilNumbers: [UniquePupilNumber] { children.compactMap(\.upn) }

    /// Every setting the children attend: the referring school and each child's own setting.
    public var settings: [Setting] {
        var result = [school]
        for child in children {
            if let setting = child.setting, !result.contains(setting) { result.append(setting) }
        }
        return result
    }
}
