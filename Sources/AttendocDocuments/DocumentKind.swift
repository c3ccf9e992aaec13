import AttendocCaseModel


/// A kind of document Attendoc produces. Its wording is the template of the same name in
/// `templates/`; its common values come from `LetterContext` and its own from `KindFacts`.
public enum DocumentKind: String, CaseIterable, Sendable {
    case attendanceConcernLetter = "attendance-concern-letter"
    case meetingInvitation = "meeting-invitation"
    case firstWarningLetter = "first-warning-letter"
    case paceInterviewInvitation = "pace-interview-invitation"
    case targetMetLetter = "target-met-letter"
    case finalWarningLetter = "final-warning-letter"
    case noticeToImprove = "notice-to-improve"
    case penaltyNotice = "penalty-notice"
    case meetingMinutes = "meeting-minutes"
    case parentingContract = "parenting-contract"
    case registerCertificate = "register-certificate"
    case apdrRecord = "apdr-record"
    case attendanceSupportPlan = "attendance-support-plan"
    case reviewRecord = "review-record"
    case gpConsentRequest = "gp-consent-request"
    case gpEnquiryLetter = "gp-enquiry-letter"
    case homeVisitRecord = "home-visit-record"
    case earlyHelpPlan = "early-help-plan"
    case referralToLocalAuthority = "referral-to-local-authority"
    case improvedAttendanceLetter = "improved-attendance-letter"
    case referralDeclinedLetter = "referral-declined-letter"
    case recordOfInterview = "record-of-interview"
    case sendOutreachRequest = "send-outreach-request"
    case ehcpInterimReviewRequest = "ehcp-interim-review-request"
    case socialCareReferral = "social-care-referral"
    case safeguardingReferralNote = "safeguarding-referral-note"
    case reasonableAdjustmentsRecord = "reasonable-adjustments-record"
    case additionalNeedsPlan = "additional-needs-plan"
    /// The single justice procedure papers for s444(1) (Criminal Procedure Rules r24.9): one for
    /// each defendant, one for the court.
    case singleJusticeProcedureNotice = "single-justice-procedure-notice"
    case schoolAttendanceOrderNotice = "school-attendance-order-notice"
    /// The notice of intention to serve a school attendance order (section 438 Education Act
    /// 1996), between the section 437(1) notice and the order.
    case schoolAttendanceOrderIntention = "school-attendance-order-intention"
    case schoolAttendanceOrder = "school-attendance-order"

    /// Who sends a document: the letterhead and the signature.
    public enum Sender: String, Sendable {
        case school
        case localAuthority = "local authority"
    }

    /// The title a reader sees in the document's properties and in lists.
    public var title: String {
        switch self {
        case .attendanceConcernLetter: "Attendance concern letter"
        case .meetingInvitation: "Invitation to a meeting"
        case .firstWarningLetter: "First warning letter"
        case .paceInterviewInvitation: "Invitation to an interview under caution"
        case .targetMetLetter: "Attendance target met"
        case .finalWarningLetter: "Final warning letter"
        case .noticeToImprove: "Notice to improve"
        case .penaltyNotice: "Penalty notice"
        case .meetingMinutes: "Minutes of a meeting"
        case .parentingContract: "Parenting contract"
        case .registerCertificate: "Register certificate"
        case .apdrRecord: "Assess, Plan, Do, Review record"
        case .attendanceSupportPlan: "Attendance support plan"
        case .reviewRecord: "Review record"
        case .gpConsentRequest: "Request for consent to contact the GP"
        case .gpEnquiryLetter: "Enquiry to the GP"
        case .homeVisitRecord: "Home visit record"
        case .earlyHelpPlan: "Early Help plan"
        case .referralToLocalAuthority: "Referral to the local authority for legal intervention"
        case .improvedAttendanceLetter: "Improved attendance"
        case .referralDeclinedLetter: "Referral not accepted: information, advice and guidance"
        case .recordOfInterview: "Record of interview under caution"
        case .sendOutreachRequest: "Request for SEND outreach support"
        case .ehcpInterimReviewRequest: "Request for an interim review of the Education, Health and Care plan"
        case .socialCareReferral: "Referral to children's social care"
        case .safeguardingReferralNote: "Safeguarding concern: note for the designated safeguarding lead"
        case .reasonableAdjustmentsRecord: "Reasonable adjustments"
        case .additionalNeedsPlan: "Additional Needs Plan"
        case .singleJusticeProcedureNotice: "Single justice procedure notice"
        case .schoolAttendanceOrderNotice: "Notice under section 437(1) Education Act 1996: suitable education"
        case .schoolAttendanceOrderIntention: "Notice of intention to serve a school attendance order (section 438 Education Act 1996)"
        case .schoolAttendanceOrder: "School attendance order"
        }
    }

