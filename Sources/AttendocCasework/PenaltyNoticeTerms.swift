import AttendocCaseModel
import AttendocPolicy
import AttendocValues

/// The particulars of one penalty notice to one parent (the Education (Penalty Notices) (England)
/// Regulations 2007 as amended, and the national framework of August 2024): which notice it is for
/// this parent and child within the rolling period, the amount and any reduced amount, the day it
/// is received and the days to pay, and the period of absence it is for. Computed once, from the
/// policy's code of conduct, its term dates and the record; the notice prints it and the record
/// keeps it.
public struct PenaltyNoticeTerms: Sendable, Equatable {
    /// 1 for a first notice to this parent for this child in the rolling period, 2 for a second.
    public var number: Int
    public var amount: Int
    /// The reduced amount of a first notice; nil for a second (no reduction).
    public var reducedAmount: Int?
    public var issuedOn: CalendarDate
    /// The day it is deemed received (the policy's issuing: rule for the method).
    public var receivedOn: CalendarDate
    /// The law's last days to pay (each period begins with the day of receipt).
    public var reducedBy: CalendarDate?
    public var payBy: CalendarDate
    /// The dates the parent is given: each law's day itself when it is a school day, else the next
    /// school day after it; never earlier, so a parent never has less time to pay than the law
    /// gives (a notice posted before Christmas has its 21st day in the holidays: the parent is
    /// given the first day of the spring term). The record's checks (paid in time, unpaid, still
    /// payable) use these dates, the ones the parent was told.
    public var reducedByGiven: CalendarDate?
    public var payByGiven: CalendarDate
    /// The period of absence the notice is for, and its unauthorised sessions.
    public var periodFrom: CalendarDate
    public var periodTo: CalendarDate
    public var unauthorisedSessions: Int

    public init(number: Int, amount: Int, reducedAmount: Int?, issuedOn: CalendarDate, receivedOn: CalendarDate,
                reducedBy: CalendarDate?, payBy: CalendarDate, reducedByGiven: CalendarDate?, payByGiven: CalendarDate,
                periodFrom: CalendarDate, periodTo: CalendarDate, unauthorisedSessions: Int) {
        self.number = number
        self.amount = amount
        self.reducedAmount = reducedAmount
        self.issuedOn = issuedOn
        self.receivedOn = receivedOn
        self.reducedBy = reducedBy
        self.payBy = payBy
        self.reducedByGiven = reducedByGiven
        self.payByGiven = payByGiven
        self.periodFrom = periodFrom
        self.periodTo = periodTo
        self.unauthorisedSessions = unauthorisedSessions
    }

