import AttendocValues
import Foundation

/// The qpdf program (Debian package `qpdf`), run for the few things an evidence bundle needs:
/// how many pages a PDF has, where its bookmarks point, and laying other PDFs' pages under and a
/// stamp sheet over the bundle's pages (`BundlePDFAssembly` calls it; the bundle command reads the
/// typeset documents' bookmarks with `outline`).
///
/// Every run is one `qpdf` process with its arguments given directly (no shell), standard input
/// closed and its messages captured. qpdf exits 0 when all went well, 3 when it succeeded with
/// warnings (kept, and returned where a caller may want them) and 2 on an error.
public struct QPDF: Sendable {
    public let executable: URL
    /// Where runs of qpdf (and the bundle's assembly) keep their working files, each run its own
    /// folder, removed after it: the run's private temporary folder unless a caller gives its own.
    public var temporaryFolder: URL? = nil

    /// One bookmark of a PDF's outline.
    public struct OutlineEntry: Sendable, Equatable {
        public var title: String
        /// The page it opens, counted from 1.
        public var page: Int
        /// 0 for a top-level bookmark, 1 for one beneath it, and so on.
        public var depth: Int

        public init(title: String, page: Int, depth: Int) {
            self.title = title
            self.page = page
            self.depth = depth
        }
    }

    /// Pages of `file` laid under pages of the primary PDF: `sourcePages[i]` of `file` goes under
    /// page `targetPages[i]` of the primary (both counted from 1; the two lists are as long).
    public struct Underlay: Sendable {
        public var file: URL
        public var sourcePages: [Int]
        public var targetPages: [Int]

        public init(file: URL, sourcePages: [Int], targetPages: [Int]) {
            self.file = file
            self.sourcePages = sourcePages
            self.targetPages = targetPages
        }
    }

    /// qpdf as found on PATH (or named by `$ATTENDOC_QPDF`).
    public init() throws(AttendocError) {
        self.executable = try Self.findQPDF()
    }

    /// A particular qpdf program.
    public init(executable: URL) {
        self.executable = executable
    }

    static func findQPDF() throws(AttendocError) -> URL {
        try InstalledProgram.find("qpdf", overriddenBy: "ATTENDOC_QPDF", title: "qpdf", package: "qpdf")
    }

