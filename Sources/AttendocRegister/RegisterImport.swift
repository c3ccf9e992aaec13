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

    /// Reads a whole school's export as `read` does, but a pupil whose marks cannot be read is
    /// left out and returned in `refused` (by UPN), so that the other pupils can go on (`attendoc
    /// batch`). A problem with the file itself still stops the import.
    public static func readKeepingGoodPupils(_ url: URL, codes: AttendanceCodeTable) throws(AttendocError) -> (register: Register, refused: [String: AttendocError]) {
        do {
            switch url.pathExtension.lowercased() {
            case "csv":
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    throw RegisterError(file: url.path, line: nil, message: FileProblem.reason(reading: url))
                }
                let (register, refused) = try RegisterCSVReader.readKeepingGoodPupils(bytes: [UInt8](data), file: url.path, codes: codes)
                return (register, refused.mapValues(\.attendocError))
            case "xml", "ctf":
                let (register, refused) = try CTFReader.readKeepingGoodPupils(contentsOf: url, codes: codes)
                return (register, refused.mapValues(\.attendocError))
            default:
                return (try read(url, codes: codes), [:])
            }
        } catch let error as RegisterError {
            throw error.attendocError
        } catch let error as AttendocError {
            throw error
        } catch {
            throw AttendocError.wrapping(error, kind: .register)
        }
    }
}
