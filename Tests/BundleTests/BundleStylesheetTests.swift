import AttendocPrograms
import AttendocTesting
import Foundation
import SafeXML
import Testing

/// The sample evidence bundle (Fixtures/bundle/sample-bundle.xml) laid out as `attendoc bundle`
/// lays it out: schema/bundle.rng, then stylesheets/bundle-fo.xsl with bundle.part='documents'
/// through FOP, the documents PDF's bookmarks read with qpdf to learn each typeset entry's page
/// count, then bundle-fo.xsl again (the pages part) with typeset.pages through FOP. Two FOP runs
/// for the whole file, shared by every test.
struct LaidOutBundle: Sendable {
    /// A bookmark: its title, the page it opens (from 1), and those beneath it.
    struct Bookmark: Sendable, Equatable {
        var title: String
        var page: Int
        var kids: [Bookmark]
    }

    /// An entry of the sample, in document order.
    struct Entry: Sendable {
        var id: String
        var title: String
        var section: String
        /// content, typeset, supplied-pdf, supplied-image or supplied-text.
        var kind: String
        /// For a supplied PDF: its @pages.
        var suppliedPages: Int?
    }

    /// A section of the sample: "A. Summary and chronology" and its entries.
    struct Section: Sendable {
        var name: String
        var entries: [Entry]
    }

    let folder: URL
    let sections: [Section]
    let documentsPDF: URL
    let documentsBookmarks: [Bookmark]
    let documentsPageTexts: [String]
    /// Each typeset entry's page count, from the documents PDF's bookmarks.
    let typesetPages: [String: Int]
    let typesetPagesParameter: String
    let pagesFO: String
    let pagesPDF: URL
    let pagesBookmarks: [Bookmark]
    /// The pages PDF's text, page by page (index 0 is page 1), in the order FOP wrote it
    /// (`pdftotext -raw`: a table cell's lines stay together).
    let pageTexts: [String]
    /// The same laid out as on the page (`pdftotext -layout`: a table row on one line).
    let layoutPageTexts: [String]

    var entries: [Entry] { sections.flatMap(\.entries) }

    /// The text of page `number` (from 1), whitespace flattened.
    func page(_ number: Int) -> String {
        number >= 1 && number <= pageTexts.count ? flattened(pageTexts[number - 1]) : ""
    }

    static let sample = fixture("bundle/sample-bundle.xml")
    static let schema = repositoryRoot.appendingPathComponent("schema/bundle.rng")
    static let stylesheet = repositoryRoot.appendingPathComponent("stylesheets/bundle-fo.xsl")
    /// What the sample's supplied files' src attributes start with; the test puts them here.
    static let exhibitsPlaceholder = "file:///attendoc-test-exhibits/"

    static let shared: Result<LaidOutBundle, any Error> = Result { try layOut() }

    static func layOut() throws -> LaidOutBundle {
        let folder = try temporaryFolder("bundle")
        let exhibits = folder.appendingPathComponent("exhibits", isDirectory: true)
        try FileManager.default.createDirectory(at: exhibits, withIntermediateDirectories: true)

        // The sample, its supplied files pointing into this test's folder; valid, then parsed.
        let text = try String(contentsOf: sample, encoding: .utf8)
            .replacingOccurrences(of: exhibitsPlaceholder, with: exhibits.absoluteURL.absoluteString)
        let tree = try XMLTree(data: Data(text.utf8), source: sample.path)
        try RelaxNGSchema(contentsOf: schema).validate(tree)
        let stylesheet = try XSLTStylesheet(contentsOf: Self.stylesheet)
        let sections = try outline(of: tree)

        // The documents PDF, and where each typeset entry starts in it.
        let documentsFO = try stylesheet.transform(tree, parameters: ["bundle.part": "documents"])
        let documentsPDF = folder.appendingPathComponent("documents.pdf")
        try typeset(documentsFO, named: "documents", into: documentsPDF)
        let documentsBookmarks = try bookmarks(of: documentsPDF)
        let documentsPages = try pageCount(of: documentsPDF)
        var typesetPages: [String: Int] = [:]
        for (index, bookmark) in documentsBookmarks.enumerated() {
            let next = index + 1 < documentsBookmarks.count ? documentsBookmarks[index + 1].page : documentsPages + 1
            typesetPages[bookmark.title] = next - bookmark.page
        }
        let parameter = documentsBookmarks.map { "\($0.title)=\(typesetPages[$0.title] ?? 0) " }.joined()

        // The supplied files: a 2-page PDF (two pages of the documents PDF) and a scan (a page
        // of it as a PNG). Only the image is read by FOP; the PDF is what qpdf would lay under.
        _ = try checkedRun("qpdf", ["--empty", "--pages", documentsPDF.path, "1-2", "--",
                                    exhibits.appendingPathComponent("parenting-contract-2026-10-02.pdf").path])
        _ = try checkedRun("pdftoppm", ["-png", "-r", "60", "-gray", "-f", "3", "-l", "3", "-singlefile", documentsPDF.path,
                                        exhibits.appendingPathComponent("early-help-referral-2026-10-23").path])

        // The pages PDF.
        let pagesFO = try stylesheet.transform(tree, parameters: ["typeset.pages": parameter])
        let pagesPDF = folder.appendingPathComponent("pages.pdf")
        try typeset(pagesFO, named: "pages", into: pagesPDF)

        return LaidOutBundle(
            folder: folder, sections: sections,
            documentsPDF: documentsPDF, documentsBookmarks: documentsBookmarks,
            documentsPageTexts: try pageTexts(of: documentsPDF),
            typesetPages: typesetPages, typesetPagesParameter: parameter,
            pagesFO: String(decoding: pagesFO, as: UTF8.self),
            pagesPDF: pagesPDF, pagesBookmarks: try bookmarks(of: pagesPDF),
            pageTexts: try pageTexts(of: pagesPDF, mode: "-raw"),
            layoutPageTexts: try pageTexts(of: pagesPDF))
    }

