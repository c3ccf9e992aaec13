import AttendocValues
import Foundation
import HTTPTypes
import Hummingbird

/// A register export uploaded through a form (the register screen's and the batch screen's):
/// the form read within the upload limit, its token checked, a file given, named `.csv` or `.xml`;
/// its name made safe to be a file name on the server (and to be shown).
struct RegisterUpload {
    /// Why an upload is refused: the form itself (no token, not a form), or the file field, with
    /// the status and the words for the field.
    enum Refusal: Error {
        case form
        case file(HTTPResponse.Status, String)
    }

    var fields: FormFields
    /// The file's own name, made of letters, digits, `-`, `_` and `.` only.
    var name: String
    var bytes: Data

    static func receive(_ request: Request, largest: Int, token: (FormFields) -> Bool) async -> Result<RegisterUpload, Refusal> {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: largest)
        } catch {
            return .failure(.file(.contentTooLarge, "The file is larger than \(largest / 1024 / 1024) MB; a register export is far smaller"))
        }
        guard let form = MultipartForm(contentType: request.headers[.contentType] ?? "", body: Data(buffer.readableBytesView)) else {
            return .failure(.form)
        }
        guard token(form.fields) else { return .failure(.form) }
        guard let file = form.file, !file.bytes.isEmpty else { return .failure(.file(.badRequest, "Select a register export to import")) }
        let name = URL(fileURLWithPath: file.fileName).lastPathComponent
        guard ["csv", "xml"].contains(URL(fileURLWithPath: name).pathExtension.lowercased()) else {
            return .failure(.file(.badRequest, "The file must be a CSV register (.csv) or a Common Transfer File (.xml)"))
        }
        let safe = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "-" })
        return .success(RegisterUpload(fields: form.fields, name: safe.hasPrefix(".") ? "register" + safe : safe, bytes: file.bytes))
    }
}
