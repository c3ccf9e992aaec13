import AttendocValues
import AttendocYAML

/// The legal route the local authority chose after accepting the referral, and the dates of its
/// steps (seed 004, "CAT responsibility post referral"). The dates are checked to run in order.
///
/// Two decisions are recorded apart (seed 004): the route considered at referral (`decidedOn`,
/// `decidedBy`, `reasonsAtReferral`: "decision taken by Senior County Attendance Officer on
/// appropriateness of referral and legal route to be taken"), and the decision to prosecute or
/// apply for an order, made after the target set at the interview was reviewed and not met
/// (`decision`).
public struct LegalRoute: Sendable {
    public var section: Section
    /// The day the route was considered, at referral.
    public var decidedOn: CalendarDate
    /// Who considered it (seed 004: the Senior County Attendance Officer).
    public var decidedBy: String?
    /// Why this route was considered appropriate at referral, in the officer's words.
    public var reasonsAtReferral: String? = nil
    /// The decision to prosecute (or to apply for the order), once it has been made.
    public var decision: Decision? = nil
    /// The first warning letter, sent with the PACE letter when the referral is accepted.
    public var firstWarningOn: CalendarDate?
    public var finalWarningOn: CalendarDate?
    /// The day the papers went to the magistrates' court.
    public var papersToCourtOn: CalendarDate?
    /// The court that will hear the case (`Exeter Magistrates' Court`), when known.
    public var court: String? = nil
    /// The first hearing, when listed.
    public var hearingOn: CalendarDate? = nil
    public var hearingTime: TimeOfDay? = nil
    /// The parents prosecuted (or respondents to the application), each chosen explicitly with
    /// the basis of being a parent, its evidence and the reasons for proceeding against them.
    /// Empty: none chosen yet (`attendoc check --for prosecution` asks for them; a draft bundle
    /// names every parent under section 576).
    public var defendants: [Defendant] = []
    /// The defendants' ids under `parents`.
    public var defendantIDs: [String] { defendants.map(\.parentID) }
    /// The period of the offence charged (the dates of the information). Absent: from the first
    /// warning (or the legal route's decision) to the last day of the register.
    public var offenceFrom: CalendarDate? = nil
    public var offenceTo: CalendarDate? = nil
    /// The officer's witness statement as signed (a PDF scan), once it is: the bundle holds it in
    /// place of the draft, and is "final" only with it and the signed certificate.
    public var signedStatement: FileReference? = nil
    /// The register certificate as the head teacher signed it (a PDF scan).
    public var signedCertificate: FileReference? = nil
    /// The school's witness (its attendance lead or a head of year), whose statement produces the
    /// school's letters, meetings, support, referrals and register certificate.
    public var schoolWitness: Witness? = nil
    /// The school witness's statement as signed (a PDF scan).
    public var signedSchoolStatement: FileReference? = nil
    /// For an Education Supervision Order, the consultation with children's services that section
    /// 36(8) Children Act 1989 requires before the application.
    public var childrenServicesConsultation: ChildrenServicesConsultation? = nil
    /// For a prosecution, the request that the court make a parenting order on conviction.
    public var parentingOrderRequest: ParentingOrderRequest? = nil
    /// Whether every signed copy is supplied (the officer's statement, the certificate and, with
    /// a school witness, the school's statement): nothing unsigned is served.
    public var isSigned: Bool {
        signedStatement != nil && signedCertificate != nil && (schoolWitness == nil || signedSchoolStatement != nil)
    }

    /// A witness who makes a statement: their name and their role (`attendance lead`).
    public struct Witness: Sendable, Equatable {
        public var name: String
        public var role: String
        public init(name: String, role: String) {
            self.name = name
            self.role = role
        }
    }

    /// The decision to institute the proceedings, recorded as a court will ask about it: when,
    /// by whom, and why, with the consideration of an Education Supervision Order that section
    /// 447(1) Education Act 1996 requires before proceedings under section 443 or 444. Each
    /// reason is the decision maker's own words; `attendoc check --for prosecution` names
    /// whichever is missing.
    public struct Decision: Sendable {
        public var on: CalendarDate
        public var by: String?
        /// Whether an Education Supervision Order would be appropriate instead of, or as well
        /// as, the proceedings, and why (s447(1) EA 1996).
        public var educationSupervisionOrder: String?
        /// Why support first has not worked, was not engaged with, or is not appropriate.
        public var supportFirst: String?
        /// Why the proceedings are in the public interest.
        public var publicInterest: String?
        /// Where it is in the case file (`legal_route.decision`).
        public var casePath: String