    /// The sections and entries of a bundle, read with a small stylesheet of its own (the test
    /// must not learn them from the stylesheet under test).
    static func outline(of tree: XMLTree) throws -> [Section] {
        let reader = try XSLTStylesheet(data: Data("""
        <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
            xmlns:b="urn:attendoc:bundle:1">
          <xsl:output method="text" encoding="UTF-8"/>
          <xsl:template match="/">
            <xsl:for-each select="b:bundle/b:section">
              <xsl:value-of select="concat('S&#9;', @letter, '. ', @title, '&#10;')"/>
              <xsl:for-each select="b:entry">
                <xsl:value-of select="concat('E&#9;', @id, '&#9;', @title, '&#9;', local-name(*), '&#9;', b:supplied-pdf/@pages, '&#10;')"/>
              </xsl:for-each>
            </xsl:for-each>
          </xsl:template>
        </xsl:stylesheet>
        """.utf8), source: "bundle-outline.xsl")
        var sections: [Section] = []
        for line in String(decoding: try reader.transform(tree), as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if fields[0] == "S" {
                sections.append(Section(name: fields[1], entries: []))
            } else if !sections.isEmpty {
                sections[sections.count - 1].entries.append(Entry(
                    id: fields[1], title: fields[2], section: sections[sections.count - 1].name,
                    kind: fields[3], suppliedPages: Int(fields[4])))
            }
        }
        return sections
    }

    /// One FOP run: `fo` to `pdf`, with the project's configuration (no PDF profile: a bundle
    /// takes in PDFs that are not PDF/A).
    static func typeset(_ fo: Data, named name: String, into pdf: URL) throws {
        let file = pdf.deletingPathExtension().appendingPathExtension("fo")
        try fo.write(to: file)
        var environment = ProcessInfo.processInfo.environment
        environment["JAVA_ARGS"] = PDFTypesetter.javaArguments
        let result = try run("fop", ["-c", resources.fopConfiguration.path, "-fo", file.path, "-pdf", pdf.path],
                             environment: environment)
        guard result.status == 0, FileManager.default.fileExists(atPath: pdf.path) else {
            throw BundleTestFailure("FOP failed on the \(name) FO (\(file.path)): \(result.error)")
        }
    }

    /// A PDF's bookmarks, as qpdf reads them.
    static func bookmarks(of pdf: URL) throws -> [Bookmark] {
        let json = try checkedRun("qpdf", ["--json=2", "--json-key=outlines", pdf.path]).output
        guard let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let outlines = object["outlines"] as? [[String: Any]] else {
            throw BundleTestFailure("qpdf gave no outlines for \(pdf.path)")
        }
        func read(_ items: [[String: Any]]) -> [Bookmark] {
            items.map { item in
                Bookmark(title: item["title"] as? String ?? "", page: item["destpageposfrom1"] as? Int ?? 0,
                         kids: read(item["kids"] as? [[String: Any]] ?? []))
            }
        }
        return read(outlines)
    }

    static func pageCount(of pdf: URL) throws -> Int {
        let output = try checkedRun("qpdf", ["--show-npages", pdf.path]).output
        guard let count = Int(output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BundleTestFailure("qpdf did not count the pages of \(pdf.path)")
        }
        return count
    }

