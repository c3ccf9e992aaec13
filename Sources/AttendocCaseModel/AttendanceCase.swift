import AttendocValues

/// A school-attendance case as its case file describes it: who is involved, and what has happened.
///
/// The figures a letter quotes come from the case's register, through the attendance engine
/// (`LoadedCase`). A case without a register may state them instead, in its `attendance` section
/// (`quotedAttendance`).
public struct AttendanceCase: Sendable {
    /// The case reference, printed on every document (for example `CAT/2026/0142`).
    public var reference: String
    public var localAuthority: Organisation
    public var school: School
    public var pupil: Pupil
    public var parentsAndCarers: [ParentOrCarer]
    /// The officer who signs the local authority's letters.
    public var officer: Officer
    /// The local authority's acceptance of the school's referral; absent while the case is the school's.
    public var referral: Referral?
    /// Figures stated in the case file, for a case without a register; `LoadedCase` replaces them
    /// with the engine's when there is a register.
    public var quotedAttendance: QuotedAttendance?
    /// The policy the case follows: a file name in `policies/` without `.yaml`.
    public var policyName: String?
    /// The school's register export the figures come from.
    public var register: RegisterSource?
    /// Support already offered to the family, in the words a parent reads: the case file's
    /// `support_offered`, or when it has none, one line per supportive measure.
    public var supportOffered: [String]
    /// Support offered to the pupil or family, with dates, responses and evidence.
    public var supportiveMeasures: [SupportiveMeasure] = []
    /// Meetings held about the pupil's attendance, in the order the case file lists them.
    public var meetings: [Meeting] = []
    /// Letters and notices already sent to parents and carers.
    public var lettersIssued: [IssuedLetter] = []
    /// Referrals made to other services and agencies (see `AgencyReferral`; `referral` is the
    /// local authority's acceptance of the school's referral).
    public var referrals: [AgencyReferral] = []
    /// The legal route chosen, once it has been.
    public var legalRoute: LegalRoute? = nil
    /// Contacts with the family (calls, home visits, messages), as recorded at the time.
    public var contacts: [Contact] = []
    /// Reviews of meetings' plans and targets, with their decisions (extend, refer, end).
    public var reviews: [PlanReview] = []
    /// The parents' permission to contact the pupil's GP, once asked for.
    public var gpConsent: GPConsent? = nil
    /// Assess, Plan, Do, Review records of the school's support, with the pupil's voice (seed 003).
    public var apdr: [APDRRecord] = []
    /// The reasonable adjustments the school makes for the pupil (seed 002), for the written record of them.
    public var reasonableAdjustments: [ReasonableAdjustment] = []
    /// Additional Needs Plans with attendance as a key priority (seed 003, tier 2).
    public var additionalNeedsPlans: [AdditionalNeedsPlan] = []
    /// Unused material in a prosecution, each with its disclosure decision (`unused_material`).
    public var unusedMaterial: [UnusedMaterial] = []
    /// The school attendance order process (sections 437 to 443 Education Act 1996), when one is under way.
    public var schoolAttendanceOrder: SchoolAttendanceOrder? = nil
}

/// A local authority (or one of its teams) as it appears on a letterhead.
public struct Organisation: Sendable {
    public var name: String
    public var department: String?
    public var address: PostalAddress
    public var phone: String?
    public var email: String?
    public var website: String?
    /// Where a parent can get advice, in the words a parent reads (a helpline, a service).
    public var adviceForParents: [String]
}

public struct Officer: Sendable {
    public var name: String
    public var role: String
    public var phone: String?
    public var email: String?
}

public struct Referral: Sendable {
    /// The day the local authority accepted the school's referral.
    public var acceptedOn: CalendarDate
    /// The day the school referred the case (`referred_on`), when the case file records it. Seed
    /// 004 holds the interview or panel meeting "within 5 weeks of referral": the policy's
    /// `pace_interview` deadline counts from this day, or from `acceptedOn` when it is not
    /// recorded (`interviewCountsFrom`; `LoadedCase.interviewDeadline`).
    public var referredOn: CalendarDate? = nil
    /// The day the interview deadline counts from: the referral, or else its acceptance.
    public var interviewCountsFrom: CalendarDate { referredOn ?? acceptedOn }
    /// `interview_within_weeks`, where an older case file still states it, with its line: not a
    /// number Attendoc uses (the policy's `pace_interview` is), only checked to agree with it.
    public var statedInterviewWithinWeeks: (weeks: Int, line: Int?)?

    public init(acceptedOn: CalendarDate, referredOn: CalendarDate? = nil, statedInterviewWithinWeeks: (weeks: Int, line: Int?)? = nil) {
        self.acceptedOn = acceptedOn
        self.referredOn = referredOn
        self.statedInterviewWithinWeeks = statedInterviewWithinWeeks
    }
}
