@testable import AttendocBundle
@testable import AttendocCasework
@testable import AttendocPrograms
import AttendocTesting
import Foundation
import Testing

/// `attendoc bundle`, checked as a court would check it: the index's page numbers are the pages
/// where the documents start, every bookmark points to the right page, the page count is right
/// with the supplied exhibits, the stamps are on every page (exhibits too), every supportive
/// measure is in section B with its outcome, the statement's declaration counts its own pages, no
/// private detail leaks, the manifest's fingerprints are right, and the same case gives the same
/// bytes. Each bundle is made once (two FOP runs) and shared by the tests.
@Suite("Evidence bundle: the PDF")
struct EvidenceBundleTests {
    static let riverside = repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml")
    static let asOf = date("2027-01-11")

    /// A made bundle, read back: its PDF, each page's text, its bookmarks and its manifest.
    struct MadeBundle: @unchecked Sendable {
        var folder: URL
        var pdf: URL
        var outcome: BundleRun.Outcome
        var pageTexts: [String]
        var layoutTexts: [String]
        var outline: [QPDF.OutlineEntry]
        var manifest: [String: Any]

        var documents: [[String: Any]] { manifest["documents"] as? [[String: Any]] ?? [] }
        func document(_ id: String) -> [String: Any]? { documents.first { $0["id"] as? String == id } }
        func pages(_ id: String) -> ClosedRange<Int> {
            let item = document(id)!
            return (item["first_page"] as! Int)...(item["last_page"] as! Int)
        }
        func text(of range: ClosedRange<Int>) -> String { range.map { pageTexts[$0 - 1] }.joined(separator: "\n") }
    }

