@testable import AttendocBundle
import AttendocCaseModel
import AttendocCasework
import AttendocDocuments
import AttendocPrograms
import AttendocRendering
import AttendocTesting
import AttendocValues
import Foundation
import Testing

/// A safeguarding referral (a `referrals:` entry with `service: safeguarding`) is sensitive
/// material: it is never listed in the bundle or in a witness statement served on the parents, nor
/// on the schedule of non-sensitive unused material served with them; the bundle's left-out list
/// names it by place, for the prosecutor's sensitive schedule. Proved in the bundle's XML and in
/// every format a served paper is made in: the bundle's PDF, and the schedule of unused material
/// and the single justice procedure papers in HTML, text, DOCX and PDF.
@Suite("Evidence bundle: a safeguarding referral is withheld")
struct SafeguardingReferralTests {
    /// Words only the safeguarding referral, its evidence and its sensitive unused-material entry
    /// hold: none may be in a served paper. Single words too, which a text table's wrapped
    /// columns cannot split.
    static let secrets = ["CHUB", "Children's Hub", "Children&#39;s Hub", "frightened at home", "Kestrel Lane disclosure",
                          "Record of the referral to the children's hub", "identify the child's informant",
                          "Kestrel", "frightened", "informant", "chub-referral"]

    /// The county example with a safeguarding referral (with its evidence) and a sensitive item
    /// of unused material about it, in a folder of its own.
    /// With `reason`, the unused_material entry names the referral itself (`item: referrals[2]`),
    /// with that decision.
    static func withSafeguardingReferral(reason: String? = nil, decision: String = "sensitive") throws -> LoadedCase {
        let referral = """
          - to: Northshire Children's Hub (CHUB)
            date: 2026-11-06
            accepted: yes
            service: safeguarding
            made_by: Ms Laura Hughes
            reason: Siobhán said she was frightened at home on the days she missed.
            evidence: [evidence/chub-referral-2026-11-06.txt]

        """
        let sensitive = reason.map { "  - item: referrals[2]\n    decision: \(decision)\n    reason: \($0)\n" } ?? """
          - description: Record of the referral to the children's hub of 6 November 2026
            location: Riverside Academy, designated safeguarding lead's file
            decision: sensitive
            reason: It would identify the child's informant.

        """
        let loaded = try ReadinessTests.variant([("      - evidence/taf-action-plan-2026-10-21.txt\n\nlegal_route:\n", "      - evidence/taf-action-plan-2026-10-21.txt\n" + referral + "legal_route:\n"),
                                                 ("  - description: The school's visitors' signing-in book", sensitive + "  - description: The school's visitors' signing-in book")],
                                                files: ["evidence/chub-referral-2026-11-06.txt": "Kestrel Lane disclosure: frightened at home.\n"])
        #expect(loaded.attendanceCase.referrals.contains { $0.service == .safeguarding })
        return loaded
    }

    @Test func theReferralIsInNoServedPaperAndIsListedAsSensitiveMaterialLeftOut() throws {
        let loaded = try Self.withSafeguardingReferral()
        let referral = try #require(loaded.attendanceCase.referrals.first { $0.service == .safeguarding })
        let view = CourtView(of: loaded.attendanceCase)
        #expect(!view.attendanceCase.referrals.contains { $0.service == .safeguarding })
        let bundle = try EvidenceBundlePlanTests.plan(loaded, draft: true)
        #expect(bundle.leftOut.contains { $0.place == referral.casePath && $0.why.contains("sensitive unused material") }, "\(bundle.leftOut)")
        // Every served paper (index, statements, schedule) in the bundle's document XML.
        let xml = try EvidenceBundlePlanTests.xml(of: bundle)
        for secret in Self.secrets {
            #expect(!xml.contains(secret), "the bundle must not show: \(secret)")
        }
        // The Early Help referral it was copied from is still stated.
        #expect(xml.contains("Northshire Early Help"))
    }

    @Test func theBundlesPDFHoldsNoWordOfIt() throws {
        let made = try EvidenceBundleTests.make(try Self.withSafeguardingReferral(), draft: true, label: "safeguarding-bundle")
        defer { try? FileManager.default.removeItem(at: made.folder) }
        let text = made.pageTexts.joined(separator: "\n")
        #expect(text.contains("Schedule of non-sensitive unused material") && text.contains("Northshire Early Help"), "the bundle was read")
        for secret in Self.secrets {
            #expect(!flattened(text).contains(secret), "the bundle's PDF shows: \(secret)")
        }
        #expect(!made.documents.contains { ($0["source"] as? String)?.contains("chub-referral") == true }, "its evidence is not exhibited")
    }

    /// The served papers made as documents (the schedule of non-sensitive unused material, the
    /// single justice procedure papers for each defendant and the court), in every format.
    @Test func theScheduleAndTheSingleJusticePapersHoldNoWordOfItInAnyFormat() throws {
        let loaded = try Self.withSafeguardingReferral()
        let asOf = EvidenceBundlePlanTests.asOf
        var documents = [try UnusedMaterialScheduleDocument.document(for: loaded, asOf: asOf, resources: resources)]
        documents += try LetterRun(resources: resources).letters(.singleJusticeProcedureNotice, for: loaded, dated: asOf).map(\.document)
        let rendered = try DocumentWriter(resources: resources).render(documents, formats: OutputFormat.allCases,
                                                                     fop: PDFTypesetter(configuration: resources.fopConfiguration))
        let folder = try temporaryFolder("safeguarding-papers")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(Set(rendered.map(\.format)) == Set(OutputFormat.allCases))
        #expect(rendered.count == documents.count * OutputFormat.allCases.count)
        for file in rendered {
            let text = try Self.readable(file, in: folder)
            #expect(text.lowercased().contains(file.relativePath.contains("unused-material") ? "non-sensitive unused material" : "single justice procedure"),
                    "\(file.relativePath) was read")
            for secret in Self.secrets {
                #expect(!text.contains(secret), "\(file.relativePath) shows: \(secret)")
            }
        }
    }

    /// What a reader of `file` sees: the page's text (HTML), the text, every XML part of a DOCX
    /// package (so nothing hides in a header, footer or property), the PDF's text.
    static func readable(_ file: DocumentWriter.RenderedFile, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(file.relativePath.replacingOccurrences(of: "/", with: "_"))
        try file.bytes.write(to: url)
        return try readableText(of: url, docx: .everyPart)
    }
}
