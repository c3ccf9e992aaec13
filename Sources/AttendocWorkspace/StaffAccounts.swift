import Foundation
import GRDB

/// Who a member of staff is to the web front end, and so what they may see.
public enum StaffRole: String, Sendable, CaseIterable, Codable {
    /// A school's office: the cases and registers of its own school (by URN) only.
    case schoolOffice = "school-office"
    /// The local authority's attendance team: every case in the record.
    case attendanceTeam = "attendance-team"
    /// The panel clerk: the cases taken to the attendance panel.
    case panelClerk = "panel-clerk"
    /// Manages staff accounts and reads the access log; sees no child's record.
    case administrator
}

/// A staff account: who, in which role, for which school; the password only as its bcrypt hash.
public struct StaffAccount: Sendable, Equatable {
    public var username: String
    public var role: StaffRole
    public var schoolURN: String?
    public var passwordHash: String
    public var createdAt: String
    public var createdBy: String

    public init(username: String, role: StaffRole, schoolURN: String?, passwordHash: String, createdAt: String, createdBy: String) {
        self.username = username
        self.role = role
        self.schoolURN = schoolURN
        self.passwordHash = passwordHash
        self.createdAt = createdAt
        self.createdBy = createdBy
    }
}

/// An open session: its account and the token every form it posts must carry.
public struct StaffSession: Sendable, Equatable {
    public var account: StaffAccount
    public var csrfToken: String
    public var expiresAt: String
}

/// One line of the access log: who viewed or changed what of a child's record, and when.
public struct AccessLogEntry: Sendable, Equatable {
    public var at: String
    public var username: String
    /// `view`, `download` or `change`.
    public var action: String
    public var caseReference: String?
    public var upn: String?
    /// What was seen or done, in words, naming records by reference, UPN or place, never by name.
    public var what: String

    public init(at: String, username: String, action: String, caseReference: String?, upn: String?, what: String) {
        self.at = at
        self.username = username
        self.action = action
        self.caseReference = caseReference
        self.upn = upn
        self.what = what
    }
}

/// Times in the staff tables: UTC, to the second, so that text order is time order.
public func recordTime(_ date: Date) -> String {
    date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
}

extension Workspace {
    /// Adds a staff account; refuses a username already taken.
    public func addStaffAccount(_ account: StaffAccount) throws(WorkspaceError) {
        do {
            try writeImmediately { db in
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM staff_account WHERE username = ?", arguments: [account.username]) == true {
                    throw WorkspaceError("the workspace already has a staff account \(account.username); choose another username")
                }
                try db.execute(sql: "INSERT INTO staff_account (username, role, school_urn, password_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [account.username, account.role.rawValue, account.schoolURN, account.passwordHash, account.createdAt, account.createdBy])
            }
        } catch let error as WorkspaceError {
            throw error
        } catch {
            throw WorkspaceError("the staff account \(account.username) cannot be recorded (\(Self.reason(error))); nothing was changed")
        }
    }

