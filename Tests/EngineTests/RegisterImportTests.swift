import AttendocCaseModel
import AttendocCasework
import AttendocEngine
import AttendocPolicy
import AttendocRegister
import AttendocValues
import AttendocTesting
import Foundation
import Testing

@Suite("Register import: CSV and Common Transfer File")
struct RegisterImportTests {
    static let county = try! policy("county-attendance-team")
    static let marks: [String: (String, String)] = [
        "2026-09-03": ("O", "\\"), "2026-09-04": ("M", "\\"), "2026-09-07": ("L", "I"),
        "2026-09-08": ("G", "G"), "2026-09-09": ("U", "N"), "2026-09-10": ("Y1", "Y1"),
    ]

    static func csv() -> String {
        registerCSV(calendar: county.calendar, from: date("2026-09-01"), through: date("2026-10-09"), marks: marks)
    }

    @Test func csvAndCTFGiveTheSameFigures() throws {
        // Y1 is a two-character code, which a CTF's one-character-per-session marks cannot hold:
        // compare on single-character codes only.
        var single = Self.marks
        single["2026-09-10"] = ("Q", "Q")
        let csv = registerCSV(calendar: Self.county.calendar, from: date("2026-09-01"), through: date("2026-10-09"), marks: single)
        let fromCSV = try readCSV(csv)
        let fromCTF = try CTFReader.read(Data(ctf(from: csv, start: date("2026-09-01"), through: date("2026-10-09")).utf8),
                                         file: "ctf.xml", codes: codeTable).pupils[0]
        let engine = AttendanceEngine(policy: Self.county)
        let a = engine.figures(for: fromCSV, asOf: date("2026-10-09")), b = engine.figures(for: fromCTF, asOf: date("2026-10-09"))
        // 3 Sep to 9 Oct: 2 + 20 (September from the 7th... 7-11, 14-18, 21-25, 28-30 = 18) + 2 + 5 = 27 days,
        // 54 sessions; 10 Sep Q Q not possible → 52 possible. Absent: O, M, I, G, G, U, N = 7
        // (authorised M, I = 2; unauthorised O, G, G, U, N = 5); L counts as present → 45 attended.
        #expect(a.possibleSessions == 52)
        #expect(a.attendedSessions == 45)
        #expect(a.authorisedAbsenceSessions == 2)
        #expect(a.unauthorisedAbsenceSessions == 5)
        #expect(a.notCountedSessions == 2)
        #expect(b.possibleSessions == a.possibleSessions)
        #expect(b.attendedSessions == a.attendedSessions)
        #expect(b.authorisedAbsenceSessions == a.authorisedAbsenceSessions)
        #expect(b.unauthorisedAbsenceSessions == a.unauthorisedAbsenceSessions)
        #expect(b.unauthorisedInWindow == a.unauthorisedInWindow)
        #expect(fromCTF.dateOfBirth == date("2013-03-04"))
    }

    @Test func twoCharacterCodesReadFromCSV() throws {
        let pupil = try readCSV(Self.csv())
        #expect(pupil.mark(on: date("2026-09-10"), .morning) == "Y1")
        #expect(pupil.mark(on: date("2026-09-07"), .afternoon) == "I")
    }

    @Test func anUnknownMarkInCSVNamesLinePupilDateAndSessionAndImportsNothing() {
        let csv = "upn,date,am,pm\nA123456789012,2026-09-03,/,\\\nA123456789012,2026-09-04,/,H\n"
        let error = #expect(throws: RegisterError.self) { try RegisterCSVReader.read(csv, file: "r.csv", codes: codeTable) }
        #expect(error?.description.contains("r.csv:3") == true)
        #expect(error?.description.contains("pupil A123456789012, 2026-09-04 PM: unknown attendance mark \"H\"") == true)
    }

    @Test(arguments: [
        ("upn,date,morning,afternoon\n", "r.csv:1: the header has no column named am, pm"),
        ("upn,date,am,pm\nA123456789012,2026-09-31,/,\\\n", "r.csv:2:2: column B (date): pupil A123456789012: the date is not a date written YYYY-MM-DD or DD/MM/YYYY"),
        ("upn,date,am,pm\nA123456789012,2026-09-03,/\n", "r.csv:2: has 3 fields but the header has 4 columns"),
        ("upn,date,am,pm\nA123456789012,2026-09-03,/,\\\nA123456789012,2026-09-03,/,\\\n", "r.csv:3: pupil A123456789012: 2026-09-03 already has a row (line 2)"),
    ])
    func malformedCSV(_ csv: String, _ expected: String) {
        let error = #expect(throws: RegisterError.self) { try RegisterCSVReader.read(csv, file: "r.csv", codes: codeTable) }
        #expect(error?.description.contains(expected) == true, "\(error?.description ?? "")")
    }

    static let start = date("2026-09-01")
    static let end = date("2026-09-11")
    static let simple = registerCSV(calendar: county.calendar, from: start, through: end, marks: ["2026-09-04": ("O", "\\")])

    static func ctfError(_ text: String) -> RegisterError? {
        #expect(throws: RegisterError.self) { try CTFReader.read(Data(text.utf8), file: "ctf.xml", codes: codeTable) }
    }

