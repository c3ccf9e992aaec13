import AttendocCasework
import AttendocDocuments
import AttendocPolicy
import AttendocPrograms
import AttendocRendering
import AttendocTesting
import AttendocValues
import AttendocYAML
import Foundation
import Testing

/// A local authority's house style (house-styles/<name>.yaml, named by a policy's
/// letters: house_style:) reaches every format; without one the letters are as they always were
/// (the byte-for-byte proof of that is scripts/output-hashes, run before and after a change).
@Suite("House styles")
struct HouseStyleTests {
    static let date = CalendarDate(iso: "2026-11-23")!
    static let zoe = "zoe-dsouza-partner-ltd"

    /// The fixture's first warning letters under `policy`, in `formats`, and the folder they are in.
    static func render(policy: String, formats: [OutputFormat]) throws -> URL {
        var loaded = try LoadedCase.load(fixture("separated-parents.yaml"), resources: resources)
        loaded.policy = try PolicyReader.read(named: policy, in: resources.policies)
        let run = try LetterRun(resources: resources)
        let letters = try run.letters(.firstWarningLetter, for: loaded, dated: date)
        let folder = try temporaryFolder("house-style")
        let fop = formats.contains(.pdf) ? try PDFTypesetter(configuration: resources.fopConfiguration) : nil
        _ = try DocumentWriter(resources: resources, formats: formats).write(letters.map(\.document), formats: formats, to: folder, fop: fop)
        return folder.appendingPathComponent("CAT-2026-0099/first-warning-letter")
    }

