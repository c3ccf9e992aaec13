import AttendocCaseModel
import AttendocDocuments
import AttendocPrograms
import AttendocRendering
import AttendocTesting
import AttendocValues
import Foundation
import SafeXML
import Testing
import ZIPFoundation

/// The fixture's first warning letters in all four formats, rendered once (one pair of FOP runs)
/// and read by several tests.
struct RenderedLetters: Sendable {
    let folder: URL
    let written: [URL]

    static let date = CalendarDate(iso: "2026-11-23")!

    static func render(into folder: URL) throws -> RenderedLetters {
        let attendanceCase = try CaseFileReader.read(contentsOf: fixture("separated-parents.yaml"))
        let run = try LetterRun(resources: resources)
        let letters = try run.letters(.firstWarningLetter, for: attendanceCase, dated: date)
        let fop = try PDFTypesetter(configuration: resources.fopConfiguration)
        let written = try DocumentWriter(resources: resources, formats: OutputFormat.allCases).write(letters.map(\.document), formats: OutputFormat.allCases, to: folder, fop: fop)
        return RenderedLetters(folder: folder, written: written)
    }

    static let shared: Result<RenderedLetters, AttendocError> = Result { () throws(AttendocError) -> RenderedLetters in
        do {
            return try render(into: try temporaryFolder("letters"))
        } catch {
            throw AttendocError("\(error)")
        }
    }

    func file(_ recipient: String, _ format: OutputFormat) -> URL {
        folder.appendingPathComponent("CAT-2026-0099/first-warning-letter/\(recipient).\(format.fileExtension)")
    }

    /// What a reader of `format` reads, whitespace flattened.
    func readableText(_ recipient: String, _ format: OutputFormat) throws -> String {
        try AttendocTesting.readableText(of: file(recipient, format))
    }
}


@Suite("First warning letter in every format", .serialized)
struct LetterRenderingTests {
    static let zoe = "zoe-dsouza-partner-ltd"
    static let tomas = "tomas-o-briain"

    @Test func eachParentWithParentalResponsibilityGetsTheirOwnCopyInEachFormat() throws {
        let rendered = try RenderedLetters.shared.get()
        // Tomás's address is confidential: the head teacher's copy of his letter is its own
        // document, without it (RedactionTests).
        let expected = [Self.tomas + "-copy-for-head-teacher", Self.tomas, Self.zoe].flatMap { stem in
            ["docx", "html", "pdf", "txt"].map { "CAT-2026-0099/first-warning-letter/\(stem).\($0)" }
        }
        #expect(filesUnder(rendered.folder) == expected)
        #expect(rendered.written.count == 12)
    }

    @Test(arguments: OutputFormat.allCases)
    func namesPrintExactly(_ format: OutputFormat) throws {
        let text = try RenderedLetters.shared.get().readableText(Self.zoe, format)
        #expect(text.contains("Siobhán O'Brien-Ní Dhuibhir"))
        #expect(text.contains(#"Zoë D'Souza & <Partner> "Ltd""#))
        #expect(text.contains(#"Dear Ms D'Souza & <Partner> "Ltd""#))
        #expect(text.contains("St Mary's & St John's <Primary>"))
    }

    @Test(arguments: OutputFormat.allCases)
    func eachCopyIsAddressedOnlyToItsRecipient(_ format: OutputFormat) throws {
        let rendered = try RenderedLetters.shared.get()
        let toZoe = try rendered.readableText(Self.zoe, format)
        let toTomas = try rendered.readableText(Self.tomas, format)
        // Zoë lives with the pupil: her copy goes to the pupil's address.
        #expect(toZoe.contains("14 Orchard Close"))
        #expect(toZoe.contains("EX1 2AB"))
        #expect(!toZoe.contains("Sidwell Street"))
        #expect(!toZoe.contains("EX4 6NN"))
        #expect(!toZoe.contains("Briain"))
        // Tomás lives apart: his copy goes to his own address and never shows hers.
        #expect(toTomas.contains("Flat 3"))
        #expect(toTomas.contains("EX4 6NN"))
        #expect(toTomas.contains("Dear Mr Ó Briain"))
        #expect(!toTomas.contains("Orchard Close"))
        #expect(!toTomas.contains("EX1 2AB"))
        #expect(!toTomas.contains("D'Souza"))
        // The carer without parental responsibility is in neither.
        #expect(!toZoe.contains("Maureen") && !toTomas.contains("Maureen"))
    }

