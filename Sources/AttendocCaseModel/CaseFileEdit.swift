import AttendocYAML
import Foundation
import Yams

/// A change to a case file's YAML made field by field, as a form makes it: each value is set at its
/// path (`pupil.forename`, `parents[1].address.lines`), a value left empty takes the field out, and
/// everything the change does not name is kept as it was (other sections, fields a form does not
/// show). The result is YAML text for the case file reader to read and check; this type checks
/// nothing itself.
///
/// The earlier text is kept where the change does not reach: each top-level section the change
/// leaves as it was is written back exactly as it was written (its comments, quotes and layout),
/// in its place, with the comment lines above it; a section that changed is written afresh in its
/// place (the comment lines above it kept, those inside it not), and a new one at the end.
public struct CaseFileEdit {
    /// A value to write at a path.
    public enum Value: Sendable, Equatable {
        /// Text, written quoted so that it stays text (`"yes"`, `"0800"`, `"15:30"`).
        case text(String)
        /// A date, a whole number or yes/no, written as typed, for the reader to check.
        case plain(String)
        /// A list of text items (address lines, needs), one per entry.
        case list([String])
        /// One text item, or a list when there are several (a parent's phone numbers).
        case oneOrMore([String])
    }

    /// One step of a path: a field of a mapping or an item of a list.
    public enum Step: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    private var root: Node
    /// The earlier text's top-level sections as written, when it was a block mapping whose keys
    /// start their lines; nil for a new case (or text laid out otherwise, written afresh).
    private var written: WrittenSections?

