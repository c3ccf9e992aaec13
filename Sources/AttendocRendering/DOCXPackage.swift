import AttendocValues
import Foundation
import SafeXML
import ZIPFoundation

/// Packages a document as a .docx: `stylesheets/docx.xsl` writes each WordprocessingML part (chosen
/// by its `part` parameter) and this zips them. Entries are always in the same order and dated with
/// the document's own date, so the same document always gives the same bytes.
enum DOCXPackage {
    /// Each part of the package: its path in the zip and the stylesheet's name for it.
    static let parts: [(path: String, part: String)] = [
        ("[Content_Types].xml", "content-types"),
        ("_rels/.rels", "package-rels"),
        ("docProps/core.xml", "core"),
        ("docProps/app.xml", "app"),
        ("word/document.xml", "document"),
        ("word/_rels/document.xml.rels", "document-rels"),
        ("word/styles.xml", "styles"),
        ("word/settings.xml", "settings"),
        ("word/numbering.xml", "numbering"),
        ("word/header1.xml", "header"),
        ("word/header2.xml", "first-page-header"),
        ("word/footer1.xml", "footer"),
        ("word/fontTable.xml", "font-table"),
    ]

    /// The parts whose text depends only on the stylesheet parameters (the house style and its
    /// logo), never on the document: made once per house style and kept (`DOCXPartCache`).
    static let documentIndependentParts: Set<String> = ["content-types", "package-rels", "document-rels", "settings", "numbering", "font-table"]

    /// `parameters`: the house style's stylesheet parameters, passed to every part. `logo`: the
    /// house style's logo, added as an image part after the others (the stylesheet, told of it by
    /// the `house.logo.*` parameters, writes its content type, relationship and picture).
    static func make(_ tree: XMLTree, dated date: CalendarDate, with stylesheets: DocumentStylesheets,
                     parameters: [String: String] = [:], logo: LetterheadLogo? = nil) throws(AttendocError) -> Data {
        let stamp = Date(timeIntervalSince1970: TimeInterval(date.daysSinceEpoch) * 86_400)
        do {
            // The document part first: its run walks the whole document through the stylesheet's
            // check, so the other parts' runs need not walk it again.
            var made: [String: Data] = [:]
            for (path, part) in parts.filter({ $0.part == "document" }) + parts.filter({ $0.part != "document" }) {
                if Self.documentIndependentParts.contains(part), let kept = stylesheets.docxParts.part(part, parameters: parameters) {
                    made[part] = kept
                    continue
                }
                var partParameters = parameters
                partParameters["part"] = part
                if part != "document" { partParameters["docx.checked"] = "yes" }
                do {
                    made[part] = try stylesheets.transform(tree, to: .docx, parameters: partParameters)
                } catch {
                    throw AttendocError(while: "making the DOCX part \(path)", error, kind: .document)
                }
                if Self.documentIndependentParts.contains(part) { stylesheets.docxParts.keep(made[part]!, part: part, parameters: parameters) }
            }
            let archive = try Archive(data: Data(), accessMode: .create)
            for (path, part) in parts {
                let content = made[part]!
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(content.count),
                                     modificationDate: stamp, permissions: 0o644, compressionMethod: .deflate) { position, size in
                    content.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            if let logo {
                // Stored as it is: PNG and JPEG are compressed already.
                try archive.addEntry(with: logo.docxPartPath, type: .file, uncompressedSize: Int64(logo.bytes.count),
                                     modificationDate: stamp, permissions: 0o644, compressionMethod: .none) { position, size in
                    logo.bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw AttendocError(.document, "the DOCX archive was not created in memory") }
            return data
        } catch let error as AttendocError {
            throw error
        } catch {
            throw AttendocError(while: "packaging the DOCX", error, kind: .output)
        }
    }
}

/// The DOCX parts that depend only on the stylesheet parameters, made once for each set of them
/// and shared by every document of a run (and its threads).
final class DOCXPartCache: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [String: Data] = [:]

    private static func key(_ part: String, _ parameters: [String: String]) -> String {
        ([part] + parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: "\u{0}")
    }

    func part(_ part: String, parameters: [String: String]) -> Data? {
        let key = Self.key(part, parameters)
        return lock.withLock { parts[key] }
    }

    func keep(_ data: Data, part: String, parameters: [String: String]) {
        let key = Self.key(part, parameters)
        lock.withLock { parts[key] = data }
    }
}
