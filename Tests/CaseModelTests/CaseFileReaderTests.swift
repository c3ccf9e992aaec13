import AttendocCaseModel
import AttendocCasework
import AttendocTesting
import AttendocValues
import AttendocYAML
import Foundation
import Testing

@Suite("Reading case files")
struct CaseFileReaderTests {
    static let valid = (try? String(contentsOf: fixture("separated-parents.yaml"), encoding: .utf8)) ?? ""

    /// The fixture with `old` replaced by `new`, which must occur exactly once.
    static func edited(_ old: String, _ new: String) -> String {
        if valid.components(separatedBy: old).count != 2 {
            Issue.record("the fixture edit must match exactly once: \(old)")
        }
        return valid.replacingOccurrences(of: old, with: new)
    }

    static func line(of text: String, in yaml: String) -> Int {
        (yaml.components(separatedBy: "\n").firstIndex { $0.contains(text) } ?? -1) + 1
    }

    @Test func readsTheBundledExample() throws {
        let attendanceCase = try CaseFileReader.read(contentsOf: repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml"))
        #expect(attendanceCase.reference == "CAT/2026/0142")
        #expect(attendanceCase.parentsAndCarers.count == 3)
        // The interview deadline is the policy's pace_interview (5 weeks) from the referral
        // (13 November): Friday 18 December, the last day of the autumn term.
        let loaded = try LoadedCase.load(repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml"), resources: resources)
        #expect(try loaded.interviewDeadline(for: "this test").date.iso == "2026-12-18")
    }

    @Test func readsNamesExactly() throws {
        let attendanceCase = try CaseFileReader.read(Self.valid, file: "case.yaml")
        #expect(attendanceCase.pupil.fullName == "Siobhán O'Brien-Ní Dhuibhir")
        #expect(attendanceCase.parentsAndCarers[0].fullName == #"Ms Zoë D'Souza & <Partner> "Ltd""#)
        #expect(attendanceCase.school.headTeacher == #"Mr Owen "Tad" Price"#)
        #expect(attendanceCase.parentsAndCarers[1].ownAddress?.postcode == "EX4 6NN")
        #expect(attendanceCase.parentsAndCarers[2].hasParentalResponsibility == false)
    }

    @Test func missingRequiredFieldNamesFileLineAndField() {
        let yaml = Self.edited("  date_of_birth: 2015-02-28\n", "")
        let error = #expect(throws: CaseFileError.self) { try CaseFileReader.read(yaml, file: "case.yaml") }
        #expect(error?.file == "case.yaml")
        #expect(error?.field == "pupil.date_of_birth")
        #expect(error?.line == Self.line(of: "forename: Siobhán", in: yaml))
        #expect(error?.description.contains("required") == true)
    }

    @Test func unknownKeyIsReportedWhereItIs() {
        let yaml = Self.edited("  year_group: 6\n", "  year_group: 6\n  favourite_colour: blue\n")
        let error = #expect(throws: CaseFileError.self) { try CaseFileReader.read(yaml, file: "case.yaml") }
        #expect(error?.field == "pupil.favourite_colour")
        #expect(error?.line == Self.line(of: "favourite_colour", in: yaml))
        #expect(error?.message.contains("not a known field") == true)
    }

    @Test(arguments: ["2015-02-30", "28/02/2015", "2015-2-28", "soon"])
    func badDateIsReportedWithTheExpectedForm(_ bad: String) {
        let yaml = Self.edited("date_of_birth: 2015-02-28", "date_of_birth: \(bad)")
        let error = #expect(throws: CaseFileError.self) { try CaseFileReader.read(yaml, file: "case.yaml") }
        #expect(error?.field == "pupil.date_of_birth")
        #expect(error?.line == Self.line(of: "date_of_birth", in: yaml))
        #expect(error?.message.contains("YYYY-MM-DD") == true)
    }

    @Test func wrongTypeIsReported() {
        let yaml = Self.edited("    parental_responsibility: yes\n    lives_with_pupil: no", "    parental_responsibility: perhaps\n    lives_with_pupil: no")
        let error = #expect(throws: CaseFileError.self) { try CaseFileReader.read(yaml, file: "case.yaml") }
        #expect(error?.field == "parents[1].parental_responsibility")
        #expect(error?.line == Self.line(of: "parental_responsibility: perhaps", in: yaml))
    }

    @Test func listWhereAMappingBelongsIsReported() {
        let yaml = Self.edited("  year_group: 6", "  year_group: [6]")
        let error = #expect(throws: CaseFileError.self) { try CaseFileReader.read(yaml, file: "case.yaml") }
        #expect(error?.field == "pupil.year_group")
        #expect(error?.message.contains("whole number") == true)
    }

    @Test func figuresThatDoNotAddUpAreRefused() {
        let yaml = Self.edited("  attended: 66", "  attended: 67")
        let error = #expect(throws: CaseFileError.self) { try CaseFileReader.read(yaml, file: "case.yaml") }
        #expect(error?.field == "attendance.possible_sessions")
        #expect(error?.message.contains("add up") == true)
    }

    @Test func separatedParentNeedsTheirOwnAddress() {
        let yaml = Self.edited("""
            lives_with_pupil: no
            address_confidential: yes
            address:
              lines: [Flat 3, 27 Sidwell Street, Exeter]
              postcode: EX4 6NN

        """, "    lives_with_pupil: no\n")
        let error = #expect(throws: CaseFileError.self) { try CaseFileReader.read(yaml, file: "case.yaml") }
        #expect(error?.field == "parents[1].address")
    }

    @Test func brokenYAMLNamesTheLine() {
        let yaml = Self.edited("  year_group: 6", "  year_group: [6")
        let error = #expect(throws: CaseFileError.self) { try CaseFileReader.read(yaml, file: "case.yaml") }
        #expect(error?.line != nil)
        #expect(error?.description.hasPrefix("case.yaml:") == true)
    }
}

@Suite("Dates and percentages")
struct FiguresTests {
    @Test func datesAddAcrossMonthAndYearEnds() {
        let accepted = CalendarDate(iso: "2026-11-16")!
        // 16 November + 35 days = 21 December (14 left in November, then 21).
        #expect(accepted.adding(days: 35).iso == "2026-12-21")
        #expect(CalendarDate(iso: "2026-12-30")!.adding(days: 3).iso == "2027-01-02")
        // 2028 is a leap year: 28 February + 1 day = 29 February.
        #expect(CalendarDate(iso: "2028-02-28")!.adding(days: 1).iso == "2028-02-29")
        #expect(CalendarDate(iso: "2027-02-29") == nil)
    }

    @Test func weekdaysAndLongForms() {
        #expect(CalendarDate(iso: "2026-12-21")!.longFormWithWeekday == "Monday 21 December 2026")
        #expect(CalendarDate(iso: "2026-11-23")!.longForm == "23 November 2026")
        #expect(CalendarDate(iso: "2000-01-01")!.longFormWithWeekday == "Saturday 1 January 2000")
    }

    @Test(arguments: [
        // part, whole, shown: worked by hand.
        (66, 94, "70.2%"),   // 70.212...
        (22, 94, "23.4%"),   // 23.404...
        (6, 94, "6.4%"),     // 6.382...
        (1, 8, "12.5%"),     // exact
        (1, 16, "6.3%"),     // 6.25 rounds half up
        (2, 3, "66.7%"),     // 66.666...
        (93, 100, "93.0%"),
        (0, 10, "0.0%"),
        (10, 10, "100.0%"),
    ])
    func percentagesRoundOnceHalfUp(_ part: Int, _ whole: Int, _ shown: String) {
        #expect(Percentage(part, of: whole).display == shown)
    }
}
