import AttendocCasework
import AttendocDocuments
import AttendocPrograms
import AttendocRendering
import AttendocTesting
import AttendocValues
import Foundation
import Testing

/// The local authority's enforcement letters, read as a parent reads them: the invitation to an
/// interview under caution, the final warning and the notice to improve, from the bundled county
/// case (examples/riverside-first-warning.yaml), whose figures were worked by hand from its register:
///
/// - 3 September to 23 November 2026: 104 possible sessions, 79 attended, 5 authorised, 20
///   unauthorised; 10 unauthorised sessions in 10 school weeks first reached on 23 October 2026;
///   20 unauthorised in the 10 school weeks from 14 September to 23 November.
/// - Since the first warning (23 November 2026) to 8 January 2027, the register's last day: 50
///   possible, 40 attended (80.0%), 2 authorised, 8 unauthorised.
/// - The interview on 3 December 2026 set 90%; its review is 5 weeks later, 7 January 2027 (16
///   school days); from 3 December to 7 January, 24 of 32 sessions were attended, 2 of the others
///   authorised illness, which the county policy does not count against the family: 24 of 30 (80.0%).
@Suite("Enforcement letters: PACE invitation, final warning, notice to improve")
struct EnforcementLetterTests {
    static let caution = "You do not have to say anything. But it may harm your defence if you do not mention when questioned something which you later rely on in Court. Anything you do say may be given in evidence."
    static let s444_1 = "If a child of compulsory school age who is a registered pupil at a school fails to attend regularly at the school, his parent is guilty of an offence."
    static let s444_1A = "If in the circumstances mentioned in subsection (1) the parent knows that his child is failing to attend regularly at the school and fails to cause him to do so, he is guilty of an offence."
    static let s444_1B = "It is a defence for a person charged with an offence under subsection (1A) to prove that he had a reasonable justification for his failure to cause the child to attend regularly at the school."

    static let example = repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml")
    static let zoe = "zoe-dsouza"
    static let ciaran = "ciaran-obrien"

    static func loaded() throws -> LoadedCase {
        try LoadedCase.load(example, resources: resources)
    }

    /// The index of the example's interview under caution in `meetings`.
    static func interviewIndex(_ loaded: LoadedCase) throws -> Int {
        try #require(loaded.attendanceCase.meetings.firstIndex { $0.kind == .paceInterview })
    }

    /// Each recipient's plain text (whitespace flattened), by file stem.
    static func texts(_ kind: DocumentKind, _ loaded: LoadedCase, dated iso: String,
                      options: LetterOptions = LetterOptions()) throws -> [String: String] {
        let run = try LetterRun(resources: resources)
        let letters = try run.letters(kind, for: loaded, dated: date(iso), options: options)
        let folder = try temporaryFolder("enforcement")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try DocumentWriter(resources: resources, formats: [.txt]).write(letters.map(\.document), formats: [.txt], to: folder, fop: nil)
        var texts: [String: String] = [:]
        for letter in letters {
            let url = folder.appendingPathComponent(letter.relativeStem + ".txt")
            texts[letter.fileStem] = flattened(try String(contentsOf: url, encoding: .utf8))
        }
        return texts
    }

    static func text(_ kind: DocumentKind, _ loaded: LoadedCase, dated iso: String,
                     options: LetterOptions = LetterOptions(), for stem: String = zoe) throws -> String {
        try #require(try texts(kind, loaded, dated: iso, options: options)[stem])
    }

    static func renderError(_ kind: DocumentKind, _ loaded: LoadedCase, dated iso: String,
                            options: LetterOptions = LetterOptions()) throws -> String {
        let run = try LetterRun(resources: resources)
        let error = #expect(throws: AttendocError.self) { try run.letters(kind, for: loaded, dated: date(iso), options: options) }
        return error?.description ?? ""
    }

    // MARK: Invitation to an interview under caution

