import CLibXSLT
import Foundation

/// A compiled RELAX NG schema that documents are validated against before they are rendered.
public final class RelaxNGSchema: @unchecked Sendable {
    private let pointer: xmlRelaxNGPtr
    /// libxml2 does not promise that one schema may validate on two threads at once.
    private let lock = NSLock()
    public let source: String

    public init(contentsOf url: URL) throws(XMLError) {
        LibraryState.ensureReady()
        let source = url.path
        // The schema is the project's own file; it still goes through the safe parser first, so a
        // DOCTYPE or a broken file is reported with its line.
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw XMLError(.schemaUnreadable, problems: [XMLProblem(file: source, message: "cannot be read: \(error.localizedDescription)")])
        }
        let document: xmlDocPtr
        do {
            document = try XMLTree.parseDocument(data, source: source, options: [])
        } catch {
            throw XMLError(.schemaUnreadable, problems: error.problems)
        }
        let collector = ProblemCollector(source: source)
        let compiled: xmlRelaxNGPtr? = collector.collecting {
            // The parser context takes ownership of the document.
            guard let parser = xmlRelaxNGNewDocParserCtxt(document) else { return nil }
            defer { xmlRelaxNGFreeParserCtxt(parser) }
            return collector.withUserData { userData in
                xmlRelaxNGSetParserStructuredErrors(parser, ProblemCollector.handler, userData)
                return xmlRelaxNGParse(parser)
            }
        }
        xmlFreeDoc(document)
        guard let compiled, collector.problems.isEmpty else {
            if let compiled { xmlRelaxNGFree(compiled) }
            let problems = collector.problems.isEmpty ? [XMLProblem(file: source, message: "is not a RELAX NG schema")] : collector.problems
            throw XMLError(.schemaUnreadable, problems: problems)
        }
        self.pointer = compiled
        self.source = source
    }

    deinit {
        xmlRelaxNGFree(pointer)
    }

    /// Throws `.invalid` with every problem (file, line and message) when `tree` does not match.
    public func validate(_ tree: XMLTree) throws(XMLError) {
        let collector = ProblemCollector(source: tree.source)
        let outcome: Int32 = lock.withLock {
            collector.collecting {
                guard let context = xmlRelaxNGNewValidCtxt(pointer) else { return -1 }
                defer { xmlRelaxNGFreeValidCtxt(context) }
                return collector.withUserData { userData in
                    xmlRelaxNGSetValidStructuredErrors(context, ProblemCollector.handler, userData)
                    return xmlRelaxNGValidateDoc(context, tree.pointer)
                }
            }
        }
        guard outcome == 0 else {
            let problems = collector.problems.isEmpty
                ? [XMLProblem(file: tree.source, message: "does not match \(source)")] : collector.problems
            throw XMLError(.invalid, problems: problems)
        }
    }
}
