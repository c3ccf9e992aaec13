@testable import AttendocBundle
import AttendocCasework
import AttendocTesting
import Foundation
import Testing

/// Third parties' records (issue 13): an exhibit from neither the school nor the local authority
/// (Early Help's home-visit notes) needs a recorded lawful basis or consent; without one it is not
/// exhibited, the bundle says it left it out, and `check --for prosecution` names it with what to
/// do; with `pages:` only its relevant pages are exhibited.
@Suite("Evidence bundle: third parties' records")
struct ThirdPartyRecordsTests {
    static let withConsent = [
        "      - file: evidence/early-help-home-visits-november-2026.pdf",
        "        from: Northshire Early Help",
        "        consent: Ms D'Souza and Mr O'Brien agreed in writing on 2 November 2026.",
        "",
    ].joined(separator: "\n")

    static func variant(_ entry: String) throws -> LoadedCase {
        let text = try String(contentsOf: ReadinessTests.riverside, encoding: .utf8)
        let start = try #require(text.range(of: "      - file: evidence/early-help-home-visits-november-2026.pdf"))
        let end = try #require(text.range(of: "    tier_at_the_time: 3\n", range: start.upperBound..<text.endIndex))
        return try ReadinessTests.variant(String(text[start.lowerBound..<end.lowerBound]), entry)
    }

    @Test func withoutALawfulBasisOrConsentItIsNotExhibitedAndTheCheckNamesIt() throws {
        let loaded = try Self.variant("      - evidence/early-help-home-visits-november-2026.pdf\n")
        let gaps = ProsecutionReadiness.check(loaded, asOf: ReadinessTests.asOf).gaps
        #expect(gaps.map(\.place) == ["supportive_measures[2].evidence[1]"], "\(gaps)")
        #expect(gaps.first?.problem == "is a third party's record (Northshire Early Help) with no lawful basis or consent recorded for using it, so the bundle does not exhibit it")
        #expect(gaps.first?.toDo.hasPrefix("write the entry as {file: evidence/early-help-home-visits-november-2026.pdf, from: Northshire Early Help, lawful_basis: ...}") == true)
        let bundle = try EvidenceBundlePlanTests.plan(loaded, draft: true)
        #expect(!bundle.entries.contains { $0.source.hasSuffix("early-help-home-visits-november-2026.pdf") })
        #expect(bundle.leftOut.contains { $0.place == "supportive_measures[2].evidence[1]" && $0.why.hasPrefix("not exhibited: a third party's record (Northshire Early Help)") })
        // The measure's other evidence, the school's own referral form, is still exhibited.
        #expect(bundle.entries.contains { $0.source.hasSuffix("early-help-referral-2026-10-23.txt") })
    }

    @Test func aRecordLeftOutIsOnTheScheduleOfUnusedMaterialWithWhyFromTheRecord() throws {
        let loaded = try Self.variant("      - evidence/early-help-home-visits-november-2026.pdf\n")
        let (schedule, _) = try UnusedMaterialTests.schedule(loaded)
        // After the two items the case lists, without anyone listing it: whose record, where the
        // case cites it, no decision yet, and why it is not exhibited (no basis recorded).
        #expect(schedule.contains("3 A record of Northshire Early Help (evidence/early-help-home-visits-november-2026.pdf), cited as evidence at supportive_measures[2].evidence[1] in the case file Northshire Early Help; a copy in the case's evidence Not yet decided Not exhibited: the case records no lawful basis or consent for using this third party's record in the proceedings"), "\(schedule)")
        // The county example records the consent: the record is exhibited, and not on the schedule.
        let (county, _) = try UnusedMaterialTests.schedule(try LoadedCase.load(EvidenceBundlePlanTests.riverside, resources: resources))
        #expect(!county.contains("early-help-home-visits") && !county.contains("Not yet decided"), "\(county)")
        // The school's own records are not a third party's: they are never listed for want of a basis.
        #expect(!schedule.contains("early-help-referral-2026-10-23.txt"))
    }

    @Test func withConsentItIsExhibitedAndOnlyItsRelevantPagesWhenTheRecordSaysWhich() throws {
        // The county example records the consent: both pages are exhibited.
        let county = try EvidenceBundlePlanTests.countyPlan()
        let whole = try #require(county.entries.first { $0.source.hasSuffix("early-help-home-visits-november-2026.pdf") })
        guard case .suppliedPDF(_, let pages) = whole.content else { Issue.record("not a PDF"); return }
        #expect(pages == 2 && whole.pageSelection == nil)
        // With pages: [2], the bundle holds that page alone, in the PDF too.
        let loaded = try Self.variant(Self.withConsent.replacingOccurrences(of: "        from: Northshire Early Help\n", with: "        from: Northshire Early Help\n        pages: [2]\n"))
        let made = try EvidenceBundleTests.make(loaded, draft: true, label: "third-party-pages")
        defer { try? FileManager.default.removeItem(at: made.folder) }
        let entry = try #require(made.documents.first { ($0["source"] as? String)?.hasSuffix("early-help-home-visits-november-2026.pdf") == true })
        #expect(entry["pages"] as? Int == 1)
        let text = flattened(made.text(of: made.pages(entry["id"] as! String)))
        #expect(text.contains("Home visit record · page 2 of 2") && text.contains("19 November 2026"), "\(text)")
        #expect(!text.contains("Visited the family home at 4pm"), "page 1 is not exhibited")
    }

    @Test func pagesAreForAPDFAndMustExist() throws {
        #expect {
            _ = try Self.variant("      - file: evidence/mentor-check-in-log-october-2026.txt\n        pages: [1]\n")
        } throws: { error in
            "\(error)".contains("supportive_measures[2].evidence[1].pages: is given for evidence/mentor-check-in-log-october-2026.txt, which is not a PDF")
        }
        let loaded = try Self.variant(Self.withConsent.replacingOccurrences(of: "        from: Northshire Early Help\n", with: "        from: Northshire Early Help\n        pages: [3]\n"))
        #expect {
            _ = try EvidenceBundlePlanTests.plan(loaded, draft: true)
        } throws: { error in
            "\(error)".contains("has 2 pages, so it has no page 3")
        }
    }
}
