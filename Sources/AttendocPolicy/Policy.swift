import AttendocValues
import Foundation

/// A local authority's numbers for one process from the seeds: thresholds, tier bands, deadlines and
/// the term dates they count in. Read from `policies/<name>.yaml` (docs/policies.md); never in code.
public struct Policy: Sendable {
    /// The file's name without `.yaml`, as a case names it.
    public var identifier: String
    public var name: String
    /// Where the numbers come from (a seed, the local authority's published policy).
    public var source: String
    /// Absence at or above this share of possible sessions is persistent absence (DfE: 10 %).
    public var persistentAbsence: Percentage
    /// Absence at or above this share is severe absence (DfE: 50 %).
    public var severeAbsence: Percentage
    /// The unauthorised-absence threshold: this many sessions within this many school weeks.
    public var unauthorisedSessions: Int
    public var unauthorisedWindowSchoolWeeks: Int
    /// The share of unauthorised absence a referral needs (seed 004: at least 10 %), if the process has one.
    public var referralMinimumUnauthorised: Percentage?
    /// Tier 4 Early Help keywork closes when attendance over the intervention reaches this share
    /// (seed 003: "this threshold for improvement and closing the case will be at 55%"), if the process has it.
    public var earlyHelpClosing: Percentage? = nil
    /// How many of the latest school weeks a letter recognising improved attendance compares with
    /// the school year before them (seed 003, tier 1: "recognising improved attendance").
    public var improvedAttendanceSchoolWeeks: Int? = nil
    /// What each priority cohort (by its case-file name) changes in the letters (docs/policies.md).
    public var cohortRules: [String: [CohortProvision]] = [:]

    /// The provisions the letters make for a pupil in these cohorts, in the order Attendoc knows them.
    public func provisions(forCohorts cohorts: [String]) -> [CohortProvision] {
        let wanted = Set(cohorts.flatMap { cohortRules[$0] ?? [] })
        return CohortProvision.allCases.filter(wanted.contains)
    }
    /// Tier bands by attendance, highest first.
    public var tiers: [TierBand]
    /// Whether an attendance target counts sessions of authorised illness (code I) against the
    /// family (`thresholds: target_counts_authorised_illness:`). Default: no: sickness is a
    /// defence (s444(2A) Education Act 1996), so a target is checked on the sessions left when
    /// authorised illness is taken out of both the possible and the attended sessions.
    public var targetCountsAuthorisedIllness = false
    /// The deadlines the policy sets, by name (docs/policies.md); each read and checked with the policy.
    public var deadlines: [DeadlineName: Deadline]
    public var calendar: SchoolCalendar
    /// How letters are addressed under this policy.
    public var letters = LetterSettings()
    /// Deemed service and the reissue window; nil when the policy sets none (then documents
    /// under it cannot be issued into a workspace).
    public var issuing: IssuingRules? = nil
    /// The local authority's code of conduct for penalty notices (`penalty_notices:`); nil when
    /// the policy sets none (then no penalty notice is made under it).
    public var penaltyNotices: PenaltyNoticeRules? = nil
    /// The limits of a request for a parenting order (`parenting_orders:`); nil when the policy
    /// sets none (then `check` asks for them before a request is made).
    public var parentingOrders: ParentingOrderRules? = nil
    /// The steps of the process before a referral, in order (docs/policies.md, "Steps").
    public var steps: [SchoolStep] = []
    /// What makes illness a pattern that calls for the GP consent step; nil: the policy sets none.
    public var illnessPattern: IllnessPatternRule? = nil
    /// What the receiving authority requires before it accepts a school's referral.
    public var referralChecklist: [ReferralRequirement] = []
    /// The multi-agency attendance panel's dates and reviews (its `panel:` section); nil when the
    /// policy has no panel.
    public var panel: PanelCalendar? = nil
    /// The enforcement routes the authority takes, each with its evidence list and papers
    /// (`enforcement_routes:`); empty: `attendoc check --for prosecution` asks everything.
    public var enforcementRoutes: [EnforcementRoute] = []
    /// The sentencing information given to the court (`sentencing:`); nil when the policy sets none.
    public var sentencing: SentencingGuideline? = nil
    /// The policy file, and the line of its `deadlines:` section (or of its first line when it has
    /// none), for errors about a deadline that a document or check needs and the policy lacks.
    public var file = ""
    public var deadlinesLine: Int?

