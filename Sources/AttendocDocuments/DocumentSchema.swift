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

    /// Checks what the template `templateName` made (`source` names it in the error; by default
    /// the template's file): a document the schema refuses is the template's fault, said so.
    public func checkTemplateOutput(_ xml: Data, templateName: String, source: String? = nil) throws(AttendocError) {
        do {
            _ = try checkedDocument(xml, source: source ?? "templates/\(templateName).mustache")
        } catch {
            throw AttendocError(while: "the template \(templateName).mustache made a document that Attendoc cannot use", error, kind: .template)
        }
    }
}
