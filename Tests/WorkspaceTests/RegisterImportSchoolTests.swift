import AttendocTesting
import AttendocWorkspace
import Foundation
import Testing

/// The record keeps which school a register import came from and which pupils it held; a database
/// made before it kept them is migrated with every row it holds kept.
@Suite("Workspace: the school and pupils of a register import")
struct RegisterImportSchoolTests {
    let program = repositoryRoot.appendingPathComponent(".build/debug/attendoc").path
    let register = repositoryRoot.appendingPathComponent("examples/registers/riverside-academy-autumn-2026.csv").path

    @Test func anImportRecordsItsSchoolAndPupils() throws {
        let folder = try temporaryFolder("register-school")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = folder.appendingPathComponent("ws")
        #expect(try run(program, ["init", workspace.path]).status == 0)
        let imported = try run(program, ["register", "import", register, "--school", "149876", "--workspace", workspace.path, "--by", "A. Officer"])
        #expect(imported.status == 0, "\(imported.error)")
        let record = try Workspace.open(at: WorkspaceLocation(folder: workspace))
        let latest = try #require(try record.latestRegisterImport(school: "149876"))
        let csvUPNs = Set(try String(contentsOfFile: register, encoding: .utf8).split(separator: "\n").dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) })
        #expect(Set(latest.pupils.map(\.upn)) == csvUPNs)
        #expect(latest.pupils.count == latest.record.pupils)
        #expect(try record.latestRegisterImport(school: "113456") == nil)
        #expect(try record.registerImportSchools() == ["149876"])
        // A URN that is not 6 digits is refused, and nothing is recorded.
        let bad = try run(program, ["register", "import", register, "--school", "14987", "--workspace", workspace.path])
        #expect(bad.status != 0)
        #expect(bad.error.contains("URN must be exactly 6 digits"), "\(bad.error)")
        #expect(try record.registerImports().count == 1)
    }

    @Test func aDatabaseFromBeforeIsMigratedKeepingItsImportsAndMarks() throws {
        let folder = try temporaryFolder("register-school-migration")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = folder.appendingPathComponent("ws")
        #expect(try run(program, ["init", workspace.path]).status == 0)
        #expect(try run(program, ["register", "import", register, "--workspace", workspace.path, "--by", "A. Officer"]).status == 0)
        // The database as the version before this migration left it: no school column, no pupils
        // table, and no record of the migration.
        let database = workspace.appendingPathComponent("attendoc.sqlite").path
        let undo = try run("sqlite3", [database, """
            DROP INDEX register_import_by_school; DROP TABLE register_import_pupil; ALTER TABLE register_import DROP COLUMN school_urn;
            DELETE FROM grdb_migrations WHERE identifier LIKE 'register imports:%';
            """])
        #expect(undo.status == 0, "\(undo.error)")
        let before = try run("sqlite3", [database, "SELECT COUNT(*) FROM mark; SELECT id, file_name, sha256, pupils FROM register_import;"]).output
        let columns = try run("sqlite3", [database, "PRAGMA table_info(register_import)"]).output
        #expect(!columns.contains("school_urn"))

        let record = try Workspace.open(at: WorkspaceLocation(folder: workspace))
        #expect(try run("sqlite3", [database, "SELECT COUNT(*) FROM mark; SELECT id, file_name, sha256, pupils FROM register_import;"]).output == before,
                "every import and mark kept")
        #expect(try run("sqlite3", [database, "SELECT identifier FROM grdb_migrations"]).output.contains("register imports: the school of each import"))
        // The old import says no school (it is not guessed); a new one does.
        #expect(try record.registerImportSchools().isEmpty)
        #expect(try record.latestRegisterImport(school: "149876") == nil)
        #expect(try run(program, ["register", "import", register, "--school", "149876", "--workspace", workspace.path]).status == 0)
        let latest = try #require(try record.latestRegisterImport(school: "149876"))
        #expect(latest.record.id == 2)
        #expect(!latest.pupils.isEmpty)
    }
}
