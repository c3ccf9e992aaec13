import Foundation

/// A writer for small PDF 1.4 files of A4 pages that hold lines of text and white boxes, and
/// nothing else: our own code, so the bundle's stamp sheet needs neither FOP nor a library.
///
/// `BundleStamps` draws the stamp sheet qpdf lays over every page of an evidence bundle with it;
/// tests and the benchmark make stand-in exhibits with `plainPages`. Text is set in the base-14
/// fonts Helvetica and Helvetica-Bold (not embedded, WinAnsiEncoding); a character the encoding
/// has no place for prints as `?`. The bytes depend only on the pages: no dates, no `/ID`.
public enum TextPagesPDF {
    /// A4, in points.
    public static let pageWidth = 595.276
    public static let pageHeight = 841.89

    public enum Font: Sendable, Equatable {
        case helvetica, helveticaBold

        var resourceName: String { self == .helvetica ? "F1" : "F2" }
        var baseFont: String { self == .helvetica ? "Helvetica" : "Helvetica-Bold" }
    }

    /// A line of text whose baseline starts at (`x`, `y`), in points from the bottom-left corner.
    public struct Text: Sendable, Equatable {
        public var string: String
        public var x: Double
        public var y: Double
        public var size: Double
        public var font: Font
        /// 0 is black, 1 is white.
        public var grey: Double
        /// Only the outline of each letter is drawn (text render mode 1), so what lies beneath shows.
        public var outlineOnly: Bool
        /// Degrees, anticlockwise, about (`x`, `y`).
        public var angle: Double

        public init(_ string: String, x: Double, y: Double, size: Double, font: Font = .helvetica,
                    grey: Double = 0, outlineOnly: Bool = false, angle: Double = 0) {
            self.string = string
            self.x = x
            self.y = y
            self.size = size
            self.font = font
            self.grey = grey
            self.outlineOnly = outlineOnly
            self.angle = angle
        }
    }

    /// What a page holds, drawn in order (a later item covers an earlier one).
    public enum Item: Sendable, Equatable {
        case text(Text)
        /// A filled white rectangle; (`x`, `y`) is its bottom-left corner.
        case whiteRectangle(x: Double, y: Double, width: Double, height: Double)
    }

    /// A PDF with one A4 page per element of `pages`.
    public static func document(_ pages: [[Item]]) -> Data {
        // Objects: 1 catalog, 2 page tree, 3 and 4 the fonts, then each page and its content.
        var objects: [[UInt8]] = []
        let pageNumbers = pages.indices.map { 5 + 2 * $0 }
        objects.append(bytes("<< /Type /Catalog /Pages 2 0 R >>"))
        objects.append(bytes("<< /Type /Pages /Kids [\(pageNumbers.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pages.count) >>"))
        for font in [Font.helvetica, .helveticaBold] {
            objects.append(bytes("<< /Type /Font /Subtype /Type1 /BaseFont /\(font.baseFont) /Encoding /WinAnsiEncoding >>"))
        }
        for (index, items) in pages.enumerated() {
            objects.append(bytes("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(number(pageWidth)) \(number(pageHeight))]"
                                 + " /Resources << /Font << /F1 3 0 R /F2 4 0 R >> /ProcSet [/PDF /Text] >>"
                                 + " /Contents \(pageNumbers[index] + 1) 0 R >>"))
            let content = items.flatMap(contentStream(for:))
            objects.append(bytes("<< /Length \(content.count) >>\nstream\n") + content + bytes("\nendstream"))
        }

        var file = bytes("%PDF-1.4\n%") + [0xE2, 0xE3, 0xCF, 0xD3] + bytes("\n")
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(file.count)
            file += bytes("\(index + 1) 0 obj\n") + object + bytes("\nendobj\n")
        }
        let xref = file.count
        file += bytes("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n")
        for offset in offsets {
            let digits = String(offset)
            file += bytes(String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n")
        }
        file += bytes("trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n")
        return Data(file)
    }

    /// Pages of plain lines, set from the top down in 11 pt Helvetica, 25 mm from the top and left
    /// edges, 14 pt apart. About 50 lines fit on a page; the caller breaks pages.
    public static func plainPages(_ pages: [[String]]) -> Data {
        document(pages.map { lines in
            lines.enumerated().map { index, line in
                .text(Text(line, x: 70.866, y: pageHeight - 70.866 - 14 * Double(index), size: 11))
            }
        })
    }

    /// The bytes of `text` in WinAnsiEncoding: one byte per character, `?` for a character it lacks.
    static func winAnsi(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0x20...0x7E, 0xA0...0xFF: return UInt8(scalar.value)
            default: return winAnsiExtras[scalar.value] ?? UInt8(ascii: "?")
            }
        }
    }

    /// WinAnsiEncoding's characters in 0x80–0x9F, where it differs from Latin-1.
    private static let winAnsiExtras: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
        0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
        0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]

    private static func contentStream(for item: Item) -> [UInt8] {
        switch item {
        case let .whiteRectangle(x, y, width, height):
            return bytes("q 1 g \(number(x)) \(number(y)) \(number(width)) \(number(height)) re f Q\n")
        case let .text(text):
            var operators = "q BT /\(text.font.resourceName) \(number(text.size)) Tf \(number(text.grey)) g"
            if text.outlineOnly {
                operators += " \(number(text.grey)) G \(number(max(0.5, text.size / 100))) w 1 Tr"
            }
            let radians = text.angle * Double.pi / 180
            let (cosine, sine) = text.angle == 0 ? (1.0, 0.0) : (cos(radians), sin(radians))
            operators += " \(number(cosine)) \(number(sine)) \(number(-sine)) \(number(cosine)) \(number(text.x)) \(number(text.y)) Tm ("
            return bytes(operators) + escaped(winAnsi(text.string)) + bytes(") Tj ET Q\n")
        }
    }

    /// A PDF literal string's body: `(`, `)` and `\` escaped.
    private static func escaped(_ text: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        for byte in text {
            if byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "\\") {
                result.append(UInt8(ascii: "\\"))
            }
            result.append(byte)
        }
        return result
    }

    /// A number as PDF writes it: at most three decimals, no exponent, no trailing zeros, the
    /// same on every machine.
    static func number(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let sign = thousandths < 0 ? "-" : ""
        let whole = abs(thousandths) / 1000, fraction = abs(thousandths) % 1000
        guard fraction != 0 else { return thousandths == 0 ? "0" : "\(sign)\(whole)" }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(sign)\(whole).\(digits)"
    }

    private static func bytes(_ text: String) -> [UInt8] {
        Array(text.utf8)
    }
}
