import AttendocValues
import Foundation
import GRDB

extension Workspace {
    /// Records every copy in `documents` (one `attendoc issue`, possibly several recipients) as
    /// one unit: all of them with all their archived files, or none. A copy of the same kind to
    /// the same recipient inside its duplicate window is refused, naming it, unless it has a
    /// reissue reason. Returns the records made.
    public func issue(_ documents: [DocumentToIssue], recordedAt: Date = Date()) throws(WorkspaceError) -> [IssuedDocument] {
        let stamp = Self.timestamp(recordedAt)
        let files = FileManager.default
        var placed: [URL] = []
        do {
            return try writeImmediately { db in
                var records: [IssuedDocument] = []
                for document in documents {
                    guard try caseExists(document.reference, db) else {
                        throw WorkspaceError("the case \(document.reference) is not in the workspace; add it first with `attendoc case add CASE.yaml`")
                    }
                    if document.reissueReason == nil, let since = document.duplicateWindowStarts {
                        if let earlier = try String.fetchOne(db, sql: """
                            SELECT sent_on FROM issued_document
                            WHERE reference = ? AND kind = ? AND recipient_id = ? AND sent_on >= ? AND sent_on <= ?
                            ORDER BY sent_on DESC LIMIT 1
                            """, arguments: [document.reference, document.kind, document.recipientID, since.iso, document.sentOn.iso]) {
                            throw WorkspaceError("\(document.reference): a \(document.kind) was already issued to \(document.recipientPath) on \(earlier), inside the policy's window; it was not issued again. To send it again, give --reissue \"reason\"")
                        }
                    }
                }
                for document in documents {
                    let id = UUID().uuidString.lowercased()
                    let recordedFiles = try archivePending(document.files, id: id, placed: &placed)
                    let record = IssuedDocument(
                        id: id, reference: document.reference, upn: document.upn, kind: document.kind,
                        recipientID: document.recipientID, recipientPath: document.recipientPath, method: document.method.rawValue,
                        sentOn: document.sentOn.iso, deemedServedOn: document.deemedServedOn?.iso, issuedBy: document.issuedBy,
                        recordedAt: stamp, caseVersion: document.caseVersion, templateSHA256: document.templateSHA256,
                        policySHA256: document.policySHA256, figuresJSON: document.figuresJSON, reissueReason: document.reissueReason,
                        archived: true, source: "attendoc issue", files: recordedFiles)
                    CrashPoint.reach("archive-files-written")
                    try insert(record, db)
                    if let particulars = document.penaltyNotice { try insertPenaltyNotice(particulars, issueID: id, db) }
                    records.append(record)
                }
                CrashPoint.reach("rows-inserted")
                // Into place while the transaction still holds the write lock: a kill before the
                // commit leaves folders without rows, which the next open removes.
                for (index, pending) in placed.enumerated() {
                    let final = location.archive.appendingPathComponent(records[index].id)
                    try files.moveItem(at: pending, to: final)
                    placed[index] = final
                    CrashPoint.reach("archive-folder-in-place")
                }
                return records
            }
        } catch {
            for folder in placed { try? files.removeItem(at: folder) }
            if let workspace = error as? WorkspaceError { throw workspace }
            throw WorkspaceError("the issue was not recorded (\(Self.reason(error))); nothing was changed")
        }
    }

