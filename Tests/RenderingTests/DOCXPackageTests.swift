import AttendocCasework
import AttendocDocuments
import AttendocPolicy
import AttendocRendering
import AttendocTesting
import AttendocValues
import Foundation
import SafeXML
import Testing

/// A DOCX is made by one run of docx.xsl that writes every part of the package; each part in the
/// zip is byte for byte what a run of the stylesheet for that part alone writes (as the writer
/// made them before, one run a part), for every kind of document, in the default style and in a
/// house style with a logo.
@Suite("DOCX package")
struct DOCXPackageTests {
    /// The package's parts, in the zip's order, and the value of `part` that writes each alone
    /// (the table at the top of stylesheets/docx.xsl).
    static let parts = [
        ("[Content_Types].xml", "content-types"), ("_rels/.rels", "package-rels"), ("docProps/core.xml", "core"),
        ("docProps/app.xml", "app"), ("word/document.xml", "document"), ("word/_rels/document.xml.rels", "document-rels"),
        ("word/styles.xml", "styles"), ("word/settings.xml", "settings"), ("word/numbering.xml", "numbering"),
        ("word/header1.xml", "header"), ("word/header2.xml", "first-page-header"), ("word/footer1.xml", "footer"),
        ("word/fontTable.xml", "font-table"),
    ]

    /// The golden document XML of every kind (Tests/Golden).
    static let kinds: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("Tests/Golden").path)) ?? [])
        .filter { $0.hasSuffix(".xml") }.sorted()

    /// Westmoor's house style: its stylesheet parameters and logo, as its letters carry them.
    static func westmoor() throws -> (parameters: [String: String], logo: LetterheadLogo?) {
        var loaded = try LoadedCase.load(fixture("separated-parents.yaml"), resources: resources)
        loaded.policy = try PolicyReader.read(named: "westmoor-attendance-team", in: resources.policies)
        let letter = try LetterRun(resources: resources).letters(.firstWarningLetter, for: loaded, dated: CalendarDate(iso: "2026-11-23")!)[0]
        return (letter.document.stylesheetParameters, letter.document.logo)
    }

    @Test(arguments: kinds)
    func everyPartIsWhatARunForThatPartAloneWrites(_ kind: String) throws {
        #expect(Self.kinds.count >= 30, "the golden documents were found")
        let xml = try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/Golden/\(kind)"))
        let stylesheets = try DocumentStylesheets(resources: resources, formats: [.docx])
        let tree = try stylesheets.checkedDocument(xml, source: kind)
        let styles: [(parameters: [String: String], logo: LetterheadLogo?)] = [([:], nil), try Self.westmoor()]
        for style in styles {
            let document = RenderableDocument(xml: xml, relativeStem: "letter", date: CalendarDate(iso: "2026-11-23")!,
                                              stylesheetParameters: style.parameters, logo: style.logo)
            let docx = try DocumentWriter(resources: resources, formats: [.docx]).render([document], formats: [.docx], fop: nil)[0].bytes
            let folder = try temporaryFolder("docx-package")
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("letter.docx")
            try docx.write(to: file)
            let entries = try DOCXReading.entries(of: file)
            for (path, part) in Self.parts {
                var parameters = document.allStylesheetParameters
                parameters["part"] = part
                let alone = try stylesheets.transform(tree, to: .docx, parameters: parameters)
                #expect(entries[path] == alone, "\(kind) \(path) with \(style.logo == nil ? "the default style" : "Westmoor's")")
            }
            let logoPath = style.logo.map { [$0.docxPartPath] } ?? []
            #expect(Set(entries.keys) == Set(Self.parts.map(\.0) + logoPath))
            #expect(Self.parts.allSatisfy { entries[$0.0]?.starts(with: Data("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>".utf8)) == true })
        }
    }
}
