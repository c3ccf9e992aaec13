import AttendocValues
import Foundation

/// Reads a register export of either kind, chosen by its file name: `.csv` or a Common Transfer
/// File (`.xml`).
public enum RegisterImport {
    public static func read(_ url: URL, codes: AttendanceCodeTable) throws(AttendocError) -> Register {
        do {
            switch url.pathExtension.lowercased() {
            case "csv": return try RegisterCSVReader.read(contentsOf: url, codes: codes)
            case "xml", "ctf": return try CTFReader.read(contentsOf: url, codes: codes)
            default:
                throw RegisterError(file: url.path, line: nil, message: "is neither a .csv register nor a Common Transfer File (.xml)")
            }
        } catch {
            throw AttendocError.wrapping(error, kind: .register)
        }
    }
}
