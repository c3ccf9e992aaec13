

/// An error a person can act on: what went wrong and where, in words.
///
/// Lower layers throw their own precise errors (`CaseFileError`, `XMLError`); the pipeline wraps
/// them with what it was doing at the time ("rendering the first warning letter for parents[1]").
public struct AttendocError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }

    /// `error` with what was being done when it happened.
    public init(while doing: String, _ error: any Error) {
        self.description = "\(doing): \(error)"
    }
}
