import AttendocCasework
import AttendocDocuments
import AttendocPolicy
import AttendocPrograms
import AttendocRendering
import AttendocTesting
import AttendocValues
import Foundation
import Testing

/// The penalty notice and the notice to improve under the national framework (August 2024), read
/// as a parent reads them, from the bundled county case (examples/riverside-first-warning.yaml)
/// and its policy's code of conduct (policies/county-attendance-team.yaml: £160, or £80 within 21
/// days; 28 days to pay, each from the day of receipt; no more than 2 per parent per child in 3
/// years). Worked by hand:
///
/// - A notice posted on Friday 4 December 2026 is deemed received on Tuesday 8 December (the
///   policy's second working day). 21 days beginning with it end on Monday 28 December, in the
///   Christmas holiday: the parent is given the next school day, Monday 4 January 2027 (never an
///   earlier day: a parent never has less time than the law gives). 28 days end on Monday 4
///   January 2027, the first day of the spring term, a school day: the same day.
/// - Its period is the 10 school weeks to 4 December: from Monday 21 September (the half-term week
///   of 26 October skipped); the register shows 22 unauthorised sessions in it.
/// - The decision to prosecute is recorded on 8 January 2027, for 25 November 2026 to 8 January 2027.
@Suite("Penalty notices and the notice to improve (national framework, August 2024)")
struct PenaltyNoticeTests {
    static let example = repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml")

    static func loaded() throws -> LoadedCase { try LoadedCase.load(example, resources: resources) }

    static func texts(_ kind: DocumentKind, dated iso: String, options: LetterOptions = LetterOptions(),
                      loaded: LoadedCase? = nil) throws -> [String: String] {
        let letters = try LetterRun(resources: resources).letters(kind, for: try loaded ?? Self.loaded(), dated: date(iso), options: options)
        let folder = try temporaryFolder("penalty-notice")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try DocumentWriter(resources: resources, formats: [.txt]).write(letters.map(\.document), formats: [.txt], to: folder, fop: nil)
        var texts: [String: String] = [:]
        for letter in letters {
            texts[letter.fileStem] = flattened(try String(contentsOf: folder.appendingPathComponent(letter.relativeStem + ".txt"), encoding: .utf8))
        }
        return texts
    }

    static func error(_ kind: DocumentKind, dated iso: String, options: LetterOptions = LetterOptions(), loaded: LoadedCase? = nil) throws -> String {
        let run = try LetterRun(resources: resources)
        let loaded = try loaded ?? Self.loaded()
        let error = #expect(throws: AttendocError.self) { try run.letters(kind, for: loaded, dated: date(iso), options: options) }
        return error?.description ?? ""
    }

    /// A notice the record holds for the pupil, to `parent`, issued on `iso`, with its period.
    static func recorded(to parent: String, path: String, on iso: String, period: (String, String)? = nil,
                         outcomes: [RecordedPenaltyNotice.Outcome] = []) throws -> RecordedPenaltyNotice {
        let issued = date(iso)
        let terms = period.map { (from, to) in
            PenaltyNoticeTerms(number: 1, amount: 160, reducedAmount: 80, issuedOn: issued, receivedOn: issued.adding(days: 2),
                               reducedBy: issued.adding(days: 22), payBy: issued.adding(days: 29), reducedByGiven: issued.adding(days: 22),
                               payByGiven: issued.adding(days: 29), periodFrom: date(from), periodTo: date(to), unauthorisedSessions: 10)
        }
        return RecordedPenaltyNotice(issueID: "id-\(parent)-\(iso)", reference: "CAT/2026/0142", upn: "Y878401219052", recipientID: parent,
                                     recipientPath: path, issuedOn: issued, terms: terms, outcomes: outcomes)
    }

    // MARK: The notice

