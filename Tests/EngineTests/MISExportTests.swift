import AttendocEngine
import AttendocPolicy
import AttendocRegister
import AttendocTesting
import AttendocValues
import Foundation
import Testing

/// A register CSV as an MIS or a spreadsheet writes it: columns by name in any order and case,
/// extra columns, CRLF, a byte-order mark, quoted fields, UK dates, codes split from sub-codes.
@Suite("Register import: CSV as an MIS writes it")
struct MISExportTests {
    static let county = try! policy("county-attendance-team")
    static let start = date("2026-09-01"), end = date("2026-10-09")
    static let marks: [String: (String, String)] = [
        "2026-09-03": ("O", "\\"), "2026-09-04": ("M", "\\"), "2026-09-07": ("L", "I"),
        "2026-09-08": ("G", "G"), "2026-09-09": ("U", "N"), "2026-09-10": ("Q", "Q"),
    ]
    /// The plain register Attendoc's own tests write (`upn,date,am,pm`, LF).
    static let plain = registerCSV(calendar: county.calendar, from: start, through: end, marks: marks)

    /// The same rows as an MIS export: the given header order, CRLF, a BOM, surnames with commas,
    /// quotes and a line break in quoted fields, dates written DD/MM/YYYY, columns Attendoc ignores.
    static func misExport(_ csv: String = plain) -> [UInt8] {
        var lines = ["Reg Group,UPN,Surname,Forename,Year,Date,AM,PM,Comment"]
        for line in csv.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let iso = f[1].split(separator: "-")
            lines.append("7W,\(f[0]),\"O'Brien, Jr\",\"Jo \"\"JJ\"\"\",7,\(iso[2])/\(iso[1])/\(iso[0]),\(f[2]),\(f[3]),\"seen by\r\nreception\"")
        }
        return [0xEF, 0xBB, 0xBF] + Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    static func read(_ bytes: [UInt8]) throws(RegisterError) -> Register {
        try RegisterCSVReader.read(bytes: bytes, file: "export.csv", codes: codeTable)
    }

    static func error(_ bytes: [UInt8]) -> RegisterError? {
        #expect(throws: RegisterError.self) { try Self.read(bytes) }
    }

