import GRDB

/// Which school each register import came from and which pupils it held, as a migration
/// registered after the others (never edited once released). It adds to what is there: an import
/// recorded before it keeps its row, with no school and no list of pupils (the record did not keep
/// them then, and they are not guessed from the marks).
enum RegisterImportSchoolSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("register imports: the school of each import and the pupils it held") { db in
            try db.alter(table: "register_import") { table in
                table.add(column: "school_urn", .text)
            }
            try db.create(table: "register_import_pupil") { table in
                table.column("import_id", .integer).notNull().references("register_import", onDelete: .restrict)
                table.column("upn", .text).notNull()
                table.column("forename", .text)
                table.column("surname", .text)
                table.column("year_group", .integer)
                table.primaryKey(["import_id", "upn"])
            }
            try db.create(index: "register_import_by_school", on: "register_import", columns: ["school_urn", "id"])
        }
    }
}
