import AttendocCaseModel
import AttendocCasework
import AttendocPolicy
import AttendocValues

/// The facts of a penalty notice (section 444A Education Act 1996; the Education (Penalty Notices)
/// (England) Regulations 2007 as amended in 2024; the national framework, August 2024): the
/// offence and the code of conduct it is given under, how to pay, and for each parent their own
/// notice's particulars (`PenaltyNoticeTerms`: which notice it is, the amounts, the days to pay from
/// the day it is received, the period of absence).
enum PenaltyNoticeFacts {

    static func values(case loaded: LoadedCase, dated date: CalendarDate, options: LetterOptions) throws(AttendocError) -> [String: Any] {
        let attendanceCase = loaded.attendanceCase
        if let meeting = options.meeting {
            throw AttendocError(.document, "a penalty notice is not about a meeting; leave out the meeting (\(meeting))")
        }
        if options.deadlineOverrideReason != nil {
            throw AttendocError(.document, "a penalty notice has no deadline to override; leave out --override-deadline")
        }
        guard let policy = loaded.policy, let rules = policy.penaltyNotices else {
            throw AttendocError(.policy, "the case \(attendanceCase.reference): its policy has no penalty_notices: section (the local authority's code of conduct), so no penalty notice can be made under it; see docs/policies.md")
        }
        // What a court may fine on conviction for the offence (s444(8): level 3), as the policy's
        // sentencing: gives it, never a figure in the template.
        guard let maximumFine = policy.sentencing?.offences[LegalRoute.Section.s444_1.rawValue]?.maximumFine else {
            throw AttendocError(.policy, "the case \(attendanceCase.reference): its policy \(policy.identifier) (\(policy.file)) sets no maximum fine for section 444(1) (sentencing: offences: s444_1: maximum_fine), which the penalty notice tells the parent; see docs/policies.md")
        }
        var pay: [String: Any] = [:]
        if let online = rules.payOnline { pay["online"] = online }
        if let phone = rules.payByPhone { pay["phone"] = phone }
        return [
            "codeOfConduct": rules.codeOfConduct,
            "pay": pay,
            "hasPayDetails": !pay.isEmpty,
            "payWithinDays": rules.payWithinDays,
            "reducedWithinDays": rules.reducedWithinDays,
            "limit": rules.limit,
            "limitYears": rules.limitYears,
            "maximumFine": LegalRouteFacts.pounds(maximumFine),
            "threshold": ["sessions": policy.unauthorisedSessions, "schoolWeeks": policy.unauthorisedWindowSchoolWeeks] as [String: Any],
            // A penalty notice is given for an offence under section 444(1) (section 444A).
            "offence": LegalRouteFacts.offence(.s444_1) ?? [:],
        ]
    }

    /// One parent's notice: the kind's facts with that parent's particulars.
    static func forParent(_ terms: PenaltyNoticeTerms, _ facts: [String: Any]) -> [String: Any] {
        var notice: [String: Any] = [
            "number": terms.number,
            "isFirst": terms.number == 1,
            "isSecond": terms.number > 1,
            "isLast": terms.number >= (facts["limit"] as? Int ?? 2),
            "amount": terms.amount,
            "receivedOn": LetterContext.dateValue(terms.receivedOn),
            "payBy": LetterContext.dateValue(terms.payByGiven),
            // The law's day, when it is not a school day and the parent is given the next one.
            "payByMoved": terms.payByGiven != terms.payBy,
            "payByLegal": LetterContext.dateValue(terms.payBy),
            "periodFrom": LetterContext.dateValue(terms.periodFrom),
            "periodTo": LetterContext.dateValue(terms.periodTo),
            "unauthorisedSessions": terms.unauthorisedSessions,
        ]
        if let reduced = terms.reducedAmount, let by = terms.reducedByGiven, let legal = terms.reducedBy {
            notice["reduced"] = ["amount": reduced, "by": LetterContext.dateValue(by), "moved": by != legal,
                                 "legal": LetterContext.dateValue(legal), "sameDay": by == terms.payByGiven] as [String: Any]
        }
        var values = facts
        values["notice"] = notice
        return values
    }

    /// What a notice to improve tells one parent of the penalty notice it warns of: a first (with
    /// its reduced amount) or a second (no reduction). Nil when the policy has no code of conduct.
    /// Refused for a parent who has had the code's limit of notices for this child: the notice
    /// would warn of a penalty notice that cannot be given.
    static func warning(for person: ParentOrCarer, case loaded: LoadedCase, dated date: CalendarDate,
                        history: PenaltyNoticeHistory) throws(AttendocError) -> [String: Any]? {
        guard let rules = loaded.policy?.penaltyNotices else { return nil }
        let attendanceCase = loaded.attendanceCase
        let earlier = history.counted(parent: person.id ?? person.casePath, upn: attendanceCase.pupil.upn?.text,
                                      reference: attendanceCase.reference, endingWith: date, rules: rules)
        if earlier.count >= rules.limit {
            throw AttendocError(.document, "\(person.casePath): has already had \(earlier.count) penalty notices for this child in the \(rules.limitYears) years ending \(date.longForm); a notice to improve would warn of a penalty notice that cannot be given (no more than \(rules.limit), the national framework). Use another route: consider a prosecution (attendoc check --for prosecution) or an Education Supervision Order")
        }
        let first = earlier.isEmpty
        return [
            "isFirst": first, "isSecond": !first,
            "amount": first ? rules.firstAmount : rules.secondAmount,
            "reducedAmount": rules.firstReducedAmount,
            "reducedWithinDays": rules.reducedWithinDays,
            "limit": rules.limit, "limitYears": rules.limitYears,
        ]
    }
}
