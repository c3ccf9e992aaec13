import AttendocPrograms
import AttendocValues
import Foundation

/// Where everything landed in a laid-out bundle, read back from the PDF's own bookmarks (so it is
/// what the reader sees, not what was intended): each section's and each entry's pages, and the
/// label stamped on every page (`Front 1`, `Index 1`, `A1`, `A2`, … `F12`).
struct BundleLayout {
    var pageCount: Int
    /// Each entry's pages, by entry id.
    var pages: [String: ClosedRange<Int>]
    /// Each section's pages, by letter.
    var sectionPages: [String: ClosedRange<Int>]
    /// The stamp label of each page, first page first.
    var labels: [String]

    /// Reads the layout from the pages PDF's bookmarks: "Front sheet" and "Index" at the top
    /// level, then one per section ("A. Summary and chronology") with one child per entry, in
    /// the bundle's order (stylesheets/bundle-fo.xsl).
    init(outline: [QPDF.OutlineEntry], pageCount: Int, bundle: EvidenceBundle) throws(AttendocError) {
        self.pageCount = pageCount
        let top = outline.filter { $0.depth == 0 }
        var starts: [(prefix: String, page: Int)] = []
        var sectionStarts: [(letter: String, page: Int)] = []
        for mark in top {
            if mark.title == "Front sheet" {
                starts.append(("Front ", mark.page))
            } else if mark.title == "Index" {
                starts.append(("Index ", mark.page))
            } else if let section = bundle.sections.first(where: { mark.title.hasPrefix("\($0.letter). ") }) {
                starts.append((section.letter, mark.page))
                sectionStarts.append((section.letter, mark.page))
            } else {
                throw AttendocError(.document, "the laid-out bundle has a bookmark on page \(mark.page) that is neither the front sheet, the index nor a section")
            }
        }
        guard starts.first?.page == 1, zip(starts, starts.dropFirst()).allSatisfy({ $0.page <= $1.page }),
              sectionStarts.map(\.letter) == bundle.sections.map(\.letter) else {
            throw AttendocError(.document, "the laid-out bundle's bookmarks (on pages \(top.map { "\($0.page)" }.joined(separator: ", "))) do not start at page 1 with the front sheet and run through sections \(bundle.sections.map(\.letter).joined(separator: ", ")) in order")
        }
        let labels = try BundleStamps.pageLabels(runs: starts.map { (prefix: $0.prefix, firstPage: $0.page) }, pageCount: pageCount)
        self.labels = labels

        var sectionPages: [String: ClosedRange<Int>] = [:]
        for (index, start) in sectionStarts.enumerated() {
            let end = index + 1 < sectionStarts.count ? sectionStarts[index + 1].page - 1 : pageCount
            sectionPages[start.letter] = start.page...max(start.page, end)
        }
        self.sectionPages = sectionPages

        // Entries: the children of each section's bookmark, in order.
        var pages: [String: ClosedRange<Int>] = [:]
        var entryStarts: [(id: String, page: Int)] = []
        var current: EvidenceBundle.Section?
        var childIndex = 0
        for mark in outline {
            if mark.depth == 0 {
                current = bundle.sections.first { mark.title.hasPrefix("\($0.letter). ") }
                childIndex = 0
            } else if mark.depth == 1, let section = current {
                guard childIndex < section.entries.count else {
                    throw AttendocError(.document, "the laid-out bundle's section \(section.letter) has more bookmarks than entries")
                }
                entryStarts.append((section.entries[childIndex].id, mark.page))
                childIndex += 1
            }
        }
        guard entryStarts.count == bundle.entries.count else {
            throw AttendocError(.document, "the laid-out bundle has \(entryStarts.count) entry bookmarks for \(bundle.entries.count) entries")
        }
        for (index, start) in entryStarts.enumerated() {
            let section = bundle.sections.first { $0.entries.contains { $0.id == start.id } }!
            let sectionEnd = sectionPages[section.letter]!.upperBound
            let next = index + 1 < entryStarts.count ? entryStarts[index + 1].page - 1 : pageCount
            pages[start.id] = start.page...max(start.page, min(next, sectionEnd))
        }
        self.pages = pages
    }

    /// "E3" or "E3–E4": an entry's pages as the stamps label them.
    func labelRange(_ id: String) -> String {
        guard let range = pages[id] else { return "" }
        let first = labels[range.lowerBound - 1], last = labels[range.upperBound - 1]
        return first == last ? first : "\(first)–\(last)"
    }
}
