import AttendocCaseModel
import AttendocCasework
import AttendocPolicy
import AttendocValues

/// A school's request to another service (seed 002, tier 2: "request for outreach support for
/// Special Educational Needs and Disabilities (SEND) needs", "Education, Health and Care plans
/// (EHCP) interim reviews where necessary", "support from Social Care teams", "safeguarding agency
/// referrals"), written from one `referrals:` entry with a `service:`. Its one copy is for that
/// service and holds only what the service needs: the request in the school's words, the engine's
/// figures, the pupil's priority cohorts and the support offered. The parents appear by name and
/// part only (whether they may be contacted, never why not); no parent's address is in it. The
/// pupil's home address is given to children's social care and to the designated safeguarding lead
/// only, who may need to visit. The SEND requests are made only where the policy's cohort rules call
/// for them (`priority_cohorts:`).
///
/// Keys (docs/templates.md): `request.*`, `figures.*`, `parents`, `cohortNames`, `hasCohorts`,
/// `measures`, `hasMeasures`, `home.*` (social care and safeguarding only).
enum ServiceRequestFacts {
    static func values(for kind: DocumentKind, case loaded: LoadedCase, dated date: CalendarDate,
                       options: LetterOptions) throws(AttendocError) -> [String: Any] {
        guard let service = kind.requestedService else {
            throw AttendocError(.document, "the \(kind.rawValue) is not a request to another service")
        }
        let attendanceCase = loaded.attendanceCase
        let requests = attendanceCase.referrals.filter { $0.service == service }
        if let path = options.record, let other = attendanceCase.referrals.first(where: { $0.casePath == path }), other.service != service {
            throw AttendocError(.document, "--record \(path) is not a \(service.rawValue) request (its service: is \(other.service?.rawValue ?? "not given"))")
        }
        let request = try ChosenRecord.choose(requests, path: options.record, dated: date, section: "referrals",
                                              what: "request with service: \(service.rawValue)", place: \.casePath, day: \.date)
        let cohorts = attendanceCase.pupil.priorityCohorts
        let provisions = loaded.policy?.provisions(forCohorts: cohorts.map(\.rawValue)) ?? []
        switch service {
        case .sendOutreach where !provisions.contains(.reasonableAdjustments) && !provisions.contains(.sendInformationService):
            throw AttendocError(.document, "\(request.casePath): a request for SEND outreach support is for a pupil whose priority cohorts the policy gives reasonable_adjustments or send_information_service (priority_cohorts:); the case records \(cohortsInWords(cohorts))")
        case .ehcpInterimReview where !provisions.contains(.ehcpInterimReview):
            throw AttendocError(.document, "\(request.casePath): an interim review of the EHC plan is asked for a pupil whose priority cohorts the policy gives ehcp_interim_review (priority_cohorts:, such as ehcp); the case records \(cohortsInWords(cohorts))")
        default:
            break
        }
        let figures = try loaded.figures(asOf: date)
        var values: [String: Any] = [
            "request": [
                "to": request.to, "date": LetterContext.dateValue(request.date), "reason": request.reason ?? "",
                "by": request.madeBy ?? "", "hasBy": request.madeBy != nil, "place": request.casePath,
            ] as [String: Any],
            "figures": LetterContext.attendanceValue(QuotedAttendance(figures)),
            "parents": attendanceCase.parentsAndCarers.map { person -> [String: Any] in
                ["name": person.fullName, "relationship": person.relationship,
                 "parentalResponsibility": person.hasParentalResponsibility, "livesWithPupil": person.livesWithPupil,
                 "doNotContact": person.doNotContact]
            },
            "cohortNames": cohorts.map(\.description),
            "hasCohorts": !cohorts.isEmpty,
        ]
        let measures = attendanceCase.supportiveMeasures.filter { $0.offeredOn <= date }.map { measure -> [String: Any] in
            ["what": measure.what, "offeredOn": LetterContext.dateValue(measure.offeredOn),
             "response": measure.response.rawValue.replacingOccurrences(of: "_", with: " ")]
        }
        values["measures"] = measures
        values["hasMeasures"] = !measures.isEmpty
        if service == .childrensSocialCare || service == .safeguarding {
            values["home"] = ["address": LetterContext.address(attendanceCase.pupil.address)]
        }
        return values
    }

    static func cohortsInWords(_ cohorts: [PriorityCohort]) -> String {
        cohorts.isEmpty ? "no priority cohort" : "the cohorts \(cohorts.map(\.rawValue).joined(separator: ", "))"
    }
}
