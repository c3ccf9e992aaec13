import AttendocCasework
import AttendocDocuments
import AttendocPrograms
import AttendocRendering
import AttendocTesting
import AttendocValues
import Foundation
import Testing

/// A parent who needs large print (`needs: [large_print]`) receives a large-print copy: a real
/// layout at 16 pt or more, tables included, in PDF, DOCX and HTML; the other parent's copy keeps
/// the usual size. The bundled county example: Mr O'Brien needs large print, Ms D'Souza does not.
@Suite("Large-print copies", .serialized)
struct LargePrintTests {
    static let large = "ciaran-obrien", usual = "zoe-dsouza"

    static let rendered: Result<URL, AttendocError> = Result { () throws(AttendocError) -> URL in
        do {
            let loaded = try LoadedCase.load(repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml"), resources: resources)
            let letters = try LetterRun(resources: resources).letters(.firstWarningLetter, for: loaded, dated: date("2026-11-23"))
            let folder = try temporaryFolder("large-print")
            let formats: [OutputFormat] = [.pdf, .docx, .html]
            _ = try DocumentWriter(resources: resources, formats: formats).write(letters.map(\.document), formats: formats, to: folder,
                                                                               fop: try PDFTypesetter(configuration: resources.fopConfiguration))
            return folder.appendingPathComponent("CAT-2026-0142/first-warning-letter")
        } catch {
            throw AttendocError("\(error)")
        }
    }

    /// The most common height of a word's box on the PDF's pages (pdftotext -bbox), in points:
    /// the body text's, about 1.28 times its font size in Liberation Sans.
    static func bodyWordHeight(_ pdf: URL) throws -> Double {
        let boxes = try run("pdftotext", ["-bbox", pdf.path, "-"]).output
        var counts: [Double: Int] = [:]
        let pattern = try NSRegularExpression(pattern: #"<word xMin="[0-9.]+" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">"#)
        for match in pattern.matches(in: boxes, range: NSRange(boxes.startIndex..., in: boxes)) {
            guard let low = Range(match.range(at: 1), in: boxes).flatMap({ Double(boxes[$0]) }),
                  let high = Range(match.range(at: 3), in: boxes).flatMap({ Double(boxes[$0]) }) else { continue }
            counts[((high - low) * 10).rounded() / 10, default: 0] += 1
        }
        return counts.max { $0.value < $1.value }?.key ?? 0
    }

    @Test func thePDFIsLaidOutAt16PointAndItsTablesFit() throws {
        let folder = try Self.rendered.get()
        let large = try Self.bodyWordHeight(folder.appendingPathComponent("\(Self.large).pdf"))
        let usual = try Self.bodyWordHeight(folder.appendingPathComponent("\(Self.usual).pdf"))
        // The usual copy's body is 11 pt: the large copy's words are at least 16/11 as tall.
        #expect(large >= usual * 16 / 11 * 0.98, "body word height \(large) pt against \(usual) pt at 11 pt")
        #expect(large / 1.28 >= 15.9, "about \(large / 1.28) pt")
        // The attendance table at 16 pt, every figure on the page (nothing cut off at the margin).
        let text = flattened(try run("pdftotext", ["-layout", "-enc", "UTF-8", folder.appendingPathComponent("\(Self.large).pdf").path, "-"]).output)
        for figure in ["Possible sessions 104 100.0%", "Attended 73 70.2%", "Absent without authorisation 20 19.2%"] {
            #expect(text.contains(figure), "\(figure)")
        }
        let pageWidth = 595.3
        let boxes = try run("pdftotext", ["-bbox", folder.appendingPathComponent("\(Self.large).pdf").path, "-"]).output
        let right = try NSRegularExpression(pattern: #"xMax="([0-9.]+)""#).matches(in: boxes, range: NSRange(boxes.startIndex..., in: boxes))
            .compactMap { Range($0.range(at: 1), in: boxes).flatMap { Double(boxes[$0]) } }.max() ?? 0
        #expect(right < pageWidth - 28, "text reaches \(right) pt, past the right margin")
    }

    @Test func theDOCXAndHTMLAreLargePrintToo() throws {
        let folder = try Self.rendered.get()
        let styles = { (stem: String) throws -> String in
            String(decoding: try #require(try DOCXReading.entries(of: folder.appendingPathComponent("\(stem).docx"))["word/styles.xml"]), as: UTF8.self)
        }
        let sizes = { (xml: String) -> [Int] in
            let pattern = try! NSRegularExpression(pattern: #"<w:sz w:val="([0-9]+)"/>"#)
            return pattern.matches(in: xml, range: NSRange(xml.startIndex..., in: xml)).compactMap { Range($0.range(at: 1), in: xml).flatMap { Int(xml[$0]) } }
        }
        // Half-points: the body (the default run size, the smallest but the letterhead's) at 32 = 16 pt.
        let large = sizes(try styles(Self.large)), usual = sizes(try styles(Self.usual))
        #expect(large.contains(32) && large.allSatisfy { $0 >= 26 }, "\(large)")
        #expect(usual.contains(22) && !usual.contains(32), "\(usual)")
        let html = try String(contentsOf: folder.appendingPathComponent("\(Self.large).html"), encoding: .utf8)
        #expect(html.contains("font-size: 16pt"))
        #expect(!(try String(contentsOf: folder.appendingPathComponent("\(Self.usual).html"), encoding: .utf8)).contains("font-size: 16pt"))
    }
}