    /// The account with `username`, if there is one.
    public func staffAccount(_ username: String) throws(WorkspaceError) -> StaffAccount? {
        do {
            return try read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM staff_account WHERE username = ?", arguments: [username]).map(Self.account)
            }
        } catch {
            throw WorkspaceError("the staff accounts cannot be read (\(Self.reason(error)))")
        }
    }

    /// Every staff account, by username.
    public func staffAccounts() throws(WorkspaceError) -> [StaffAccount] {
        do {
            return try read { db in try Row.fetchAll(db, sql: "SELECT * FROM staff_account ORDER BY username").map(Self.account) }
        } catch {
            throw WorkspaceError("the staff accounts cannot be read (\(Self.reason(error)))")
        }
    }

    private static func account(_ row: Row) -> StaffAccount {
        StaffAccount(username: row["username"], role: StaffRole(rawValue: row["role"]) ?? .schoolOffice, schoolURN: row["school_urn"],
                     passwordHash: row["password_hash"], createdAt: row["created_at"], createdBy: row["created_by"])
    }

    /// Records a login attempt (the username as typed, whether it succeeded).
    public func recordLoginAttempt(username: String, at date: Date, succeeded: Bool) throws(WorkspaceError) {
        do {
            try writeImmediately { db in
                try db.execute(sql: "INSERT INTO login_attempt (username, attempted_at, succeeded) VALUES (?, ?, ?)",
                               arguments: [username, recordTime(date), succeeded ? 1 : 0])
            }
        } catch {
            throw WorkspaceError("the login attempt cannot be recorded (\(Self.reason(error)))")
        }
    }

    /// Failed attempts for `username` since `start` and since its last successful login.
    public func failedLoginAttempts(username: String, since start: Date) throws(WorkspaceError) -> Int {
        do {
            return try read { db in
                let lastSuccess = try String.fetchOne(db, sql: "SELECT MAX(attempted_at) FROM login_attempt WHERE username = ? AND succeeded = 1", arguments: [username])
                let from = max(recordTime(start), lastSuccess ?? "")
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM login_attempt WHERE username = ? AND succeeded = 0 AND attempted_at >= ?",
                                        arguments: [username, from]) ?? 0
            }
        } catch {
            throw WorkspaceError("the login attempts cannot be read (\(Self.reason(error)))")
        }
    }

    /// Opens a session for `username` until `expires`, keeping only the token's SHA-256.
    public func openSession(tokenSHA256: String, username: String, csrfToken: String, openedAt: Date, expires: Date) throws(WorkspaceError) {
        do {
            try writeImmediately { db in
                try db.execute(sql: "DELETE FROM staff_session WHERE expires_at <= ?", arguments: [recordTime(openedAt)])
                try db.execute(sql: "INSERT INTO staff_session (token_sha256, username, csrf_token, opened_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                               arguments: [tokenSHA256, username, csrfToken, recordTime(openedAt), recordTime(expires)])
            }
        } catch {
            throw WorkspaceError("the session cannot be recorded (\(Self.reason(error)))")
        }
    }

    /// The session whose token has `tokenSHA256`, if it is open at `date` (an expired one is nil).
    public func session(tokenSHA256: String, at date: Date) throws(WorkspaceError) -> StaffSession? {
        do {
            return try read { db in
                guard let row = try Row.fetchOne(db, sql: """
                    SELECT staff_account.*, staff_session.csrf_token, staff_session.expires_at FROM staff_session
                    JOIN staff_account ON staff_account.username = staff_session.username
                    WHERE token_sha256 = ? AND expires_at > ?
                    """, arguments: [tokenSHA256, recordTime(date)]) else { return nil }
                return StaffSession(account: Self.account(row), csrfToken: row["csrf_token"], expiresAt: row["expires_at"])
            }
        } catch {
            throw WorkspaceError("the sessions cannot be read (\(Self.reason(error)))")
        }
    }

    /// Closes a session (logging out).
    public func closeSession(tokenSHA256: String) throws(WorkspaceError) {
        do {
            try writeImmediately { db in try db.execute(sql: "DELETE FROM staff_session WHERE token_sha256 = ?", arguments: [tokenSHA256]) }
        } catch {
            throw WorkspaceError("the session cannot be closed (\(Self.reason(error)))")
        }
    }

    /// Adds a line to the access log.
    public func logAccess(_ entry: AccessLogEntry) throws(WorkspaceError) {
        do {
            try writeImmediately { db in
                try db.execute(sql: "INSERT INTO access_log (at, username, action, case_reference, upn, what) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [entry.at, entry.username, entry.action, entry.caseReference, entry.upn, entry.what])
            }
        } catch {
            throw WorkspaceError("the access log cannot be written (\(Self.reason(error))); nothing was shown")
        }
    }

    /// The access log, oldest first.
    public func accessLog() throws(WorkspaceError) -> [AccessLogEntry] {
        do {
            return try read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM access_log ORDER BY id").map {
                    AccessLogEntry(at: $0["at"], username: $0["username"], action: $0["action"], caseReference: $0["case_reference"],
                                   upn: $0["upn"], what: $0["what"])
                }
            }
        } catch {
            throw WorkspaceError("the access log cannot be read (\(Self.reason(error)))")
        }
    }
}
