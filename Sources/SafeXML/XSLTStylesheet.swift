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
        try apply(to: tree, parameters: parameters) { output in self.serialise(output) }
    }

    /// Applies the stylesheet to `tree` when its result is a package of documents: a root element
    /// whose child elements each hold one document's root element and name it by their attribute
    /// `attribute` (DOCX: `<parts><part path="word/document.xml"><w:document .../></part>...`).
    /// Returns each document, in the result's order, serialised as `xsl:output` describes, byte
    /// for byte as a run that made that document alone would have written it.
    public func transformIntoDocuments(_ tree: XMLTree, parameters: [String: String] = [:],
                                       namedBy attribute: String) throws(XMLError) -> [(name: String, bytes: Data)] {
        try apply(to: tree, parameters: parameters) { output -> Result<[(name: String, bytes: Data)], XMLError> in
            var documents: [(name: String, bytes: Data)] = []
            var holder = xmlDocGetRootElement(output)?.pointee.children
            while let element = holder {
                holder = element.pointee.next
                guard element.pointee.type == XML_ELEMENT_NODE else { continue }
                let name = attribute.withCString { xmlGetProp(element, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
                guard let name else {
                    return .failure(XMLError(.transformFailed, problems: [XMLProblem(file: source, message: "a document of the result has no \(attribute)")]))
                }
                defer { free(name) }
                var root = element.pointee.children
                while let node = root, node.pointee.type != XML_ELEMENT_NODE { root = node.pointee.next }
                guard let root, let document = xmlNewDoc(output.pointee.version) else {
                    return .failure(XMLError(.transformFailed, problems: [XMLProblem(file: source, message: "the result's document \(String(cString: name)) is empty")]))
                }
                defer { xmlFreeDoc(document) }
                // The result's encoding too: without it the serialiser escapes every non-ASCII
                // character (a bullet becomes &#x2022;).
                if let encoding = output.pointee.encoding { document.pointee.encoding = UnsafePointer(xmlStrdup(encoding)) }
                // A deep copy into a document of its own: namespaces declared on the root and below
                // come with it (the xml: prefix from the new document), so nothing points back.
                guard let copy = xmlDocCopyNode(root, document, 1) else {
                    return .failure(XMLError(.transformFailed, problems: [XMLProblem(file: source, message: "the result's document \(String(cString: name)) could not be copied")]))
                }
                xmlDocSetRootElement(document, copy)
                switch serialise(document) {
                case .success(let bytes): documents.append((String(cString: name), bytes))
                case .failure(let error): return .failure(error)
                }
            }
            return .success(documents)
        }
    }

    /// The result document serialised by libxslt as the stylesheet's `xsl:output` describes it.
    private func serialise(_ output: xmlDocPtr) -> Result<Data, XMLError> {
        var bytes: UnsafeMutablePointer<xmlChar>?
        var length: Int32 = 0
        guard xsltSaveResultToString(&bytes, &length, output, pointer) == 0 else {
            return .failure(XMLError(.transformFailed, problems: [XMLProblem(file: source, message: "the result could not be serialised")]))
        }
        guard let bytes else { return .success(Data()) }
        defer { free(bytes) }
        return .success(Data(bytes: bytes, count: Int(length)))
    }

    /// Runs the transform under the security preferences, with `parameters`, and hands the result
    /// document to `body` (which must not keep it); errors collected on the way are reported.
    private func apply<Value>(to tree: XMLTree, parameters: [String: String],
                              _ body: (xmlDocPtr) -> Result<Value, XMLError>) throws(XMLError) -> Value {
        LibraryState.ensureReady()
        let (result, text) = capturingGenericErrors { () -> Result<Value, XMLError> in
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
            return body(output)
        }
        switch result {
        case .success(let value):
            return value
        case .failure(let error):
            var problems = error.problems + text.problems(in: source)
            if problems.isEmpty { problems = [XMLProblem(file: source, message: "failed without a message")] }
            throw XMLError(error.kind, problems: problems)
        }
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