    /// The text of each page (pdftotext ends every page with a form feed).
    static func pageTexts(of pdf: URL, mode: String = "-layout") throws -> [String] {
        let text = try checkedRun("pdftotext", [mode, "-enc", "UTF-8", pdf.path, "-"]).output
        var pages = text.components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }

    @discardableResult
    static func checkedRun(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let result = try run(program, arguments)
        guard result.status == 0 else {
            throw BundleTestFailure("\(program) \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.error)")
        }
        return result
    }
}

struct BundleTestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

@Suite("Evidence bundle vocabulary and layout (bundle.rng, bundle-fo.xsl, FOP)")
struct BundleStylesheetTests {
    static let sampleText = (try? String(contentsOf: LaidOutBundle.sample, encoding: .utf8)) ?? ""

    /// Where each entry of the index says it starts, read from the index's own printed text: the
    /// last number on the line where the entry's title (or the section's name) begins. Entries
    /// are looked for in order, each after the one before.
    static func printedIndex(_ bundle: LaidOutBundle) throws -> (sections: [String: Int], entries: [String: Int], lastIndexPage: Int) {
        // The index runs from page 2 up to the page before section A's divider.
        var lines: [String] = []
        var page = 2
        repeat {
            lines += bundle.layoutPageTexts[page - 1].components(separatedBy: "\n")
            page += 1
        } while page <= bundle.pageTexts.count && !bundle.page(page).hasPrefix("Section ")
        let lastIndexPage = page - 1
        var sections: [String: Int] = [:], entries: [String: Int] = [:]
        var from = 0
        func number(after text: String) throws -> Int {
            let start = String(text.prefix(28))
            guard let found = lines[from...].firstIndex(where: { $0.contains(start) }) else {
                throw BundleTestFailure("the index has no line with \"\(start)\"")
            }
            from = found + 1
            let numbers = lines[found].split(separator: " ").compactMap { Int($0) }
            guard let last = numbers.last else { throw BundleTestFailure("no page number on \"\(lines[found])\"") }
            return last
        }
        for section in bundle.sections {
            sections[section.name] = try number(after: section.name)
            for entry in section.entries {
                entries[entry.id] = try number(after: entry.title)
            }
        }
        return (sections, entries, lastIndexPage)
    }