    @Test func anMISExportGivesTheSameFiguresAsTheCTF() throws {
        let fromExport = try Self.read(Self.misExport()).pupils
        #expect(fromExport.count == 1)
        let ctf = try CTFReader.read(Data(ctf(from: Self.plain, start: Self.start, through: Self.end).utf8), file: "ctf.xml", codes: codeTable).pupils[0]
        let engine = AttendanceEngine(policy: Self.county)
        let a = engine.figures(for: fromExport[0], asOf: Self.end), b = engine.figures(for: ctf, asOf: Self.end)
        // Hand-worked in RegisterImportTests.csvAndCTFGiveTheSameFigures: 52 possible, 45 attended,
        // 2 authorised, 5 unauthorised, 2 not counted.
        #expect(a.possibleSessions == 52)
        #expect(a.attendedSessions == 45)
        #expect(a.authorisedAbsenceSessions == 2)
        #expect(a.unauthorisedAbsenceSessions == 5)
        #expect(a.notCountedSessions == 2)
        #expect((a.possibleSessions, a.attendedSessions, a.authorisedAbsenceSessions, a.unauthorisedAbsenceSessions, a.unauthorisedInWindow)
                == (b.possibleSessions, b.attendedSessions, b.authorisedAbsenceSessions, b.unauthorisedAbsenceSessions, b.unauthorisedInWindow))
        #expect(fromExport[0].days == ctf.days)
        // The quoted fields read as written: the comma and the doubled quote are the name's own.
        #expect(fromExport[0].surname == "O'Brien, Jr")
        #expect(fromExport[0].forename == "Jo \"JJ\"")
    }

    @Test func aHeaderInAnyOrderAndCaseWithLFOnlyReads() throws {
        let csv = "Date,pm,Am,upn\n2026-09-03,N,/,A123456789012\n3/9/2026,,,B123456789012\n"
        let register = try Self.read(Array(csv.utf8))
        #expect(register.pupils.map(\.upn) == ["A123456789012", "B123456789012"])
        #expect(register.pupils[0].mark(on: date("2026-09-03"), .morning) == "/")
        #expect(register.pupils[0].mark(on: date("2026-09-03"), .afternoon) == "N")
    }

    @Test func oldLineEndingsOfCarriageReturnsAloneCountLines() {
        let csv = "upn,date,am,pm\rA123456789012,2026-09-03,/,\\\rA123456789012,2026-09-04,H,\\\r"
        #expect(Self.error(Array(csv.utf8))?.line == 3)
    }

    @Test(arguments: [
        ("Y", "1", "Y1"), ("Y", "7", "Y7"), ("C", "1", "C1"), ("C", "2", "C2"), ("J", "1", "J1"),
        ("Y", "Y3", "Y3"), ("C", "", "C"), ("/", "", "/"),
    ])
    func aCodeAndItsSubCodeMakeTheTwoCharacterCode(_ code: String, _ subcode: String, _ expected: String) throws {
        let csv = "UPN,Date,AM,AM Sub-code,PM,pm_subcode\r\nA123456789012,2026-09-03,\(code),\(subcode),\(code),\(subcode)\r\n"
        let pupil = try Self.read(Array(csv.utf8)).pupils[0]
        #expect(pupil.mark(on: date("2026-09-03"), .morning) == expected)
        #expect(pupil.mark(on: date("2026-09-03"), .afternoon) == expected)
    }

    @Test func theTwoCharacterCodesCountAsThe2024RegulationsSay() throws {
        // C1, C2 and J1 are authorised absence; Y1 to Y7 are not possible sessions.
        var marks: [String: (String, String)] = ["2026-09-03": ("C1", "C2"), "2026-09-04": ("J1", "Y1")]
        for (offset, day) in ["2026-09-07", "2026-09-08", "2026-09-09"].enumerated() {
            marks[day] = ("Y\(offset * 2 + 2)", "Y\(offset * 2 + 3)")
        }
        let csv = registerCSV(calendar: Self.county.calendar, from: Self.start, through: date("2026-09-11"), marks: marks)
        let figures = AttendanceEngine(policy: Self.county).figures(for: try Self.read(Self.misExport(csv)).pupils[0], asOf: date("2026-09-11"))
        // 3 Sep to 11 Sep: 7 school days, 14 sessions; Y1 to Y7 are 7 sessions not counted.
        #expect(figures.possibleSessions == 7)
        #expect(figures.authorisedAbsenceSessions == 3)
        #expect(figures.attendedSessions == 4)
        #expect(figures.notCountedSessions == 7)
    }

    @Test func anUnknownMarkNamesFileLineColumnPupilDateAndSessionButNoName() {
        // The last row's morning mark becomes the withdrawn H.
        let text = String(decoding: Self.misExport(), as: UTF8.self)
        let export = Array(text.replacingOccurrences(of: "09/10/2026,/,", with: "09/10/2026,H,").utf8)
        let rows = Self.plain.split(separator: "\n").count - 1
        let error = Self.error(export)
        // The header is line 1 and every row's comment takes two lines.
        let line = 1 + (rows - 1) * 2 + 1
        #expect(error?.line == line)
        #expect(error?.column == 7)
        #expect(error?.description.hasPrefix("export.csv:\(line):7: column G (am): pupil A123456789012, 2026-10-09 AM: unknown attendance mark \"H\"") == true,
                "\(error?.description ?? "")")
        Self.expectNoPersonalText(error)
    }

    @Test func anUnknownCodeAndSubCodeNamesBoth() {
        let csv = "upn,date,am,am subcode,pm\nA123456789012,2026-09-03,Y,9,/\n"
        let error = Self.error(Array(csv.utf8))
        #expect(error?.description.contains("export.csv:2:4: column D (am sub-code): pupil A123456789012, 2026-09-03 AM: unknown attendance mark \"Y9\" (the code \"Y\" with the sub-code \"9\")") == true,
                "\(error?.description ?? "")")
    }

    @Test func aFileWithNoHeaderNamesTheMissingColumnsAndPrintsNoneOfItsFirstLine() {
        let csv = "A123456789012,Secretname,Hiddenforename,2026-09-03,/,\\\n"
        let error = Self.error(Array(csv.utf8))
        #expect(error?.line == 1)
        #expect(error?.description.contains("the header has no column named upn, date, am, pm") == true)
        Self.expectNoPersonalText(error, names: ["Secretname", "Hiddenforename", "A123456789012"])
    }

    @Test func aQuoteNeverClosedNamesTheLineItOpensOnAndPrintsNothingOfIt() {
        let csv = "UPN,Surname,Date,AM,PM\nA123456789012,Pupil,2026-09-03,/,\\\nA123456789012,\"Secretname,2026-09-04,/,\\\nA123456789012,Pupil,2026-09-07,/,\\\n"
        let error = Self.error(Array(csv.utf8))
        #expect(error?.line == 3)
        #expect(error?.column == 2)
        #expect(error?.description.contains("never closed") == true)
        Self.expectNoPersonalText(error, names: ["Secretname"])
    }

    @Test func aStrayQuoteInsideAnUnquotedFieldIsRefused() {
        let csv = "UPN,Surname,Date,AM,PM\nA123456789012,Jo \"Secretname\",2026-09-03,/,\\\n"
        let error = Self.error(Array(csv.utf8))
        #expect(error?.line == 2)
        #expect(error?.column == 2)
        Self.expectNoPersonalText(error, names: ["Secretname"])
    }

    @Test func aRowWithAnUnquotedCommaHasTooManyFields() {
        let csv = "UPN,Surname,Date,AM,PM\nA123456789012,O'Brien, Secretname,2026-09-03,/,\\\n"
        let error = Self.error(Array(csv.utf8))
        #expect(error?.description.contains("export.csv:2: has 6 fields but the header has 5 columns") == true)
        Self.expectNoPersonalText(error, names: ["Secretname", "O'Brien"])
    }

    @Test func aColumnNamedTwiceIsRefused() {
        let csv = "UPN,Date,AM,PM,am\nA123456789012,2026-09-03,/,\\,/\n"
        #expect(Self.error(Array(csv.utf8))?.description.contains("names the column am twice (columns C and E)") == true)
    }

    @Test func textThatIsNotUTF8IsRefusedInAColumnReadAndIgnoredInAnother() throws {
        // "Zoë" as Windows-1252 writes it.
        let header = Array("UPN,Comment,Date,AM,PM\n".utf8)
        let ignored = header + Array("A123456789012,Zo".utf8) + [0xEB] + Array(",2026-09-03,/,\\\n".utf8)
        #expect(try Self.read(ignored).pupils[0].mark(on: date("2026-09-03"), .morning) == "/")
        let read = header + Array("A123456789012,Pupil,2026-09-03,".utf8) + [0xEB] + Array(",\\\n".utf8)
        let error = Self.error(read)
        #expect(error?.description.contains("export.csv:2:4: column D (am): is not UTF-8 text") == true, "\(error?.description ?? "")")
    }

    @Test func blankRowsAndTrailingLinesOfCommasAreSkipped() throws {
        let csv = "\r\nUPN,Date,AM,PM\r\nA123456789012,2026-09-03,/,\\\r\n\r\n,,,\r\n,,,\r\n"
        #expect(try Self.read(Array(csv.utf8)).pupils[0].days.count == 1)
    }

    @Test func aUKDateIsDayFirstAndATwoDigitYearIsRefused() throws {
        let pupil = try Self.read(Array("upn,date,am,pm\nA123456789012,04/09/2026,/,\\\n".utf8)).pupils[0]
        #expect(pupil.mark(on: date("2026-09-04"), .morning) == "/")
        let error = Self.error(Array("upn,date,am,pm\nA123456789012,04/09/26,/,\\\n".utf8))
        #expect(error?.description.contains("export.csv:2:2: column B (date): pupil A123456789012: the date is not a date written YYYY-MM-DD or DD/MM/YYYY") == true)
    }

    @Test func aFileReadFromDiskTakesTheSameBytes() throws {
        let folder = try temporaryFolder("mis-export")
        let url = folder.appendingPathComponent("export.csv")
        try Data(Self.misExport()).write(to: url)
        let register = try RegisterImport.read(url, codes: codeTable)
        #expect(register.pupils[0].days == (try Self.read(Self.misExport()).pupils[0].days))
    }

    static func expectNoPersonalText(_ error: RegisterError?, names: [String] = ["O'Brien", "Jo ", "reception"],
                                     sourceLocation: SourceLocation = #_sourceLocation) {
        guard let error else { return }
        let shown = error.description + String(describing: error.attendocError)
        for name in names {
            #expect(!shown.contains(name), "the message shows \(name)", sourceLocation: sourceLocation)
        }
    }

    @Test func aCTFWithOneBadPupilSkipsThatPupilAndReadsTheOthers() throws {
        let second = registerCSV(upn: "B123456789012", calendar: Self.county.calendar, from: Self.start, through: Self.end, marks: Self.marks)
        var file = ctf(from: Self.plain + second.split(separator: "\n").dropFirst().joined(separator: "\n") + "\n", start: Self.start, through: Self.end)
        // The second pupil's marks hold a withdrawn code (H): that pupil alone cannot be read.
        let marksStart = file.range(of: "<UPN>B123456789012</UPN>")!.upperBound
        let marks = file.range(of: "<AttendanceMarks>", range: marksStart..<file.endIndex)!.upperBound
        file.replaceSubrange(marks..<file.index(after: marks), with: "H")
        let folder = try temporaryFolder("ctf-bad-pupil")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("school.xml")
        try Data(file.utf8).write(to: url)
        let (register, refused) = try RegisterImport.readKeepingGoodPupils(url, codes: codeTable)
        #expect(register.pupils.map(\.upn) == ["A123456789012"], "the good pupil is read")
        #expect(Array(refused.keys) == ["B123456789012"])
        let reason = "\(refused["B123456789012"]!)"
        #expect(reason.contains("school.xml") && reason.contains("B123456789012"), "\(reason)")
        #expect(!reason.contains("Test"), "no name in the reason")
        // Read all or nothing (attendoc register import), the same file still fails as a whole.
        #expect(throws: AttendocError.self) { try RegisterImport.read(url, codes: codeTable) }
    }
}
