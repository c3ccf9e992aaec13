import GRDB

/// The attendance panel's part of the record, as migrations registered after the record's own
/// (never edited once released): each case taken to a panel with its review dates and the figures
/// its themes count, the reviews held, and every panel document issued with its archived files.
enum PanelRecordSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("panel: cases taken to the attendance panel, their reviews, the panel documents issued") { db in
            try db.create(table: "panel_case") { table in
                table.column("id", .text).primaryKey()
                table.column("panel_date", .text).notNull()
                table.column("referral_reference", .text).notNull()
                table.column("school_urn", .text)
                table.column("upns", .text).notNull()
                table.column("case_reference", .text)
                table.column("four_week_review", .text).notNull()
                table.column("termly_review", .text).notNull()
                table.column("themes_json", .text).notNull()
                table.column("recorded_at", .text).notNull()
                table.column("recorded_by", .text).notNull()
                table.uniqueKey(["panel_date", "referral_reference"])
            }
            try db.create(table: "panel_review") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("panel_case_id", .text).notNull().references("panel_case", onDelete: .restrict)
                table.column("kind", .text).notNull()
                table.column("reviewed_on", .text).notNull()
                table.column("outcome", .text).notNull()
                table.column("recorded_at", .text).notNull()
                table.column("recorded_by", .text).notNull()
            }
            try db.create(table: "panel_document") { table in
                table.column("id", .text).primaryKey()
                table.column("panel_date", .text).notNull()
                table.column("panel_case_id", .text).references("panel_case", onDelete: .restrict)
                table.column("kind", .text).notNull()
                table.column("audience", .text).notNull()
                table.column("issued_on", .text).notNull()
                table.column("issued_by", .text).notNull()
                table.column("recorded_at", .text).notNull()
            }
            try db.create(table: "panel_document_file") { table in
                table.column("document_id", .text).notNull().references("panel_document", onDelete: .restrict)
                table.column("format", .text).notNull()
                table.column("archive_path", .text).notNull()
                table.column("sha256", .text).notNull()
                table.column("bytes", .integer).notNull()
                table.primaryKey(["document_id", "format"])
            }
        }
    }
}
