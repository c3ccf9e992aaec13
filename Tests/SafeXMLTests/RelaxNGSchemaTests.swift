import Foundation
import SafeXML
import Testing

@Suite("Validating against a RELAX NG schema")
struct RelaxNGSchemaTests {
    static func schema() throws -> RelaxNGSchema {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("attendoc-\(UUID().uuidString).rng")
        try Data("""
        <element name="letter" xmlns="http://relaxng.org/ns/structure/1.0">
          <oneOrMore><element name="para"><text/></element></oneOrMore>
        </element>
        """.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try RelaxNGSchema(contentsOf: url)
    }

    @Test func validDocumentPasses() throws {
        try Self.schema().validate(try XMLTree(data: Data("<letter><para>x</para></letter>".utf8), source: "ok.xml"))
    }

    @Test func invalidDocumentNamesTheLine() throws {
        let schema = try Self.schema()
        let document = try XMLTree(data: Data("<letter>\n<para>x</para>\n<table/>\n</letter>".utf8), source: "doc.xml")
        let error = #expect(throws: XMLError.self) { try schema.validate(document) }
        #expect(error?.kind == .invalid)
        #expect(error?.problems.first?.line == 3)
        #expect(error?.problems.first?.file == "doc.xml")
    }
}
