import AttendocValues
import AttendocYAML

public struct School: Sendable {
    public var name: String
    public var address: PostalAddress
    public var headTeacher: String
    /// The Unique Reference Number from Get Information about Schools: 6 digits.
    public var urn: String? = nil
    /// The DfE local authority number: 3 digits (`878`).
    public var laNumber: String? = nil
    /// The DfE establishment number within the local authority: 4 digits (`4012`).
    public var establishmentNumber: String? = nil
    /// The school office's telephone and email, printed on letters the school sends.
    public var phone: String? = nil
    public var email: String? = nil

    /// The DfE number as schools write it, `878/4012`, when both parts are recorded.
    public var dfeNumber: String? {
        guard let laNumber, let establishmentNumber else { return nil }
        return "\(laNumber)/\(establishmentNumber)"
    }
}

extension CaseFileReader {
    static func readSchool(_ fields: YAMLFields) throws(CaseFileError) -> School {
        var result = School(
            name: try fields.string("name"),
            address: try address(fields.fields("address")),
            headTeacher: try fields.string("head_teacher"))
        result.urn = try fields.optionalDigits("urn", count: 6)
        result.laNumber = try fields.optionalDigits("la_number", count: 3)
        result.establishmentNumber = try fields.optionalDigits("establishment_number", count: 4)
        result.phone = try fields.optionalString("phone")
        result.email = try fields.optionalString("email")
        try fields.finish()
        return result
    }
}