    static func make(_ loaded: LoadedCase, draft: Bool = false, label: String) throws -> MadeBundle {
        let folder = try temporaryFolder(label)
        let outcome = try BundleRun(resources: resources).make(loaded, asOf: asOf, draft: draft, to: folder)
        let pdf = outcome.files.first { $0.lastPathComponent == "evidence-bundle.pdf" }!
        let manifestFile = outcome.files.first { $0.lastPathComponent == "evidence-bundle-manifest.json" }!
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: manifestFile)) as! [String: Any]
        return MadeBundle(folder: folder, pdf: pdf, outcome: outcome, pageTexts: try pageTexts(pdf), layoutTexts: try pageTexts(pdf, "-layout"),
                          outline: try QPDF().outline(of: pdf), manifest: manifest)
    }

    /// Each page's text, from one pdftotext run split at its form feeds: in reading order (a
    /// table cell's lines together), or with `-layout` (a table row on one line).
    static func pageTexts(_ pdf: URL, _ mode: String = "-nopgbrk") throws -> [String] {
        let arguments = mode == "-layout" ? ["-enc", "UTF-8", "-layout", pdf.path, "-"] : ["-enc", "UTF-8", pdf.path, "-"]
        var pages = try run("pdftotext", arguments).output.components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }

    static let county: Result<MadeBundle, any Error> = Result { try make(LoadedCase.load(riverside, resources: resources), label: "evidence-county") }

    static func countyBundle() throws -> MadeBundle { try county.get() }

    @Test func thePageCountIsEveryPartsPagesAndEveryPageIsStampedWithItsNumberAndLabel() throws {
        let bundle = try Self.countyBundle()
        let info = try run("pdfinfo", [bundle.pdf.path]).output
        let pages = Int(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }!.split(separator: " ").last!)!
        #expect(pages == bundle.pageTexts.count)
        #expect(pages == bundle.outcome.pageCount)
        // The parts add up: the front matter, then each entry's pages, nothing between.
        let ranges = bundle.documents.map { ($0["first_page"] as! Int)...($0["last_page"] as! Int) }
        #expect(ranges.last?.upperBound == pages)
        // The supplied two-page PDF has two pages in the bundle.
        let visits = bundle.documents.first { ($0["source"] as? String)?.hasSuffix("home-visits-november-2026.pdf") == true }!
        #expect(visits["pages"] as? Int == 2)
        for (index, text) in bundle.pageTexts.enumerated() {
            #expect(flattened(text).contains("Page \(index + 1) of \(pages)"), "page \(index + 1) has no stamp")
        }
        #expect(flattened(bundle.pageTexts[0]).contains("Front 1"))
        // Section labels count from the section's first page: B1, B2 ...
        let sectionB = bundle.outline.first { $0.title.hasPrefix("B. ") }!.page
        let b = bundle.pages("b1")
        #expect(flattened(bundle.pageTexts[sectionB - 1]).contains("B1 · Page \(sectionB) of"))
        #expect(flattened(bundle.pageTexts[b.upperBound - 1]).contains("B\(b.upperBound - sectionB + 1) · Page \(b.upperBound) of"))
    }

    @Test func theIndexGivesThePageWhereEachEntryStartsAndEveryBookmarkPointsThere() throws {
        let bundle = try Self.countyBundle()
        let indexPages = bundle.outline.first { $0.title == "Index" }!.page..<(bundle.outline.first { $0.title.hasPrefix("A. ") }!.page)
        let index = indexPages.map { bundle.layoutTexts[$0 - 1] }.joined(separator: "\n")
        let entryMarks = bundle.outline.filter { $0.depth == 1 }
        #expect(entryMarks.count == bundle.documents.count)
        for (mark, item) in zip(entryMarks, bundle.documents) {
            let title = item["title"] as! String
            let first = item["first_page"] as! Int
            #expect(mark.page == first, "bookmark \(mark.title)")
            // The index line: the title (perhaps wrapped), then the page number at the end of a line.
            let line = index.split(separator: "\n").first { $0.hasSuffix(" \(first)") && flattened(String($0)).contains(String(title.prefix(25))) }
            #expect(line != nil, "index line for \(title) with page \(first)")
        }
        // Each section's bookmark lands on its first page, which names the section.
        for section in bundle.outline.filter({ $0.depth == 0 && $0.title.count > 3 && $0.title.dropFirst().hasPrefix(". ") }) {
            #expect(flattened(bundle.pageTexts[section.page - 1]).contains(String(section.title.dropFirst(3))), "\(section.title)")
        }
    }

    @Test func eachEntryStartsOnThePageTheManifestGives() throws {
        let bundle = try Self.countyBundle()
        for item in bundle.documents {
            let first = flattened(bundle.pageTexts[(item["first_page"] as! Int) - 1])
            let title = item["title"] as! String
            switch (item["section"] as! String, title) {
            case ("E", let title) where title.contains(" to "):
                // A parent's copy of a letter: addressed to that parent, its own page 1.
                let name = String(title.split(separator: " to ", maxSplits: 1)[1].split(separator: " ").last!)
                #expect(first.contains(name) && first.contains("Page 1 of"), "\(title)")
            case ("F", let title) where title.hasSuffix(".pdf)"):
                #expect(first.contains("Northshire Early Help: home visit record"), "\(title)")
            case ("C", let title) where title.hasPrefix("Notice of the right to object"):
                #expect(first.contains("You have the right to object."), "\(title)")
            case ("C", _):
                #expect(first.contains("Statement of") || first.contains("STATEMENT"), "\(title)")
            case ("D", let title) where title.hasPrefix("Register certificate"):
                #expect(first.contains("Certificate of attendance"), "\(title)")
            case ("E", let title) where title.hasPrefix("Record of the interview under caution of "):
                // Each interviewee's own record, on its own page 1.
                let name = String(title.dropFirst("Record of the interview under caution of ".count))
                // (The facts' labels and values are read in the PDF's own order, not always side by side.)
                #expect(first.contains("Record of interview under caution") && first.contains("Interviewee:") && first.contains(name)
                        && first.contains("Page 1 of"), "\(title)")
            case ("E", let title) where title.hasPrefix("Minutes"):
                #expect(first.contains("Minutes") || first.contains("minutes"), "\(title)")
            default:
                #expect(first.contains(String(title.prefix(30))), "\(title)")
            }
        }
    }

    @Test func theStampedNumbersAreOnTheSuppliedExhibitsPagesOverTheirOwnText() throws {
        let bundle = try Self.countyBundle()
        let visits = bundle.documents.first { ($0["source"] as? String)?.hasSuffix("home-visits-november-2026.pdf") == true }!
        let first = visits["first_page"] as! Int
        let labels = (visits["labels"] as! String).components(separatedBy: "–")
        #expect(labels.count == 2)
        let page1 = flattened(bundle.pageTexts[first - 1]), page2 = flattened(bundle.pageTexts[first])
        let exhibit = visits["exhibit"] as! String
        #expect(page1.contains("5 November 2026") && page1.contains("\(labels[0]) · \(exhibit) · Page \(first) of"))
        #expect(page2.contains("19 November 2026") && page2.contains("\(labels[1]) · \(exhibit) · Page \(first + 1) of"))
    }

    @Test func everySupportiveMeasureIsInSectionBWithItsOutcome() throws {
        let bundle = try Self.countyBundle()
        let b = flattened(bundle.text(of: bundle.pages("b1")))
        let measures = try LoadedCase.load(Self.riverside, resources: resources).attendanceCase.supportiveMeasures
        // A table's cells interleave line by line in extracted text, so look for every word of
        // each measure and its outcome (EvidenceBundlePlanTests checks each row's values).
        let words = Set(b.split(separator: " ").map(String.init))
        for measure in measures {
            for text in [measure.what, measure.outcome!, measure.offeredBy] {
                let missing = text.split(separator: " ").map(String.init).filter { !words.contains($0) }
                #expect(missing.isEmpty, "\(text): \(missing)")
            }
        }
        #expect(words.isSuperset(of: ["not", "engaged", "with", "accepted"]) && b.contains("Tier 2") && b.contains("Tier 3"))
    }

    @Test func theStatementsDeclarationIsWordForWordAndCountsItsOwnPages() throws {
        let bundle = try Self.countyBundle()
        let pages = bundle.pages("c1")
        let text = flattened(bundle.text(of: pages))
        #expect(text.contains("This statement (consisting of \(pages.count) pages each signed by me) is true to the best of my knowledge and belief and I make it knowing that, if it is tendered in evidence, I shall be liable to prosecution if I have wilfully stated in it anything which I know to be false, or do not believe to be true."))
        #expect(text.contains("Alex Brennan"))
        #expect(text.contains("as exhibit AB/"))
    }

    @Test func nothingPrivateIsInTheBundle() throws {
        let bundle = try Self.countyBundle()
        let text = flattened(bundle.pageTexts.joined(separator: "\n"))
        // The father's confidential address; the TAF meeting's agency-only notes; the sibling.
        for secret in ["Sidwell", "EX4 6NN", "Flat 3", "Possible young carer role", "Ronan", "C878201522007", "Heavitree Primary"] {
            #expect(!text.contains(secret), "the bundle shows \(secret)")
        }
        #expect(text.contains("Address withheld"))
        let places = (bundle.manifest["left_out"] as? [[String: String]] ?? []).compactMap { $0["place"] }
        #expect(places.contains("parents[1].address") && places.contains("meetings[1].agency_only_notes") && places.contains("pupil.siblings[0]"))
    }

    @Test func theManifestsFingerprintsAreThoseOfTheFiles() throws {
        let bundle = try Self.countyBundle()
        let bundleDigest = (bundle.manifest["bundle"] as? [String: Any])?["sha256"] as? String
        #expect(bundleDigest == String(try run("sha256sum", [bundle.pdf.path]).output.prefix(64)))
        for item in bundle.documents where item["section"] as? String == "F" {
            let source = repositoryRoot.appendingPathComponent("examples").appendingPathComponent(item["source"] as! String)
            #expect(item["sha256"] as? String == String(try run("sha256sum", [source.path]).output.prefix(64)), "\(source.lastPathComponent)")
        }
        // Every exhibit (documents and supplied files) has its fingerprint; the bundle's own parts have none.
        #expect(bundle.documents.filter { $0["exhibit"] != nil }.allSatisfy { ($0["sha256"] as? String)?.count == 64 })
        #expect(bundle.documents.filter { $0["exhibit"] == nil }.allSatisfy { $0["sha256"] == nil })
    }

    @Test func theSameCaseGivesTheSameBytes() throws {
        let first = try Self.countyBundle()
        let second = try Self.make(LoadedCase.load(Self.riverside, resources: resources), label: "evidence-again")
        defer { try? FileManager.default.removeItem(at: second.folder) }
        #expect(try Data(contentsOf: first.pdf) == Data(contentsOf: second.pdf))
        for name in ["evidence-bundle-manifest.json"] {
            #expect(try Data(contentsOf: first.pdf.deletingLastPathComponent().appendingPathComponent(name))
                    == Data(contentsOf: second.pdf.deletingLastPathComponent().appendingPathComponent(name)))
        }
    }

    @Test func theIndexEntriesAreLinks() throws {
        let bundle = try Self.countyBundle()
        // qpdf's JSON: the pages' objects, then each object's dictionary (with its /Annots).
        let pagesJSON = try run("qpdf", ["--json", "--json-key=pages", bundle.pdf.path]).output
        let objectsJSON = try run("qpdf", ["--json", "--json-key=qpdf", bundle.pdf.path]).output
        let pages = (try JSONSerialization.jsonObject(with: Data(pagesJSON.utf8)) as! [String: Any])["pages"] as! [[String: Any]]
        let qpdf = (try JSONSerialization.jsonObject(with: Data(objectsJSON.utf8)) as! [String: Any])["qpdf"] as! [Any]
        let objects = qpdf[1] as! [String: Any]
        func annotations(onPage page: Int) -> Int {
            let reference = pages[page - 1]["object"] as! String
            let dictionary = (objects["obj:\(reference)"] as? [String: Any])?["value"] as? [String: Any]
            if let inline = dictionary?["/Annots"] as? [Any] { return inline.count }
            if let indirect = dictionary?["/Annots"] as? String {
                return ((objects["obj:\(indirect)"] as? [String: Any])?["value"] as? [Any])?.count ?? 0
            }
            return 0
        }
        let indexStart = bundle.outline.first { $0.title == "Index" }!.page
        let sectionA = bundle.outline.first { $0.title.hasPrefix("A. ") }!.page
        let links = (indexStart..<sectionA).map(annotations(onPage:)).reduce(0, +)
        #expect(links >= bundle.documents.count)
        #expect(annotations(onPage: 1) == 0)
    }
}

