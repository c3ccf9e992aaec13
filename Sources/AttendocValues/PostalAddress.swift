

/// A postal address as a letter prints it: its lines, then the postcode.
public struct PostalAddress: Sendable, Equatable {
    public var lines: [String]
    public var postcode: String

    public init(lines: [String], postcode: String) {
        self.lines = lines
        self.postcode = postcode
    }
}
