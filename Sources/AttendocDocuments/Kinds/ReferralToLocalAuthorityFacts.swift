import AttendocCaseModel
import AttendocCasework
import AttendocValues

/// The school's referral to the local authority for legal intervention (seed 004: "Referral to The
/// County Attendance Team by completing in full the appropriate form ... A referral will only be
/// accepted when all steps above have been attempted and evidence provided"; seed 003: "compile all
/// the supportive measures offered and provided"). Made only when the case passes the receiving
/// authority's checklist (`ReferralReadiness`, as `attendoc check --for referral`): the figures are
/// the engine's, each step of the policy with the day it was taken and the record that shows it,
/// every supportive measure with its response, outcome and evidence, and the contacts recorded.
/// Its one copy goes to the local authority; parents' addresses are not in it.
///
/// Keys (docs/templates.md): `figures.*`, `checked`, `steps`, `measures`, `contacts`, `letters`,
/// `parents`, `cohortNames`.
enum ReferralToLocalAuthorityFacts {
    /// `recorded`: the documents a workspace's record shows were sent, besides the case file's `letters_issued`.
    static func values(case loaded: LoadedCase, dated date: CalendarDate, recorded: [SentDocument] = []) throws(AttendocError) -> [String: Any] {
        let attendanceCase = loaded.attendanceCase
        let sent = (recorded + CaseHistory.sentDocuments(in: attendanceCase)).filter { $0.sentOn <= date }
        let readiness = try ReferralReadiness.check(loaded, asOf: date, sent: sent)
        guard readiness.isReady else {
            throw AttendocError(.document, "the case \(attendanceCase.reference) is not ready for a referral on \(date.longForm) (attendoc check --for referral): \(readiness.gaps.map(\.description).joined(separator: "; "))")
        }
        let figures = try loaded.figures(asOf: date)
        let steps = try SchoolSteps.status(of: loaded, asOf: date, sent: sent).compactMap { status -> [String: Any]? in
            // The referral's own step is the one this document takes.
            guard let calledFor = status.calledForOn, status.step.document != DocumentKind.referralToLocalAuthority.rawValue else { return nil }
            var step: [String: Any] = ["description": status.step.description, "calledFor": LetterContext.dateValue(calledFor)]
            step["takenOn"] = status.takenOn.map(LetterContext.dateValue)
            step["record"] = status.takenBy
            return step
        }
        let measures = attendanceCase.supportiveMeasures.filter { $0.offeredOn <= date }.map { measure -> [String: Any] in
            var value: [String: Any] = [
                "what": measure.what, "offeredBy": measure.offeredBy, "offeredOn": LetterContext.dateValue(measure.offeredOn),
                "response": measure.response.rawValue.replacingOccurrences(of: "_", with: " "),
                "evidenceList": measure.evidence.map(\.path).joined(separator: ", "),
                "hasEvidence": !measure.evidence.isEmpty,
            ]
            value["outcome"] = measure.outcome
            return value
        }
        let contacts = attendanceCase.contacts.filter { $0.date <= date }.map { contact -> [String: Any] in
            var value: [String: Any] = ["date": LetterContext.dateValue(contact.date), "method": contact.method.description, "by": contact.by, "reached": contact.reached]
            value["with"] = contact.with
            return value
        }
        let letters = attendanceCase.lettersIssued.filter { $0.date <= date }.map { letter -> [String: Any] in
            ["date": LetterContext.dateValue(letter.date), "kind": letter.kind.description, "to": letter.recipientID]
        }
        let parents = attendanceCase.parentsAndCarers.map { person -> [String: Any] in
            ["name": person.fullName, "relationship": person.relationship,
             "parentalResponsibility": person.hasParentalResponsibility, "livesWithPupil": person.livesWithPupil]
        }
        return [
            "figures": LetterContext.attendanceValue(QuotedAttendance(figures)),
            "checked": readiness.checked,
            "steps": steps,
            "hasSteps": !steps.isEmpty,
            "measures": measures,
            "hasMeasures": !measures.isEmpty,
            "contacts": contacts,
            "hasContacts": !contacts.isEmpty,
            "letters": letters,
            "hasLetters": !letters.isEmpty,
            "parents": parents,
            "cohortNames": attendanceCase.pupil.priorityCohorts.map(\.description),
            "hasCohorts": !attendanceCase.pupil.priorityCohorts.isEmpty,
        ]
    }
}
