import AttendocValues
import AttendocYAML

/// What a priority cohort changes in the documents (seed 001, "The Priorities"): for each cohort a
/// case may record, the provisions the letters then make. The cohort rules live here, in the
/// policy; the words of each provision live in `templates/partials/priority-cohorts.mustache`.
public enum CohortProvision: String, CaseIterable, Sendable {
    /// The reasonable adjustments the school makes (seed 002: "details of the reasonable adjustments").
    case reasonableAdjustments = "reasonable_adjustments"
    /// The SEND information, advice and support service.
    case sendInformationService = "send_information_service"
    /// An interim review of the Education, Health and Care plan (seed 002).
    case ehcpInterimReview = "ehcp_interim_review"
    /// The young carers' service.
    case youngCarersService = "young_carers_service"
    /// A carer's assessment.
    case carersAssessment = "carers_assessment"
    /// The pupil's social worker told of the step and invited to its meetings.
    case socialWorkerInformed = "social_worker_informed"
}

extension PolicyReader {
    /// Cohorts as a case file writes them (the case model's `PriorityCohort`), kept here as words so
    /// that the policy needs no case model.
    static let cohortNames = ["child_with_a_social_worker", "send_support", "ehcp", "autistic_or_social_communication_needs", "semh",
                              "adverse_childhood_experiences", "known_to_youth_justice", "young_carer", "parent_facing_barriers_to_engagement"]

    /// `priority_cohorts: {send_support: [reasonable_adjustments, send_information_service], ...}`.
    static func readCohortRules(_ top: YAMLFields) throws(CaseFileError) -> [String: [CohortProvision]] {
        guard let section = try top.optionalFields("priority_cohorts") else { return [:] }
        var rules: [String: [CohortProvision]] = [:]
        for cohort in section.keys {
            guard cohortNames.contains(cohort) else {
                throw section.keyError(cohort, "is not a priority cohort a case records; the cohorts are: \(cohortNames.joined(separator: ", "))")
            }
            var provisions: [CohortProvision] = []
            for (index, name) in try section.strings(cohort).enumerated() {
                guard let provision = CohortProvision(rawValue: name) else {
                    throw section.error(cohort, "item \(index + 1) is not a provision Attendoc knows; the provisions are: \(CohortProvision.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                if !provisions.contains(provision) { provisions.append(provision) }
            }
            rules[cohort] = provisions
        }
        try section.finish()
        return rules
    }
}
