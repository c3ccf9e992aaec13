import Foundation
import Yams

/// Readers for the shapes of field the case model added: lists of mappings, fixed-length numbers
/// kept as text, and text written once or as a list.
extension YAMLFields {
    /// Each item of the list `key`, a mapping, read by `read` (which calls `finish()`).
    /// Absent means an empty list.
    public func mappings<T>(_ key: String, _ read: (YAMLFields) throws(CaseFileError) -> T) throws(CaseFileError) -> [T] {
        var result: [T] = []
        for (item, itemPath) in try list(key, required: false) {
            result.append(try read(YAMLFields(item, file: file, path: itemPath)))
        }
        return result
    }

    /// Text of exactly `count` digits (`urn: 140123`), kept as text so leading zeros survive.
    public func optionalDigits(_ key: String, count: Int) throws(CaseFileError) -> String? {
        guard let value = node(key) else { return nil }
        guard case .scalar(let scalar) = value else {
            throw error(key, "expected \(count) digits, found \(Self.kind(of: value))", at: value)
        }
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        guard text.count == count, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw error(key, "expected exactly \(count) digits, found \(Self.shape(of: text))", at: value)
        }
        return text
    }

    /// A text value that may be written once or as a list (`phone: 07700 900123` or `phone: [..., ...]`).
    public func oneOrMoreStrings(_ key: String) throws(CaseFileError) -> [String] {
        guard let value = node(key) else { return [] }
        if case .sequence = value { return try strings(key, required: false) }
        guard case .scalar(let scalar) = value else {
            throw error(key, "expected text or a list of text, found \(Self.kind(of: value))", at: value)
        }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? [] : [text]
    }
}
