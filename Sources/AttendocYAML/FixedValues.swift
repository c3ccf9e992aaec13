import Foundation
import Yams

/// A field whose value is one of a fixed list, written in the case file in readable snake_case
/// (`not_engaged`, `team_around_the_family`). An unknown value is an error that lists the allowed ones.
public protocol FixedValue: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {}

extension FixedValue {
    /// The allowed values as a case file writes them, for messages: `accepted, declined, not_engaged`.
    public static var allowedValues: String {
        allCases.map(\.rawValue).joined(separator: ", ")
    }
}

extension YAMLFields {
    /// An error about the list item at `path` (`pupil.priority_cohorts[1]`), at the item's line.
    public func itemError(_ path: String, _ message: String, at node: Node) -> CaseFileError {
        CaseFileError(file: file, line: node.mark?.line, column: node.mark?.column, field: path, message: message)
    }

    /// The fixed value a scalar node holds, or an error at `path` listing the allowed values.
    public func fixedValue<T: FixedValue>(_ node: Node, path: String, as type: T.Type = T.self) throws(CaseFileError) -> T {
        guard case .scalar(let scalar) = node else {
            throw itemError(path, "expected one of: \(T.allowedValues); found \(Self.kind(of: node))", at: node)
        }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let value = T(rawValue: text) else {
            throw itemError(path, "expected one of: \(T.allowedValues); found \(Self.shape(of: text)) that is none of them", at: node)
        }
        return value
    }

    public func optionalFixedValue<T: FixedValue>(_ key: String, as type: T.Type = T.self) throws(CaseFileError) -> T? {
        guard let value = node(key) else { return nil }
        return try fixedValue(value, path: path.isEmpty ? key : "\(path).\(key)")
    }

    public func fixedValue<T: FixedValue>(_ key: String, as type: T.Type = T.self) throws(CaseFileError) -> T {
        guard let value: T = try optionalFixedValue(key) else {
            throw error(key, "is required but missing (one of: \(T.allowedValues))")
        }
        return value
    }

    /// A list of fixed values, each listed at most once. Absent means an empty list.
    public func fixedValues<T: FixedValue>(_ key: String, as type: T.Type = T.self) throws(CaseFileError) -> [T] {
        var result: [T] = []
        for (item, itemPath) in try list(key, required: false) {
            let value: T = try fixedValue(item, path: itemPath)
            if result.contains(value) {
                throw itemError(itemPath, "\(value.rawValue) is listed more than once", at: item)
            }
            result.append(value)
        }
        return result
    }
}