        public init(on: CalendarDate, by: String?, educationSupervisionOrder: String?, supportFirst: String?,
                    publicInterest: String?, casePath: String) {
            self.on = on
            self.by = by
            self.educationSupervisionOrder = educationSupervisionOrder
            self.supportFirst = supportFirst
            self.publicInterest = publicInterest
            self.casePath = casePath
        }
    }

    /// A parent chosen as a defendant: who (`parent:`, an id under `parents`), on what basis they
    /// are a parent under section 576 Education Act 1996, the evidence of it (exhibited in the
    /// bundle), and why this person is prosecuted.
    public struct Defendant: Sendable {
        public var parentID: String
        public var basis: [ParentOrCarer.ParentBasis]
        public var evidence: [FileReference]
        public var reasons: String?
        /// Where it is in the case file (`legal_route.defendants[0]`).
        public var casePath: String
    }

    /// Whether the route is a prosecution (section 443 or 444), for which section 447(1) asks that
    /// an Education Supervision Order be considered first.
    public var isProsecution: Bool { section == .s444_1 || section == .s444_1a || section == .s443 }

    /// (Seed 004's "School Attendance Orders will lead to S444 prosecution" is a slip: failing to
    /// comply with a school attendance order (section 437 Education Act 1996) is an offence under
    /// section 443, not section 444: the route `s443`, with the order recorded under the case's
    /// `school_attendance_order`.)
    public enum Section: String, CaseIterable, Sendable, CustomStringConvertible, FixedValue {
        /// Section 444(1) Education Act 1996: the child has not attended regularly.
        case s444_1
        /// Section 444(1A): the parent knew of the failure to attend and did not act.
        case s444_1a
        /// Section 443(1): the parent failed to comply with a school attendance order served on them
        /// (section 437(3)).
        case s443
        /// An Education Supervision Order (section 36 Children Act 1989).
        case educationSupervisionOrder = "education_supervision_order"
        // No `parenting_order`: for non-attendance a parenting order is made on a parent's
        // conviction (section 8(1)(d) Crime and Disorder Act 1998), so it is asked for with a
        // prosecution, never applied for on its own (`readLegalRoute` says what to write).

        /// As a message names it. Documents word the route in their templates
        /// (`partials/legal-route`, `partials/bundle/route`, `partials/bundle/offence`).
        public var description: String {
            switch self {
            case .s444_1: "prosecution under section 444(1)"
            case .s444_1a: "prosecution under section 444(1A)"
            case .s443: "prosecution under section 443"
            case .educationSupervisionOrder: "application for an Education Supervision Order"
            }
        }
    }
}

