import AttendocValues
import Foundation
import GRDB

/// One session's mark for one pupil, as a register export gives it.
public struct SessionMark: Sendable, Equatable {
    public var upn: String
    public var day: CalendarDate
    /// `AM` or `PM`.
    public var session: String
    public var mark: String

    public init(upn: String, day: CalendarDate, session: String, mark: String) {
        self.upn = upn
        self.day = day
        self.session = session
        self.mark = mark
    }
}

/// A register import as the record keeps it.
public struct RegisterImportRecord: Sendable, Codable, Equatable {
    public var id: Int
    public var fileName: String
    public var sha256: String
    public var importedAt: String
    public var importedBy: String
    public var pupils: Int
    public var marks: Int
    public var newMarks: Int
    public var changedMarks: Int
}

/// A pupil a register import held, with what the export gave of them (a CSV gives the UPN only).
public struct RegisterPupil: Sendable, Equatable {
    public var upn: String
    public var forename: String?
    public var surname: String?
    public var yearGroup: Int?

    public init(upn: String, forename: String? = nil, surname: String? = nil, yearGroup: Int? = nil) {
        self.upn = upn
        self.forename = forename
        self.surname = surname
        self.yearGroup = yearGroup
    }
}

/// A school's latest register import and the pupils it held.
public struct SchoolRegisterImport: Sendable {
    public var record: RegisterImportRecord
    public var schoolURN: String
    public var pupils: [RegisterPupil]
}

/// A mark that an import changed: a defence solicitor will ask when an N became an O.
public struct MarkChange: Sendable, Codable, Equatable {
    public var upn: String
    public var day: String
    public var session: String
    public var oldMark: String
    public var newMark: String
    public var importID: Int
}

extension Workspace {
    /// Records an import of `marks` (a whole export, already read and checked) from a file with
    /// `sha256`: new marks are added, a mark that differs from the one held is replaced and the
    /// change kept as history. One transaction.
    /// `schoolURN` is the school the export came from, and `held` the pupils it held, when known.
    public func importRegister(fileName: String, sha256: String, pupils: Int, marks: [SessionMark], by person: String,
                               schoolURN: String? = nil, held: [RegisterPupil] = [],
                               at date: Date = Date()) throws(WorkspaceError) -> RegisterImportRecord {
        let stamp = Self.timestamp(date)
        do {
            return try writeImmediately { db in
                try db.execute(sql: """
                    INSERT INTO register_import (file_name, sha256, imported_at, imported_by, pupils, marks, new_marks, changed_marks, school_urn)
                    VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?)
                    """, arguments: [fileName, sha256, stamp, person, pupils, marks.count, schoolURN])
                let importID = Int(db.lastInsertedRowID)
                let hold = try db.makeStatement(sql: "INSERT OR IGNORE INTO register_import_pupil (import_id, upn, forename, surname, year_group) VALUES (?, ?, ?, ?, ?)")
                for pupil in held {
                    try hold.execute(arguments: [importID, pupil.upn, pupil.forename, pupil.surname, pupil.yearGroup])
                }
                let find = try db.makeStatement(sql: "SELECT mark FROM mark WHERE upn = ? AND day = ? AND session = ?")
                let add = try db.makeStatement(sql: "INSERT INTO mark (upn, day, session, mark, import_id) VALUES (?, ?, ?, ?, ?)")
                let replace = try db.makeStatement(sql: "UPDATE mark SET mark = ?, import_id = ? WHERE upn = ? AND day = ? AND session = ?")
                let change = try db.makeStatement(sql: """
                    INSERT INTO mark_change (upn, day, session, old_mark, new_mark, import_id) VALUES (?, ?, ?, ?, ?, ?)
                    """)
                var added = 0, changed = 0
                for mark in marks {
                    let day = mark.day.iso
                    if let old = try String.fetchOne(find, arguments: [mark.upn, day, mark.session]) {
                        guard old != mark.mark else { continue }
                        try replace.execute(arguments: [mark.mark, importID, mark.upn, day, mark.session])
                        try change.execute(arguments: [mark.upn, day, mark.session, old, mark.mark, importID])
                        changed += 1
                    } else {
                        try add.execute(arguments: [mark.upn, day, mark.session, mark.mark, importID])
                        added += 1
                    }
                }
                try db.execute(sql: "UPDATE register_import SET new_marks = ?, changed_marks = ? WHERE id = ?", arguments: [added, changed, importID])
                return RegisterImportRecord(id: importID, fileName: fileName, sha256: sha256, importedAt: stamp, importedBy: person,
                                            pupils: pupils, marks: marks.count, newMarks: added, changedMarks: changed)
            }
        } catch {
            if let workspace = error as? WorkspaceError { throw workspace }
            throw WorkspaceError("the register \(fileName) was not imported (\(Self.reason(error))); nothing was changed")
        }
    }

