

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
