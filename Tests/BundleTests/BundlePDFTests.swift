@testable import AttendocBundle
@testable import AttendocPrograms
import AttendocTesting
@testable import AttendocValues
import Foundation
import Testing

/// The Swift side of the evidence bundle's PDF: the text-page writer, the stamp sheet, the qpdf
/// wrapper and the assembly of pages, underlaid exhibits and stamps, checked with the real qpdf
/// and poppler (and, once, FOP for a pages PDF with bookmarks, links and page labels).
@Suite("Bundle PDF: stamps, qpdf and assembly", .serialized)
struct BundlePDFTests {
    let qpdf: QPDF

    init() throws {
        qpdf = try QPDF()
    }

    // MARK: The text-page writer

    @Test func plainPagesAreACleanPDFWhoseTextReadsBack() throws {
        let folder = try temporaryFolder("pdftest")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = TextPagesPDF.plainPages([
            ["Exhibit AB/1", "Brackets (and) a back\\slash", "Zoë D’Souza & Siobhán O’Brien-Ní Dhuibhir", "Łukasz 5 €"],
            ["Second page"],
            [],
        ])
        #expect(pdf == TextPagesPDF.plainPages([
            ["Exhibit AB/1", "Brackets (and) a back\\slash", "Zoë D’Souza & Siobhán O’Brien-Ní Dhuibhir", "Łukasz 5 €"],
            ["Second page"],
            [],
        ]), "the same pages give the same bytes")
        let file = try write(pdf, "plain.pdf", in: folder)
        try expectCleanCheck(file)
        #expect(try qpdf.pageCount(of: file) == 3)
        let first = try pageText(file, 1)
        #expect(first.contains("Exhibit AB/1"))
        #expect(first.contains("Brackets (and) a back\\slash"))
        #expect(first.contains("Zoë D’Souza & Siobhán O’Brien-Ní Dhuibhir"))
        #expect(first.contains("?ukasz 5 €"), "a character WinAnsiEncoding lacks prints as ?")
        #expect(try pageText(file, 2).contains("Second page"))
        #expect(flattened(try pageText(file, 3)).isEmpty)
        let info = try run("pdfinfo", [file.path]).output
        #expect(info.contains("Page size:       595.276 x 841.89 pts (A4)"))
        #expect(!info.contains("CreationDate"), "no dates, so the bytes never change")
    }

    @Test func numbersArePlainDecimals() {
        #expect(TextPagesPDF.number(595.276) == "595.276")
        #expect(TextPagesPDF.number(11.3385826) == "11.339")
        #expect(TextPagesPDF.number(-0.70710678) == "-0.707")
        #expect(TextPagesPDF.number(0.5) == "0.5")
        #expect(TextPagesPDF.number(-0.0001) == "0")
        #expect(TextPagesPDF.number(2.0) == "2")
    }

    // MARK: Labels and the stamp sheet

    @Test func sectionLabelsNumberEachSectionFromOne() throws {
        let labels = try BundleStamps.pageLabels(runs: [("Front ", 1), ("A", 3), ("B", 9)], pageCount: 12)
        #expect(labels == ["Front 1", "Front 2", "A1", "A2", "A3", "A4", "A5", "A6", "B1", "B2", "B3", "B4"])
        #expect(try BundleStamps.pageLabels(runs: [("A", 1), ("B", 2)], pageCount: 3) == ["A1", "B1", "B2"])
        #expect(try BundleStamps.pageLabels(runs: [("Front ", 1)], pageCount: 2) == ["Front 1", "Front 2"])
        #expect(try BundleStamps.pageLabels(runs: [("Index ", 1), ("E", 2)], pageCount: 2) == ["Index 1", "E1"])
        #expect(throws: AttendocError.self) { try BundleStamps.pageLabels(runs: [("Front ", 1), ("A", 3), ("B", 3)], pageCount: 12) }
        #expect(throws: AttendocError.self) { try BundleStamps.pageLabels(runs: [("Front ", 1), ("A", 3), ("B", 13)], pageCount: 12) }
        #expect(throws: AttendocError.self) { try BundleStamps.pageLabels(runs: [("A", 2)], pageCount: 3) }
    }

    @Test func stampWidthsAreHelveticaBolds() {
        // "A1" = 722 + 556; the middle dot is 278, as a space is.
        #expect(abs(BundleStamps.HelveticaBold.width(of: "A1", size: 1000) - 1278) < 0.001)
        #expect(abs(BundleStamps.HelveticaBold.width(of: "\u{B7}", size: 9) - 278 * 0.009) < 0.0001)
        #expect(BundleStamps.stampText(label: "B2", page: 7, pageCount: 12) == "B2  \u{B7}  Page 7 of 12")
    }

    @Test func stampSheetPrintsEachLabelBottomRightAndDraftOnEveryPage() throws {
        let folder = try temporaryFolder("pdftest")
        defer { try? FileManager.default.removeItem(at: folder) }
        let labels = ["Front 1", "A1", "A2"]
        let draft = try write(BundleStamps.sheet(labels: labels, draft: true), "draft.pdf", in: folder)
        let final = try write(BundleStamps.sheet(labels: labels, draft: false), "final.pdf", in: folder)
        try expectCleanCheck(draft)
        try expectCleanCheck(final)
        for (index, label) in labels.enumerated() {
            let page = index + 1
            let stamp = "\(label)  ·  Page \(page) of 3"
            let draftText = try pageText(draft, page)
            #expect(flattened(draftText).contains(flattened(stamp)))
            #expect(try drawnLetters(draft, page).contains("DRAFT"))
            #expect(!(try drawnLetters(final, page).contains("DRAFT")))
            // Where poppler finds the stamp's words: the last ends 20 mm from the right edge,
            // and all sit inside the bottom 10 mm.
            let words = try wordBoxes(final, page)
            let stampWords = words.filter { ["Page", "of", "3", label.split(separator: " ").last.map(String.init) ?? ""].contains($0.word) }
            let right = try #require(stampWords.map(\.xMax).max())
            #expect(abs(right - (TextPagesPDF.pageWidth - 20 * BundleStamps.millimetre)) < 1.5, "ends at \(right)")
            for word in stampWords {
                #expect(word.yMin > TextPagesPDF.pageHeight - 10 * BundleStamps.millimetre, "\(word) in the bottom strip")
                #expect(word.xMin > TextPagesPDF.pageWidth / 2, "\(word) in the right half")
            }
        }
    }

    // MARK: The qpdf wrapper

    @Test func aFileQPDFCannotReadIsNamedInTheError() throws {
        let folder = try temporaryFolder("pdftest")
        defer { try? FileManager.default.removeItem(at: folder) }
        let notes = try write(Data("Notes of the home visit\n".utf8), "notes.pdf", in: folder)
        let error = try #require(throws: AttendocError.self) { try qpdf.pageCount(of: notes) }
        #expect(error.description.hasPrefix("\(notes.path) is not a PDF qpdf can read: "), "\(error)")
        #expect(error.description.contains("can't find PDF header"), "\(error)")

        let named = try #require(throws: AttendocError.self) { try qpdf.outline(of: notes, name: "exhibit AB/4 (notes.pdf)") }
        #expect(named.description.hasPrefix("exhibit AB/4 (notes.pdf) is not a PDF qpdf can read: "), "\(named)")

        let plain = try write(TextPagesPDF.plainPages([["Secret"]]), "plain.pdf", in: folder)
        let locked = folder.appendingPathComponent("locked.pdf")
        try run("qpdf", ["--encrypt", "user-password", "owner-password", "256", "--", plain.path, locked.path])
        let lockedError = try #require(throws: AttendocError.self) { try qpdf.pageCount(of: locked) }
        #expect(lockedError.description.contains("\(locked.path) is not a PDF qpdf can read"), "\(lockedError)")
        #expect(lockedError.description.contains("password"), "\(lockedError)")

        let damaged = try write(TextPagesPDF.plainPages([["Half a file"]]).prefix(300), "damaged.pdf", in: folder)
        let damagedError = try #require(throws: AttendocError.self) { try qpdf.pageCount(of: damaged) }
        #expect(damagedError.description.contains("\(damaged.path) is not a PDF qpdf can read"), "\(damagedError)")

        let missing = folder.appendingPathComponent("missing.pdf")
        let missingError = try #require(throws: AttendocError.self) { try qpdf.pageCount(of: missing) }
        #expect(missingError.description.contains("\(missing.path) does not exist"), "\(missingError)")
    }

    @Test func pageRangesAreCompactAndKeepTheirOrder() {
        #expect(QPDF.pageRanges([3, 4, 5, 6, 7, 9]) == "3-7,9")
        #expect(QPDF.pageRanges([5]) == "5")
        #expect(QPDF.pageRanges([1, 2, 10, 11, 4]) == "1-2,10-11,4")
        #expect(QPDF.pageRanges([7, 6]) == "7,6")
    }

    // MARK: Assembly

    /// A 12-page bundle: the pages FOP would lay out, with placeholders at 4 (under which goes
    /// page 2 of a letter given as bytes), 6 to 8 (a three-page supplied PDF) and 11 and 12 (the
    /// letter's pages 3 and 1).
    func assembleExample(draft: Bool, in folder: URL, qpdf explicitQPDF: QPDF? = nil) throws -> BundlePDFAssembly.Assembled {
        let qpdf = explicitQPDF ?? self.qpdf
        let placeholders: Set<Int> = [4, 6, 7, 8, 11, 12]
        let pages = TextPagesPDF.plainPages((1...12).map { placeholders.contains($0) ? [] : ["Bundle page \($0) laid out by FOP"] })
        let supplied = try write(TextPagesPDF.plainPages((1...3).map { ["Exhibit AB/3 school register page \($0)"] }), "register.pdf", in: folder)
        let letter = TextPagesPDF.plainPages((1...3).map { ["Letter to Ms D’Souza page \($0)"] })
        let labels = try BundleStamps.pageLabels(runs: [("Front ", 1), ("A", 3), ("B", 6)], pageCount: 12)
        return try BundlePDFAssembly.assemble(
            pages: pages,
            underlays: [
                .init(source: .file(supplied), sourcePages: [1, 2, 3], targetPages: [6, 7, 8]),
                .init(source: .data(letter, name: "the first warning letter"), sourcePages: [2, 3, 1], targetPages: [4, 11, 12]),
            ],
            labels: labels, draft: draft, qpdf: qpdf)
    }

    @Test func assemblyLaysExhibitsUnderPlaceholdersAndStampsEveryPage() throws {
        let folder = try temporaryFolder("pdftest")
        defer { try? FileManager.default.removeItem(at: folder) }
        // This test's own working folder, so that no other test's files can be counted.
        let working = folder.appendingPathComponent("working")
        try FileManager.default.createDirectory(at: working, withIntermediateDirectories: true)
        var qpdf = self.qpdf
        qpdf.temporaryFolder = working
        let assembled = try assembleExample(draft: false, in: folder, qpdf: qpdf)
        #expect(assembled.warnings.isEmpty)
        let bundle = try write(assembled.pdf, "bundle.pdf", in: folder)
        try expectCleanCheck(bundle)
        #expect(try qpdf.pageCount(of: bundle) == 12)

        let labels = ["Front 1", "Front 2", "A1", "A2", "A3", "B1", "B2", "B3", "B4", "B5", "B6", "B7"]
        let expected: [Int: String] = [
            4: "Letter to Ms D’Souza page 2", 6: "Exhibit AB/3 school register page 1", 7: "Exhibit AB/3 school register page 2",
            8: "Exhibit AB/3 school register page 3", 11: "Letter to Ms D’Souza page 3", 12: "Letter to Ms D’Souza page 1",
        ]
        for page in 1...12 {
            let text = try pageText(bundle, page)
            #expect(text.contains(expected[page] ?? "Bundle page \(page) laid out by FOP"), "page \(page): \(text)")
            #expect(flattened(text).contains(flattened("\(labels[page - 1])  ·  Page \(page) of 12")), "page \(page): \(text)")
            #expect(!(try drawnLetters(bundle, page).contains("DRAFT")))
        }
        // The example the brief names: an underlaid page shows its own text and its stamp.
        let seventh = try pageText(bundle, 7)
        #expect(seventh.contains("Exhibit AB/3 school register page 2"))
        #expect(flattened(seventh).contains(flattened("B2  ·  Page 7 of 12")))

        let again = try assembleExample(draft: false, in: folder, qpdf: qpdf)
        #expect(again.pdf == assembled.pdf, "the same input gives the same bytes")
        #expect(try FileManager.default.contentsOfDirectory(atPath: working.path).isEmpty, "no temporary files are left behind")
    }

    @Test func aDraftBundleSaysDraftOnEveryPage() throws {
        let folder = try temporaryFolder("pdftest")
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundle = try write(try assembleExample(draft: true, in: folder).pdf, "draft.pdf", in: folder)
        try expectCleanCheck(bundle)
        for page in 1...12 {
            let text = try pageText(bundle, page)
            #expect(try drawnLetters(bundle, page).contains("DRAFT"), "page \(page)")
            #expect(flattened(text).contains("Page \(page) of 12"), "page \(page)")
        }
        #expect(try pageText(bundle, 6).contains("Exhibit AB/3 school register page 1"), "the exhibit still reads under the outline")
    }

    /// qpdf exits 3 when it repaired a file: the bundle is made, and the warnings name the exhibit.
    @Test func aRepairableExhibitIsLaidInWithWarnings() throws {
        let folder = try temporaryFolder("pdftest")
        defer { try? FileManager.default.removeItem(at: folder) }
        var damaged = [UInt8](TextPagesPDF.plainPages([["Exhibit AB/7 with a broken cross-reference table"]]))
        let marker = Array("startxref\n".utf8)
        let start = try #require((0...(damaged.count - marker.count)).last { Array(damaged[$0..<$0 + marker.count]) == marker }) + marker.count
        let end = try #require(damaged[start...].firstIndex(of: UInt8(ascii: "\n")))
        damaged.replaceSubrange(start..<end, with: Array("9".utf8))
        let assembled = try BundlePDFAssembly.assemble(
            pages: TextPagesPDF.plainPages([["Index"], []]),
            underlays: [.init(source: .data(Data(damaged), name: "exhibit AB/7"), sourcePages: [1], targetPages: [2])],
            labels: ["Front 1", "A1"], draft: false, qpdf: qpdf)
        #expect(assembled.warnings.contains("exhibit AB/7: file is damaged"), "\(assembled.warnings)")
        #expect(!assembled.warnings.joined().contains(FileManager.default.temporaryDirectory.path), "\(assembled.warnings)")
        let bundle = try write(assembled.pdf, "bundle.pdf", in: folder)
        try expectCleanCheck(bundle)
        #expect(try pageText(bundle, 2).contains("Exhibit AB/7 with a broken cross-reference table"))
    }

    @Test func assemblyRefusesWhatWouldGoQuietlyWrong() throws {
        let folder = try temporaryFolder("pdftest")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pages = TextPagesPDF.plainPages([["Index"], [], []])
        let exhibit = TextPagesPDF.plainPages([["Exhibit page 1"], ["Exhibit page 2"]])
        let labels = ["Front 1", "A1", "A2"]
        func failure(_ underlays: [BundlePDFAssembly.Underlay], labels: [String] = labels) -> String {
            do {
                _ = try BundlePDFAssembly.assemble(pages: pages, underlays: underlays, labels: labels, draft: false, qpdf: qpdf)
                return "no error"
            } catch {
                return error.description
            }
        }
        #expect(failure([], labels: ["Front 1"]) == "the bundle's laid-out pages are 3 pages, but there are 1 page labels")
        #expect(failure([.init(source: .data(exhibit, name: "exhibit AB/1"), sourcePages: [1, 2], targetPages: [3, 4])])
                == "the bundle has 3 pages, so it has no page 4 to lay exhibit AB/1 under")
        #expect(failure([.init(source: .data(exhibit, name: "exhibit AB/1"), sourcePages: [3], targetPages: [2])])
                == "exhibit AB/1 has 2 pages, so it has no page 3 to lay into the bundle")
        #expect(failure([.init(source: .data(exhibit, name: "exhibit AB/1"), sourcePages: [1], targetPages: [2]),
                         .init(source: .data(exhibit, name: "exhibit AB/2"), sourcePages: [1], targetPages: [2])])
                == "bundle page 2 would hold both exhibit AB/1 and exhibit AB/2")
        #expect(failure([.init(source: .data(exhibit, name: "exhibit AB/1"), sourcePages: [1, 2], targetPages: [2])])
                == "cannot lay 2 pages of exhibit AB/1 under 1 bundle pages")
        let notPDF = failure([.init(source: .data(Data("<html>scan</html>".utf8), name: "exhibit AB/5 (scan.html)"),
                                    sourcePages: [1], targetPages: [2])])
        #expect(notPDF.hasPrefix("exhibit AB/5 (scan.html) is not a PDF qpdf can read: "), "\(notPDF)")
        #expect(!notPDF.contains(FileManager.default.temporaryDirectory.path), "no temporary path in \(notPDF)")
        let missing = folder.appendingPathComponent("register.pdf")
        #expect(failure([.init(source: .file(missing), sourcePages: [1], targetPages: [2])]) == "\(missing.path) does not exist")
    }

    /// A pages PDF as FOP makes it (PDF/A-1b, the project's fonts), with bookmarks two deep, links
    /// both ways, roman then arabic page labels and two placeholder pages (an empty fo:block makes
    /// no page, so each holds a no-break space).
    @Test func assemblyKeepsBookmarksLinksAndPageLabels() throws {
        let folder = try temporaryFolder("pdftest")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fo = folder.appendingPathComponent("pages.fo")
        let pages = folder.appendingPathComponent("pages.pdf")
        try Data(Self.pagesFO.utf8).write(to: fo)
        let fop = try run("fop", ["-q", "-c", resources.fopConfiguration.path, "-pdfprofile", "PDF/A-1b", "-fo", fo.path, "-pdf", pages.path])
        #expect(fop.status == 0, "\(fop.error)")

        let outline = try qpdf.outline(of: pages)
        #expect(outline == [
            QPDF.OutlineEntry(title: "Front sheet", page: 1, depth: 0),
            QPDF.OutlineEntry(title: "A. Summary & chronology", page: 2, depth: 0),
            QPDF.OutlineEntry(title: "Chronology", page: 2, depth: 1),
            QPDF.OutlineEntry(title: "Statement of Zoë D’Souza", page: 3, depth: 1),
            QPDF.OutlineEntry(title: "B. Letters", page: 5, depth: 0),
            QPDF.OutlineEntry(title: "first-warning-letter", page: 5, depth: 1),
        ])

        let letter = TextPagesPDF.plainPages([["First warning letter, page 1 of 2"], ["First warning letter, page 2 of 2"]])
        let labels = try BundleStamps.pageLabels(runs: [("Front ", 1), ("A", 2), ("B", 5)], pageCount: 6)
        let assembled = try BundlePDFAssembly.assemble(
            pages: try Data(contentsOf: pages),
            underlays: [.init(source: .data(letter, name: "the first warning letter"), sourcePages: [1, 2], targetPages: [5, 6])],
            labels: labels, draft: true, qpdf: qpdf)
        let bundle = try write(assembled.pdf, "bundle.pdf", in: folder)
        try expectCleanCheck(bundle)

        #expect(try qpdf.outline(of: bundle) == outline)
        let before = try pageFacts(pages), after = try pageFacts(bundle)
        #expect(before.map(\.links) == [1, 0, 1, 0, 0, 0], "the test's own links are where it put them")
        #expect(after.map(\.links) == before.map(\.links), "links survive")
        #expect(before.map(\.linkTargets) == [[3], [], [1], [], [], []])
        #expect(after.map(\.linkTargets) == before.map(\.linkTargets), "and still open the same pages")
        #expect(before.map(\.label) == ["/r 1", "/D 2", "/D 3", "/D 4", "/D 5", "/D 6"], "roman, then arabic from 2")
        #expect(after.map(\.label) == before.map(\.label), "page labels survive")
        #expect(try pageText(bundle, 6).contains("First warning letter, page 2 of 2"))
        #expect(flattened(try pageText(bundle, 6)).contains(flattened("B2  ·  Page 6 of 6")))

        // To look at it (the stamp in the bottom-right margin, clear of the text above it):
        // ATTENDOC_KEEP_BUNDLE_PDF=FOLDER keeps the pages PDF, the bundle and page 3 as a picture.
        if let keep = ProcessInfo.processInfo.environment["ATTENDOC_KEEP_BUNDLE_PDF"] {
            let keep = URL(fileURLWithPath: keep)
            try run("pdftoppm", ["-png", "-r", "60", "-f", "3", "-l", "3", bundle.path, folder.appendingPathComponent("page").path])
            for file in ["pages.pdf", "bundle.pdf", "page-3.png"] {
                try? FileManager.default.removeItem(at: keep.appendingPathComponent(file))
                try FileManager.default.copyItem(at: folder.appendingPathComponent(file), to: keep.appendingPathComponent(file))
            }
        }
    }

    static let pagesFO = """
        <?xml version="1.0" encoding="UTF-8"?>
        <fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" font-family="Liberation Sans" font-size="11pt">
          <fo:layout-master-set>
            <fo:simple-page-master master-name="A4" page-width="210mm" page-height="297mm" margin-top="20mm" margin-left="25mm" margin-right="20mm" margin-bottom="10mm">
              <fo:region-body margin-bottom="15mm"/>
              <fo:region-after extent="10mm"/>
            </fo:simple-page-master>
          </fo:layout-master-set>
          <fo:bookmark-tree>
            <fo:bookmark internal-destination="front"><fo:bookmark-title>Front sheet</fo:bookmark-title></fo:bookmark>
            <fo:bookmark internal-destination="A"><fo:bookmark-title>A. Summary &amp; chronology</fo:bookmark-title>
              <fo:bookmark internal-destination="chronology"><fo:bookmark-title>Chronology</fo:bookmark-title></fo:bookmark>
              <fo:bookmark internal-destination="statement"><fo:bookmark-title>Statement of Zoë D’Souza</fo:bookmark-title></fo:bookmark>
            </fo:bookmark>
            <fo:bookmark internal-destination="B"><fo:bookmark-title>B. Letters</fo:bookmark-title>
              <fo:bookmark internal-destination="first-warning-letter"><fo:bookmark-title>first-warning-letter</fo:bookmark-title></fo:bookmark>
            </fo:bookmark>
          </fo:bookmark-tree>
          <fo:page-sequence master-reference="A4" format="i">
            <fo:static-content flow-name="xsl-region-after"><fo:block font-size="9pt">CAT-2026-0142 Evidence bundle</fo:block></fo:static-content>
            <fo:flow flow-name="xsl-region-body">
              <fo:block id="front">Front sheet. The statement starts on <fo:basic-link internal-destination="statement">page <fo:page-number-citation ref-id="statement"/></fo:basic-link>.</fo:block>
              \((1...50).map { "<fo:block>Line \($0) of the front sheet, which runs down to its bottom margin.</fo:block>" }.joined())
            </fo:flow>
          </fo:page-sequence>
          <fo:page-sequence master-reference="A4" initial-page-number="auto">
            <fo:static-content flow-name="xsl-region-after"><fo:block font-size="9pt">CAT-2026-0142 Evidence bundle</fo:block></fo:static-content>
            <fo:flow flow-name="xsl-region-body">
              <fo:block id="A"><fo:block id="chronology">Chronology</fo:block></fo:block>
              <fo:block id="statement" break-before="page">Statement. Back to the <fo:basic-link internal-destination="front">front sheet</fo:basic-link>.</fo:block>
              \((1...80).map { "<fo:block>Paragraph \($0) of the statement, set right down to the bottom margin of its pages.</fo:block>" }.joined())
              <fo:block id="B" break-before="page"><fo:block id="first-warning-letter">&#160;</fo:block></fo:block>
              <fo:block break-before="page">&#160;</fo:block>
            </fo:flow>
          </fo:page-sequence>
        </fo:root>
        """

    // MARK: Helpers

    private func write(_ data: some DataProtocol, _ name: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(data).write(to: url)
        return url
    }

    /// `qpdf --check` finds nothing wrong: exit 0 and no warning.
    private func expectCleanCheck(_ url: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let check = try run("qpdf", ["--check", url.path])
        #expect(check.status == 0, "\(check.output)\(check.error)", sourceLocation: sourceLocation)
        #expect(!(check.output + check.error).contains("WARNING"), "\(check.output)\(check.error)", sourceLocation: sourceLocation)
        #expect(check.output.contains("No syntax or stream encoding errors found"), sourceLocation: sourceLocation)
    }

    /// The text poppler reads on one page.
    private func pageText(_ url: URL, _ page: Int) throws -> String {
        try run("pdftotext", ["-enc", "UTF-8", "-f", "\(page)", "-l", "\(page)", url.path, "-"]).output
    }

    /// The letters of one page in the order they are drawn, without spaces and line breaks: how to
    /// find the diagonal "DRAFT", which poppler's reading order splits into "FT", "A", "R", "D".
    private func drawnLetters(_ url: URL, _ page: Int) throws -> String {
        try run("pdftotext", ["-raw", "-enc", "UTF-8", "-f", "\(page)", "-l", "\(page)", url.path, "-"]).output.filter { !$0.isWhitespace }
    }

    /// Each word poppler finds on one page, with its box in points from the top-left corner.
    private func wordBoxes(_ url: URL, _ page: Int) throws -> [(word: String, xMin: Double, yMin: Double, xMax: Double, yMax: Double)] {
        let html = try run("pdftotext", ["-bbox", "-enc", "UTF-8", "-f", "\(page)", "-l", "\(page)", url.path, "-"]).output
        let pattern = try NSRegularExpression(pattern: #"<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>"#)
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { match in
            func group(_ index: Int) -> String { String(html[Range(match.range(at: index), in: html)!]) }
            return (htmlText(group(5)), Double(group(1))!, Double(group(2))!, Double(group(3))!, Double(group(4))!)
        }
    }

    /// For each page: how many link annotations it has, the page each opens, and its page label
    /// (style and number, "/r 1"), from qpdf's JSON.
    private func pageFacts(_ url: URL) throws -> [(links: Int, linkTargets: [Int], label: String?)] {
        let json = try run("qpdf", ["--json=2", "--json-key=pages", "--json-key=qpdf", url.path]).output
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let pages = try #require(root["pages"] as? [[String: Any]])
        let objects = try #require((root["qpdf"] as? [Any])?.last as? [String: Any])
        func value(_ reference: Any?) -> Any? {
            guard let reference = reference as? String, reference.hasSuffix(" R") else { return reference }
            return (objects["obj:\(reference)"] as? [String: Any])?["value"]
        }
        let pageObjects = pages.map { $0["object"] as? String ?? "" }
        return pages.map { page in
            let dictionary = value(page["object"]) as? [String: Any] ?? [:]
            let annotations = (value(dictionary["/Annots"]) as? [Any] ?? []).compactMap { value($0) as? [String: Any] }
            let links = annotations.filter { $0["/Subtype"] as? String == "/Link" }
            let targets = links.compactMap { link -> Int? in
                let destination = value(link["/Dest"]) ?? (value(link["/A"]) as? [String: Any]).flatMap { value($0["/D"]) }
                guard let first = (destination as? [Any])?.first as? String, let index = pageObjects.firstIndex(of: first) else { return nil }
                return index + 1
            }
            let label = (page["label"] as? [String: Any]).map { "\($0["/S"] ?? "") \($0["/St"] ?? "")" }
            return (links.count, targets, label)
        }
    }

}
