// libyaml as Yams builds and links it. Yams dereferences every alias while composing and hashes
// mapping keys to find duplicates, so an alias bomb used as a key takes exponential time inside
// `Yams.compose` before any of our code sees a node. The check below reads the parser's events
// first, in one pass, and refuses such files before Yams composes them.
internal import CYaml

/// Bounds YAML aliases before a document is composed: an alias inside a mapping key is refused,
/// and so is a document whose aliases together stand for more than `expansionLimit` nodes.
/// One pass over the parser's events, so the time taken is proportional to the file's length.
/// Syntax errors are left for Yams to report (the check stops at the first one).
enum YAMLAliasCheck {
    /// Nodes that aliases may stand for in one document, counting each alias as the size of what
    /// it names. Case files and policies use no aliases; this leaves room for a few small ones.
    static let expansionLimit = 10_000

    private struct Frame {
        let isMapping: Bool
        /// This container is a mapping key or lies inside one.
        let withinKey: Bool
        let anchor: String?
        var size = 1
        var expectingKey = true
    }

    static func check(_ text: String, file: String) throws(CaseFileError) {
        var bytes = Array(text.utf8)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        try bytes.withUnsafeMutableBufferPointer { (buffer) throws(CaseFileError) in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            try walk(&parser, file: file)
        }
    }

    private static func walk(_ parser: inout yaml_parser_t, file: String) throws(CaseFileError) {
        var stack: [Frame] = []
        var sizes: [String: Int] = [:]
        var expanded = 0

        /// Whether the next node sits in a mapping key (directly or within one).
        func nextIsKey() -> Bool {
            guard let top = stack.last else { return false }
            return top.withinKey || (top.isMapping && top.expectingKey)
        }
        /// A finished node of `size` nodes, added to its container.
        func finished(size: Int, anchor: String?) {
            if let anchor { sizes[anchor] = size }
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].size = min(stack[stack.count - 1].size + size, expansionLimit + 1)
            if stack[stack.count - 1].isMapping { stack[stack.count - 1].expectingKey.toggle() }
        }

        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            let column = Int(event.start_mark.column) + 1
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return
            case YAML_DOCUMENT_START_EVENT:
                sizes = [:]
                expanded = 0
                stack = []
            case YAML_ALIAS_EVENT:
                if nextIsKey() {
                    throw CaseFileError(file: file, line: line, column: column, field: "",
                                        message: "uses an alias (*name) as a mapping key, which is not allowed; write the key out in full")
                }
                let size = anchorName(event.data.alias.anchor).flatMap { sizes[$0] } ?? 1
                expanded += size
                if expanded > expansionLimit {
                    throw CaseFileError(file: file, line: line, column: column, field: "",
                                        message: "uses aliases (*name) that stand for more than \(expansionLimit) values in all; write the values out instead")
                }
                finished(size: size, anchor: nil)
            case YAML_SCALAR_EVENT:
                finished(size: 1, anchor: anchorName(event.data.scalar.anchor))
            case YAML_SEQUENCE_START_EVENT:
                stack.append(Frame(isMapping: false, withinKey: nextIsKey(), anchor: anchorName(event.data.sequence_start.anchor)))
            case YAML_MAPPING_START_EVENT:
                stack.append(Frame(isMapping: true, withinKey: nextIsKey(), anchor: anchorName(event.data.mapping_start.anchor)))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { return }
                finished(size: frame.size, anchor: frame.anchor)
            default:
                break
            }
        }
    }

    private static func anchorName(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }
}
