import Foundation
import Mustache

/// The Mustache templates in `templates/`, loaded once. A template turns a case's values into
/// document XML; partials live in `templates/partials/`.
public struct DocumentTemplates: Sendable {
    private let library: MustacheLibrary
    public let folder: URL

    public init(folder: URL) throws(AttendocError) {
        var library = MustacheLibrary()
        let files: [String]
        do {
            files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }.sorted()
        } catch {
            throw AttendocError("cannot read the templates folder \(folder.path): \(error.localizedDescription)")
        }
        for file in files {
            let path = folder.appendingPathComponent(file).path
            do {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                try library.register(text, named: String(file.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                throw AttendocError("\(path):\(error.context.lineNumber):\(error.context.columnNumber): template error: \(error.error)")
            } catch {
                throw AttendocError("\(path): cannot be read: \(error.localizedDescription)")
            }
        }
        self.library = library
        self.folder = folder
    }

    /// The document XML `kind`'s template makes from `values`.
    func render(_ kind: DocumentKind, with values: [String: Any]) throws(AttendocError) -> Data {
        guard library.getTemplate(named: kind.templateName) != nil,
              let text = library.render(values, withTemplate: kind.templateName) else {
            throw AttendocError("there is no template \(folder.appendingPathComponent(kind.templateName + ".mustache").path) for the document kind \(kind.rawValue)")
        }
        // The template's leading comment leaves blank lines; the XML declaration must come first.
        let start = text.firstIndex { !$0.isWhitespace } ?? text.endIndex
        return Data(text[start...].utf8)
    }
}
