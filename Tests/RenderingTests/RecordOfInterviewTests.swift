import AttendocDocuments
import AttendocRendering
import AttendocTesting
import Foundation
import Testing

/// The record of an interview under caution (PACE Code C; CrimPR r8.3), read in every format as
/// a legal adviser and a defence solicitor read it, from the county example's two interviews:
/// 3 December 2026 (absences from 3 September to 2 December put) and 11 January 2027 (from 3
/// December to 8 January, the register's last day), which together cover the charge (23
/// November 2026 to 8 January 2027).
@Suite("Record of interview under caution in every format", .serialized)
struct RecordOfInterviewTests {
    static let riverside = repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml")

    /// What a reader of `url` reads, whitespace flattened (a DOCX by its paragraphs' text). The
    /// plain text sets a table's cells in columns, so a fact looked for is a few words.
    static func readable(_ url: URL) throws -> String {
        switch url.pathExtension {
        case "docx": try readableText(of: url)
        // In reading order (a table cell's lines together), then in the page's layout (each fact's
        // label beside its value: the tagged PDF's reading order gives the labels' column first).
        case "pdf": try RecordTests.readable(url) + " " + flattened(try run("pdftotext", ["-layout", "-enc", "UTF-8", url.path, "-"]).output)
        default: try RecordTests.readable(url)
        }
    }

    @Test(arguments: [
        ("2026-12-03", "meetings[2]", ["Started: 10:05", "Ended: 10:40", "Absences put: 3 September 2026 to 2 December 2026", "Exhibit JM/1",
                                       "I start work at 7:30", "She worries about catching up"],
         ["Started: 10:50", "Absences put: 3 September 2026 to 2 December 2026", "Exhibit JM/2", "my shifts changed", "Yes, at my flat."]),
        ("2027-01-11", "meetings[4]", ["Started: 14:00", "Ended: 14:25", "Absences put: 3 December 2026 to 8 January 2027", "Exhibit JM/3",
                                       "still the problem"],
         ["Started: 14:35", "Absences put: 3 December 2026 to 8 January 2027", "Exhibit JM/4",
          "I could not do the Monday"]),
    ])
    func eachParentsRecordHoldsWhatTheySaidInEveryFormat(_ interview: (date: String, meeting: String, mother: [String], father: [String])) throws {
        let folder = try RecordTests.render(.recordOfInterview, Self.riverside, date: interview.date, formats: OutputFormat.allCases,
                                            meeting: interview.meeting)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent().deletingLastPathComponent()) }
        // One record for each interviewee, and no agency copy.
        #expect(filesUnder(folder) == ["ciaran-obrien", "zoe-dsouza"].flatMap { stem in ["docx", "html", "pdf", "txt"].map { "\(stem).\($0)" } })
        for (stem, own, other) in [("zoe-dsouza", interview.mother, interview.father), ("ciaran-obrien", interview.father, interview.mother)] {
            for format in ["docx", "html", "pdf", "txt"] {
                let file = "\(stem).\(format)"
                let text = try Self.readable(folder.appendingPathComponent(file))
                // The county's letterhead, not the school's: the record is the local authority's.
                #expect(text.contains("Northshire County Council") && text.contains("County Attendance Team") && text.contains("01392 000 123"), "\(file)")
                #expect(!text.contains("01392 000 300") && !text.contains("office@riverside.example"), "\(file) carries the school's letterhead")
                // A record of interview, not a support meeting's minutes.
                #expect(text.contains("Record of interview under caution"), "\(file)")
                for minutes in ["Key issues and barriers", "Actions", "Parent's copy", "minutes", "Minutes", "Review date"] {
                    #expect(!text.contains(minutes), "\(file) has the support-meeting layout: \(minutes)")
                }
                // The caution, given and understood, word for word; the advice offered.
                #expect(text.contains("The interviewee was cautioned in these words: \(EnforcementCaution.words)"), "\(file)")
                #expect(text.contains("The interviewee said that they understood the caution."), "\(file)")
                #expect(text.contains("Free and independent legal advice: offered and declined"), "\(file)")
                #expect(text.contains("Interviewing officer") && text.contains("Alex Brennan"), "\(file)")
                // What this parent said, and the period put to them; nothing the other parent said.
                for fact in own { #expect(text.contains(fact), "\(file): \(fact)") }
                for fact in other where !own.contains(fact) && !fact.hasPrefix("Absences put") {
                    #expect(!text.contains(fact), "\(file) holds the other parent's record: \(fact)")
                }
            }
        }
    }
}

/// The PACE Code C 10.5 caution, word for word.
enum EnforcementCaution {
    static let words = "You do not have to say anything. But it may harm your defence if you do not mention when questioned something which you later rely on in Court. Anything you do say may be given in evidence."
}
