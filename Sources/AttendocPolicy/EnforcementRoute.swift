import AttendocValues
import AttendocYAML
import Yams

/// One enforcement route a local authority may take (its policy's `enforcement_routes:`,
/// docs/policies.md): its name as `attendoc check --for` and `attendoc bundle --route` take it
/// (`s444-1`, `single-justice-procedure`), the case's `legal_route.section` values it may be
/// taken for, the papers `attendoc bundle` builds for it, and the evidence `attendoc check`
/// asks of it. The list is the policy's: a route is added by adding it there.
public struct EnforcementRoute: Sendable, Equatable {
    public var name: String
    public var description: String
    /// The `legal_route.section` values (`s444_1`) the route may be taken for.
    public var sections: [String]
    /// Whether this is the route `--for prosecution` and `bundle` without `--route` take for a
    /// case whose section is one of `sections` (one default route for each section).
    public var isDefault: Bool
    public var papers: [Paper]
    public var evidence: [RouteEvidence]
    /// The days a defendant has to answer the papers, from the day they are served
    /// (`respond_within_days`: 21 for the single justice procedure); nil: the route sets none.
    public var respondWithinDays: Int? = nil
    /// Where it is: `policies/county-attendance-team.yaml:148`, for errors about it.
    public var place: String

    /// A paper `attendoc bundle` builds for a route.
    public enum Paper: String, FixedValue {
        /// The initial details of the prosecution case: the summary, statements and exhibits
        /// bundle (evidence-bundle.pdf).
        case evidenceBundle = "evidence_bundle"
        /// The schedule of non-sensitive unused material, as a document of its own.
        case unusedMaterialSchedule = "unused_material_schedule"
        /// The single justice procedure pack (Criminal Procedure Rules r24.9): the court's copy
        /// and one for each defendant.
        case singleJusticeProcedurePack = "single_justice_procedure_pack"
    }
}

/// One thing `attendoc check --for ROUTE` asks of a case: each a group of the checks
/// docs/evidence-bundle.md ("Readiness and drafts") lists.
public enum RouteEvidence: String, FixedValue {
    /// A parenting contract meeting, reviewed within the policy's concern_review.
    case parentingContract = "parenting_contract"
    /// A first and a final warning to every parent with parental responsibility.
    case warnings
    /// The school's referral, accepted by the local authority.
    case referral
    /// An interview under caution (or attendance panel meeting) within the policy's pace_interview.
    case interview
    /// The route considered at referral and the decision to proceed (with s447(1)).
    case decisions
    /// The defendants chosen, each a parent with evidence, reasons, meetings, support, interview.
    case defendants
    /// A disclosure decision for each meeting's agency-only notes.
    case disclosure
    /// The school's witness named.
    case witnesses
    /// A lawful basis or consent for each third party's record cited.
    case thirdPartyRecords = "third_party_records"
    /// Each percentage an outcome quotes, against the register.
    case quotedOutcomes = "quoted_outcomes"
    /// The charge period against the warnings (deemed served) and the register.
    case chargePeriod = "charge_period"
    /// The information laid within the policy's information_laid (s127 MCA 1980).
    case informationLaid = "information_laid"
    /// No penalty notice still payable, or paid, for the period charged.
    case penaltyNotices = "penalty_notices"
    /// Every supportive measure with an outcome and evidence.
    case supportiveMeasures = "supportive_measures"
    /// Unauthorised absence at the policy's referral minimum.
    case unauthorisedAbsence = "unauthorised_absence"
    /// Every exhibit readable, in the case's folder.
    case exhibits
    /// A postal address recorded for each defendant, on which the papers are served.
    case defendantAddresses = "defendant_addresses"
    /// The policy's sentencing information for the offence (`sentencing:`).
    case sentencingInformation = "sentencing_information"
    /// For a prosecution under section 443: the school attendance order's record (the section
    /// 437(1) notice and its period, the section 438 notice of intention, the order served, the
    /// day the failure to comply began and a charge that starts no earlier).
    case schoolAttendanceOrder = "school_attendance_order"
    /// For an application for an Education Supervision Order: the consultation section 36(8)
    /// Children Act 1989 requires (with the appropriate local authority of section 36(9)), the
    /// child not in the care of a local authority (section 36(6)), and why an order (section 447(1)).
    case educationSupervisionOrder = "education_supervision_order"
}

extension EnforcementRoute {
    static func readAll(_ top: YAMLFields) throws(CaseFileError) -> [EnforcementRoute] {
        var routes: [EnforcementRoute] = []
        for (node, path) in try top.list("enforcement_routes", required: false) {
            let fields = try YAMLFields(node, file: top.file, path: path)
            var route = EnforcementRoute(
                name: try fields.string("route"), description: try fields.string("description"),
                sections: try fields.strings("sections"), isDefault: try fields.optionalBool("default") ?? false,
                papers: try fields.fixedValues("papers"), evidence: try fields.fixedValues("evidence"),
                place: "\(top.file):\((node.mark?.line).map(String.init) ?? "1")")
            route.respondWithinDays = try fields.optionalInt("respond_within_days", in: 1...90)
            try fields.finish()
            guard route.name.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }), !route.name.isEmpty else {
                throw fields.error("route", "is \(YAMLFields.shape(of: route.name)); a route's name is lower case letters, digits and hyphens (s444-1)")
            }
            if ["prosecution", "referral"].contains(route.name) {
                throw fields.error("route", "is \(route.name), which attendoc check --for already means; choose another name")
            }
            if routes.contains(where: { $0.name == route.name }) {
                throw fields.error("route", "\(route.name) is listed twice; list each route once")
            }
            if route.papers.contains(.singleJusticeProcedurePack) && route.respondWithinDays == nil {
                throw fields.error("respond_within_days", "is required for a route whose papers include the single justice procedure pack: the days the defendant has to answer (21 for the single justice procedure, Criminal Procedure Rules r24.9)")
            }
            if route.papers.isEmpty {
                throw fields.error("papers", "is empty; name the papers attendoc bundle builds for the route (\(Paper.allowedValues))")
            }
            if route.isDefault, let other = routes.first(where: { $0.isDefault && !Set($0.sections).isDisjoint(with: route.sections) }) {
                throw fields.error("default", "\(route.name) and \(other.name) are both the default for a section they share; one route is the default for each section")
            }
            routes.append(route)
        }
        return routes
    }
}

extension Policy {
    /// The route whose papers include the single justice procedure pack for `section`, or nil.
    public func singleJusticeRoute(forSection section: String) -> EnforcementRoute? {
        enforcementRoutes.first { $0.papers.contains(.singleJusticeProcedurePack) && $0.sections.contains(section) }
    }

    /// The route named `name` (`s444-1`), or nil.
    public func enforcementRoute(named name: String) -> EnforcementRoute? {
        enforcementRoutes.first { $0.name == name }
    }

    /// The default route for a case whose `legal_route.section` is `section` (`s444_1`), or nil
    /// when the policy sets none.
    public func defaultEnforcementRoute(forSection section: String) -> EnforcementRoute? {
        enforcementRoutes.first { $0.isDefault && $0.sections.contains(section) }
    }
}
