import Foundation
import SafeXML
import Testing

@Suite("Parsing untrusted XML")
struct XMLTreeTests {
    @Test func parsesWellFormedXMLAndKeepsText() throws {
        let tree = try XMLTree(data: Data("<a xmlns='urn:x'>O'Brien &amp; &lt;Sons&gt;</a>".utf8), source: "a.xml")
        #expect(tree.rootElement?.name == "a")
        #expect(tree.rootElement?.namespace == "urn:x")
        let text = String(decoding: tree.serialized(), as: UTF8.self)
        #expect(text.contains("O'Brien &amp; &lt;Sons&gt;"))
    }

    @Test func malformedInputNamesFileLineAndColumn() {
        let xml = "<letter>\n  <para>one</para>\n  <para>two</letter>\n"
        let error = #expect(throws: XMLError.self) { try XMLTree(data: Data(xml.utf8), source: "bad.xml") }
        #expect(error?.kind == .malformed)
        let first = error?.problems.first
        #expect(first?.file == "bad.xml")
        #expect(first?.line == 3)
        #expect(first?.column != nil)
        #expect(first?.message.contains("mismatch") == true)
    }

    @Test func externalEntityIsRefusedWithTheDoctypeLine() {
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE letter [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
        <letter>&secret;</letter>
        """
        let error = #expect(throws: XMLError.self) { try XMLTree(data: Data(xml.utf8), source: "xxe.xml") }
        #expect(error?.kind == .doctypeRefused)
        #expect(error?.problems.first?.line == 2)
        #expect(error?.description.contains("xxe.xml:2:1") == true)
    }

    @Test func entityExpansionBombIsRefused() {
        var declarations = "<!ENTITY lol0 \"lol\">"
        for level in 1...9 {
            let previous = String(repeating: "&lol\(level - 1);", count: 10)
            declarations += "<!ENTITY lol\(level) \"\(previous)\">"
        }
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE lolz [\(declarations)]><lolz>&lol9;</lolz>"
        let error = #expect(throws: XMLError.self) { try XMLTree(data: Data(xml.utf8), source: "lol.xml") }
        // libxml2 itself stops at the entity amplification; either way nothing is expanded.
        #expect(error?.kind == .malformed || error?.kind == .doctypeRefused)
        #expect(error?.problems.first?.file == "lol.xml")
    }

    @Test func externalDTDIsNeverFetched() {
        let xml = "<!DOCTYPE a SYSTEM \"http://example.invalid/a.dtd\"><a/>"
        let error = #expect(throws: XMLError.self) { try XMLTree(data: Data(xml.utf8), source: "dtd.xml") }
        #expect(error?.kind == .doctypeRefused)
    }

    @Test func undeclaredNamespacePrefixIsAnError() {
        let error = #expect(throws: XMLError.self) { try XMLTree(data: Data("<x:a/>".utf8), source: "ns.xml") }
        #expect(error?.kind == .malformed)
    }
}