    @Test func aFirstNoticeStatesEveryParticularTheRegulationsRequire() throws {
        let texts = try Self.texts(.penaltyNotice, dated: "2026-12-04")
        // One notice for each parent, at their own address; the father's address is confidential,
        // so the head teacher's copy of his notice is a document of its own, without it.
        #expect(texts.keys.sorted() == ["ciaran-obrien", "ciaran-obrien-copy-for-head-teacher", "zoe-dsouza"])
        let text = try #require(texts["zoe-dsouza"])
        #expect(text.contains("Dear Ms D'Souza") && text.contains("14 Orchard Close"))
        #expect(text.contains("Penalty notice: school attendance of Siobhán O'Brien-Ní Dhuibhir"))
        #expect(text.contains("Siobhán is a registered pupil at Riverside Academy."))
        // The offence and its period, with the register's count.
        #expect(text.contains("Between 21 September 2026 and 4 December 2026, Siobhán missed 22 sessions without the school’s agreement."))
        #expect(text.contains("The offence is in section 444(1) of the Education Act 1996. We give this notice under section 444A of that Act and the Northshire County Council code of conduct for penalty notices for school absence (September 2024)."))
        #expect(text.contains("“\(EnforcementLetterTests.s444_1)”"))
        // The amounts and when they fall due, from the day of receipt, on school days.
        // The 21st day (28 December) is in the holidays: the next school day, which is the 28th day too.
        #expect(text.contains("Pay £80 by Monday 4 January 2027. The law gives you 21 days from the day you get this notice. The last of them, Monday 28 December 2026, is not a school day, so you have until the next school day."), "\(text)")
        #expect(text.contains("The whole amount is £160. Its last day to pay is the same day, Monday 4 January 2027. So if you pay £80 by then, you have paid in full."))
        #expect(!text.contains("18 December"), "never a day earlier than the law gives")
        #expect(text.contains("We count the days from 8 December 2026, the day we take this notice to reach you."))
        // How to pay, what paying means, the bar on proceedings, what happens if unpaid, withdrawal.
        #expect(text.contains("Online at www.northshire.example/pay/penalty-notice"))
        #expect(text.contains("By phone on 01392 000 125"))
        #expect(text.contains("If you pay in full and in time, you cannot be found guilty of this offence for this period. Paying a penalty notice is not a criminal conviction."))
        #expect(text.contains("We will not take you to court for this offence during the 28 days you have to pay."))
        #expect(text.contains("If you do not pay in full within the 28 days, we will either take you to the magistrates’ court for the offence, or withdraw this notice."))
        #expect(text.contains("we can withdraw it if it should not have been given, if it was given to the wrong person, or if it has a mistake in it."))
        #expect(text.contains("a second notice within 3 years would be for £160, with no lower amount. There can be no more than 2 in 3 years."))
        // The notice's date and the officer who gives it.
        #expect(text.contains("4 December 2026") && text.contains("Alex Brennan Senior County Attendance Officer"))
    }

    @Test func theDatesAParentIsGivenAreSchoolDaysComputedFromDeemedReceipt() throws {
        let loaded = try Self.loaded()
        let mother = try #require(loaded.attendanceCase.parentOrCarer(id: "mother"))
        let terms = try PenaltyNoticeTerms.compute(for: mother, case: loaded, dated: date("2026-12-04"), method: "post", history: PenaltyNoticeHistory(notices: []))
        #expect(terms.receivedOn == (date("2026-12-08")))
        // The law's days (21 and 28 days beginning with receipt), and the school days given.
        #expect(terms.reducedBy == (date("2026-12-28")) && terms.reducedByGiven == (date("2027-01-04")))
        #expect(terms.payBy == (date("2027-01-04")) && terms.payByGiven == (date("2027-01-04")))
        let calendar = try loaded.calendar()
        #expect(calendar.isSchoolDay(try #require(terms.reducedByGiven)) && calendar.isSchoolDay(terms.payByGiven))
        #expect(terms.periodFrom == (date("2026-09-21")) && terms.periodTo == (date("2026-12-04")) && terms.unauthorisedSessions == 22)
        // By hand, the same day: received that day, 21 days to Thursday 24 December and 28 to
        // Thursday 31 December, both in the holidays: each given as Monday 4 January, never 18 December.
        let byHand = try PenaltyNoticeTerms.compute(for: mother, case: loaded, dated: date("2026-12-04"), method: "hand", history: PenaltyNoticeHistory(notices: []))
        #expect(byHand.receivedOn == (date("2026-12-04")) && byHand.reducedBy == (date("2026-12-24")) && byHand.payBy == (date("2026-12-31")))
        #expect(byHand.reducedByGiven == (date("2027-01-04")) && byHand.payByGiven == (date("2027-01-04")))
        // Posted on Friday 11 December, received Tuesday 15 December: the 21st day is Monday 4
        // January (a school day, kept) and the 28th Monday 11 January (kept).
        let later = try PenaltyNoticeTerms.compute(for: mother, case: loaded, dated: date("2026-12-11"), method: "post", history: PenaltyNoticeHistory(notices: []))
        #expect(later.receivedOn == (date("2026-12-15")))
        #expect(later.reducedBy == (date("2027-01-04")) && later.reducedByGiven == (date("2027-01-04")))
        #expect(later.payBy == (date("2027-01-11")) && later.payByGiven == (date("2027-01-11")))
        for terms in [terms, byHand, later] {
            #expect(try #require(terms.reducedByGiven) >= (try #require(terms.reducedBy)) && terms.payByGiven >= terms.payBy, "never earlier than the law's day")
        }
    }

