import AttendocPrograms
import AttendocValues
import Foundation
import SafeXML

/// Renders documents in each asked-for format and writes them all or nothing.
public struct DocumentWriter: Sendable {
    let stylesheets: DocumentStylesheets

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
    /// a recipient receives. The documents are shared between both cores; their PDFs are typeset
    /// together, in one FOP run for each house style (two at once when there are many), and split
    /// into each document's file (`LetterPDFs`).
    public func render(_ documents: [RenderableDocument], formats: [OutputFormat],
                       fop: PDFTypesetter?) throws(AttendocError) -> [RenderedFile] {
        if formats.contains(.pdf), !documents.isEmpty, fop == nil {
            throw AttendocError(.document, "PDF was asked for but Apache FOP is not available")
        }
        let writer = self
        // Each document checked and rendered in the formats other than PDF, on both cores (each
        // thread parses its own tree: a tree is not shared between threads).
        let rendered = try BothCores.map(documents.count) { (index: Int) throws(AttendocError) -> RenderedDocument in
            try writer.renderApartFromPDF(documents[index], formats: formats)
        }
        var pdfs: [Int: Data] = [:]
        if formats.contains(.pdf), let fop {
            for run in Self.pdfRuns(documents) {
                let made = try BothCores.map(run.count) { (piece: Int) throws(AttendocError) -> [Data] in
                    let indices = run[piece]
                    return try LetterPDFs.make(indices.map { documents[$0] }, metadata: indices.map { rendered[$0].metadata },
                                               parameters: documents[indices[0]].allStylesheetParameters,
                                               with: writer.stylesheets, fop: fop)
                }
                for (indices, files) in zip(run, made) {
                    for (index, pdf) in zip(indices, files) { pdfs[index] = pdf }
                }
            }
        }
        var files: [RenderedFile] = []
        for (index, document) in documents.enumerated() {
            var apart = rendered[index].files.makeIterator()
            for format in formats {
                let path = "\(document.relativeStem).\(format.fileExtension)"
                if format == .pdf {
                    guard let pdf = pdfs[index] else { throw AttendocError(.programFailed, "no PDF was made for \(path)") }
                    files.append(RenderedFile(relativePath: path, format: .pdf, bytes: pdf))
                } else if let file = apart.next() {
                    files.append(file)
                }
            }
        }
        let expected = documents.count * formats.count
        guard files.count == expected else {
            throw AttendocError(.programFailed, "\(files.count) files were made for \(documents.count) documents in \(formats.count) formats; nothing was written")
        }
        return files
    }

    /// The most documents one FOP run lays out: FOP's memory grows with its run, so a school's
    /// letters are typeset in runs of at most this many.
    static let documentsPerFOPRun = 150

    /// The FOP runs for `documents`' PDFs, as document indices: one group of runs for each house
    /// style (its stylesheet parameters and logo), in the order first met; a group of more than
    /// one document is typeset in at least two runs, one for each core, of at most
    /// `documentsPerFOPRun` documents.
    static func pdfRuns(_ documents: [RenderableDocument]) -> [[[Int]]] {
        var keys: [String] = []
        var groups: [String: [Int]] = [:]
        for (index, document) in documents.enumerated() {
            let parameters = document.allStylesheetParameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            let key = (parameters + [document.logo.map { SHA256.hex($0.bytes) } ?? ""]).joined(separator: "\u{0}")
            if groups[key] == nil { keys.append(key) }
            groups[key, default: []].append(index)
        }
        return keys.map { key in
            let indices = groups[key]!
            let runs = max(indices.count > 1 ? 2 : 1, (indices.count + documentsPerFOPRun - 1) / documentsPerFOPRun)
            let size = (indices.count + runs - 1) / runs
            return stride(from: 0, to: indices.count, by: size).map { Array(indices[$0..<min($0 + size, indices.count)]) }
        }
    }

    /// One document's files in the formats other than PDF, and its title and author for its PDF.
    struct RenderedDocument: Sendable {
        var files: [RenderedFile]
        var metadata: LetterPDFs.Metadata
    }

    private func renderApartFromPDF(_ document: RenderableDocument, formats: [OutputFormat]) throws(AttendocError) -> RenderedDocument {
        let tree: XMLTree
        do {
            tree = try stylesheets.checkedDocument(document.xml, source: document.relativeStem + ".xml")
        } catch {
            throw AttendocError(.document, "\(error)", underlying: error)
        }
        var files: [RenderedFile] = []
        for format in formats {
            let path = "\(document.relativeStem).\(format.fileExtension)"
            switch format {
            case .html, .txt:
                files.append(RenderedFile(relativePath: path, format: format, bytes: try transformed(tree, to: format, path: path, parameters: document.allStylesheetParameters)))
            case .docx:
                files.append(RenderedFile(relativePath: path, format: format, bytes: try DOCXPackage.make(tree, dated: document.date, with: stylesheets, parameters: document.allStylesheetParameters, logo: document.logo)))
            case .pdf:
                break
            }
        }
        return RenderedDocument(files: files, metadata: LetterPDFs.Metadata(tree))
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
