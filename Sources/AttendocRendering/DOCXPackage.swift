import AttendocValues
import Foundation
import SafeXML
import ZIPFoundation

/// Packages a document as a .docx: one run of `stylesheets/docx.xsl` (its `part` parameter set to
/// `package`) writes every WordprocessingML part, each named by its path in the zip, and this zips
/// them in the stylesheet's order. Entries are dated with the document's own date, so the same
/// document always gives the same bytes.
enum DOCXPackage {
    /// `parameters`: the house style's stylesheet parameters. `logo`: the house style's logo, added
    /// as an image part after the others (the stylesheet, told of it by the `house.logo.*`
    /// parameters, writes its content type, relationship and picture).
    static func make(_ tree: XMLTree, dated date: CalendarDate, with stylesheets: DocumentStylesheets,
                     parameters: [String: String] = [:], logo: LetterheadLogo? = nil) throws(AttendocError) -> Data {
        let stamp = Date(timeIntervalSince1970: TimeInterval(date.daysSinceEpoch) * 86_400)
        var partParameters = parameters
        partParameters["part"] = "package"
        let parts: [(name: String, bytes: Data)]
        do {
            parts = try stylesheets.transformIntoDocuments(tree, to: .docx, parameters: partParameters)
        } catch {
            throw AttendocError(while: "making the DOCX parts with stylesheets/\(OutputFormat.docx.stylesheetName)", error, kind: .document)
        }
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (path, content) in parts {
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