    @Test func aSecondNoticeToTheSameParentIsAt160WithNoReduction() throws {
        // The mother had a notice in the summer term, for a period before this one; the father none.
        let earlier = try Self.recorded(to: "mother", path: "parents[0]", on: "2026-06-01", period: ("2026-03-16", "2026-05-29"))
        let texts = try Self.texts(.penaltyNotice, dated: "2026-12-04", options: LetterOptions(penaltyNotices: PenaltyNoticeHistory(notices: [earlier])))
        let mother = try #require(texts["zoe-dsouza"]), father = try #require(texts["ciaran-obrien"])
        #expect(mother.contains("Pay £160 by Monday 4 January 2027. This is within 28 days of the day you get this notice."))
        #expect(mother.contains("This is your second penalty notice for Siobhán within 3 years. So there is no lower amount."))
        #expect(!mother.contains("£80"))
        #expect(mother.contains("We cannot give you another penalty notice for Siobhán within 3 years."))
        // Counted per parent: the father's is his first.
        #expect(father.contains("Pay £80 by Monday 4 January 2027."))
    }

    @Test func aThirdNoticeWithinThreeYearsIsRefusedSayingWhy() throws {
        let notices = [try Self.recorded(to: "mother", path: "parents[0]", on: "2024-10-01", period: ("2024-09-04", "2024-09-30")),
                       try Self.recorded(to: "mother", path: "parents[0]", on: "2026-06-01", period: ("2026-03-16", "2026-05-29"))]
        let options = LetterOptions(recipient: "mother", penaltyNotices: PenaltyNoticeHistory(notices: notices))
        let message = try Self.error(.penaltyNotice, dated: "2026-12-04", options: options)
        #expect(message.contains("parents[0]: has already had 2 penalty notices for this child in the 3 years ending 4 December 2026"), "\(message)")
        #expect(message.contains("allows no more than 2"))
        #expect(message.contains("consider a prosecution (attendoc check --for prosecution), an Education Supervision Order"))
        #expect(!message.contains("D'Souza") && !message.contains("Zoë"), "errors never print a name")
        // Only this parent is refused: the father's first notice is made.
        #expect(try Self.texts(.penaltyNotice, dated: "2026-12-04", options: LetterOptions(recipient: "father", penaltyNotices: PenaltyNoticeHistory(notices: notices))).keys.sorted() == ["ciaran-obrien", "ciaran-obrien-copy-for-head-teacher"])
    }

    @Test func aWithdrawnNoticeOrOneOlderThanThreeYearsDoesNotCount() throws {
        let withdrawn = try Self.recorded(to: "mother", path: "parents[0]", on: "2026-06-01", period: ("2026-03-16", "2026-05-29"),
                                          outcomes: [.withdrawn(on: date("2026-06-10"), reason: "issued to the wrong parent")])
        // Issued on 4 December 2023: the three years ending 4 December 2026 begin on 5 December 2023.
        let old = try Self.recorded(to: "mother", path: "parents[0]", on: "2023-12-04", period: ("2023-09-18", "2023-12-01"))
        let unpaid = try Self.recorded(to: "mother", path: "parents[0]", on: "2024-01-10", period: ("2023-12-04", "2024-01-09"),
                                       outcomes: [.unpaid(recordedOn: date("2024-02-20"))])
        let history = PenaltyNoticeHistory(notices: [withdrawn, old, unpaid])
        let text = try #require(try Self.texts(.penaltyNotice, dated: "2026-12-04", options: LetterOptions(penaltyNotices: history))["zoe-dsouza"])
        // The unpaid one counts (the framework), the others do not: this is the second.
        #expect(text.contains("This is your second penalty notice for Siobhán within 3 years."))
    }

