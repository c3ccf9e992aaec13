import AttendocCasework
import AttendocDocuments
import AttendocPolicy
import AttendocPrograms
import AttendocRendering
import AttendocTesting
import AttendocValues
import Foundation
import Testing

/// The notice under section 437(1) Education Act 1996 and the school attendance order (section
/// 437(3)), read as a parent reads them, from the county case (examples/riverside-first-warning.yaml)
/// with a school_attendance_order recorded, and its policy (school_attendance_order_notice: 15 days;
/// post deemed served on the second working day). Worked by hand from the Northshire term dates:
///
/// - Posted on Friday 4 December 2026, the notice is served on Tuesday 8 December. 15 days
///   beginning with that day end on Tuesday 22 December, in the Christmas holiday (the autumn
///   term ends on 18 December): the last day moves LATER, to Monday 4 January 2027, the first
///   school day of the spring term. (Moved earlier it would be 18 December: 11 days, less than
///   the law allows.)
/// - Posted on Monday 16 November 2026, it is served on Wednesday 18 November; the 15th day is
///   Wednesday 2 December, a school day, and stays.
@Suite("School attendance orders: the section 437(1) notice and the order")
struct SchoolAttendanceOrderTests {
    static let example = repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml")

    static let process = """

    school_attendance_order:
      notice:
        served_on: 2026-12-08
        method: post
        period_ends_on: 2027-01-04
      response:
        on: 2026-12-15
        summary: Ms D'Souza said she teaches Siobhán at home; no details of the education were given.
      intention:
        served_on: 2027-01-06
        schools: [Riverside Academy, Exe Valley School]
      parent_choice:
        on: 2027-01-12
        school: Exe Valley School
      order:
        made_on: 2027-01-25
        school: Exe Valley School
        served_on: 2027-01-27

    """

    /// The county case with `block` appended (a school_attendance_order), in a folder of its own.
    static func loaded(_ block: String = "", edits: [(old: String, new: String)] = []) throws -> LoadedCase {
        var text = try String(contentsOf: example, encoding: .utf8)
        for (old, new) in edits {
            #expect(text.components(separatedBy: old).count == 2, "the edit must match once: \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        text += block
        let folder = try temporaryFolder("sao-case")
        for item in ["registers", "evidence"] {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("examples/\(item)"), to: folder.appendingPathComponent(item))
        }
        let caseFile = folder.appendingPathComponent("case.yaml")
        try Data(text.utf8).write(to: caseFile)
        return try LoadedCase.load(caseFile, resources: resources)
    }

    static func texts(_ kind: DocumentKind, dated iso: String, loaded: LoadedCase, options: LetterOptions = LetterOptions()) throws -> [String: String] {
        let letters = try LetterRun(resources: resources).letters(kind, for: loaded, dated: date(iso), options: options)
        let folder = try temporaryFolder("sao-text")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try DocumentWriter(resources: resources, formats: [.txt]).write(letters.map(\.document), formats: [.txt], to: folder, fop: nil)
        var texts: [String: String] = [:]
        for letter in letters {
            texts[letter.fileStem] = flattened(try String(contentsOf: folder.appendingPathComponent(letter.relativeStem + ".txt"), encoding: .utf8))
        }
        return texts
    }

    static func error(_ kind: DocumentKind, dated iso: String, loaded: LoadedCase, options: LetterOptions = LetterOptions()) throws -> String {
        let run = try LetterRun(resources: resources)
        let error = #expect(throws: AttendocError.self) { try run.letters(kind, for: loaded, dated: date(iso), options: options) }
        return error?.description ?? ""
    }

    // MARK: The notice

    @Test func theNoticesLastDayInAHolidayMovesLaterToTheNextSchoolDay() throws {
        let texts = try Self.texts(.schoolAttendanceOrderNotice, dated: "2026-12-04", loaded: try Self.loaded())
        #expect(texts.keys.sorted() == ["ciaran-obrien", "zoe-dsouza"], "one notice for each parent; no copy for the head teacher")
        let text = try #require(texts["zoe-dsouza"])
        #expect(text.contains("Notice under section 437(1) of the Education Act 1996: the education of Siobhán O'Brien-Ní Dhuibhir"))
        #expect(text.contains("We, Northshire County Council, are not satisfied that Siobhán is receiving a suitable education, either by going to school regularly or in another way."))
        #expect(text.contains("Please show us that Siobhán is receiving a suitable education by Monday 4 January 2027."))
        #expect(text.contains("We take this notice to reach you on 8 December 2026, by post. The law gives you at least 15 days, beginning with that day. We give you fifteen days, and because the last of them, 22 December 2026, is not a school day, until the next school day."))
        // What happens next: the notice of intention (section 438), the order, the s443 prosecution.
        #expect(text.contains("we must first send you a notice of intention. It names the school we intend to name in a school attendance order"))
        #expect(text.contains("under section 443 of the Education Act 1996"))
        #expect(!text.contains("section 444"))
        #expect(text.contains("Alex Brennan"))
    }