    /// The number of pages of the PDF at `url`. `name` says what the file is in an error message
    /// (its path when not given). A file that is not a PDF, needs a password or is damaged beyond
    /// what qpdf repairs is an error.
    public func pageCount(of url: URL, name: String? = nil) throws(AttendocError) -> Int {
        let name = name ?? url.path
        let result = try run(["--show-npages", Self.argument(url)], reading: url, name: name)
        guard let count = Int(String(decoding: result.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw AttendocError(.programFailed, "qpdf did not say how many pages \(name) has")
        }
        return count
    }

    /// The bookmarks of the PDF at `url`, in document order (each bookmark, then those beneath it).
    /// A bookmark that opens no page of the document (a web link, say) is left out; those beneath
    /// it are still listed, at their own depth.
    public func outline(of url: URL, name: String? = nil) throws(AttendocError) -> [OutlineEntry] {
        let name = name ?? url.path
        let result = try run(["--json=2", "--json-key=outlines", Self.argument(url)], reading: url, name: name)
        let document: OutlineJSON
        do {
            document = try JSONDecoder().decode(OutlineJSON.self, from: result.output)
        } catch {
            throw AttendocError(.programFailed, "could not read the bookmarks qpdf found in \(name): \(error)")
        }
        var entries: [OutlineEntry] = []
        func add(_ items: [OutlineJSON.Item], depth: Int) {
            for item in items {
                if let page = item.destpageposfrom1 {
                    entries.append(OutlineEntry(title: item.title ?? "", page: page, depth: depth))
                }
                add(item.kids ?? [], depth: depth + 1)
            }
        }
        add(document.outlines, depth: 0)
        return entries
    }

    /// Writes `output`: the PDF `pages` with each underlay's pages beneath the pages it names and
    /// page i of `overlay` over page i, for every page. The pages PDF's bookmarks, links and page
    /// labels are kept, and the file identifier is derived from the content, so the same files
    /// give the same bytes. Returns qpdf's warnings (it succeeded despite them).
    ///
    /// qpdf 11.3 (Debian 12) takes one `--underlay` file per run (repeating it came in 11.9), so
    /// when there are underlays a first run gathers their pages, in the order of the pages they go
    /// under, into one file (`--empty --pages`), which the second run lays under the pages and
    /// the overlay over them. qpdf scales an underlaid page down to fit a page it is larger than
    /// in either direction (keeping its proportions, centred; a landscape page is not turned),
    /// never enlarges one, and copies its annotations (links) onto the page it lies under.
    @discardableResult
    public func assemble(pages: URL, underlays: [Underlay], overlay: URL, to output: URL) throws(AttendocError) -> [String] {
        var placements: [(file: URL, source: Int, target: Int)] = []
        for underlay in underlays {
            guard underlay.sourcePages.count == underlay.targetPages.count else {
                throw AttendocError(.programFailed, "cannot lay \(underlay.sourcePages.count) pages of \(underlay.file.path) under \(underlay.targetPages.count) pages")
            }
            placements += zip(underlay.sourcePages, underlay.targetPages).map { (underlay.file, $0, $1) }
        }
        placements.sort { $0.target < $1.target }
        if let twice = zip(placements, placements.dropFirst()).first(where: { $0.0.target == $0.1.target }) {
            throw AttendocError(.programFailed, "cannot lay both \(twice.0.file.path) and \(twice.1.file.path) under page \(twice.0.target)")
        }

        let folder = try TemporaryFolder.make("qpdf-underlay", in: temporaryFolder)
        defer { TemporaryFolder.remove(folder) }
        var warnings: [String] = []
        var arguments = ["--deterministic-id", Self.argument(pages)]
        if !placements.isEmpty {
            let gathered = folder.appendingPathComponent("underlay.pdf")
            // Consecutive pages of one file make one "file range" pair.
            var gathering = ["--empty", "--deterministic-id", "--pages"]
            var index = 0
            while index < placements.count {
                var end = index
                while end + 1 < placements.count, placements[end + 1].file == placements[index].file { end += 1 }
                gathering += [Self.argument(placements[index].file), Self.pageRanges(placements[index...end].map(\.source))]
                index = end + 1
            }
            gathering += ["--", Self.argument(gathered)]
            warnings += try run(gathering, reading: nil, name: pages.path).warnings
            arguments += ["--underlay", Self.argument(gathered), "--to=" + Self.pageRanges(placements.map(\.target)),
                          "--from=1-\(placements.count)", "--"]
        }
        arguments += ["--overlay", Self.argument(overlay), "--to=1-z", "--from=1-z", "--", Self.argument(output)]
        warnings += try run(arguments, reading: nil, name: pages.path).warnings
        return warnings
    }

    /// Writes `input` again as `output` with each page's own resources, holding only the fonts
    /// and images its content uses (FOP gives every page of a run the same ones), and without
    /// object streams, so that `PDFLetterSplit` can read it and a letter split from a run takes
    /// only what it shows. Everything else of the document (its structure tree, page labels,
    /// metadata) is kept.
    func givingEachPageItsOwnResources(_ input: URL, to output: URL, name: String) throws(AttendocError) {
        _ = try run([Self.argument(input), "--remove-unreferenced-resources=yes", "--object-streams=disable",
                     "--pages", Self.argument(input), "1-z", "--", Self.argument(output)], reading: input, name: "the typeset PDF of \(name)")
    }

    /// Page numbers as a qpdf page range, consecutive rising runs joined: [3, 4, 5, 6, 7, 9] is
    /// "3-7,9". The order is kept, since qpdf pairs source and target pages in order.
    static func pageRanges(_ pages: [Int]) -> String {
        var parts: [String] = []
        var index = 0
        while index < pages.count {
            var end = index
            while end + 1 < pages.count, pages[end + 1] == pages[end] + 1 { end += 1 }
            parts.append(end == index ? "\(pages[index])" : "\(pages[index])-\(pages[end])")
            index = end + 1
        }
        return parts.joined(separator: ",")
    }

    /// A file as a qpdf argument: always an absolute path, so it never looks like an option
    /// (`-…`) or an argument file (`@…`).
    private static func argument(_ url: URL) -> String {
        url.standardizedFileURL.absoluteURL.path
    }

    /// What a successful run printed: its standard output, and its warnings.
    private struct Output {
        var output: Data
        var warnings: [String]
    }

    /// Runs qpdf with `arguments`. `reading` is the one PDF the run reads, named `name` in errors;
    /// when given, any failure is reported as that file not being a PDF qpdf can read.
    private func run(_ arguments: [String], reading: URL?, name: String) throws(AttendocError) -> Output {
        if let reading, !FileManager.default.fileExists(atPath: reading.path) {
            throw AttendocError(.evidence, name == reading.path ? "\(name) does not exist" : "\(name) does not exist (\(reading.path))")
        }
        let finished = try ChildProcess.run(executable, arguments, purpose: "reading \(name)")
        let output = finished.output
        let messages = String(decoding: finished.error, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
        // qpdf's warnings start "WARNING: ", its errors "qpdf: " (after them, on a command-line
        // mistake, come lines of help, which are left out).
        let paths = reading == nil ? [] : arguments.filter { $0.hasPrefix("/") }
        let warnings = messages.filter { $0.hasPrefix("WARNING: ") }
            .map { Self.plain($0.dropFirst("WARNING: ".count), paths: paths) }
        let errors = messages.filter { $0.hasPrefix("qpdf: ") && !$0.contains("operation succeeded with warnings") }
            .map { Self.plain($0.dropFirst("qpdf: ".count), paths: paths) }
        let status = finished.status
        if !finished.signalled, status == 0 || status == 3 {
            return Output(output: output, warnings: warnings)
        }
        let said = errors.first ?? warnings.last
            ?? (finished.signalled ? "stopped by signal \(status)" : "exit status \(status)")
        if reading != nil {
            var reason = said
            if said.contains("invalid password") { reason += " (the file is protected by a password)" }
            if let first = warnings.first, first != said { reason += " (first warning: \(first))" }
            throw AttendocError(.evidence, "\(name) is not a PDF qpdf can read: \(reason)")
        }
        throw AttendocError(.programFailed, "qpdf failed while laying pages under and over \(name): \(said)"
                            + (errors.count > 1 ? "\n" + errors.dropFirst().prefix(7).joined(separator: "\n") : ""))
    }

    /// A qpdf message without the leading path of the file it is about, when that is one of
    /// `paths` (the file is already named in the message around it).
    private static func plain(_ message: Substring, paths: [String]) -> String {
        for path in paths where message.hasPrefix(path + ": ") {
            return String(message.dropFirst(path.count + 2))
        }
        return String(message)
    }
}

/// What `qpdf --json=2 --json-key=outlines` prints, as far as `outline(of:)` reads it.
private struct OutlineJSON: Decodable {
    struct Item: Decodable {
        var title: String?
        /// The page the bookmark opens, from 1; null when it opens none.
        var destpageposfrom1: Int?
        var kids: [Item]?
    }

    var outlines: [Item]
}
