import AttendocValues
import AttendocYAML
import Foundation

/// A local authority's house style for its letters: its name and footer wording, colours, font and
/// website label, read from `house-styles/<name>.yaml` (docs/house-style.md), which a policy names
/// under `letters: house_style:`. Attendoc passes it to every format's stylesheet as the `house.*`
/// and `label.*` parameters of `stylesheets/common/parameters.xsl`; the layout stays in the stylesheets.
public struct HouseStyle: Sendable, Equatable {
    /// The file's name without `.yaml`, as a policy names it.
    public var identifier: String
    /// The authority's name, printed at the foot of every page.
    public var authorityName: String
    /// Wording printed after the name at the foot of every page.
    public var footerText: String?
    /// `#rrggbb`.
    public var accentColour: String?
    /// `#rrggbb`.
    public var textColour: String?
    /// One font family name (for PDF it must be registered in fop/fop.xconf).
    public var fontFamily: String?
    /// The label before the website in the letterhead, in every format.
    public var websiteLabel: String?
    /// The logo on the letterhead (HTML, DOCX, PDF), with its alt text; it reaches the writers
    /// beside these parameters (`RenderableDocument.logo`), which gives its `house.logo.*`.
    public var logo: LetterheadLogo?

    public init(identifier: String, authorityName: String, footerText: String? = nil, accentColour: String? = nil,
                textColour: String? = nil, fontFamily: String? = nil, websiteLabel: String? = nil, logo: LetterheadLogo? = nil) {
        self.identifier = identifier
        self.authorityName = authorityName
        self.footerText = footerText
        self.accentColour = accentColour
        self.textColour = textColour
        self.fontFamily = fontFamily
        self.websiteLabel = websiteLabel
        self.logo = logo
    }

    /// The stylesheet parameters this house style sets; a key it leaves out keeps the stylesheets' default.
    public var stylesheetParameters: [String: String] {
        var parameters = ["house.authority.name": authorityName]
        parameters["house.footer.text"] = footerText
        parameters["house.accent.colour"] = accentColour
        parameters["house.text.colour"] = textColour
        parameters["house.font.family"] = fontFamily
        // One label for the website everywhere: the printed letterhead's shorter one as well.
        parameters["label.website"] = websiteLabel
        parameters["label.website.short"] = websiteLabel
        return parameters
    }
}

/// Reads a house-style file as strictly as a policy: an unknown key, a missing name or a value of
/// the wrong kind names the file, the line and the key, and never quotes the file's text.
public enum HouseStyleReader {
    /// The house styles' folder beside a policies folder: `<resources>/house-styles`.
    public static func folder(besidePolicies policies: URL) -> URL {
        policies.deletingLastPathComponent().appendingPathComponent("house-styles")
    }

