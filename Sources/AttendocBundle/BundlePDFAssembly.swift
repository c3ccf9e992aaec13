import AttendocPrograms
import AttendocValues
import Foundation

/// The last step of making an evidence bundle's PDF: the pages FOP laid out (with blank
/// placeholder pages), the pages of other PDFs (the typeset documents, the officer's supplied
/// PDFs) laid under those placeholders, and the stamp sheet (`BundleStamps`) laid over every page,
/// by qpdf (`QPDF.assemble`). The bundle command calls it once it has the pages PDF and knows
/// which pages of which PDF go where.
///
/// It checks what would otherwise go quietly wrong (a page count that does not match the labels,
/// an underlay naming a page that does not exist, two PDFs under one page) and works in a private
/// temporary folder it always removes.
public enum BundlePDFAssembly {
    /// A PDF to take pages from: a file (the officer's), or bytes already in memory (the typeset
    /// documents), with a name for error messages.
    public enum Source: Sendable {
        case file(URL)
        case data(Data, name: String)

        var name: String {
            switch self {
            case let .file(url): return url.path
            case let .data(_, name): return name
            }
        }
    }

    /// Pages of `source` laid under bundle pages: `sourcePages[i]` goes under bundle page
    /// `targetPages[i]`, both counted from 1.
    public struct Underlay: Sendable {
        public var source: Source
        public var sourcePages: [Int]
        public var targetPages: [Int]

        public init(source: Source, sourcePages: [Int], targetPages: [Int]) {
            self.source = source
            self.sourcePages = sourcePages
            self.targetPages = targetPages
        }
    }

    /// The finished bundle, and what qpdf warned about while making it (a supplied PDF it had to
    /// repair, say), each warning naming the PDF it is about.
    public struct Assembled: Sendable {
        public var pdf: Data
        public var warnings: [String]
    }

    /// The bundle PDF: `pages` (one page per label) with `underlays` beneath and the stamps of
    /// `labels` (and "DRAFT" when `draft`) over every page.
    public static func assemble(pages: Data, underlays: [Underlay], labels: [String], draft: Bool,
                                qpdf: QPDF) throws(AttendocError) -> Assembled {
        let folder = try TemporaryFolder.make("bundle", in: qpdf.temporaryFolder)
        defer { TemporaryFolder.remove(folder) }
        let pagesFile = folder.appendingPathComponent("pages.pdf")
        let stampsFile = folder.appendingPathComponent("stamps.pdf")
        let outputFile = folder.appendingPathComponent("bundle.pdf")
        let pagesName = "the bundle's laid-out pages"
        // Each temporary file's path, and what to call it in a message.
        var names: [(path: String, name: String)] = [(pagesFile.path, pagesName), (stampsFile.path, "the bundle's stamp sheet")]
        try TemporaryFolder.writePrivate(pages, to: pagesFile)
        try TemporaryFolder.writePrivate(BundleStamps.sheet(labels: labels, draft: draft), to: stampsFile)

        let pageCount = try qpdf.pageCount(of: pagesFile, name: pagesName)
        guard pageCount == labels.count else {
            throw AttendocError(.document, "\(pagesName) are \(pageCount) pages, but there are \(labels.count) page labels")
        }

        var placed: [QPDF.Underlay] = []
        var filled: [Int: String] = [:]
        for (index, underlay) in underlays.enumerated() {
            let name = underlay.source.name
            guard underlay.sourcePages.count == underlay.targetPages.count else {
                throw AttendocError(.document, "cannot lay \(underlay.sourcePages.count) pages of \(name) under \(underlay.targetPages.count) bundle pages")
            }
            let file: URL
            switch underlay.source {
            case let .file(url):
                file = url
            case let .data(data, _):
                file = folder.appendingPathComponent("underlay-\(index + 1).pdf")
                names.append((file.path, name))
                try TemporaryFolder.writePrivate(data, to: file)
            }
            let count = try qpdf.pageCount(of: file, name: name)
            if let page = underlay.sourcePages.first(where: { !(1...count).contains($0) }) {
                throw AttendocError(.document, "\(name) has \(count) pages, so it has no page \(page) to lay into the bundle")
            }
            for page in underlay.targetPages {
                guard (1...pageCount).contains(page) else {
                    throw AttendocError(.document, "the bundle has \(pageCount) pages, so it has no page \(page) to lay \(name) under")
                }
                if let other = filled[page] {
                    throw AttendocError(.document, "bundle page \(page) would hold both \(other) and \(name)")
                }
                filled[page] = name
            }
            placed.append(QPDF.Underlay(file: file, sourcePages: underlay.sourcePages, targetPages: underlay.targetPages))
        }

        let warnings: [String]
        do {
            warnings = try qpdf.assemble(pages: pagesFile, underlays: placed, overlay: stampsFile, to: outputFile)
        } catch {
            throw AttendocError(kind: error.kind, location: nil, summary: named(error.summary, names), suggestion: error.suggestion, underlying: error, description: named(error.description, names))
        }
        let assembledCount = try qpdf.pageCount(of: outputFile, name: "the assembled bundle")
        guard assembledCount == pageCount else {
            throw AttendocError(.document, "the assembled bundle has \(assembledCount) pages instead of \(pageCount)")
        }
        do {
            return Assembled(pdf: try Data(contentsOf: outputFile), warnings: warnings.map { named($0, names) })
        } catch {
            throw AttendocError(.output, "could not read the assembled bundle \(outputFile.path): \(error.localizedDescription)")
        }
    }

    /// `message` with each temporary file's path replaced by what the file is.
    private static func named(_ message: String, _ names: [(path: String, name: String)]) -> String {
        names.reduce(message) { $0.replacingOccurrences(of: $1.path, with: $1.name) }
    }
}
