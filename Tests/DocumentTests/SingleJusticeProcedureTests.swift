import AttendocCaseModel
import AttendocCasework
import AttendocDocuments
import AttendocPolicy
import AttendocTesting
import AttendocValues
import Foundation
import Testing

/// The single justice procedure papers for the county case (examples/riverside-first-warning.yaml,
/// s444(1), both parents defendants, the father's address confidential), read against the list
/// in Criminal Procedure Rules r24.9(1)(c) and (d). Worked by hand: the charge runs from 25
/// November 2026 (the first warning of Monday 23 November, posted, deemed served on the second
/// working day) to Friday 8 January 2027, the last day on the register as of 11 January; the
/// register shows 46 possible sessions in it, 38 attended (82.6%), 6 unauthorised (13.0%).
@Suite("Single justice procedure papers (CrimPR r24.9)")
struct SingleJusticeProcedureTests {
    static let asOf = "2027-01-11"

    static func variant(_ old: String, _ new: String) throws -> LoadedCase {
        let text = try String(contentsOf: PenaltyNoticeTests.example, encoding: .utf8)
        #expect(text.components(separatedBy: old).count == 2, "the edit must match once: \(old)")
        let folder = try temporaryFolder("sjp-variant")
        for item in ["registers", "evidence"] {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("examples/\(item)"), to: folder.appendingPathComponent(item))
        }
        let file = folder.appendingPathComponent("case.yaml")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: file)
        return try LoadedCase.load(file, resources: resources)
    }

    @Test func eachDefendantsCopyHoldsWhatRule24Point9AsksInOrder() throws {
        let texts = try PenaltyNoticeTests.texts(.singleJusticeProcedureNotice, dated: Self.asOf)
        #expect(Set(texts.keys) == ["zoe-dsouza", "ciaran-obrien", "court"])
        let ciaran = try #require(texts["ciaran-obrien"])
        // (c)(i) the written charge, in the words of an information under s444(1).
        let charge = "Between 25 November 2026 and 8 January 2027, being the parent of Siobhán O'Brien-Ní Dhuibhir, a child of compulsory school age who was a registered pupil at Riverside Academy, you failed to secure the regular attendance of the child at that school, contrary to section 444(1) of the Education Act 1996."
        // (c)(iv) the notice that the procedure applies, with the days to answer (the policy's 21).
        let procedure = "This case will be dealt with under the single justice procedure (section 16A Magistrates’ Courts Act 1980; Criminal Procedure Rules r24.9)."
        // (c)(ii) and r24.9(2)(a): the summary of the evidence, with the engine's figures.
        let facts = "from 25 November 2026 to 8 January 2027 there were 46 sessions at which the child should have attended. Each school day has two sessions, morning and afternoon. The child attended 38 (82.6%). 6 sessions (13.0%) were missed without the school’s authority"
        // (c)(iii) and r24.9(3): sentencing information, from the policy's sentencing: section.
        let sentence = "The most the court may impose for this offence is a level 3 fine (£1,000)."
        // (c)(v) to (vii): the three notices for the answer; and the statement of means.
        let notices = ["Notice A: I plead guilty and I want the case dealt with without a hearing.",
                       "Notice B: I plead guilty but I want the case dealt with at a hearing by a court of more than one magistrate.",
                       "Notice C: I plead not guilty.", "6. Statement of means"]
        var last = ciaran.startIndex
        for part in [charge, procedure, facts, sentence] + notices {
            let found = try #require(ciaran.range(of: part, range: last..<ciaran.endIndex), "in order: \(part)")
            last = found.upperBound
        }
        #expect(ciaran.contains("You must answer within 21 days of the day they are served on you."))
        #expect(ciaran.contains("Band A 50% 25% to 75%"), "the fine bands, from the policy")
        #expect(ciaran.contains("3 Lower culpability and Band A fine Conditional discharge lesser harm to Band A fine"), "the categories, from the policy (a text table wraps its cells)")
        // The record's letters to him, and his own interview.
        #expect(ciaran.contains("The first warning letter, sent on 23 November 2026."))
        #expect(ciaran.contains("You were interviewed under caution: - on 3 December 2026."))
    }

    @Test func aDefendantsCopyNamesOnlyThemAndTheCourtsCopyNeverTheConfidentialAddress() throws {
        let texts = try PenaltyNoticeTests.texts(.singleJusticeProcedureNotice, dated: Self.asOf)
        let zoe = try #require(texts["zoe-dsouza"]), ciaran = try #require(texts["ciaran-obrien"]), court = try #require(texts["court"])
        #expect(ciaran.contains("Address: Flat 3, 27 Sidwell Street, Exeter, EX4 6NN"), "his own copy is addressed to him")
        for (name, text) in [("zoe", zoe), ("court", court)] {
            #expect(!text.contains("Sidwell Street") && !text.contains("EX4 6NN"), "\(name)'s copy shows the confidential address")
        }
        #expect(!zoe.contains("Ciarán"), "her copy names only her")
        #expect(!ciaran.contains("Zoë"), "his copy names only him")
        // The court's copy: each defendant's charge, his address withheld; service not yet recorded.
        #expect(court.contains("Mr Ciarán O'Brien, Address withheld (confidential)."))
        #expect(court.contains("Ms Zoë D'Souza, 14 Orchard Close, Heavitree, Exeter, EX1 2AB."))
        #expect(court.components(separatedBy: "Not yet served: the authority’s record holds no service of these papers on this defendant.").count == 3)
    }

    @Test func theCourtsCopyCertifiesTheServiceTheRecordShows() throws {
        var options = LetterOptions()
        let served = ServiceParticulars(kind: "single-justice-procedure-notice", documentTitle: "Single justice procedure notice",
                                        recipientPath: "parents[0]", recipientName: "Ms Zoë D'Souza", address: "14 Orchard Close, Heavitree, Exeter, EX1 2AB",
                                        method: "First class post", sent: date("2027-01-11"), deemed: date("2027-01-13"), issuedBy: "Alex Brennan",
                                        archived: true, files: [.init(format: "PDF", sha256: String(repeating: "ab", count: 32))], reissueReason: nil)
        options.serviceRecord = [served]
        let court = try #require(try PenaltyNoticeTests.texts(.singleJusticeProcedureNotice, dated: Self.asOf, options: options)["court"])
        #expect(court.contains("Certificate of service. Document: Single justice procedure notice. Served on: Ms Zoë D'Souza. Address: 14 Orchard Close, Heavitree, Exeter, EX1 2AB. Method: First class post. Sent on: 11 January 2027. Deemed served on: 13 January 2027. Sent by: Alex Brennan."), "\(court)")
        #expect(court.contains("PDF: " + String(repeating: "ab", count: 32)))
        #expect(court.components(separatedBy: "Not yet served").count == 2, "only the father is not yet served")
    }

    @Test func anOffenceUnderSection444OneAIsRefused() throws {
        let loaded = try Self.variant("  section: s444_1\n", "  section: s444_1a\n")
        let error = try PenaltyNoticeTests.error(.singleJusticeProcedureNotice, dated: Self.asOf, loaded: loaded)
        #expect(error.contains("an offence under section 444(1A) is punishable with imprisonment (up to three months), so it cannot be tried under the single justice procedure"), "\(error)")
        #expect(error.contains("attendoc bundle --route s444-1a"))
        // The check for the route says the same.
        let route = try #require(try RouteReadiness.route(named: "single-justice-procedure", for: loaded))
        let gaps = RouteReadiness.check(loaded, for: route, asOf: date(Self.asOf)).gaps.map(\.description)
        #expect(gaps.first?.hasPrefix("legal_route.section: legal_route.section is s444_1a: an offence under section 444(1A) is punishable with imprisonment") == true, "\(gaps)")
    }
}
