import AttendocCaseModel
import AttendocCasework
import AttendocValues

/// The letter to the parents when a referral is not accepted (seed 003, tier 4: "If a referral is
/// declined, information, advice, and guidance will be provided to the referring school and parents
/// from Level 2 Early Help"): the referral as the case records it (`accepted: no`), and where to get
/// advice (the local authority's `advice_for_parents`, which it needs).
///
/// Keys (docs/templates.md): `declined.to`, `declined.date`.
enum ReferralDeclinedFacts {
    static func values(case loaded: LoadedCase, dated date: CalendarDate, options: LetterOptions) throws(AttendocError) -> [String: Any] {
        let attendanceCase = loaded.attendanceCase
        let declined = attendanceCase.referrals.filter { $0.decision == .notAccepted }
        if let path = options.record, let referral = attendanceCase.referrals.first(where: { $0.casePath == path }), referral.decision != .notAccepted {
            throw AttendocError(.document, "--record \(path) is a referral \(referral.decision), not one declined (accepted: no)")
        }
        let referral = try ChosenRecord.choose(declined, path: options.record, dated: date, section: "referrals",
                                               what: "referral not accepted (accepted: no)", place: \.casePath, day: \.date)
        guard !attendanceCase.localAuthority.adviceForParents.isEmpty else {
            throw AttendocError(.document, "the case \(attendanceCase.reference) has no local_authority.advice_for_parents; a declined referral's letter gives the family information, advice and guidance: add where they can get it")
        }
        return ["declined": ["to": referral.to, "date": LetterContext.dateValue(referral.date)] as [String: Any]]
    }
}
