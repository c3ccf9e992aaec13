import Foundation

/// Why a file could not be read, in words (Foundation on Linux says "The operation could not be
/// completed. (NSCocoaErrorDomain error 256.)" for most of them).
public enum FileProblem {
    /// "does not exist", "is a folder, not a file", "cannot be read (no permission)", or, when the
    /// file is there and readable but still failed, "cannot be read as UTF-8 text".
    public static func reason(reading url: URL) -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return "does not exist" }
        if isFolder.boolValue { return "is a folder, not a file" }
        guard FileManager.default.isReadableFile(atPath: url.path) else { return "cannot be read (no permission)" }
        return "cannot be read as UTF-8 text; save it as UTF-8"
    }
}
