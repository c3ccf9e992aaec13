import AttendocValues
import Foundation
import SafeXML

/// The document schema and the stylesheets of every format, compiled once and shared by every
/// document of a run (and by threads: compiled stylesheets are safe to share).
public final class DocumentStylesheets: Sendable {
    public let schema: RelaxNGSchema
    private let stylesheets: [OutputFormat: XSLTStylesheet]

    /// Compiles the schema and the stylesheets of `formats` (each compiled once, in well under a millisecond).
    public init(resources: AttendocResources, formats: [OutputFormat] = OutputFormat.allCases) throws(AttendocError) {
        do {
            schema = try RelaxNGSchema(contentsOf: resources.documentSchema)
        } catch {
            throw AttendocError(.resources, "\(error)", underlying: error)
        }
        var compiled: [OutputFormat: XSLTStylesheet] = [:]
        for format in formats {
            do {
                compiled[format] = try XSLTStylesheet(contentsOf: resources.stylesheets.appendingPathComponent(format.stylesheetName))
            } catch {
                throw AttendocError(.resources, "\(error)", underlying: error)
            }
        }
        stylesheets = compiled
    }

    /// Parses document XML (safely) and validates it against the schema.
    public func checkedDocument(_ xml: Data, source: String) throws(XMLError) -> XMLTree {
        let tree = try XMLTree(data: xml, source: source)
        try schema.validate(tree)
        return tree
    }

    /// The stylesheet's output for `format`: HTML, plain text, or XSL-FO for PDF. DOCX goes through
    /// `DOCXPackage`, which makes every package part in one run (`transformIntoDocuments`).
    public func transform(_ tree: XMLTree, to format: OutputFormat, parameters: [String: String] = [:]) throws(XMLError) -> Data {
        try stylesheet(format).transform(tree, parameters: parameters)
    }

    /// The documents of the stylesheet's output for `format`, each named by its `path` (DOCX: the
    /// package's parts, in the order they are zipped).
    func transformIntoDocuments(_ tree: XMLTree, to format: OutputFormat,
                                parameters: [String: String]) throws(XMLError) -> [(name: String, bytes: Data)] {
        try stylesheet(format).transformIntoDocuments(tree, parameters: parameters, namedBy: "path")
    }

    private func stylesheet(_ format: OutputFormat) throws(XMLError) -> XSLTStylesheet {
        guard let stylesheet = stylesheets[format] else {
            throw XMLError(.transformFailed, problems: [XMLProblem(file: format.stylesheetName, message: "was not loaded for this run")])
        }
        return stylesheet
    }
}
