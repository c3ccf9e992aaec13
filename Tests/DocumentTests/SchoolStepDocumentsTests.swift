import AttendocCaseModel
import AttendocCasework
import AttendocDocuments
import AttendocRendering
import AttendocTesting
import Foundation
import Testing

/// The documents of the school's steps before a referral (issue 17): what the reader reads, figure
/// by figure, from the bundled examples, and the refusals when the case does not call for them.
///
/// Hand-worked figures: examples/school-tier2-case.yaml's register (Brookfield Primary, autumn 2026).
@Suite("Documents of the school's steps")
struct SchoolStepDocumentsTests {
    static let schoolCase = repositoryRoot.appendingPathComponent("examples/school-tier2-case.yaml")
    static let hillside = repositoryRoot.appendingPathComponent("examples/hillside-send-and-social-worker.yaml")
    static let riverside = repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml")

    static func load(_ url: URL) throws -> LoadedCase {
        try LoadedCase.load(url, resources: resources)
    }

    /// The plain text of each copy, without the lines that underline its headings, whitespace
    /// flattened, by file stem.
    static func texts(_ kind: DocumentKind, _ loaded: LoadedCase, dated iso: String,
                      options: LetterOptions = LetterOptions()) throws -> [String: String] {
        let run = try LetterRun(resources: resources)
        let letters = try run.letters(kind, for: loaded, dated: date(iso), options: options)
        let folder = try temporaryFolder("step-documents")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try DocumentWriter(resources: resources, formats: [.txt]).write(letters.map(\.document), formats: [.txt], to: folder, fop: nil)
        var texts: [String: String] = [:]
        for file in written {
            let text = try String(contentsOf: file, encoding: .utf8)
            var kept: [String] = []
            for line in text.components(separatedBy: "\n") where !Self.isUnderline(line) { kept.append(line) }
            texts[file.deletingPathExtension().lastPathComponent] = flattened(kept.joined(separator: "\n"))
        }
        return texts
    }

    /// A line of `-` or `=` under a heading in the text format.
    static func isUnderline(_ line: String) -> Bool {
        line.count >= 3 && line.allSatisfy { $0 == "-" || $0 == "=" }
    }

    static func error(_ kind: DocumentKind, _ loaded: LoadedCase, dated iso: String,
                      options: LetterOptions = LetterOptions()) throws -> String {
        let run = try LetterRun(resources: resources)
        do {
            _ = try run.letters(kind, for: loaded, dated: date(iso), options: options)
        } catch {
            return error.description
        }
        Issue.record("expected \(kind.rawValue) dated \(iso) to be refused")
        return ""
    }

    // MARK: - APDR record with the pupil's voice

    @Test func apdrRecordHasItsFourPartsTheFiguresOnItsDateAndThePupilsOwnWords() throws {
        let texts = try Self.texts(.apdrRecord, try Self.load(Self.schoolCase), dated: "2026-10-02")
        #expect(texts.keys.sorted() == ["agnieszka-kowalczyk", "tomasz-kowalczyk"])
        let text = try #require(texts["agnieszka-kowalczyk"])
        for expected in [
            "Attendance: Assess, Plan, Do, Review",
            "Completed: Friday 2 October 2026, by Mrs Helen Osei, attendance lead",
            // 3 September to 2 October: 22 school days, 44 sessions; 11 September ill (2 authorised),
            // 14 September am, 21 September both, 2 October am unauthorised (4): 38 attended, 86.4%.
            "Attendance: 86.4% (38 of 44 sessions, 3 September 2026 to 2 October 2026), tier 2",
            "Possible sessions 44 100.0%", "Attended 38 86.4%", "Absent without authorisation 4 9.1%",
            "Review date: Thursday 5 November 2026",
            "Assess: what we know - Maisie has missed sessions on two Mondays and two Fridays since 3 September.",
            "Plan: what we will do - A parenting contract meeting with both parents on 8 October",
            "Do: what has been done - Both parents invited",
            "The plan has not been reviewed yet. It will be reviewed on Thursday 5 November 2026.",
        ] {
            #expect(text.contains(expected), "APDR: \(expected)")
        }
        // The pupil's words, as she gave them, in a part of their own, after its heading and only there.
        let voice = try #require(text.range(of: "In Maisie’s own words"))
        let after = String(text[voice.upperBound...])
        #expect(after.hasPrefix(" Maisie spoke with Mr Rhys Evans, class teacher, on 1 October 2026 (a talk at lunchtime, with a drawing of her week)."))
        #expect(after.contains("“I like school when I'm not tired. Mondays are the worst because we drive back late.”"))
        #expect(after.contains("“I don't want to sit on my own at break.”"))
        #expect(!String(text[..<voice.lowerBound]).contains("Mondays are the worst"))
    }

    @Test func apdrRecordIsRefusedAboveThePolicysThreshold() throws {
        // To 10 September every session was attended: 100%, not below attendance-tiers' 93%.
        var loaded = try Self.load(Self.schoolCase)
        loaded.attendanceCase.apdr[0].date = date("2026-09-10")
        loaded.attendanceCase.apdr[0].pupilVoice?.gatheredOn = date("2026-09-09")
        let message = try Self.error(.apdrRecord, loaded, dated: "2026-09-10")
        #expect(message.contains("apdr[0] of 10 September 2026: attendance from 3 September 2026 to 10 September 2026 is 100.0% (12 of 12 sessions), not below the 93% at which the policy attendance-tiers calls for"), "\(message)")
        #expect(message.contains("(steps[0], apdr)"), "\(message)")
        #expect(!message.contains("Maisie"))
    }

    @Test func apdrRecordWithoutThePupilsVoiceSaysItIsStillToBeHeard() throws {
        var loaded = try Self.load(Self.schoolCase)
        loaded.attendanceCase.apdr[0].pupilVoice = nil
        let text = try #require(try Self.texts(.apdrRecord, loaded, dated: "2026-10-02")["tomasz-kowalczyk"])
        #expect(text.contains("In Maisie’s own words Maisie’s views have not been recorded yet."))
        #expect(!text.contains("Mondays are the worst"))
        // Before the record there is none to make.
        let message = try Self.error(.apdrRecord, try Self.load(Self.schoolCase), dated: "2026-10-01")
        #expect(message.contains("no APDR record on or before 1 October 2026"), "\(message)")
    }
}