    public static func read(named identifier: String, in folder: URL) throws(CaseFileError) -> HouseStyle {
        let url = folder.appendingPathComponent("\(identifier).yaml")
        guard identifier.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }), !identifier.isEmpty,
              FileManager.default.fileExists(atPath: url.path) else {
            let known = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
            throw CaseFileError(file: url.path, line: nil, column: nil, field: "",
                                message: "no such house style; the house styles are: \(known.joined(separator: ", "))")
        }
        return try read(contentsOf: url)
    }

    public static func read(contentsOf url: URL) throws(CaseFileError) -> HouseStyle {
        let top = try YAMLDocument.fields(of: url)
        let style = HouseStyle(
            identifier: url.deletingPathExtension().lastPathComponent,
            authorityName: try text(top, "authority_name", required: true) ?? "",
            footerText: try text(top, "footer_text"),
            accentColour: try colour(top, "accent_colour"),
            textColour: try colour(top, "text_colour"),
            fontFamily: try fontFamily(top, "font_family"),
            websiteLabel: try text(top, "website_label", maximumLength: 40),
            logo: try logo(top, in: url.deletingLastPathComponent()))
        _ = try top.optionalString("notes")
        try top.finish()
        return style
    }

    /// One line of wording: no line breaks or control characters.
    static func text(_ fields: YAMLFields, _ key: String, required: Bool = false, maximumLength: Int = 200) throws(CaseFileError) -> String? {
        guard let value = required ? try fields.string(key) : try fields.optionalString(key) else { return nil }
        guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw fields.error(key, "must be one line of text, without line breaks or control characters", at: fields.node(key))
        }
        guard value.count <= maximumLength else {
            throw fields.error(key, "must be at most \(maximumLength) characters", at: fields.node(key))
        }
        return value
    }

    /// `logo:` (a PNG or JPEG file in the house style's own folder) and its alt text,
    /// `logo_description:` (required with a logo, refused without one). The file must be inside
    /// the folder (no absolute path, no `..`, no link leading out), at most
    /// `LetterheadLogo.maximumBytes`, and a PNG or JPEG by its first bytes.
    static func logo(_ fields: YAMLFields, in folder: URL) throws(CaseFileError) -> LetterheadLogo? {
        let description = try text(fields, "logo_description")
        guard let name = try fields.optionalString("logo") else {
            if description != nil {
                throw fields.error("logo_description", "is the logo's alt text, but there is no logo: give logo: as well, or leave this out", at: fields.node("logo_description"))
            }
            return nil
        }
        let node = fields.node("logo")
        let components = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !name.hasPrefix("/"), !name.contains("\\"), !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
            throw fields.error("logo", "must name an image file in the house styles' folder (such as westmoor-logo.png), without an absolute path, . or ..", at: node)
        }
        let root = folder.standardizedFileURL.resolvingSymlinksInPath().path
        let file = folder.appendingPathComponent(name).standardizedFileURL.resolvingSymlinksInPath()
        guard file.path.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            throw fields.error("logo", "leads outside the house styles' folder (through a link): put the image itself in the folder", at: node)
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw fields.error("logo", "names no image file in the house styles' folder \(folder.path): put the PNG or JPEG there, or correct the name", at: node)
        }
        let size = ((try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? NSNumber)?.intValue ?? 0
        guard size <= LetterheadLogo.maximumBytes else {
            throw fields.error("logo", "is larger than \(LetterheadLogo.maximumBytes / 1024) KiB; a letterhead logo needs far less (save it smaller)", at: node)
        }
        guard let bytes = try? Data(contentsOf: file) else {
            throw fields.error("logo", "names an image file that cannot be read", at: node)
        }
        guard let description else {
            throw fields.error("logo_description", "is required with a logo: the alt text saying what the logo shows, for people who cannot see it", at: node)
        }
        do {
            return try LetterheadLogo(bytes: bytes, description: description)
        } catch {
            throw fields.error("logo", "\(error)", at: node)
        }
    }

    /// A colour as `#rrggbb`, the form every format can use.
    static func colour(_ fields: YAMLFields, _ key: String) throws(CaseFileError) -> String? {
        guard let value = try fields.optionalString(key) else { return nil }
        let digits = value.dropFirst()
        guard value.first == "#", digits.count == 6, digits.allSatisfy(\.isHexDigit) else {
            throw fields.error(key, "must be a colour written #rrggbb (six hexadecimal digits, such as #00703c); quote it in YAML, as # starts a comment", at: fields.node(key))
        }
        return value.lowercased()
    }

    /// A font family name: letters, digits, spaces and hyphens, as CSS, WordprocessingML and XSL-FO
    /// all take it without quoting.
    static func fontFamily(_ fields: YAMLFields, _ key: String) throws(CaseFileError) -> String? {
        guard let value = try fields.optionalString(key) else { return nil }
        guard value.count <= 60, value.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == " " || $0 == "-" }) else {
            throw fields.error(key, "must be one font family name of letters, digits, spaces and hyphens (such as Liberation Serif)", at: fields.node(key))
        }
        return value
    }
}
