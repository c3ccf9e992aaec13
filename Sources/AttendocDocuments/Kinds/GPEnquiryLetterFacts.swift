import AttendocCaseModel
import AttendocCasework
import AttendocValues

/// The school's enquiry to the pupil's GP, made only with the parents' written consent standing on
/// the letter's date (given, and not withdrawn): who consented and when, the days the register marks
/// as illness, and the one question the consent covers (whether the pupil was too ill to attend).
/// Its one copy is addressed to the practice (`recipient.*` from `gp_consent`).
///
/// Keys (docs/templates.md): `gp.*`, `consent.*`, `illness.*`, `recipient.*`.
enum GPEnquiryLetterFacts {
    static func values(case loaded: LoadedCase, dated date: CalendarDate) throws(AttendocError) -> [String: Any] {
        let attendanceCase = loaded.attendanceCase
        guard let consent = attendanceCase.gpConsent else {
            throw AttendocError(.document, "the case \(attendanceCase.reference) has no gp_consent: the school may write to the GP only with the parents' written consent")
        }
        guard consent.stands(on: date), let answeredOn = consent.answeredOn, let parentPath = consent.parent,
              let parent = attendanceCase.parentsAndCarers.first(where: { $0.casePath == parentPath }) else {
            let state = switch consent.answer {
            case .notYetKnown: "has not been answered"
            case .refused: "was refused"
            case .given: consent.withdrawnOn.map { $0 <= date ? "was withdrawn on \($0.longForm)" : "was given after the letter's date" } ?? "was given after the letter's date"
            }
            throw AttendocError(.document, "\(consent.casePath): the parents' consent to contact the GP \(state), so no enquiry may go to the GP on \(date.longForm)")
        }
        let pattern = try IllnessFacts.pattern(case: loaded, dated: date, for: "an enquiry to the GP")
        guard !pattern.dates.isEmpty, let rule = loaded.policy?.illnessPattern else {
            throw AttendocError(.document, "the register shows no illness marks from \(pattern.from.longForm) to \(pattern.through.longForm), so there is nothing to ask the GP about")
        }
        var gp: [String: Any] = ["practice": consent.practice]
        gp["doctor"] = consent.doctor
        var recipient: [String: Any] = [
            "name": consent.doctor.map { "\($0), \(consent.practice)" } ?? consent.practice,
            "formalName": consent.doctor ?? "Doctor",
            "address": LetterContext.address(consent.address),
            "needsSignLanguageInterpreter": false,
        ]
        recipient["isPractice"] = consent.doctor == nil
        return [
            "gp": gp,
            "recipient": recipient,
            "consent": [
                "by": parent.fullName,
                "relationship": parent.relationship,
                "on": LetterContext.dateValue(answeredOn),
                "hasCopy": !consent.evidence.isEmpty,
            ] as [String: Any],
            "illness": IllnessFacts.values(pattern, rule: rule.moreThanDays),
        ]
    }
}
