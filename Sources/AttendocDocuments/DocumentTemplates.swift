import AttendocValues
import Foundation
import Mustache

/// The Mustache templates in `templates/`, loaded once. A template turns a case's values into
/// document XML; partials live in `templates/partials/`.
public struct DocumentTemplates: Sendable {
    private let library: MustacheLibrary
    private let factCheck: TemplateFactCheck
    public let folder: URL

    public init(folder: URL) throws(AttendocError) {
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        let files: [String]
        do {
            files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }.sorted()
        } catch {
            throw AttendocError(.template, "cannot read the templates folder \(folder.path): \(error.localizedDescription)")
        }
        for file in files {
            let path = folder.appendingPathComponent(file).path
            do {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                let name = String(file.dropLast(".mustache".count))
                try library.register(text, named: name)
                sources[name] = text
            } catch let error as MustacheTemplate.ParserError {
                throw AttendocError(.template, "\(path):\(error.context.lineNumber):\(error.context.columnNumber): template error: \(error.error)")
            } catch {
                throw AttendocError(.template, "\(path): cannot be read: \(error.localizedDescription)")
            }
        }
        self.library = library
        self.factCheck = TemplateFactCheck(sources: sources)
        self.folder = folder
    }

    /// The document XML `kind`'s template makes from `values`. Every value the template prints must
    /// be in `values` (`TemplateFactCheck`); a missing one is an error naming template, line and key.
    func render(_ kind: DocumentKind, with values: [String: Any]) throws(AttendocError) -> Data {
        try render(kind.templateName, with: values)
    }

    public func render(_ templateName: String, with values: [String: Any]) throws(AttendocError) -> Data {
        do {
            try factCheck.check(templateName, with: values)
        } catch {
            throw AttendocError(.template, "\(folder.appendingPathComponent(error.template + ".mustache").path):\(error.line): \(error.message)")
        }
        guard let text = library.render(values, withTemplate: templateName) else {
            throw AttendocError(.template, "there is no template \(folder.appendingPathComponent(templateName + ".mustache").path)")
        }
        // The template's leading comment leaves blank lines; the XML declaration must come first.
        let start = text.firstIndex { !$0.isWhitespace } ?? text.endIndex
        return Data(text[start...].utf8)
    }
}