    /// Text without any whitespace: a title FOP broke after a hyphen still compares equal.
    static func squeezed(_ text: String) -> String {
        String(text.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) })
    }

    // MARK: The vocabulary

    @Test func theSamplesMatchTheSchema() throws {
        let schema = try RelaxNGSchema(contentsOf: LaidOutBundle.schema)
        try schema.validate(try XMLTree(contentsOf: LaidOutBundle.sample))
        try schema.validate(try XMLTree(contentsOf: fixture("bundle/draft-bundle.xml")))
        // Every element of the vocabulary is used in the samples.
        let both = Self.sampleText + ((try? String(contentsOf: fixture("bundle/draft-bundle.xml"), encoding: .utf8)) ?? "")
        for element in ["bundle", "meta", "title", "author", "reference", "date", "front-sheet", "court", "parties",
                        "prosecutor", "defendant", "offence", "facts", "fact", "gaps", "gap", "place", "problem", "to-do",
                        "section", "entry", "content", "typeset", "supplied-pdf", "supplied-image", "supplied-text",
                        "heading", "para", "charge", "list", "item", "table", "columns", "column", "row", "cell",
                        "em", "strong", "ref", "page-count", "witness-statement", "witness", "name", "age", "occupation",
                        "declaration", "paragraph", "signature", "d:document"] {
            let tag = element == "d:document" ? "<document xmlns=\"urn:attendoc:document:1\"" : "<\(element)"
            #expect(both.contains(tag + ">") || both.contains(tag + " ") || both.contains(tag + "/"), "\(element) is used")
        }
    }

    @Test func anInvalidBundleIsRefusedNamingTheProblem() throws {
        let schema = try RelaxNGSchema(contentsOf: LaidOutBundle.schema)
        // A front sheet with a "venue" where the court belongs.
        let venue = Self.sampleText.replacingOccurrences(of: "<court>", with: "<venue>")
            .replacingOccurrences(of: "</court>", with: "</venue>")
        // libxml2 reports the element whose content is wrong: the front sheet.
        let line = (venue.components(separatedBy: "\n").firstIndex { $0.contains("<front-sheet>") } ?? -1) + 1
        let error = #expect(throws: XMLError.self) { try schema.validate(try XMLTree(data: Data(venue.utf8), source: "venue.xml")) }
        #expect(error?.kind == .invalid)
        #expect(error?.message.contains("venue") == true, "\(error?.message ?? "")")
        #expect(error?.problems.contains { $0.line == line && $0.file == "venue.xml" } == true)

        // An embedded letter is held to the document vocabulary (document.rng, through externalRef).
        let letter = Self.sampleText.replacingOccurrences(of: "<salutation>Dear Mr O", with: "<greeting/><salutation>Dear Mr O")
        let letterError = #expect(throws: XMLError.self) { try schema.validate(try XMLTree(data: Data(letter.utf8), source: "letter.xml")) }
        #expect(letterError?.message.contains("greeting") == true, "\(letterError?.message ?? "")")

        // A ref to no entry, an id used twice, gaps on a final bundle, a page-count outside a statement.
        for (broken, named) in [
            (Self.sampleText.replacingOccurrences(of: "<ref to=\"d2\"/>", with: "<ref to=\"d9\"/>"), "unknown ID"),
            (Self.sampleText.replacingOccurrences(of: "<entry id=\"e2\"", with: "<entry id=\"e1\""), "id"),
            (Self.sampleText.replacingOccurrences(of: "</facts>\n  </front-sheet>",
                                                  with: "</facts><gaps><gap><place>p</place><problem>q</problem><to-do>r</to-do></gap></gaps>\n  </front-sheet>"), "gaps"),
            (Self.sampleText.replacingOccurrences(of: "<para>Each parent", with: "<para><page-count/>Each parent"), "page-count"),
        ] {
            #expect(broken != Self.sampleText)
            let error = #expect(throws: XMLError.self) { try schema.validate(try XMLTree(data: Data(broken.utf8), source: "broken.xml")) }
            #expect(error?.kind == .invalid)
            #expect(error?.message.contains(named) == true, "\(named): \(error?.message ?? "")")
        }
    }

    @Test func nothingUnknownPassesTheGuard() throws {
        let stylesheet = try XSLTStylesheet(contentsOf: LaidOutBundle.stylesheet)
        let counts = "c1=2 d1=2 e1=2 e2=2 "
        let cases: [(text: String, part: String, says: [String])] = [
            // An element of the bundle's own, and of an embedded letter, unknown to the stylesheet.
            (Self.sampleText.replacingOccurrences(of: "<para>Each parent", with: "<frobnicate>lost words</frobnicate><para>Each parent"),
             "pages", ["frobnicate", "/bundle/section[1]/entry[1]/content/frobnicate"]),
            (Self.sampleText.replacingOccurrences(of: "<salutation>Dear Mr O", with: "<frobnicate/><salutation>Dear Mr O"),
             "documents", ["frobnicate", "typeset/document/letter/frobnicate"]),
            // An attribute, another namespace, stray text, a ref in a statement, a ref to nothing.
            (Self.sampleText.replacingOccurrences(of: "<para>Each parent", with: "<para style=\"red\">Each parent"), "pages", ["style"]),
            (Self.sampleText.replacingOccurrences(of: "<item>Section A:", with: "<item><x:y xmlns:x=\"urn:x\"/>Section A:"), "pages", ["{urn:x}y"]),
            (Self.sampleText.replacingOccurrences(of: "</columns>", with: "</columns>stray words"), "pages", ["stray words"]),
            (Self.sampleText.replacingOccurrences(of: "<paragraph>I am willing", with: "<paragraph><ref to=\"a1\"/>I am willing"), "documents", ["ref"]),
            (Self.sampleText.replacingOccurrences(of: "<ref to=\"d2\"/>", with: "<ref to=\"d9\"/>"), "pages", ["d9"]),
            // A row with a cell too many.
            (Self.sampleText.replacingOccurrences(of: "<row><cell>Possible sessions</cell>", with: "<row><cell>x</cell><cell>Possible sessions</cell>"),
             "pages", ["4 cells", "3 columns"]),
        ]
        for (text, part, says) in cases {
            #expect(text != Self.sampleText)
            let tree = try XMLTree(data: Data(text.utf8), source: "unknown.xml")
            let error = #expect(throws: XMLError.self) {
                try stylesheet.transform(tree, parameters: ["bundle.part": part, "typeset.pages": counts])
            }
            #expect(error?.kind == .stoppedByStylesheet)
            for words in says {
                #expect(error?.message.contains(words) == true, "\(words): \(error?.message ?? "")")
            }
        }
        // The parameters are checked too.
        let sample = try XMLTree(contentsOf: LaidOutBundle.sample)
        let missing = #expect(throws: XMLError.self) { try stylesheet.transform(sample, parameters: ["typeset.pages": "c1=2 d1=2 e1=2 "]) }
        #expect(missing?.kind == .stoppedByStylesheet)
        #expect(missing?.message.contains("'e2'") == true, "\(missing?.message ?? "")")
        let part = #expect(throws: XMLError.self) { try stylesheet.transform(sample, parameters: ["bundle.part": "everything"]) }
        #expect(part?.message.contains("bundle.part") == true)
        // A bare document is for fo.xsl, not for the bundle stylesheet.
        let letter = try XMLTree(contentsOf: fixture("first-warning-letter.xml"))
        let root = #expect(throws: XMLError.self) { try stylesheet.transform(letter) }
        #expect(root?.message.contains("{urn:attendoc:bundle:1}bundle") == true)
    }

    @Test func aDraftSaysWhatIsMissingOnItsFrontSheet() throws {
        let stylesheet = try XSLTStylesheet(contentsOf: LaidOutBundle.stylesheet)
        let draft = try XMLTree(contentsOf: fixture("bundle/draft-bundle.xml"))
        let fo = String(decoding: try stylesheet.transform(draft), as: UTF8.self)
        #expect(fo.contains("DRAFT: not ready to serve. What is missing:"))
        #expect(fo.contains("parents[0] (Ms Zoë D'Souza)") && fo.contains("no final warning has been sent"))
        #expect(fo.contains("supportive_measures[2]") && fo.contains("add its outcome"))
        // The final sample has no such box.
        let final = try LaidOutBundle.shared.get()
        #expect(!final.pagesFO.contains("DRAFT"))
        // A bundle with nothing to typeset has no documents part.
        let none = #expect(throws: XMLError.self) { try stylesheet.transform(draft, parameters: ["bundle.part": "documents"]) }
        #expect(none?.message.contains("no typeset entry") == true)
    }

    @Test func aTableOfManyColumnsIsSetSmallerSoThatItsWordsFit() throws {
        let bundle = """
        <bundle xmlns="urn:attendoc:bundle:1" status="final" xml:lang="en-GB">
          <meta><title>T</title><author>A</author><reference>R</reference><date iso="2027-01-18">18 January 2027</date></meta>
          <front-sheet><court>C</court><parties><prosecutor>P</prosecutor><defendant>D</defendant></parties>
            <offence>O</offence><facts><fact label="L">V</fact></facts></front-sheet>
          <section id="B" letter="B" title="Schedule"><entry id="b1" title="Measures"><content>
            <table><columns><column>Support offered</column><column>Offered by</column><column>When</column>
              <column width="11%">Response</column><column>Outcome</column><column>Evidence</column></columns>
              <row><cell>a</cell><cell>b</cell><cell>c</cell><cell>d</cell><cell>e</cell><cell/></row></table>
            <table><columns><column>Date</column><column>Event</column></columns><row><cell>a</cell><cell>b</cell></row></table>
          </content></entry></section>
        </bundle>
        """
        let tree = try XMLTree(data: Data(bundle.utf8), source: "tables.xml")
        try RelaxNGSchema(contentsOf: LaidOutBundle.schema).validate(tree)
        let fo = String(decoding: try XSLTStylesheet(contentsOf: LaidOutBundle.stylesheet).transform(tree), as: UTF8.self)
        let tables = fo.components(separatedBy: "<fo:table table-layout=\"fixed\" width=\"100%\" space-before=\"6pt\"").dropFirst()
        #expect(tables.count == 2)
        #expect(tables.first?.prefix(200).contains("font-size=\"10pt\"") == true, "six columns: 10 pt")
        #expect(tables.last?.prefix(200).contains("font-size=\"12pt\"") == true, "two columns: 12 pt")
        // The five columns without a width share what the one with a width leaves: 89 / 5.
        #expect(fo.contains("column-width=\"proportional-column-width(17.8)\""))
        #expect(fo.contains("column-width=\"proportional-column-width(11)\""))
    }

    // MARK: The documents PDF

    @Test func theDocumentsPDFHasOneBookmarkPerTypesetEntryTitledWithItsID() throws {
        let bundle = try LaidOutBundle.shared.get()
        let typeset = bundle.entries.filter { $0.kind == "typeset" }.map(\.id)
        #expect(typeset == ["c1", "d1", "e1", "e2"])
        #expect(bundle.documentsBookmarks.map(\.title) == typeset)
        #expect(bundle.documentsBookmarks.allSatisfy { $0.kids.isEmpty })
        #expect(bundle.documentsBookmarks.first?.page == 1)
        #expect(bundle.documentsBookmarks.map(\.page) == bundle.documentsBookmarks.map(\.page).sorted())
        // Each is a one- to three-page document; together they are the whole PDF.
        for id in typeset {
            #expect((1...3).contains(bundle.typesetPages[id] ?? 0), "\(id): \(bundle.typesetPages[id] ?? 0) pages")
        }
        #expect(bundle.typesetPages.values.reduce(0, +) == bundle.documentsPageTexts.count)
        #expect(bundle.typesetPagesParameter.hasSuffix(" ") && bundle.typesetPagesParameter.hasPrefix("c1="))
        // Each starts with its own first page: the letters' "Page 1 of N", the statement's title.
        for bookmark in bundle.documentsBookmarks {
            let count = bundle.typesetPages[bookmark.title] ?? 0
            let first = flattened(bundle.documentsPageTexts[bookmark.page - 1])
            #expect(first.contains("Page 1 of \(count)"), "\(bookmark.title): \(first.suffix(80))")
            let last = flattened(bundle.documentsPageTexts[bookmark.page + count - 2])
            #expect(last.contains("Page \(count) of \(count)"), "\(bookmark.title)")
        }
        #expect(flattened(bundle.documentsPageTexts[0]).hasPrefix("Witness statement"))
        #expect(bundle.documentsPageTexts.joined().contains("Dear Ms D'Souza"))
    }

    @Test func theWitnessStatementCountsItsOwnPagesAndEveryPageIsSigned() throws {
        let bundle = try LaidOutBundle.shared.get()
        let start = try #require(bundle.documentsBookmarks.first { $0.title == "c1" }).page
        let count = try #require(bundle.typesetPages["c1"])
        #expect(count >= 2, "the sample statement runs over more than one page")
        let pages = (start..<(start + count)).map { flattened(bundle.documentsPageTexts[$0 - 1]) }
        #expect(pages[0].contains("This statement (consisting of \(count) pages each signed by me) is true to the best of my knowledge and belief"))
        #expect(pages[0].contains("Statement of: Alex Brennan") && pages[0].contains("Age if under 18: Over 18"))
        for (offset, page) in pages.enumerated() {
            #expect(page.contains("Signed:"), "page \(offset + 1) is signed")
            #expect(page.hasSuffix("Page \(offset + 1) of \(count)"), "\(page.suffix(60))")
        }
        // Numbered paragraphs, the exhibits named, the signature at the end.
        let all = pages.joined(separator: " ")
        #expect(all.contains("1. I am employed by Northshire County Council"))
        #expect(all.contains("12. I am willing to attend court"))
        for exhibit in 1...6 { #expect(all.contains("AB/\(exhibit)")) }
        #expect(pages[count - 1].contains("Alex Brennan Signed: Date:"))
        #expect(pages.dropFirst().allSatisfy { $0.hasPrefix("Continuation of the statement of Alex Brennan") })
    }

    // MARK: The pages PDF

    @Test func theIndexPrintsThePageWhereEachEntryReallyStarts() throws {
        let bundle = try LaidOutBundle.shared.get()
        let index = try Self.printedIndex(bundle)
        #expect(bundle.page(1).contains("Evidence bundle"))
        #expect(bundle.page(2).hasPrefix("Index Document Date Exhibit Page"))
        // Lay the printed numbers end to end: front sheet, index, then each section's divider
        // and its entries must cover every page once, in order.
        var expectedStart = index.lastIndexPage + 1
        for section in bundle.sections {
            #expect(index.sections[section.name] == expectedStart, "\(section.name) starts on \(expectedStart)")
            let letter = section.name.prefix(1)
            #expect(bundle.page(expectedStart) == "Section \(letter) \(section.name.dropFirst(3)) CAT/2026/0142 · Evidence bundle")
            expectedStart += 1
            for entry in section.entries {
                let start = try #require(index.entries[entry.id])
                #expect(start == expectedStart, "\(entry.id) printed \(start), starts on \(expectedStart)")
                let all = bundle.sections.flatMap(\.entries).map(\.id)
                let position = try #require(all.firstIndex(of: entry.id))
                let nextStart: Int
                if entry.id == section.entries.last?.id {
                    let nextSection = bundle.sections.firstIndex { $0.name == section.name }.map { $0 + 1 } ?? bundle.sections.count
                    nextStart = nextSection < bundle.sections.count ? (index.sections[bundle.sections[nextSection].name] ?? 0) : bundle.pageTexts.count + 1
                } else {
                    nextStart = index.entries[all[position + 1]] ?? 0
                }
                let length = nextStart - start
                switch entry.kind {
                case "typeset", "supplied-pdf":
                    let expected = entry.kind == "typeset" ? bundle.typesetPages[entry.id] : entry.suppliedPages
                    #expect(length == expected, "\(entry.id): \(length) placeholder pages, expected \(expected ?? 0)")
                    for page in start..<nextStart {
                        #expect(bundle.page(page).isEmpty, "placeholder page \(page) of \(entry.id) is blank")
                    }
                case "supplied-image":
                    #expect(length == 1, "an image is one page")
                    #expect(Self.squeezed(bundle.page(start)).hasPrefix(Self.squeezed(section.name + entry.title)))
                default:
                    #expect(length >= 1)
                    // The entry's heading (section, title) is at the top of its first page.
                    #expect(Self.squeezed(bundle.page(start)).hasPrefix(Self.squeezed(section.name + entry.title)),
                            "\(entry.id) on page \(start): \(bundle.page(start).prefix(100))")
                    for page in (start + 1)..<max(start + 1, nextStart) {
                        #expect(Self.squeezed(bundle.page(page)).hasPrefix(Self.squeezed("\(section.name) · \(entry.title) (continued)")))
                    }
                }
                expectedStart = nextStart
            }
        }
        // So the total is right: every page is accounted for.
        #expect(expectedStart == bundle.pageTexts.count + 1)
        #expect(try LaidOutBundle.pageCount(of: bundle.pagesPDF) == bundle.pageTexts.count)
    }

    @Test func bookmarksOpenTheFrontSheetTheIndexEachSectionAndEachEntry() throws {
        let bundle = try LaidOutBundle.shared.get()
        let index = try Self.printedIndex(bundle)
        let top = bundle.pagesBookmarks
        #expect(top.map(\.title) == ["Front sheet", "Index"] + bundle.sections.map(\.name))
        #expect(top[0].page == 1 && top[1].page == 2)
        for (section, bookmark) in zip(bundle.sections, top.dropFirst(2)) {
            #expect(bookmark.page == index.sections[section.name])
            #expect(bookmark.kids.map(\.title) == section.entries.map(\.title))
            #expect(bookmark.kids.map(\.page) == section.entries.map { index.entries[$0.id] ?? 0 })
            #expect(bookmark.kids.allSatisfy { $0.kids.isEmpty })
        }
        // The PDF's page labels are its page numbers (1, 2, 3 ...), as the stamp prints them.
        let json = try LaidOutBundle.checkedRun("qpdf", ["--json=2", "--json-key=pagelabels", bundle.pagesPDF.path]).output
        let labels = try #require((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["pagelabels"] as? [[String: Any]])
        #expect(!labels.isEmpty)
        for label in labels {
            let index = label["index"] as? Int ?? -1
            let style = label["label"] as? [String: Any] ?? [:]
            #expect(style["/S"] as? String == "/D" && style["/St"] as? Int == index + 1, "label of page \(index + 1): \(style)")
        }
    }

    @Test func refsPrintTheCitedEntrysPageAsALink() throws {
        let bundle = try LaidOutBundle.shared.get()
        let index = try Self.printedIndex(bundle)
        let start = { (id: String) in index.entries[id] ?? -1 }
        let summary = bundle.page(start("a1"))
        #expect(summary.contains("The register certificate is exhibit AB/1 (page \(start("d1"))); the figures are on page \(start("d2"))."))
        #expect(summary.contains("The officer's statement is on page \(start("c1"))."))
        let chronology = bundle.page(start("a2"))
        #expect(chronology.contains("AB/4, page \(start("f1"))"))
        #expect(chronology.contains("AB/1, page \(start("d1")); AB/2, page \(start("e1"))"))
        let measures = bundle.page(start("b1"))
        #expect(measures.contains("Tier 2: support from the school") && measures.contains("Tier 3: targeted support"))
        #expect(measures.contains("AB/6, page \(start("f3"))"))
        // Each ref and each index row is a link (basic-link to the entry's id).
        #expect(bundle.pagesFO.contains("<fo:basic-link internal-destination=\"entry-d1\""))
        let objects = try LaidOutBundle.checkedRun("qpdf", ["--json=2", "--json-key=qpdf", bundle.pagesPDF.path]).output
        let links = objects.components(separatedBy: "\"/Subtype\": \"/Link\"").count - 1
        #expect(links > 60, "index rows (4 cells each) and refs are link annotations: \(links)")
    }

    @Test func theFrontSheetNamesTheCourtThePartiesAndTheOffence() throws {
        let bundle = try LaidOutBundle.shared.get()
        let front = bundle.page(1)
        #expect(front.hasPrefix("Court Exeter Magistrates' Court Northshire County Council Prosecutor v Ms Zoë D'Souza and Mr Ciarán O'Brien Defendants Evidence bundle"))
        #expect(front.contains("Offence: Failing to secure the regular attendance at school of a registered pupil, contrary to section 444(1) of the Education Act 1996"))
        #expect(front.contains("Pupil: Siobhán O'Brien-Ní Dhuibhir, born 4 March 2013"))
        #expect(front.contains("Hearing: Not yet listed"))
        #expect(front.hasSuffix("CAT/2026/0142 · Evidence bundle"))
        // The charge, boxed, names each parent.
        #expect(bundle.pagesFO.contains("border=\"1pt solid #000000\""))
        #expect(bundle.page(bundle.pagesBookmarks[2].kids[0].page).contains("Ciarán O'Brien failed to secure her regular attendance"))
    }

    @Test func suppliedTextKeepsItsLinesAndTheImageFitsOnePage() throws {
        let bundle = try LaidOutBundle.shared.get()
        let index = try Self.printedIndex(bundle)
        let textPage = bundle.page(index.entries["f2"] ?? 0)
        // Each line is its own block, spaces kept (FOP sets them; pdftotext guesses at runs of
        // spaces, so the exact columns are checked in the FO).
        #expect(bundle.pagesFO.contains(">05/10/2026  Mon  not in school  Absent (O). No answer 9:20am.</fo:block>"))
        #expect(bundle.pagesFO.contains(">----------  ---  -------------  ----------------------------</fo:block>"))
        #expect(textPage.contains("05/10/2026 Mon not in school Absent (O). No answer 9:20am."))
        #expect(textPage.contains("22/10/2026 Thu came Check-ins offered: 14 school days."))
        // The long line wraps instead of running off the page, and keeps every word.
        #expect(textPage.contains("Absent (N). No call from home by 9:30am; a text message was sent to both parents at 9:35am and a voicemail left for Ms D'Souza at 11:10am."))
        // A tab is expanded to the next multiple of 8 columns (an indent: no-break spaces).
        #expect(bundle.pagesFO.contains(String(repeating: "\u{A0}", count: 8) + "Dev Shah, attendance mentor"))
        // The image: one page, with one image on it.
        let imagePage = try #require(index.entries["f3"])
        let images = try LaidOutBundle.checkedRun("pdfimages", ["-list", "-f", "\(imagePage)", "-l", "\(imagePage)", bundle.pagesPDF.path]).output
        #expect(images.split(separator: "\n").count == 3, "a header of two lines and one image:\n\(images)")
    }

    @Test func textIsSelectableInEmbeddedFontsAndKeepsOutOfTheStampStrip() throws {
        let bundle = try LaidOutBundle.shared.get()
        for pdf in [bundle.pagesPDF, bundle.documentsPDF] {
            let fonts = try LaidOutBundle.checkedRun("pdffonts", [pdf.path]).output.split(separator: "\n").dropFirst(2)
            #expect(!fonts.isEmpty)
            for font in fonts {
                let columns = font.split(separator: " ", omittingEmptySubsequences: true)
                #expect(columns.count >= 7 && columns[columns.count - 5] == "yes", "font not embedded: \(font)")
                #expect(columns.count >= 7 && columns[columns.count - 3] == "yes", "no Unicode map, text not selectable: \(font)")
            }
            // Nothing in the bottom 10 mm of the page's right half (the stamp's strip); the
            // bundle's own pages print nothing in the bottom 12 mm at all.
            let words = try Self.words(of: pdf)
            #expect(!words.isEmpty)
            let pageHeight = 841.89, pageWidth = 595.276, millimetre = 72 / 25.4
            let inStrip = words.filter { $0.yMax > pageHeight - 10 * millimetre && $0.xMax > pageWidth / 2 }
            #expect(inStrip.isEmpty, "\(inStrip.map(\.word))")
            if pdf == bundle.pagesPDF {
                #expect(words.allSatisfy { $0.yMax <= pageHeight - 12 * millimetre })
                #expect(words.filter { $0.yMax > pageHeight - 20 * millimetre }.allSatisfy { $0.xMax < pageWidth / 2 },
                        "footer text on the left only")
            }
        }
        #expect(bundle.page(1).contains("Ms Zoë D'Souza"), "names come out of the PDF as written")
    }

    /// Every word of a PDF with its box, in points from the top-left corner (pdftotext -bbox).
    static func words(of pdf: URL) throws -> [(word: String, xMax: Double, yMax: Double)] {
        let html = try LaidOutBundle.checkedRun("pdftotext", ["-bbox", "-enc", "UTF-8", pdf.path, "-"]).output
        let pattern = try NSRegularExpression(pattern: #"<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>"#)
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
            guard let x = Range(match.range(at: 1), in: html), let y = Range(match.range(at: 2), in: html),
                  let w = Range(match.range(at: 3), in: html) else { return nil }
            return (String(html[w]), Double(html[x]) ?? 0, Double(html[y]) ?? 0)
        }
    }
}
