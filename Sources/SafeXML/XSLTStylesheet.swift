import CLibXSLT
import CLibXSLTErrorCapture
import Foundation

/// A compiled XSLT 1.0 stylesheet (with EXSLT). Compile once, apply many times, from any number of
/// threads at once: each transform gets its own context.
///
/// Every transform runs under the security preferences of `LibraryState`: writing files, creating
/// directories and any network access are refused, and the refusal is an error.
public final class XSLTStylesheet: @unchecked Sendable {
    // Read-only after compilation; libxslt allows concurrent transforms with one stylesheet.
    private let pointer: xsltStylesheetPtr
    /// The stylesheet's file, used in error messages.
    public let source: String

    public convenience init(contentsOf url: URL) throws(XMLError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw XMLError(.stylesheetUnreadable, problems: [XMLProblem(file: url.path, message: "cannot be read: \(error.localizedDescription)")])
        }
        try self.init(data: data, source: url.path)
    }

    /// Compiles a stylesheet held in memory; `source` is its path (relative imports resolve against it).
    public init(data: Data, source: String) throws(XMLError) {
        let document = try XMLTree.parseDocument(data, source: source, options: [XML_PARSE_NOCDATA])
        let (compiled, text) = capturingGenericErrors { xsltParseStylesheetDoc(document) }
        guard let compiled, compiled.pointee.errors == 0 else {
            // On failure libxslt leaves the document to us.
            if let compiled {
                compiled.pointee.doc = nil
                xsltFreeStylesheet(compiled)
            }
            xmlFreeDoc(document)
            var problems = text.problems(in: source)
            if problems.isEmpty { problems = [XMLProblem(file: source, message: "is not a valid XSLT stylesheet")] }
            throw XMLError(.stylesheetUnreadable, problems: problems)
        }
        self.pointer = compiled
        self.source = source
    }

    deinit {
        xsltFreeStylesheet(pointer)
    }

    /// Applies the stylesheet to `tree` and returns the serialised result as `xsl:output` describes it.
    ///
    /// `parameters` are passed as literal strings (a value may hold both `'` and `"`).
    public func transform(_ tree: XMLTree, parameters: [String: String] = [:]) throws(XMLError) -> Data {
        LibraryState.ensureReady()
        let outcome: Result<Data, XMLError>
        let (result, text) = capturingGenericErrors { () -> Result<Data, XMLError> in
            guard let context = xsltNewTransformContext(pointer, tree.pointer) else {
                return .failure(XMLError(.transformFailed, problems: [XMLProblem(file: source, message: "could not create a transform context")]))
            }
            defer { xsltFreeTransformContext(context) }
            attendoc_capture_transform(UnsafeMutableRawPointer(context))
            guard xsltSetCtxtSecurityPrefs(LibraryState.securityPreferences, context) == 0 else {
                return .failure(XMLError(.transformFailed, problems: [XMLProblem(file: source, message: "could not apply security preferences")]))
            }
            if !parameters.isEmpty, !Self.quote(parameters, into: context) {
                return .failure(XMLError(.transformFailed, problems: [XMLProblem(file: source, message: "could not set the stylesheet parameters")]))
            }
            let output = xsltApplyStylesheetUser(pointer, tree.pointer, nil, nil, nil, context)
            defer { if let output { xmlFreeDoc(output) } }
            let state = context.pointee.state
            guard let output, state == XSLT_STATE_OK else {
                let kind: XMLError.Kind = state == XSLT_STATE_STOPPED ? .stoppedByStylesheet : .transformFailed
                return .failure(XMLError(kind, problems: []))
            }
            var bytes: UnsafeMutablePointer<xmlChar>?
            var length: Int32 = 0
            guard xsltSaveResultToString(&bytes, &length, output, pointer) == 0 else {
                return .failure(XMLError(.transformFailed, problems: [XMLProblem(file: source, message: "the result could not be serialised")]))
            }
            guard let bytes else { return .success(Data()) }
            defer { free(bytes) }
            return .success(Data(bytes: bytes, count: Int(length)))
        }
        switch result {
        case .success(let data):
            outcome = .success(data)
        case .failure(let error):
            var problems = error.problems + text.problems(in: source)
            if problems.isEmpty { problems = [XMLProblem(file: source, message: "failed without a message")] }
            outcome = .failure(XMLError(error.kind, problems: problems))
        }
        return try outcome.get()
    }

    /// Passes each parameter to libxslt as a literal string (xsltQuoteUserParams), not as XPath.
    private static func quote(_ parameters: [String: String], into context: xsltTransformContextPtr) -> Bool {
        var strings: [UnsafePointer<CChar>?] = []
        for (name, value) in parameters.sorted(by: { $0.key < $1.key }) {
            strings.append(UnsafePointer(strdup(name)))
            strings.append(UnsafePointer(strdup(value)))
        }
        strings.append(nil)
        defer { for string in strings { free(UnsafeMutablePointer(mutating: string)) } }
        return strings.withUnsafeMutableBufferPointer { buffer in
            xsltQuoteUserParams(context, buffer.baseAddress) == 0
        }
    }
}
