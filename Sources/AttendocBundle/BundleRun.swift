import AttendocCasework
import AttendocDocuments
import AttendocPolicy
import AttendocPrograms
import AttendocRendering
import AttendocValues
import Foundation
import SafeXML

/// Makes a case's evidence bundle (`attendoc bundle`): one PDF and its manifest, written all or
/// nothing to `OUT/<case reference>/`.
///
/// The steps (docs/evidence-bundle.md, "How the PDF is made"):
/// 1. plan the bundle from the court view of the case (`EvidenceBundle.plan`);
/// 2. the bundle's XML from `templates/evidence-bundle.mustache`, with each document Attendoc
///    makes put in whole, checked against `schema/bundle.rng`;
/// 3. FOP lays out the typeset entries (documents and the witness statement), each numbered
///    from 1 as it was printed ("documents FO"); their page counts come from its bookmarks;
/// 4. FOP lays out the bundle's own pages with a placeholder page for every page of a typeset
///    entry or supplied PDF ("pages FO"), so that the index and every page reference are the
///    final PDF's page numbers;
/// 5. qpdf lays each PDF's pages under its placeholders and the stamp sheet (section page, PDF
///    page number, DRAFT) over every page.
public struct BundleRun {
    public let resources: AttendocResources
    private let letterRun: LetterRun
    private let templates: DocumentTemplates
    private let schema: RelaxNGSchema
    private let stylesheet: XSLTStylesheet
    private let fop: PDFTypesetter
    private let qpdf: QPDF

    public init(resources: AttendocResources) throws(AttendocError) {
        self.resources = resources
        self.letterRun = try LetterRun(resources: resources)
        self.templates = try DocumentTemplates(folder: resources.templates)
        do {
            schema = try RelaxNGSchema(contentsOf: resources.bundleSchema)
            stylesheet = try XSLTStylesheet(contentsOf: resources.stylesheets.appendingPathComponent("bundle-fo.xsl"))
        } catch {
            throw AttendocError(.resources, "\(error)", underlying: error)
        }
        var typesetter = try PDFTypesetter(configuration: resources.fopConfiguration)
        typesetter.profile = nil
        self.fop = typesetter
        self.qpdf = try QPDF()
    }

    /// What a run made: the files written, the bundle's pages and fingerprint, what was left
    /// out of it for privacy, and (for a draft) what is missing.
    public struct Outcome {
        public var files: [URL]
        public var pageCount: Int
        public var sha256: String
        public var leftOut: [CourtView.LeftOut]
        public var gaps: [ProsecutionReadiness.Gap]
        public var manifest: BundleManifest
        /// What qpdf warned about while merging (a supplied PDF it had to repair, say).
        public var warnings: [String]
    }

    /// The bundle of `loaded` as of `asOf`. An incomplete case (anything `attendoc check --for
    /// prosecution` finds missing) is refused unless `draft`, which prints DRAFT on every page
    /// and lists the gaps on the front sheet.
    /// `observe` is given the intermediate files (the two FO files, the laid-out PDFs and the
    /// merge), for the benchmark, which times FOP and qpdf alone on exactly the same input.
    /// With `record` (the workspace's copies of the case's documents), section E exhibits the
    /// archived copies as sent (`EvidenceBundle.plan`).
    /// `route` is the enforcement route the papers are for (its evidence list decides what is
    /// missing; with its papers' unused_material_schedule the schedule is a document of its own,
    /// not in section A); nil: every prosecution check, and the schedule in section A.
    public func make(_ loaded: LoadedCase, asOf: CalendarDate, draft: Bool, to outputFolder: URL,
                     record: [EvidenceBundle.RecordedCopy]? = nil, penaltyNotices: PenaltyNoticeHistory? = nil,
                     route: EnforcementRoute? = nil, observe: ((Intermediates) -> Void)? = nil) throws(AttendocError) -> Outcome {
        let prepared = try prepare(loaded, asOf: asOf, draft: draft, record: record, penaltyNotices: penaltyNotices, route: route, observe: observe)
        let transaction = try OutputTransaction(outputFolder: outputFolder)
        do throws(AttendocError) {
            for file in prepared.files { try transaction.add(file.data, at: file.path) }
            var outcome = prepared.outcome
            outcome.files = try transaction.commit()
            return outcome
        } catch {
            transaction.abandon()
            throw error
        }
    }

