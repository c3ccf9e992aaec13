@testable import AttendocPrograms
@testable import AttendocRendering
import AttendocTesting
import AttendocValues
import Foundation
import SafeXML
import Testing

/// The warm FOP worker (fop/worker/AttendocFOPWorker.java): one Java process typesetting document
/// after document with real FOP, giving the bytes the `fop` command gives. Each test has workers of
/// its own (`PDFTypesetter.withOwnWorkers`), compiled into a cache folder of its own, and ends them,
/// so it can kill one or see them all gone without touching the workers other tests share.
@Suite("Warm FOP worker")
struct WarmFOPWorkerTests {
    /// A worker typesetter of the test's own, in `folder`'s cache.
    static func ownWorkers(in folder: URL, workers: Int = 1) throws -> PDFTypesetter {
        try PDFTypesetter.withOwnWorkers(configuration: resources.fopConfiguration, cache: folder.appendingPathComponent("cache"), workers: workers)
    }

    /// Whether process `pid` is gone (not even a zombie waiting to be reaped).
    static func isGone(_ pid: Int32) -> Bool {
        kill(pid, 0) != 0 && errno == ESRCH
    }

    static func goodFO() throws -> Data {
        let writer = try DocumentWriter(resources: resources, formats: [.pdf])
        return try writer.stylesheets.transform(try XMLTree(data: try Data(contentsOf: fixture("first-warning-letter.xml")), source: "letter.xml"), to: .pdf)
    }

