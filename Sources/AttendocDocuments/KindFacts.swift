import AttendocCasework
import AttendocValues

/// Choices a person makes when rendering a document, beyond the case file.
public struct LetterOptions: Sendable {
    /// Which meeting an invitation is for, by its place in the case file (`meetings[2]`); by default
    /// the next meeting of the right kind on or after the letter's date.
    public var meeting: String?
    /// Why a deadline the policy sets may be passed (a PACE interview more than 5 weeks after the
    /// referral). Without it, a missed deadline is an error.
    public var deadlineOverrideReason: String?
    /// Which record a document made from one record is about, by its place in the case file
    /// (`apdr[0]`, `reviews[1]`, `contacts[2]`); by default the latest on or before the document's date.
    public var record: String?
    /// How the document is to be sent (`post`, `hand`, `email`): the day it is deemed received,
    /// from which a notice to improve's period and a penalty notice's days to pay count. Default:
    /// post (the policy's issuing: rule for it).
    public var method: String?
    /// Only this recipient's copy, by id or case-file place (`attendoc issue --to`); nil: every recipient.
    public var recipient: String?
    /// The penalty notices already issued for the case's pupil, from the workspace's record; nil:
    /// the case file's `letters_issued` (a render without a workspace).
    public var penaltyNotices: PenaltyNoticeHistory?
    /// The documents a workspace's record shows were sent (an issue reads them), counted with the
    /// case file's `letters_issued` where a document lists the steps taken (the referral).
    public var recordedDocuments: [SentDocument] = []
    /// What the record shows of the service of this kind (`CertificateOfService.particulars`):
    /// the single justice procedure pack's court copy certifies each defendant's service from it.
    public var serviceRecord: [ServiceParticulars] = []
    /// The letters the workspace's record shows were sent; nil: the case file's `letters_issued`.
    /// The single justice procedure pack's statement of facts and charge period read them.
    public var sentLetters: [SentLetter]?

    public init(meeting: String? = nil, deadlineOverrideReason: String? = nil, record: String? = nil,
                method: String? = nil, recipient: String? = nil, penaltyNotices: PenaltyNoticeHistory? = nil) {
        self.meeting = meeting
        self.deadlineOverrideReason = deadlineOverrideReason
        self.record = record
        self.method = method
        self.recipient = recipient
        self.penaltyNotices = penaltyNotices
    }

    /// The method a notice's periods count from: the one given, else post.
    var serviceMethod: String { method ?? "post" }
}

/// The values one kind of document needs beyond `LetterContext`'s common ones: the meeting it
/// invites to, the target it reports on, the figures since the first warning. Each kind's facts
/// are computed in its own file; a fact the case does not have is an error that says what to add.
enum KindFacts {
    static func values(for kind: DocumentKind, case loaded: LoadedCase, dated date: CalendarDate,
                       options: LetterOptions, audience: Audience) throws(AttendocError) -> [String: Any] {
        switch kind {
        case .firstWarningLetter:
            return try FirstWarningLetterFacts.values(case: loaded, dated: date)
        case .attendanceConcernLetter:
            return try AttendanceConcernFacts.values(case: loaded, dated: date)
        case .meetingInvitation:
            return try MeetingInvitationFacts.values(case: loaded, dated: date, options: options)
        case .targetMetLetter:
            return try TargetMetFacts.values(case: loaded, dated: date, options: options)
        case .paceInterviewInvitation:
            return try PaceInterviewInvitationFacts.values(case: loaded, dated: date, options: options)
        case .finalWarningLetter:
            return try FinalWarningLetterFacts.values(case: loaded, dated: date, options: options)
        case .meetingMinutes:
            return try MinutesFacts.values(case: loaded, dated: date, options: options, audience: audience)
        case .parentingContract:
            return try ParentingContractFacts.values(case: loaded, dated: date, options: options)
        case .registerCertificate:
            return try RegisterCertificateFacts.values(case: loaded, dated: date)
        case .recordOfInterview:
            return try RecordOfInterviewFacts.values(case: loaded, dated: date, options: options)
        case .noticeToImprove:
            return try NoticeToImproveFacts.values(case: loaded, dated: date, options: options)
        case .penaltyNotice:
            return try PenaltyNoticeFacts.values(case: loaded, dated: date, options: options)
        case .attendanceSupportPlan:
            return try AttendanceSupportPlanFacts.values(case: loaded, dated: date, options: options)
        case .referralDeclinedLetter:
            return try ReferralDeclinedFacts.values(case: loaded, dated: date, options: options)
        case .improvedAttendanceLetter:
            return try ImprovedAttendanceFacts.values(case: loaded, dated: date)
        case .referralToLocalAuthority:
            return try ReferralToLocalAuthorityFacts.values(case: loaded, dated: date, recorded: options.recordedDocuments)
        case .earlyHelpPlan:
            return try EarlyHelpPlanFacts.values(case: loaded, dated: date, options: options)
        case .homeVisitRecord:
            return try HomeVisitRecordFacts.values(case: loaded, dated: date, options: options)
        case .gpConsentRequest:
            return try GPConsentRequestFacts.values(case: loaded, dated: date)
        case .gpEnquiryLetter:
            return try GPEnquiryLetterFacts.values(case: loaded, dated: date)
        case .reviewRecord:
            return try ReviewRecordFacts.values(case: loaded, dated: date, options: options)
        case .apdrRecord:
            return try APDRFacts.values(case: loaded, dated: date, options: options)
        case .reasonableAdjustmentsRecord:
            return try ReasonableAdjustmentsFacts.values(case: loaded, dated: date)
        case .additionalNeedsPlan:
            return try AdditionalNeedsPlanFacts.values(case: loaded, dated: date, options: options)
        case .singleJusticeProcedureNotice:
            return try SingleJusticeProcedureFacts.values(case: loaded, dated: date, options: options)
        case .schoolAttendanceOrderNotice:
            return try SchoolAttendanceOrderNoticeFacts.values(case: loaded, dated: date, options: options)
        case .schoolAttendanceOrderIntention:
            return try SchoolAttendanceOrderIntentionFacts.values(case: loaded, dated: date, options: options)
        case .schoolAttendanceOrder:
            return try SchoolAttendanceOrderFacts.values(case: loaded, dated: date, options: options)
        case .sendOutreachRequest, .ehcpInterimReviewRequest, .socialCareReferral, .safeguardingReferralNote:
            return try ServiceRequestFacts.values(for: kind, case: loaded, dated: date, options: options)
        }
    }
}
