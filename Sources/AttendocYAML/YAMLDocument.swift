import AttendocValues
import Foundation
import Yams

/// Opening a YAML file as the fields of its top-level mapping.
public enum YAMLDocument {
    public static func fields(of url: URL) throws(CaseFileError) -> YAMLFields {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw CaseFileError(file: url.path, line: nil, column: nil, field: "", message: FileProblem.reason(reading: url))
        }
        return try fields(of: text, file: url.path)
    }

    public static func fields(of text: String, file: String) throws(CaseFileError) -> YAMLFields {
        try YAMLAliasCheck.check(text, file: file)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text, ownResolver()) else {
                throw CaseFileError(file: file, line: nil, column: nil, field: "", message: "is empty; see docs/ for the fields it needs")
            }
            root = node
        } catch let error as CaseFileError {
            throw error
        } catch let error as YamlError {
            throw describe(error, file: file)
        } catch {
            throw CaseFileError(file: file, line: nil, column: nil, field: "", message: "is not valid YAML")
        }
        return try YAMLFields(root, file: file, path: "")
    }

    /// Yams's default tag rules, with regular expressions of this document's own. Yams's shared
    /// `Resolver.default` holds one NSRegularExpression per rule for the whole process, and on
    /// Linux an NSRegularExpression used from two threads at once can crash (seen: a test run that
    /// read case files on several threads died in uregex_setText). A node resolves its tag lazily,
    /// with the resolver it was parsed with, so a document read on one thread never shares one.
    static func ownResolver() -> Resolver {
        var resolver = Resolver.basic
        for rule in Resolver.default.rules {
            // Yams's own patterns, which compile; the shared rule is kept should one ever not.
            resolver = (try? resolver.appending(rule.tag, rule.pattern)) ?? resolver.appending(rule)
        }
        return resolver
    }

    /// A Yams error as a located error: file, line, column and what was wrong, never the text of
    /// the line (Yams's own description quotes it, and it may hold a name or an address).
    public static func describe(_ error: YamlError, file: String) -> CaseFileError {
        switch error {
        case .reader(let problem, let offset, let value, let yaml):
            let (line, column) = offset.map { position(ofCharacter: $0, in: yaml) } ?? (nil, nil)
            let character = value >= 0 ? String(format: " (U+%04X)", value) : ""
            return CaseFileError(file: file, line: line, column: column, field: "", message: "is not valid YAML: \(problem)\(character)")
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return CaseFileError(file: file, line: mark.line, column: mark.column, field: "", message: "is not valid YAML: \(what)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().joined(separator: ", ")
            return CaseFileError(file: file, line: context.mark.line, column: context.mark.column, field: keys,
                                 message: "appears more than once in the same mapping")
        case .dataCouldNotBeDecoded:
            return CaseFileError(file: file, line: nil, column: nil, field: "", message: "is not UTF-8 text; save it as UTF-8")
        default:
            return CaseFileError(file: file, line: nil, column: nil, field: "", message: "is not valid YAML")
        }
    }

    /// The 1-based line and column of the character at `offset` (counted in characters).
    static func position(ofCharacter offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for character in text.prefix(offset) {
            if character.isNewline { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}
