import AttendocValues
import AttendocYAML

/// The prosecutor's request that the court make a parenting order if a parent is convicted
/// (section 8(1)(d) Crime and Disorder Act 1998: an offence under section 443 or 444 of the
/// Education Act 1996). It is not an application of its own: it goes with the prosecution, and
/// the court may make the order where it would be desirable in the interests of preventing a
/// further offence (section 8(6)). What the order would require (section 8(4)): the parent's
/// requirements, for the period the request gives (not more than twelve months, the policy's
/// limit), and a counselling or guidance programme directed by the responsible officer. Before
/// making it where the child is under 16, the court obtains information about the family's
/// circumstances and the likely effect of the order (section 9(2)): the request says what the
/// record holds.
public struct ParentingOrderRequest: Sendable {
    /// The defendants (ids under `parents`) for whom the order is asked.
    public var parentIDs: [String]
    /// What the order would require the parent to do, each in the officer's words.
    public var requirements: [String]
    /// The period of the requirements, in months.
    public var months: Int
    /// The counselling or guidance programme the parent would attend (section 8(4)(b)), and for
    /// how many months; absent when a parenting order was made before (section 8(5)).
    public var programme: String?
    public var programmeMonths: Int?
    /// Who would be the responsible officer (section 8(8)), when nominated.
    public var responsibleOfficer: String?
    /// Why the order would help prevent a further offence (section 8(6)), in the officer's words.
    public var reasons: String?
    /// The family's circumstances and the order's likely effect on them (section 9(2)).
    public var familyCircumstances: String?
    /// Where it is in the case file (`legal_route.parenting_order_request`).
    public var casePath: String
}

extension CaseFileReader {
    /// `legal_route.parenting_order_request`, only with a prosecution (`section: s444_1` or
    /// `s444_1a`); each parent named must be a defendant.
    static func readParentingOrderRequest(_ fields: YAMLFields, route: LegalRoute) throws(CaseFileError) -> ParentingOrderRequest? {
        guard let request = try fields.optionalFields("parenting_order_request") else { return nil }
        guard route.isProsecution else {
            throw fields.error("parenting_order_request", "is recorded for an \(route.section); a parenting order for non-attendance is asked for with a prosecution (section 8(1)(d) Crime and Disorder Act 1998), so record it only with section: s444_1, s444_1a or s443", at: fields.node("parenting_order_request"))
        }
        let parents = try request.strings("parents")
        for id in parents where !route.defendantIDs.contains(id) {
            throw request.error("parents", "names \(id), who is not one of legal_route.defendants; the order can only be made on a parent's conviction, so name defendants (\(route.defendantIDs.joined(separator: ", ")))", at: request.node("parents"))
        }
        guard let months = try request.optionalInt("months", in: 1...120) else {
            throw request.error("months", "is required but missing: the period of the requirements, in months")
        }
        let result = ParentingOrderRequest(
            parentIDs: parents, requirements: try request.strings("requirements"), months: months,
            programme: try request.optionalString("programme"), programmeMonths: try request.optionalInt("programme_months", in: 1...120),
            responsibleOfficer: try request.optionalString("responsible_officer"), reasons: try request.optionalString("reasons"),
            familyCircumstances: try request.optionalString("family_circumstances"), casePath: request.path)
        if result.programmeMonths != nil && result.programme == nil {
            throw request.error("programme_months", "is given without programme; name the counselling or guidance programme too", at: request.node("programme_months"))
        }
        try request.finish()
        return result
    }
}
