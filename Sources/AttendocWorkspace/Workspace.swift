import AttendocValues
import Foundation
import GRDB

/// The casework record: an embedded SQLite database (through GRDB, WAL mode, foreign keys on) and
/// an archive folder holding the exact bytes of every document issued. Database and archive are
/// readable by their owner only.
///
/// Every change is one transaction. Issuing writes its archive files under a pending name, inserts
/// its rows, renames the files into place and commits, all while holding the database's write lock,
/// so a kill at any instant leaves the whole issue or none of it; `open` clears what a killed run
/// left (docs/workspace.md).
public final class Workspace: Sendable {
    public let location: WorkspaceLocation
    let pool: DatabasePool

    private init(location: WorkspaceLocation, pool: DatabasePool) {
        self.location = location
        self.pool = pool
    }

    /// Makes a new workspace in `location`'s folder (created if missing). Refuses a folder that
    /// already holds one.
    public static func create(at location: WorkspaceLocation) throws(WorkspaceError) -> Workspace {
        let files = FileManager.default
        if files.fileExists(atPath: location.database.path) {
            throw WorkspaceError("\(location.folder.path) already holds a workspace (attendoc.sqlite); use it, or choose another folder")
        }
        do {
            try files.createDirectory(at: location.folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try files.createDirectory(at: location.archive, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            // The database file exists, owner-only, before SQLite opens it: its WAL and shared
            // memory files then take the same permissions.
            guard files.createFile(atPath: location.database.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw WorkspaceError("cannot create \(location.database.path); check that the folder is writable")
            }
        } catch let error as WorkspaceError {
            throw error
        } catch {
            throw WorkspaceError("cannot create the workspace folder \(location.folder.path): \(Self.reason(error))")
        }
        return try open(at: location, creating: true)
    }

    /// Opens the workspace in `location`'s folder: checks that it is an Attendoc workspace of this
    /// version or an older one (which it migrates), and clears what a killed run left behind.
    public static func open(at location: WorkspaceLocation) throws(WorkspaceError) -> Workspace {
        guard FileManager.default.fileExists(atPath: location.database.path) else {
            throw WorkspaceError("there is no workspace in \(location.folder.path) (no attendoc.sqlite); make one with `attendoc init \(location.folder.path)`, or name it with --workspace or ATTENDOC_WORKSPACE")
        }
        return try open(at: location, creating: false)
    }

    private static func open(at location: WorkspaceLocation, creating: Bool) throws(WorkspaceError) -> Workspace {
        // Looked at read-only first: a foreign or newer database must be left exactly as it was,
        // and opening it for writing in WAL mode would already change its header.
        if !creating { try inspect(location) }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // Another attendoc writing at the same moment: wait for it rather than fail.
        configuration.busyMode = .timeout(30)
        configuration.label = "attendoc workspace"
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: location.database.path, configuration: configuration)
            try WorkspaceSchema.migrator.migrate(pool)
        } catch {
            throw WorkspaceError("\(location.database.path) is not a usable workspace database (\(Self.reason(error))); nothing was changed. Restore it from a backup (attendoc backup)")
        }
        let workspace = Workspace(location: location, pool: pool)
        try workspace.clearUnfinishedIssues()
        return workspace
    }

    /// Refuses, without writing anything, a file that is not an SQLite database, a database that
    /// is not a workspace, and a workspace made by a newer Attendoc.
    private static func inspect(_ location: WorkspaceLocation) throws(WorkspaceError) {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        do {
            let queue = try DatabaseQueue(path: location.database.path, configuration: configuration)
            defer { try? queue.close() }
            try queue.read { db in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                if !tables.isEmpty, !tables.contains("grdb_migrations") {
                    throw WorkspaceError("\(location.database.path) is an SQLite database but not an Attendoc workspace; nothing was changed")
                }
                if try WorkspaceSchema.migrator.hasBeenSuperseded(db) {
                    throw WorkspaceError("\(location.database.path) was made by a newer version of Attendoc; use that version (nothing was changed)")
                }
            }
        } catch let error as WorkspaceError {
            throw error
        } catch {
            throw WorkspaceError("\(location.database.path) is not a usable workspace database (\(Self.reason(error))); nothing was changed. Restore it from a backup (attendoc backup)")
        }
    }

