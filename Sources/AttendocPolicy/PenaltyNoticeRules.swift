import AttendocValues
import AttendocYAML

/// A local authority's code of conduct for penalty notices for school absence (its policy's
/// `penalty_notices:` section, docs/policies.md), under the Education (Penalty Notices) (England)
/// Regulations 2007 as amended in 2024 and the national framework (Working together to improve
/// school attendance, August 2024): the amounts, the days to pay counted from the day the notice
/// is received, and how many notices one parent may have for one child in a rolling period.
public struct PenaltyNoticeRules: Sendable, Equatable {
    /// The code of conduct the notices are issued under, in words (printed on each notice).
    public var codeOfConduct: String
    /// A first notice: the amount, and the reduced amount if paid within `reducedWithinDays`.
    public var firstAmount: Int
    public var firstReducedAmount: Int
    /// A second notice to the same parent for the same child within the rolling period: one
    /// amount, no reduction (the 2024 framework).
    public var secondAmount: Int
    /// The reduced amount is due within this many days, the whole amount within `payWithinDays`,
    /// each period beginning with the day the notice is received.
    public var reducedWithinDays: Int
    public var payWithinDays: Int
    /// No more than `limit` notices to one parent for one child within `limitYears` years ending
    /// with the day of the next: a further notice is refused (another route must be used).
    public var limit: Int
    public var limitYears: Int
    /// Where and how to pay: the authority's own details, printed on each notice.
    public var payOnline: String?
    public var payByPhone: String?

    public init(codeOfConduct: String, firstAmount: Int, firstReducedAmount: Int, secondAmount: Int,
                reducedWithinDays: Int, payWithinDays: Int, limit: Int, limitYears: Int,
                payOnline: String? = nil, payByPhone: String? = nil) {
        self.codeOfConduct = codeOfConduct
        self.firstAmount = firstAmount
        self.firstReducedAmount = firstReducedAmount
        self.secondAmount = secondAmount
        self.reducedWithinDays = reducedWithinDays
        self.payWithinDays = payWithinDays
        self.limit = limit
        self.limitYears = limitYears
        self.payOnline = payOnline
        self.payByPhone = payByPhone
    }

    /// The last day of a period of `days` days beginning with `received` (the day of receipt is
    /// the first): the law's date, before any move to a school day.
    public static func lastDay(of days: Int, beginningWith received: CalendarDate) -> CalendarDate {
        received.adding(days: days - 1)
    }

    /// The first day of the rolling period that ends with `date`: notices issued on or after it count.
    public func countingFrom(endingWith date: CalendarDate) -> CalendarDate {
        date.adding(months: -12 * limitYears).adding(days: 1)
    }

    static func read(_ section: YAMLFields) throws(CaseFileError) -> PenaltyNoticeRules {
        let first = try section.fields("first_notice")
        let firstAmount = try first.int("amount", in: 1...10_000)
        let reduced = try first.int("reduced_amount", in: 1...10_000)
        try first.finish()
        guard reduced < firstAmount else {
            throw section.error("first_notice", "reduced_amount (£\(reduced)) must be less than amount (£\(firstAmount))")
        }
        let second = try section.fields("second_notice")
        let secondAmount = try second.int("amount", in: 1...10_000)
        try second.finish()
        let reducedDays = try section.int("reduced_within_days", in: 1...90)
        let payDays = try section.int("pay_within_days", in: 1...90)
        guard reducedDays < payDays else {
            throw section.error("reduced_within_days", "must be fewer than pay_within_days (\(payDays))")
        }
        let limit = try section.fields("limit")
        let notices = try limit.int("notices", in: 1...10)
        let years = try limit.int("years", in: 1...10)
        try limit.finish()
        var payOnline: String?
        var payByPhone: String?
        if let pay = try section.optionalFields("pay") {
            payOnline = try pay.optionalString("online")
            payByPhone = try pay.optionalString("phone")
            try pay.finish()
        }
        let rules = PenaltyNoticeRules(codeOfConduct: try section.string("code_of_conduct"), firstAmount: firstAmount,
                                       firstReducedAmount: reduced, secondAmount: secondAmount,
                                       reducedWithinDays: reducedDays, payWithinDays: payDays, limit: notices, limitYears: years,
                                       payOnline: payOnline, payByPhone: payByPhone)
        _ = try section.optionalString("source")
        try section.finish()
        return rules
    }
}