    /// What `make` writes, not yet written: each file's path inside the output folder and its
    /// bytes, and the outcome (its `files` empty until written). `attendoc bundle --route`
    /// writes them with the route's other papers, all or nothing.
    public struct Prepared {
        public var files: [(path: String, data: Data)]
        public var outcome: Outcome
        /// What the route's check found missing (a draft's gaps).
        public var readiness: ProsecutionReadiness
    }

    public func prepare(_ loaded: LoadedCase, asOf: CalendarDate, draft: Bool,
                        record: [EvidenceBundle.RecordedCopy]? = nil, penaltyNotices: PenaltyNoticeHistory? = nil,
                        route: EnforcementRoute? = nil, observe: ((Intermediates) -> Void)? = nil) throws(AttendocError) -> Prepared {
        let readiness = try Self.readiness(loaded, asOf: asOf, draft: draft, record: record, penaltyNotices: penaltyNotices, route: route)
        let letterRun = self.letterRun
        let qpdf = self.qpdf
        let planned = try EvidenceBundle.plan(
            loaded, asOf: asOf, isDraft: draft, gaps: readiness.gaps,
            documents: { (kind, view, date, options) throws(AttendocError) in try letterRun.letters(kind, for: view, dated: date, options: options) },
            pageCount: { (url) throws(AttendocError) in try qpdf.pageCount(of: url) }, record: record,
            unusedMaterialApart: route?.papers.contains(.unusedMaterialSchedule) ?? false)
        let (xml, tree) = try bundleXML(planned)
        try FamilyCourtApplication.refuseCriminalDeclaration(in: tree, of: planned)
        let bundle = try planned.titled(from: tree)
        let pdf = try typeset(bundle, tree: tree, observe: observe)
        let manifest = BundleManifest(bundle: bundle, layout: pdf.layout, pdf: pdf.data, xml: xml)

        let folder = FileName.caseFolder(loaded.attendanceCase.reference)
        return Prepared(files: [("\(folder)/evidence-bundle.pdf", pdf.data), ("\(folder)/evidence-bundle-manifest.json", try manifest.json())],
                        outcome: Outcome(files: [], pageCount: pdf.layout.pageCount, sha256: manifest.sha256, leftOut: bundle.leftOut,
                                         gaps: draft ? readiness.gaps : [], manifest: manifest, warnings: pdf.warnings),
                        readiness: readiness)
    }

    /// What is missing from `loaded` for `route` (nil: every prosecution check) as of `asOf`:
    /// refused outright when a paid penalty notice covers the period charged (no papers at all,
    /// not even a draft), and when anything is missing unless `draft`. Every paper of a route is
    /// made only past this.
    public static func readiness(_ loaded: LoadedCase, asOf: CalendarDate, draft: Bool, record: [EvidenceBundle.RecordedCopy]?,
                                 penaltyNotices: PenaltyNoticeHistory?, route: EnforcementRoute?) throws(AttendocError) -> ProsecutionReadiness {
        let sent = record.map { $0.compactMap(\.sentLetter) }
        let history = penaltyNotices ?? .listed(in: loaded.attendanceCase)
        let paid = PenaltyNoticeReadiness.refusals(loaded, asOf: asOf, history: history, sent: sent)
        if !paid.isEmpty {
            throw AttendocError(.document, "the case \(loaded.attendanceCase.reference): no prosecution papers are made for this period: " + paid.joined(separator: "; "),
                                suggestion: "charge only days after the paid notice's period (legal_route.offence_period), or do not prosecute for this absence")
        }
        let readiness = RouteReadiness.check(loaded, for: route, asOf: asOf, sent: sent, penaltyNotices: history)
        if !draft && !readiness.isReady {
            throw AttendocError(.document, "the case \(loaded.attendanceCase.reference) is not ready for court as of \(asOf.longForm)\(route.map { " (\($0.name))" } ?? ""); \(readiness.gaps.count) thing\(readiness.gaps.count == 1 ? " is" : "s are") missing:\n"
                                + readiness.gaps.map { "- \($0)" }.joined(separator: "\n")
                                + "\nmend them, or make a draft with --draft (DRAFT on every page, the gaps on the front sheet)")
        }
        return readiness
    }

