import AttendocYAML
import Foundation
import Yams

/// A change to a case file's YAML made field by field, as a form makes it: each value is set at its
/// path (`pupil.forename`, `parents[1].address.lines`), a value left empty takes the field out, and
/// everything the change does not name is kept as it was (other sections, fields a form does not
/// show). The result is YAML text for the case file reader to read and check; this type checks
/// nothing itself. Comments in the earlier text are not kept (a recorded version keeps them).
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

    /// The case file `yaml` (nil or empty for a new case) to change.
    public init(yaml: String?) throws(CaseFileError) {
        guard let yaml, !yaml.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            root = .mapping(Node.Mapping([]))
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
        var node: Node? = root
        for step in Self.steps(path) {
            switch (step, node) {
            case (.key(let key), .mapping(let mapping)?): node = mapping.first { $0.key.scalar?.string == key }?.value
            case (.index(let index), .sequence(let sequence)?): node = index < sequence.count ? sequence[index] : nil
            default: return nil
            }
        }
        switch node {
        case .scalar(let scalar)?: return [scalar.string]
        case .sequence(let sequence)?: return sequence.compactMap { $0.scalar?.string }
        default: return nil
        }
    }

    /// How many items the list at `path` holds (0 when it is absent).
    public func count(at path: String) -> Int {
        var node: Node? = root
        for step in Self.steps(path) {
            switch (step, node) {
            case (.key(let key), .mapping(let mapping)?): node = mapping.first { $0.key.scalar?.string == key }?.value
            case (.index(let index), .sequence(let sequence)?): node = index < sequence.count ? sequence[index] : nil
            default: return 0
            }
        }
        if case .sequence(let sequence)? = node { return sequence.count }
        return 0
    }

    /// Sets `value` at `path`; nil (or empty text, or an empty list) takes the field out, and a
    /// section left with no field is taken out with it.
    public mutating func set(_ path: String, _ value: Value?) {
        let node = value.flatMap(Self.node)
        root = Self.setting(root, Self.steps(path)[...], node) ?? .mapping(Node.Mapping([]))
    }

    /// Takes the items at `indices` out of the list at `path` (a parent or meeting removed).
    public mutating func removeItems(_ path: String, _ indices: Set<Int>) {
        guard !indices.isEmpty, case .mapping(let mapping) = root,
              let found = mapping.first(where: { $0.key.scalar?.string == path })?.value, case .sequence(let sequence) = found else { return }
        let kept = sequence.enumerated().filter { !indices.contains($0.offset) }.map(\.element)
        root = Self.setting(root, [.key(path)], kept.isEmpty ? nil : .sequence(Node.Sequence(kept))) ?? .mapping(Node.Mapping([]))
    }

    /// The case file as YAML text: block style, Unicode kept, no line folding.
    public func yaml() throws(CaseFileError) -> String {
        do {
            return try Yams.serialize(node: root, indent: 2, width: -1, allowUnicode: true)
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

    private static func setting(_ node: Node?, _ path: ArraySlice<Step>, _ value: Node?) -> Node? {
        guard let step = path.first else { return value }
        let rest = path.dropFirst()
        switch step {
        case .key(let key):
            var pairs: [(Node, Node)] = []
            var tag = Tag.implicit
            if case .mapping(let mapping)? = node {
                pairs = mapping.map { ($0.key, $0.value) }
                tag = mapping.tag
            }
            let index = pairs.firstIndex { $0.0.scalar?.string == key }
            let child = setting(index.map { pairs[$0].1 }, rest, value)
            switch (index, child) {
            case (let index?, let child?): pairs[index].1 = child
            case (let index?, nil): pairs.remove(at: index)
            case (nil, let child?): pairs.append((.scalar(Node.Scalar(key)), child))
            case (nil, nil): break
            }
            return pairs.isEmpty ? nil : .mapping(Node.Mapping(pairs, tag))
        case .index(let index):
            var items: [Node] = []
            if case .sequence(let sequence)? = node { items = Array(sequence) }
            let child = setting(index < items.count ? items[index] : nil, rest, value)
            if index < items.count {
                // An item emptied of every field is kept as an empty mapping for the reader to name.
                items[index] = child ?? .mapping(Node.Mapping([]))
            } else if let child {
                items.append(child)
            }
            return items.isEmpty ? nil : .sequence(Node.Sequence(items))
        }
    }
}
