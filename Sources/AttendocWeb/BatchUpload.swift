import AttendocPrograms
import AttendocValues
import Foundation

/// A register export uploaded on the batch screen, kept in the workspace folder between the list
/// the office checks and the run that imports it (`batch-uploads/<URN>/<SHA-256>/<its name>`,
/// owner-only), so that the run reads the very file the list was made from, contacts and all.
/// A school keeps one: a new upload replaces the last, and a finished run removes it. It is
/// found by its SHA-256 within the office's own school's folder only.
struct BatchUpload {
    /// The file's SHA-256, which the screen's forms carry.
    var token: String
    var file: URL

    /// The uploaded file's own name.
    var name: String { file.lastPathComponent }

    static func folder(_ workspace: URL, school: String) -> URL {
        workspace.appendingPathComponent("batch-uploads", isDirectory: true).appendingPathComponent(school, isDirectory: true)
    }

    /// Keeps `bytes` as the school's upload, in place of any other.
    static func keep(_ bytes: Data, name: String, school: String, in workspace: URL) throws(AttendocError) -> BatchUpload {
        let school = folder(workspace, school: school)
        let token = SHA256.hex(bytes)
        let place = school.appendingPathComponent(token, isDirectory: true)
        do {
            try? FileManager.default.removeItem(at: school)
            try FileManager.default.createDirectory(at: place, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw AttendocError(.output, "the workspace's folder for uploaded exports cannot be made", suggestion: "check that the workspace folder is writable")
        }
        let file = place.appendingPathComponent(name)
        try TemporaryFolder.writePrivate(bytes, to: file)
        return BatchUpload(token: token, file: file)
    }

    /// The school's upload with `token`, if it is still kept.
    static func find(_ token: String, school: String, in workspace: URL) -> BatchUpload? {
        guard token.count == 64, token.allSatisfy({ $0.isASCII && $0.isHexDigit && !$0.isUppercase }) else { return nil }
        let place = folder(workspace, school: school).appendingPathComponent(token, isDirectory: true)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: place.path), names.count == 1 else { return nil }
        return BatchUpload(token: token, file: place.appendingPathComponent(names[0]))
    }

    /// Removes the upload (its run has finished: the record holds what it imported).
    func remove() {
        try? FileManager.default.removeItem(at: file.deletingLastPathComponent())
    }
}