    /// Runs `body` in one write transaction that holds the database's write lock from its start
    /// (BEGIN IMMEDIATE), so no other attendoc can write in between.
    func writeImmediately<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }

    /// Reads a consistent snapshot.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.read(body)
    }

    /// A consistent copy of the database while the workspace is in use (SQLite's backup API),
    /// of the archive files the copy's rows name, and of the panel's papers (`panel/`: the
    /// referrals received, the clerk's minutes and order of slots), into `file`, `file.archive/`
    /// and `file.panel/`. Restored, they are `attendoc.sqlite`, `archive/` and `panel/`.
    public func backup(to file: URL) throws(WorkspaceError) {
        let files = FileManager.default
        guard !files.fileExists(atPath: file.path) else {
            throw WorkspaceError("\(file.path) already exists; choose a new file for the backup")
        }
        let archiveCopy = URL(fileURLWithPath: file.path + ".archive")
        let panelCopy = URL(fileURLWithPath: file.path + ".panel")
        guard !files.fileExists(atPath: archiveCopy.path), !files.fileExists(atPath: panelCopy.path) else {
            throw WorkspaceError("\(archiveCopy.path) or \(panelCopy.path) already exists; choose a new file for the backup")
        }
        do {
            guard files.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw WorkspaceError("cannot create \(file.path)")
            }
            let copy = try DatabaseQueue(path: file.path)
            try pool.backup(to: copy)
            let paths = try copy.read { db in try String.fetchAll(db, sql: "SELECT archive_path FROM issued_file UNION SELECT archive_path FROM panel_document_file UNION SELECT archive_path FROM batch_run_file ORDER BY archive_path") }
            try copy.close()
            try files.createDirectory(at: archiveCopy, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            for path in paths {
                let target = archiveCopy.appendingPathComponent(path)
                try files.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                try files.copyItem(at: location.archive.appendingPathComponent(path), to: target)
            }
            try copyPanelPapers(to: panelCopy)
        } catch let error as WorkspaceError {
            try? files.removeItem(at: file)
            try? files.removeItem(at: archiveCopy)
            try? files.removeItem(at: panelCopy)
            throw error
        } catch {
            try? files.removeItem(at: file)
            try? files.removeItem(at: archiveCopy)
            try? files.removeItem(at: panelCopy)
            throw WorkspaceError("the backup to \(file.path) failed (\(Self.reason(error))); nothing was written")
        }
    }

    /// The panel's papers (`panel/<date>/…`), every file but the hidden ones (a file still being
    /// written), into `copy`; nothing when the workspace has none.
    private func copyPanelPapers(to copy: URL) throws {
        let files = FileManager.default
        let papers = location.folder.appendingPathComponent("panel", isDirectory: true)
        guard files.fileExists(atPath: papers.path) else { return }
        try files.createDirectory(at: copy, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let names = try files.subpathsOfDirectory(atPath: papers.path).sorted()
        for name in names where !name.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            var isFolder: ObjCBool = false
            guard files.fileExists(atPath: papers.appendingPathComponent(name).path, isDirectory: &isFolder) else { continue }
            let target = copy.appendingPathComponent(name)
            if isFolder.boolValue {
                try files.createDirectory(at: target, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } else {
                try files.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                try files.copyItem(at: papers.appendingPathComponent(name), to: target)
            }
        }
    }

    /// Why an operation failed, without any value from the record (GRDB keeps values out of its
    /// messages unless asked).
    static func reason(_ error: any Error) -> String {
        if let database = error as? DatabaseError {
            switch database.resultCode {
            case .SQLITE_NOTADB: return "the file is not an SQLite database"
            case .SQLITE_CORRUPT: return "the database file is damaged"
            case .SQLITE_BUSY, .SQLITE_LOCKED: return "another attendoc is using the workspace; try again when it has finished"
            case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN: return "the database file cannot be written or opened; check its permissions"
            case .SQLITE_FULL: return "the disk is full"
            default: return "SQLite error \(database.resultCode.rawValue)"
            }
        }
        if let workspace = error as? WorkspaceError { return workspace.description }
        return (error as NSError).localizedFailureReason ?? "error \((error as NSError).code)"
    }
}
