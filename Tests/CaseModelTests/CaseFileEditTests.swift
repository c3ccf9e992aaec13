import AttendocCaseModel
import AttendocTesting
import AttendocYAML
import Foundation
import Testing

/// A case file changed field by field, as the case form changes it: what is set is what the reader
/// then reads, what is left empty is taken out, and what the change does not name stays as it was.
@Suite("Case model: changing a case file field by field")
struct CaseFileEditTests {
    static let yaml = """
    reference: CAT/2026/0142 # a comment
    pupil:
      forename: Ann
      surname: Smith
      year_group: 8
    parents:
      - id: mother
        forename: Zoë
        phone: [07700 900 123, 01392 000 999]
      - id: father
        forename: Sean
    supportive_measures:
      - what: A daily check-in
        evidence: [evidence/log.txt]
    """

    /// An older file's defendant written as an id alone is not a mapping of fields: a form must not
    /// set `parent:` inside it, which would write over it.
    @Test func anItemWrittenAsTextHoldsNoFields() throws {
        let edit = try CaseFileEdit(yaml: "legal_route:\n  defendants: [mother, {parent: father}]\n")
        #expect(edit.count(at: "legal_route.defendants") == 2)
        #expect(!edit.holdsFields(at: "legal_route.defendants[0]"))
        #expect(edit.holdsFields(at: "legal_route.defendants[1]"))
        #expect(edit.holdsFields(at: "legal_route.defendants[2]"), "an item not there yet may be given fields")
        #expect(edit.value(at: "legal_route.defendants[0]") == ["mother"])
    }

    @Test func setValuesAreReadAsWrittenAndTheRestIsKept() throws {
        var edit = try CaseFileEdit(yaml: Self.yaml)
        #expect(edit.value(at: "parents[0].phone") == ["07700 900 123", "01392 000 999"])
        #expect(edit.count(at: "parents") == 2)
        edit.set("pupil.forename", .text("yes"))            // text stays text, not a yes/no
        edit.set("pupil.preferred_forename", .text("  "))   // empty: not written
        edit.set("pupil.surname", nil)                      // taken out
        edit.set("pupil.year_group", .plain("9"))
        edit.set("parents[0].phone", .oneOrMore(["07700 900 555", ""]))
        edit.set("parents[2].forename", .text("Mary"))      // one more item
        edit.set("meetings[0].time", .text("15:30"))        // a new section; a time stays text
        let text = try edit.yaml()
        #expect(text.contains("pupil:\n  forename: \"yes\"\n  year_group: 9\n"), "\(text)")
        #expect(!text.contains("surname") && !text.contains("preferred_forename"))
        #expect(text.contains("phone: \"07700 900 555\"\n"))
        #expect(text.contains("time: \"15:30\""))
        #expect(text.contains("Zoë"), "Unicode is kept as it is")
        let again = try CaseFileEdit(yaml: text)
        #expect(again.value(at: "parents[2].forename") == ["Mary"])
        #expect(again.value(at: "supportive_measures[0].evidence") == ["evidence/log.txt"], "a field the change does not name is kept")
        #expect(again.value(at: "reference") == ["CAT/2026/0142"])
    }

    @Test func itemsAreTakenOutAndAnEmptiedSectionGoes() throws {
        var edit = try CaseFileEdit(yaml: Self.yaml)
        edit.removeItems("parents", [0])
        #expect(edit.count(at: "parents") == 1)
        #expect(edit.value(at: "parents[0].id") == ["father"])
        edit.set("pupil.forename", nil)
        edit.set("pupil.surname", nil)
        edit.set("pupil.year_group", nil)
        #expect(edit.value(at: "pupil.forename") == nil)
        #expect(!(try edit.yaml()).contains("pupil:"), "a section with no field left is taken out, for the reader to name as missing")
        #expect(CaseFileEdit.steps("parents[1].address.lines") == [.key("parents"), .index(1), .key("address"), .key("lines")])
        #expect(throws: CaseFileError.self) { try CaseFileEdit(yaml: "- a list\n- not fields\n") }
    }

    /// A hand-written case file keeps its comments, quotes and order where the change does not
    /// reach; a section that changed is written in its place, with the comment above it.
    @Test func commentsAndTheOrderOfWhatIsNotChangedAreKept() throws {
        let written = """
        # The case of a pupil at Riverside (invented).
        # Every field is described in docs/case-file.md.

        reference: CAT/2026/0142   # printed on every letter
        pupil:
          forename: 'Ann'          # her legal name
          year_group: 8
        # The family: the father lives apart.
        parents:
          - id: mother             # parents[0]
            forename: Zoë
          - {id: father, forename: Sean}

        # What the school has offered.
        supportive_measures:
          - what: A daily check-in   # with her form tutor
        meetings:
          - kind: parenting_contract
            date: 2026-10-02
        """ + "\n"
        var edit = try CaseFileEdit(yaml: written)
        // The form sets every field it shows, changed or not: the same values leave their sections as written.
        edit.set("reference", .text("CAT/2026/0142"))
        edit.set("pupil.forename", .text("Ann"))
        edit.set("pupil.year_group", .plain("8"))
        edit.set("parents[0].id", .text("mother"))
        edit.set("parents[1].forename", .text("Sean"))
        edit.set("supportive_measures[0].what", .text("A daily check-in"))
        #expect(try edit.yaml() == written, "nothing changed: the text as it was, byte for byte")
        // One meeting changed, one section new.
        edit.set("meetings[0].place", .text("Riverside Academy"))
        edit.set("gp_consent.practice", .text("Sidwell Street Surgery"))
        let text = try edit.yaml()
        let untouched = String(written[..<written.range(of: "meetings:")!.lowerBound])
        #expect(text.hasPrefix(untouched), "the sections before the change, comments and all: \(text)")
        #expect(text.hasSuffix("""
        meetings:
        - kind: parenting_contract
          date: 2026-10-02
          place: "Riverside Academy"
        gp_consent:
          practice: "Sidwell Street Surgery"

        """), "\(text)")
        // A section taken out goes with the comment lines above it; the others keep theirs.
        edit.removeItems("supportive_measures", [0])
        let fewer = try edit.yaml()
        #expect(!fewer.contains("What the school has offered") && !fewer.contains("daily check-in"))
        #expect(fewer.contains("# The family: the father lives apart.\nparents:\n  - id: mother             # parents[0]\n"))
        #expect(try CaseFileEdit(yaml: fewer).value(at: "meetings[0].place") == ["Riverside Academy"])
    }
}
