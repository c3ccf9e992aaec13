import Foundation
import SafeXML
import Testing

/// A stylesheet compiled from text, with a real file path so that errors and imports can name it.
func compile(_ body: String, extraNamespaces: String = "") throws -> XSLTStylesheet {
    let text = """
    <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" \(extraNamespaces)>
    <xsl:output method="text" encoding="UTF-8"/>
    \(body)
    </xsl:stylesheet>
    """
    return try XSLTStylesheet(data: Data(text.utf8), source: "/tmp/attendoc-test.xsl")
}

func tree(_ xml: String) throws -> XMLTree {
    try XMLTree(data: Data(xml.utf8), source: "input.xml")
}

@Suite("Running XSLT safely")
struct XSLTStylesheetTests {
    @Test func transformsWithLiteralStringParameters() throws {
        let stylesheet = try compile("""
        <xsl:param name="name"/>
        <xsl:template match="/">[<xsl:value-of select="$name"/>] <xsl:value-of select="/a"/></xsl:template>
        """)
        let value = #"Brief <&> "x" O'Neil"#
        let output = try stylesheet.transform(try tree("<a>Zoë</a>"), parameters: ["name": value])
        #expect(String(decoding: output, as: UTF8.self) == "[\(value)] Zoë")
    }

    @Test func exsltFunctionsAreAvailable() throws {
        let stylesheet = try compile("""
        <xsl:template match="/"><xsl:for-each select="str:tokenize('a b c', ' ')"><xsl:value-of select="."/>,</xsl:for-each></xsl:template>
        """, extraNamespaces: #"xmlns:str="http://exslt.org/strings" extension-element-prefixes="str""#)
        #expect(String(decoding: try stylesheet.transform(try tree("<a/>")), as: UTF8.self) == "a,b,c,")
    }

    @Test func writingAFileIsRefusedAndNothingIsWritten() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("attendoc-exsl-\(UUID().uuidString)")
        let target = directory.appendingPathComponent("stolen.txt")
        let stylesheet = try compile("""
        <xsl:template match="/"><exsl:document href="\(target.path)" method="text">secret</exsl:document>done</xsl:template>
        """, extraNamespaces: #"xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl""#)
        let error = #expect(throws: XMLError.self) { try stylesheet.transform(try tree("<a/>")) }
        #expect(error?.kind == .transformFailed)
        #expect(error?.message.contains("refused") == true)
        #expect(!FileManager.default.fileExists(atPath: target.path))
        #expect(!FileManager.default.fileExists(atPath: directory.path))
    }

    @Test func readingFromTheNetworkIsRefused() throws {
        let stylesheet = try compile("""
        <xsl:template match="/"><xsl:value-of select="document('http://127.0.0.1:9/x.xml')"/></xsl:template>
        """)
        let error = #expect(throws: XMLError.self) { try stylesheet.transform(try tree("<a/>")) }
        #expect(error?.kind == .transformFailed)
        #expect(error?.message.contains("refused") == true)
    }

    @Test func terminatingMessageBecomesAnErrorCarryingItsText() throws {
        let stylesheet = try compile("""
        <xsl:template match="/"><xsl:message terminate="yes">unknown element: d:frobnicate</xsl:message></xsl:template>
        """)
        let error = #expect(throws: XMLError.self) { try stylesheet.transform(try tree("<a/>")) }
        #expect(error?.kind == .stoppedByStylesheet)
        #expect(error?.message.contains("unknown element: d:frobnicate") == true)
    }

    @Test func brokenStylesheetIsReportedWithItsFile() {
        let error = #expect(throws: XMLError.self) {
            try compile("<xsl:template match=\"/\"><xsl:value-of/></xsl:template>")
        }
        #expect(error?.kind == .stylesheetUnreadable)
        #expect(error?.message.contains("attendoc-test.xsl") == true)
    }

    @Test func oneStylesheetServesManyThreadsAtOnce() async throws {
        let stylesheet = try compile("""
        <xsl:template match="/">Dear <xsl:value-of select="/a/@name"/>: <xsl:value-of select="count(//b)"/></xsl:template>
        """)
        let results = await withTaskGroup(of: [Bool].self) { group in
            for worker in 0..<4 {
                group.addTask {
                    (0..<200).map { index in
                        let name = "Parent \(worker)-\(index)"
                        let xml = "<a name=\"\(name)\">" + String(repeating: "<b/>", count: index % 7) + "</a>"
                        guard let output = try? stylesheet.transform(try tree(xml)) else { return false }
                        return String(decoding: output, as: UTF8.self) == "Dear \(name): \(index % 7)"
                    }
                }
            }
            var all: [Bool] = []
            for await part in group { all += part }
            return all
        }
        #expect(results.count == 800)
        #expect(results.allSatisfy { $0 })
    }
}
