import AttendocPrograms
import AttendocValues
import Foundation
import SafeXML

/// One PDF of many letters for the office to print, in the order given, laid out in one Apache FOP
/// run by `stylesheets/fo-batch.xsl`: each letter its own page-sequence numbered "Page X of Y" on its
/// own, and ended on an even page (`letter.force.page.count` = `end-on-even`), so that printed
/// duplex every letter starts on a new sheet.
public struct PrintReadyPDF {
    public let resources: AttendocResources

    public init(resources: AttendocResources) {
        self.resources = resources
    }

    /// The print PDF of `documents` (which share one house style: the first one's parameters and
    /// logo are used), titled `title` and dated `date`.
    public func make(_ documents: [RenderableDocument], title: String, date: CalendarDate, fop: PDFTypesetter) throws(AttendocError) -> Data {
        let batch = LetterPDFs.batchXML(documents)
        let fo: Data
        do {
            let stylesheet = try XSLTStylesheet(contentsOf: resources.stylesheets.appendingPathComponent("fo-batch.xsl"))
            var parameters = documents.first?.allStylesheetParameters ?? [:]
            parameters["letter.force.page.count"] = "end-on-even"
            parameters["pdf.title"] = title
            fo = try stylesheet.transform(try XMLTree(data: batch, source: "the print run"), parameters: parameters)
        } catch {
            throw AttendocError(while: "laying out the print run with stylesheets/fo-batch.xsl", error, kind: .document)
        }
        return try fop.typesetOne(fo, name: "the print run of \(documents.count) letters", date: date)
    }
}
