import AttendocTesting
import AttendocValues
import AttendocWorkspace
import Foundation
import Testing

/// The single justice procedure papers through the real program and record: a defendant's copy
/// issued into the workspace (`attendoc issue --document single-justice-procedure-notice`), then
/// `attendoc bundle --route single-justice-procedure`, whose copy for the court certifies that
/// service exactly as the record holds it (CrimPR r24.9(1)(d)(ii)), says who is not yet served,
/// and files the unused material schedule apart.
@Suite("Workspace: the single justice procedure papers' certificate of service")
struct SingleJusticeServiceTests {
    let program = repositoryRoot.appendingPathComponent(".build/debug/attendoc").path
    let riverside = repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml").path

    @Test func theCourtsCopyCertifiesTheServiceTheRecordHolds() throws {
        let folder = try temporaryFolder("sjp-service")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = folder.appendingPathComponent("ws").path
        #expect(try run(program, ["init", workspace]).status == 0)
        #expect(try run(program, ["case", "add", riverside, "--workspace", workspace, "--by", "A. Officer"]).status == 0)
        let issued = try run(program, ["issue", "CAT/2026/0142", "--document", "single-justice-procedure-notice", "--to", "mother",
                                       "--method", "post", "--date", "2027-01-11", "--by", "Alex Brennan", "--workspace", workspace])
        #expect(issued.status == 0, "\(issued.error)")
        let record = try Workspace.open(at: WorkspaceLocation(folder: URL(fileURLWithPath: workspace))).issuedDocuments(for: "CAT/2026/0142")
            .filter { $0.kind == "single-justice-procedure-notice" }
        #expect(record.count == 1 && record.first?.recipientPath == "parents[0]")
        let served = try #require(record.first)
        let pdf = try #require(served.files.first { $0.format == "pdf" })

        let out = folder.appendingPathComponent("out")
        let made = try run(program, ["bundle", riverside, "--route", "single-justice-procedure", "--as-of", "2027-01-13",
                                     "--workspace", workspace, "--out", out.path])
        #expect(made.status == 0, "\(made.error)")
        #expect(made.output.contains("not yet served: parents[1]: the court's copy says so"))
        let files = filesUnder(out)
        let stems = ["court", "zoe-dsouza", "ciaran-obrien"]
        #expect(Set(files) == Set(stems.flatMap { stem in ["html", "txt", "docx", "pdf"].map { "CAT-2026-0142/single-justice-procedure/\(stem).\($0)" } }
            + ["CAT-2026-0142/unused-material-schedule.pdf"]), "\(files)")
        let deemed = try #require(served.deemedServedOn.flatMap(CalendarDate.init(iso:)))
        let court = flattened(try pdfText(out.appendingPathComponent("CAT-2026-0142/single-justice-procedure/court.pdf")))
        #expect(court.contains("Certificate of service. Document: Single justice procedure notice. Served on: Ms Zoë D'Souza. Address: 14 Orchard Close, Heavitree, Exeter, EX1 2AB. Method: First class post. Sent on: 11 January 2027. Deemed served on: \(deemed.longForm). Sent by: \(served.issuedBy)."), "\(court)")
        #expect(court.replacingOccurrences(of: " ", with: "").contains(pdf.sha256), "the archived copy's SHA-256, as the record holds it")
        #expect(court.components(separatedBy: "Not yet served").count == 2, "the father's service is not recorded")
        #expect(!court.contains("Sidwell Street"))
    }

    @Test func noPapersForAnOffenceUnderSection444OneA() throws {
        let folder = try temporaryFolder("sjp-refused")
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: riverside, encoding: .utf8).replacingOccurrences(of: "  section: s444_1\n", with: "  section: s444_1a\n")
        for item in ["registers", "evidence"] {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("examples/\(item)"), to: folder.appendingPathComponent(item))
        }
        let caseFile = folder.appendingPathComponent("case.yaml")
        try Data(text.utf8).write(to: caseFile)
        let out = folder.appendingPathComponent("out")
        let refused = try run(program, ["bundle", caseFile.path, "--route", "single-justice-procedure", "--as-of", "2027-01-11", "--draft", "--out", out.path],
                              in: folder)
        #expect(refused.status == 1)
        #expect(refused.error.contains("no single justice procedure papers: legal_route.section is s444_1a: an offence under section 444(1A) is punishable with imprisonment"), "\(refused.error)")
        #expect(filesUnder(out).isEmpty)
    }
}
