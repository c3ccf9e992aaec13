import GRDB

/// The web front end's part of the record, as a migration registered after the others (never
/// edited once released): staff accounts with their role and bcrypt hash, open sessions (only the
/// SHA-256 of each session's token is kept), login attempts, and the access log of every view and
/// change of a child's record.
enum StaffRecordSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("web: staff accounts, sessions, login attempts, access log") { db in
            try db.create(table: "staff_account") { table in
                table.column("username", .text).primaryKey()
                table.column("role", .text).notNull()
                table.column("school_urn", .text)
                table.column("password_hash", .text).notNull()
                table.column("created_at", .text).notNull()
                table.column("created_by", .text).notNull()
            }
            try db.create(table: "staff_session") { table in
                table.column("token_sha256", .text).primaryKey()
                table.column("username", .text).notNull().references("staff_account", onDelete: .cascade)
                table.column("csrf_token", .text).notNull()
                table.column("opened_at", .text).notNull()
                table.column("expires_at", .text).notNull()
            }
            try db.create(table: "login_attempt") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("username", .text).notNull()
                table.column("attempted_at", .text).notNull()
                table.column("succeeded", .integer).notNull()
            }
            try db.create(index: "login_attempt_by_user", on: "login_attempt", columns: ["username", "attempted_at"])
            try db.create(table: "access_log") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("at", .text).notNull()
                table.column("username", .text).notNull()
                table.column("action", .text).notNull()
                table.column("case_reference", .text)
                table.column("upn", .text)
                table.column("what", .text).notNull()
            }
        }
    }
}
