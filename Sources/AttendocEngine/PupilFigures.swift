import AttendocValues

/// Every figure about one pupil's attendance as of a date: computed once, here, from the register
/// and the policy, and read by letters, bundles and `attendoc stats`.
public struct PupilFigures: Sendable {
    public var upn: String
    /// The period the totals cover: from the start of the academic year (1 August), or the
    /// register's first day if later, to the last day on the register up to the as-of date.
    public var from: CalendarDate
    public var to: CalendarDate

    public var possibleSessions: Int
    public var attendedSessions: Int
    public var authorisedAbsenceSessions: Int
    public var unauthorisedAbsenceSessions: Int
    /// Sessions with a code that does not count (not possible, administrative).
    public var notCountedSessions: Int
    /// Sessions of absence for illness the school authorised (code I), part of the authorised ones.
    public var authorisedIllnessSessions = 0
    /// Whether an attendance target counts authorised illness (the policy's
    /// `target_counts_authorised_illness`).
    public var targetCountsAuthorisedIllness = false

    /// The sessions an attendance target is checked on: the possible sessions, less authorised
    /// illness unless the policy counts it against the family (sickness is a defence, s444(2A)).
    public var targetPossibleSessions: Int { possibleSessions - (targetCountsAuthorisedIllness ? 0 : authorisedIllnessSessions) }
    /// The attendance an attendance target is checked against: attended of `targetPossibleSessions`.
    public var targetAttendance: Percentage { Percentage(attendedSessions, of: targetPossibleSessions) }

    public var attendance: Percentage { Percentage(attendedSessions, of: possibleSessions) }
    public var absence: Percentage { Percentage(authorisedAbsenceSessions + unauthorisedAbsenceSessions, of: possibleSessions) }
    public var authorisedAbsence: Percentage { Percentage(authorisedAbsenceSessions, of: possibleSessions) }
    public var unauthorisedAbsence: Percentage { Percentage(unauthorisedAbsenceSessions, of: possibleSessions) }

    /// Absence at or above the policy's persistent-absence share (10 %).
    public var isPersistentlyAbsent: Bool
    /// Absence at or above the policy's severe-absence share (50 %).
    public var isSeverelyAbsent: Bool
    /// Unauthorised absence at or above the policy's referral share (seed 004: 10 %); nil when the
    /// policy has no such criterion.
    public var meetsReferralUnauthorisedShare: Bool?

    /// Unauthorised sessions (G, N, O, U) in the last `windowSchoolWeeks` school weeks up to the as-of date.
    public var unauthorisedInWindow: Int
    public var windowSchoolWeeks: Int
    /// The policy's unauthorised-absence threshold these figures were computed with: this many
    /// sessions within `windowSchoolWeeks` school weeks (10 in 10).
    public var unauthorisedThresholdSessions: Int
    /// The Monday of the first school week in that window.
    public var windowStarts: CalendarDate?
    /// The first day in the period on which the unauthorised threshold (10 sessions in 10 school
    /// weeks) was met, counting sessions in the rolling window (which may reach back before the period).
    public var unauthorisedThresholdFirstMetOn: CalendarDate?

    /// The tier of the policy's bands the period's attendance falls in.
    public var tier: Int?
    /// Each time the pupil's attendance (year to date, day by day) entered a different tier.
    public var tierHistory: [TierEntry]
}

public struct TierEntry: Sendable, Equatable {
    public var tier: Int
    public var enteredOn: CalendarDate

    public init(tier: Int, enteredOn: CalendarDate) {
        self.tier = tier
        self.enteredOn = enteredOn
    }
}