    @Test func theInvitationStatesTheInterviewTheOffenceAndTheRights() throws {
        let texts = try Self.texts(.paceInterviewInvitation, try Self.loaded(), dated: "2026-11-23")
        #expect(texts.keys.sorted() == [Self.ciaran, Self.zoe])
        let text = try #require(texts[Self.zoe])
        #expect(text.contains("Dear Ms D'Souza"))
        #expect(text.contains("Siobhán O'Brien-Ní Dhuibhir"))
        #expect(text.contains("Date: Thursday 3 December 2026"))
        #expect(text.contains("Time: 10am"), "one time format in the letters: 10am, 8:45am")
        #expect(text.contains("Place: Riverside Academy, Riverside Road, Exeter EX4 1AA (meeting room 2, by main reception)"))
        #expect(text.contains("recorded interview under caution"))
        #expect(text.contains("an offence under section 444(1) of the Education Act 1996 between 3 September 2026 and 23 November 2026"))
        #expect(text.contains("Possible sessions 104 100.0%"))
        #expect(text.contains("Absent without authorisation 20 19.2%"))
        #expect(text.contains("we accepted the referral on 16 November 2026"))
        // The caution, word for word, and the offence's wording.
        #expect(text.contains(Self.caution))
        #expect(text.contains("“\(Self.s444_1)”"))
        // Section 444(1A) is not quoted (the plain-words penalties name it, as what a court can do).
        #expect(!text.contains("“(1A)"))
        #expect(text.contains("You are not under arrest. You attend the interview voluntarily, and you may leave at any time."))
        #expect(text.contains("free and independent legal advice"))
        #expect(text.contains("You may bring a solicitor with you."))
        #expect(text.contains("If you need an interpreter or other help to take part in the interview"))
        #expect(text.contains("contact Alex Brennan on 01392 000 124"))
        #expect(text.contains("If you do not come and do not contact us"))
        #expect(text.contains("Enclosures: - Register certificate of Siobhán O'Brien-Ní Dhuibhir’s attendance from 3 September 2026 to 23 November 2026"))
        // Each copy to its own parent.
        let toCiaran = try #require(texts[Self.ciaran])
        #expect(toCiaran.contains("Dear Mr O'Brien") && !toCiaran.contains("Orchard Close"))
    }

    @Test func anInterpreterIsOfferedOnlyInTheCopyOfTheParentWhoNeedsOne() throws {
        var loaded = try Self.loaded()
        loaded.attendanceCase.parentsAndCarers[1].preferredLanguage = "Polish"
        loaded.attendanceCase.parentsAndCarers[1].needs = [.interpreter]
        let texts = try Self.texts(.paceInterviewInvitation, loaded, dated: "2026-11-23")
        let toCiaran = try #require(texts[Self.ciaran]), toZoe = try #require(texts[Self.zoe])
        #expect(toCiaran.contains("Our records show that you prefer to speak Polish. We will arrange an interpreter who speaks Polish for the interview"))
        #expect(toCiaran.contains("If you need any other help to take part"))
        #expect(!toZoe.contains("Polish"))
        #expect(toZoe.contains("If you need an interpreter or other help to take part"))
    }

    @Test func section444_1AIsQuotedWithItsDefenceWhenThatIsTheRoute() throws {
        var loaded = try Self.loaded()
        loaded.attendanceCase.legalRoute?.section = .s444_1a
        let text = try Self.text(.paceInterviewInvitation, loaded, dated: "2026-11-23")
        #expect(text.contains("an offence under section 444(1A) of the Education Act 1996"))
        #expect(text.contains("“(1) \(Self.s444_1)”"))
        #expect(text.contains("“(1A) \(Self.s444_1A)”"))
        #expect(text.contains("“(1B) \(Self.s444_1B)”"))
        // Repealed by the Education and Inspections Act 2006, s109.
        #expect(!text.contains("fails without reasonable justification"))
    }

    @Test func anInterviewAfterThePolicysDeadlineIsAnErrorNamingTheDeadline() throws {
        var loaded = try Self.loaded()
        // 13 November 2026 (the school's referral) + 5 weeks = Friday 18 December 2026.
        loaded.attendanceCase.meetings[try Self.interviewIndex(loaded)].date = date("2026-12-21")
        let message = try Self.renderError(.paceInterviewInvitation, loaded, dated: "2026-11-23")
        #expect(message.contains("Friday 18 December 2026"), "\(message)")
        #expect(message.contains("after the school referred the case on 13 November 2026"), "\(message)")
        #expect(message.contains("pace_interview"))
        #expect(message.contains("--override-deadline"))
        // On the deadline itself is within it.
        loaded.attendanceCase.meetings[try Self.interviewIndex(loaded)].date = date("2026-12-18")
        #expect(try Self.text(.paceInterviewInvitation, loaded, dated: "2026-11-23").contains("Date: Friday 18 December 2026"))
    }