    public var sentBy: Sender {
        switch self {
        case .attendanceConcernLetter, .meetingInvitation, .meetingMinutes, .parentingContract, .registerCertificate,
             .apdrRecord, .attendanceSupportPlan, .reviewRecord, .gpConsentRequest, .gpEnquiryLetter,
             .homeVisitRecord, .referralToLocalAuthority, .improvedAttendanceLetter,
             .sendOutreachRequest, .ehcpInterimReviewRequest, .socialCareReferral, .safeguardingReferralNote,
             .reasonableAdjustmentsRecord, .additionalNeedsPlan: .school
        case .earlyHelpPlan, .referralDeclinedLetter, .firstWarningLetter, .paceInterviewInvitation, .targetMetLetter, .finalWarningLetter, .noticeToImprove, .penaltyNotice, .recordOfInterview,
             .singleJusticeProcedureNotice, .schoolAttendanceOrderNotice, .schoolAttendanceOrderIntention, .schoolAttendanceOrder: .localAuthority
        }
    }

    /// Who receives it, in words.
    public var sentTo: String {
        if self == .referralToLocalAuthority { return "the local authority's attendance team (one copy)" }
        if self == .singleJusticeProcedureNotice { return "each defendant (legal_route.defendants), their own copy at their own address; and one copy for the court, with the certificates of service from the record" }
        if isForTheFileOnly { return "the school's file only (one agency copy; no parent's copy)" }
        if isForParentalResponsibilityOnly { return "each parent with parental responsibility, at their own address (only they can give consent)" }
        if isAddressedToTheGP { return "the pupil's GP practice (one copy)" }
        if let service = requestedService { return "\(singleCopyAddressee?.place ?? "the service") (one copy, with only what that service needs; the \(service.rawValue) request under referrals:)" }
        return hasAgencyCopy
            ? "each parent (section 576 Education Act 1996: a natural parent, or anyone with parental responsibility or care of the child) (a parent's copy), and the agencies (the agency copy)"
            : "each parent (section 576 Education Act 1996: a natural parent, or anyone with parental responsibility or care of the child), at their own address"
    }