    /// The bundle's XML: the template's output with each document put in whole, checked
    /// against the bundle schema.
    func bundleXML(_ bundle: EvidenceBundle) throws(AttendocError) -> (Data, XMLTree) {
        let values = try BundleFacts.values(for: bundle)
        let rendered = try templates.render("evidence-bundle", with: values)
        var text = String(decoding: rendered, as: UTF8.self)
        for entry in bundle.entries {
            guard case .document(let document) = entry.content else { continue }
            let placeholder = "<included-document ref=\"\(entry.id)\"/>"
            guard text.contains(placeholder) else {
                throw AttendocError(.template, "templates/evidence-bundle.mustache did not leave a place for the document \(entry.id): it must write \(placeholder) in the entry's typeset element")
            }
            text = text.replacingOccurrences(of: placeholder, with: Self.withoutDeclaration(document))
        }
        let xml = Data(text.utf8)
        do {
            let tree = try XMLTree(data: xml, source: "evidence bundle of \(bundle.view.attendanceCase.reference) (from templates/evidence-bundle.mustache)")
            try schema.validate(tree)
            return (xml, tree)
        } catch {
            throw AttendocError(while: "the template evidence-bundle.mustache made a bundle that Attendoc cannot use", error, kind: .template)
        }
    }

    static func withoutDeclaration(_ document: Data) -> String {
        var text = String(decoding: document, as: UTF8.self)
        if text.hasPrefix("<?xml"), let end = text.range(of: "?>") {
            text = String(text[end.upperBound...])
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// What the two FOP runs and the qpdf merge were given and made.
    public struct Intermediates {
        /// The documents FO (nil when nothing is typeset apart) and the pages FO.
        public var documentsFO: Data?
        public var pagesFO: Data
        public var pagesPDF: Data
        public var underlays: [BundlePDFAssembly.Underlay]
        public var labels: [String]
        public var draft: Bool
    }

    struct TypesetBundle {
        var data: Data
        var layout: BundleLayout
        /// What qpdf warned about (a supplied PDF it had to repair).
        var warnings: [String]
    }

    /// Steps 3 to 5: the two FOP runs and the qpdf assembly.
    func typeset(_ bundle: EvidenceBundle, tree: XMLTree, observe: ((Intermediates) -> Void)?) throws(AttendocError) -> TypesetBundle {
        let workFolder = try TemporaryFolder.make("evidence")
        defer { TemporaryFolder.remove(workFolder) }
        let name = "the evidence bundle of \(bundle.view.attendanceCase.reference)"

        // 3. The typeset entries, each numbered from 1 as printed.
        let typesetIDs = bundle.entries.filter(\.content.isTypeset).map(\.id)
        var typesetPages: [String: ClosedRange<Int>] = [:]
        let documentsPDF = workFolder.appendingPathComponent("documents.pdf")
        var documentsFO: Data?
        var documentsData = Data()
        if !typesetIDs.isEmpty {
            let fo = try transform(tree, parameters: ["bundle.part": "documents"])
            documentsFO = fo
            documentsData = try fop.typesetOne(fo, name: "\(name) (its documents)", date: bundle.asOf)
            try write(documentsData, to: documentsPDF)
            let outline = try qpdf.outline(of: documentsPDF).filter { $0.depth == 0 }
            let total = try qpdf.pageCount(of: documentsPDF)
            guard outline.map(\.title) == typesetIDs else {
                throw AttendocError(.document, "bundle-fo.xsl's documents part has bookmarks \(outline.map(\.title)) where Attendoc expected one per typeset entry, \(typesetIDs)")
            }
            for (index, entry) in outline.enumerated() {
                let end = index + 1 < outline.count ? outline[index + 1].page - 1 : total
                typesetPages[entry.title] = entry.page...end
            }
        }

        // 4. The bundle's own pages, with placeholders.
        let counts = typesetIDs.map { "\($0)=\(typesetPages[$0]!.count) " }.joined()
        let fo = try transform(tree, parameters: ["bundle.part": "pages", "typeset.pages": counts])
        let pagesData = try fop.typesetOne(fo, name: name, date: bundle.asOf)
        let pagesPDF = workFolder.appendingPathComponent("pages.pdf")
        try write(pagesData, to: pagesPDF)
        let layout = try BundleLayout(outline: qpdf.outline(of: pagesPDF), pageCount: qpdf.pageCount(of: pagesPDF), bundle: bundle)

        // 5. Every PDF's pages under its placeholders; the stamps over every page.
        var underlays: [BundlePDFAssembly.Underlay] = []
        // Every typeset page comes from the one documents PDF: one underlay for them all.
        var documentPages: (source: [Int], target: [Int]) = ([], [])
        for entry in bundle.entries {
            guard let placed = layout.pages[entry.id] else { continue }
            switch entry.content {
            case .document, .statement:
                let source = typesetPages[entry.id]!
                guard source.count == placed.count else {
                    throw AttendocError(.document, "\(entry.id) has \(source.count) pages but bundle-fo.xsl left \(placed.count) placeholder pages for it")
                }
                documentPages.source += Array(source)
                documentPages.target += Array(placed)
            case .suppliedPDF(let url, let pages):
                guard pages == placed.count else {
                    throw AttendocError(.document, "\(url.path) has \(pages) pages but bundle-fo.xsl left \(placed.count) placeholder pages for it")
                }
                underlays.append(BundlePDFAssembly.Underlay(source: .file(url), sourcePages: entry.pageSelection ?? Array(1...pages), targetPages: Array(placed)))
            default:
                continue
            }
        }
        // Each page of an exhibit carries its exhibit number beside its section page: "E2 · AB/2".
        var stamps = layout.labels
        for entry in bundle.entries {
            guard let exhibit = entry.exhibit, let pages = layout.pages[entry.id] else { continue }
            for page in pages { stamps[page - 1] += "  ·  \(exhibit)" }
            // A document a draft made again, for want of an archived copy, says so on every page.
            if case .reconstruction = entry.about {
                for page in pages { stamps[page - 1] = "\(EvidenceBundle.reconstructionMark)  ·  " + stamps[page - 1] }
            }
        }
        // Nothing unsigned is served: until the signed statement and certificate are supplied,
        // every page says so.
        if !bundle.isSigned {
            stamps = stamps.map { "\(EvidenceBundle.unsignedMark)  \u{B7}  " + $0 }
        }
        if !documentPages.source.isEmpty {
            underlays.insert(BundlePDFAssembly.Underlay(source: .data(documentsData, name: "the bundle's typeset documents"),
                                                        sourcePages: documentPages.source, targetPages: documentPages.target), at: 0)
        }
        observe?(Intermediates(documentsFO: documentsFO, pagesFO: fo, pagesPDF: pagesData, underlays: underlays,
                               labels: stamps, draft: bundle.isDraft))
        let final = try BundlePDFAssembly.assemble(pages: pagesData, underlays: underlays, labels: stamps,
                                                   draft: bundle.isDraft, qpdf: qpdf)
        return TypesetBundle(data: final.pdf, layout: layout, warnings: final.warnings)
    }

    private func transform(_ tree: XMLTree, parameters: [String: String]) throws(AttendocError) -> Data {
        do {
            return try stylesheet.transform(tree, parameters: parameters)
        } catch {
            throw AttendocError(while: "stylesheets/bundle-fo.xsl could not lay out the bundle", error, kind: .document)
        }
    }

    private func write(_ data: Data, to url: URL) throws(AttendocError) {
        try TemporaryFolder.writePrivate(data, to: url)
    }
}

extension EvidenceBundle.Content {
    /// Laid out on pages of their own by the documents part (and underlaid into the bundle).
    var isTypeset: Bool {
        switch self {
        case .document, .statement: true
        default: false
        }
    }
}
