import AttendocYAML
import Foundation
import Yams

/// A file that a case file refers to, such as a piece of evidence: a path relative to the folder
/// the case file is in. The reader checks that the file exists, so a bundle never finds a gap later.
public struct FileReference: Sendable, Equatable {
    /// The path as the case file writes it: `evidence/parenting-contract.pdf`.
    public var path: String
    /// Where the file is.
    public var url: URL
}

extension YAMLFields {
    /// The folder of the case file; relative paths in it start here. For text read with
    /// `CaseFileReader.read(_:file:)` this is the folder of `file` (the current folder for a bare name).
    var caseFolder: URL {
        URL(fileURLWithPath: file).deletingLastPathComponent()
    }

    /// The file a path names, or an error at `path` (the field, not what it holds) when it is absolute or missing.
    func fileReference(_ node: Node, path fieldPath: String) throws(CaseFileError) -> FileReference {
        guard case .scalar(let scalar) = node else {
            throw itemError(fieldPath, "expected a file path relative to the case file's folder, found \(Self.kind(of: node))", at: node)
        }
        let written = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if written.isEmpty {
            throw itemError(fieldPath, "expected a file path relative to the case file's folder, found nothing", at: node)
        }
        if written.hasPrefix("/") || written.hasPrefix("~") {
            throw itemError(fieldPath, "must be a path relative to the case file's folder (so the case can be moved), found an absolute path", at: node)
        }
        let url = caseFolder.appendingPathComponent(written).standardizedFileURL
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw itemError(fieldPath, "refers to a file that does not exist (paths are relative to the case file's folder, \(caseFolder.path))", at: node)
        }
        if isFolder.boolValue {
            throw itemError(fieldPath, "refers to a path that is a folder; name the file itself", at: node)
        }
        return FileReference(path: written, url: url)
    }

    /// One file reference, or nil when the key is absent.
    func optionalFileReference(_ key: String) throws(CaseFileError) -> FileReference? {
        guard let value = node(key) else { return nil }
        return try fileReference(value, path: path.isEmpty ? key : "\(path).\(key)")
    }

    /// A list of file references (`evidence:`); absent means none.
    func fileReferences(_ key: String) throws(CaseFileError) -> [FileReference] {
        var result: [FileReference] = []
        for (item, itemPath) in try list(key, required: false) {
            result.append(try fileReference(item, path: itemPath))
        }
        return result
    }
}
