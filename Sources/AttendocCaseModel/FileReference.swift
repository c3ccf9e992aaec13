import AttendocYAML
import Foundation
import Yams

/// A file that a case file refers to, such as a piece of evidence or the register: a path relative
/// to the folder the case file is in. The reader checks that the file exists, so a bundle never
/// finds a gap later.
///
/// The one rule for such files (docs/safety.md, "Evidence"), applied by the reader, by `attendoc
/// check` and by the bundle just before it reads the file: it must be a regular file inside the
/// case's own folder (the folder of the case file, or below it), and no symbolic link on the way
/// may lead out of that folder. `/etc/passwd`, `../other-family/notes.txt`, a link to `/dev/urandom`
/// or a named pipe are all refused.
public struct FileReference: Sendable, Equatable {
    /// The path as the case file writes it: `evidence/parenting-contract.pdf`.
    public var path: String
    /// Where the file is.
    public var url: URL
    /// The case's own folder, which the file must be inside.
    public var caseFolder: URL
    /// Whose record it is (`from:`), when the case file says: a third party's record (neither the
    /// school's nor the local authority's) needs `lawfulBasis` or `consent` to be exhibited.
    public var from: String? = nil
    /// The lawful basis recorded for using a third party's record in the proceedings, in words.
    public var lawfulBasis: String? = nil
    /// The consent recorded for using it (who gave it, when), in words.
    public var consent: String? = nil
    /// The pages of a PDF that are relevant (`pages: [2, 3]`), in order; empty: all of it.
    public var pages: [Int] = []

    public init(path: String, url: URL, caseFolder: URL) {
        self.path = path
        self.url = url
        self.caseFolder = caseFolder
    }

    /// Whether a lawful basis or consent for using it is recorded.
    public var hasLawfulBasisOrConsent: Bool { lawfulBasis != nil || consent != nil }

    /// Why the file may not be used, or nil when it may: it is missing, a folder, not a regular
    /// file, or (itself or through a symbolic link) outside the case's folder.
    public var problem: String? {
        Self.problem(with: path, in: caseFolder)
    }

    /// The rule itself, for a path as written in the case file.
    /// What is wrong with the path `written` in `caseFolder`, in words that do not repeat the path
    /// (the field names it); nil when it names a regular file inside the folder.
    static func problem(with written: String, in caseFolder: URL) -> String? {
        if written.hasPrefix("/") || written.hasPrefix("~") {
            return "must be a path relative to the case file's folder (so the case can be moved), found an absolute path"
        }
        let folder = caseFolder.standardizedFileURL
        let url = folder.appendingPathComponent(written).standardizedFileURL
        let outside = "refers to a file outside the case's folder (\(folder.path)); evidence and registers must be files in the folder of the case file or below it"
        guard isInside(url.path, folder.path) else { return outside }
        var status = stat()
        guard lstat(url.path, &status) == 0 else {
            return "refers to a file that does not exist (paths are relative to the case file's folder, \(folder.path))"
        }
        // Symbolic links may be used inside the folder, but where they finally lead must be too.
        guard let real = realPath(url.path), let realFolder = realPath(folder.path) else {
            return "refers to a file that does not exist (a symbolic link on the way leads nowhere)"
        }
        guard isInside(real, realFolder) else { return outside + " (a symbolic link leads out of it)" }
        guard stat(real, &status) == 0 else {
            return "refers to a file that does not exist (paths are relative to the case file's folder, \(folder.path))"
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            return "refers to a path that is a folder; name the file itself"
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            return "refers to something that is not a regular file (a device, pipe or socket); name a saved file"
        }
        return nil
    }

    private static func isInside(_ path: String, _ folder: String) -> Bool {
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(base)
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

extension YAMLFields {
    /// The folder of the case file; relative paths in it start here. For text read with
    /// `CaseFileReader.read(_:file:)` this is the folder of `file` (the current folder for a bare name).
    var caseFolder: URL {
        URL(fileURLWithPath: file).deletingLastPathComponent()
    }

    /// The file a path names, or an error at `path` (the field, not what it holds) when it is
    /// absolute or missing. An evidence entry may instead be a mapping: `file:` (the path),
    /// `from:` (whose record it is), `lawful_basis:` or `consent:` (for a third party's record),
    /// `pages:` (the relevant pages of a PDF).
    func fileReference(_ node: Node, path fieldPath: String) throws(CaseFileError) -> FileReference {
        if case .mapping = node {
            let entry = try YAMLFields(node, file: file, path: fieldPath)
            guard let fileNode = entry.node("file") else { throw entry.error("file", "is required but missing (the file's path)") }
            var reference = try entry.fileReference(fileNode, path: "\(fieldPath).file")
            reference.from = try entry.optionalString("from")
            reference.lawfulBasis = try entry.optionalString("lawful_basis")
            reference.consent = try entry.optionalString("consent")
            for (item, itemPath) in try entry.list("pages", required: false) {
                guard case .scalar(let scalar) = item, let page = Int(scalar.string), page >= 1 else {
                    throw itemError(itemPath, "expected a page number (1 or more)", at: item)
                }
                if reference.pages.contains(page) { throw itemError(itemPath, "names page \(page) twice", at: item) }
                reference.pages.append(page)
            }
            if !reference.pages.isEmpty && reference.url.pathExtension.lowercased() != "pdf" {
                throw entry.error("pages", "is given for \(reference.path), which is not a PDF; pages choose the relevant pages of a PDF", at: entry.node("pages"))
            }
            try entry.finish()
            return reference
        }
        guard case .scalar(let scalar) = node else {
            throw itemError(fieldPath, "expected a file path relative to the case file's folder, found \(Self.kind(of: node))", at: node)
        }
        let written = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if written.isEmpty {
            throw itemError(fieldPath, "expected a file path relative to the case file's folder, found nothing", at: node)
        }
        if let problem = FileReference.problem(with: written, in: caseFolder) {
            throw itemError(fieldPath, problem, at: node)
        }
        return FileReference(path: written, url: caseFolder.appendingPathComponent(written).standardizedFileURL, caseFolder: caseFolder)
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
