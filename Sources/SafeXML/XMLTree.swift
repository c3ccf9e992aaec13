import CLibXSLT
import Foundation

/// A parsed XML document, owned by Swift and freed with it.
///
/// Parsing is safe for untrusted input: no network, no external entities, no DTD loading, and any
/// input with a DOCTYPE is refused outright (so no entity, internal or external, is ever declared).
/// A tree is not `Sendable`: a transform may touch its source, so each thread parses its own.
public final class XMLTree {
    let pointer: xmlDocPtr
    /// The file or name the tree was parsed from, used in error messages.
    public let source: String

    init(taking pointer: xmlDocPtr, source: String) {
        self.pointer = pointer
        self.source = source
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    /// Parses XML held in memory. `source` names it in error messages (a file path or a description).
    public convenience init(data: Data, source: String) throws(XMLError) {
        let document = try Self.parseDocument(data, source: source, options: [])
        self.init(taking: document, source: source)
    }

    /// Parses an XML file.
    public convenience init(contentsOf url: URL) throws(XMLError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw XMLError(.malformed, problems: [XMLProblem(file: url.path, message: "cannot be read: \(error.localizedDescription)")])
        }
        try self.init(data: data, source: url.path)
    }

    /// The root element's local name and namespace URI.
    public var rootElement: (name: String, namespace: String?)? {
        guard let root = xmlDocGetRootElement(pointer) else { return nil }
        let name = String(cString: root.pointee.name)
        let namespace = root.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
        return (name, namespace)
    }

    /// The document serialised as UTF-8 XML with a declaration.
    public func serialized() -> Data {
        var memory: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpMemoryEnc(pointer, &memory, &size, "UTF-8")
        guard let memory else { return Data() }
        defer { free(memory) }
        return Data(bytes: memory, count: Int(size))
    }

    /// The parser options used for every input: never the network, never entity substitution or
    /// DTD loading (those are simply not requested).
    static let safeOptions = Int32(XML_PARSE_NONET.rawValue)

    /// Parses `data` into a raw document the caller owns, or throws with every problem found.
    static func parseDocument(_ data: Data, source: String, options extra: [xmlParserOption]) throws(XMLError) -> xmlDocPtr {
        LibraryState.ensureReady()
        guard data.count < Int(Int32.max) else {
            throw XMLError(.malformed, problems: [XMLProblem(file: source, message: "is too large to parse (\(data.count) bytes)")])
        }
        let options = extra.reduce(safeOptions) { $0 | Int32($1.rawValue) }
        let collector = ProblemCollector(source: source)
        let document: xmlDocPtr? = collector.collecting {
            data.withUnsafeBytes { buffer in
                xmlReadMemory(
                    buffer.baseAddress?.assumingMemoryBound(to: CChar.self),
                    Int32(buffer.count), source, nil, options)
            }
        }
        guard let document, collector.problems.isEmpty else {
            if let document { xmlFreeDoc(document) }
            let problems = collector.problems.isEmpty
                ? [XMLProblem(file: source, message: "could not be parsed")] : collector.problems
            throw XMLError(.malformed, problems: problems)
        }
        if document.pointee.intSubset != nil {
            xmlFreeDoc(document)
            let (line, column) = Self.position(of: "<!DOCTYPE", in: data)
            throw XMLError(.doctypeRefused, problems: [XMLProblem(
                file: source, line: line, column: column,
                message: "DOCTYPE declarations are refused: remove the DOCTYPE and any entity declarations")])
        }
        return document
    }

    /// 1-based line and column of the first occurrence of `marker` in `data`.
    private static func position(of marker: String, in data: Data) -> (Int?, Int?) {
        guard let range = data.range(of: Data(marker.utf8)) else { return (nil, nil) }
        let before = data[data.startIndex..<range.lowerBound]
        let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let lastNewline = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? data.startIndex
        let column = String(decoding: data[lastNewline..<range.lowerBound], as: UTF8.self).count + 1
        return (line, column)
    }
}
