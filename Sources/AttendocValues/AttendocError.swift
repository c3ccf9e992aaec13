
/// An error a person can act on: what kind of problem it is, where it is, what is wrong and what to
/// do.
///
/// Lower layers throw their own precise errors (`CaseFileError`, `RegisterError`, `XMLError`); the
/// pipeline wraps them keeping their structure (a case-file error keeps its file, line, column and
/// field) and adds what it was doing at the time ("rendering the first warning letter for parents[1]").
///
/// A caller tells problems apart by `kind` (`error.kind == .caseFile`, `error.isProgramMissing`),
/// never by the words. `Kind` is a struct over a private enum, so new kinds do not break callers.
///
/// No message carries a value read from a case file, a register or any other input (a name, an
/// address, a note, a file excerpt): messages name the file, line, column, field, pupil (UPN),
/// date and session, and say what was expected.
public struct AttendocError: Error, Sendable, CustomStringConvertible {
    /// What kind of problem: bad input (which input), a program missing or failing, output that
    /// cannot be written, a mistake in how Attendoc was run.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Hashable, Sendable {
            case caseFile = "case file"
            case policy = "policy"
            case register = "register"
            case template = "template"
            case document = "document"
            case evidence = "evidence"
            case usage = "usage"
            case resources = "resources"
            case programMissing = "program missing"
            case programFailed = "program failed"
            case output = "output"
            case workspace = "workspace"
            case other = "other"
        }

        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The case file: a field missing, of the wrong shape, or inconsistent with another.
        public static let caseFile = Kind(.caseFile)
        /// A policy file (thresholds, deadlines, term dates) or what a policy lacks.
        public static let policy = Kind(.policy)
        /// A register export (CSV or Common Transfer File), or the pupil missing from it.
        public static let register = Kind(.register)
        /// A template (templates/*.mustache) or what it made.
        public static let template = Kind(.template)
        /// A document could not be made from the case (nobody to send it to, no figures) or a
        /// stylesheet could not turn it into a format.
        public static let document = Kind(.document)
        /// An evidence file a case cites, or the evidence bundle.
        public static let evidence = Kind(.evidence)
        /// The command line: an unknown option value, options that do not go together.
        public static let usage = Kind(.usage)
        /// Attendoc's own folders (templates/, stylesheets/, schema/, data/) were not found.
        public static let resources = Kind(.resources)
        /// A program Attendoc runs (Apache FOP, qpdf) is not installed.
        public static let programMissing = Kind(.programMissing)
        /// A program Attendoc runs (Apache FOP, qpdf) ran and failed.
        public static let programFailed = Kind(.programFailed)
        /// The output folder or a file in it could not be written.
        public static let output = Kind(.output)
        /// The workspace: no workspace, a damaged or foreign database, a document already issued.
        public static let workspace = Kind(.workspace)
        /// Anything else.
        public static let other = Kind(.other)

        public var description: String { value.rawValue }

        /// Whether the problem is in what the user gave Attendoc (a case file, policy, register,
        /// template, evidence file or the command line), rather than in the machine it runs on.
        public var isBadInput: Bool {
            switch value {
            case .caseFile, .policy, .register, .template, .document, .evidence, .usage, .workspace: true
            case .resources, .programMissing, .programFailed, .output, .other: false
            }
        }
    }

    /// Where the problem is: a file, and when known the line, column and field path
    /// (`parents[1].date_of_birth`), or a register's pupil (UPN), date and session.
    public struct Location: Hashable, Sendable, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var column: Int?
        /// The field's path from the top of the file, such as `pupil.date_of_birth`.
        public var field: String?

        public init(file: String, line: Int? = nil, column: Int? = nil, field: String? = nil) {
            self.file = file
            self.line = line
            self.column = column
            self.field = field
        }

        /// `file:line:column`, with the field after it when there is one.
        public var description: String {
            var place = file
            if let line {
                place += ":\(line)"
                if let column { place += ":\(column)" }
            }
            if let field, !field.isEmpty { place += ": \(field)" }
            return place
        }
    }

    public let kind: Kind
    /// Where the problem is, when it is in a file.
    public let location: Location?
    /// What is wrong, without the location or what to do.
    public let summary: String
    /// What to do about it, when Attendoc knows.
    public let suggestion: String?
    /// The lower error this one wraps (a `CaseFileError`, `RegisterError`, `XMLError` ...).
    public let underlying: (any Error)?
    /// What was being done when it happened, outermost first.
    public let context: [String]
    /// The whole message in one line: context, location, summary and suggestion.
    public let description: String

    /// An error of `kind`: `summary` says what is wrong (with the place written into it, or given
    /// as `location`), `suggestion` what to do.
    public init(_ kind: Kind, _ summary: String, at location: Location? = nil, suggestion: String? = nil,
                underlying: (any Error)? = nil) {
        self.kind = kind
        self.location = location
        self.summary = summary
        self.suggestion = suggestion
        self.underlying = underlying
        self.context = []
        var text = location.map { "\($0): \(summary)" } ?? summary
        if let suggestion { text += "; \(suggestion)" }
        self.description = text
    }

    /// An error of no particular kind (`.other`), for messages written before errors had kinds.
    public init(_ description: String) {
        self.init(.other, description)
    }

    /// `error` with what was being done when it happened. An `AttendocError` (or a lower error that
    /// converts to one, such as `CaseFileError`) keeps its kind, location and suggestion; any other
    /// error is of `kind`.
    public init(while doing: String, _ error: any Error, kind: Kind = .other) {
        let inner = AttendocError.wrapping(error, kind: kind)
        self.kind = inner.kind
        self.location = inner.location
        self.summary = inner.summary
        self.suggestion = inner.suggestion
        self.underlying = inner.underlying
        self.context = [doing] + inner.context
        self.description = "\(doing): \(error)"
    }

    /// `error` as an `AttendocError`: itself when it is one, its own conversion when it has one
    /// (a case-file error keeps its place), otherwise an error of `kind` whose text is the error's.
    public static func wrapping(_ error: any Error, kind: Kind) -> AttendocError {
        switch error {
        case let error as AttendocError: error
        case let error as any AttendocErrorConvertible: error.attendocError
        default: AttendocError(kind, "\(error)", underlying: error)
        }
    }

    /// This error with `kind` (for a lower error wrapped before its kind was known).
    public func with(kind: Kind) -> AttendocError {
        AttendocError(kind: kind, location: location, summary: summary, suggestion: suggestion,
                      underlying: underlying, context: context, description: description)
    }

    /// Every field given (for conversions from lower errors, which keep their own description).
    public init(kind: Kind, location: Location?, summary: String, suggestion: String?, underlying: (any Error)?,
                context: [String] = [], description: String) {
        self.kind = kind
        self.location = location
        self.summary = summary
        self.suggestion = suggestion
        self.underlying = underlying
        self.context = context
        self.description = description
    }

    public var isCaseFileProblem: Bool { kind == .caseFile }
    public var isRegisterProblem: Bool { kind == .register }
    public var isPolicyProblem: Bool { kind == .policy }
    public var isProgramMissing: Bool { kind == .programMissing }
    public var isUsageProblem: Bool { kind == .usage }
}

/// A lower error (`CaseFileError`, `RegisterError`) that knows its `AttendocError`: its kind and
/// where it is.
public protocol AttendocErrorConvertible: Error {
    var attendocError: AttendocError { get }
}