    /// The marks the record holds for `upn`, in day and session order.
    public func marks(for upn: String) throws(WorkspaceError) -> [SessionMark] {
        do {
            return try read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM mark WHERE upn = ? ORDER BY day, session", arguments: [upn]).compactMap { row in
                    CalendarDate(iso: row["day"]).map { SessionMark(upn: upn, day: $0, session: row["session"], mark: row["mark"]) }
                }
            }
        } catch {
            throw WorkspaceError("the marks of \(upn) cannot be read (\(Self.reason(error)))")
        }
    }

    /// Every mark with `code`, on or before `date`, for any pupil, in day order.
    public func marks(coded code: String, through date: CalendarDate) throws(WorkspaceError) -> [SessionMark] {
        do {
            return try read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM mark WHERE mark = ? AND day <= ? ORDER BY day, session, upn", arguments: [code, date.iso]).compactMap { row in
                    CalendarDate(iso: row["day"]).map { SessionMark(upn: row["upn"], day: $0, session: row["session"], mark: row["mark"]) }
                }
            }
        } catch {
            throw WorkspaceError("the record's marks cannot be read (\(Self.reason(error)))")
        }
    }

    /// Every mark change the record holds for `upn`, oldest first.
    public func markChanges(for upn: String) throws(WorkspaceError) -> [MarkChange] {
        do {
            return try read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM mark_change WHERE upn = ? ORDER BY id", arguments: [upn]).map {
                    MarkChange(upn: $0["upn"], day: $0["day"], session: $0["session"], oldMark: $0["old_mark"], newMark: $0["new_mark"],
                               importID: $0["import_id"])
                }
            }
        } catch {
            throw WorkspaceError("the mark history of \(upn) cannot be read (\(Self.reason(error)))")
        }
    }

    /// Every register import, oldest first.
    public func registerImports() throws(WorkspaceError) -> [RegisterImportRecord] {
        do {
            return try read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM register_import ORDER BY id").map {
                    RegisterImportRecord(id: $0["id"], fileName: $0["file_name"], sha256: $0["sha256"], importedAt: $0["imported_at"],
                                         importedBy: $0["imported_by"], pupils: $0["pupils"], marks: $0["marks"],
                                         newMarks: $0["new_marks"], changedMarks: $0["changed_marks"])
                }
            }
        } catch {
            throw WorkspaceError("the record cannot be read (\(Self.reason(error)))")
        }
    }

    /// The latest register import recorded for the school with `urn`, with the pupils it held; nil
    /// when the record has none (imports recorded before the record kept schools have none).
    public func latestRegisterImport(school urn: String) throws(WorkspaceError) -> SchoolRegisterImport? {
        do {
            return try read { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM register_import WHERE school_urn = ? ORDER BY id DESC LIMIT 1", arguments: [urn]) else {
                    return nil
                }
                let record = RegisterImportRecord(id: row["id"], fileName: row["file_name"], sha256: row["sha256"], importedAt: row["imported_at"],
                                                  importedBy: row["imported_by"], pupils: row["pupils"], marks: row["marks"],
                                                  newMarks: row["new_marks"], changedMarks: row["changed_marks"])
                let pupils = try Row.fetchAll(db, sql: "SELECT * FROM register_import_pupil WHERE import_id = ? ORDER BY upn", arguments: [record.id]).map {
                    RegisterPupil(upn: $0["upn"], forename: $0["forename"], surname: $0["surname"], yearGroup: $0["year_group"])
                }
                return SchoolRegisterImport(record: record, schoolURN: urn, pupils: pupils)
            }
        } catch {
            throw WorkspaceError("the record cannot be read (\(Self.reason(error)))")
        }
    }

    /// The URNs of the schools the record holds register imports from, in order.
    public func registerImportSchools() throws(WorkspaceError) -> [String] {
        do {
            return try read { db in
                try String.fetchAll(db, sql: "SELECT DISTINCT school_urn FROM register_import WHERE school_urn IS NOT NULL ORDER BY school_urn")
            }
        } catch {
            throw WorkspaceError("the record cannot be read (\(Self.reason(error)))")
        }
    }
}
