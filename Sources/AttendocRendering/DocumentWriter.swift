import AttendocPrograms
import AttendocValues
import Foundation
import SafeXML

/// Renders documents in each asked-for format and writes them all or nothing.
public struct DocumentWriter: Sendable {
    private let stylesheets: DocumentStylesheets

    public init(resources: AttendocResources, formats: [OutputFormat] = OutputFormat.allCases) throws(AttendocError) {
        self.stylesheets = try DocumentStylesheets(resources: resources, formats: formats)
    }

    /// Renders `documents` in `formats` and writes them under `outputFolder`, all or nothing.
    /// Returns the files written.
    public func write(_ documents: [RenderableDocument], formats: [OutputFormat], to outputFolder: URL,
                      fop: PDFTypesetter?) throws(AttendocError) -> [URL] {
        let transaction = try OutputTransaction(outputFolder: outputFolder)
        do throws(AttendocError) {
            var pdfQueue: [(fo: Data, name: String, date: CalendarDate)] = []
            var pdfPaths: [String] = []
            for document in documents {
                let tree: XMLTree
                do {
                    tree = try stylesheets.checkedDocument(document.xml, source: document.relativeStem + ".xml")
                } catch {
                    throw AttendocError(.document, "\(error)", underlying: error)
                }
                for format in formats {
                    let path = "\(document.relativeStem).\(format.fileExtension)"
                    switch format {
                    case .html, .txt:
                        try transaction.add(try transformed(tree, to: format, path: path), at: path)
                    case .docx:
                        try transaction.add(try DOCXPackage.make(tree, dated: document.date, with: stylesheets), at: path)
                    case .pdf:
                        pdfQueue.append((try transformed(tree, to: .pdf, path: path), path, document.date))
                        pdfPaths.append(path)
                    }
                }
            }
            if !pdfQueue.isEmpty {
                guard let fop else { throw AttendocError(.document, "PDF was asked for but Apache FOP is not available") }
                for (pdf, path) in zip(try fop.typeset(pdfQueue), pdfPaths) {
                    try transaction.add(pdf, at: path)
                }
            }
            return try transaction.commit()
        } catch {
            transaction.abandon()
            throw error
        }
    }

    private func transformed(_ tree: XMLTree, to format: OutputFormat, path: String) throws(AttendocError) -> Data {
        do {
            return try stylesheets.transform(tree, to: format)
        } catch {
            throw AttendocError(while: "making \(path) with stylesheets/\(format.stylesheetName)", error, kind: .document)
        }
    }
}