    /// FO that FOP refuses: a block straight inside the root.
    static let brokenFO = Data(#"<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format"><fo:block>x</fo:block></fo:root>"#.utf8)

    @Test func oneWorkerTypesetsManyDocumentsWithTheBytesOfTheFOPCommand() throws {
        let folder = try temporaryFolder("warm-fop")
        defer { try? FileManager.default.removeItem(at: folder) }
        let warm = try Self.ownWorkers(in: folder)
        #expect(warm.usesWarmWorkers)
        let command = PDFTypesetter(executable: URL(fileURLWithPath: "/usr/bin/fop"), configuration: resources.fopConfiguration)
        #expect(!command.usesWarmWorkers)
        let documents = try OneFOPRunTests.documents()
        let writer = try DocumentWriter(resources: resources, formats: [.pdf])
        // Each document on its own, one after another, then all of them at once: one worker for all.
        let alone = try documents.map { try writer.render([$0], formats: [.pdf], fop: warm)[0].bytes }
        let pids = warm.workerProcessIDs
        #expect(pids.count == 1, "one worker typeset them all")
        let together = try writer.render(documents, formats: [.pdf], fop: warm).map(\.bytes)
        #expect(warm.workerProcessIDs == pids)
        #expect(together == alone, "the same inputs give the same bytes in the same worker")
        // The `fop` command, one JVM a document, as before the worker: the same bytes.
        for (index, document) in documents.prefix(2).enumerated() {
            let byCommand = try writer.render([document], formats: [.pdf], fop: command)[0].bytes
            #expect(byCommand == alone[index], "\(document.relativeStem): the worker's PDF differs from the fop command's")
        }
        let url = folder.appendingPathComponent("letter.pdf")
        try alone[1].write(to: url)
        #expect(try pdfText(url).contains("Page 1 of"))

        warm.endWorkers()
        #expect(warm.workerProcessIDs.isEmpty)
        for pid in pids { #expect(Self.isGone(pid), "worker \(pid) is still running") }
    }

    @Test func aBrokenDocumentIsAnErrorNamingItAndTheNextDocumentStillWorks() throws {
        let folder = try temporaryFolder("warm-fop-broken")
        defer { try? FileManager.default.removeItem(at: folder) }
        let warm = try Self.ownWorkers(in: folder)
        defer { warm.endWorkers() }
        let date = CalendarDate(iso: "2026-11-23")!
        let error = #expect(throws: AttendocError.self) {
            try warm.typesetOne(Self.brokenFO, name: "letters/broken-letter.pdf", date: date)
        }
        let text = error.map { "\($0)" } ?? ""
        #expect(text.contains("Apache FOP could not make the PDF of letters/broken-letter.pdf"), "\(text)")
        #expect(text.contains("\"fo:block\" is not a valid child of \"fo:root\""), "FOP's own message: \(text)")
        #expect(!text.contains("ValidationException") && !text.contains("at org.apache"), "no Java class names or stack: \(text)")
        let pids = warm.workerProcessIDs
        #expect(pids.count == 1, "the worker stays up after a document's error")
        let pdf = try warm.typesetOne(try Self.goodFO(), name: "letters/good-letter.pdf", date: date)
        #expect(pdf.starts(with: Data("%PDF-1.4".utf8)))
        #expect(warm.workerProcessIDs == pids, "the same worker typeset the next document")
        warm.endWorkers()
        for pid in pids { #expect(Self.isGone(pid)) }
    }

    @Test func aKilledWorkerIsReplacedAndTheDocumentStillTypeset() throws {
        let folder = try temporaryFolder("warm-fop-killed")
        defer { try? FileManager.default.removeItem(at: folder) }
        let warm = try Self.ownWorkers(in: folder)
        defer { warm.endWorkers() }
        let date = CalendarDate(iso: "2026-11-23")!
        let fo = try Self.goodFO()
        let first = try warm.typesetOne(fo, name: "first.pdf", date: date)
        let killed = try #require(warm.workerProcessIDs.first)
        #expect(kill(killed, SIGKILL) == 0)
        let second = try warm.typesetOne(fo, name: "second.pdf", date: date)
        #expect(second == first, "the fresh worker gives the same bytes")
        let now = warm.workerProcessIDs
        #expect(now.count == 1 && !now.contains(killed), "a new worker took the dead one's place: \(now) after \(killed)")
        #expect(Self.isGone(killed), "the dead worker was reaped")
        warm.endWorkers()
        for pid in now { #expect(Self.isGone(pid)) }
    }

    @Test func aDocumentOutOfTimeStopsItsWorker() throws {
        let folder = try temporaryFolder("warm-fop-time")
        defer { try? FileManager.default.removeItem(at: folder) }
        let program = try FOPWorkerProgram.prepare(configuration: resources.fopConfiguration, cache: folder.appendingPathComponent("cache"))
        let pool = FOPWorkerPool(program: program, size: 1)
        defer { pool.end() }
        // A JVM does not even start in a millisecond.
        let error = #expect(throws: AttendocError.self) {
            try pool.typeset(try Self.goodFO(), name: "slow.pdf", profile: "PDF/A-1b", timeLimit: 0.001)
        }
        #expect("\(error.map { "\($0)" } ?? "")".contains("did not finish within 0.001 seconds making the PDF of slow.pdf"))
        #expect(pool.processIDs.isEmpty, "the worker out of time was killed")
    }

    @Test func theWorkerIsCompiledOnceIntoACacheKeyedByItsSource() throws {
        let folder = try temporaryFolder("warm-fop-cache")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = folder.appendingPathComponent("cache")
        // Two runs compiling at once into an empty cache: one class folder, nothing half-made.
        let programs = try BothCores.map(2) { (_: Int) throws(AttendocError) -> FOPWorkerProgram in
            try FOPWorkerProgram.prepare(configuration: resources.fopConfiguration, cache: cache)
        }
        #expect(programs[0].classPath == programs[1].classPath)
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        #expect(entries.count == 1, "one compiled folder, no staging left: \(entries)")
        let compiled = cache.appendingPathComponent(entries[0])
        #expect(try FileManager.default.contentsOfDirectory(atPath: compiled.path) == ["AttendocFOPWorker.class"])
        #expect(programs[0].classPath.hasPrefix(compiled.path + ":"))
        // Nothing is written into the source tree.
        let sourceFolder = FOPWorkerProgram.source(for: resources.fopConfiguration).deletingLastPathComponent()
        #expect(try FileManager.default.contentsOfDirectory(atPath: sourceFolder.path) == ["AttendocFOPWorker.java"])

        // A changed source compiles afresh into a folder of its own.
        let copy = folder.appendingPathComponent("fop")
        try FileManager.default.createDirectory(at: copy.appendingPathComponent("worker"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: resources.fopConfiguration, to: copy.appendingPathComponent("fop.xconf"))
        let source = try String(contentsOf: FOPWorkerProgram.source(for: resources.fopConfiguration), encoding: .utf8)
        try (source + "\n// changed\n").write(to: copy.appendingPathComponent("worker/AttendocFOPWorker.java"), atomically: true, encoding: .utf8)
        let changed = try FOPWorkerProgram.prepare(configuration: copy.appendingPathComponent("fop.xconf"), cache: cache)
        #expect(changed.classPath != programs[0].classPath)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).count == 2)
    }
}
