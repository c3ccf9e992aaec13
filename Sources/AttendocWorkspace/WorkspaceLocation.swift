import Foundation

/// Where a workspace is: the folder named by `--workspace`, else `$ATTENDOC_WORKSPACE`, else the
/// current folder. A workspace folder holds `attendoc.sqlite` (the record) and `archive/` (the
/// exact bytes of every document issued).
public struct WorkspaceLocation: Sendable {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder.standardizedFileURL
    }

    public var database: URL { folder.appendingPathComponent("attendoc.sqlite") }
    public var archive: URL { folder.appendingPathComponent("archive") }

    /// The workspace `explicit` names, else `$ATTENDOC_WORKSPACE`, else the current folder.
    public static func find(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                            currentFolder: String = FileManager.default.currentDirectoryPath) -> WorkspaceLocation {
        if let explicit, !explicit.isEmpty { return WorkspaceLocation(folder: URL(fileURLWithPath: explicit)) }
        if let named = environment["ATTENDOC_WORKSPACE"], !named.isEmpty { return WorkspaceLocation(folder: URL(fileURLWithPath: named)) }
        return WorkspaceLocation(folder: URL(fileURLWithPath: currentFolder))
    }
}
