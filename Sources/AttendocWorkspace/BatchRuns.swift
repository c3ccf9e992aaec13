import AttendocValues
import Foundation
import GRDB

/// A batch run as it starts: the school, the day, who runs it, from where, and the export it reads.
public struct BatchRunStart: Sendable {
    public var schoolURN: String?
    public var asOf: CalendarDate
    public var runBy: String
    /// Where it was started: `screen` (the batch screen) or `command line` (`attendoc batch`).
    public var startedFrom: String
    /// The register export's file name (nil for the school's latest import in the record).
    public var registerName: String?

    public init(schoolURN: String?, asOf: CalendarDate, runBy: String, startedFrom: String, registerName: String?) {
        self.schoolURN = schoolURN
        self.asOf = asOf
        self.runBy = runBy
        self.startedFrom = startedFrom
        self.registerName = registerName
    }
}

/// A batch run as it ends: the counts, and its files (the print PDF, the summary CSV) to archive.
public struct BatchRunToRecord: Sendable {
    public var registerImportID: Int?
    public var pupils: Int
    public var due: Int
    public var issued: Int
    public var skipped: Int
    public var files: [DocumentToIssue.File]
    /// What went wrong after the letters were issued (the print PDF could not be made), if anything.
    public var problem: String?

    public init(registerImportID: Int?, pupils: Int, due: Int, issued: Int, skipped: Int, files: [DocumentToIssue.File], problem: String? = nil) {
        self.registerImportID = registerImportID
        self.pupils = pupils
        self.due = due
        self.issued = issued
        self.skipped = skipped
        self.files = files
        self.problem = problem
    }
}

/// Where a batch run is: running now, finished, failed (with why), or interrupted (its program
/// stopped before it ended: a server restart, a kill).
public enum BatchRunState: String, Sendable, Equatable {
    case running
    case finished
    case failed
    case interrupted
}

/// A batch run the record holds, with its archived files.
public struct BatchRunRecord: Sendable, Equatable {
    public var id: String
    public var schoolURN: String?
    public var asOf: String
    public var registerImportID: Int?
    public var pupils: Int
    public var due: Int
    public var issued: Int
    public var skipped: Int
    public var runBy: String
    /// When it started.
    public var recordedAt: String
    public var files: [IssuedDocument.File]
    public var state: BatchRunState
    public var startedFrom: String
    public var registerName: String?
    /// How far it had got, as last recorded: `done` of `of` pupils through.
    public var done: Int
    public var of: Int
    public var endedAt: String?
    /// Why it failed, or what went wrong after its letters were issued.
    public var problem: String?
}

/// A batch run under way in this process: recorded as running from its start, its progress
/// written as it goes (at each hundredth of the way), and then finished or failed. While it lives
/// it holds a lock of its own (`batch-runs/<id>.lock`, an advisory lock that the system releases
/// when the process ends, however it ends), which is how a reader tells a running run from one
/// whose program stopped.
public final class BatchRunUnderWay: @unchecked Sendable {
    public let id: String
    private let workspace: Workspace
    private let lock = NSLock()
    private var descriptor: Int32
    private var lastHundredth = -1

    fileprivate init(id: String, workspace: Workspace, descriptor: Int32) {
        self.id = id
        self.workspace = workspace
        self.descriptor = descriptor
    }

    deinit { release() }

    /// `done` of `total` pupils are through; written to the record when the run has gone another
    /// hundredth of the way (and at its first and last pupil). A failure to write it is not the
    /// run's: the letters go on being issued.
    public func progress(_ done: Int, of total: Int) {
        let hundredth = total > 0 ? done * 100 / total : 0
        let write: Bool = lock.withLock {
            guard descriptor >= 0, hundredth != lastHundredth || done == total else { return false }
            lastHundredth = hundredth
            return true
        }
        guard write else { return }
        _ = try? workspace.writeImmediately { db in
            try db.execute(sql: "UPDATE batch_run SET done = ?, of_pupils = ? WHERE id = ? AND state = 'running'", arguments: [done, total, id])
        }
    }

