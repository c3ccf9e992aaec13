import AttendocDocuments
import AttendocRendering
import AttendocTesting
import Foundation
import Testing

/// The single justice procedure papers in every format (HTML, text, DOCX with every part of the
/// package, PDF): the father's confidential address is in his own copy only, never in the
/// mother's or the court's; each defendant's copy names only that defendant.
@Suite("Single justice procedure papers: each copy private, in every format")
struct SingleJusticeProcedureRenderingTests {
    @Test func theConfidentialAddressIsOnlyInItsOwnersCopyInEveryFormat() throws {
        let folder = try RecordTests.render(.singleJusticeProcedureNotice, RedactionTests.riverside, date: "2027-01-11", formats: OutputFormat.allCases)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent().deletingLastPathComponent()) }
        let files = filesUnder(folder)
        #expect(Set(files) == Set(["court", "zoe-dsouza", "ciaran-obrien"].flatMap { stem in ["html", "txt", "docx", "pdf"].map { "\(stem).\($0)" } }), "\(files)")
        for file in files {
            let text = try RecordTests.readable(folder.appendingPathComponent(file))
            let isHis = file.hasPrefix("ciaran-obrien.")
            for secret in RedactionTests.confidential {
                #expect(text.contains(secret) == isHis, "\(file): \(isHis ? "his own copy is addressed to him" : "shows the confidential address")")
            }
            if file.hasPrefix("zoe-dsouza.") { #expect(!text.contains("Ciarán"), "\(file) names the other defendant") }
            if isHis { #expect(!text.contains("Zoë"), "\(file) names the other defendant") }
            if file.hasPrefix("court.") {
                #expect(text.contains("Address withheld (confidential)"), "\(file)")
                #expect(text.contains("copy for the court"), "\(file)")
            }
        }
    }
}
