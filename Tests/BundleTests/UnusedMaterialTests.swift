@testable import AttendocBundle
import AttendocCasework
import AttendocTesting
import Foundation
import Testing

/// The schedule of non-sensitive unused material (in the shape of an MG6C), and the check that
/// material the bundle withholds has a disclosure decision (CPIA 1996): the agency note about a
/// possible caring role was withheld from the county bundle with no schedule at all.
@Suite("Evidence bundle: unused material")
struct UnusedMaterialTests {
    static let notesEntry = "  - item: meetings[1].agency_only_notes\n    location: Riverside Academy, attendance office (Team Around the Family minutes, agency copy)\n    decision: disclose\n"

    /// The schedule's text in the bundle's XML, tags removed and whitespace flattened.
    static func schedule(_ loaded: LoadedCase) throws -> (schedule: String, bundle: String) {
        let xml = try EvidenceBundlePlanTests.xml(of: try EvidenceBundlePlanTests.plan(loaded, draft: true))
        let start = try #require(xml.range(of: "title=\"Schedule of non-sensitive unused material\""))
        let end = try #require(xml.range(of: "</entry>", range: start.upperBound..<xml.endIndex))
        func text(_ part: Substring) -> String {
            flattened(EvidenceBundlePlanTests.unescaped(String(part).replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)))
        }
        return (text(xml[start.upperBound..<end.lowerBound]), text(xml[...]))
    }

    @Test func theCountyScheduleListsEachItemWithItsDecision() throws {
        let (schedule, bundle) = try Self.schedule(try LoadedCase.load(EvidenceBundlePlanTests.riverside, resources: resources))
        #expect(schedule.contains("1 Notes for the agencies only, from the minutes of the Team Around the Family meeting of 21 October 2026 Riverside Academy, attendance office (Team Around the Family minutes, agency copy) Disclose A possible young carer role at home may explain the morning absences"), "\(schedule)")
        #expect(schedule.contains("2 The school's visitors' signing-in book for 2 October 2026 Riverside Academy, reception Does not meet the test for disclosure It records who signed in"), "\(schedule)")
        // The notes are described by their meeting, never by their own words.
        #expect(!bundle.contains("before it is discussed in front of"))
    }

    @Test func withheldNotesWithoutADecisionAreAGapAndASensitiveItemIsNotServed() throws {
        let without = try ReadinessTests.variant(Self.notesEntry, "  - item: meetings[1].agency_only_notes\n    decision: sensitive\n")
        let (schedule, _) = try Self.schedule(without)
        #expect(!schedule.contains("Team Around the Family"), "a sensitive item is for the prosecutor's own schedule: \(schedule)")
        #expect(schedule.contains("1 The school's visitors' signing-in book"))
        #expect(ReadinessTests.gaps(without).isEmpty)

        let text = try String(contentsOf: EvidenceBundlePlanTests.riverside, encoding: .utf8)
        let start = try #require(text.range(of: "  - item: meetings[1].agency_only_notes"))
        let end = try #require(text.range(of: "  - description: The school's visitors'"))
        let gaps = ReadinessTests.gaps(try ReadinessTests.variant(String(text[start.lowerBound..<end.lowerBound]), ""))
        #expect(gaps == ["meetings[1].agency_only_notes: is withheld from the bundle (agency-only notes) with no disclosure decision. To do: list it under unused_material (item: meetings[1].agency_only_notes) with a decision (disclose, not_disclosable or sensitive) and the reason; material that might reasonably be considered capable of undermining the prosecution case or of assisting the defence is disclosed (section 3 Criminal Procedure and Investigations Act 1996)"])
    }

    @Test(arguments: [
        ("  - item: meetings[1].agency_only_notes\n", "  - item: meetings[0].agency_only_notes\n", "unused_material[0].item", "not material the bundle withholds"),
        ("  - description: The school's visitors' signing-in book for 2 October 2026\n    location: Riverside Academy, reception\n", "  - location: Riverside Academy, reception\n", "unused_material[1].description", "is required when there is no item"),
        ("    decision: not_disclosable\n", "    decision: maybe\n", "unused_material[1].decision", "disclose"),
    ])
    func anUnusedMaterialEntryIsCheckedAsItIsRead(_ edit: (old: String, new: String, field: String, words: String)) throws {
        #expect {
            _ = try ReadinessTests.variant(edit.old, edit.new)
        } throws: { error in
            "\(error)".contains("\(edit.field): ") && "\(error)".contains(edit.words)
        }
    }

    @Test func theScheduleOfItsOwnListsAThirdPartysRecordLeftOutToo() throws {
        // The document the court's platform files apart (the route's unused_material_schedule).
        let loaded = try ThirdPartyRecordsTests.variant("      - evidence/early-help-home-visits-november-2026.pdf\n")
        let document = try UnusedMaterialScheduleDocument.document(for: loaded, asOf: EvidenceBundlePlanTests.asOf, resources: resources)
        let rows = EvidenceBundlePlanTests.rowCells(String(decoding: document.xml, as: UTF8.self))
        #expect(rows.map { $0.first ?? "" } == ["1", "2", "3"], "\(rows)")
        #expect(rows.last == ["3", "A record of Northshire Early Help (evidence/early-help-home-visits-november-2026.pdf), cited as evidence at supportive_measures[2].evidence[1] in the case file",
                              "Northshire Early Help; a copy in the case's evidence", "Not yet decided",
                              "Not exhibited: the case records no lawful basis or consent for using this third party's record in the proceedings"])
    }
}