    /// When in the process it is sent, and the facts of the case it needs, in words.
    public var needs: String {
        switch self {
        case .attendanceConcernLetter:
            "attendance under 90% (persistent absence) or below the policy's first tier; the register (figures, absences by day of the week) or an attendance section; school.phone or school.email"
        case .meetingInvitation:
            "a meeting on or after the letter's date (parenting_contract, attendance_improvement_plan, team_around_the_family or attendance_panel; or --meeting meetings[N]) with date, time, place and attendees; school.phone or school.email"
        case .firstWarningLetter:
            "the referral accepted (referral.accepted_on); the policy's pace_interview and target_review deadlines; the register; support offered; the officer"
        case .paceInterviewInvitation:
            "a pace_interview meeting (with time and place) on or after the letter's date, within the policy's pace_interview deadline after referral.accepted_on (or --override-deadline with a reason); legal_route.section s444_1 or s444_1a; the register"
        case .targetMetLetter:
            "an attendance_panel or pace_interview meeting before the letter's date with an attendance_target (dated on or after its review_date); the register, showing the target met since the meeting; the policy's target_review deadline (the next review)"
        case .finalWarningLetter:
            "the first warning's date (legal_route.first_warning_on or letters_issued); a percentage attendance_target set at an attendance_panel or pace_interview meeting, not met by its review (review_date or the policy's target_review); the register; the legal route"
        case .noticeToImprove:
            "the policy's unauthorised-absence threshold met by the letter's date (from the register); support offered; the policy's notice_to_improve_period"
        case .penaltyNotice:
            "the policy's penalty_notices: code of conduct and issuing: rules; the unauthorised-absence threshold met in the 10 school weeks to the notice's date (from the register); no prosecution for the period in hand; for each parent, fewer than the code's limit of notices for this child in the rolling period (the record, or letters_issued); one notice per parent"
        case .meetingMinutes:
            "a meeting in the case (--meeting, or the latest on or before --date) with its attendees, discussion, barriers, actions, target and review date; a parent's copy for each parent and one agency copy"
        case .parentingContract:
            "a parenting_contract meeting (--meeting, or the latest on or before --date) with actions, an attendance target and a review date"
        case .recordOfInterview:
            "a pace_interview meeting (--meeting, or the latest on or before --date) with interviews: one record per interviewee (start, end, present, caution, legal advice, period_put, summary or transcript); one copy for each interviewee"
        case .registerCertificate:
            "the register (week by week, session by session) from 1 August, or the first day on the register, to --date; signed by the head teacher (s566 Education Act 1996)"
        case .apdrRecord:
            "an apdr record (--record apdr[N], or the latest on or before --date) with assess and plan, and the pupil's own words (pupil_voice); the register, showing attendance on the record's date below the policy's APDR step (attendance-tiers: below 93%)"
        case .referralDeclinedLetter:
            "a referral under referrals: not accepted (accepted: no; --record referrals[N], or the latest on or before --date); local_authority.advice_for_parents"
        case .improvedAttendanceLetter:
            "the register, showing attendance over the policy's improved_attendance_school_weeks (the latest school weeks to --date) higher than over the school year before them"
        case .referralToLocalAuthority:
            "a case that passes the receiving authority's referral checklist (attendoc check --for referral) on --date: the policy's referral_checklist and steps; the register; supportive measures; contacts"
        case .earlyHelpPlan:
            "an early_help_plan meeting (--meeting, or the latest on or before --date) with its actions; the register, showing attendance on the meeting's date below the policy's Early Help step (attendance-tiers: 50% or lower); the policy's early_help_review and early_help_longest deadlines and early_help_closing_percent; dated on or after the review, it records the review's outcome"
        case .homeVisitRecord:
            "a contact with method home_visit (--record contacts[N], or the latest on or before --date): who visited, whom they saw (or that nobody answered), what was said and the next steps"
        case .gpConsentRequest:
            "the policy's illness_pattern found in the register by --date; gp_consent with the GP practice"
        case .gpEnquiryLetter:
            "gp_consent given (answer: given, answered_on, parent) and not withdrawn by --date; the register's illness marks"
        case .reviewRecord:
            "a review under reviews: (--record reviews[N], or the latest on or before --date) of a meeting, with its decision; the register from the meeting to the review"
        case .reasonableAdjustmentsRecord:
            "reasonable_adjustments: in place on --date (what, area academic or pastoral, from); the pupil in a priority cohort whose policy rule gives reasonable_adjustments (priority_cohorts:); the register"
        case .additionalNeedsPlan:
            "an additional_needs_plans: entry (--record additional_needs_plans[N], or the latest on or before --date) with the needs identified, attendance_priority (attendance as the plan's key priority, seed 003 tier 2) and support (owner, action); the register on the plan's date"
        case .sendOutreachRequest:
            "a referrals: entry with service: send_outreach, to, date, reason (--record referrals[N], or the latest on or before --date); the pupil in a priority cohort whose policy rule gives reasonable_adjustments or send_information_service; the register"
        case .ehcpInterimReviewRequest:
            "a referrals: entry with service: ehcp_interim_review, to, date, reason (--record referrals[N], or the latest on or before --date); the pupil in a priority cohort whose policy rule gives ehcp_interim_review (an EHCP); the register"
        case .socialCareReferral:
            "a referrals: entry with service: childrens_social_care, to, date, reason (--record referrals[N], or the latest on or before --date); the register; the pupil's address"
        case .singleJusticeProcedureNotice:
            "legal_route.section s444_1 (an offence under s444(1A) is imprisonable: not triable under the single justice procedure), legal_route.defendants with a postal address each, the charge period (legal_route.offence_period, or from the first warning deemed served), the register, the policy's sentencing: for s444_1 and the single-justice-procedure route's respond_within_days; the court's copy holds the certificates of service the record shows (attendoc issue --document single-justice-procedure-notice)"
        case .safeguardingReferralNote:
            "a referrals: entry with service: safeguarding (the concern for the designated safeguarding lead), to, date, reason, made_by (--record referrals[N], or the latest on or before --date); the register"
        case .schoolAttendanceOrderNotice:
            "the policy's school_attendance_order_notice period (15 days or more, in days) and issuing: rule for the method; where school_attendance_order.notice is recorded, its served_on (and period_ends_on, which must match); the officer"
        case .schoolAttendanceOrderIntention:
            "school_attendance_order.notice (served_on, period_ends_on) and intention (served_on, on or before the document's date; schools: the school to be named, then any alternatives); the policy's school_attendance_order_choice period (15 days or more, in days) for the parent's choice"
        case .schoolAttendanceOrder:
            "school_attendance_order.order (made_on on or before the document's date, school) after the notice (notice.served_on) and the notice of intention (intention.served_on, schools) under section 438"
        case .attendanceSupportPlan:
            "an attendance_support_plan meeting (--meeting, or the latest on or before --date) with its actions; the register, showing attendance on the meeting's date below the policy's support plan step (attendance-tiers: below 80%); the policy's attendance_support_plan_review deadline (the review, in school weeks)"
        }
    }

