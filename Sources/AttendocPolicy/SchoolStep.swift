import AttendocValues
import AttendocYAML
import Yams

/// One step of a policy's process before a referral (seed 004's "School's Responsibility Pre
/// Referral", seed 003's tiers): what sets it off, what shows it was taken, the document it
/// produces and its deadline. `attendoc due` lists the steps a case's policy calls for and the case
/// has not yet taken; a referral checklist may ask that some were taken (docs/policies.md, "Steps").
public struct SchoolStep: Sendable, Equatable {
    /// What sets the step off.
    public enum Trigger: Sendable, Equatable {
        /// Attendance this school year falls below the share (a threshold).
        case attendanceBelow(Percentage)
        /// The policy's unauthorised-absence threshold is met (a threshold).
        case unauthorisedThreshold
        /// The policy's illness pattern is found in the register (a threshold).
        case illnessPattern
        /// A meeting of this kind (`Meeting.Kind`'s snake_case name) is held (an event).
        case meeting(String)
        /// The latest meeting of this kind has set a review (a review).
        case review(String)
        /// The review of the latest meeting of this kind decided to refer (an event).
        case referDecided(String)
        /// The latest meeting of this kind set a percentage target that the engine's figures from
        /// the meeting to its review (recorded, or its review date) do not reach (an event).
        case targetNotMet(String)
        /// The parents' consent to contact the GP is recorded as given (an event).
        case gpConsentGiven
    }

    /// What shows the step was taken.
    public enum Evidence: Sendable, Equatable {
        /// A meeting of this kind on or after the trigger.
        case meeting(String)
        /// A review recorded of the latest meeting of this kind.
        case review(String)
        /// A document of this kind (a template's name) sent on or after the trigger.
        case document(String)
        /// A contact of this method (`Contact.Method`'s snake_case name) on or after the trigger.
        case contact(String)
        /// The local authority's acceptance of the school's referral (the case's `referral:`).
        case referralAccepted
        /// An APDR record (the case's `apdr:`) dated on or after the trigger.
        case apdrRecord
    }

    /// Its name, as a referral checklist's `steps_taken` names it: `parenting_contract`.
    public var name: String
    public var description: String
    public var trigger: Trigger
    /// What shows it was taken: any one of these (`done_by:` is one, or a list of alternatives).
    public var evidence: [Evidence]
    /// The document it produces, a template's name (`gp-consent-request`); nil: none of Attendoc's.
    public var document: String?
    /// Its deadline, counted from the trigger (a review's from its meeting); nil: as soon as it is called for.
    public var deadline: DeadlineName?
    /// Where it is in the policy file, for messages: `steps[2]`.
    public var policyPath: String
}

/// The policy's illness pattern (seed 004: "illness over 5 days or in a regular pattern"): found
/// when the register shows more than `moreThanDays` days with an illness mark this school year, or
/// an illness mark on the same day of the week in at least `sameWeekdayAtLeast` different weeks.
public struct IllnessPatternRule: Sendable, Equatable {
    /// The attendance codes that mean illness (`I`).
    public var codes: [String]
    public var moreThanDays: Int
    public var sameWeekdayAtLeast: Int

    public init(codes: [String], moreThanDays: Int, sameWeekdayAtLeast: Int) {
        self.codes = codes
        self.moreThanDays = moreThanDays
        self.sameWeekdayAtLeast = sameWeekdayAtLeast
    }
}

/// One thing a receiving authority requires before it accepts a school's referral (seed 004: "at
/// least 10% unauthorised absence", "all steps above have been attempted and evidence provided").
public enum ReferralRequirement: Sendable, Equatable {
    /// Unauthorised absence this school year at least this share.
    case unauthorisedAtLeast(Percentage)
    /// Each of these steps (by name) taken, with its evidence.
    case stepsTaken([String])
    /// Every supportive measure recorded with its outcome and evidence.
    case supportiveMeasuresEvidenced
    /// Register certificates sent for at least this many school years (this one and those before).
    case registerCertificateYears(Int)
    /// At least this many recorded contacts with the family (contacts, letters sent, meetings held).
    case recordedContactsAtLeast(Int)
    /// No session marked with an unexplained code (N) among the pupil's last this many possible sessions.
    case noUnexplainedInLastSessions(Int)
    /// At least this many supportive measures recorded.
    case supportiveMeasuresAtLeast(Int)
}

