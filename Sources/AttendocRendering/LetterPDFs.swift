import AttendocPrograms
import AttendocValues
import Foundation
import SafeXML

/// The PDFs of many documents from one Apache FOP run: their XML wrapped in one batch element,
/// laid out by `stylesheets/fo-batch.xsl` as one page-sequence each, typeset once, and split into
/// one file per document (`PDFTypesetter.typesetLetters`), each the same bytes as the document
/// typeset on its own, which is typeset the same way, as a run of one (docs/batch.md).
enum LetterPDFs {
    /// What a document's PDF metadata says: its meta/title and meta/author, as fo.xsl writes them
    /// for a document typeset alone.
    struct Metadata: Sendable {
        var title: String
        var author: String

        init(_ tree: XMLTree) {
            let meta = tree.root?.child(named: "meta")
            title = meta?.child(named: "title")?.text ?? ""
            author = meta?.child(named: "author")?.text ?? ""
        }
    }

    /// One PDF per document of `documents`, in order, with each one's `metadata`; all share
    /// `parameters` and the stylesheets' `pdf` (fo-batch.xsl).
    static func make(_ documents: [RenderableDocument], metadata: [Metadata], parameters: [String: String],
                     with stylesheets: DocumentStylesheets, fop: PDFTypesetter) throws(AttendocError) -> [Data] {
        guard !documents.isEmpty else { return [] }
        let name = documents.count == 1 ? "\(documents[0].relativeStem).pdf" : "a run of \(documents.count) documents"
        var runParameters = parameters
        runParameters["pdf.title"] = PDFTypesetter.runTitle
        runParameters["pdf.author"] = PDFTypesetter.runAuthor
        let fo: Data
        do {
            let batch = try XMLTree(data: batchXML(documents), source: name)
            fo = try stylesheets.transform(batch, to: .pdf, parameters: runParameters)
        } catch {
            throw AttendocError(while: "laying out \(name) with stylesheets/\(OutputFormat.pdf.stylesheetName)", error, kind: .document)
        }
        let letters = zip(documents, metadata).map { document, metadata in
            PDFTypesetter.Letter(name: "\(document.relativeStem).pdf", title: metadata.title, author: metadata.author, date: document.date)
        }
        return try fop.typesetLetters(fo, letters: letters, name: name)
    }

    /// The documents' XML inside one `<batch xmlns="urn:attendoc:batch:1">`, in order.
    static func batchXML(_ documents: [RenderableDocument]) -> Data {
        var batch = Data("<batch xmlns=\"urn:attendoc:batch:1\">".utf8)
        for document in documents {
            batch.append(withoutDeclaration(document.xml))
        }
        batch.append(Data("</batch>".utf8))
        return batch
    }

    /// A document's XML without its `<?xml ...?>` declaration, to sit inside the batch element.
    static func withoutDeclaration(_ xml: Data) -> Data {
        guard xml.starts(with: Data("<?xml".utf8)), let end = xml.range(of: Data("?>".utf8)) else { return xml }
        return xml.subdata(in: end.upperBound..<xml.endIndex)
    }
}