    @Test(arguments: OutputFormat.allCases)
    func figuresAndDatesAreThoseOfTheCase(_ format: OutputFormat) throws {
        let text = try RenderedLetters.shared.get().readableText(Self.zoe, format)
        // 66 of 94 sessions = 70.2%; 22 of 94 = 23.4% (see FiguresTests).
        for figure in ["94", "66", "70.2%", "22", "23.4%", "6.4%"] {
            #expect(text.contains(figure), "\(figure) in \(format)")
        }
        #expect(text.contains("3 September 2026"))
        #expect(text.contains("13 November 2026"))
        #expect(text.contains("16 November 2026"))
        // Accepted 16 November 2026 + 5 weeks = Monday 21 December 2026, in the Christmas
        // holiday: the letter gives the last school day before it.
        #expect(text.contains("Friday 18 December 2026"))
        #expect(!text.contains("21 December"))
        #expect(text.contains("23 November 2026"))
    }

    @Test func pdfEmbedsItsFontsAndNumbersItsPages() throws {
        let pdf = try RenderedLetters.shared.get().file(Self.zoe, .pdf)
        let fonts = try run("pdffonts", [pdf.path]).output.split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for font in fonts {
            // Columns: name type encoding emb sub uni object ID; "emb" must be "yes".
            let columns = font.split(separator: " ", omittingEmptySubsequences: true)
            #expect(columns.count >= 7 && columns[columns.count - 5] == "yes", "font not embedded: \(font)")
        }
        let info = try run("pdfinfo", [pdf.path]).output
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        #expect(pages >= 1)
        #expect(info.contains("Title:") && info.contains("First warning letter: Siobhán O'Brien-Ní Dhuibhir"))
        #expect(info.contains("Author:") && info.contains("Northshire County Council"))
        #expect(info.range(of: "PDF version: +1\\.4", options: .regularExpression) != nil, "PDF/A-1 is based on PDF 1.4")
        let text = try pdfText(pdf)
        for page in 1...pages {
            #expect(text.contains("Page \(page) of \(pages)"))
        }
        // PDF/A-1b identification in the XMP metadata.
        let raw = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
        #expect(raw.contains("pdfaid:part") && raw.contains("GTS_PDFA1"))
    }

