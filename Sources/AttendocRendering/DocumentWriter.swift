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
        try Self.write(try render(documents, formats: formats, fop: fop), to: outputFolder)
    }

    /// Writes files already rendered (by `render`: the bytes a record archived, say) under
    /// `outputFolder`, all or nothing. Returns the files written.
    public static func write(_ rendered: [RenderedFile], to outputFolder: URL) throws(AttendocError) -> [URL] {
        let transaction = try OutputTransaction(outputFolder: outputFolder)
        do throws(AttendocError) {
            // PDFs last, as they are typeset last, so the files are listed in the order they were made.
            for file in rendered.filter({ $0.format != .pdf }) + rendered.filter({ $0.format == .pdf }) {
                try transaction.add(file.bytes, at: file.relativePath)
            }
            return try transaction.commit()
        } catch {
            transaction.abandon()
            throw error
        }
    }

    /// One rendered file: where it goes relative to the output folder, and its bytes.
    public struct RenderedFile: Sendable {
        public let relativePath: String
        public let format: OutputFormat
        public let bytes: Data
    }

    /// Renders `documents` in `formats`, in memory, in document then format order: the exact bytes
    /// a recipient receives. PDFs are typeset together by FOP.
    public func render(_ documents: [RenderableDocument], formats: [OutputFormat],
                       fop: PDFTypesetter?) throws(AttendocError) -> [RenderedFile] {
        var files: [RenderedFile?] = []
        var pdfQueue: [(fo: Data, name: String, date: CalendarDate)] = []
        var pdfSlots: [(index: Int, path: String)] = []
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
                    files.append(RenderedFile(relativePath: path, format: format, bytes: try transformed(tree, to: format, path: path, parameters: document.allStylesheetParameters)))
                case .docx:
                    files.append(RenderedFile(relativePath: path, format: format, bytes: try DOCXPackage.make(tree, dated: document.date, with: stylesheets, parameters: document.allStylesheetParameters, logo: document.logo)))
                case .pdf:
                    pdfQueue.append((try transformed(tree, to: .pdf, path: path, parameters: document.allStylesheetParameters), path, document.date))
                    pdfSlots.append((files.count, path))
                    files.append(nil)
                }
            }
        }
        if !pdfQueue.isEmpty {
            guard let fop else { throw AttendocError(.document, "PDF was asked for but Apache FOP is not available") }
            for (pdf, slot) in zip(try fop.typeset(pdfQueue), pdfSlots) {
                files[slot.index] = RenderedFile(relativePath: slot.path, format: .pdf, bytes: pdf)
            }
        }
        return files.compactMap { $0 }
    }

    private func transformed(_ tree: XMLTree, to format: OutputFormat, path: String,
                             parameters: [String: String]) throws(AttendocError) -> Data {
        do {
            return try stylesheets.transform(tree, to: format, parameters: parameters)
        } catch {
            throw AttendocError(while: "making \(path) with stylesheets/\(format.stylesheetName)", error, kind: .document)
        }
    }
}
