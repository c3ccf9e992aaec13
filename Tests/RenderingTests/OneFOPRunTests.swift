import AttendocCaseModel
import AttendocDocuments
import AttendocPrograms
@testable import AttendocRendering
import AttendocTesting
import AttendocValues
import Foundation
import SafeXML
import Testing

/// Many PDFs from one Apache FOP run, split into one file per document, each the same bytes as the
/// document typeset on its own (real libxslt, FOP and qpdf).
@Suite("One FOP run: split PDFs equal single renders")
struct OneFOPRunTests {
    /// A record (minutes), letters to three recipients of a case, and a letter fixture, on two dates.
    static func documents() throws -> [RenderableDocument] {
        let attendanceCase = try CaseFileReader.read(contentsOf: fixture("separated-parents.yaml"))
        let letters = try LetterRun(resources: resources).letters(.firstWarningLetter, for: attendanceCase, dated: date("2026-11-23"))
        let minutes = RenderableDocument(xml: try Data(contentsOf: fixture("record-minutes.xml")), relativeStem: "a/minutes", date: date("2026-11-06"))
        let letter = RenderableDocument(xml: try Data(contentsOf: fixture("first-warning-letter.xml")), relativeStem: "a/letter", date: date("2026-11-06"))
        return [minutes] + letters.map(\.document) + [letter]
    }

    @Test func eachFileSplitFromOneRunIsTheSameBytesAsTheDocumentTypesetAlone() throws {
        let documents = try Self.documents()
        #expect(documents.count >= 4)
        let fop = try PDFTypesetter(configuration: resources.fopConfiguration)
        let writer = try DocumentWriter(resources: resources, formats: [.pdf])
        // All of them in one FOP run, split.
        let metadata = try documents.map { LetterPDFs.Metadata(try writer.stylesheets.checkedDocument($0.xml, source: $0.relativeStem)) }
        let together = try LetterPDFs.make(documents, metadata: metadata, parameters: [:], with: writer.stylesheets, fop: fop)
        #expect(together.count == documents.count, "every document in is a file out")
        // Each on its own (a run of one), as `attendoc render` of one document makes it.
        let alone = try documents.map { try writer.render([$0], formats: [.pdf], fop: fop)[0].bytes }
        // And as the writer renders them all (two runs, one per core).
        let byWriter = try writer.render(documents, formats: [.pdf], fop: fop).map(\.bytes)

        let folder = try temporaryFolder("one-fop-run")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, document) in documents.enumerated() {
            #expect(together[index] == alone[index], "\(document.relativeStem): split from one run differs from its single render")
            #expect(byWriter[index] == alone[index], "\(document.relativeStem): the writer's run differs from its single render")
            // Each is a whole PDF of its own: its own title and date, tagged, "Page X of Y" of its own pages.
            let url = folder.appendingPathComponent("\(index).pdf")
            try together[index].write(to: url)
            let info = try run("pdfinfo", ["-isodates", url.path]).output
            let title = metadata[index].title
            #expect(info.contains("Title:           \(title)"), "\(document.relativeStem): \(info)")
            #expect(info.contains("Author:          \(metadata[index].author)"))
            #expect(info.contains("Tagged:          yes"))
            #expect(info.contains("CreationDate:    \(document.date.iso)T00:00:00Z"), "the document's own date: \(info)")
            #expect(try run("qpdf", ["--check", url.path]).status == 0)
            let pages = Array(try pdfText(url).components(separatedBy: "\u{0C}").dropLast())
            #expect(!pages.isEmpty)
            for (page, text) in pages.enumerated() {
                #expect(text.contains("Page \(page + 1) of \(pages.count)"), "\(document.relativeStem) page \(page + 1)")
            }
            let raw = String(decoding: together[index], as: UTF8.self)
            #expect(raw.contains("pdfaid:part") && raw.contains("GTS_PDFA1"), "still PDF/A-1b")
            #expect(!raw.contains(PDFTypesetter.runTitle) && !raw.contains(PDFTypesetter.runAuthor))
        }
        // Two documents' files differ (the split does not hand every letter the same pages).
        #expect(Set(together).count == documents.count)
    }

    @Test func aRunWhosePDFDoesNotHoldEveryLetterFailsLoudly() throws {
        let documents = try Self.documents()
        let fop = try PDFTypesetter(configuration: resources.fopConfiguration)
        let writer = try DocumentWriter(resources: resources, formats: [.pdf])
        let fo = try writer.stylesheets.transform(try XMLTreeFor.batch(documents), to: .pdf,
                                                   parameters: ["pdf.title": PDFTypesetter.runTitle, "pdf.author": PDFTypesetter.runAuthor])
        // One letter fewer asked for than the run typeset: no file is handed out for any of them.
        let letters = documents.dropLast().map { PDFTypesetter.Letter(name: $0.relativeStem, title: "t", author: "a", date: $0.date) }
        #expect {
            try fop.typesetLetters(fo, letters: Array(letters), name: "the test run")
        } throws: { error in
            let text = "\(error)"
            return text.contains("\(documents.count) page-number ranges") && text.contains("no letter was written")
        }
    }

    @Test func aSchoolsLettersAreTypesetInRunsOfBoundedSizeOnBothCores() {
        let document = RenderableDocument(xml: Data(), relativeStem: "x", date: date("2026-11-23"))
        let other = RenderableDocument(xml: Data(), relativeStem: "y", date: date("2026-11-23"), stylesheetParameters: ["house.colour": "#000000"])
        #expect(DocumentWriter.pdfRuns([document]) == [[[0]]])
        #expect(DocumentWriter.pdfRuns([document, other, document]) == [[[0], [2]], [[1]]], "one group per house style, two runs for two cores")
        let school = DocumentWriter.pdfRuns(Array(repeating: document, count: 1_000))
        #expect(school.count == 1)
        #expect(school[0].allSatisfy { $0.count <= DocumentWriter.documentsPerFOPRun })
        #expect(school[0].flatMap { $0 } == Array(0..<1_000), "every document in exactly one run, in order")
    }
}

/// The batch document `LetterPDFs` lays out, parsed.
enum XMLTreeFor {
    static func batch(_ documents: [RenderableDocument]) throws -> XMLTree {
        try XMLTree(data: LetterPDFs.batchXML(documents), source: "the test batch")
    }
}