/// A draft: a case with a gap is refused without --draft (nothing written) and, with it, made with
/// DRAFT on every page and the gap on the front sheet.
@Suite("Evidence bundle: drafts")
struct EvidenceBundleDraftTests {
    /// The county example with the mentor check-in's outcome left out.
    static func incompleteCase() throws -> LoadedCase {
        try ReadinessTests.variant("    outcome: Siobhán came to 6 of 14 check-ins.\n", "")
    }

    @Test func anIncompleteCaseIsRefusedNamingTheGapAndNothingIsWritten() throws {
        let folder = try temporaryFolder("evidence-refused")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect {
            _ = try BundleRun(resources: resources).make(try Self.incompleteCase(), asOf: EvidenceBundleTests.asOf, draft: false, to: folder)
        } throws: { error in
            "\(error)".contains("supportive_measures[1]: the supportive measure has no outcome") && "\(error)".contains("--draft")
        }
        #expect(filesUnder(folder).isEmpty)
    }

    @Test func aDraftSaysDraftOnEveryPageAndListsTheGapsOnTheFrontSheet() throws {
        let bundle = try EvidenceBundleTests.make(try Self.incompleteCase(), draft: true, label: "evidence-draft")
        defer { try? FileManager.default.removeItem(at: bundle.folder) }
        // The diagonal DRAFT reads letter by letter in pdftotext's raw order.
        var raw = try run("pdftotext", ["-enc", "UTF-8", "-raw", bundle.pdf.path, "-"]).output.components(separatedBy: "\u{0C}")
        if raw.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { raw.removeLast() }
        #expect(raw.count == bundle.pageTexts.count)
        for (index, text) in raw.enumerated() {
            #expect(text.filter { !$0.isWhitespace }.contains("DRAFT"), "page \(index + 1)")
        }
        #expect(flattened(bundle.pageTexts[0]).contains("the supportive measure has no outcome"))
        #expect(bundle.manifest["status"] as? String == "draft")
        #expect((bundle.manifest["missing"] as? [[String: String]])?.first?["place"] == "supportive_measures[1]")
    }
}