    /// The tier whose band `attendance` falls in: the first (highest) band whose lower bound it
    /// reaches, compared exactly, without rounding first (92.9 % is below 93 %).
    public func tier(for attendance: Percentage) -> TierBand? {
        guard attendance.whole > 0 else { return nil }
        return tiers.first { $0.from.isReached(by: attendance) }
    }

    /// The deadline `name`, which `purpose` (a document, a check) needs: an error naming the policy
    /// file and the line of its deadlines when the policy does not set it.
    public func deadline(_ name: DeadlineName, for purpose: String) throws(AttendocError) -> Deadline {
        guard let deadline = deadlines[name] else {
            let place = "\(file):\(deadlinesLine ?? 1)"
            let has = deadlines.keys.map(\.rawValue).sorted()
            throw AttendocError(.policy, "\(place): deadlines: the policy \(identifier) has no \(name.rawValue), which \(purpose) needs; add it under deadlines: (within:, unit:, description:)\(has.isEmpty ? "" : "; it has: " + has.joined(separator: ", "))")
        }
        return deadline
    }

    /// The date the deadline `name` falls on, counted from `start` in `calendar` (the policy's term
    /// dates, or those with a pupil's register deciding the days it covers): the one place a
    /// deadline's date is computed.
    public func deadline(_ name: DeadlineName, from start: CalendarDate, calendar: SchoolCalendar? = nil,
                         for purpose: String = "Attendoc") throws(AttendocError) -> CalendarDate {
        try deadline(name, for: purpose).date(from: start, calendar: calendar ?? self.calendar)
    }
}

/// A local authority's choices about who receives letters and how they name the pupil.
public struct LetterSettings: Sendable, Equatable {
    /// Whether a carer without parental responsibility (who lives with the pupil, or has an
    /// address of their own) also receives a copy. Default: no.
    public var copiesForCarersWithoutParentalResponsibility = false
    /// Whether letters call the pupil by their preferred forename, where one is recorded. Default: yes.
    public var usePreferredNames = true
    /// The house style of the letters (`house_style:`, a file in house-styles/); nil: the stylesheets' own.
    public var houseStyle: HouseStyle?

    public init(copiesForCarersWithoutParentalResponsibility: Bool = false, usePreferredNames: Bool = true, houseStyle: HouseStyle? = nil) {
        self.copiesForCarersWithoutParentalResponsibility = copiesForCarersWithoutParentalResponsibility
        self.usePreferredNames = usePreferredNames
        self.houseStyle = houseStyle
    }
}

public struct TierBand: Sendable, Equatable {
    public var tier: Int
    /// The band's lower bound: attendance at or above it (and below the band above) is in this tier.
    public var from: Percentage
    public var description: String
}

/// The deadlines a policy may set (docs/policies.md). A policy naming any other is refused when it
/// is read, with its file and line, so that a misspelt name never makes a check skip silently.
public enum DeadlineName: String, Sendable, CaseIterable, Comparable {
    /// Seed 004: the school's review after a parenting contract meeting (attendance under 90 %).
    case concernReview = "concern_review"
    /// Seed 004: the review of a multi-agency / Team Around the Family action plan.
    case multiAgencyReview = "multi_agency_review"
    /// Seed 004: the attendance panel meeting or PACE interview after the referral is accepted.
    case paceInterview = "pace_interview"
    /// Seed 004: the review after an attendance target is met.
    case targetReview = "target_review"
    /// The improvement period of a notice to improve.
    case noticeToImprovePeriod = "notice_to_improve_period"
    /// The date a final warning gives the parent to tell the local authority anything it should
    /// know before the papers go to court.
    case finalWarningResponse = "final_warning_response"
    /// Seed 002: the least length of an attendance improvement plan.
    case improvementPlanMinimum = "improvement_plan_minimum"
    /// Seed 000: the panel's 4-week review, for a panel whose review date is not published.
    case fourWeekReview = "four_week_review"
    /// Seed 000: a panel's termly review, where not published: the end of the first term at least
    /// this long after the panel.
    case panelTermlyReview = "panel_termly_review"
    /// Seed 000: where a panel's referral close date is not published, this long before the panel.
    case panelReferralsClose = "panel_referrals_close"
    /// Seed 003: the review of an attendance support plan.
    case attendanceSupportPlanReview = "attendance_support_plan_review"
    /// Seed 003: the Early Help keywork review, and its longest run.
    case earlyHelpReview = "early_help_review"
    case earlyHelpLongest = "early_help_longest"
    /// Section 127 Magistrates' Courts Act 1980: an information is laid within six months of
    /// the offence; counted from the earliest day charged.
    case informationLaid = "information_laid"
    /// Section 437(1)-(2) Education Act 1996: the period a notice gives the parent to satisfy the
    /// local authority that the child is receiving suitable education, not less than 15 days
    /// beginning with the day the notice is served (`Deadline.lastDayOfPeriod`).
    case schoolAttendanceOrderNotice = "school_attendance_order_notice"
    /// Section 438 Education Act 1996: the period a notice of intention to serve a school
    /// attendance order gives the parent to choose one of the alternative schools it names (or to
    /// apply for a place at another school), 15 days beginning with the day it is served.
    case schoolAttendanceOrderChoice = "school_attendance_order_choice"

