import AttendocValues
import Foundation
import GRDB

/// A batch run as it is to be recorded: the school, the day, the counts, and its files (the print
/// PDF, the summary CSV) to archive.
public struct BatchRunToRecord: Sendable {
    public var schoolURN: String?
    public var asOf: CalendarDate
    public var registerImportID: Int?
    public var pupils: Int
    public var due: Int
    public var issued: Int
    public var skipped: Int
    public var runBy: String
    public var files: [DocumentToIssue.File]

    public init(schoolURN: String?, asOf: CalendarDate, registerImportID: Int?, pupils: Int, due: Int, issued: Int, skipped: Int,
                runBy: String, files: [DocumentToIssue.File]) {
        self.schoolURN = schoolURN
        self.asOf = asOf
        self.registerImportID = registerImportID
        self.pupils = pupils
        self.due = due
        self.issued = issued
        self.skipped = skipped
        self.runBy = runBy
        self.files = files
    }
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
    public var recordedAt: String
    public var files: [IssuedDocument.File]
}

extension Workspace {
    /// Records a batch run with its files archived, as one unit: the row with every file, or
    /// nothing (the files are written under a pending name and moved into place before the commit,
    /// as an issue's are).
    public func recordBatchRun(_ run: BatchRunToRecord, recordedAt: Date = Date()) throws(WorkspaceError) -> BatchRunRecord {
        let stamp = Self.timestamp(recordedAt)
        let id = UUID().uuidString.lowercased()
        var placed: [URL] = []
        do {
            return try writeImmediately { db in
                let files = try archivePending(run.files, id: id, placed: &placed)
                try db.execute(sql: """
                    INSERT INTO batch_run (id, school_urn, as_of, register_import_id, pupils, due, issued, skipped, run_by, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [id, run.schoolURN, run.asOf.iso, run.registerImportID, run.pupils, run.due, run.issued, run.skipped,
                                     run.runBy, stamp])
                for file in files {
                    try db.execute(sql: "INSERT INTO batch_run_file (run_id, format, archive_path, sha256, bytes) VALUES (?, ?, ?, ?, ?)",
                                   arguments: [id, file.format, file.archivePath, file.sha256, file.bytes])
                }
                let final = location.archive.appendingPathComponent(id)
                if let pending = placed.first {
                    try FileManager.default.moveItem(at: pending, to: final)
                    placed[0] = final
                }
                return BatchRunRecord(id: id, schoolURN: run.schoolURN, asOf: run.asOf.iso, registerImportID: run.registerImportID,
                                      pupils: run.pupils, due: run.due, issued: run.issued, skipped: run.skipped, runBy: run.runBy,
                                      recordedAt: stamp, files: files)
            }
        } catch {
            for folder in placed { try? FileManager.default.removeItem(at: folder) }
            if let workspace = error as? WorkspaceError { throw workspace }
            throw WorkspaceError("the batch run's print PDF and summary were not recorded (\(Self.reason(error))); the letters issued are recorded")
        }
    }

    /// The batch runs recorded for the school with `urn`, newest first.
    public func batchRuns(school urn: String) throws(WorkspaceError) -> [BatchRunRecord] {
        do {
            return try read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM batch_run WHERE school_urn = ? ORDER BY recorded_at DESC, id", arguments: [urn]).map { row in
                    let id: String = row["id"]
                    let files = try Row.fetchAll(db, sql: "SELECT * FROM batch_run_file WHERE run_id = ? ORDER BY format", arguments: [id]).map {
                        IssuedDocument.File(format: $0["format"], archivePath: $0["archive_path"], sha256: $0["sha256"], bytes: $0["bytes"])
                    }
                    return BatchRunRecord(id: id, schoolURN: row["school_urn"], asOf: row["as_of"], registerImportID: row["register_import_id"],
                                          pupils: row["pupils"], due: row["due"], issued: row["issued"], skipped: row["skipped"],
                                          runBy: row["run_by"], recordedAt: row["recorded_at"], files: files)
                }
            }
        } catch {
            throw WorkspaceError("the record's batch runs cannot be read (\(Self.reason(error)))")
        }
    }
}
