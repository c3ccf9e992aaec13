import AttendocPrograms
import AttendocRendering
import AttendocTesting
import AttendocValues
import Foundation
import Testing

/// The office's print run: many letters in one FOP run, each starting on a new sheet when printed
/// duplex, each numbered "Page X of Y" on its own (real libxslt and FOP).
@Suite("Print run: one PDF, each letter on a new sheet")
struct PrintReadyPDFTests {
    @Test func eachLetterEndsOnAnEvenPageSoTheNextStartsOnANewSheet() throws {
        let fop = try PDFTypesetter(configuration: resources.fopConfiguration)
        // The minutes fixture, a record of an odd number of pages, and a letter after it.
        let minutes = RenderableDocument(xml: try Data(contentsOf: fixture("record-minutes.xml")), relativeStem: "a/minutes", date: date("2026-11-06"))
        let letter = RenderableDocument(xml: try Data(contentsOf: fixture("first-warning-letter.xml")), relativeStem: "a/letter", date: date("2026-11-06"))
        let writer = try DocumentWriter(resources: resources, formats: [.pdf])
        let single = try writer.render([minutes, letter], formats: [.pdf], fop: fop)
        let folder = try temporaryFolder("print-run")
        defer { try? FileManager.default.removeItem(at: folder) }
        func pages(_ data: Data, _ name: String) throws -> [String] {
            let url = folder.appendingPathComponent(name)
            try data.write(to: url)
            return Array(try pdfText(url).components(separatedBy: "\u{0C}").dropLast())
        }
        let minutesPages = try pages(single[0].bytes, "minutes.pdf").count
        let letterPages = try pages(single[1].bytes, "letter.pdf").count
        #expect(minutesPages % 2 == 1, "the fixture must have an odd number of pages for this test to mean anything")
        let print = try pages(try PrintReadyPDF(resources: resources).make([minutes, letter, minutes], title: "Print run", date: date("2026-11-06"), fop: fop), "print.pdf")
        #expect(print.count == 2 * (minutesPages + 1) + letterPages + (letterPages % 2))
        #expect(print[minutesPages].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "a blank page, without header or footer, ends the minutes")
        #expect(print[minutesPages + 1].contains("Page 1 of \(letterPages)"), "the letter starts on a recto, numbered on its own")
        #expect(print[0].contains("Page 1 of \(minutesPages)"), "the blank page is not counted in the minutes' pages")
    }
}
