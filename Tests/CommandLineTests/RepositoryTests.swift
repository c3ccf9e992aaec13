import AttendocTesting
import Foundation
import Testing

/// The repository as a new developer and a new user meet it: module boundaries that a script keeps
/// true, and a program that works once installed, from any folder.
@Suite("Repository: module boundaries and installation")
struct RepositoryTests {
    @Test func everyImportInSourcesIsAllowedByTheArchitecture() throws {
        let result = try run(repositoryRoot.appendingPathComponent("scripts/check-architecture").path, [])
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(result.output.contains("all allowed by docs/architecture.md"))
    }

    @Test(arguments: [
        ("AttendocEngine", "AttendocCaseModel"),      // the engine never sees the case model
        ("AttendocRendering", "AttendocCaseModel"),   // writers never see a case
        ("AttendocCaseModel", "AttendocEngine"),      // the model never imports the engine
        ("AttendocCaseModel", "AttendocPolicy"),
        ("AttendocRendering", "AttendocDocuments"),
    ])
    func aForbiddenImportFailsTheCheckNamingFileAndEdge(module: String, forbidden: String) throws {
        let folder = try temporaryFolder("architecture")
        defer { try? FileManager.default.removeItem(at: folder) }
        let sources = folder.appendingPathComponent("Sources")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Sources"), to: sources)
        let file = sources.appendingPathComponent("\(module)/Forbidden.swift")
        try Data("import Foundation\nimport \(forbidden)\n".utf8).write(to: file)
        let result = try run(repositoryRoot.appendingPathComponent("scripts/check-architecture").path,
                             [sources.path, repositoryRoot.appendingPathComponent("docs/architecture.md").path])
        #expect(result.status == 1)
        #expect(result.output.contains("\(file.path):2: \(module) may not import \(forbidden)"), "\(result.output)")
    }

    @Test func aModuleWithoutARowInTheTableFailsTheCheck() throws {
        let folder = try temporaryFolder("architecture")
        defer { try? FileManager.default.removeItem(at: folder) }
        let sources = folder.appendingPathComponent("Sources")
        try FileManager.default.createDirectory(at: sources.appendingPathComponent("AttendocUnlisted"), withIntermediateDirectories: true)
        try Data("import Foundation\n".utf8).write(to: sources.appendingPathComponent("AttendocUnlisted/Thing.swift"))
        let result = try run(repositoryRoot.appendingPathComponent("scripts/check-architecture").path,
                             [sources.path, repositoryRoot.appendingPathComponent("docs/architecture.md").path])
        #expect(result.status == 1)
        #expect(result.output.contains("the module AttendocUnlisted has no row"))
    }

    /// scripts/install puts the program and its product files under a prefix; the installed
    /// program then renders the example from an unrelated folder, with no ATTENDOC_HOME.
    @Test func theInstalledProgramRendersTheExampleFromAnotherFolder() throws {
        let folder = try temporaryFolder("install")
        defer { try? FileManager.default.removeItem(at: folder) }
        let prefix = folder.appendingPathComponent("prefix")
        let install = try run(repositoryRoot.appendingPathComponent("scripts/install").path,
                              ["--prefix", prefix.path, "--built", repositoryRoot.appendingPathComponent(".build/debug").path])
        #expect(install.status == 0, "\(install.error)")
        let elsewhere = folder.appendingPathComponent("somewhere-else")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "ATTENDOC_HOME")
        let example = repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml").path
        let result = try run(prefix.appendingPathComponent("bin/attendoc").path,
                             ["render", example, "--document", "first-warning-letter", "--format", "txt",
                              "--date", "2026-11-23", "--out", "letters"],
                             environment: environment, in: elsewhere)
        #expect(result.status == 0, "\(result.error)")
        let letter = elsewhere.appendingPathComponent("letters/CAT-2026-0142/first-warning-letter/zoe-dsouza.txt")
        let text = try String(contentsOf: letter, encoding: .utf8)
        #expect(text.contains("Dear Ms D'Souza") || text.contains("Dear Ms D’Souza"), "\(text.prefix(400))")
    }
}
