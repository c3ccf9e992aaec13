import GRDB

/// The record's schema as its history of migrations: one registered step per change, never edited
/// once released. Columns use only types a server database also has (TEXT, INTEGER), so that the
/// record can move to PostgreSQL behind the same interface (docs/workspace.md).
enum WorkspaceSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: cases, register imports and marks, issued documents") { db in
            try db.create(table: "case_file") { table in
                table.column("reference", .text).primaryKey()
                table.column("source_path", .text).notNull()
                table.column("upn", .text)
                table.column("school_urn", .text)
            }
            try db.create(table: "case_version") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("reference", .text).notNull().references("case_file", onDelete: .restrict)
                table.column("version", .integer).notNull()
                table.column("sha256", .text).notNull()
                table.column("yaml", .text).notNull()
                table.column("recorded_at", .text).notNull()
                table.column("recorded_by", .text).notNull()
                table.column("change", .text).notNull()
                table.uniqueKey(["reference", "version"])
            }
            try db.create(table: "register_import") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("file_name", .text).notNull()
                table.column("sha256", .text).notNull()
                table.column("imported_at", .text).notNull()
                table.column("imported_by", .text).notNull()
                table.column("pupils", .integer).notNull()
                table.column("marks", .integer).notNull()
                table.column("new_marks", .integer).notNull()
                table.column("changed_marks", .integer).notNull()
            }
            try db.create(table: "mark") { table in
                table.column("upn", .text).notNull()
                table.column("day", .text).notNull()
                table.column("session", .text).notNull()
                table.column("mark", .text).notNull()
                table.column("import_id", .integer).notNull().references("register_import", onDelete: .restrict)
                table.primaryKey(["upn", "day", "session"])
            }
            try db.create(table: "mark_change") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("upn", .text).notNull()
                table.column("day", .text).notNull()
                table.column("session", .text).notNull()
                table.column("old_mark", .text).notNull()
                table.column("new_mark", .text).notNull()
                table.column("import_id", .integer).notNull().references("register_import", onDelete: .restrict)
            }
            try db.create(table: "issued_document") { table in
                table.column("id", .text).primaryKey()
                table.column("reference", .text).notNull().references("case_file", onDelete: .restrict)
                table.column("upn", .text)
                table.column("kind", .text).notNull()
                table.column("recipient_id", .text).notNull()
                table.column("recipient_path", .text).notNull()
                table.column("method", .text).notNull()
                table.column("sent_on", .text).notNull()
                table.column("deemed_served_on", .text)
                table.column("issued_by", .text).notNull()
                table.column("recorded_at", .text).notNull()
                table.column("case_version", .integer)
                table.column("template_sha256", .text)
                table.column("policy_sha256", .text)
                table.column("figures_json", .text)
                table.column("reissue_reason", .text)
                table.column("archived", .integer).notNull()
                table.column("source", .text).notNull()
            }
            try db.create(index: "issued_document_by_case", on: "issued_document", columns: ["reference", "kind", "recipient_id"])
            try db.create(table: "issued_file") { table in
                table.column("issue_id", .text).notNull().references("issued_document", onDelete: .restrict)
                table.column("format", .text).notNull()
                table.column("archive_path", .text).notNull()
                table.column("sha256", .text).notNull()
                table.column("bytes", .integer).notNull()
                table.primaryKey(["issue_id", "format"])
            }
        }
        PanelRecordSchema.register(in: &migrator)
        StaffRecordSchema.register(in: &migrator)
        PenaltyNoticeRecordSchema.register(in: &migrator)
        RegisterImportSchoolSchema.register(in: &migrator)
        BatchRunSchema.register(in: &migrator)
        BatchRunStateSchema.register(in: &migrator)
        return migrator
    }
}
