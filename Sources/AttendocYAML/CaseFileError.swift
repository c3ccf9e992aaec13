import AttendocValues

/// A problem in a case file, with where it is: the file, the line and column, and the field's path
/// (`parents[1].date_of_birth`). Messages never quote a name or other personal detail.
public struct CaseFileError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let column: Int?
    /// The field's path from the top of the file, such as `pupil.date_of_birth`.
    public let field: String
    /// What was wrong and what was expected.
    public let message: String

    public init(file: String, line: Int?, column: Int?, field: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    public var description: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return field.isEmpty ? "\(place): \(message)" : "\(place): \(field): \(message)"
    }
}

extension CaseFileError: AttendocErrorConvertible {
    /// A case-file problem, keeping its file, line, column and field.
    public var attendocError: AttendocError { AttendocError(self) }
}

extension AttendocError {
    /// A problem in a YAML file Attendoc reads, keeping its file, line, column and field:
    /// `.caseFile` for a case file, `.policy` for a policy or term-dates file.
    public init(_ error: CaseFileError, kind: Kind = .caseFile) {
        let guide = kind == .policy ? "docs/policies.md" : "docs/case-file.md"
        self.init(kind: kind,
                  location: Location(file: error.file, line: error.line, column: error.column, field: error.field.isEmpty ? nil : error.field),
                  summary: error.message,
                  suggestion: "correct the file at that place (\(guide) describes each field)",
                  underlying: error, description: error.description)
    }
}
