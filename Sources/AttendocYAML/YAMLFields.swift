import AttendocValues
import Foundation
import Yams

/// Reads one YAML mapping of a case file field by field, remembering which keys were read so that
/// any key left over is reported as unknown, with its line. Every error names the file, the line
/// and the field's path.
public final class YAMLFields {
    public let file: String
    public let path: String
    private let mapping: Node.Mapping
    private let mark: Mark?
    private var read: Set<String> = []

    public init(_ node: Node, file: String, path: String) throws(CaseFileError) {
        guard case .mapping(let mapping) = node else {
            throw CaseFileError(file: file, line: node.mark?.line, column: node.mark?.column, field: path,
                                message: "expected a mapping of fields (key: value lines), found \(Self.kind(of: node))")
        }
        self.file = file
        self.path = path
        self.mapping = mapping
        self.mark = node.mark
    }

    private func fieldPath(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    public func error(_ key: String, _ message: String, at node: Node? = nil) -> CaseFileError {
        let mark = node?.mark ?? self.mark
        return CaseFileError(file: file, line: mark?.line, column: mark?.column, field: fieldPath(key), message: message)
    }

    /// An error about the key `key` itself (a name the file chooses that is not known), at the key's
    /// own line and column.
    public func keyError(_ key: String, _ message: String) -> CaseFileError {
        let mark = mapping.first { $0.key.string == key }?.key.mark ?? self.mark
        return CaseFileError(file: file, line: mark?.line, column: mark?.column, field: fieldPath(key), message: message)
    }

    /// The value node for `key`, or nil when the key is absent or null (`~`, `null`, nothing).
    public func node(_ key: String) -> Node? {
        read.insert(key)
        guard let value = mapping[key], !Self.isNull(value) else { return nil }
        return value
    }

    /// Whether `node` is YAML's null: nothing, `~`, `null`, `Null` or `NULL` unquoted, or tagged
    /// `!!null`. A null is a missing value: a required field that is null is missing, never the
    /// text "null".
    public static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        if scalar.tag.rawValue == Tag.Name.null.rawValue { return true }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// Years a date in a case file or policy may be in; anything else is a typing mistake.
    public static let years = 1990...2100

    public func require(_ key: String) throws(CaseFileError) -> Node {
        guard let value = node(key) else {
            throw error(key, "is required but missing")
        }
        return value
    }

    public func optionalString(_ key: String) throws(CaseFileError) -> String? {
        guard let value = node(key) else { return nil }
        guard case .scalar(let scalar) = value else {
            throw error(key, "expected text, found \(Self.kind(of: value))", at: value)
        }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    public func string(_ key: String) throws(CaseFileError) -> String {
        guard let text = try optionalString(key) else { throw error(key, "is required but missing") }
        return text
    }

    public func optionalInt(_ key: String, in range: ClosedRange<Int>? = nil) throws(CaseFileError) -> Int? {
        guard let value = node(key) else { return nil }
        guard case .scalar(let scalar) = value, let number = Int(scalar.string) else {
            throw error(key, "expected a whole number, found \(Self.kind(of: value))", at: value)
        }
        if let range, !range.contains(number) {
            throw error(key, "expected a number from \(range.lowerBound) to \(range.upperBound), found \(number)", at: value)
        }
        return number
    }

    public func int(_ key: String, in range: ClosedRange<Int>? = nil) throws(CaseFileError) -> Int {
        guard let number = try optionalInt(key, in: range) else { throw error(key, "is required but missing") }
        return number
    }

    public func optionalBool(_ key: String) throws(CaseFileError) -> Bool? {
        guard let value = node(key) else { return nil }
        guard case .scalar(let scalar) = value else {
            throw error(key, "expected yes or no, found \(Self.kind(of: value))", at: value)
        }
        switch scalar.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw error(key, "expected yes or no (or true or false), found \(Self.kind(of: value))", at: value)
        }
    }

    public func bool(_ key: String) throws(CaseFileError) -> Bool {
        guard let flag = try optionalBool(key) else { throw error(key, "is required but missing (yes or no)") }
        return flag
    }

    public func optionalDate(_ key: String) throws(CaseFileError) -> CalendarDate? {
        guard let value = node(key) else { return nil }
        guard case .scalar(let scalar) = value, let date = CalendarDate(iso: scalar.string) else {
            throw error(key, "expected a date written YYYY-MM-DD (for example 2026-11-23), found \(Self.kind(of: value))", at: value)
        }
        guard Self.years.contains(date.year) else {
            throw error(key, "is in the year \(date.year), before \(Self.years.lowerBound) or after \(Self.years.upperBound); check the year", at: value)
        }
        return date
    }

    public func date(_ key: String) throws(CaseFileError) -> CalendarDate {
        guard let date = try optionalDate(key) else { throw error(key, "is required but missing (a date written YYYY-MM-DD)") }
        return date
    }

    public func optionalFields(_ key: String) throws(CaseFileError) -> YAMLFields? {
        guard let value = node(key) else { return nil }
        return try YAMLFields(value, file: file, path: fieldPath(key))
    }

    public func fields(_ key: String) throws(CaseFileError) -> YAMLFields {
        try YAMLFields(require(key), file: file, path: fieldPath(key))
    }

    /// The items of a list, each with its path (`parents[0]`).
    public func list(_ key: String, required: Bool = true) throws(CaseFileError) -> [(node: Node, path: String)] {
        guard let value = node(key) else {
            if required { throw error(key, "is required but missing (a list)") }
            return []
        }
        guard case .sequence(let sequence) = value else {
            throw error(key, "expected a list (lines starting with \"- \"), found \(Self.kind(of: value))", at: value)
        }
        return sequence.enumerated().map { (node: $0.element, path: "\(fieldPath(key))[\($0.offset)]") }
    }

    /// A list of text items.
    public func strings(_ key: String, required: Bool = true) throws(CaseFileError) -> [String] {
        var result: [String] = []
        for (item, itemPath) in try list(key, required: required) {
            guard case .scalar(let scalar) = item, !Self.isNull(item), !scalar.string.isEmpty else {
                throw CaseFileError(file: file, line: item.mark?.line, column: item.mark?.column, field: itemPath,
                                    message: "expected text, found \(Self.kind(of: item))")
            }
            result.append(scalar.string.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return result
    }

    /// The keys of the mapping, in file order (for mappings whose keys are names the file chooses).
    public var keys: [String] {
        mapping.map { $0.key.string ?? "" }
    }

    /// Reports the first key that no reader asked for.
    public func finish() throws(CaseFileError) {
        for (key, _) in mapping {
            let name = key.string ?? "?"
            if !read.contains(name) {
                let known = read.sorted().joined(separator: ", ")
                // A key shaped like a field name is named; anything else (text pasted in the wrong
                // place, a control character) is not repeated.
                let shown = name.range(of: "^[A-Za-z0-9_-]{1,60}$", options: .regularExpression) != nil ? name : "(a key that is not a field name)"
                throw CaseFileError(file: file, line: key.mark?.line, column: key.mark?.column, field: fieldPath(shown),
                                    message: "is not a known field here; known fields are: \(known)")
            }
        }
    }

    /// What shape of value a node holds, for messages, never the value itself (it may be a name,
    /// an address or a note): "a mapping", "a list", "nothing", "a number", "text of 12 characters".
    public static func kind(of node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar(let scalar): shape(of: scalar.string)
        case .alias: "an alias"
        }
    }

    /// The shape of a text value (not the text): "nothing", "a number", "a date",
    /// "text of 3 lines", "text of 12 characters".
    public static func shape(of text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return "nothing" }
        if Int(trimmed) != nil || Double(trimmed) != nil { return "a number" }
        if CalendarDate(iso: trimmed) != nil { return "a date" }
        let lines = trimmed.split(whereSeparator: \.isNewline).count
        if lines > 1 { return "text of \(lines) lines" }
        return trimmed.count == 1 ? "text of 1 character" : "text of \(trimmed.count) characters"
    }
}