extension PolicyReader {
    static let triggerKeys = ["attendance_below_percent", "unauthorised_threshold", "illness_pattern", "meeting", "review", "refer_decided", "target_not_met", "gp_consent_given"]
    static let evidenceKeys = ["meeting", "review", "document", "contact", "referral_accepted", "apdr_record"]
    static let requirementKeys = ["unauthorised_percent_at_least", "steps_taken", "supportive_measures_evidenced",
                                  "register_certificate_years", "recorded_contacts_at_least",
                                  "no_unexplained_absence_in_last_sessions", "supportive_measures_at_least"]

    /// The one key a trigger, evidence or requirement mapping holds, of `allowed`.
    static func onlyKey(_ fields: YAMLFields, allowed: [String], what: String) throws(CaseFileError) -> String {
        let keys = fields.keys
        guard keys.count == 1, let key = keys.first, allowed.contains(key) else {
            let problem = "\(what) holds exactly one of: \(allowed.joined(separator: ", ")) (docs/policies.md)"
            throw keys.first.map { fields.keyError($0, problem) } ?? fields.error(allowed[0], problem)
        }
        return key
    }

    static func readSteps(_ top: YAMLFields) throws(CaseFileError) -> [SchoolStep] {
        var steps: [SchoolStep] = []
        for (node, path) in try top.list("steps", required: false) {
            let fields = try YAMLFields(node, file: top.file, path: path)
            let triggerFields = try fields.fields("trigger")
            let trigger: SchoolStep.Trigger
            switch try onlyKey(triggerFields, allowed: triggerKeys, what: "a step's trigger") {
            case "attendance_below_percent":
                guard let share = try percent(triggerFields, "attendance_below_percent") else { throw triggerFields.error("attendance_below_percent", "is required") }
                trigger = .attendanceBelow(share)
            case "unauthorised_threshold": _ = try triggerFields.bool("unauthorised_threshold"); trigger = .unauthorisedThreshold
            case "illness_pattern": _ = try triggerFields.bool("illness_pattern"); trigger = .illnessPattern
            case "meeting": trigger = .meeting(try meetingKind(triggerFields, "meeting"))
            case "review": trigger = .review(try meetingKind(triggerFields, "review"))
            case "refer_decided": trigger = .referDecided(try meetingKind(triggerFields, "refer_decided"))
            case "target_not_met": trigger = .targetNotMet(try meetingKind(triggerFields, "target_not_met"))
            default: _ = try triggerFields.bool("gp_consent_given"); trigger = .gpConsentGiven
            }
            try triggerFields.finish()
            var evidence: [SchoolStep.Evidence] = []
            let doneBy = try fields.require("done_by")
            let alternatives: [(node: Node, path: String)] = doneBy.sequence != nil ? try fields.list("done_by") : [(doneBy, "\(path).done_by")]
            for (node, evidencePath) in alternatives {
                evidence.append(try readEvidence(YAMLFields(node, file: top.file, path: evidencePath)))
            }
            var deadline: DeadlineName?
            if let name = try fields.optionalString("deadline") {
                guard let known = DeadlineName(rawValue: name) else {
                    throw fields.error("deadline", "is not a deadline Attendoc knows; the deadlines are: \(DeadlineName.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                deadline = known
            }
            let step = SchoolStep(name: try fields.string("name"), description: try fields.string("description"),
                                  trigger: trigger, evidence: evidence, document: try fields.optionalString("document"),
                                  deadline: deadline, policyPath: path)
            try fields.finish()
            if steps.contains(where: { $0.name == step.name }) {
                throw fields.error("name", "is the name of an earlier step; each step's name is its own")
            }
            steps.append(step)
        }
        return steps
    }

    static func readEvidence(_ evidenceFields: YAMLFields) throws(CaseFileError) -> SchoolStep.Evidence {
        let evidence: SchoolStep.Evidence
        switch try onlyKey(evidenceFields, allowed: evidenceKeys, what: "a step's done_by") {
        case "meeting": evidence = .meeting(try meetingKind(evidenceFields, "meeting"))
        case "review": evidence = .review(try meetingKind(evidenceFields, "review"))
        case "document": evidence = .document(try evidenceFields.string("document"))
        case "referral_accepted": _ = try evidenceFields.bool("referral_accepted"); evidence = .referralAccepted
        case "apdr_record": _ = try evidenceFields.bool("apdr_record"); evidence = .apdrRecord
        default:
            let method = try evidenceFields.string("contact")
            guard contactMethods.contains(method) else {
                throw evidenceFields.error("contact", "expected one of: \(contactMethods.joined(separator: ", "))")
            }
            evidence = .contact(method)
        }
        try evidenceFields.finish()
        return evidence
    }

    /// Meeting kinds as a case file writes them (the case model's `Meeting.Kind`), kept here as
    /// words so that the policy needs no case model.
    static let meetingKinds = ["parenting_contract", "attendance_improvement_plan", "team_around_the_family", "attendance_panel", "pace_interview",
                                "attendance_support_plan", "early_help_plan"]
    static let contactMethods = ["phone", "home_visit", "email", "text_message", "in_person", "letter"]

    static func meetingKind(_ fields: YAMLFields, _ key: String) throws(CaseFileError) -> String {
        let kind = try fields.string(key)
        guard meetingKinds.contains(kind) else {
            throw fields.error(key, "expected a meeting kind, one of: \(meetingKinds.joined(separator: ", "))")
        }
        return kind
    }

    static func readIllnessPattern(_ top: YAMLFields) throws(CaseFileError) -> IllnessPatternRule? {
        guard let fields = try top.optionalFields("illness_pattern") else { return nil }
        let rule = IllnessPatternRule(codes: try fields.strings("codes"),
                                      moreThanDays: try fields.int("more_than_days", in: 0...190),
                                      sameWeekdayAtLeast: try fields.int("same_weekday_at_least", in: 2...39))
        try fields.finish()
        if rule.codes.isEmpty { throw fields.error("codes", "must name at least one attendance code (I)") }
        return rule
    }

    static func readReferralChecklist(_ top: YAMLFields, steps: [SchoolStep]) throws(CaseFileError) -> [ReferralRequirement] {
        var requirements: [ReferralRequirement] = []
        for (node, path) in try top.list("referral_checklist", required: false) {
            let fields = try YAMLFields(node, file: top.file, path: path)
            switch try onlyKey(fields, allowed: requirementKeys, what: "a referral_checklist item") {
            case "unauthorised_percent_at_least":
                guard let share = try percent(fields, "unauthorised_percent_at_least") else { throw fields.error("unauthorised_percent_at_least", "is required") }
                requirements.append(.unauthorisedAtLeast(share))
            case "steps_taken":
                let names = try fields.strings("steps_taken")
                for (index, name) in names.enumerated() where !steps.contains(where: { $0.name == name }) {
                    throw fields.error("steps_taken", "item \(index + 1) is not one of the policy's steps (\(steps.map(\.name).joined(separator: ", ")))")
                }
                requirements.append(.stepsTaken(names))
            case "supportive_measures_evidenced":
                if try fields.bool("supportive_measures_evidenced") { requirements.append(.supportiveMeasuresEvidenced) }
            case "register_certificate_years":
                requirements.append(.registerCertificateYears(try fields.int("register_certificate_years", in: 1...10)))
            case "recorded_contacts_at_least":
                requirements.append(.recordedContactsAtLeast(try fields.int("recorded_contacts_at_least", in: 1...100)))
            case "supportive_measures_at_least":
                requirements.append(.supportiveMeasuresAtLeast(try fields.int("supportive_measures_at_least", in: 1...100)))
            default:
                requirements.append(.noUnexplainedInLastSessions(try fields.int("no_unexplained_absence_in_last_sessions", in: 1...760)))
            }
            try fields.finish()
        }
        return requirements
    }
}
