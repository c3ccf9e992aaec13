import AttendocValues
import Foundation

/// The repository's root, where templates/, stylesheets/, schema/ and fop/ live
/// (this file is Sources/AttendocTesting/TestFiles.swift).
public let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

public let resources = AttendocResources(root: repositoryRoot)

public func fixture(_ name: String) -> URL {
    repositoryRoot.appendingPathComponent("Tests/Fixtures/\(name)")
}

/// The folder every temporary folder of this test run sits in, readable by its owner only and
/// removed when the run ends, so that no letter or case a test wrote outlives it even where the
/// test does not remove its own folder. Named as Attendoc names a run's folder
/// (`attendoc-<pid>-…`), so that a later `attendoc` removes it if the run was killed.
private let testRunFolder: URL = {
    let folder = testRunFolderPath()
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    atexit { try? FileManager.default.removeItem(at: testRunFolderPath()) }
    return folder
}()

private func testRunFolderPath() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("attendoc-\(getpid())-tests")
}

/// A fresh, empty folder for one test's output, inside the test run's own folder.
public func temporaryFolder(_ label: String) throws -> URL {
    let folder = testRunFolder.appendingPathComponent("\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// Every file under `folder`, as paths relative to it, sorted.
public func filesUnder(_ folder: URL) -> [String] {
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    var files: [String] = []
    while let path = enumerator?.nextObject() as? String {
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory)
        if !isDirectory.boolValue { files.append(path) }
    }
    return files.sorted()
}

/// Runs a program and returns its standard output; throws when it exits non-zero.
@discardableResult
public func run(_ program: String, _ arguments: [String], environment: [String: String]? = nil,
         in directory: URL? = nil) throws -> (status: Int32, output: String, error: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [program] + arguments
    if let environment { process.environment = environment }
    if let directory { process.currentDirectoryURL = directory }
    let folder = try temporaryFolder("run")
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("out"), err = folder.appendingPathComponent("err")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return (process.terminationStatus,
            (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            (try? String(contentsOf: err, encoding: .utf8)) ?? "")
}

/// The text of a PDF as poppler's pdftotext reads it.
public func pdfText(_ url: URL) throws -> String {
    try run("pdftotext", ["-enc", "UTF-8", url.path, "-"]).output
}

/// The visible text of an HTML page: tags removed, then character references decoded.
public func htmlText(_ html: String) -> String {
    var text = html.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
    for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&nbsp;", "\u{a0}"), ("&amp;", "&")] {
        text = text.replacingOccurrences(of: entity, with: character)
    }
    return text
}

/// Text with every run of whitespace made one space, for searching text that a format may wrap.
public func flattened(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
}
