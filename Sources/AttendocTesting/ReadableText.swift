import AttendocValues
import Foundation
import SafeXML
import ZIPFoundation

/// How a test reads a DOCX package.
public enum DOCXText: Sendable {
    /// The paragraphs of word/document.xml as Word shows them, one per line: for what a reader reads.
    case paragraphs
    /// The text of every XML part of the package (headers, footers, properties, comments): for
    /// what must be nowhere in the file, so that nothing hides outside the body.
    case everyPart
}

/// What a reader of the file at `url` reads, whitespace flattened, chosen by its extension:
/// a page's visible text (.html), the text (.txt), a DOCX read as `docx` says, a PDF's text
/// (pdftotext). Any other extension is refused.
public func readableText(of url: URL, docx: DOCXText = .paragraphs) throws -> String {
    switch url.pathExtension {
    case "txt": return flattened(try String(contentsOf: url, encoding: .utf8))
    case "html": return flattened(htmlText(try String(contentsOf: url, encoding: .utf8)))
    case "docx":
        switch docx {
        case .paragraphs: return flattened(try DOCXReading.paragraphs(of: url).joined(separator: "\n"))
        case .everyPart:
            let parts = try DOCXReading.entries(of: url).filter { $0.key.hasSuffix(".xml") || $0.key.hasSuffix(".rels") }
            return flattened(parts.sorted { $0.key < $1.key }.map { htmlText(String(decoding: $0.value, as: UTF8.self)) }.joined(separator: " "))
        }
    case "pdf": return flattened(try pdfText(url))
    default: throw AttendocError("\(url.path): a test reads .txt, .html, .docx or .pdf files, not .\(url.pathExtension)")
    }
}

/// The parts of a DOCX package, read as a word processor reads them.
public enum DOCXReading {
    /// The entries of a .docx, by path.
    public static func entries(of url: URL) throws -> [String: Data] {
        let archive = try Archive(url: url, accessMode: .read)
        var entries: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            entries[entry.path] = data
        }
        return entries
    }

    /// The text of each paragraph (w:p) in word/document.xml, as Word would show it.
    public static func paragraphs(of url: URL) throws -> [String] {
        guard let document = try entries(of: url)["word/document.xml"] else { return [] }
        let stylesheet = try XSLTStylesheet(data: Data("""
        <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
            xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
          <xsl:output method="text" encoding="UTF-8"/>
          <xsl:template match="/">
            <xsl:for-each select="//w:p"><xsl:for-each select=".//w:t|.//w:tab"><xsl:choose>
              <xsl:when test="self::w:tab"><xsl:text>&#9;</xsl:text></xsl:when>
              <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise></xsl:choose></xsl:for-each>
              <xsl:text>&#10;</xsl:text></xsl:for-each>
          </xsl:template>
        </xsl:stylesheet>
        """.utf8), source: "docx-paragraphs.xsl")
        let text = try stylesheet.transform(try XMLTree(data: document, source: "word/document.xml"))
        return String(decoding: text, as: UTF8.self).components(separatedBy: "\n")
    }
}
