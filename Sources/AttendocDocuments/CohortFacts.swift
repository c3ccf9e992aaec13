import AttendocCaseModel
import AttendocPolicy

/// What the pupil's priority cohorts (seed 001) change in a letter, by the policy's
/// `priority_cohorts:` rules: one flag per provision, so that the words stay in
/// `templates/partials/priority-cohorts.mustache`. A case without cohorts, or a policy without
/// rules, gets `cohorts.any` false and nothing else changes.
///
/// Keys (docs/templates.md): `cohorts.any`, `cohorts.reasonableAdjustments`,
/// `cohorts.sendInformationService`, `cohorts.ehcpInterimReview`, `cohorts.youngCarersService`,
/// `cohorts.carersAssessment`, `cohorts.socialWorkerInformed`.
enum CohortFacts {
    static func values(for attendanceCase: AttendanceCase, policy: Policy?) -> [String: Any] {
        let provisions = policy?.provisions(forCohorts: attendanceCase.pupil.priorityCohorts.map(\.rawValue)) ?? []
        var cohorts: [String: Any] = ["any": !provisions.isEmpty]
        for provision in CohortProvision.allCases {
            cohorts[key(provision)] = provisions.contains(provision)
        }
        return ["cohorts": cohorts]
    }

    static func key(_ provision: CohortProvision) -> String {
        switch provision {
        case .reasonableAdjustments: "reasonableAdjustments"
        case .sendInformationService: "sendInformationService"
        case .ehcpInterimReview: "ehcpInterimReview"
        case .youngCarersService: "youngCarersService"
        case .carersAssessment: "carersAssessment"
        case .socialWorkerInformed: "socialWorkerInformed"
        }
    }
}