    /// Records the run as finished with its counts and its files archived, as one unit: the row
    /// with every file, or the row left running (then interrupted) and no file (the files are
    /// written under a pending name and moved into place before the commit, as an issue's are).
    public func finish(_ run: BatchRunToRecord, at moment: Date = Date()) throws(WorkspaceError) -> BatchRunRecord {
        defer { release() }
        let stamp = Workspace.timestamp(moment)
        var placed: [URL] = []
        do {
            return try workspace.writeImmediately { db in
                let files = try workspace.archivePending(run.files, id: id, placed: &placed)
                try db.execute(sql: """
                    UPDATE batch_run SET state = 'finished', register_import_id = ?, pupils = ?, due = ?, issued = ?, skipped = ?,
                    done = CASE WHEN of_pupils > done THEN of_pupils ELSE done END, ended_at = ?, problem = ? WHERE id = ?
                    """, arguments: [run.registerImportID, run.pupils, run.due, run.issued, run.skipped, stamp, run.problem, id])
                for file in files {
                    try db.execute(sql: "INSERT INTO batch_run_file (run_id, format, archive_path, sha256, bytes) VALUES (?, ?, ?, ?, ?)",
                                   arguments: [id, file.format, file.archivePath, file.sha256, file.bytes])
                }
                let final = workspace.location.archive.appendingPathComponent(id)
                if let pending = placed.first {
                    try FileManager.default.moveItem(at: pending, to: final)
                    placed[0] = final
                }
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM batch_run WHERE id = ?", arguments: [id]) else {
                    throw WorkspaceError("the batch run \(id) is no longer in the record")
                }
                return try Workspace.batchRun(row, db)
            }
        } catch {
            for folder in placed { try? FileManager.default.removeItem(at: folder) }
            if let workspace = error as? WorkspaceError { throw workspace }
            throw WorkspaceError("the batch run's print PDF and summary were not recorded (\(Workspace.reason(error))); the letters issued are recorded")
        }
    }

    /// Records the run as failed, with why (in words that name no one: an error's summary).
    public func fail(_ problem: String, at moment: Date = Date()) {
        defer { release() }
        _ = try? workspace.writeImmediately { db in
            try db.execute(sql: "UPDATE batch_run SET state = 'failed', ended_at = ?, problem = ? WHERE id = ? AND state = 'running'",
                           arguments: [Workspace.timestamp(moment), problem, id])
        }
    }

    fileprivate func release() {
        let held: Int32 = lock.withLock {
            defer { descriptor = -1 }
            return descriptor
        }
        guard held >= 0 else { return }
        try? FileManager.default.removeItem(at: workspace.batchRunLock(id))
        close(held)
    }
}

extension Workspace {
    /// The lock a running batch run holds (docs/workspace.md).
    func batchRunLock(_ id: String) -> URL {
        location.folder.appendingPathComponent("batch-runs", isDirectory: true).appendingPathComponent("\(id).lock")
    }

    /// Whether the batch run `id`'s program still holds its lock (in this process or another).
    func batchRunIsAlive(_ id: String) -> Bool {
        let descriptor = Glibc.open(batchRunLock(id).path, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
            flock(descriptor, LOCK_UN)
            return false
        }
        return true
    }