    @Test func anInterviewAfterTheDeadlineRendersWithAReasonAndTheRunNotesIt() throws {
        var loaded = try Self.loaded()
        loaded.attendanceCase.meetings[try Self.interviewIndex(loaded)].date = date("2027-01-06")
        let options = LetterOptions(deadlineOverrideReason: "the father was in hospital until 4 January")
        let text = try Self.text(.paceInterviewInvitation, loaded, dated: "2026-11-23", options: options)
        #expect(text.contains("Date: Wednesday 6 January 2027"))
        #expect(text.contains(Self.caution))
        let notes = try LetterRun(resources: resources).notes(for: loaded, options: options)
        #expect(notes.contains("--override-deadline given, with the reason: the father was in hospital until 4 January (it applies only where a deadline was passed)"))
    }

    @Test func theInterviewMustBeAnInterviewUnderCautionStillToCome() throws {
        let loaded = try Self.loaded()
        // (The example's second interview, on 11 January 2027, is the last.)
        let after = try Self.renderError(.paceInterviewInvitation, loaded, dated: "2027-01-12")
        #expect(after.contains("no interview under caution on or after 12 January 2027"), "\(after)")
        #expect(after.contains("kind: pace_interview"))
        let taf = try Self.renderError(.paceInterviewInvitation, loaded, dated: "2026-11-23", options: LetterOptions(meeting: "meetings[1]"))
        #expect(taf.contains("meetings[1] is a Team Around the Family meeting, not an interview under caution"), "\(taf)")
        let missing = try Self.renderError(.paceInterviewInvitation, loaded, dated: "2026-11-23", options: LetterOptions(meeting: "meetings[9]"))
        #expect(missing.contains("no meeting meetings[9]"))
        let chosen = try Self.text(.paceInterviewInvitation, loaded, dated: "2026-11-23",
                                   options: LetterOptions(meeting: "meetings[\(try Self.interviewIndex(loaded))]"))
        #expect(chosen.contains("Date: Thursday 3 December 2026"))
    }

    @Test func anInterviewWithoutATimeOrAnOffenceIsAnErrorSayingWhatToAdd() throws {
        var noTime = try Self.loaded()
        noTime.attendanceCase.meetings[try Self.interviewIndex(noTime)].time = nil
        #expect(try Self.renderError(.paceInterviewInvitation, noTime, dated: "2026-11-23").contains("add time: HH:MM"))
        var order = try Self.loaded()
        order.attendanceCase.legalRoute?.section = .educationSupervisionOrder
        #expect(try Self.renderError(.paceInterviewInvitation, order, dated: "2026-11-23").contains("s444_1, s444_1a or s443"))
    }

    // MARK: Final warning

    @Test func theFinalWarningGivesTheFiguresSinceTheFirstWarningAgainstTheTarget() throws {
        let text = try Self.text(.finalWarningLetter, try Self.loaded(), dated: "2027-01-11", for: Self.ciaran)
        #expect(text.contains("Dear Mr O'Brien"))
        #expect(text.contains("We wrote to you on 23 November 2026 with a formal first warning"))
        #expect(text.contains("At the interview under caution (under the Police and Criminal Evidence Act 1984, or PACE) on 3 December 2026, an attendance target of 90% was set for Siobhán, to be reviewed on 7 January 2027."))
        #expect(text.contains("The target has not been met. Between 3 December 2026 and 7 January 2027, 16 school days, Siobhán attended 24 of 30 sessions, which is 80.0%, against the target of 90%. We did not count the 2 sessions Siobhán missed through illness that the school agreed to. Each school day has two sessions, morning and afternoon."), "\(text)")
        // One headline figure (the target's); since the first warning, the sessions missed only.
        #expect(text.contains("Since our first warning, from 23 November 2026 to 8 January 2027, Siobhán has missed 8 sessions that the school did not agree to."), "\(text)")
        #expect(!text.contains("Possible sessions 50"))
        // A date to respond by: the policy's final_warning_response, 10 school days after
        // Monday 11 January 2027.
        #expect(text.contains("please tell Alex Brennan by Monday 25 January 2027, ten school days from the date of this letter."), "\(text)")
        #expect(text.contains("preparing the papers to submit to court for prosecution under section 444(1) of the Education Act 1996"))
        #expect(text.contains("“\(Self.s444_1)”"))
    }