    @Test func theNoticesLastDayOnASchoolDayStays() throws {
        let text = try #require(try Self.texts(.schoolAttendanceOrderNotice, dated: "2026-11-16", loaded: try Self.loaded())["zoe-dsouza"])
        #expect(text.contains("by Wednesday 2 December 2026."))
        #expect(text.contains("We take this notice to reach you on 18 November 2026, by post."))
        #expect(!text.contains("is not a school day"))
    }

    @Test func theLastDayIsComputedOnceFromThePolicyAndNeverMovesEarlier() throws {
        let loaded = try Self.loaded()
        let policy = try #require(loaded.policy)
        let period = try policy.deadline(.schoolAttendanceOrderNotice, for: "the test")
        #expect(period == Deadline(count: 15, unit: .days, description: period.description))
        let calendar = try loaded.calendar()
        #expect(try period.lastDayOfPeriod(beginningWith: date("2026-12-08"), calendar: calendar) == date("2027-01-04"))
        #expect(try period.lastDayOfPeriod(beginningWith: date("2026-11-18"), calendar: calendar) == date("2026-12-02"))
        // A Saturday 15th day moves to the Monday after it: 14 November 2026 (from 31 October).
        #expect(try period.lastDayOfPeriod(beginningWith: date("2026-10-31"), calendar: calendar) == date("2026-11-16"))
    }

    @Test func aNoticeAsRecordedIsCopiedWithTheDayItGaveAndAWrongDayIsRefused() throws {
        let recorded = try Self.loaded(Self.process)
        let text = try #require(try Self.texts(.schoolAttendanceOrderNotice, dated: "2026-12-04", loaded: recorded)["zoe-dsouza"])
        #expect(text.contains("This notice was served on you on 8 December 2026."))
        #expect(text.contains("by Monday 4 January 2027."))
        // A recorded last day earlier than the law and the policy allow (the last school day before the holiday).
        let short = try Self.loaded(Self.process.replacingOccurrences(of: "period_ends_on: 2027-01-04", with: "period_ends_on: 2026-12-23"))
        let message = try Self.error(.schoolAttendanceOrderNotice, dated: "2026-12-04", loaded: short)
        #expect(message.contains("school_attendance_order.notice.period_ends_on is 23 December 2026, but a notice served on 8 December 2026 must give at least 15 days beginning with that day, ending on a school day: Monday 4 January 2027 at the earliest"))
        // A notice dated after the day the record says it was served.
        #expect(try Self.error(.schoolAttendanceOrderNotice, dated: "2026-12-09", loaded: recorded).contains("school_attendance_order.notice.served_on (8 December 2026) is before this notice's date (9 December 2026)"))
    }

    @Test func aPolicyGivingLessThan15DaysIsRefused() throws {
        var loaded = try Self.loaded()
        loaded.policy?.deadlines[.schoolAttendanceOrderNotice] = Deadline(count: 14, unit: .days, description: "too short")
        let message = try Self.error(.schoolAttendanceOrderNotice, dated: "2026-12-04", loaded: loaded)
        #expect(message.contains("school_attendance_order_notice is 14 days; section 437(2) Education Act 1996 gives the parent not less than 15 days beginning with the day the notice is served"))
        loaded.policy?.deadlines[.schoolAttendanceOrderNotice] = Deadline(count: 15, unit: .schoolDays, description: "wrong unit")
        #expect(try Self.error(.schoolAttendanceOrderNotice, dated: "2026-12-04", loaded: loaded).contains("give within: 15 (or more) and unit: days"))
    }

    // MARK: The order