    @Test func pdfIsTaggedForScreenReaders() throws {
        // FOP's accessibility mode (fop/fop.xconf): a structure tree with the subject as the first
        // heading, each heading below it, lists and tables, in reading order, and the language.
        let pdf = try RenderedLetters.shared.get().file(Self.zoe, .pdf)
        #expect(try run("pdfinfo", [pdf.path]).output.contains("Tagged:          yes"))
        // The objects uncompressed (qpdf's QDF form), read as text: the structure tree's keys are ASCII.
        let folder = try temporaryFolder("tagged-pdf")
        defer { try? FileManager.default.removeItem(at: folder) }
        let qdf = folder.appendingPathComponent("letter.qdf.pdf")
        #expect(try run("qpdf", ["--qdf", "--object-streams=disable", pdf.path, qdf.path]).status == 0)
        let objects = String(decoding: try Data(contentsOf: qdf), as: UTF8.self)
        #expect(objects.contains("/StructTreeRoot"))
        #expect(objects.contains("/Lang (en-GB)"))
        let tags = objects.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.hasPrefix("/S /") ? String(trimmed.dropFirst(4)) : nil
        }
        for tag in ["Document", "H1", "H2", "P", "L", "LI", "Table", "TR", "TH", "TD"] {
            #expect(tags.contains(tag), "structure element \(tag): \(Set(tags).sorted())")
        }
        #expect(tags.count { $0 == "H1" } == 1, "one H1, the subject")
        // Reading order: the subject's heading comes before the first section heading.
        let first = try #require(tags.firstIndex(of: "H1")), second = try #require(tags.firstIndex(of: "H2"))
        #expect(first < second)
    }

    @Test func docxIsAWellFormedPackageWithRealParagraphs() throws {
        let docx = try RenderedLetters.shared.get().file(Self.zoe, .docx)
        let entries = try DOCXReading.entries(of: docx)
        #expect(Set(entries.keys).isSuperset(of: ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "docProps/core.xml"]))
        for (path, data) in entries {
            #expect(throws: Never.self, "\(path) is well-formed") { _ = try XMLTree(data: data, source: path) }
        }
        let document = String(decoding: entries["word/document.xml"] ?? Data(), as: UTF8.self)
        #expect(document.contains("<w:tbl>"))
        #expect(!document.contains("w:txbxContent") && !document.contains("<w:pict") && !document.contains("w:framePr"))
        #expect(document.contains("w:w=\"11906\"") && document.contains("w:h=\"16838\""), "A4 section")
        let paragraphs = try DOCXReading.paragraphs(of: docx)
        #expect(paragraphs.contains(#"Ms Zoë D'Souza & <Partner> "Ltd""#))
        #expect(paragraphs.contains(#"Dear Ms D'Souza & <Partner> "Ltd""#))
        let core = String(decoding: entries["docProps/core.xml"] ?? Data(), as: UTF8.self)
        #expect(core.contains("2026-11-23T00:00:00Z"))
    }

    @Test func htmlIsAccessible() throws {
        let html = try String(contentsOf: RenderedLetters.shared.get().file(Self.zoe, .html), encoding: .utf8)
        #expect(html.lowercased().hasPrefix("<!doctype html>"))
        #expect(html.contains("<html lang=\"en-GB\""))
        #expect(html.contains("<title>"))
        #expect(html.contains("<th scope=\"col\""))
        #expect(html.contains("<h1"))
        #expect(html.contains("@page"))
        for external in ["<link", "src=", "@import", "url("] {
            #expect(!html.contains(external), "self-contained: no external resources (\(external))")
        }
    }

    @Test func textIsWrappedAt72Columns() throws {
        let text = try String(contentsOf: RenderedLetters.shared.get().file(Self.zoe, .txt), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        #expect(lines.allSatisfy { $0.count <= 72 }, "longest: \(lines.map(\.count).max() ?? 0)")
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") })
        #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"))
    }

    @Test func renderingTwiceGivesIdenticalBytes() throws {
        let first = try RenderedLetters.shared.get()
        let second = try RenderedLetters.render(into: try temporaryFolder("letters-again"))
        let files = filesUnder(first.folder)
        #expect(files == filesUnder(second.folder))
        for path in files {
            let a = try Data(contentsOf: first.folder.appendingPathComponent(path))
            let b = try Data(contentsOf: second.folder.appendingPathComponent(path))
            #expect(a == b, "\(path) differs between runs")
        }
    }
}

@Suite("Failed runs write nothing")
struct FailedRunTests {
    @Test func aFailingPDFStepLeavesNoFileFromTheRun() throws {
        let folder = try temporaryFolder("failed")
        let earlier = folder.appendingPathComponent("earlier.txt")
        try Data("kept".utf8).write(to: earlier)
        let attendanceCase = try CaseFileReader.read(contentsOf: fixture("separated-parents.yaml"))
        let run = try LetterRun(resources: resources)
        let letters = try run.letters(.firstWarningLetter, for: attendanceCase, dated: RenderedLetters.date)
        let brokenFOP = PDFTypesetter(executable: URL(fileURLWithPath: "/bin/false"), configuration: resources.fopConfiguration)
        let error = #expect(throws: AttendocError.self) {
            try DocumentWriter(resources: resources, formats: OutputFormat.allCases).write(letters.map(\.document), formats: [.html, .txt, .docx, .pdf], to: folder, fop: brokenFOP)
        }
        #expect(error?.description.contains("could not make the PDF") == true)
        #expect(filesUnder(folder) == ["earlier.txt"])
        let hidden = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(hidden == ["earlier.txt"], "no staging folder left behind")
        #expect(try String(contentsOf: earlier, encoding: .utf8) == "kept")
    }
}
