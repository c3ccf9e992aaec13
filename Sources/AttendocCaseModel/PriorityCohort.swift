import AttendocYAML

/// A group of pupils whose circumstances call for an additional focus on attendance (seed 001, "The
/// Priorities"). The case records which apply to the pupil; letters and bundles show them where relevant.
///
/// Seed 001 lists SEMH, adverse childhood experiences and being known to the youth justice service as
/// one priority; they are recorded separately here because they are different facts about a pupil.
public enum PriorityCohort: String, CaseIterable, Sendable, CustomStringConvertible, FixedValue {
    case childWithASocialWorker = "child_with_a_social_worker"
    /// SEN support in school, without an Education, Health and Care plan.
    case sendSupport = "send_support"
    /// An Education, Health and Care plan.
    case ehcp
    case autisticOrSocialCommunicationNeeds = "autistic_or_social_communication_needs"
    /// Social, emotional and mental health difficulties.
    case semh
    case adverseChildhoodExperiences = "adverse_childhood_experiences"
    case knownToYouthJustice = "known_to_youth_justice"
    case youngCarer = "young_carer"
    /// Parents or carers who may face barriers to engaging with the school.
    case parentFacingBarriersToEngagement = "parent_facing_barriers_to_engagement"

    /// In words, as an officer reads it.
    public var description: String {
        switch self {
        case .childWithASocialWorker: "child with a social worker"
        case .sendSupport: "SEN support"
        case .ehcp: "Education, Health and Care plan"
        case .autisticOrSocialCommunicationNeeds: "autistic, or social communication needs"
        case .semh: "social, emotional and mental health needs"
        case .adverseChildhoodExperiences: "adverse childhood experiences"
        case .knownToYouthJustice: "known to the youth justice service"
        case .youngCarer: "young carer"
        case .parentFacingBarriersToEngagement: "parent or carer facing barriers to engagement"
        }
    }
}
