import AttendocValues
import AttendocYAML

/// The limits a request for a parenting order must keep to (the policy's `parenting_orders:`,
/// docs/policies.md): section 8(4) Crime and Disorder Act 1998 limits the requirements to a period
/// not exceeding twelve months and the counselling or guidance programme to a concurrent period
/// not exceeding three months. The numbers are the policy's, with the source it names.
public struct ParentingOrderRules: Sendable, Equatable {
    /// The longest period of the requirements, in months.
    public var requirementsMonths: Int
    /// The longest period of the counselling or guidance programme, in months.
    public var programmeMonths: Int

    public init(requirementsMonths: Int, programmeMonths: Int) {
        self.requirementsMonths = requirementsMonths
        self.programmeMonths = programmeMonths
    }

    static func read(_ section: YAMLFields) throws(CaseFileError) -> ParentingOrderRules {
        let rules = ParentingOrderRules(requirementsMonths: try section.int("requirements_months_max", in: 1...120),
                                        programmeMonths: try section.int("programme_months_max", in: 1...120))
        _ = try section.optionalString("source")
        try section.finish()
        return rules
    }
}
