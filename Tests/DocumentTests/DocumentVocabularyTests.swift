import AttendocRendering
import AttendocTesting
import Foundation
import SafeXML
import Testing

/// The document XML is the one contract between templates and stylesheets: the schema holds it,
/// and every stylesheet refuses what it does not understand instead of dropping text.
@Suite("Document vocabulary")
struct DocumentVocabularyTests {
    static let sample = (try? String(contentsOf: fixture("first-warning-letter.xml"), encoding: .utf8)) ?? ""

    @Test func theSampleDocumentMatchesTheSchema() throws {
        let stylesheets = try DocumentStylesheets(resources: resources, formats: [])
        _ = try stylesheets.checkedDocument(Data(Self.sample.utf8), source: "first-warning-letter.xml")
    }

    @Test func aDocumentWithoutASalutationIsRejectedWithItsLine() throws {
        let stylesheets = try DocumentStylesheets(resources: resources, formats: [])
        let broken = Self.sample.replacingOccurrences(of: "<salutation>", with: "<greeting>")
            .replacingOccurrences(of: "</salutation>", with: "</greeting>")
        let line = (broken.components(separatedBy: "\n").firstIndex { $0.contains("<greeting>") } ?? -1) + 1
        let error = #expect(throws: XMLError.self) {
            try stylesheets.checkedDocument(Data(broken.utf8), source: "broken.xml")
        }
        #expect(error?.kind == .invalid)
        #expect(error?.problems.first?.line == line)
        #expect(error?.problems.first?.file == "broken.xml")
    }

    @Test(arguments: OutputFormat.allCases)
    func everyStylesheetStopsOnAnElementItDoesNotKnow(_ format: OutputFormat) throws {
        let stylesheets = try DocumentStylesheets(resources: resources, formats: [format])
        let unknown = Self.sample.replacingOccurrences(of: "<closing>", with: "<frobnicate>lost words</frobnicate><closing>")
        let tree = try XMLTree(data: Data(unknown.utf8), source: "unknown.xml")
        let parameters = format == .docx ? ["part": "document"] : [:]
        let error = #expect(throws: XMLError.self) { try stylesheets.transform(tree, to: format, parameters: parameters) }
        #expect(error?.kind == .stoppedByStylesheet)
        #expect(error?.message.contains("frobnicate") == true)
    }

    @Test func theDOCXStylesheetRefusesAnUnknownPart() throws {
        let stylesheets = try DocumentStylesheets(resources: resources, formats: [.docx])
        let tree = try XMLTree(data: Data(Self.sample.utf8), source: "sample.xml")
        let error = #expect(throws: XMLError.self) { try stylesheets.transform(tree, to: .docx, parameters: ["part": "word/evil.xml"]) }
        #expect(error?.kind == .stoppedByStylesheet)
    }
}
