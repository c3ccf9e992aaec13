import AttendocCaseModel
import AttendocCasework
import AttendocDocuments
import AttendocPrograms
import AttendocRendering
import AttendocTesting
import Foundation
import Testing

/// The attendance concern letter and the meeting invitation (the school's), and the target met
/// letter (the local authority's), from the bundled examples: what a parent reads, figure by figure.
///
/// Hand-worked figures: examples/school-tier2-case.yaml's register (Brookfield Primary, autumn 2026)
/// and examples/hillcrest-target-met.yaml's (Hillcrest Academy, autumn 2026 and January 2027).
@Suite("Concern letters, meeting invitations and target met letters")
struct SchoolLettersAndTargetMetTests {
    static let schoolCase = repositoryRoot.appendingPathComponent("examples/school-tier2-case.yaml")
    static let countyCase = repositoryRoot.appendingPathComponent("examples/hillcrest-target-met.yaml")

    static func load(_ url: URL) throws -> LoadedCase {
        try LoadedCase.load(url, resources: resources)
    }

    /// The plain text of each recipient's copy, whitespace flattened, by file stem.
    static func texts(_ kind: DocumentKind, _ loaded: LoadedCase, dated iso: String,
                      options: LetterOptions = LetterOptions()) throws -> [String: String] {
        let run = try LetterRun(resources: resources)
        let letters = try run.letters(kind, for: loaded, dated: date(iso), options: options)
        let folder = try temporaryFolder("kinds-a-text")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try DocumentWriter(resources: resources, formats: [.txt]).write(letters.map(\.document), formats: [.txt], to: folder, fop: nil)
        var texts: [String: String] = [:]
        for file in written {
            texts[file.deletingPathExtension().lastPathComponent] = flattened(try String(contentsOf: file, encoding: .utf8))
        }
        return texts
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

    // MARK: - Attendance concern letter

    @Test func concernLetterGivesTheFiguresThePatternAndTheTier() throws {
        let texts = try Self.texts(.attendanceConcernLetter, try Self.load(Self.schoolCase), dated: "2026-09-28")
        #expect(texts.keys.sorted() == ["agnieszka-kowalczyk", "tomasz-kowalczyk"])
        let text = try #require(texts["agnieszka-kowalczyk"])
        for expected in [
            "Brookfield Primary School Brookfield Lane Alphington Exeter EX2 8RT Telephone: 01392 000 310",
            "Mrs Agnieszka Kowalczyk 7 Willow Walk",
            "28 September 2026",
            "Pupil: Maisie Kowalczyk, Year 5, born 19 November 2016",
            "Dear Mrs Kowalczyk",
            // 3 Sep to 28 Sep 2026: 18 school days, 36 sessions; 2 authorised (11 Sep), 3 unauthorised.
            "Between 3 September 2026 and 28 September 2026, Maisie missed 5 of 36 sessions (13.9%).",
            "Possible sessions 36 100.0%",
            "Attended 31 86.1%",
            "Absent with the school’s 2 5.6% authorisation",  // the text format wraps the long cell
            "Absent without authorisation 3 8.3%",
            "A pupil who misses 10% or more of their sessions is persistently absent",
            // Tier 2 of seed 003 (80% to below 93%) since 11 September: 12 of 14 sessions, 85.7%.
            "Northshire County Council’s attendance policy groups attendance into 4 tiers of support.",
            "Attendance of at least 80% but below 93% is tier 2, where Maisie’s attendance has been since 11 September 2026.",
            // Mondays 14 (morning) and 21 September (both); Friday 11 September (both).
            "Maisie missed more sessions on Mondays than on other days. Of the 5 sessions missed, 3 were mornings and 2 afternoons.",
            "Monday 3 8", "Tuesday 0 6", "Wednesday 0 6", "Thursday 0 8", "Friday 2 8",
            "Please contact the school on 01392 000 310 or by email at office@brookfield-primary.example",
            "Northshire Parent Advice Line: 01392 000 456",
            "Mr Owen Pritchard Head Teacher Brookfield Primary School",
        ] {
            #expect(text.contains(expected), "concern letter: \(expected)")
        }
        // Support offered after the letter's date (the parenting contract, 8 October) is not listed.
        #expect(!text.contains("Support already offered"))
        #expect(!text.contains("8 October 2026"))
        // The school's letter: not the local authority's letterhead or officer.
        #expect(!text.contains("County Hall"))
        #expect(!text.contains("Priya Sandhu"))
        #expect(texts["tomasz-kowalczyk"]?.contains("Dear Mr Kowalczyk") == true)
    }

    @Test func concernLetterListsOnlySupportOfferedByItsDate() throws {
        // Dated 2 November 2026 (the training day): the parenting contract and the mentor, not Early Help (5 November).
        let text = try #require(try Self.texts(.attendanceConcernLetter, try Self.load(Self.schoolCase), dated: "2026-11-02")["agnieszka-kowalczyk"])
        #expect(text.contains("Support already offered to your family: - A parenting contract with an attendance target of 92%, offered by Brookfield Primary School on 8 October 2026"))
        #expect(text.contains("A morning check-in with the school's learning mentor"))
        #expect(!text.contains("Early Help support from a family support worker"))
    }

    @Test func concernLetterFromStatedFiguresHasNoPatternOrTier() throws {
        // A case without a register or policy: the figures its attendance section states (94 possible,
        // 6 authorised and 22 unauthorised absences), and names that must print as themselves.
        var attendanceCase = try CaseFileReader.read(contentsOf: fixture("separated-parents.yaml"))
        attendanceCase.school.phone = "01392 000 999"
        attendanceCase.policyName = nil   // the fixture names a policy for its first warning letter
        let run = try LetterRun(resources: resources)
        let letters = try run.letters(.attendanceConcernLetter, for: attendanceCase, dated: date("2026-11-16"))
        let folder = try temporaryFolder("kinds-a-stated")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try DocumentWriter(resources: resources, formats: [.txt]).write(letters.map(\.document), formats: [.txt], to: folder, fop: nil)
        let text = flattened(try String(contentsOf: try #require(written.first { $0.lastPathComponent == "tomas-o-briain.txt" }), encoding: .utf8))
        #expect(text.hasPrefix("St Mary's & St John's <Primary> Church Street"))
        #expect(text.contains("Between 3 September 2026 and 13 November 2026, Siobhán missed 28 of 94 sessions (29.8%)."))
        #expect(text.contains(#"Mr Owen "Tad" Price Head Teacher St Mary's & St John's <Primary> Telephone: 01392 000 999"#))
        #expect(!text.contains("persistently absent"), "no policy: no threshold to compare with")
        #expect(!text.contains("tier"))
        #expect(!text.contains("has been absent"), "no register: no pattern")
    }

    @Test func concernLetterIsRefusedWhenAttendanceGivesNoCause() throws {
        // To 10 September: every session attended.
        let message = try Self.error(.attendanceConcernLetter, try Self.load(Self.schoolCase), dated: "2026-09-10")
        #expect(message.contains("from 3 September 2026 to 10 September 2026 is 100.0%"), "\(message)")
        #expect(message.contains("no cause for an attendance concern letter"), "\(message)")
        #expect(!message.contains("Maisie"), "messages never repeat a name")
    }

    @Test func schoolLettersNeedAWayToContactTheSchool() throws {
        var loaded = try Self.load(Self.schoolCase)
        loaded.attendanceCase.school.phone = nil
        loaded.attendanceCase.school.email = nil
        for kind in [DocumentKind.attendanceConcernLetter, .meetingInvitation] {
            let message = try Self.error(kind, loaded, dated: "2026-12-01")
            #expect(message.contains("add school.phone or school.email"), "\(kind): \(message)")
        }
    }

    // MARK: - Meeting invitation

    @Test func invitationIsToTheNextMeetingWithItsDateTimePlaceAndPeople() throws {
        let texts = try Self.texts(.meetingInvitation, try Self.load(Self.schoolCase), dated: "2026-12-01")
        let text = try #require(texts["tomasz-kowalczyk"])
        for expected in [
            "Dear Mr Kowalczyk",
            "Invitation to a Team Around the Family meeting about Maisie’s attendance",
            // 3 Sep to 30 Nov: 57 school days, 114 sessions, 20 missed.
            "a meeting about Maisie’s attendance at school, which from 3 September 2026 to 30 November 2026 is 82.5% (94 of 114 possible sessions).",
            "Date: Thursday 10 December 2026",
            "Time: 3:30pm",
            "Place: Brookfield Primary School, family room",
            "A Team Around the Family meeting brings together you, Maisie, the school and the other services",
            "- Agnieszka Kowalczyk, mother - Tomasz Kowalczyk, father - Mrs Helen Osei, attendance lead, Brookfield Primary School - Jo Whitfield, family support worker, Northshire Early Help - Nurse Amy Lund, school nurse, Northshire 0 to 19 nursing service You are welcome",
            "Please tell the school on 01392 000 310 or at office@brookfield-primary.example whether you can come (if you cannot, we will arrange another time), and whether you need an interpreter or any other help to take part.",
            "Mr Owen Pritchard Head Teacher Brookfield Primary School",
        ] {
            #expect(text.contains(expected), "invitation: \(expected)")
        }
        // attendance-tiers has no deadline for the review after a Team Around the Family meeting.
        #expect(!text.contains("look at how the plan is working"))
    }

    @Test func invitationOffersAnInterpreterInTheParentsLanguage() throws {
        var loaded = try Self.load(Self.schoolCase)
        loaded.attendanceCase.parentsAndCarers[0].preferredLanguage = "Polish"
        loaded.attendanceCase.parentsAndCarers[0].needs = [.interpreter]
        let texts = try Self.texts(.meetingInvitation, loaded, dated: "2026-12-01")
        #expect(texts["agnieszka-kowalczyk"]?.contains("We will arrange an interpreter in Polish for you. Please tell the school on 01392 000 310 or at office@brookfield-primary.example whether you can come (if you cannot, we will arrange another time), and whether you need any other help to take part.") == true)
        #expect(texts["tomasz-kowalczyk"]?.contains("whether you need an interpreter or any other help to take part.") == true)
        #expect(texts["tomasz-kowalczyk"]?.contains("Polish") == false)
    }

    @Test func invitationToAChosenImprovementPlanMeeting() throws {
        let texts = try Self.texts(.meetingInvitation, try Self.load(Self.schoolCase), dated: "2026-10-29",
                                   options: LetterOptions(meeting: "meetings[1]"))
        let text = try #require(texts["agnieszka-kowalczyk"])
        for expected in [
            "Invitation to an attendance improvement plan meeting about Maisie’s attendance",
            "Date: Thursday 5 November 2026", "Time: 8:45am",
            "agree the actions each person at the meeting will take, and set an attendance target",
            "You will receive a copy of the notes of the meeting.",
            "In most cases your word is enough: the school will not ask for a doctor’s note as a rule.",
        ] {
            #expect(text.contains(expected), "improvement plan invitation: \(expected)")
        }
    }

    @Test func panelInvitationFromTheSchoolSaysWhoHoldsTheMeetingAndTheReview() throws {
        let texts = try Self.texts(.meetingInvitation, try Self.load(Self.countyCase), dated: "2026-11-26")
        #expect(texts.keys.sorted() == ["dean-whitlock", "kerry-brooks"])
        let text = try #require(texts["dean-whitlock"])
        for expected in [
            "Hillcrest Academy Pinhoe Road Exeter EX4 8HL",
            "Mr Dean Whitlock 5 Quay Cottages",
            "Invitation to an attendance panel meeting about Ellie-Mae’s attendance",
            "Date: Thursday 10 December 2026", "Time: 10am", "Place: Hillcrest Academy, meeting room 2",
            "The County Attendance Team of Northshire County Council holds this meeting.",
            // county-attendance-team's target_review: 5 weeks after 10 December 2026.
            "an attendance target will be set and reviewed within 5 weeks, by Thursday 14 January 2027.",
            "Gareth Lloyd, County Attendance Officer, Northshire County Council",
            "Dr Miriam Adebayo Head Teacher Hillcrest Academy",
        ] {
            #expect(text.contains(expected), "panel invitation: \(expected)")
        }
        #expect(text.contains("whether you can come, and whether you need"), "the school cannot move the attendance team's meeting")
        #expect(!text.contains("arrange another time"))
        #expect(!text.contains("Beacon Heath"), "the father's copy does not carry the mother's address")
    }

    @Test func invitationsGiveThePolicysReviewDeadline() throws {
        // The school case under seed 004's policy: reviews not more than 20 school days after a
        // parenting contract or Team Around the Family meeting.
        var loaded = try Self.load(Self.schoolCase)
        loaded.policy = try policy("county-attendance-team")
        // 8 October 2026 + 20 school days, skipping half term and the training day on 2 November.
        let contract = try #require(try Self.texts(.meetingInvitation, loaded, dated: "2026-09-30", options: LetterOptions(meeting: "meetings[0]"))["agnieszka-kowalczyk"])
        #expect(contract.contains("Invitation to an attendance contract meeting about Maisie’s attendance"))
        #expect(contract.contains("write down in an attendance contract"))
        #expect(contract.contains("Date: Thursday 8 October 2026 - Time: 9am"))
        #expect(contract.contains("We will look at Maisie’s attendance again with you within 20 school days of the meeting, by Friday 13 November 2026."), "\(contract)")
        // 10 December 2026 + 20 school days, skipping the Christmas holiday.
        let taf = try #require(try Self.texts(.meetingInvitation, loaded, dated: "2026-12-01")["agnieszka-kowalczyk"])
        #expect(taf.contains("We will look at how the plan is working within 20 school days of the meeting, by Thursday 21 January 2027."), "\(taf)")
        // And the concern letter's review (concern_review): 28 September 2026 + 20 school days.
        let concern = try #require(try Self.texts(.attendanceConcernLetter, loaded, dated: "2026-09-28")["agnieszka-kowalczyk"])
        #expect(concern.contains("We will look at Maisie’s attendance again by Tuesday 3 November 2026."), "\(concern)")
        #expect(!concern.contains("tier"), "the county policy has no tiers")
    }

    @Test func invitationWithNoUpcomingMeetingSaysWhatToAdd() throws {
        let loaded = try Self.load(Self.schoolCase)
        let message = try Self.error(.meetingInvitation, loaded, dated: "2026-12-11")
        #expect(message.contains("no parenting contract, attendance improvement plan, Team Around the Family or attendance panel meeting on or after 11 December 2026"), "\(message)")
        #expect(message.contains("add it under meetings:"), "\(message)")
        let past = try Self.error(.meetingInvitation, loaded, dated: "2026-12-11", options: LetterOptions(meeting: "meetings[2]"))
        #expect(past.contains("meetings[2]") && past.contains("before the letter's date"), "\(past)")
        let missing = try Self.error(.meetingInvitation, loaded, dated: "2026-12-01", options: LetterOptions(meeting: "meetings[7]"))
        #expect(missing.contains("has no meeting meetings[7]"), "\(missing)")
    }

    @Test func invitationNeedsTheMeetingsTimePlaceAndAttendees() throws {
        var loaded = try Self.load(Self.schoolCase)
        loaded.attendanceCase.meetings[2].time = nil
        #expect(try Self.error(.meetingInvitation, loaded, dated: "2026-12-01").contains("meetings[2] (the Team Around the Family meeting on 10 December 2026) has no time; add time: HH:MM"))
        loaded = try Self.load(Self.schoolCase)
        loaded.attendanceCase.meetings[2].place = nil
        #expect(try Self.error(.meetingInvitation, loaded, dated: "2026-12-01").contains("has no place; add place:"))
        loaded = try Self.load(Self.schoolCase)
        loaded.attendanceCase.meetings[2].attendees = []
        #expect(try Self.error(.meetingInvitation, loaded, dated: "2026-12-01").contains("has no attendees; add attendees:"))
    }

    @Test func aPACEInterviewIsNotInvitedToWithThisLetter() throws {
        var loaded = try Self.load(Self.countyCase)
        loaded.attendanceCase.meetings[2].kind = .paceInterview
        let message = try Self.error(.meetingInvitation, loaded, dated: "2026-11-26", options: LetterOptions(meeting: "meetings[2]"))
        #expect(message.contains("its invitation is the document pace-interview-invitation"), "\(message)")
        #expect(try Self.error(.meetingInvitation, loaded, dated: "2026-11-26").contains("no parenting contract"))
    }

    // MARK: - Target met letter

    @Test func targetMetLetterGivesTheFiguresOverTheTargetsPeriodAndTheNextReview() throws {
        let texts = try Self.texts(.targetMetLetter, try Self.load(Self.countyCase), dated: "2027-01-18")
        #expect(texts.keys.sorted() == ["dean-whitlock", "kerry-brooks"])
        let text = try #require(texts["kerry-brooks"])
        for expected in [
            "Northshire County Council County Attendance Team County Hall",
            "Our reference: CAT/2026/0187",
            "Dear Ms Brooks",
            "Ellie-Mae’s attendance target has been met",
            "At the attendance panel meeting on 10 December 2026, an attendance target of 90% was set for Ellie-Mae. I am pleased to tell you that Ellie-Mae has met it.",
            // The target's period, from the meeting to its review (10 Dec to 14 Jan): 16 school days,
            // 32 sessions; ill on 11 January (authorised), which the county policy does not count
            // against the family: 30 of 30.
            "From 10 December 2026 to 14 January 2027, Ellie-Mae attended 30 of 30 sessions: 100.0%. Each school day has two sessions, morning and afternoon. The “possible sessions” are all the sessions when Ellie-Mae was expected at school. We did not count the 2 sessions Ellie-Mae missed through illness that the school agreed to.",
            // 3 Sep to 9 Dec: 64 school days, 128 sessions, 44 missed: 84 of 128 = 65.625%.
            "Before the meeting, Ellie-Mae’s attendance this school year was 65.6%.",
            "Attendance from 10 December 2026 to 14 January 2027",
            "Possible sessions 32 100.0%", "Attended 30 93.8%",
            "Absent with the school’s 2 6.3% authorisation", "Absent without authorisation 0 0.0%",
            // county-attendance-team's target_review: 5 weeks after 18 January 2027.
            "We will look at Ellie-Mae’s attendance again on or before Monday 22 February 2027, 5 weeks from the date of this letter.",
            "please tell us or the school straight away: contact Gareth Lloyd on 01392 000 127 or at gareth.lloyd@northshire.example.",
            "Gareth Lloyd County Attendance Officer Northshire County Council",
            "Copy to: - Dr Miriam Adebayo, Head Teacher, Hillcrest Academy",
        ] {
            #expect(text.contains(expected), "target met letter: \(expected)")
        }
    }

    @Test func targetMetLetterIsRefusedWhenTheTargetWasNotMet() throws {
        var loaded = try Self.load(Self.countyCase)
        // Counting the 2 sessions of authorised illness (without them, 30 of 30 meets any target).
        loaded.policy?.targetCountsAuthorisedIllness = true
        loaded.attendanceCase.meetings[2].attendanceTarget = .percent(tenths: 950)
        let message = try Self.error(.targetMetLetter, loaded, dated: "2027-01-18")
        #expect(message.contains("the attendance target of 95% set at the attendance panel meeting on 10 December 2026 (meetings[2]) was not met: attendance from 10 December 2026 to 14 January 2027 is 93.8% (30 of 32 sessions)"), "\(message)")
        #expect(message.contains("final warning"), "\(message)")
    }

    @Test func theTargetIsComparedExactlyNotAfterRounding() throws {
        // 30 of 32 is 93.75%: shown as 93.8%, but below a target of 93.8% and above one of 93.7%
        // (under a policy that counts the 2 sessions of authorised illness).
        var loaded = try Self.load(Self.countyCase)
        loaded.policy?.targetCountsAuthorisedIllness = true
        loaded.attendanceCase.meetings[2].attendanceTarget = .percent(tenths: 938)
        let message = try Self.error(.targetMetLetter, loaded, dated: "2027-01-18")
        #expect(message.contains("is 93.8% (30 of 32 sessions, which is below 93.8% before rounding)"), "\(message)")
        loaded.attendanceCase.meetings[2].attendanceTarget = .percent(tenths: 937)
        let text = try #require(try Self.texts(.targetMetLetter, loaded, dated: "2027-01-18")["kerry-brooks"])
        #expect(text.contains("an attendance target of 93.7% was set for Ellie-Mae"))
    }

    @Test func targetMetLetterNeedsAPanelOrPACETargetAndItsReviewToHaveCome() throws {
        let school = try Self.error(.targetMetLetter, try Self.load(Self.schoolCase), dated: "2026-12-01")
        #expect(school.contains("has no attendance panel meeting or PACE interview with an attendance target before 1 December 2026"), "\(school)")
        let early = try Self.error(.targetMetLetter, try Self.load(Self.countyCase), dated: "2026-12-18")
        #expect(early.contains("runs until its review on Thursday 14 January 2027; a target met letter goes out after that review"), "\(early)")
        // With a reason, sooner: the figures then run from the meeting to the letter's date.
        let sooner = try #require(try Self.texts(.targetMetLetter, try Self.load(Self.countyCase), dated: "2026-12-18",
                                                 options: LetterOptions(deadlineOverrideReason: "family moving away"))["kerry-brooks"])
        // 10 to 18 December: 7 school days, all attended.
        #expect(sooner.contains("From 10 December 2026 to 18 December 2026, Ellie-Mae attended 14 of 14 sessions: 100.0%."), "\(sooner)")
        let chosen = try Self.error(.targetMetLetter, try Self.load(Self.countyCase), dated: "2027-01-18", options: LetterOptions(meeting: "meetings[1]"))
        #expect(chosen.contains("meetings[1] is a Team Around the Family meeting"), "\(chosen)")
    }

    @Test func aPACEInterviewTargetCountsToo() throws {
        var loaded = try Self.load(Self.countyCase)
        loaded.attendanceCase.meetings[2].kind = .paceInterview
        let text = try #require(try Self.texts(.targetMetLetter, loaded, dated: "2027-01-18")["dean-whitlock"])
        #expect(text.contains("At the interview under caution (PACE) on 10 December 2026, an attendance target of 90% was set"))
    }

    // MARK: - PDF

    /// One FOP run for all three kinds: what pdftotext reads in each.
    @Test func allThreeKindsAsPDF() throws {
        let run = try LetterRun(resources: resources)
        let school = try Self.load(Self.schoolCase), county = try Self.load(Self.countyCase)
        var letters = try run.letters(.attendanceConcernLetter, for: school, dated: date("2026-09-28")).prefix(1)
        letters += try run.letters(.meetingInvitation, for: school, dated: date("2026-12-01")).prefix(1)
        letters += try run.letters(.targetMetLetter, for: county, dated: date("2027-01-18")).prefix(1)
        let folder = try temporaryFolder("kinds-a-pdf")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fop = try PDFTypesetter(configuration: resources.fopConfiguration)
        // Each letter's files carry its own date.
        let written = try DocumentWriter(resources: resources, formats: [.pdf]).write(Array(letters).map(\.document), formats: [.pdf], to: folder, fop: fop)
            .sorted { $0.path < $1.path }
        #expect(written.map { $0.path.replacingOccurrences(of: folder.path + "/", with: "") } == [
            "BPS-ATT-2026-031/attendance-concern-letter/agnieszka-kowalczyk.pdf",
            "BPS-ATT-2026-031/meeting-invitation/agnieszka-kowalczyk.pdf",
            "CAT-2026-0187/target-met-letter/kerry-brooks.pdf",
        ])
        let concern = flattened(try pdfText(written[0]))
        for expected in ["Maisie’s attendance at school", "missed 5 of 36 sessions (13.9%)", "86.1%",
                         "is tier 2", "more sessions on Mondays than on other days", "Mr Owen Pritchard"] {
            #expect(concern.contains(expected), "concern PDF: \(expected)")
        }
        let invitation = flattened(try pdfText(written[1]))
        for expected in ["Team Around the Family meeting", "Thursday 10 December 2026", "3:30pm",
                         "Brookfield Primary School, family room", "Jo Whitfield, family support worker", "82.5%"] {
            #expect(invitation.contains(expected), "invitation PDF: \(expected)")
        }
        let targetMet = flattened(try pdfText(written[2]))
        for expected in ["attendance target has been met", "target of 90%", "30 of 30 sessions: 100.0%",
                         "Monday 22 February 2027", "CAT/2026/0187"] {
            #expect(targetMet.contains(expected), "target met PDF: \(expected)")
        }
    }
}