    @Test func aFinalWarningIsRefusedWhenTheTargetWasMet() throws {
        var loaded = try Self.loaded()
        let index = try Self.interviewIndex(loaded)
        // 24 of 30 (authorised illness left out) is exactly 80%: a target of 80% was met, so no
        // final warning.
        loaded.attendanceCase.meetings[index].attendanceTarget = .percent(tenths: 800)
        let message = try Self.renderError(.finalWarningLetter, loaded, dated: "2027-01-11")
        #expect(message.contains("was met"), "\(message)")
        #expect(message.contains("80.0%"))
        // A tenth of a per cent more is not met.
        loaded.attendanceCase.meetings[index].attendanceTarget = .percent(tenths: 801)
        #expect(try Self.text(.finalWarningLetter, loaded, dated: "2027-01-11").contains("against the target of 80.1%"))
        // Under a policy that counts authorised illness, 24 of 32 (75.0%) misses a target of 80%.
        loaded.attendanceCase.meetings[index].attendanceTarget = .percent(tenths: 800)
        loaded.policy?.targetCountsAuthorisedIllness = true
        let counted = try Self.text(.finalWarningLetter, loaded, dated: "2027-01-11")
        #expect(counted.contains("Siobhán attended 24 of 32 sessions, which is 75.0%, against the target of 80%."), "\(counted)")
        #expect(!counted.contains("illness"))
    }

    @Test func theFinalWarningDatesTheDecisionFromItsRecord() throws {
        var loaded = try Self.loaded()
        // The route was considered at referral (16 November 2026); the decision to prosecute
        // was made after the target's review (7 January 2027), on 8 January 2027.
        let text = try Self.text(.finalWarningLetter, loaded, dated: "2027-01-11")
        #expect(text.contains("We decided on this legal route on 8 January 2027."), "\(text)")
        #expect(!text.contains("16 November 2026"))
        // A decision dated after the letter, or before the target's review, is refused.
        loaded.attendanceCase.legalRoute?.decision?.on = date("2027-01-12")
        #expect(try Self.renderError(.finalWarningLetter, loaded, dated: "2027-01-11").contains("legal_route.decision.on (12 January 2027) is after this letter's date"))
        loaded.attendanceCase.legalRoute?.decision?.on = date("2026-12-10")
        #expect(try Self.renderError(.finalWarningLetter, loaded, dated: "2027-01-11").contains("is before the review of the target set at meetings[2] (7 January 2027)"))
        // No decision recorded: no final warning, saying what to record.
        loaded.attendanceCase.legalRoute?.decision = nil
        #expect(try Self.renderError(.finalWarningLetter, loaded, dated: "2027-01-11").contains("record it under legal_route.decision"))
    }

    @Test func aFinalWarningWaitsForTheTargetsReview() throws {
        var loaded = try Self.loaded()
        let early = try Self.renderError(.finalWarningLetter, loaded, dated: "2027-01-06")
        #expect(early.contains("review on Thursday 7 January 2027"), "\(early)")
        // Overridden, the letter comes before the review, and so does the decision it reports.
        loaded.attendanceCase.legalRoute?.decision?.on = date("2027-01-05")
        let text = try Self.text(.finalWarningLetter, loaded, dated: "2027-01-06",
                                 options: LetterOptions(deadlineOverrideReason: "no attendance at all since the interview"))
        #expect(text.contains("Between 3 December 2026 and 6 January 2027"))
    }

