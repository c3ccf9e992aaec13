import AttendocBundle
import AttendocCaseModel
import AttendocCasework
import AttendocDocuments
import AttendocEngine
import AttendocPrograms
import AttendocRegister
import AttendocRendering
import AttendocValues
import Foundation
import SafeXML

/// HTML, text, DOCX and PDF rendering speed (issue: one letter, end to end).
enum RenderingBenchmark {
    static func run(_ arguments: [String]) throws {
        let values = integerOptions(arguments, ["--letters": 5000, "--pdf-letters": 100],
                                    usage: "attendoc-benchmark rendering [--letters N] [--pdf-letters N]")
        let options = (letters: values["--letters"]!, pdfLetters: values["--pdf-letters"]!)
        let resources = try AttendocResources.locate()
        let date = CalendarDate(iso: "2026-11-23")!
        let example = try LoadedCase.load(resources.root.appendingPathComponent("examples/riverside-first-warning.yaml"), resources: resources)
        let run = try LetterRun(resources: resources)
        let sample = try run.letters(.firstWarningLetter, for: example, dated: date)[0].xml
        let sampleText = String(decoding: sample, as: UTF8.self)

        // N distinct letters on disk, as a school's batch would be: each to a different parent.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attendoc-benchmark-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [URL] = []
        for index in 0..<options.letters {
            let url = folder.appendingPathComponent("letter-\(index).xml")
            try Data(sampleText.replacingOccurrences(of: "Zoë", with: "Zoë \(index)").utf8).write(to: url)
            files.append(url)
        }
        print("letters: \(options.letters) files of \(sample.count) bytes")

        // 1. HTML: in-process XSLT stage against xsltproc on the same files.
        let stylesheets = try DocumentStylesheets(resources: resources)
        var htmlBytes = 0
        let ours = try seconds {
            for file in files {
                let tree = try XMLTree(data: try Data(contentsOf: file), source: file.path)
                htmlBytes += try stylesheets.transform(tree, to: .html).count
            }
        }
        let html = resources.stylesheets.appendingPathComponent("html.xsl").path
        var xsltprocStatus: Int32 = 0
        let theirs = try seconds {
            xsltprocStatus = try runProgram("/usr/bin/xsltproc", ["--nonet", html] + files.map(\.path))
        }
        guard xsltprocStatus == 0 else {
            FileHandle.standardError.write(Data("xsltproc failed (exit \(xsltprocStatus)); is it installed? (scripts/setup)\n".utf8))
            exit(1)
        }
        print("html: attendoc \(format(ours)) s, xsltproc \(format(theirs)) s for \(options.letters) letters (\(htmlBytes / options.letters) bytes each)")

        // 2. Text and DOCX, per letter.
        let textCount = min(options.letters, 2000)
        let text = try seconds {
            for file in files.prefix(textCount) {
                _ = try stylesheets.transform(try XMLTree(data: try Data(contentsOf: file), source: file.path), to: .txt)
            }
        }
        let docxCount = min(options.letters, 500)
        let packaging = try LetterRun(resources: resources)
        let docxLetters = try packaging.letters(.firstWarningLetter, for: example, dated: date)
        let writer = try DocumentWriter(resources: resources, formats: [.docx])
        let docxFolder = folder.appendingPathComponent("docx")
        let docx = try seconds {
            for _ in 0..<(docxCount / docxLetters.count) {
                _ = try writer.write(docxLetters.map(\.document), formats: [.docx], to: docxFolder, fop: nil)
            }
        }
        // The same letters in memory only (no files written), DOCX against HTML in this run, so
        // that a loaded machine still shows what a DOCX costs beside the cheapest format.
        let rounds = max(1, docxCount / docxLetters.count)
        let documents = docxLetters.map(\.document)
        let htmlWriter = try DocumentWriter(resources: resources, formats: [.html])
        let docxInMemory = try seconds { for _ in 0..<rounds { _ = try writer.render(documents, formats: [.docx], fop: nil) } }
        let htmlInMemory = try seconds { for _ in 0..<rounds { _ = try htmlWriter.render(documents, formats: [.html], fop: nil) } }
        print("text: \(format(text * 1000 / Double(textCount), 3)) ms per letter")
        print("docx: \(format(docx * 1000 / Double(docxCount / docxLetters.count * docxLetters.count), 3)) ms per letter (stylesheet parts, zip and write)")
        print("docx-vs-html in memory: \(format(docxInMemory / htmlInMemory)) (\(format(docxInMemory * 1000 / Double(rounds * documents.count), 3)) ms against \(format(htmlInMemory * 1000 / Double(rounds * documents.count), 3)) ms a letter)")

        // 3. PDF: one FOP run for many letters against one FOP run per letter.
        if options.pdfLetters > 0 {
            let fop = try PDFTypesetter(configuration: resources.fopConfiguration)
            let tree = try XMLTree(data: sample, source: "sample.xml")
            let fo = try stylesheets.transform(tree, to: .pdf)
            // The FO of N letters, from stylesheets/fo-batch.xsl: one page sequence per letter, each
            // numbered "Page X of Y" on its own.
            let body = sampleText[sampleText.range(of: "<document")!.lowerBound...]
            let batchXML = "<batch xmlns=\"urn:attendoc:batch:1\">" + String(repeating: String(body), count: options.pdfLetters) + "</batch>"
            let batchStylesheet = try XSLTStylesheet(contentsOf: resources.stylesheets.appendingPathComponent("fo-batch.xsl"))
            let batch = try batchStylesheet.transform(try XMLTree(data: Data(batchXML.utf8), source: "batch.xml"))
            let together = try seconds {
                _ = try fop.typeset([(batch, "batch of \(options.pdfLetters)", date)])
            }
            let separateCount = options.pdfLetters
            let apart = try seconds {
                for index in 0..<separateCount {
                    _ = try fop.typeset([(fo, "letter \(index)", date)])
                }
            }
            print("pdf: \(format(together * 1000 / Double(options.pdfLetters), 1)) ms per letter in one FOP run of \(options.pdfLetters); \(format(apart * 1000 / Double(separateCount), 1)) ms per letter with one FOP run each (\(format(apart / together, 1))x)")
        }

        print("xslt-stage-vs-xsltproc: \(format(ours / theirs))")
    }
}
