import AttendocCaseModel
import AttendocCasework
import AttendocValues

/// The request to the parents for written consent to contact the pupil's GP (seed 004: "If the
/// absence is due to illness over 5 days or in a regular pattern, seek written permission from the
/// parents to contact GP for confirmation that pupil is too ill to attend"): refused unless the
/// register shows the policy's illness pattern by the letter's date; it names the practice the
/// school would ask (the case's `gp_consent`), what it would ask and the days it would ask about.
///
/// Keys (docs/templates.md): `gp.*`, `illness.*` (IllnessFacts).
enum GPConsentRequestFacts {
    static func values(case loaded: LoadedCase, dated date: CalendarDate) throws(AttendocError) -> [String: Any] {
        let letter = "a request for consent to contact the GP"
        guard let consent = loaded.attendanceCase.gpConsent else {
            throw AttendocError(.document, "the case \(loaded.attendanceCase.reference) has no gp_consent: add it with the GP practice (practice:, address:) the school would contact")
        }
        let pattern = try IllnessFacts.pattern(case: loaded, dated: date, for: letter)
        guard pattern.isFound, let rule = loaded.policy?.illnessPattern else {
            throw AttendocError(.document, "the register shows \(pattern.illnessDays) day\(pattern.illnessDays == 1 ? "" : "s") of illness from \(pattern.from.longForm) to \(pattern.through.longForm), which is not the illness pattern of the policy \(loaded.policy?.identifier ?? "") (more than \(loaded.policy?.illnessPattern?.moreThanDays ?? 0) days, or the same weekday in \(loaded.policy?.illnessPattern?.sameWeekdayAtLeast ?? 0) different weeks), so there is no cause for \(letter)")
        }
        var gp: [String: Any] = ["practice": consent.practice]
        gp["doctor"] = consent.doctor
        return ["gp": gp, "illness": IllnessFacts.values(pattern, rule: rule.moreThanDays)]
    }
}