    public static func < (lhs: DeadlineName, rhs: DeadlineName) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A deadline: a number of days or weeks, counted as calendar or school time.
public struct Deadline: Sendable, Equatable {
    public enum Unit: String, Sendable, CaseIterable {
        case days
        case weeks
        case schoolDays = "school_days"
        case schoolWeeks = "school_weeks"
        /// Calendar months (`adding(months:)`).
        case months
    }

    public var count: Int
    public var unit: Unit
    public var description: String

    public init(count: Int, unit: Unit, description: String) {
        self.count = count
        self.unit = unit
        self.description = description
    }

    /// Its length in words: `20 school days`, `5 weeks`, `1 school week`.
    public var lengthInWords: String {
        let unit = unit.rawValue.replacingOccurrences(of: "_", with: " ")
        return "\(count) \(count == 1 ? String(unit.dropLast()) : unit)"
    }

    /// Its length with the number spelt out, as a sentence reads it: `five weeks`, `six school
    /// weeks`, `one school day`; numbers above twenty in figures (`25 school days`).
    public var lengthSpeltOut: String {
        let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                     "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                     "nineteen", "twenty"]
        let number = words.indices.contains(count) ? words[count] : "\(count)"
        let unit = unit.rawValue.replacingOccurrences(of: "_", with: " ")
        return "\(number) \(count == 1 ? String(unit.dropLast()) : unit)"
    }

    /// The last day of a period of this length beginning with `start` (`start` is its first day),
    /// for a period the law gives a parent at least (section 437(2) Education Act 1996: "not less
    /// than 15 days beginning with the day on which the notice is served"). When that day is not a
    /// school day it moves LATER, to the next school day, never earlier: the parent is never given
    /// less than the policy (and the law) allows. In days or weeks only.
    public func lastDayOfPeriod(beginningWith start: CalendarDate, calendar: SchoolCalendar) throws(AttendocError) -> CalendarDate {
        switch unit {
        case .days: return try calendar.firstSchoolDay(onOrAfter: start.adding(days: count - 1))
        case .weeks: return try calendar.firstSchoolDay(onOrAfter: start.adding(days: 7 * count - 1))
        case .schoolDays, .schoolWeeks, .months:
            throw AttendocError(.policy, "a period beginning with the day a notice is served is counted in days or weeks, not \(unit.rawValue); give unit: days")
        }
    }

    /// The date the deadline falls on, counted from `start`: always a school day. A deadline in
    /// calendar days or weeks that lands in a holiday, a weekend or a closure falls on the last
    /// school day on or before it (a parent is never given a day the school is shut).
    public func date(from start: CalendarDate, calendar: SchoolCalendar) throws(AttendocError) -> CalendarDate {
        switch unit {
        case .days: try calendar.lastSchoolDay(onOrBefore: start.adding(days: count))
        case .weeks: try calendar.lastSchoolDay(onOrBefore: start.adding(days: 7 * count))
        case .schoolDays: try calendar.adding(schoolDays: count, to: start)
        case .schoolWeeks: try calendar.adding(schoolWeeks: count, to: start)
        case .months: start.adding(months: count)
        }
    }
}