    @Test func theFirstWarningDateComesFromTheLettersIssuedWhenTheRouteHasNone() throws {
        var loaded = try Self.loaded()
        loaded.attendanceCase.legalRoute?.firstWarningOn = nil
        #expect(try Self.text(.finalWarningLetter, loaded, dated: "2027-01-11").contains("We wrote to you on 23 November 2026"))
        loaded.attendanceCase.lettersIssued.removeAll { $0.kind == .known(.firstWarningLetter) }
        #expect(try Self.renderError(.finalWarningLetter, loaded, dated: "2027-01-11").contains("legal_route.first_warning_on"))
    }

    @Test func aFinalWarningNeedsATargetFromAPanelOrInterview() throws {
        var loaded = try Self.loaded()
        loaded.attendanceCase.meetings[try Self.interviewIndex(loaded)].attendanceTarget = nil
        let message = try Self.renderError(.finalWarningLetter, loaded, dated: "2027-01-11")
        #expect(message.contains("add attendance_target"), "\(message)")
    }

    @Test func aFinalWarningReportsOnATargetSetBeforeItsDateAsATargetMetLetterDoes() throws {
        let loaded = try Self.loaded()
        let interview = loaded.attendanceCase.meetings[try Self.interviewIndex(loaded)]
        // On the interview's own day its target has had no time to be met or missed.
        for kind in [DocumentKind.finalWarningLetter, .targetMetLetter] {
            let message = try Self.renderError(kind, loaded, dated: interview.date.iso,
                                               options: LetterOptions(meeting: interview.casePath, deadlineOverrideReason: "testing"))
            #expect(message.contains("before") && message.contains(interview.casePath), "\(kind): \(message)")
        }
        let unknown = try Self.renderError(.finalWarningLetter, loaded, dated: "2027-01-11", options: LetterOptions(meeting: "meetings[9]"))
        #expect(unknown.hasPrefix("the case CAT/2026/0142 has no meeting meetings[9]; its meetings are: meetings[0] (parenting_contract, 2026-10-02)"), "\(unknown)")
    }

    // MARK: Record of interview under caution

    @Test func eachInterviewHasItsOwnRecordOnTheCountysLetterhead() throws {
        let texts = try Self.texts(.recordOfInterview, try Self.loaded(), dated: "2026-12-03")
        #expect(texts.keys.sorted() == [Self.ciaran, Self.zoe])
        let mother = try #require(texts[Self.zoe])
        let father = try #require(texts[Self.ciaran])
        // The local authority's letterhead, not the school's; a record, not a meeting's minutes.
        #expect(mother.hasPrefix("Northshire County Council County Attendance Team County Hall"), "\(mother.prefix(200))")
        #expect(mother.contains("Record of interview under caution"))
        #expect(!mother.contains("Key issues and barriers") && !mother.contains("Actions: who will do what"))
        for fact in ["Interviewee: Ms Zoë D'Souza", "Date: Thursday 3 December 2026", "Started: 10:05", "Ended: 10:40",
                     "Place: Riverside Academy, Riverside Road", "Absences put: 3 September 2026 to 2 December 2026", "Recording: Exhibit JM/1",
                     "The interviewee was cautioned in these words: \(Self.caution)", "The interviewee said that they understood the caution.",
                     "Free and independent legal advice: offered and declined", "Interpreter: none", "Appropriate adult: none",
                     "I start work at 7:30", "Interviewing officer: Alex Brennan"] {
            #expect(mother.contains(fact), "\(fact)")
        }
        // Each interviewee's record holds their own account only.
        #expect(father.contains("Interviewee: Mr Ciarán O'Brien") && father.contains("Started: 10:50") && father.contains("Exhibit JM/2"))
        #expect(father.contains("my shifts changed"))
        #expect(!father.contains("I start work at 7:30") && !mother.contains("my shifts changed"))
    }

    @Test func aRecordOfInterviewNeedsTheInterviewsRecorded() throws {
        var loaded = try Self.loaded()
        let index = try Self.interviewIndex(loaded)
        loaded.attendanceCase.meetings[index].interviews = []
        let message = try Self.renderError(.recordOfInterview, loaded, dated: "2026-12-03")
        #expect(message.contains("meetings[2] (the interview under caution of 3 December 2026) has no interviews: add one record per interviewee under interviews"), "\(message)")
    }