    /// The case file `yaml` (nil or empty for a new case) to change.
    public init(yaml: String?) throws(CaseFileError) {
        guard let yaml, !yaml.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            root = .mapping(Node.Mapping([]))
            written = nil
            return
        }
        let composed: Node?
        do {
            composed = try Yams.compose(yaml: yaml)
        } catch {
            throw CaseFileError(file: "case file", line: nil, column: nil, field: "", message: "is not YAML the form can change; correct it with `attendoc case add` first")
        }
        guard let composed, case .mapping = composed else {
            throw CaseFileError(file: "case file", line: nil, column: nil, field: "", message: "is not a mapping of fields; correct it with `attendoc case add` first")
        }
        root = composed
        written = WrittenSections(yaml, root: composed)
    }

    /// A path written as a form names it: `parents[1].address.lines`.
    public static func steps(_ path: String) -> [Step] {
        var steps: [Step] = []
        for part in path.split(separator: ".") {
            var rest = Substring(part)
            if let open = rest.firstIndex(of: "[") {
                steps.append(.key(String(rest[..<open])))
                rest = rest[open...]
                while rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                    if let index = Int(rest[rest.index(after: rest.startIndex)..<close]) { steps.append(.index(index)) }
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                steps.append(.key(String(rest)))
            }
        }
        return steps
    }

    /// The value at `path` as a form shows it: text, or a list's items one per line; nil when absent.
    public func value(at path: String) -> [String]? {
        switch node(at: path) {
        case .scalar(let scalar)?: return [scalar.string]
        case .sequence(let sequence)?: return sequence.compactMap { $0.scalar?.string }
        default: return nil
        }
    }

    /// Whether the field at `path` is absent or holds text a form can show and give back as it is:
    /// one value, or a list of values (not a mapping, nor a list of mappings such as a hand-written
    /// evidence entry with its `from:`), so that a form never writes over what it cannot show.
    public func holdsText(at path: String) -> Bool {
        switch node(at: path) {
        case nil, .scalar?: return true
        case .sequence(let sequence)?: return sequence.allSatisfy { $0.scalar != nil }
        case .mapping?, .alias?: return false
        }
    }

    /// Whether the value at `path` is absent or a mapping of fields, so that a form may set fields
    /// inside it: not text (an older file's defendant written as an id alone, `- mother`), which
    /// a form setting `parent:` would write over.
    public func holdsFields(at path: String) -> Bool {
        switch node(at: path) {
        case nil, .mapping?: return true
        default: return false
        }
    }

    /// How many items the list at `path` holds (0 when it is absent).
    public func count(at path: String) -> Int {
        if case .sequence(let sequence)? = node(at: path) { return sequence.count }
        return 0
    }

    /// Sets `value` at `path`; nil (or empty text, or an empty list) takes the field out, and a
    /// section left with no field is taken out with it.
    public mutating func set(_ path: String, _ value: Value?) {
        let node = value.flatMap(Self.node)
        root = Self.setting(root, Self.steps(path)[...], node) ?? .mapping(Node.Mapping([]))
    }

    /// Takes the items at `indices` out of the list at `path` (a parent or meeting removed, or a
    /// meeting's attendee: `meetings[0].attendees`).
    public mutating func removeItems(_ path: String, _ indices: Set<Int>) {
        guard !indices.isEmpty, case .sequence(let sequence)? = node(at: path) else { return }
        let kept = sequence.enumerated().filter { !indices.contains($0.offset) }.map(\.element)
        root = Self.setting(root, Self.steps(path)[...], kept.isEmpty ? nil : .sequence(Node.Sequence(kept, sequence.tag, sequence.style)))
            ?? .mapping(Node.Mapping([]))
    }

    private func node(at path: String) -> Node? {
        var node: Node? = root
        for step in Self.steps(path) {
            switch (step, node) {
            case (.key(let key), .mapping(let mapping)?): node = mapping.first { $0.key.scalar?.string == key }?.value
            case (.index(let index), .sequence(let sequence)?): node = index < sequence.count ? sequence[index] : nil
            default: return nil
            }
        }
        return node
    }

    /// The case file as YAML text: the sections left as they were as they were written, the others
    /// in block style, Unicode kept, no line folding.
    public func yaml() throws(CaseFileError) -> String {
        guard let written, case .mapping(let mapping) = root else { return try Self.serialized(root) }
        var out = written.preamble
        for (key, value) in mapping {
            let name = key.scalar?.string ?? ""
            guard let earlier = written.sections[name] else {
                out += try Self.serialized(.mapping(Node.Mapping([(key, value)])))
                continue
            }
            out += earlier.comments
            out += earlier.value == value ? earlier.text : try Self.serialized(.mapping(Node.Mapping([(earlier.key, value)])))
        }
        return out
    }

    private static func serialized(_ node: Node) throws(CaseFileError) -> String {
        do {
            let text = try Yams.serialize(node: node, indent: 2, width: -1, allowUnicode: true)
            return text.hasSuffix("\n") ? text : text + "\n"
        } catch {
            throw CaseFileError(file: "case file", line: nil, column: nil, field: "", message: "could not be written as YAML")
        }
    }

    private static func node(_ value: Value) -> Node? {
        func text(_ string: String) -> Node { .scalar(Node.Scalar(string, .implicit, .doubleQuoted)) }
        switch value {
        case .text(let string):
            let trimmed = string.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : text(trimmed)
        case .plain(let string):
            let trimmed = string.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : .scalar(Node.Scalar(trimmed, .implicit, .plain))
        case .list(let items):
            let kept = items.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return kept.isEmpty ? nil : .sequence(Node.Sequence(kept.map(text)))
        case .oneOrMore(let items):
            let kept = items.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if kept.count == 1 { return text(kept[0]) }
            return kept.isEmpty ? nil : .sequence(Node.Sequence(kept.map(text)))
        }
    }

    private static func sameText(_ new: Node?, _ old: Node?) -> Bool {
        switch (new, old) {
        case (.scalar(let new)?, .scalar(let old)?): return new.string == old.string
        case (.sequence(let new)?, .sequence(let old)?):
            return new.count == old.count && zip(new, old).allSatisfy { $0.scalar != nil && $0.scalar?.string == $1.scalar?.string }
        default: return new == old
        }
    }

    private static func setting(_ node: Node?, _ path: ArraySlice<Step>, _ value: Node?) -> Node? {
        // The same value as the file holds is kept as it was written (plain or quoted, flow or
        // block): the same text, which the reader has read as that field already.
        guard let step = path.first else { return sameText(value, node) ? node : value }
        let rest = path.dropFirst()
        switch step {
        case .key(let key):
            var pairs: [(Node, Node)] = []
            var tag = Tag.implicit
            var style = Node.Mapping.Style.any
            if case .mapping(let mapping)? = node {
                pairs = mapping.map { ($0.key, $0.value) }
                tag = mapping.tag
                style = mapping.style
            }
            let index = pairs.firstIndex { $0.0.scalar?.string == key }
            let child = setting(index.map { pairs[$0].1 }, rest, value)
            switch (index, child) {
            case (let index?, let child?): pairs[index].1 = child
            case (let index?, nil): pairs.remove(at: index)
            case (nil, let child?): pairs.append((.scalar(Node.Scalar(key)), child))
            case (nil, nil): break
            }
            return pairs.isEmpty ? nil : .mapping(Node.Mapping(pairs, tag, style))
        case .index(let index):
            var items: [Node] = []
            var tag = Tag.implicit
            var style = Node.Sequence.Style.any
            if case .sequence(let sequence)? = node {
                items = Array(sequence)
                tag = sequence.tag
                style = sequence.style
            }
            let child = setting(index < items.count ? items[index] : nil, rest, value)
            if index < items.count {
                // An item emptied of every field is kept as an empty mapping for the reader to name.
                items[index] = child ?? .mapping(Node.Mapping([]))
            } else if let child {
                items.append(child)
            }
            return items.isEmpty ? nil : .sequence(Node.Sequence(items, tag, style))
        }
    }
}