    /// Whether a copy goes to the head teacher ("Copy to:"), besides each parent's copy: the
    /// local authority's letters. For a parent whose address is confidential the head teacher's
    /// copy is a document of its own, without that address (`LetterRun`).
    public var copiesToHeadTeacher: Bool {
        switch self {
        case .firstWarningLetter, .finalWarningLetter, .targetMetLetter, .noticeToImprove, .penaltyNotice, .referralDeclinedLetter: true
        default: false
        }
    }

    /// Whether the kind also has a copy for the agencies (with agency-only notes), besides each
    /// parent's copy.
    public var hasAgencyCopy: Bool { self == .meetingMinutes }

    /// Whether only a parent with parental responsibility receives it: consent to share a
    /// child's health information with the school is given by someone with parental
    /// responsibility, so the request for it goes to them alone, not to every parent under
    /// section 576 (a partner who has care of the child, a natural parent without it).
    public var isForParentalResponsibilityOnly: Bool { self == .gpConsentRequest }

    /// Whether its one copy goes to the pupil's GP practice rather than to each parent.
    public var isAddressedToTheGP: Bool { self == .gpEnquiryLetter }

    /// Whether it is a record for the school's file only: one agency copy, no parent's copy (a home
    /// visit record may speak of one parent's household, which the other parent may not see).
    public var isForTheFileOnly: Bool { self == .homeVisitRecord }

    /// The file name of its one copy, for the kinds that have no parent's copy: the GP's, the local
    /// authority's, the school's file's; nil: one copy per parent.
    public var singleCopyStem: String? { singleCopy?.stem }

    /// Whom the one copy of a single-copy kind is recorded as going to when it is issued into a
    /// workspace: an id and the addressee in words (for `attendoc history`); nil: one copy per parent.
    public var singleCopyAddressee: (id: String, place: String)? { singleCopy.map { ($0.id, $0.place) } }

    /// The kinds with one copy, for an agency or the school's file: the copy's file name, the id it
    /// is recorded under and its addressee in words.
    private var singleCopy: (stem: String, id: String, place: String)? {
        switch self {
        case .gpEnquiryLetter: ("gp-practice", "gp-practice", "the GP practice (gp_consent)")
        case .referralToLocalAuthority: ("local-authority", "local-authority", "the local authority's attendance team")
        case .homeVisitRecord: ("agency-copy", "school-file", "the school's file")
        case .sendOutreachRequest: ("send-outreach-service", "send-outreach-service", "the SEND outreach service")
        case .ehcpInterimReviewRequest: ("send-team", "send-team", "the local authority's SEND team")
        case .socialCareReferral: ("childrens-social-care", "childrens-social-care", "children's social care")
        case .safeguardingReferralNote: ("designated-safeguarding-lead", "designated-safeguarding-lead", "the school's designated safeguarding lead")
        default: nil
        }
    }

    /// The request to another service (a `referrals:` entry's `service:`) a kind is written from; nil
    /// for the other kinds.
    public var requestedService: AgencyReferral.Service? {
        switch self {
        case .sendOutreachRequest: .sendOutreach
        case .ehcpInterimReviewRequest: .ehcpInterimReview
        case .socialCareReferral: .childrensSocialCare
        case .safeguardingReferralNote: .safeguarding
        default: nil
        }
    }

    /// The template file in `templates/`, without `.mustache`.
    var templateName: String { rawValue }
}