    // MARK: Notice to improve

    @Test func theNoticeToImproveStatesTheThresholdTheSupportAndThePeriod() throws {
        let text = try Self.text(.noticeToImprove, try Self.loaded(), dated: "2026-11-23")
        #expect(text.contains("This is a notice to improve."))
        #expect(text.contains("Possible sessions 104 100.0%"))
        #expect(text.contains("misses 10 sessions without authorisation within 10 school weeks. Siobhán reached this on 23 October 2026."))
        #expect(text.contains("In the 10 school weeks from 14 September 2026 to 23 November 2026, Siobhán missed 20 sessions without authorisation."))
        #expect(text.contains("section 7 of the Education Act 1996"))
        #expect(text.contains("“\(Self.s444_1)”"))
        // Support offered, still going on, and not taken up.
        #expect(text.contains("A parenting contract with an attendance target of 90%, offered by Riverside Academy on 2 October 2026"))
        #expect(text.contains("still going on, which we expect you to keep taking part in: - Early Help support from a family support worker, from Northshire Early Help"))
        #expect(text.contains("not taken up. Please tell us if you would now like it: - A daily check-in with the school's attendance mentor"))
        // Posted on Monday 23 November, deemed received on Wednesday 25 November (the policy's
        // second working day); the week of receipt is not whole, so the six school weeks are those
        // from 30 November, skipping the two weeks of the Christmas holiday: to Friday 22 January.
        #expect(text.contains("The improvement period is 6 school weeks, from 25 November 2026, the day we take this notice to reach you, to Friday 22 January 2027, the end of the last of those school weeks. That is 33 school days."))
        // A first penalty notice for this parent: its amounts.
        #expect(text.contains("A penalty notice is a fine of £160, or £80 if you pay within 21 days."))
        #expect(text.contains("The attendance target agreed at the Team Around the Family meeting on 21 October 2026 was: 90%."))
        #expect(text.contains("penalty notice"))
        #expect(text.contains("prosecuting"))
    }

    @Test func aNoticeToImproveIsRefusedBeforeTheThresholdIsMet() throws {
        // The threshold was first met on 23 October 2026.
        let message = try Self.renderError(.noticeToImprove, try Self.loaded(), dated: "2026-10-22")
        #expect(message.contains("is not met as of 22 October 2026"), "\(message)")
        #expect(message.contains("10 sessions of unauthorised absence within 10 school weeks"))
        #expect(try Self.text(.noticeToImprove, try Self.loaded(), dated: "2026-10-23").contains("Siobhán reached this on 23 October 2026."))
    }

    // MARK: Statutory wording