/// The top-level sections of a case file's text as they were written: for each key, the comment
/// and blank lines just above it and its lines up to the next section's.
private struct WrittenSections {
    struct Section {
        var key: Node
        var value: Node
        var comments: String
        var text: String
    }

    /// What comes before the first section's comments (a `---` line).
    var preamble = ""
    var sections: [String: Section] = [:]

    init?(_ yaml: String, root: Node) {
        // (The composer does not say whether a mapping was written in block or flow style: keys
        // at the start of their lines are what tells a block mapping.)
        guard case .mapping(let mapping) = root else { return nil }
        var lines = yaml.components(separatedBy: "\n").map { $0 + "\n" }
        if lines.last == "\n" { lines.removeLast() } else if let last = lines.indices.last { lines[last].removeLast() }
        var starts: [(name: String, key: Node, value: Node, line: Int)] = []
        for (key, value) in mapping {
            // Each section's key starts its own line, and each name comes once.
            guard let name = key.scalar?.string, let mark = key.mark, mark.column == 1, mark.line >= 1, mark.line <= lines.count,
                  !starts.contains(where: { $0.name == name }), starts.last.map({ $0.line < mark.line - 1 }) ?? true else { return nil }
            starts.append((name, key, value, mark.line - 1))
        }
        // A section's comments: the comment lines (at the margin) and blank lines just above its key.
        func isCommentOrBlank(_ line: String) -> Bool {
            line.hasPrefix("#") || line.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
        var firsts: [Int] = []
        for (offset, start) in starts.enumerated() {
            let floor = offset == 0 ? 0 : starts[offset - 1].line + 1
            var first = start.line
            while first > floor, isCommentOrBlank(lines[first - 1]) { first -= 1 }
            firsts.append(first)
        }
        preamble = lines[0..<(firsts.first ?? 0)].joined()
        for (offset, start) in starts.enumerated() {
            let end = offset + 1 < starts.count ? firsts[offset + 1] : lines.count
            var text = lines[start.line..<end].joined()
            if !text.hasSuffix("\n") { text += "\n" }
            sections[start.name] = Section(key: start.key, value: start.value, comments: lines[firsts[offset]..<start.line].joined(), text: text)
        }
    }
}
