import GRDB

/// The batch runs the batch screen made, as a migration registered after the others (never
/// edited once released): each run's school, day, counts, and its print PDF and summary CSV
/// archived as issued files are (`archive/<run id>/`), so that their download is found from the
/// record's rows, never from a path.
enum BatchRunSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("batch runs: a school's run with its print PDF and summary archived") { db in
            try db.create(table: "batch_run") { table in
                table.column("id", .text).primaryKey()
                table.column("school_urn", .text)
                table.column("as_of", .text).notNull()
                table.column("register_import_id", .integer).references("register_import", onDelete: .restrict)
                table.column("pupils", .integer).notNull()
                table.column("due", .integer).notNull()
                table.column("issued", .integer).notNull()
                table.column("skipped", .integer).notNull()
                table.column("run_by", .text).notNull()
                table.column("recorded_at", .text).notNull()
            }
            try db.create(index: "batch_run_by_school", on: "batch_run", columns: ["school_urn", "recorded_at"])
            try db.create(table: "batch_run_file") { table in
                table.column("run_id", .text).notNull().references("batch_run", onDelete: .restrict)
                table.column("format", .text).notNull()
                table.column("archive_path", .text).notNull()
                table.column("sha256", .text).notNull()
                table.column("bytes", .integer).notNull()
                table.primaryKey(["run_id", "format"])
            }
        }
    }
}

/// A batch run's state while it runs (migration registered after the batch runs', never edited once
/// released): a run is recorded when it starts, as running, with how far it has got, and when it
/// ends, as finished (or failed, with why); one whose program stopped (a server restart, a kill)
/// is found so and shown as interrupted. Where it was started (the screen or the command line), and
/// the register export it read, are kept too. Rows recorded before this step were finished runs.
enum BatchRunStateSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("batch runs: recorded as they start, with their state and progress") { db in
            try db.alter(table: "batch_run") { table in
                table.add(column: "state", .text).notNull().defaults(to: "finished")
                table.add(column: "started_from", .text).notNull().defaults(to: "screen")
                table.add(column: "register_name", .text)
                table.add(column: "done", .integer).notNull().defaults(to: 0)
                table.add(column: "of_pupils", .integer).notNull().defaults(to: 0)
                table.add(column: "ended_at", .text)
                table.add(column: "problem", .text)
            }
        }
    }
}
