import Foundation

/// One document as the writers take it: its XML (the document vocabulary), where its files go
/// relative to the output folder (without extension) and its date, which dates DOCX and PDF files.
/// A writer never sees the case the document was made from.
public struct RenderableDocument: Sendable {
    public let xml: Data
    public let relativeStem: String
    public let date: CalendarDate
    /// Stylesheet parameters for this document (a house style's `house.*` and `label.*`); empty
    /// for the default style.
    public let stylesheetParameters: [String: String]
    /// The house style's logo for the letterhead; nil: none (the default style).
    public let logo: LetterheadLogo?

    public init(xml: Data, relativeStem: String, date: CalendarDate, stylesheetParameters: [String: String] = [:],
                logo: LetterheadLogo? = nil) {
        self.xml = xml
        self.relativeStem = relativeStem
        self.date = date
        self.stylesheetParameters = stylesheetParameters
        self.logo = logo
    }

    /// Every stylesheet parameter: the house style's and, with a logo, its `house.logo.*`.
    public var allStylesheetParameters: [String: String] {
        stylesheetParameters.merging(logo?.stylesheetParameters ?? [:]) { _, logo in logo }
    }
}
