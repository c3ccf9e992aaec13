@testable import AttendocBundle
import AttendocCasework
import AttendocTesting
import Foundation
import Testing

/// Nothing unsigned is served: a bundle is "final" only when the officer's signed statement and
/// the head teacher's signed register certificate are supplied (and it holds them in place of the
/// drafts); otherwise every page says UNSIGNED – NOT FOR SERVICE. The notice of the right to
/// object to the section 9 statements (s9(2)(d) CJA 1967) goes with them.
@Suite("Evidence bundle: signed or unsigned", .serialized)
struct SignedBundleTests {
    /// The county example with signed copies of the statement and the certificate (one-page
    /// PDFs, as a scan would be) in its evidence folder.
    static func signedCounty() throws -> LoadedCase {
        let folder = try temporaryFolder("signed")
        for item in ["registers", "evidence"] {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("examples/\(item)"), to: folder.appendingPathComponent(item))
        }
        for (name, words) in [("signed-statement.pdf", "Witness statement of Alex Brennan, signed A. Brennan"),
                              ("signed-school-statement.pdf", "Witness statement of Ms Laura Hughes, signed L. Hughes"),
                              ("signed-certificate.pdf", "Register certificate for Riverside Academy, signed J. Patel")] {
            let page = [TextPagesPDF.Item.text(TextPagesPDF.Text(words, x: 72, y: 700, size: 12))]
            try TextPagesPDF.document([page]).write(to: folder.appendingPathComponent("evidence/\(name)"))
        }
        var text = try String(contentsOf: EvidenceBundleTests.riverside, encoding: .utf8)
        text = text.replacingOccurrences(of: "\nlegal_route:\n", with: "\nlegal_route:\n  signed_statement: evidence/signed-statement.pdf\n  signed_certificate: evidence/signed-certificate.pdf\n  signed_school_statement: evidence/signed-school-statement.pdf\n")
        let caseFile = folder.appendingPathComponent("case.yaml")
        try Data(text.utf8).write(to: caseFile)
        return try LoadedCase.load(caseFile, resources: resources)
    }

    @Test func anUnsignedBundleSaysSoOnEveryPageAndCarriesTheNoticeOfTheRightToObject() throws {
        let bundle = try EvidenceBundleTests.countyBundle()
        #expect(bundle.manifest["status"] as? String == "unsigned")
        for (index, page) in bundle.pageTexts.enumerated() {
            #expect(page.contains(EvidenceBundle.unsignedMark), "page \(index + 1)")
        }
        let notice = try #require(bundle.documents.first { ($0["title"] as? String)?.hasPrefix("Notice of the right to object") == true })
        #expect(notice["section"] as? String == "C")
        let text = flattened(bundle.text(of: bundle.pages(notice["id"] as! String)))
        #expect(text.contains("To Ms Zoë D'Souza and Mr Ciarán O'Brien."), "\(text)")
        #expect(text.contains("is served on you under section 9 of the Criminal Justice Act 1967"))
        #expect(text.contains("must serve notice of your objection on Northshire County Council and on the court within the period the Criminal Procedure Rules set (section 9(2)(d) and (2A) of the Act)"))
    }

    @Test func aBundleWithTheSignedStatementAndCertificateIsFinalAndHoldsThem() throws {
        let made = try EvidenceBundleTests.make(try Self.signedCounty(), label: "evidence-signed")
        defer { try? FileManager.default.removeItem(at: made.folder) }
        #expect(made.manifest["status"] as? String == "final")
        #expect(!made.pageTexts.contains { $0.contains("UNSIGNED") })
        let statement = try #require(made.documents.first { $0["section"] as? String == "C" && ($0["title"] as? String)?.hasPrefix("Statement of") == true })
        #expect(statement["source"] as? String == "evidence/signed-statement.pdf")
        #expect(flattened(made.text(of: made.pages(statement["id"] as! String))).contains("signed A. Brennan"))
        #expect(made.pages(statement["id"] as! String).count == 1, "the signed copy, not the draft")
        let certificate = try #require(made.documents.first { ($0["title"] as? String)?.hasPrefix("Register certificate") == true })
        // The school witness produces the certificate.
        #expect(certificate["source"] as? String == "evidence/signed-certificate.pdf" && certificate["exhibit"] as? String == "LH/1")
        let school = try #require(made.documents.first { ($0["title"] as? String)?.hasPrefix("Statement of Ms Laura Hughes") == true })
        #expect(school["source"] as? String == "evidence/signed-school-statement.pdf")
        #expect(flattened(made.text(of: made.pages(school["id"] as! String))).contains("signed L. Hughes"))
        #expect(flattened(made.text(of: made.pages(certificate["id"] as! String))).contains("signed J. Patel"))
    }

    @Test func aSignedCopyMustBeAPDF() throws {
        #expect {
            _ = try ReadinessTests.variant("\nlegal_route:\n", "\nlegal_route:\n  signed_statement: evidence/mentor-check-in-log-october-2026.txt\n")
        } throws: { error in
            "\(error)".contains("legal_route.signed_statement: is evidence/mentor-check-in-log-october-2026.txt, not a PDF")
        }
    }
}
