/// A kind of document Attendoc produces. Its wording is the template of the same name in
/// `templates/`; its figures come from `LetterContext`.
public enum DocumentKind: String, CaseIterable, Sendable {
    case firstWarningLetter = "first-warning-letter"

    /// The title a reader sees in the document's properties and in lists.
    public var title: String {
        switch self {
        case .firstWarningLetter: "First warning letter"
        }
    }

    /// The template file in `templates/`, without `.mustache`.
    var templateName: String { rawValue }
}
