import AttendocCasework
import AttendocDocuments
import AttendocPrograms
import AttendocRendering
import AttendocTesting
import AttendocValues
import Foundation
import Testing

/// Records that are not letters: minutes (a parent's copy and the agency copy), the parenting
/// contract and the register certificate, read as their readers read them.
@Suite("Minutes, parenting contract and register certificate", .serialized)
struct RecordTests {
    static let hillside = repositoryRoot.appendingPathComponent("examples/hillside-send-and-social-worker.yaml")
    static let brookfield = repositoryRoot.appendingPathComponent("examples/school-tier2-case.yaml")
    /// Words from the hillside case's agency-only notes, which no parent's copy may hold.
    static let agencyOnlyWords = "non-contact order"

    /// Renders `kind` for `example` in `formats` and returns the folder of the copies.
    static func render(_ kind: DocumentKind, _ example: URL, date: String, formats: [OutputFormat],
                       meeting: String? = nil) throws -> URL {
        let loaded = try LoadedCase.load(example, resources: resources)
        let run = try LetterRun(resources: resources)
        let letters = try run.letters(kind, for: loaded, dated: AttendocTesting.date(date), options: LetterOptions(meeting: meeting))
        let folder = try temporaryFolder("records")
        let fop = formats.contains(.pdf) ? try PDFTypesetter(configuration: resources.fopConfiguration) : nil
        _ = try DocumentWriter(resources: resources, formats: formats).write(letters.map(\.document), formats: formats, to: folder, fop: fop)
        return folder.appendingPathComponent("\(loaded.attendanceCase.reference.replacingOccurrences(of: "/", with: "-"))/\(kind.rawValue)")
    }

    /// What a reader of `url` reads; for a DOCX every part, so nothing hides in a header, footer or property.
    static func readable(_ url: URL) throws -> String {
        try readableText(of: url, docx: .everyPart)
    }