    @Test func ctfWithOddLengthMarksIsRefused() {
        let text = ctf(from: Self.simple, start: Self.start, through: Self.end)
            .replacingOccurrences(of: "</AttendanceMarks>", with: "/</AttendanceMarks>")
        let error = Self.ctfError(text)
        #expect(error?.description.contains("pupil A123456789012: AttendanceMarks has 23 characters") == true, "\(error?.description ?? "")")
    }

    @Test func ctfWithAnUnknownMarkNamesPupilDateAndSession() {
        // Day 4 (4 September) morning is the 7th character.
        var text = ctf(from: Self.simple, start: Self.start, through: Self.end)
        text = text.replacingOccurrences(of: "<AttendanceMarks>####/\\O\\", with: "<AttendanceMarks>####/\\H\\")
        let error = Self.ctfError(text)
        #expect(error?.description.contains("pupil A123456789012, 2026-09-04 AM: unknown attendance mark \"H\"") == true, "\(error?.description ?? "")")
    }

    @Test func ctfWithABadStartDateIsRefused() {
        let text = ctf(from: Self.simple, start: Self.start, through: Self.end)
            .replacingOccurrences(of: "<AttendanceStartDate>2026-09-01", with: "<AttendanceStartDate>2026-13-01")
        let error = Self.ctfError(text)
        #expect(error?.description.contains("AttendanceStartDate is missing or not a date") == true)
        #expect(error?.line == (text.components(separatedBy: "\n").firstIndex { $0.contains("<AttendSessions>") } ?? -1) + 1)
    }

    @Test func ctfWithADoctypeIsRefused() {
        let text = ctf(from: Self.simple, start: Self.start, through: Self.end,
                       doctype: "<!DOCTYPE CTfile [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n")
        let error = Self.ctfError(text)
        #expect(error?.description.contains("DOCTYPE") == true)
    }

    @Test func ctfWhoseTotalsDisagreeWithItsMarksIsRefused() {
        // 3, 4, 7-11 September = 7 days, 14 sessions, one O: possible 14, attended 13, unauthorised 1.
        let text = ctf(from: Self.simple, start: Self.start, through: Self.end, totals: (14, 12, 0, 1))
        let error = Self.ctfError(text)
        #expect(error?.description.contains("the file's SessionsAttended is 12 but its AttendanceMarks (from 2026-09-01) give 13") == true,
                "\(error?.description ?? "")")
        let agreeing = ctf(from: Self.simple, start: Self.start, through: Self.end, totals: (14, 13, 0, 1))
        #expect(throws: Never.self) { try CTFReader.read(Data(agreeing.utf8), file: "ctf.xml", codes: codeTable) }
    }

    @Test func ctfContactsBecomeParentsAndCarers() throws {
        let contacts = """
        <Contacts><Contact><Order>1</Order><Title>Ms</Title><Surname>D'Souza &amp; Co</Surname><Forename>Zoë</Forename>
        <Relationship>PAM</Relationship><Responsibility>true</Responsibility><AddressAsPupil>true</AddressAsPupil>
        <Phones><Phone><TelephoneType>M</TelephoneType><PhoneNo>07700 900123</PhoneNo></Phone></Phones><Email>z@example.org</Email></Contact>
        <Contact><Order>2</Order><Title>Mr</Title><Surname>Ó Briain</Surname><Forename>Tomás</Forename><Relationship>PAF</Relationship>
        <Responsibility>true</Responsibility><Address><BS7666Address><SAON>Flat 3</SAON><PAON>27</PAON><Street>Sidwell Street</Street>
        <Town>Exeter</Town></BS7666Address><PostCode>EX4 6NN</PostCode></Address></Contact></Contacts>
        """
        let text = ctf(from: Self.simple, start: Self.start, through: Self.end, contacts: contacts)
        let pupil = try CTFReader.read(Data(text.utf8), file: "ctf.xml", codes: codeTable).pupils[0]
        #expect(pupil.contacts.count == 2)
        #expect(pupil.contacts[0].surname == "D'Souza & Co")
        #expect(pupil.contacts[0].address == nil, "lives at the pupil's address")
        #expect(pupil.contacts[0].phones == ["07700 900123"])
        #expect(pupil.contacts[1].address?.lines == ["Flat 3 27 Sidwell Street", "Exeter"])
        #expect(pupil.contacts[1].address?.postcode == "EX4 6NN")
        #expect(pupil.contacts[1].hasParentalResponsibility)

        // As a case file's parents section, which the case file reader accepts and reads back exactly.
        let yaml = ContactsAsParents.yaml(for: pupil)
        let caseText = try String(contentsOf: fixture("separated-parents.yaml"), encoding: .utf8)
        let parentsStart = caseText.range(of: "parents:\n")!.lowerBound, officerStart = caseText.range(of: "officer:\n")!.lowerBound
        let merged = String(caseText[..<parentsStart]) + yaml.split(separator: "\n").filter { !$0.hasPrefix("#") }.joined(separator: "\n") + "\n" + String(caseText[officerStart...])
        let parents = try CaseFileReader.read(merged, file: "merged.yaml").parentsAndCarers
        #expect(parents.map(\.fullName) == ["Ms Zoë D'Souza & Co", "Mr Tomás Ó Briain"])
        #expect(parents[0].livesWithPupil && !parents[1].livesWithPupil)
        #expect(parents[1].ownAddress?.postcode == "EX4 6NN")
    }
}
