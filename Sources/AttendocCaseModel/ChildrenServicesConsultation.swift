import AttendocValues
import AttendocYAML

/// The consultation section 36(8) of the Children Act 1989 requires before a local authority
/// applies for an Education Supervision Order: the authority consults the appropriate local
/// authority's children's services (section 36(9): the authority looking after the child, where
/// one accommodates the child, otherwise the authority where the child lives or will live). The
/// case records when, with whom, and what they said; an application without it is not ready
/// (`attendoc check`), and its bundle is never final.
public struct ChildrenServicesConsultation: Sendable {
    /// The day children's services were consulted.
    public var on: CalendarDate
    /// Who was consulted, in the officer's words (`Sam Okafor, team manager, Northshire
    /// Children's Services`).
    public var with: String
    /// What children's services said, in their words, when recorded.
    public var response: String?
    /// The local authority whose children's services were consulted, in words (`Northshire
    /// County Council`): section 36(9)'s appropriate local authority, the one providing the
    /// child with accommodation, else the one where the child lives or will live.
    public var authority: String? = nil
    /// Whether the child is in the care of a local authority, as children's services said:
    /// section 36(6) Children Act 1989 forbids an Education Supervision Order for such a child.
    /// Nil: not recorded (`attendoc check` asks for it).
    public var childInCare: Bool? = nil
    /// Where it is in the case file (`legal_route.children_services_consultation`).
    public var casePath: String

    public init(on: CalendarDate, with: String, response: String?, authority: String? = nil, childInCare: Bool? = nil,
                casePath: String) {
        self.on = on
        self.with = with
        self.response = response
        self.authority = authority
        self.childInCare = childInCare
        self.casePath = casePath
    }
}

extension CaseFileReader {
    /// `legal_route.children_services_consultation`: `on` and `with` (required), `response`,
    /// `authority` and `child_in_care` (optional; `attendoc check` asks for the last two). Only an Education Supervision Order is applied for after one.
    static func readChildrenServicesConsultation(_ fields: YAMLFields, section: LegalRoute.Section) throws(CaseFileError) -> ChildrenServicesConsultation? {
        guard let consultation = try fields.optionalFields("children_services_consultation") else { return nil }
        guard section == .educationSupervisionOrder else {
            throw fields.error("children_services_consultation", "is recorded for a \(section); the consultation of section 36(8) Children Act 1989 comes before an application for an Education Supervision Order, so record it only with section: education_supervision_order", at: fields.node("children_services_consultation"))
        }
        let result = ChildrenServicesConsultation(on: try consultation.date("on"), with: try consultation.string("with"),
                                                  response: try consultation.optionalString("response"),
                                                  authority: try consultation.optionalString("authority"),
                                                  childInCare: try consultation.optionalBool("child_in_care"), casePath: consultation.path)
        try consultation.finish()
        return result
    }
}

extension CaseFileReader {
    /// An older case file's `section: parenting_order`, read as it was meant and refused with what
    /// to write instead: for non-attendance a parenting order is made when a parent is convicted
    /// (section 8(1)(d) Crime and Disorder Act 1998), so it is asked for with the prosecution.
    static func refuseParentingOrderRoute(_ fields: YAMLFields) throws(CaseFileError) {
        guard let node = fields.node("section"), case .scalar(let scalar) = node,
              scalar.string.trimmingCharacters(in: .whitespacesAndNewlines) == "parenting_order" else { return }
        throw fields.error("section", "is parenting_order, which is not a route of its own: for non-attendance a parenting order is made when a parent is convicted (section 8(1)(d) Crime and Disorder Act 1998), so the court is asked for it with the prosecution; write section: s444_1 (or s444_1a) and record the request under legal_route.parenting_order_request (docs/case-file.md)", at: node)
    }
}