    @Test func aSecondNoticeIsForAbsenceAfterTheFirstNoticesPeriod() throws {
        let loaded = try Self.loaded()
        let mother = try #require(loaded.attendanceCase.parentOrCarer(id: "mother"))
        // The mother's first notice covered 21 September to 23 October 2026 (the half term and the
        // training day of 2 November follow): the second's period begins on Tuesday 3 November.
        let first = try Self.recorded(to: "mother", path: "parents[0]", on: "2026-10-23", period: ("2026-09-21", "2026-10-23"))
        let terms = try PenaltyNoticeTerms.compute(for: mother, case: loaded, dated: date("2026-12-04"), method: "post", history: PenaltyNoticeHistory(notices: [first]))
        #expect(terms.number == 2 && terms.reducedAmount == nil && terms.amount == 160)
        #expect(terms.periodFrom == (date("2026-11-03")), "the first school day after the first notice's period")
        #expect(terms.unauthorisedSessions == (try loaded.figures(asOf: date("2026-12-04"), from: date("2026-11-03")).unauthorisedAbsenceSessions))
        #expect(terms.unauthorisedSessions >= 10)
        // A first notice to 13 November leaves 8 unauthorised sessions since: the same absence is
        // never the subject of a second notice, so none is made.
        let later = try Self.recorded(to: "mother", path: "parents[0]", on: "2026-11-13", period: ("2026-09-21", "2026-11-13"))
        let error = #expect(throws: AttendocError.self) {
            try PenaltyNoticeTerms.compute(for: mother, case: loaded, dated: date("2026-12-04"), method: "post", history: PenaltyNoticeHistory(notices: [later]))
        }
        #expect(error?.description.contains("since then the register shows 8 unauthorised sessions to 4 December 2026, under the threshold of 10") == true)
    }

    @Test func noNoticeBeforeTheThresholdOrWhileAProsecutionForThePeriodIsInHand() throws {
        let early = try Self.error(.penaltyNotice, dated: "2026-10-22")
        #expect(early.contains("is not met as of 22 October 2026"), "\(early)")
        let during = try Self.error(.penaltyNotice, dated: "2027-01-11")
        #expect(during.contains("a prosecution for the same period is in hand (the decision to prosecute, legal_route.decision, on 8 January 2027); its charge runs from 25 November 2026 to 8 January 2027"), "\(during)")
        #expect(during.contains("an alternative to prosecution for the same absence"))
    }

    @Test func aPolicyWithoutACodeOfConductMakesNoPenaltyNotice() throws {
        var loaded = try Self.loaded()
        loaded.policy?.penaltyNotices = nil
        let message = try Self.error(.penaltyNotice, dated: "2026-12-04", loaded: loaded)
        #expect(message.contains("has no penalty_notices: section"), "\(message)")
    }

    @Test func theMostACourtMayFineIsThePolicysNotATemplatesFigure() throws {
        // The county policy's sentencing: s444_1 maximum_fine 1000 (a level 3 fine).
        let county = try #require(try Self.texts(.penaltyNotice, dated: "2026-12-04")["zoe-dsouza"])
        #expect(county.contains("If it finds you guilty, it can fine you up to £1,000 and make a parenting order."), "\(county)")
        var loaded = try Self.loaded()
        loaded.policy?.sentencing?.offences["s444_1"]?.maximumFine = 2500
        let changed = try #require(try Self.texts(.penaltyNotice, dated: "2026-12-04", loaded: loaded)["zoe-dsouza"])
        #expect(changed.contains("it can fine you up to £2,500 and make a parenting order."))
        #expect(!changed.contains("£1,000"))
        loaded.policy?.sentencing = nil
        let message = try Self.error(.penaltyNotice, dated: "2026-12-04", loaded: loaded)
        #expect(message.contains("sets no maximum fine for section 444(1) (sentencing: offences: s444_1: maximum_fine)"), "\(message)")
    }

    // MARK: The notice to improve

    @Test func theNoticeToImproveIsRefusedWhileAProsecutionForThePeriodIsInHand() throws {
        let message = try Self.error(.noticeToImprove, dated: "2027-01-11")
        #expect(message.contains("no notice to improve dated 11 January 2027: a prosecution for the same period is in hand (the decision to prosecute, legal_route.decision, on 8 January 2027)"), "\(message)")
        // Papers to court alone also puts it in hand.
        var loaded = try Self.loaded()
        loaded.attendanceCase.legalRoute?.decision = nil
        loaded.attendanceCase.legalRoute?.papersToCourtOn = date("2027-01-08")
        #expect(try Self.error(.noticeToImprove, dated: "2027-01-11", loaded: loaded).contains("papers to court, legal_route.papers_to_court_on, on 8 January 2027"))
        // Before the decision it is made.
        #expect(try Self.texts(.noticeToImprove, dated: "2026-12-04")["zoe-dsouza"]?.contains("This is a notice to improve.") == true)
    }

    @Test func theImprovementPeriodRunsFromDeemedReceiptToTheEndOfItsLastWholeSchoolWeek() throws {
        // Posted Friday 4 December, received Tuesday 8 December: the week of receipt is not whole,
        // so the six school weeks are 14 December, then 4, 11, 18, 25 January and 1 February 2027.
        let text = try #require(try Self.texts(.noticeToImprove, dated: "2026-12-04")["zoe-dsouza"])
        #expect(text.contains("The improvement period is 6 school weeks, from 8 December 2026, the day we take this notice to reach you, to Friday 5 February 2027, the end of the last of those school weeks. That is 34 school days."), "\(text)")
        // Given by hand on a Monday: received that day, and its week counts as the first.
        let byHand = try #require(try Self.texts(.noticeToImprove, dated: "2026-11-30", options: LetterOptions(method: "hand"))["zoe-dsouza"])
        #expect(byHand.contains("from 30 November 2026, the day we take this notice to reach you, to Friday 22 January 2027"), "\(byHand)")
    }

    @Test func theNoticeToImproveTellsEachParentOfTheNoticeItWarnsOf() throws {
        let earlier = try Self.recorded(to: "father", path: "parents[1]", on: "2026-06-01", period: ("2026-03-16", "2026-05-29"))
        let texts = try Self.texts(.noticeToImprove, dated: "2026-12-04", options: LetterOptions(penaltyNotices: PenaltyNoticeHistory(notices: [earlier])))
        #expect(texts["zoe-dsouza"]?.contains("A penalty notice is a fine of £160, or £80 if you pay within 21 days.") == true)
        let father = try #require(texts["ciaran-obrien"])
        #expect(father.contains("You have had a penalty notice for Siobhán before, within 3 years. A second one would be a fine of £160, with no lower amount."))
        // A parent at the limit: a notice to improve would warn of a notice that cannot be given.
        let two = [earlier, try Self.recorded(to: "father", path: "parents[1]", on: "2024-06-03", period: ("2024-03-18", "2024-05-31"))]
        let message = try Self.error(.noticeToImprove, dated: "2026-12-04", options: LetterOptions(penaltyNotices: PenaltyNoticeHistory(notices: two)))
        #expect(message.contains("parents[1]: has already had 2 penalty notices for this child"), "\(message)")
    }

    // MARK: Formats

    @Test func thePenaltyNoticeRendersInEveryFormat() throws {
        let letters = try LetterRun(resources: resources).letters(.penaltyNotice, for: try Self.loaded(), dated: date("2026-12-04"))
        let folder = try temporaryFolder("penalty-notice-formats")
        defer { try? FileManager.default.removeItem(at: folder) }
        let formats: [OutputFormat] = [.html, .txt, .docx, .pdf]
        let written = try DocumentWriter(resources: resources, formats: formats).write(letters.map(\.document), formats: formats, to: folder,
                                                                                      fop: try PDFTypesetter(configuration: resources.fopConfiguration))
        #expect(written.count == 12, "each parent's notice and the head teacher's copy of the father's, in four formats")
        let stem = folder.appendingPathComponent("CAT-2026-0142/penalty-notice/zoe-dsouza")
        let pdf = flattened(try pdfText(stem.appendingPathExtension("pdf")))
        #expect(pdf.contains("Pay £80 by Monday 4 January 2027."))
        #expect(pdf.contains("The last of them, Monday 28 December 2026, is not a school day"))
        let html = htmlText(try String(contentsOf: stem.appendingPathExtension("html"), encoding: .utf8))
        #expect(flattened(html).contains("We will not take you to court for this offence during the 28 days you have to pay."))
        // The DOCX's words, its runs joined (unzip reads the package, as Word would open it).
        let document = try run("unzip", ["-p", stem.appendingPathExtension("docx").path, "word/document.xml"]).output
        let words = document.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        #expect(words.contains("Pay £80 by Monday 4 January 2027."), "the DOCX holds the notice's amounts and dates")
        // The father's copy is his own: not the mother's address.
        let father = flattened(try pdfText(folder.appendingPathComponent("CAT-2026-0142/penalty-notice/ciaran-obrien.pdf")))
        #expect(father.contains("Dear Mr O'Brien") && !father.contains("Orchard Close"))
    }
}