    @Test func theOrderNamesTheSchoolAndIsEachParentsOwnInEveryFormat() throws {
        let loaded = try Self.loaded(Self.process)
        let letters = try LetterRun(resources: resources).letters(.schoolAttendanceOrder, for: loaded, dated: date("2027-01-25"))
        #expect(letters.map(\.fileStem).sorted() == ["ciaran-obrien", "zoe-dsouza"])
        let folder = try temporaryFolder("sao-formats")
        defer { try? FileManager.default.removeItem(at: folder) }
        let formats: [OutputFormat] = [.html, .txt, .docx, .pdf]
        let written = try DocumentWriter(resources: resources, formats: formats).write(letters.map(\.document), formats: formats, to: folder,
                                                                                      fop: try PDFTypesetter(configuration: resources.fopConfiguration))
        #expect(written.count == 8)
        let named = "It requires you, Ms Zoë D'Souza, as a parent of Siobhán O'Brien-Ní Dhuibhir, to make sure that Siobhán becomes a registered pupil at Exe Valley School."
        let mother = folder.appendingPathComponent("CAT-2026-0142/school-attendance-order/zoe-dsouza")
        let father = folder.appendingPathComponent("CAT-2026-0142/school-attendance-order/ciaran-obrien")
        let text = flattened(try String(contentsOf: mother.appendingPathExtension("txt"), encoding: .utf8))
        #expect(text.contains("Northshire County Council makes this school attendance order under section 437(3) of the Education Act 1996, on 25 January 2027."))
        #expect(text.contains(named))
        #expect(text.contains("On 8 December 2026 we served a notice on you under section 437(1) of the Education Act 1996, asking you to show us that Siobhán was receiving a suitable education, by 4 January 2027."))
        #expect(text.contains("You chose Exe Valley School on 12 January 2027, and this order names it."))
        #expect(text.contains("for an offence under section 443 of the Education Act 1996"))
        let pdf = flattened(try pdfText(mother.appendingPathExtension("pdf")))
        #expect(pdf.contains("registered pupil at Exe Valley School"))
        let html = flattened(htmlText(try String(contentsOf: mother.appendingPathExtension("html"), encoding: .utf8)))
        #expect(html.contains(String(named.dropLast())), "the HTML holds the order's words (its bold school name ends the sentence)")
        let document = try run("unzip", ["-p", mother.appendingPathExtension("docx").path, "word/document.xml"]).output
        #expect(document.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression).contains("registered pupil at Exe Valley School"))
        // The father's address is confidential: it is in his copy, and in no format of the mother's.
        let fatherText = flattened(try pdfText(father.appendingPathExtension("pdf")))
        #expect(fatherText.contains("Sidwell Street") && fatherText.contains("Dear Mr O'Brien"))
        for format in ["txt", "html", "pdf", "docx"] {
            let file = mother.appendingPathExtension(format)
            let words = format == "pdf" ? try pdfText(file)
                : format == "docx" ? try run("unzip", ["-p", file.path, "word/document.xml"]).output
                : try String(contentsOf: file, encoding: .utf8)
            #expect(!words.contains("Sidwell Street") && !words.contains("EX4 6NN"), "the mother's \(format) copy holds none of the father's confidential address")
        }
        // The page as a parent sees it.
        _ = try run("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", mother.appendingPathExtension("pdf").path, folder.appendingPathComponent("sao-order").path])
    }

    // MARK: The notice of intention (section 438)

    /// Served on Wednesday 6 January 2027: 15 days beginning with that day end on Wednesday 20
    /// January, a school day. Served on Monday 7 December 2026 (a variant): the 15th day is Monday
    /// 21 December, in the Christmas holiday, so the parent is given Monday 4 January 2027.
    @Test func theNoticeOfIntentionNamesTheSchoolsAndTheChoiceInEveryFormatEachParentsOwn() throws {
        let loaded = try Self.loaded(Self.process)
        let letters = try LetterRun(resources: resources).letters(.schoolAttendanceOrderIntention, for: loaded, dated: date("2027-01-06"))
        #expect(letters.map(\.fileStem).sorted() == ["ciaran-obrien", "zoe-dsouza"])
        let folder = try temporaryFolder("sao-intention")
        defer { try? FileManager.default.removeItem(at: folder) }
        let formats: [OutputFormat] = [.html, .txt, .docx, .pdf]
        let written = try DocumentWriter(resources: resources, formats: formats).write(letters.map(\.document), formats: formats, to: folder,
                                                                                      fop: try PDFTypesetter(configuration: resources.fopConfiguration))
        #expect(written.count == 8)
        let mother = folder.appendingPathComponent("CAT-2026-0142/school-attendance-order-intention/zoe-dsouza")
        let father = folder.appendingPathComponent("CAT-2026-0142/school-attendance-order-intention/ciaran-obrien")
        let text = flattened(try String(contentsOf: mother.appendingPathExtension("txt"), encoding: .utf8))
        #expect(text.contains("On 8 December 2026 we served a notice on you under section 437(1) of the Education Act 1996, asking you to show us that Siobhán was receiving a suitable education, by 4 January 2027."), "\(text)")
        #expect(text.contains("intend to serve a school attendance order on you under section 437 of the Education Act 1996"))
        #expect(text.contains("We intend to name Riverside Academy in the order."))
        #expect(text.contains("We also think these schools would be suitable for Siobhán: Exe Valley School."))
        #expect(text.contains("You have until Wednesday 20 January 2027 to tell us your choice. This notice is served on you on 6 January 2027. The law gives you 15 days, beginning with that day. We give you fifteen days."), "\(text)")
        #expect(text.contains("If you choose one of the other schools named above, we will name that school in the order."))
        #expect(text.contains("section 443 of the Education Act 1996"))
        let pdf = flattened(try pdfText(mother.appendingPathExtension("pdf")))
        #expect(pdf.contains("We intend to name Riverside Academy in the order."))
        let html = flattened(htmlText(try String(contentsOf: mother.appendingPathExtension("html"), encoding: .utf8)))
        #expect(html.contains("We intend to name Riverside Academy in the order."))
        let document = try run("unzip", ["-p", mother.appendingPathExtension("docx").path, "word/document.xml"]).output
        #expect(document.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression).contains("Riverside Academy in the order"))
        // The father's address is confidential: it is in his copy, and in no format of the mother's.
        let fatherText = flattened(try pdfText(father.appendingPathExtension("pdf")))
        #expect(fatherText.contains("Sidwell Street") && fatherText.contains("Dear Mr O'Brien"))
        for format in ["txt", "html", "pdf", "docx"] {
            let file = mother.appendingPathExtension(format)
            let words = format == "pdf" ? try pdfText(file)
                : format == "docx" ? try run("unzip", ["-p", file.path, "word/document.xml"]).output
                : try String(contentsOf: file, encoding: .utf8)
            #expect(!words.contains("Sidwell Street") && !words.contains("EX4 6NN"), "the mother's \(format) copy holds none of the father's confidential address")
            #expect(words.contains("Riverside Academy"), "\(format)")
        }
        _ = try run("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", mother.appendingPathExtension("pdf").path, folder.appendingPathComponent("sao-intention").path])
        // Served in the week before Christmas: the 15th day is in the holiday, and moves later.
        let december = try Self.loaded(Self.process
            .replacingOccurrences(of: "  notice:\n    served_on: 2026-12-08\n    method: post\n    period_ends_on: 2027-01-04\n", with: "  notice:\n    served_on: 2026-11-16\n    method: post\n    period_ends_on: 2026-12-02\n")
            .replacingOccurrences(of: "  response:\n    on: 2026-12-15\n", with: "  response:\n    on: 2026-11-20\n")
            .replacingOccurrences(of: "    served_on: 2027-01-06\n", with: "    served_on: 2026-12-07\n"))
        let moved = try #require(try Self.texts(.schoolAttendanceOrderIntention, dated: "2026-12-07", loaded: december)["zoe-dsouza"])
        #expect(moved.contains("You have until Monday 4 January 2027 to tell us your choice."), "\(moved)")
        #expect(moved.contains("because the last of them, 21 December 2026, is not a school day, until the next school day"))
    }

    @Test func theNoticeOfIntentionIsRefusedWithoutTheNoticeBeforeItOrItsOwnRecord() throws {
        #expect(try Self.error(.schoolAttendanceOrderIntention, dated: "2027-01-06", loaded: try Self.loaded()).contains("records no notice under section 437(1)"))
        let noIntention = try Self.loaded(Self.process.replacingOccurrences(of: "  intention:\n    served_on: 2027-01-06\n    schools: [Riverside Academy, Exe Valley School]\n  parent_choice:\n    on: 2027-01-12\n    school: Exe Valley School\n", with: "")
            .replacingOccurrences(of: "  order:\n    made_on: 2027-01-25\n    school: Exe Valley School\n    served_on: 2027-01-27\n", with: ""))
        #expect(try Self.error(.schoolAttendanceOrderIntention, dated: "2027-01-06", loaded: noIntention).contains("records no notice of intention; add intention with served_on"))
        #expect(try Self.error(.schoolAttendanceOrderIntention, dated: "2027-01-07", loaded: try Self.loaded(Self.process)).contains("is before this notice's date (7 January 2027)"))
        var short = try Self.loaded(Self.process)
        short.policy?.deadlines[.schoolAttendanceOrderChoice]?.count = 14
        #expect(try Self.error(.schoolAttendanceOrderIntention, dated: "2027-01-06", loaded: short).contains("section 438 Education Act 1996 gives the parent 15 days"))
    }

    @Test func theOrderIsRefusedWithoutItsRecordOrTheNoticesBeforeIt() throws {
        #expect(try Self.error(.schoolAttendanceOrder, dated: "2027-01-25", loaded: try Self.loaded()).contains("records no school attendance order; add school_attendance_order.order with made_on and school"))
        let noIntention = try Self.loaded(Self.process.replacingOccurrences(of: "  intention:\n    served_on: 2027-01-06\n    schools: [Riverside Academy, Exe Valley School]\n  parent_choice:\n    on: 2027-01-12\n    school: Exe Valley School\n", with: ""))
        #expect(try Self.error(.schoolAttendanceOrder, dated: "2027-01-25", loaded: noIntention).contains("records no notice of intention under section 438(2)"))
        #expect(try Self.error(.schoolAttendanceOrder, dated: "2027-01-24", loaded: try Self.loaded(Self.process)).contains("school_attendance_order.order.made_on (25 January 2027) is after this document's date (24 January 2027)"))
    }
}
