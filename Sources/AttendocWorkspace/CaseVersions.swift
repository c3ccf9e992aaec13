import AttendocValues
import Foundation
import GRDB

/// One recorded version of a case file: the YAML exactly as it was, when and by whom.
public struct CaseVersion: Sendable, Codable, Equatable {
    public var reference: String
    public var version: Int
    public var sha256: String
    public var recordedAt: String
    public var recordedBy: String
    /// `added`, `changed`, or why it was recorded (for example at an issue, when the file had
    /// changed since it was last recorded).
    public var change: String
    public var yaml: String
}

/// A case file as the workspace knows it.
public struct RecordedCase: Sendable, Codable, Equatable {
    public var reference: String
    /// Where the case file is: its register and evidence paths are relative to it.
    public var sourcePath: String
    public var upn: String?
    public var schoolURN: String?
}

/// An entry of a case file's `letters_issued`, to be recorded as an issue without an archived copy.
public struct EarlierIssue: Sendable {
    public var kind: String
    public var recipientID: String
    public var recipientPath: String
    public var method: String
    public var sentOn: CalendarDate
    /// Its place in the case file, such as `letters_issued[2]`.
    public var casePath: String

    public init(kind: String, recipientID: String, recipientPath: String, method: String, sentOn: CalendarDate, casePath: String) {
        self.kind = kind
        self.recipientID = recipientID
        self.recipientPath = recipientPath
        self.method = method
        self.sentOn = sentOn
        self.casePath = casePath
    }
}

extension Workspace {
    /// What recording a case file did.
    public struct CaseRecording: Sendable {
        /// The version now current; nil when the file was unchanged.
        public var newVersion: Int?
        public var currentVersion: Int
        /// Earlier issues recorded without an archived copy.
        public var earlierIssuesRecorded: Int
    }

    /// Records `yaml` (a case file that has been read and checked) as the case's newest version,
    /// unless it is the same as the newest; records its `letters_issued` entries not yet recorded.
    ///
    /// `expectedVersion`, when given, is the version the change was made from (0: a new case, not
    /// yet in the record): checked in the same write transaction, so that a change made from a
    /// version another server or the command line has since replaced is refused, not recorded
    /// over it.
    public func record(caseFile yaml: String, reference: String, sourcePath: String, upn: String?, schoolURN: String?,
                       earlierIssues: [EarlierIssue], by person: String, change: String? = nil, expectedVersion: Int? = nil,
                       at date: Date = Date()) throws(WorkspaceError) -> CaseRecording {
        let stamp = Self.timestamp(date)
        let sha = SHA256.hex(Data(yaml.utf8))
        do {
            return try writeImmediately { db in
                let exists = try caseExists(reference, db)
                let latest = try Row.fetchOne(db, sql: "SELECT version, sha256, recorded_by FROM case_version WHERE reference = ? ORDER BY version DESC LIMIT 1",
                                              arguments: [reference])
                if let expectedVersion, (latest.map { $0["version"] as Int } ?? 0) != expectedVersion {
                    let now = latest.map { "version \($0["version"] as Int) was recorded by \($0["recorded_by"] as String)" } ?? "it is no longer in the record"
                    throw WorkspaceError(expectedVersion == 0
                        ? "the case \(reference) was added to the record by someone else meanwhile (\(now)); nothing was recorded: open that case and make the change there"
                        : "the case \(reference) was changed since version \(expectedVersion), which this change was made from (\(now)); nothing was recorded and that change is kept: open the case again and make the change there")
                }
                if exists {
                    try db.execute(sql: "UPDATE case_file SET source_path = ?, upn = ?, school_urn = ? WHERE reference = ?",
                                   arguments: [sourcePath, upn, schoolURN, reference])
                } else {
                    try db.execute(sql: "INSERT INTO case_file (reference, source_path, upn, school_urn) VALUES (?, ?, ?, ?)",
                                   arguments: [reference, sourcePath, upn, schoolURN])
                }
                var newVersion: Int?
                var current = latest.map { $0["version"] as Int } ?? 0
                if latest.map({ $0["sha256"] as String }) != sha {
                    current += 1
                    newVersion = current
                    try db.execute(sql: """
                        INSERT INTO case_version (reference, version, sha256, yaml, recorded_at, recorded_by, change)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [reference, current, sha, yaml, stamp, person, change ?? (exists ? "changed" : "added")])
                }
                var imported = 0
                for earlier in earlierIssues {
                    if try recordUnarchived(reference: reference, upn: upn, kind: earlier.kind, recipientID: earlier.recipientID,
                                            recipientPath: earlier.recipientPath, method: earlier.method, sentOn: earlier.sentOn,
                                            source: "case file \(earlier.casePath)", recordedBy: person, stamp: stamp, db) {
                        imported += 1
                    }
                }
                return CaseRecording(newVersion: newVersion, currentVersion: current, earlierIssuesRecorded: imported)
            }
        } catch {
            if let workspace = error as? WorkspaceError { throw workspace }
            throw WorkspaceError("the case \(reference) was not recorded (\(Self.reason(error))); nothing was changed")
        }
    }

    /// The case with `reference`, or an error saying how to add it.
    public func recordedCase(_ reference: String) throws(WorkspaceError) -> RecordedCase {
        let found: RecordedCase?
        do {
            found = try read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM case_file WHERE reference = ?", arguments: [reference]).map {
                    RecordedCase(reference: $0["reference"], sourcePath: $0["source_path"], upn: $0["upn"], schoolURN: $0["school_urn"])
                }
            }
        } catch {
            throw WorkspaceError("the record of \(reference) cannot be read (\(Self.reason(error)))")
        }
        guard let found else {
            throw WorkspaceError("the case \(reference) is not in the workspace; add it with `attendoc case add CASE.yaml`")
        }
        return found
    }

    /// Every case in the workspace, by reference.
    public func recordedCases() throws(WorkspaceError) -> [RecordedCase] {
        do {
            return try read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM case_file ORDER BY reference").map {
                    RecordedCase(reference: $0["reference"], sourcePath: $0["source_path"], upn: $0["upn"], schoolURN: $0["school_urn"])
                }
            }
        } catch {
            throw WorkspaceError("the record cannot be read (\(Self.reason(error)))")
        }
    }

    /// Every recorded version of the case, oldest first.
    public func versions(of reference: String) throws(WorkspaceError) -> [CaseVersion] {
        _ = try recordedCase(reference)
        do {
            return try read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM case_version WHERE reference = ? ORDER BY version", arguments: [reference]).map {
                    CaseVersion(reference: $0["reference"], version: $0["version"], sha256: $0["sha256"], recordedAt: $0["recorded_at"],
                                recordedBy: $0["recorded_by"], change: $0["change"], yaml: $0["yaml"])
                }
            }
        } catch {
            throw WorkspaceError("the record of \(reference) cannot be read (\(Self.reason(error)))")
        }
    }
}
