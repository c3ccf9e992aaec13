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

    /// Letters in two styles through one writer, interleaved, are byte for byte what a fresh
    /// writer makes of each alone: nothing of one style's DOCX reaches the other's.
    @Test func oneWriterGivesEachHouseStyleItsOwnDOCXParts() throws {
        func letters(_ policy: String) throws -> [RenderableDocument] {
            var loaded = try LoadedCase.load(fixture("separated-parents.yaml"), resources: resources)
            loaded.policy = try PolicyReader.read(named: policy, in: resources.policies)
            return try LetterRun(resources: resources).letters(.firstWarningLetter, for: loaded, dated: Self.date).map(\.document)
        }
        let westmoor = try letters("westmoor-attendance-team"), county = try letters("county-attendance-team")
        #expect(westmoor[0].logo != nil && county[0].logo == nil, "one style has a logo and the other none")
        let shared = try DocumentWriter(resources: resources, formats: [.docx])
        let together = try shared.render([westmoor[0], county[0], westmoor[1], county[1]], formats: [.docx], fop: nil).map(\.bytes)
        let apart = try [westmoor[0], county[0], westmoor[1], county[1]].map { document in
            try DocumentWriter(resources: resources, formats: [.docx]).render([document], formats: [.docx], fop: nil)[0].bytes
        }
        #expect(together == apart)
        #expect(together[0] != together[1])
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

    static let logoDescription = "Westmoor Council logo: a yellow sun rising behind green hills"

    /// The logo (house-styles/westmoor-logo.png) is on page 1 of the HTML, DOCX and PDF, with its
    /// alt text; the plain text has neither.
    @Test func westmoorsLogoIsOnTheLetterheadOfEveryFormatThatShowsImages() throws {
        let folder = try Self.render(policy: "westmoor-attendance-team", formats: OutputFormat.allCases)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent().deletingLastPathComponent()) }
        let logo = try Data(contentsOf: resources.root.appendingPathComponent("house-styles/westmoor-logo.png"))

        let html = try String(contentsOf: folder.appendingPathComponent("\(Self.zoe).html"), encoding: .utf8)
        let images = html.components(separatedBy: "<img ").dropFirst()
        #expect(images.count == 1, "one image")
        let prefix = "src=\"data:image/png;base64,"
        let source = try #require(images.first?.components(separatedBy: prefix).dropFirst().first?.prefix { $0 != "\"" })
        #expect(Data(base64Encoded: String(source)) == logo, "the data URI is the logo file")
        #expect(images.first?.contains("alt=\"\(Self.logoDescription)\"") == true, "alt text")
        #expect(!html.contains("westmoor-logo.png"), "no link to a file: the page stays self-contained")

        let entries = try DOCXReading.entries(of: folder.appendingPathComponent("\(Self.zoe).docx"))
        #expect(entries["word/media/logo.png"] == logo, "the image part is the logo file")
        let contentTypes = String(decoding: entries["[Content_Types].xml"] ?? Data(), as: UTF8.self)
        #expect(contentTypes.contains("<Default Extension=\"png\" ContentType=\"image/png\"/>"))
        let relationships = String(decoding: entries["word/_rels/document.xml.rels"] ?? Data(), as: UTF8.self)
        #expect(relationships.contains("<Relationship Id=\"rId8\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/logo.png\"/>"))
        let document = String(decoding: entries["word/document.xml"] ?? Data(), as: UTF8.self)
        #expect(document.components(separatedBy: "<a:blip r:embed=\"rId8\"/>").count == 2, "one picture of the image part")
        #expect(document.contains("<wp:docPr id=\"1\" name=\"Logo\" descr=\"\(Self.logoDescription)\"/>"), "alt text")
        // 14 mm high (794 twips), 3:2 as the image is.
        #expect(document.contains("<wp:extent cx=\"756285\" cy=\"504190\"/>"))
        #expect(document.range(of: "<w:drawing")!.lowerBound < document.range(of: "Northshire County Council")!.lowerBound,
                "the logo comes before the sender's name")

        let pdf = folder.appendingPathComponent("\(Self.zoe).pdf")
        let listing = try run("pdfimages", ["-list", pdf.path]).output
        let rows = listing.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ").map(String.init) }
        #expect(rows.map(\.first) == ["1"], "one image, on page 1")
        #expect(rows.first.map { Array($0[3...4]) } == ["360", "240"], "the logo's own pixels")

        let text = try String(contentsOf: folder.appendingPathComponent("\(Self.zoe).txt"), encoding: .utf8)
        #expect(!text.contains("logo") && !text.contains("data:"), "plain text has no logo")
    }

    /// A house-style file beside `files` (name: bytes), in a folder of its own.
    static func houseStyleFile(_ text: String, with files: [String: Data]) throws -> URL {
        let url = try houseStyleFile(text)
        for (name, bytes) in files {
            try bytes.write(to: url.deletingLastPathComponent().appendingPathComponent(name))
        }
        return url
    }

    static let westmoorLogo = resources.root.appendingPathComponent("house-styles/westmoor-logo.png")

    @Test func aLogoIsReadWithItsSizeAndAltText() throws {
        let url = try Self.houseStyleFile("authority_name: Eastmarsh Council\nlogo: emblem.png\nlogo_description: Eastmarsh emblem\n",
                                          with: ["emblem.png": try Data(contentsOf: Self.westmoorLogo)])
        let logo = try #require(try HouseStyleReader.read(contentsOf: url).logo)
        #expect(logo.kind == .png && logo.pixelWidth == 360 && logo.pixelHeight == 240 && logo.description == "Eastmarsh emblem")
        let westmoor = try HouseStyleReader.read(named: "westmoor", in: resources.root.appendingPathComponent("house-styles"))
        #expect(westmoor.logo?.bytes == (try Data(contentsOf: Self.westmoorLogo)))
    }

    @Test func aLogoThatIsNotAPNGOrJPEGIsRefusedWithTheFileLineAndKey() throws {
        let url = try Self.houseStyleFile("authority_name: Eastmarsh Council\nlogo: emblem.png\nlogo_description: Eastmarsh emblem\n",
                                          with: ["emblem.png": Data("GIF89a Eastmarsh secret".utf8)])
        let error = #expect(throws: CaseFileError.self) { try HouseStyleReader.read(contentsOf: url) }
        #expect(error?.file == url.path && error?.line == 2 && error?.field == "logo")
        #expect(error?.description.contains("is not a PNG or JPEG image") == true)
        #expect(error?.description.contains("secret") == false && error?.description.contains("emblem") == false)

        // A PNG with an alpha channel (colour type 6) cannot go into a PDF/A-1b letter.
        var alpha = try Data(contentsOf: Self.westmoorLogo)
        alpha[25] = 6
        let transparent = try Self.houseStyleFile("authority_name: Eastmarsh Council\nlogo: emblem.png\nlogo_description: Eastmarsh emblem\n",
                                                  with: ["emblem.png": alpha])
        let alphaError = #expect(throws: CaseFileError.self) { try HouseStyleReader.read(contentsOf: transparent) }
        #expect(alphaError?.line == 2 && alphaError?.field == "logo" && alphaError?.description.contains("transparency") == true)
    }

    @Test func aLogoOutsideTheHouseStylesFolderIsRefused() throws {
        let outside = try temporaryFolder("house-style-outside").appendingPathComponent("emblem.png")
        try Data(contentsOf: Self.westmoorLogo).write(to: outside)
        for name in ["../emblem.png", outside.path, "sub/../../emblem.png"] {
            let url = try Self.houseStyleFile("authority_name: Eastmarsh Council\nnotes: a logo elsewhere\nlogo: \"\(name)\"\nlogo_description: Eastmarsh emblem\n")
            let error = #expect(throws: CaseFileError.self) { try HouseStyleReader.read(contentsOf: url) }
            #expect(error?.file == url.path && error?.line == 3 && error?.field == "logo")
            #expect(error?.description.contains("emblem") == false, "the file's value is not repeated")
        }
        // A link inside the folder that leads out of it.
        let linked = try Self.houseStyleFile("authority_name: Eastmarsh Council\nlogo: emblem.png\nlogo_description: Eastmarsh emblem\n")
        try FileManager.default.createSymbolicLink(at: linked.deletingLastPathComponent().appendingPathComponent("emblem.png"), withDestinationURL: outside)
        let linkError = #expect(throws: CaseFileError.self) { try HouseStyleReader.read(contentsOf: linked) }
        #expect(linkError?.line == 2 && linkError?.field == "logo" && linkError?.description.contains("outside") == true)
    }

    @Test func aMissingLogoOrAltTextIsRefusedWithTheFileLineAndKey() throws {
        let missing = try Self.houseStyleFile("authority_name: Eastmarsh Council\nlogo: emblem.png\nlogo_description: Eastmarsh emblem\n")
        let error = #expect(throws: CaseFileError.self) { try HouseStyleReader.read(contentsOf: missing) }
        #expect(error?.file == missing.path && error?.line == 2 && error?.field == "logo")
        #expect(error?.description.contains("names no image file") == true)

        let noDescription = try Self.houseStyleFile("authority_name: Eastmarsh Council\nlogo: emblem.png\n",
                                                    with: ["emblem.png": try Data(contentsOf: Self.westmoorLogo)])
        let descriptionError = #expect(throws: CaseFileError.self) { try HouseStyleReader.read(contentsOf: noDescription) }
        #expect(descriptionError?.field == "logo_description" && descriptionError?.line == 2)

        let tooBig = try Self.houseStyleFile("authority_name: Eastmarsh Council\nlogo: emblem.png\nlogo_description: Eastmarsh emblem\n",
                                             with: ["emblem.png": Data(count: LetterheadLogo.maximumBytes + 1)])
        let sizeError = #expect(throws: CaseFileError.self) { try HouseStyleReader.read(contentsOf: tooBig) }
        #expect(sizeError?.field == "logo" && sizeError?.description.contains("KiB") == true)
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
        #expect(!html.contains("<img") && !entries.keys.contains { $0.hasPrefix("word/media/") }, "no logo")
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
