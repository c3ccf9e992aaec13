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

    public init(xml: Data, relativeStem: String, date: CalendarDate, stylesheetParameters: [String: String] = [:]) {
        self.xml = xml
        self.relativeStem = relativeStem
        self.date = date
        self.stylesheetParameters = stylesheetParameters
    }
}