    /// The terms of a notice to the parent `person` dated `date`, sent by `method`, given the
    /// notices `history` already holds. Refused, saying why, when the policy has no code of
    /// conduct, the threshold is not met, the parent has had the policy's limit of notices for
    /// this child in the rolling period (no third: another route), the absence since an earlier
    /// notice's period does not meet the threshold again, or a prosecution for the period is in hand.
    public static func compute(for person: ParentOrCarer, case loaded: LoadedCase, dated date: CalendarDate, method: String,
                               history: PenaltyNoticeHistory) throws(AttendocError) -> PenaltyNoticeTerms {
        let attendanceCase = loaded.attendanceCase
        guard let policy = loaded.policy else {
            throw AttendocError(.document, "the case \(attendanceCase.reference) names no policy, so the code of conduct for penalty notices is not known; add policy: to the case file")
        }
        guard let rules = policy.penaltyNotices, let issuing = policy.issuing else {
            throw AttendocError(.policy, "\(policy.file): the policy \(policy.identifier) has no penalty_notices: section (the local authority's code of conduct: amounts, days to pay, the limit per parent per child) with an issuing: section, so no penalty notice can be made under it; see docs/policies.md")
        }
        let recipientID = person.id ?? person.casePath
        let upn = attendanceCase.pupil.upn?.text
        let earlier = history.counted(parent: recipientID, upn: upn, reference: attendanceCase.reference, endingWith: date, rules: rules)
        if earlier.count >= rules.limit {
            let dates = earlier.map { "\($0.issuedOn.longForm) (\($0.status))" }.joined(separator: ", ")
            throw AttendocError(.document, "\(person.casePath): has already had \(earlier.count) penalty notice\(earlier.count == 1 ? "" : "s") for this child in the \(rules.limitYears) years ending \(date.longForm) (\(dates)); the national framework allows no more than \(rules.limit) (\(rules.codeOfConduct)), so no penalty notice is made. Another route must be used: consider a prosecution (attendoc check --for prosecution), an Education Supervision Order, or another legal intervention; a withdrawn notice does not count (attendoc penalty-notice withdraw)")
        }
        let figures = try loaded.figures(asOf: date)
        guard figures.unauthorisedInWindow >= policy.unauthorisedSessions, let windowStarts = figures.windowStarts else {
            throw AttendocError(.document, "the unauthorised-absence threshold (\(policy.unauthorisedSessions) sessions within \(policy.unauthorisedWindowSchoolWeeks) school weeks, policy \(policy.identifier)) is not met as of \(date.longForm): the register shows \(figures.unauthorisedInWindow) unauthorised sessions in the last \(figures.windowSchoolWeeks) school weeks; a penalty notice is considered only once it is met")
        }
        let calendar = try loaded.calendar()
        var from = windowStarts
        // The same absence is never the subject of two notices to the same parent: a later notice's
        // period begins after the earlier one's ended, and must meet the threshold on its own.
        if let previousEnd = earlier.compactMap({ $0.terms?.periodTo }).max(), previousEnd >= from {
            from = previousEnd.adding(days: 1)
            let since = try loaded.figures(asOf: date, from: from).unauthorisedAbsenceSessions
            guard since >= policy.unauthorisedSessions else {
                throw AttendocError(.document, "\(person.casePath): the earlier penalty notice's period ended on \(previousEnd.longForm), and since then the register shows \(since) unauthorised sessions to \(figures.to.longForm), under the threshold of \(policy.unauthorisedSessions); the same absence cannot be the subject of a second notice")
            }
        }
        from = try calendar.firstSchoolDay(onOrAfter: from)
        if let conflict = ProsecutionInHand.overlapping(loaded, from: from, to: figures.to, on: date) {
            throw AttendocError(.document, "no penalty notice for \(from.longForm) to \(figures.to.longForm): \(conflict); a penalty notice is an alternative to prosecution for the same absence, not an addition to it")
        }
        let unauthorised = try loaded.figures(asOf: date, from: from).unauthorisedAbsenceSessions
        guard let received = issuing.deemedServed(sent: date, method: method) else {
            throw AttendocError(.policy, "\(policy.file): issuing: deemed_service_working_days gives no rule for \(method), so the day the notice is received (from which the days to pay count) is not known; add \(method): to it")
        }
        let number = earlier.count + 1
        let reducedAmount = number == 1 ? rules.firstReducedAmount : nil
        let reducedBy = reducedAmount.map { _ in PenaltyNoticeRules.lastDay(of: rules.reducedWithinDays, beginningWith: received) }
        let payBy = PenaltyNoticeRules.lastDay(of: rules.payWithinDays, beginningWith: received)
        return PenaltyNoticeTerms(
            number: number, amount: number == 1 ? rules.firstAmount : rules.secondAmount, reducedAmount: reducedAmount,
            issuedOn: date, receivedOn: received, reducedBy: reducedBy, payBy: payBy,
            reducedByGiven: try reducedBy.map { (day) throws(AttendocError) in try calendar.firstSchoolDay(onOrAfter: day) },
            payByGiven: try calendar.firstSchoolDay(onOrAfter: payBy),
            periodFrom: from, periodTo: figures.to, unauthorisedSessions: unauthorised)
    }
}