    /// Records an issue made before the workspace existed, from a case file's `letters_issued`,
    /// as "recorded without an archived copy". Skipped when the same entry is already recorded.
    /// Returns whether it was recorded.
    func recordUnarchived(reference: String, upn: String?, kind: String, recipientID: String, recipientPath: String,
                          method: String, sentOn: CalendarDate, source: String, recordedBy: String, stamp: String,
                          _ db: Database) throws -> Bool {
        let known = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM issued_document WHERE reference = ? AND source = ?",
                                     arguments: [reference, source]) ?? 0
        guard known == 0 else { return false }
        try insert(IssuedDocument(id: UUID().uuidString.lowercased(), reference: reference, upn: upn, kind: kind, recipientID: recipientID,
                                  recipientPath: recipientPath, method: method, sentOn: sentOn.iso, deemedServedOn: nil,
                                  issuedBy: recordedBy, recordedAt: stamp, caseVersion: nil, templateSHA256: nil, policySHA256: nil,
                                  figuresJSON: nil, reissueReason: nil, archived: false, source: source, files: []), db)
        return true
    }

    private func insert(_ record: IssuedDocument, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO issued_document (id, reference, upn, kind, recipient_id, recipient_path, method, sent_on, deemed_served_on,
                issued_by, recorded_at, case_version, template_sha256, policy_sha256, figures_json, reissue_reason, archived, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [record.id, record.reference, record.upn, record.kind, record.recipientID, record.recipientPath, record.method,
                             record.sentOn, record.deemedServedOn, record.issuedBy, record.recordedAt, record.caseVersion,
                             record.templateSHA256, record.policySHA256, record.figuresJSON, record.reissueReason,
                             record.archived ? 1 : 0, record.source])
        for file in record.files {
            try db.execute(sql: "INSERT INTO issued_file (issue_id, format, archive_path, sha256, bytes) VALUES (?, ?, ?, ?, ?)",
                           arguments: [record.id, file.format, file.archivePath, file.sha256, file.bytes])
        }
    }

    /// Every document issued for `reference`, oldest first (by date sent, then as recorded).
    public func issuedDocuments(for reference: String) throws(WorkspaceError) -> [IssuedDocument] {
        do {
            return try read { db in try Self.issued(db, whereClause: "reference = ?", arguments: [reference]) }
        } catch {
            throw WorkspaceError("the record of \(reference) cannot be read (\(Self.reason(error)))")
        }
    }

    /// Every document issued, for every case.
    public func allIssuedDocuments() throws(WorkspaceError) -> [IssuedDocument] {
        do {
            return try read { db in try Self.issued(db, whereClause: "1 = 1", arguments: []) }
        } catch {
            throw WorkspaceError("the record cannot be read (\(Self.reason(error)))")
        }
    }

    static func issued(_ db: Database, whereClause: String, arguments: StatementArguments) throws -> [IssuedDocument] {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM issued_document WHERE \(whereClause) ORDER BY sent_on, recorded_at, recipient_path, id",
                                    arguments: arguments)
        // Every file of those documents in one query (not one query a document: a school's record
        // holds thousands), grouped by document.
        var filesByIssue: [String: [IssuedDocument.File]] = [:]
        for file in try Row.fetchAll(db, sql: "SELECT * FROM issued_file WHERE issue_id IN (SELECT id FROM issued_document WHERE \(whereClause)) ORDER BY issue_id, format",
                                     arguments: arguments) {
            filesByIssue[file["issue_id"], default: []].append(
                IssuedDocument.File(format: file["format"], archivePath: file["archive_path"], sha256: file["sha256"], bytes: file["bytes"]))
        }
        return rows.map { row in
            let id: String = row["id"]
            let files = filesByIssue[id] ?? []
            return IssuedDocument(id: id, reference: row["reference"], upn: row["upn"], kind: row["kind"], recipientID: row["recipient_id"],
                                  recipientPath: row["recipient_path"], method: row["method"], sentOn: row["sent_on"],
                                  deemedServedOn: row["deemed_served_on"], issuedBy: row["issued_by"], recordedAt: row["recorded_at"],
                                  caseVersion: row["case_version"], templateSHA256: row["template_sha256"], policySHA256: row["policy_sha256"],
                                  figuresJSON: row["figures_json"], reissueReason: row["reissue_reason"],
                                  archived: (row["archived"] as Int) != 0, source: row["source"], files: files)
        }
    }

    /// The archived bytes of `file`, checked against the SHA-256 the record holds.
    public func archivedBytes(of file: IssuedDocument.File) throws(WorkspaceError) -> Data {
        let url = location.archive.appendingPathComponent(file.archivePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw WorkspaceError("the archived copy archive/\(file.archivePath) is missing from the workspace; restore the archive from a backup")
        }
        guard SHA256.hex(data) == file.sha256 else {
            throw WorkspaceError("the archived copy archive/\(file.archivePath) no longer matches the SHA-256 the record holds; it has been changed since it was issued. Restore it from a backup")
        }
        return data
    }

    /// Removes what a killed run left in the archive: pending folders, and folders no row names.
    /// Holds the write lock, so no issue in progress elsewhere is touched.
    func clearUnfinishedIssues() throws(WorkspaceError) {
        let files = FileManager.default
        do {
            try writeImmediately { db in
                let entries = (try? files.contentsOfDirectory(atPath: location.archive.path)) ?? []
                guard !entries.isEmpty else { return }
                let known = Set(try String.fetchAll(db, sql: "SELECT id FROM issued_document UNION SELECT id FROM panel_document UNION SELECT id FROM batch_run"))
                for entry in entries where !known.contains(entry) {
                    try files.removeItem(at: location.archive.appendingPathComponent(entry))
                }
            }
        } catch {
            throw WorkspaceError("the workspace's archive could not be tidied after an interrupted run (\(Self.reason(error)))")
        }
    }

    func caseExists(_ reference: String, _ db: Database) throws -> Bool {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM case_file WHERE reference = ?", arguments: [reference]) ?? 0 > 0
    }

    /// Writes `files` into the archive's pending folder for the document `id` (added to `placed`,
    /// so a failure can remove it), and returns them as the record names them: under `<id>/`,
    /// with their SHA-256 and size. The folder is moved to `archive/<id>` once the record commits.
    func archivePending(_ files: [DocumentToIssue.File], id: String, placed: inout [URL]) throws -> [IssuedDocument.File] {
        let pending = location.archive.appendingPathComponent(".pending-\(id)")
        try FileManager.default.createDirectory(at: pending, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        placed.append(pending)
        var recorded: [IssuedDocument.File] = []
        for file in files {
            try Self.writeDurably(file.bytes, to: pending.appendingPathComponent(file.name))
            recorded.append(IssuedDocument.File(format: file.format, archivePath: "\(id)/\(file.name)",
                                                sha256: SHA256.hex(file.bytes), bytes: file.bytes.count))
        }
        return recorded
    }

    static func writeDurably(_ data: Data, to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw WorkspaceError("cannot write the archive file \(url.lastPathComponent)")
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.write(contentsOf: data)
        try handle.synchronize()
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