extension CaseFileReader {
    static func readLegalRoute(_ fields: YAMLFields, parents: [ParentOrCarer]) throws(CaseFileError) -> LegalRoute {
        try refuseParentingOrderRoute(fields)
        var result = LegalRoute(
            section: try fields.fixedValue("section"),
            decidedOn: try fields.date("decided_on"),
            decidedBy: try fields.optionalString("decided_by"),
            firstWarningOn: try fields.optionalDate("first_warning_on"),
            finalWarningOn: try fields.optionalDate("final_warning_on"),
            papersToCourtOn: try fields.optionalDate("papers_to_court_on"))
        result.reasonsAtReferral = try fields.optionalString("reasons")
        if let decision = try fields.optionalFields("decision") {
            result.decision = LegalRoute.Decision(
                on: try decision.date("on"), by: try decision.optionalString("by"),
                educationSupervisionOrder: try decision.optionalString("education_supervision_order"),
                supportFirst: try decision.optionalString("support_first"),
                publicInterest: try decision.optionalString("public_interest"),
                casePath: decision.path)
            try decision.finish()
        }
        result.childrenServicesConsultation = try readChildrenServicesConsultation(fields, section: result.section)
        result.court = try fields.optionalString("court")
        result.hearingOn = try fields.optionalDate("hearing_on")
        result.hearingTime = try fields.optionalTime("hearing_time")
        if result.hearingTime != nil && result.hearingOn == nil {
            throw fields.error("hearing_time", "is given without hearing_on; give the hearing's date too", at: fields.node("hearing_time"))
        }
        result.defendants = try readDefendants(fields, parents: parents)
        if let witness = try fields.optionalFields("school_witness") {
            result.schoolWitness = LegalRoute.Witness(name: try witness.string("name"), role: try witness.string("role"))
            try witness.finish()
        }
        for key in ["signed_statement", "signed_certificate", "signed_school_statement"] {
            guard let file = try fields.optionalFileReference(key) else { continue }
            guard file.url.pathExtension.lowercased() == "pdf" else {
                throw fields.error(key, "is \(file.path), not a PDF; supply the signed copy as a PDF scan", at: fields.node(key))
            }
            switch key {
            case "signed_statement": result.signedStatement = file
            case "signed_certificate": result.signedCertificate = file
            default: result.signedSchoolStatement = file
            }
        }
        if result.signedSchoolStatement != nil && result.schoolWitness == nil {
            throw fields.error("signed_school_statement", "is given without school_witness; name the school's witness (name, role) whose statement it is", at: fields.node("signed_school_statement"))
        }
        if let period = try fields.optionalFields("offence_period") {
            result.offenceFrom = try period.date("from")
            result.offenceTo = try period.date("to")
            try period.finish()
            if let from = result.offenceFrom, let to = result.offenceTo, to < from {
                throw period.error("to", "is \(to.iso), before from (\(from.iso)); the period must run forwards", at: period.node("to"))
            }
        }
        result.parentingOrderRequest = try readParentingOrderRequest(fields, route: result)
        try fields.finish()
        // Each step comes after the ones before it that are recorded.
        let steps: [(key: String, date: CalendarDate?)] = [
            ("decided_on", result.decidedOn), ("first_warning_on", result.firstWarningOn),
            ("decision.on", result.decision?.on), ("final_warning_on", result.finalWarningOn), ("papers_to_court_on", result.papersToCourtOn),
        ]
        // (Written with two plain variables: Swift 6.3's optimiser crashes on an optional tuple here.)
        var latestKey = ""
        var latestDate: CalendarDate?
        for (key, date) in steps {
            guard let date else { continue }
            if let previous = latestDate, date < previous {
                throw fields.error(key, "is \(date.iso), before \(latestKey) (\(previous.iso)); the steps of the legal route run in order", at: fields.node(key))
            }
            latestKey = key
            latestDate = date
        }
        return result
    }

    /// `defendants`: each an entry with `parent` (an id under `parents`), `basis`, `evidence` and
    /// `reasons`, or (an older case file) just the id. Each must be a parent under section 576,
    /// and each basis given must be true of their record under `parents`.
    static func readDefendants(_ fields: YAMLFields, parents: [ParentOrCarer]) throws(CaseFileError) -> [LegalRoute.Defendant] {
        var result: [LegalRoute.Defendant] = []
        for (node, path) in try fields.list("defendants", required: false) {
            var defendant: LegalRoute.Defendant
            var entry: YAMLFields?
            if case .scalar(let scalar) = node, !YAMLFields.isNull(node) {
                defendant = LegalRoute.Defendant(parentID: scalar.string.trimmingCharacters(in: .whitespaces), basis: [], evidence: [], reasons: nil, casePath: path)
            } else {
                let item = try YAMLFields(node, file: fields.file, path: path)
                defendant = LegalRoute.Defendant(parentID: try item.string("parent"), basis: try item.fixedValues("basis"),
                                                 evidence: try item.fileReferences("evidence"), reasons: try item.optionalString("reasons"),
                                                 casePath: path)
                entry = item
            }
            let field = entry == nil ? "defendants" : "parent"
            let place = entry ?? fields
            guard let parent = parents.first(where: { $0.id == defendant.parentID }) else {
                throw place.error(field, "\(entry == nil ? "entry \(result.count + 1) " : "")does not match the id of any parent or carer (ids are set with `id:` under parents)", at: place.node(field) ?? node)
            }
            if !parent.isParent {
                throw place.error(field, "names \(parent.casePath), who is not recorded as a parent under section 576 Education Act 1996 (a natural parent, or someone with parental responsibility or care of the child); if they are one, record natural_parent, parental_responsibility or care_of_child for them under parents", at: place.node(field) ?? node)
            }
            if result.contains(where: { $0.parentID == defendant.parentID }) {
                throw place.error(field, "names \(parent.casePath) a second time; list each defendant once", at: place.node(field) ?? node)
            }
            if let entry {
                for basis in defendant.basis where !parent.basesAsParent.contains(basis) {
                    throw entry.error("basis", "says \(parent.casePath) \(basis), which their record under parents does not (\(parent.basesAsParent.map(\.rawValue).joined(separator: ", "))); correct the basis or their record", at: entry.node("basis"))
                }
                try entry.finish()
            }
            result.append(defendant)
        }
        return result
    }
}
