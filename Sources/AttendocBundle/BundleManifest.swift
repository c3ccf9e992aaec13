import AttendocCasework
import AttendocValues
import Foundation

/// The bundle's manifest (`evidence-bundle-manifest.json`, fields in docs/evidence-bundle.md):
/// every document and exhibit with its pages and SHA-256, the bundle's own SHA-256 and page
/// count, what was left out for privacy and why, and, for a draft, what is missing. It lets the
/// court and the defence check that the bundle they hold is the one served, and that no exhibit
/// changed since.
public struct BundleManifest: Sendable {
    public struct Item: Sendable {
        public var id: String
        public var section: String
        public var title: String
        public var date: String?
        public var exhibit: String?
        public var firstPage: Int
        public var lastPage: Int
        /// The stamped labels: `E3` or `E3–E4`.
        public var labels: String
        /// Where it comes from: a case file entry, or the supplied file's path as the case file gives it.
        public var source: String
        /// SHA-256 of the document's XML (documents Attendoc makes) or of the supplied file's bytes;
        /// nil for the bundle's own summary, schedule, statement and figures.
        public var sha256: String?
    }

    public var reference: String
    public var status: String
    public var asOf: String
    public var pageCount: Int
    public var sha256: String
    public var bundleXMLSHA256: String
    public var items: [Item]
    public var leftOut: [CourtView.LeftOut]
    public var gaps: [ProsecutionReadiness.Gap]

    init(bundle: EvidenceBundle, layout: BundleLayout, pdf: Data, xml: Data) {
        reference = bundle.view.attendanceCase.reference
        status = bundle.status
        asOf = bundle.asOf.iso
        pageCount = layout.pageCount
        sha256 = SHA256.hex(pdf)
        bundleXMLSHA256 = SHA256.hex(xml)
        items = bundle.sections.flatMap { section in
            section.entries.map { entry in
                let pages = layout.pages[entry.id] ?? 0...0
                let digest: String?
                switch entry.content {
                case .document(let xml): digest = SHA256.hex(xml)
                case .suppliedPDF(let url, _), .suppliedImage(let url), .suppliedText(let url, _):
                    digest = FileManager.default.contents(atPath: url.path).map(SHA256.hex)
                default: digest = nil
                }
                return Item(id: entry.id, section: section.letter, title: entry.title, date: entry.date?.iso, exhibit: entry.exhibit,
                            firstPage: pages.lowerBound, lastPage: pages.upperBound, labels: layout.labelRange(entry.id),
                            source: entry.source, sha256: digest)
            }
        }
        leftOut = bundle.leftOut
        gaps = bundle.isDraft ? bundle.gaps : []
    }

    /// The manifest as pretty-printed JSON with sorted keys, so the same bundle gives the same bytes.
    func json() throws(AttendocError) -> Data {
        let object: [String: Any] = [
            "reference": reference,
            "status": status,
            "as_of": asOf,
            "bundle": ["file": "evidence-bundle.pdf", "pages": pageCount, "sha256": sha256, "xml_sha256": bundleXMLSHA256] as [String: Any],
            "documents": items.map { item -> [String: Any] in
                var value: [String: Any] = [
                    "id": item.id, "section": item.section, "title": item.title,
                    "first_page": item.firstPage, "last_page": item.lastPage, "pages": item.lastPage - item.firstPage + 1,
                    "labels": item.labels, "source": item.source,
                ]
                value["date"] = item.date
                value["exhibit"] = item.exhibit
                value["sha256"] = item.sha256
                return value
            },
            "left_out": leftOut.map { ["place": $0.place, "why": $0.why] },
            "missing": gaps.map { ["place": $0.place, "problem": $0.problem, "to_do": $0.toDo] },
        ]
        do {
            var data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            data.append(0x0A)
            return data
        } catch {
            throw AttendocError(.output, "cannot write the bundle manifest: \(error.localizedDescription)")
        }
    }
}
