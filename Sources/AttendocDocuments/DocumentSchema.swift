import AttendocValues
import Foundation
import SafeXML

/// The document vocabulary's schema (`schema/document.rng`), compiled once: every document a
/// template makes is checked against it before anything is written.
public final class DocumentSchema: Sendable {
    public let schema: RelaxNGSchema

    public init(resources: AttendocResources) throws(AttendocError) {
        do {
            schema = try RelaxNGSchema(contentsOf: resources.documentSchema)
        } catch {
            throw AttendocError(.resources, "\(error)", underlying: error)
        }
    }

    /// Parses document XML (safely) and validates it against the schema.
    public func checkedDocument(_ xml: Data, source: String) throws(XMLError) -> XMLTree {
        let tree = try XMLTree(data: xml, source: source)
        try schema.validate(tree)
        return tree
    }
}