    /// The tags of a template file, without their braces.
    static func tags(in partial: String) throws -> [String] {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("templates/partials/statutory/\(partial).mustache"), encoding: .utf8)
        var tags: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            tags.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return tags
    }

    @Test func theStatutoryPartialsTakeNoValues() throws {
        let caution = try Self.tags(in: "caution")
        #expect(caution.count == 1 && caution[0].hasPrefix("!"), "the caution partial has only its comment: \(caution)")
        #expect(caution[0].contains("STATUTORY WORDING"))
        let offence = try Self.tags(in: "s444-offence")
        #expect(offence.first?.contains("STATUTORY WORDING") == true)
        #expect(Array(offence.dropFirst()) == ["#offence.s444_1", "/offence.s444_1", "#offence.s444_1a", "/offence.s444_1a"])
        let defences = try Self.tags(in: "s444-defences")
        #expect(defences.count == 1 && defences[0].contains("STATUTORY WORDING"), "the defences partial has only its comment: \(defences)")
    }

    static let s444_2A = "(2A) The child shall not be taken to have failed to attend regularly at the school by reason of his absence from the school at any time if the parent proves that at that time the child was prevented from attending by reason of sickness or any unavoidable cause."
    static let s444_3 = "(3) The child shall not be taken to have failed to attend regularly at the school by reason of his absence from the school— (a) with leave, or ... (c) on any day exclusively set apart for religious observance by the religious body to which his parent belongs."

    /// The first and final warnings and the interview invitation state the duty fully, the
    /// defences (s444(2A), (3)) and what a court can do (s444(8), (8A); a parenting order), in
    /// plain words; the invitation also quotes the defences.
    @Test(arguments: [(DocumentKind.firstWarningLetter, "2026-11-23"), (.paceInterviewInvitation, "2026-11-23"), (.finalWarningLetter, "2027-01-11")])
    func theLawIsStatedFully(kind: DocumentKind, dated: String) throws {
        let text = try Self.text(kind, try Self.loaded(), dated: dated)
        for expected in [
            // Section 7, with "efficient" and "suitable" in full, and the duty as the law has it.
            "you must make sure that Siobhán gets a good, full-time education that suits Siobhán’s age, ability and talents, and any special educational needs (section 7 of the Education Act 1996)",
            "Coming in late, but before the register closes, still counts as being there.",
            // s444(2A) and (3).
            "Siobhán was ill, or could not go for a reason that could not be avoided (you would need to show this);",
            "the school gave leave for the absence; or",
            "it was a day set apart only for religious worship by the religious group you belong to.",
            // s444(8), (8A); a parenting order.
            "If it finds you guilty of the offence in section 444(1), it can fine you up to £1,000.",
            "it can fine you up to £2,500, send you to prison for up to three months, or both.",
            "It can also make a parenting order.",
        ] {
            #expect(text.contains(expected), "\(kind): \(expected)")
        }
        #expect(!text.contains("every day the school is open, arriving on time"), "\(kind)")
        if kind == .paceInterviewInvitation {
            #expect(text.contains("“\(Self.s444_2A)”"))
            #expect(text.contains("“\(Self.s444_3)”"))
        }
    }

    @Test func theDefenceOfReasonableJustificationIsStatedForSection444_1A() throws {
        var loaded = try Self.loaded()
        #expect(!(try Self.text(.finalWarningLetter, loaded, dated: "2027-01-11")).contains("it is also a defence if you had a good reason"))
        loaded.attendanceCase.legalRoute?.section = .s444_1a
        #expect(try Self.text(.finalWarningLetter, loaded, dated: "2027-01-11").contains("For the offence in section 444(1A), it is also a defence if you had a good reason for not getting Siobhán to school (you would need to show this)."))
    }

    // MARK: PDF

    @Test func allThreeKindsReadCorrectlyInPDF() throws {
        let loaded = try Self.loaded()
        let run = try LetterRun(resources: resources)
        let letters = try run.letters(.paceInterviewInvitation, for: loaded, dated: date("2026-11-23"))
            + run.letters(.finalWarningLetter, for: loaded, dated: date("2027-01-11"))
            + run.letters(.noticeToImprove, for: loaded, dated: date("2026-11-23"))
        let folder = try temporaryFolder("enforcement-pdf")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try DocumentWriter(resources: resources, formats: [.pdf]).write(letters.map(\.document), formats: [.pdf], to: folder,
                                    fop: try PDFTypesetter(configuration: resources.fopConfiguration))
        // Two parents' copies of each, and the head teacher's copy of the final warning and the
        // notice to the father's confidential address.
        #expect(written.count == 8)
        func pdf(_ kind: DocumentKind) throws -> String {
            flattened(try pdfText(folder.appendingPathComponent("CAT-2026-0142/\(kind.rawValue)/\(Self.zoe).pdf")))
        }
        let invitation = try pdf(.paceInterviewInvitation)
        #expect(invitation.contains(Self.caution))
        #expect(invitation.contains("Thursday 3 December 2026"))
        #expect(invitation.contains("Siobhán O'Brien-Ní Dhuibhir"))
        #expect(invitation.contains(Self.s444_1))
        let warning = try pdf(.finalWarningLetter)
        #expect(warning.contains("Tell us by Monday 25 January 2027"))
        #expect(warning.contains("which is 80.0%, against the target of 90%"))
        let notice = try pdf(.noticeToImprove)
        #expect(notice.contains("Friday 22 January 2027"))
        #expect(notice.contains("Siobhán reached this on 23 October 2026."))
    }
}
