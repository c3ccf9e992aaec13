import AttendocValues
import AttendocYAML

/// Who holds the attendance panel, as its documents' letterhead and signature show it, and how a
/// referrer joins their slot (a policy's `panel: host:` section, docs/panel.md).
public struct PanelHost: Sendable, Equatable {
    public var organisation: String
    public var department: String?
    public var address: PostalAddress
    public var phone: String?
    public var email: String?
    /// The clerk who signs the panel's letters.
    public var clerkName: String
    public var clerkRole: String
    /// How a referrer joins (a video call, a room), printed in the slot letter.
    public var joining: String
    /// The agencies on the panel, named on the consent form and the agenda.
    public var agencies: [String]

    static func read(_ fields: YAMLFields) throws(CaseFileError) -> PanelHost {
        let address = try fields.fields("address")
        let lines = try address.strings("lines")
        if lines.isEmpty { throw address.error("lines", "must have at least one line") }
        let postal = PostalAddress(lines: lines, postcode: try address.string("postcode"))
        try address.finish()
        let clerk = try fields.fields("clerk")
        let host = PanelHost(
            organisation: try fields.string("organisation"), department: try fields.optionalString("department"),
            address: postal, phone: try fields.optionalString("phone"), email: try fields.optionalString("email"),
            clerkName: try clerk.string("name"), clerkRole: try clerk.string("role"),
            joining: try fields.string("joining"), agencies: try fields.strings("agencies"))
        try clerk.finish()
        if host.agencies.isEmpty { throw fields.error("agencies", "must name at least one agency") }
        if host.phone == nil && host.email == nil {
            throw fields.error("email", "is missing, and so is phone: a parent must be able to reach the panel's clerk (to withdraw consent)")
        }
        try fields.finish()
        return host
    }
}
