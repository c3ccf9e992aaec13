import AttendocYAML
import Foundation

/// Where a case's register comes from: a school's export next to the case file (CSV or Common
/// Transfer File), or, for small examples, CSV written into the case file itself.
public enum RegisterSource: Sendable {
    case file(FileReference)
    /// CSV text in the case file; `file` and `line` say where it starts, for messages.
    case inline(csv: String, file: String, line: Int)
}

extension CaseFileReader {
    /// `register: {file: registers/riverside.csv}` or `register: {csv: "upn,date,am,pm\n..."}`.
    static func readRegisterSource(_ top: YAMLFields) throws(CaseFileError) -> RegisterSource? {
        guard let fields = try top.optionalFields("register") else { return nil }
        let file = try fields.optionalFileReference("file")
        let csvNode = fields.node("csv")
        let csv = try fields.optionalString("csv")
        try fields.finish()
        switch (file, csv) {
        case (.some(let file), nil):
            let kind = file.url.pathExtension.lowercased()
            guard ["csv", "xml", "ctf"].contains(kind) else {
                throw fields.error("file", "must be a .csv register or a Common Transfer File (.xml), found \(file.path)")
            }
            return .file(file)
        case (nil, .some(let csv)):
            return .inline(csv: csv, file: top.file, line: (csvNode?.mark?.line ?? 0))
        case (.some, .some):
            throw fields.error("csv", "give either file or csv, not both")
        case (nil, nil):
            throw fields.error("file", "is missing: give file (a CSV or CTF export next to the case file) or csv (the register written here)")
        }
    }
}
