import AttendocCaseModel
import AttendocCasework
import AttendocDocuments
import AttendocRendering
import AttendocTesting
import AttendocValues
import AttendocYAML
import Foundation
import Testing

/// A case whose figures come from its register, through the engine, into letters and `attendoc stats`.
@Suite("Case figures from the register")
struct CaseFiguresTests {
    static let county = try! policy("county-attendance-team")

    /// The separated-parents fixture with its stated figures replaced by a policy and an inline
    /// register: the hand-worked autumn term of AttendanceEngineTests (92 possible sessions to
    /// 13 November, 10 unauthorised).
    static func caseText(register: String) throws -> String {
        var text = try String(contentsOf: fixture("separated-parents.yaml"), encoding: .utf8)
        let start = text.range(of: "attendance:\n")!.lowerBound
        text = String(text[..<start])
        text = text.replacingOccurrences(of: "  year_group: 6\n", with: "  year_group: 6\n  upn: Y878401219052\n")
        let indented = register.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
        return text + "policy: county-attendance-team\nregister:\n  csv: |\n" + indented + "\n"
    }

    static func autumnRegister(through: String = "2026-11-13") -> String {
        registerCSV(upn: "Y878401219052", calendar: county.calendar, from: date("2026-09-01"), through: date(through),
                    marks: AttendanceEngineTests.unauthorisedDays)
    }

    static func write(_ text: String) throws -> URL {
        let url = try temporaryFolder("case").appendingPathComponent("case.yaml")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func lettersQuoteTheEnginesFigures() throws {
        let loaded = try LoadedCase.load(try Self.write(try Self.caseText(register: Self.autumnRegister())), resources: resources)
        let forLetters = try loaded.forLettersDated(date("2026-11-23"))
        // To 13 November (the register's last day): 92 possible, 82 attended, 10 unauthorised (hand-worked).
        let attendance = try #require(forLetters.quotedAttendance)
        #expect(attendance.from == date("2026-09-03"))
        #expect(attendance.to == date("2026-11-13"))
        #expect(attendance.possibleSessions == 92)
        #expect(attendance.attendedSessions == 82)
        #expect(attendance.unauthorisedAbsenceSessions == 10)
        let run = try LetterRun(resources: resources)
        let letters = try run.letters(.firstWarningLetter, for: forLetters, dated: date("2026-11-23"))
        let folder = try temporaryFolder("engine-letters")
        _ = try DocumentWriter(resources: resources, formats: [.txt]).write(letters.map(\.document), formats: [.txt], to: folder, fop: nil)
        let text = flattened(try String(contentsOf: folder.appendingPathComponent("CAT-2026-0099/first-warning-letter/tomas-o-briain.txt"), encoding: .utf8))
        #expect(text.contains("between 3 September 2026 and 13 November 2026"))
        #expect(text.contains("Possible sessions 92 100.0%"))
        #expect(text.contains("Attended 82 89.1%"))
        #expect(text.contains("Absent without authorisation 10 10.9%"))
    }

    @Test func statsJSONHasTheDocumentedFields() throws {
        let loaded = try LoadedCase.load(try Self.write(try Self.caseText(register: Self.autumnRegister(through: "2026-11-20"))), resources: resources)
        let json = try loaded.statsReport(asOf: date("2026-11-13")).json
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["as_of"] as? String == "2026-11-13")
        #expect(object["policy"] as? String == "county-attendance-team")
        let pupil = try #require((object["pupils"] as? [[String: Any]])?.first)
        #expect(pupil["upn"] as? String == "Y878401219052")
        #expect(pupil["possible_sessions"] as? Int == 92)
        #expect(pupil["unauthorised_absence_sessions"] as? Int == 10)
        #expect((pupil["attendance"] as? [String: Any])?["percent"] as? Double == 89.1)
        #expect(pupil["persistent_absence"] as? Bool == true)
        #expect(pupil["meets_referral_unauthorised_share"] as? Bool == true)
        #expect(pupil["unauthorised_sessions_in_window"] as? Int == 10)
        #expect(pupil["window_starts"] as? String == "2026-08-31")
        #expect(pupil["unauthorised_threshold_first_met_on"] as? String == "2026-11-04")
        #expect(pupil["tier"] is NSNull, "the county policy has no tiers")
    }

    @Test func anUnknownMarkInTheCasesRegisterStopsEverything() throws {
        let register = Self.autumnRegister().replacingOccurrences(of: "Y878401219052,2026-10-14,/,\\", with: "Y878401219052,2026-10-14,/,H")
        #expect(register.contains(",H\n"))
        let url = try Self.write(try Self.caseText(register: register))
        let error = #expect(throws: AttendocError.self) { try LoadedCase.load(url, resources: resources) }
        #expect(error?.description.contains("pupil Y878401219052, 2026-10-14 PM: unknown attendance mark \"H\"") == true, "\(error?.description ?? "")")
        #expect(error?.description.contains(url.path) == true)
    }

    @Test func aPupilMissingFromTheRegisterIsAnError() throws {
        let register = Self.autumnRegister().replacingOccurrences(of: "Y878401219052", with: "B801200005001")
        let error = #expect(throws: AttendocError.self) { try LoadedCase.load(try Self.write(try Self.caseText(register: register)), resources: resources) }
        #expect(error?.description.contains("pupil.upn: the pupil is not in the register") == true)
    }

    @Test func aRegisterFileThatDoesNotExistIsNamedByItsField() throws {
        var text = try Self.caseText(register: "upn,date,am,pm")
        text = String(text[..<text.range(of: "register:\n")!.lowerBound]) + "register:\n  file: registers/missing.csv\n"
        let url = try Self.write(text)
        let error = #expect(throws: CaseFileError.self) { try CaseFileReader.read(contentsOf: url) }
        #expect(error?.field == "register.file")
        #expect(error?.message.hasPrefix("refers to a file that does not exist") == true)
        #expect(error?.description.contains("missing.csv") == false)
    }

    @Test func aRegisterNeedsAPolicy() throws {
        let text = try Self.caseText(register: Self.autumnRegister()).replacingOccurrences(of: "policy: county-attendance-team\n", with: "")
        let error = #expect(throws: CaseFileError.self) { try CaseFileReader.read(text, file: "case.yaml") }
        #expect(error?.field == "policy")
    }

    @Test func theBundledExampleRendersFromItsRegister() throws {
        let loaded = try LoadedCase.load(repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml"), resources: resources)
        let figures = try loaded.figures(asOf: date("2026-11-20"))
        #expect(figures.possibleSessions == figures.attendedSessions + figures.authorisedAbsenceSessions + figures.unauthorisedAbsenceSessions)
        #expect(figures.meetsReferralUnauthorisedShare == true, "the example's referral was accepted, so it meets seed 004's 10%")
    }
}
