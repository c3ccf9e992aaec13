import AttendocValues
import Foundation

/// The stamp sheet of an evidence bundle: one A4 page per bundle page, which qpdf lays over the
/// bundle (`BundlePDFAssembly` makes and uses it) so that every page, the bundle's own and every
/// exhibit's, carries its label and number the same way: "B2  ·  Page 7 of 12" in the bottom
/// 10 mm of the page, right-aligned 20 mm from the right edge, on a white box so it reads over a
/// scanned exhibit; and, while the bundle is a draft, a large outlined "DRAFT" across it.
///
/// Also makes the labels themselves ("Front 1", "A1", "A2", ...) from where each section starts.
public enum BundleStamps {
    /// Points in a millimetre.
    static let millimetre = 72 / 25.4

    static let labelSize = 9.0
    /// The label's baseline, from the bottom edge of the page.
    static let labelBaseline = 4 * millimetre
    /// Where the label ends, from the right edge of the page.
    static let labelRightMargin = 20 * millimetre
    /// White space around the label's letters.
    static let labelPadding = 1.5 * millimetre
    static let draftSize = 110.0
    static let draftGrey = 0.5

    /// The stamp sheet for a bundle whose pages carry `labels`, in order; with "DRAFT" across
    /// every page when `draft`.
    public static func sheet(labels: [String], draft: Bool) -> Data {
        TextPagesPDF.document(labels.indices.map { index in
            (draft ? [draftMark()] : []) + label(stampText(label: labels[index], page: index + 1, pageCount: labels.count))
        })
    }

    /// What the stamp of a page says.
    static func stampText(label: String, page: Int, pageCount: Int) -> String {
        "\(label)  \u{B7}  Page \(page) of \(pageCount)"
    }

    /// A white box and, on it, `text` ending `labelRightMargin` from the right edge.
    static func label(_ text: String) -> [TextPagesPDF.Item] {
        let width = HelveticaBold.width(of: text, size: labelSize)
        let x = TextPagesPDF.pageWidth - labelRightMargin - width
        let bottom = labelBaseline - HelveticaBold.descender * labelSize / 1000 - labelPadding
        let top = labelBaseline + HelveticaBold.capHeight * labelSize / 1000 + labelPadding
        return [
            .whiteRectangle(x: x - labelPadding, y: bottom, width: width + 2 * labelPadding, height: top - bottom),
            .text(TextPagesPDF.Text(text, x: x, y: labelBaseline, size: labelSize, font: .helveticaBold)),
        ]
    }

    /// "DRAFT", outlined in mid-grey, rising at 45° through the middle of the page.
    static func draftMark() -> TextPagesPDF.Item {
        let word = "DRAFT"
        let width = HelveticaBold.width(of: word, size: draftSize)
        let height = HelveticaBold.capHeight * draftSize / 1000
        let angle = 45.0, radians = angle * Double.pi / 180
        // Start so that the middle of the word (half its width along the baseline, half the
        // capitals' height above it) falls on the middle of the page.
        let x = TextPagesPDF.pageWidth / 2 - width / 2 * cos(radians) + height / 2 * sin(radians)
        let y = TextPagesPDF.pageHeight / 2 - width / 2 * sin(radians) - height / 2 * cos(radians)
        return .text(TextPagesPDF.Text(word, x: x, y: y, size: draftSize, font: .helveticaBold,
                                       grey: draftGrey, outlineOnly: true, angle: angle))
    }

    /// Labels for `pageCount` pages in runs: page p of a run that starts at page s with prefix P is
    /// labelled P followed by p − s + 1. `runs` must start at page 1 and rise strictly, each within
    /// the pages: [("Front ", 1), ("A", 3), ("B", 9)] over 12 pages gives "Front 1", "Front 2",
    /// "A1" ... "A6", "B1" ... "B4".
    public static func pageLabels(runs: [(prefix: String, firstPage: Int)], pageCount: Int) throws(AttendocError) -> [String] {
        guard pageCount > 0 else { return [] }
        guard let first = runs.first, first.firstPage == 1 else {
            throw AttendocError(.document, "the bundle's page labels must start at page 1")
        }
        var labels: [String] = []
        for (index, run) in runs.enumerated() {
            let end = index + 1 < runs.count ? runs[index + 1].firstPage - 1 : pageCount
            guard run.firstPage <= end, end <= pageCount else {
                throw AttendocError(.document, "the bundle's page labels \"\(run.prefix)\" start at page \(run.firstPage), which is not"
                                    + " before the next run's start and within the bundle's \(pageCount) pages")
            }
            labels += (run.firstPage...end).map { "\(run.prefix)\($0 - run.firstPage + 1)" }
        }
        return labels
    }
}

extension BundleStamps {
    /// The metrics of Helvetica-Bold that placing the stamp needs.
        enum HelveticaBold {
        /// Height of the capitals and depth of the descenders, in thousandths of the size.
        static let capHeight = 718.0
        static let descender = 207.0

        /// The width of `text` set in Helvetica-Bold at `size` points, as `TextPagesPDF` encodes it.
        static func width(of text: String, size: Double) -> Double {
            let units = TextPagesPDF.winAnsi(text).reduce(0) { total, code in
                total + (code >= 32 ? widths[Int(code) - 32] : 0)
            }
            return Double(units) * size / 1000
        }

        /// Character widths in thousandths of the size, for WinAnsiEncoding codes 32 to 255, from
        /// the Adobe Helvetica-Bold AFM (Adobe Core 14 font metrics, version 003.001, as groff ships
        /// it in font/devps/HB). Codes WinAnsiEncoding leaves unused are 0.
        private static let widths: [Int] = [
            278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, // 32-47
            556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, // 48-63
            975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, // 64-79
            667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, // 80-95
            333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, // 96-111
            611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 0, // 112-127
            556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, // 128-143
            0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667, // 144-159
            278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333, // 160-175
            400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611, // 176-191
            722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // 192-207
            722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // 208-223
            556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, // 224-239
            611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556, // 240-255
        ]
    }
}