    /// Records a batch run as running from now, holding its lock until it is finished or failed.
    /// A school's batch runs one at a time: refused while another run of the same school is
    /// running (one whose program stopped is recorded as interrupted first).
    public func startBatchRun(_ start: BatchRunStart, at moment: Date = Date()) throws(WorkspaceError) -> BatchRunUnderWay {
        let id = UUID().uuidString.lowercased()
        let lockFile = batchRunLock(id)
        let descriptor: Int32
        do {
            try FileManager.default.createDirectory(at: lockFile.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            descriptor = Glibc.open(lockFile.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            guard descriptor >= 0, flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                if descriptor >= 0 { close(descriptor) }
                throw WorkspaceError("the batch run's lock \(lockFile.path) cannot be made; check that the workspace folder is writable")
            }
        } catch let error as WorkspaceError {
            throw error
        } catch {
            throw WorkspaceError("the workspace's batch-runs folder cannot be made (\(Self.reason(error)))")
        }
        let underWay = BatchRunUnderWay(id: id, workspace: self, descriptor: descriptor)
        do {
            let stamp = Self.timestamp(moment)
            try writeImmediately { db in
                if let school = start.schoolURN {
                    let running = try String.fetchAll(db, sql: "SELECT id FROM batch_run WHERE school_urn = ? AND state = 'running'", arguments: [school])
                    for other in running {
                        guard !batchRunIsAlive(other) else {
                            throw WorkspaceError("a batch of URN \(school) is running now (run \(other)); wait for it to finish, then run the batch again")
                        }
                        try db.execute(sql: "UPDATE batch_run SET state = 'interrupted', ended_at = ? WHERE id = ?", arguments: [stamp, other])
                    }
                }
                try db.execute(sql: """
                    INSERT INTO batch_run (id, school_urn, as_of, pupils, due, issued, skipped, run_by, recorded_at, state, started_from, register_name)
                    VALUES (?, ?, ?, 0, 0, 0, 0, ?, ?, 'running', ?, ?)
                    """, arguments: [id, start.schoolURN, start.asOf.iso, start.runBy, stamp, start.startedFrom, start.registerName])
            }
        } catch {
            underWay.release()
            if let workspace = error as? WorkspaceError { throw workspace }
            throw WorkspaceError("the batch run cannot be recorded (\(Self.reason(error))); nothing was issued")
        }
        return underWay
    }

    /// Records as interrupted every run still recorded as running whose program no longer holds
    /// its lock; what they issued stays in the record, each issue whole.
    func settleInterruptedBatchRuns(at moment: Date = Date()) throws {
        let running = try read { db in try String.fetchAll(db, sql: "SELECT id FROM batch_run WHERE state = 'running'") }
        let stopped = running.filter { !batchRunIsAlive($0) }
        guard !stopped.isEmpty else { return }
        let stamp = Self.timestamp(moment)
        try writeImmediately { db in
            for id in stopped where !batchRunIsAlive(id) {
                try db.execute(sql: "UPDATE batch_run SET state = 'interrupted', ended_at = ? WHERE id = ? AND state = 'running'", arguments: [stamp, id])
            }
        }
        for id in stopped { try? FileManager.default.removeItem(at: batchRunLock(id)) }
    }

    /// The batch runs recorded for the school with `urn` (every run when nil), newest first; a
    /// run whose program stopped before it ended is recorded as interrupted first.
    public func batchRuns(school urn: String?) throws(WorkspaceError) -> [BatchRunRecord] {
        do {
            try settleInterruptedBatchRuns()
            return try read { db in
                let rows = if let urn {
                    try Row.fetchAll(db, sql: "SELECT * FROM batch_run WHERE school_urn = ? ORDER BY recorded_at DESC, id", arguments: [urn])
                } else {
                    try Row.fetchAll(db, sql: "SELECT * FROM batch_run ORDER BY recorded_at DESC, id")
                }
                return try rows.map { try Self.batchRun($0, db) }
            }
        } catch {
            throw WorkspaceError("the record's batch runs cannot be read (\(Self.reason(error)))")
        }
    }

    static func batchRun(_ row: Row, _ db: Database) throws -> BatchRunRecord {
        let id: String = row["id"]
        let files = try Row.fetchAll(db, sql: "SELECT * FROM batch_run_file WHERE run_id = ? ORDER BY format", arguments: [id]).map {
            IssuedDocument.File(format: $0["format"], archivePath: $0["archive_path"], sha256: $0["sha256"], bytes: $0["bytes"])
        }
        return BatchRunRecord(id: id, schoolURN: row["school_urn"], asOf: row["as_of"], registerImportID: row["register_import_id"],
                              pupils: row["pupils"], due: row["due"], issued: row["issued"], skipped: row["skipped"],
                              runBy: row["run_by"], recordedAt: row["recorded_at"], files: files,
                              state: BatchRunState(rawValue: row["state"]) ?? .interrupted, startedFrom: row["started_from"],
                              registerName: row["register_name"], done: row["done"], of: row["of_pupils"], endedAt: row["ended_at"],
                              problem: row["problem"])
    }
}