    /// (The fixture's sender has no website, so website_label is not seen here.)
    @Test func westmoorsLettersCarryItsStyleInAllFourFormats() throws {
        let folder = try Self.render(policy: "westmoor-attendance-team", formats: OutputFormat.allCases)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent().deletingLastPathComponent()) }
        let footer = "Westmoor Council · Education Welfare Service: working with families for every child's attendance"

        let html = try String(contentsOf: folder.appendingPathComponent("\(Self.zoe).html"), encoding: .utf8)
        #expect(html.contains("#00703c"), "accent colour")
        #expect(html.contains("color: #0b0c0c"), "text colour")
        #expect(html.contains("font-family: \"Liberation Serif\", system-ui"), "font first, system fonts behind it")
        #expect(!html.contains("#1d4f91"), "no default accent left")
        #expect(flattened(htmlText(html)).contains(footer), "name and footer wording")

        let entries = try DOCXReading.entries(of: folder.appendingPathComponent("\(Self.zoe).docx"))
        let styles = String(decoding: entries["word/styles.xml"] ?? Data(), as: UTF8.self)
        let document = String(decoding: entries["word/document.xml"] ?? Data(), as: UTF8.self)
        let fonts = String(decoding: entries["word/fontTable.xml"] ?? Data(), as: UTF8.self)
        let footerPart = String(decoding: entries["word/footer1.xml"] ?? Data(), as: UTF8.self)
        #expect(styles.contains("w:ascii=\"Liberation Serif\"") && fonts.contains("w:name=\"Liberation Serif\""), "font")
        #expect(!styles.contains("Arial") && !fonts.contains("Arial"))
        #expect((styles + document).contains("w:val=\"00703C\""), "accent colour")
        #expect(!(styles + document).contains("1F4E79"))
        #expect(styles.contains("w:color w:val=\"0B0C0C\""), "text colour")
        #expect(footerPart.contains(footer.replacingOccurrences(of: "'", with: "&apos;")) || footerPart.contains(footer), "footer wording")

        let pdf = folder.appendingPathComponent("\(Self.zoe).pdf")
        let pdfFonts = try run("pdffonts", [pdf.path]).output
        #expect(pdfFonts.contains("LiberationSerif"), "PDF font")
        #expect(!pdfFonts.contains("LiberationSans"))
        let pdfWords = flattened(try pdfText(pdf))
        #expect(pdfWords.contains(footer), "footer wording on every page")

        let text = try String(contentsOf: folder.appendingPathComponent("\(Self.zoe).txt"), encoding: .utf8)
        #expect(flattened(text).hasSuffix(footer), "name and footer wording, last")
    }

    @Test func withoutAHouseStyleEachFormatKeepsItsOwnDefaults() throws {
        let policy = try PolicyReader.read(named: "county-attendance-team", in: resources.policies)
        #expect(policy.letters.houseStyle == nil)
        let folder = try Self.render(policy: "county-attendance-team", formats: [.html, .txt, .docx])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent().deletingLastPathComponent()) }
        let html = try String(contentsOf: folder.appendingPathComponent("\(Self.zoe).html"), encoding: .utf8)
        #expect(html.contains("#1d4f91") && html.contains("color: #1b1b1b") && html.contains("font-family: system-ui"))
        #expect(!html.contains("house-footer"))
        let entries = try DOCXReading.entries(of: folder.appendingPathComponent("\(Self.zoe).docx"))
        let styles = String(decoding: entries["word/styles.xml"] ?? Data(), as: UTF8.self)
        let document = String(decoding: entries["word/document.xml"] ?? Data(), as: UTF8.self)
        #expect((styles + document).contains("1F4E79") && styles.contains("w:ascii=\"Arial\""))
        let footerPart = String(decoding: entries["word/footer1.xml"] ?? Data(), as: UTF8.self)
        #expect(footerPart.components(separatedBy: "<w:p>").count == 2, "one footer paragraph")
    }

    static func houseStyleFile(_ text: String) throws -> URL {
        let folder = try temporaryFolder("house-style-file")
        let url = folder.appendingPathComponent("local.yaml")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func anUnknownKeyIsRefusedWithTheFileLineAndKey() throws {
        let url = try Self.houseStyleFile("authority_name: Eastmarsh Council\naccent_color: \"#123456\"\n")
        let error = #expect(throws: CaseFileError.self) { try HouseStyleReader.read(contentsOf: url) }
        #expect(error?.file == url.path)
        #expect(error?.line == 2)
        #expect(error?.field == "accent_color")
        #expect(error?.description.contains("is not a known field") == true)
    }

    @Test func aValueOfTheWrongKindIsRefusedWithoutQuotingTheFile() throws {
        let colour = try Self.houseStyleFile("authority_name: Eastmarsh Council\naccent_colour: \"teal-ish\"\n")
        let error = #expect(throws: CaseFileError.self) { try HouseStyleReader.read(contentsOf: colour) }
        #expect(error?.field == "accent_colour" && error?.line == 2)
        #expect(error?.description.contains("teal-ish") == false)
        #expect(error?.description.contains("Eastmarsh") == false)

        let list = try Self.houseStyleFile("authority_name: [Eastmarsh, Council]\n")
        let listError = #expect(throws: CaseFileError.self) { try HouseStyleReader.read(contentsOf: list) }
        #expect(listError?.field == "authority_name" && listError?.description.contains("Eastmarsh") == false)

        let font = try Self.houseStyleFile("authority_name: Eastmarsh Council\nfont_family: \"Serif'; color: red\"\n")
        let fontError = #expect(throws: CaseFileError.self) { try HouseStyleReader.read(contentsOf: font) }
        #expect(fontError?.field == "font_family" && fontError?.line == 2)
    }

    @Test func aPolicyNamingAnUnknownHouseStyleIsRefused() throws {
        let folder = try temporaryFolder("house-style-policy")
        let policies = folder.appendingPathComponent("policies")
        try FileManager.default.createDirectory(at: policies, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: policies.appendingPathComponent("term-dates"),
                                                   withDestinationURL: resources.policies.appendingPathComponent("term-dates"))
        let county = try String(contentsOf: resources.policies.appendingPathComponent("county-attendance-team.yaml"), encoding: .utf8)
        try Data((county + "\nletters:\n  house_style: nowhere\n").utf8).write(to: policies.appendingPathComponent("local.yaml"))
        let error = #expect(throws: CaseFileError.self) { try PolicyReader.read(named: "local", in: policies) }
        #expect(error?.description.contains("no such house style") == true)
    }
}
