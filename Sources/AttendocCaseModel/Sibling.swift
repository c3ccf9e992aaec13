import AttendocValues
import AttendocYAML

/// Another pupil in the pupil's household, known by their UPN. Siblings matter to a panel: a referral
/// for several children of one household counts as one referral (seed 000).
public struct Sibling: Sendable {
    public var upn: UniquePupilNumber
    public var name: String?
    /// Their school, when it is not the pupil's.
    public var school: String?
}

extension CaseFileReader {
    static func readSibling(_ fields: YAMLFields) throws(CaseFileError) -> Sibling {
        guard let upn = try fields.optionalUniquePupilNumber("upn") else {
            throw fields.error("upn", "is required but missing (a sibling is known by their UPN)")
        }
        let result = Sibling(
            upn: upn,
            name: try fields.optionalString("name"),
            school: try fields.optionalString("school"))
        try fields.finish()
        return result
    }
}
