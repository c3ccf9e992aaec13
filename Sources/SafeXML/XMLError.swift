/// One problem libxml2 or libxslt reported, with where it was found.
public struct XMLProblem: Sendable, Equatable, CustomStringConvertible {
    /// The file or source name the problem is in.
    public var file: String
    /// 1-based line, when the library knows it.
    public var line: Int?
    /// 1-based column, when the library knows it.
    public var column: Int?
    /// The library's message, trimmed.
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return "\(place): \(message)"
    }
}

/// An error from parsing, validating or transforming XML.
public struct XMLError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The input is not well-formed XML.
        case malformed
        /// The input has a DOCTYPE; Attendoc never reads DTDs or entities from input.
        case doctypeRefused
        /// The document does not match the schema.
        case invalid
        /// The schema itself could not be read.
        case schemaUnreadable
        /// The stylesheet could not be compiled.
        case stylesheetUnreadable
        /// The transform failed (including a refused file write or network access).
        case transformFailed
        /// The stylesheet stopped itself with `xsl:message terminate="yes"`.
        case stoppedByStylesheet
    }

    public let kind: Kind
    public let problems: [XMLProblem]

    public init(_ kind: Kind, problems: [XMLProblem]) {
        self.kind = kind
        self.problems = problems
    }

    /// The text of the problems, one per line: the first ten, then how many more there were.
    public var message: String {
        let shown = problems.prefix(10).map(\.description)
        let more = problems.count > 10 ? ["(and \(problems.count - 10) more problems)"] : []
        return (shown + more).joined(separator: "\n")
    }

    public var description: String {
        let headline: String
        switch kind {
        case .malformed: headline = "not well-formed XML"
        case .doctypeRefused: headline = "a DOCTYPE is not allowed (Attendoc never loads DTDs or entities)"
        case .invalid: headline = "the document does not match its schema"
        case .schemaUnreadable: headline = "the schema could not be read"
        case .stylesheetUnreadable: headline = "the stylesheet could not be compiled"
        case .transformFailed: headline = "the stylesheet failed"
        case .stoppedByStylesheet: headline = "the stylesheet stopped"
        }
        return problems.isEmpty ? headline : "\(headline):\n" + message
    }
}
