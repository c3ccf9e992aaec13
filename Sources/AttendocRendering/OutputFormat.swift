import AttendocValues
import Foundation

/// A format Attendoc writes. Each is one stylesheet in `stylesheets/`, plus, for DOCX and PDF, one
/// packaging step (a zip, Apache FOP).
public enum OutputFormat: String, CaseIterable, Sendable {
    case html
    case txt
    case docx
    case pdf

    public var fileExtension: String { rawValue }

    /// The stylesheet that produces the format (for PDF, its XSL-FO: fo-batch.xsl, which lays out
    /// one document or a batch of them through fo.xsl).
    var stylesheetName: String {
        switch self {
        case .html: "html.xsl"
        case .txt: "text.xsl"
        case .docx: "docx.xsl"
        case .pdf: "fo-batch.xsl"
        }
    }

    /// Parses `html,txt,docx,pdf`.
    public static func list(_ text: String) throws(AttendocError) -> [OutputFormat] {
        var formats: [OutputFormat] = []
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            guard let format = OutputFormat(rawValue: name == "text" ? "txt" : name) else {
                throw AttendocError(.usage, "unknown format \"\(name)\"; the formats are \(allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !formats.contains(format) { formats.append(format) }
        }
        if formats.isEmpty { throw AttendocError(.usage, "no format given; the formats are \(allCases.map(\.rawValue).joined(separator: ", "))") }
        return formats
    }
}
