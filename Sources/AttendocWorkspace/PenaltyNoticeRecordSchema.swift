import GRDB

/// The penalty notices' part of the record, as migrations registered after the panel's (never
/// edited once released): each penalty notice's particulars beside its issued document, what has
/// happened to it since (paid, not paid, withdrawn), and each recorded consideration of a penalty
/// notice once the unauthorised-absence threshold was met (the national framework, August 2024).
enum PenaltyNoticeRecordSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("penalty notices: particulars, outcomes, considerations") { db in
            try db.create(table: "penalty_notice") { table in
                table.column("issue_id", .text).primaryKey().references("issued_document", onDelete: .restrict)
                table.column("number", .integer).notNull()
                table.column("amount", .integer).notNull()
                table.column("reduced_amount", .integer)
                table.column("received_on", .text).notNull()
                table.column("reduced_by", .text)
                table.column("pay_by", .text).notNull()
                table.column("reduced_by_given", .text)
                table.column("pay_by_given", .text).notNull()
                table.column("period_from", .text).notNull()
                table.column("period_to", .text).notNull()
                table.column("unauthorised_sessions", .integer).notNull()
            }
            try db.create(table: "penalty_notice_outcome") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("issue_id", .text).notNull().references("issued_document", onDelete: .restrict)
                table.column("outcome", .text).notNull()
                table.column("on_day", .text).notNull()
                table.column("amount", .integer)
                table.column("reason", .text)
                table.column("recorded_at", .text).notNull()
                table.column("recorded_by", .text).notNull()
            }
            try db.create(table: "penalty_notice_consideration") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("reference", .text).notNull().references("case_file", onDelete: .restrict)
                table.column("threshold_met_on", .text).notNull()
                table.column("considered_on", .text).notNull()
                table.column("decision", .text).notNull()
                table.column("reason", .text).notNull()
                table.column("recorded_at", .text).notNull()
                table.column("recorded_by", .text).notNull()
            }
        }
    }
}
