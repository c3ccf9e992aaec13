import Foundation

/// A logo for a letter's letterhead (a house style's `logo:`), as the writers take it: the image's
/// bytes, what kind of image it is, its size in pixels (for its proportions) and its alt text.
/// HTML and PDF get it as a data: URI, DOCX as an image part (`word/media/logo.png`), plain text
/// not at all. Only PNG without transparency (PDF/A-1b allows none) and JPEG are taken.
public struct LetterheadLogo: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case png
        case jpeg

        public var mediaType: String { "image/\(rawValue)" }
    }

    /// Why bytes are not a logo Attendoc can use (said without quoting them).
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case notAnImage
        case unreadable
        case transparent
        case tooLarge(pixels: Int)

        public var description: String {
            switch self {
            case .notAnImage: "is not a PNG or JPEG image (judged by its first bytes, not by its name)"
            case .unreadable: "is a damaged PNG or JPEG image: its size in pixels cannot be read"
            case .transparent: "is a PNG with transparency (an alpha channel or a tRNS chunk), which a PDF/A-1b letter cannot carry: save it without transparency, on white"
            case .tooLarge(let pixels): "is larger than \(pixels) pixels on a side; a letterhead logo needs far fewer"
            }
        }
    }

    /// The most a logo may hold, in bytes and in pixels on a side.
    public static let maximumBytes = 256 * 1024
    public static let maximumPixels = 4000

    public let bytes: Data
    public let kind: Kind
    public let pixelWidth: Int
    public let pixelHeight: Int
    /// The alt text: what the logo shows, for people who cannot see it.
    public let description: String

    public init(bytes: Data, description: String) throws(Problem) {
        let header = [UInt8](bytes.prefix(8))
        let (kind, size): (Kind, (width: Int, height: Int)?)
        if header == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] {
            kind = .png
            size = try Self.pngSize([UInt8](bytes))
        } else if header.starts(with: [0xFF, 0xD8, 0xFF]) {
            kind = .jpeg
            size = Self.jpegSize([UInt8](bytes))
        } else {
            throw .notAnImage
        }
        guard let size, size.width > 0, size.height > 0 else { throw .unreadable }
        guard size.width <= Self.maximumPixels, size.height <= Self.maximumPixels else { throw .tooLarge(pixels: Self.maximumPixels) }
        self.bytes = bytes
        self.kind = kind
        self.pixelWidth = size.width
        self.pixelHeight = size.height
        self.description = description
    }

    /// `data:image/png;base64,...`: the whole image, so an HTML letter stays one file and the
    /// XSL-FO for a PDF needs no file beside it.
    public var dataURI: String { "data:\(kind.mediaType);base64,\(bytes.base64EncodedString())" }

    /// Where the image is inside a .docx (`stylesheets/docx.xsl` names it `media/logo.<kind>`).
    public var docxPartPath: String { "word/media/logo.\(kind.rawValue)" }

    /// The `house.logo.*` parameters of `stylesheets/common/parameters.xsl`.
    public var stylesheetParameters: [String: String] {
        ["house.logo.uri": dataURI,
         "house.logo.type": kind.rawValue,
         "house.logo.description": description,
         "house.logo.pixel.width": String(pixelWidth),
         "house.logo.pixel.height": String(pixelHeight)]
    }

    private static func bigEndian(_ bytes: [UInt8], _ offset: Int, count: Int) -> Int? {
        guard offset >= 0, offset + count <= bytes.count else { return nil }
        return bytes[offset..<offset + count].reduce(0) { $0 << 8 | Int($1) }
    }

    /// The IHDR chunk's width and height; refuses colour types with alpha and any tRNS chunk.
    private static func pngSize(_ bytes: [UInt8]) throws(Problem) -> (width: Int, height: Int)? {
        guard bytes.count >= 33, bytes[12..<16].elementsEqual("IHDR".utf8),
              let width = bigEndian(bytes, 16, count: 4), let height = bigEndian(bytes, 20, count: 4) else { return nil }
        let colourType = bytes[25]
        if colourType == 4 || colourType == 6 { throw .transparent }
        var offset = 8
        while let length = bigEndian(bytes, offset, count: 4), offset + 12 + length <= bytes.count {
            let type = bytes[offset + 4..<offset + 8]
            if type.elementsEqual("tRNS".utf8) { throw .transparent }
            if type.elementsEqual("IEND".utf8) { return (width, height) }
            offset += 12 + length
        }
        return nil
    }

    /// The first start-of-frame marker's height and width.
    private static func jpegSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        var offset = 2
        while offset + 4 <= bytes.count, bytes[offset] == 0xFF {
            let marker = bytes[offset + 1]
            if marker == 0xFF { offset += 1; continue }
            guard let length = bigEndian(bytes, offset + 2, count: 2), length >= 2 else { return nil }
            // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard let height = bigEndian(bytes, offset + 5, count: 2), let width = bigEndian(bytes, offset + 7, count: 2) else { return nil }
                return (width, height)
            }
            offset += 2 + length
        }
        return nil
    }
}