    @Test func agencyOnlyNotesAreInNoParentCopyInAnyFormat() throws {
        let folder = try Self.render(.meetingMinutes, Self.hillside, date: "2026-11-20", formats: OutputFormat.allCases, meeting: "meetings[0]")
        let files = filesUnder(folder)
        // The mother's copy, the copy of her partner (a parent under section 576: the child lives
        // with him) and the agency copy; the father (do not contact) gets none.
        #expect(files == ["agency-copy.docx", "agency-copy.html", "agency-copy.pdf", "agency-copy.txt",
                          "agnieszka-nowak.docx", "agnieszka-nowak.html", "agnieszka-nowak.pdf", "agnieszka-nowak.txt",
                          "tomasz-zielinski.docx", "tomasz-zielinski.html", "tomasz-zielinski.pdf", "tomasz-zielinski.txt"])
        for file in files {
            let text = try Self.readable(folder.appendingPathComponent(file))
            if file.hasPrefix("agency-copy") {
                #expect(text.contains(Self.agencyOnlyWords), "\(file) holds the agency-only notes")
                #expect(text.contains("Notes for the agencies only"))
            } else {
                #expect(!text.contains(Self.agencyOnlyWords), "\(file) must not hold the agency-only notes")
                #expect(!text.contains("Notes for the agencies only"))
                #expect(text.contains("Parent's copy") || text.contains("Parent&apos;s copy") || text.contains("Parent&#39;s copy"))
            }
            // What both copies hold: the meeting's facts.
            #expect(text.contains("Friday 9 October 2026"), "\(file)")
            #expect(text.contains("92%"), "\(file)")
            #expect(text.contains("Friday 27 November 2026"), "\(file)")
        }
    }

    @Test func minutesHoldWhatSeed002AsksFor() throws {
        let folder = try Self.render(.meetingMinutes, Self.hillside, date: "2026-11-20", formats: [.txt, .html], meeting: "meetings[0]")
        // The HTML's text, where table cells are not wrapped into columns.
        let text = try Self.readable(folder.appendingPathComponent("agnieszka-nowak.html"))
        for fact in ["Attendance improvement plan meeting: minutes", "Ms Hannah Lee", "social worker",
                     "Morning anxiety on arrival", "Set up the Nurture Room start and a visual timetable", "12 October 2026",
                     "an attendance target of 92% for Kacpi",
                     "The plan runs for at least six school weeks", "In most cases your word is enough",
                     "Keeping in touch", "Ms Ford will meet Mrs Nowak, with the interpreter, every Friday at 3:15pm"] {
            #expect(text.contains(fact), "\(fact)")
        }
        // Working together to improve school attendance (2024), paras 365-366: no routine demand
        // for medical evidence, for a pupil with SEND support and a social worker or anyone else.
        for wrong in ["unauthorised unless there is evidence", "a note or letter from the GP"] {
            #expect(!text.contains(wrong), "\(wrong)")
        }
        #expect(try Self.readable(folder.appendingPathComponent("agnieszka-nowak.txt")).contains("Kacpi finds mornings hard"))
    }

    @Test func theRegisterCertificateIsTheRegisterWeekByWeek() throws {
        let folder = try Self.render(.registerCertificate, Self.hillside, date: "2026-11-20", formats: [.txt, .html])
        let text = try Self.readable(folder.appendingPathComponent("agnieszka-nowak.txt"))
        let loaded = try LoadedCase.load(Self.hillside, resources: resources)
        let figures = try loaded.figures(asOf: date("2026-11-20"))
        // The certificate's statutory declaration, word for word.
        #expect(text.contains("I certify that the particulars of attendance given in this certificate are a true extract from the attendance register kept at the school named above under the School Attendance (Pupil Registration) (England) Regulations 2024. This certificate is given under section 566(1)(c) of the Education Act 1996."))
        #expect(text.contains("Period: 3 September 2026 to 20 November 2026"))
        #expect(text.contains("Unique pupil number: T878401219201"))
        // Totals are the engine's.
        #expect(text.contains("Possible sessions \(figures.possibleSessions) 100.0%"))
        #expect(text.contains("Attended \(figures.attendedSessions) \(figures.attendance.display)"))
        #expect(text.contains("Unauthorised absence \(figures.unauthorisedAbsenceSessions) \(figures.unauthorisedAbsence.display)"))
        // Weeks from 31 August to 16 November, without the half-term week: 11 rows.
        let html = try String(contentsOf: folder.appendingPathComponent("agnieszka-nowak.html"), encoding: .utf8)
        for week in ["31 August 2026", "7 September 2026", "19 October 2026", "2 November 2026", "16 November 2026"] {
            #expect(html.contains(week), "\(week)")
        }
        #expect(!html.contains("26 October 2026"), "the half-term week has no sessions and no row")
        // The key explains each code used, including the part-time timetable's C2.
        #expect(flattened(htmlText(html)).contains("C2 Leave of absence for a compulsory school age pupil on a temporary part-time timetable authorised absence"))
        #expect(text.contains("Mr David Osei"))
    }

    @Test func theCertificateStatesThePupilWasRegisteredThroughoutAndWhoCertifiesIt() throws {
        let riverside = repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml")
        let folder = try Self.render(.registerCertificate, riverside, date: "2027-01-11", formats: [.txt])
        let text = try Self.readable(folder.appendingPathComponent("zoe-dsouza.txt"))
        #expect(text.contains("Admitted: 4 September 2024"), "\(text)")
        #expect(text.contains("Certified by: Mrs Janet Patel, Head Teacher"))
        #expect(text.contains("Siobhán O'Brien-Ní Dhuibhir was a registered pupil at Riverside Academy throughout the period of this certificate: the admission register records Siobhán as admitted on 4 September 2024."))
        // Without an admission date, the certificate does not claim it.
        let hillside = try Self.readable(try Self.render(.registerCertificate, Self.hillside, date: "2026-11-20", formats: [.txt])
            .appendingPathComponent("agnieszka-nowak.txt"))
        #expect(hillside.contains("The case does not record that Kacper Nowak-Williams was on the admission register of Hillside Primary School throughout the period"))
        #expect(!hillside.contains("was a registered pupil at"))
    }

    @Test func theParentingContractSetsOutBothSides() throws {
        let folder = try Self.render(.parentingContract, Self.brookfield, date: "2026-10-08", formats: [.txt])
        // A contract of her own for the mother, who was at the meeting: signed by its parties
        // only (the father, who was not there, has no contract and no signature line).
        let files = filesUnder(folder)
        #expect(files == ["agnieszka-kowalczyk.txt"])
        let text = try Self.readable(folder.appendingPathComponent(files[0]))
        #expect(text.components(separatedBy: "Signed:").count == 3, "two signature lines: the mother's and the school's")
        #expect(text.contains("Parent: Mrs Agnieszka Kowalczyk"))
        #expect(!text.contains("Tomasz"))
        for fact in ["Attendance contract: school attendance", "used to be called a parenting contract", "In most cases your word is enough", "Attendance target: 92%", "Review date: Thursday 5 November 2026",
                     "It is not legally binding", "may be used as evidence", "The parents will", "Signed:"] {
            #expect(text.contains(fact), "\(fact)")
        }
    }

    @Test func minutesNeedAMeeting() throws {
        let error = #expect(throws: AttendocError.self) {
            _ = try Self.render(.meetingMinutes, Self.hillside, date: "2026-10-01", formats: [.txt])
        }
        #expect(error?.description.contains("on or before 1 October 2026") == true)
    }
}

@Suite("An improvement plan's length")
struct ImprovementPlanLengthTests {
    @Test func minutesGiveTheDateThePlanRunsUntilWhenThePolicySetsIt() throws {
        // The hillside case under the improvement-plan policy (seed 002: at least 6 school weeks).
        // From Friday 9 October 2026: school weeks of 12 and 19 October, (half term), 2, 9, 16 and
        // 23 November: the sixth is the week of 23 November → Friday 27 November 2026.
        let text = try String(contentsOf: RecordTests.hillside, encoding: .utf8)
            .replacingOccurrences(of: "policy: attendance-tiers", with: "policy: attendance-improvement-plan")
        let folder = try temporaryFolder("plan")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("examples/registers"), to: folder.appendingPathComponent("registers"))
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("examples/evidence"), to: folder.appendingPathComponent("evidence"))
        let caseFile = folder.appendingPathComponent("case.yaml")
        try Data(text.utf8).write(to: caseFile)
        let minutes = try RecordTests.render(.meetingMinutes, caseFile, date: "2026-11-20", formats: [.txt], meeting: "meetings[0]")
        #expect(try RecordTests.readable(minutes.appendingPathComponent("agnieszka-nowak.txt")).contains("until at least Friday 27 November 2026"))
    }
}
