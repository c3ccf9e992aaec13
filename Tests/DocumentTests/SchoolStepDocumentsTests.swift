import AttendocCaseModel
import AttendocCasework
import AttendocDocuments
import AttendocRendering
import AttendocTesting
import AttendocValues
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
        #expect(message.contains("apdr[0] of 10 September 2026: attendance from 3 September 2026 to 10 September 2026 is 100.0% (12 of 12 sessions), not below the 93% under which the policy attendance-tiers calls for the assess, plan, do, review record"), "\(message)")
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

    // MARK: - Attendance support plan

    @Test func supportPlanHasThePlanTheFiguresAndItsReviewInSchoolWeeks() throws {
        let texts = try Self.texts(.attendanceSupportPlan, try Self.load(Self.hillside), dated: "2026-11-20")
        // The father must not be contacted; the mother's partner, who has care of Kacpi, is a
        // parent under section 576 and has a copy of his own.
        #expect(texts.keys.sorted() == ["agnieszka-nowak", "tomasz-zielinski"])
        let text = try #require(texts["agnieszka-nowak"])
        for expected in [
            "Attendance support plan",
            "Agreed at: the attendance support plan meeting on Friday 20 November 2026",
            // 3 September to 20 November: 51 school days (the training day of 2 November marked #), 102 sessions.
            "Attendance: 65.7% (67 of 102 sessions, 3 September 2026 to 20 November 2026)",
            "Attendance target: 85%",
            // attendance-tiers' attendance_support_plan_review: 4 school weeks after Friday 20 November
            // (27 November, 4, 11 and 18 December).
            "Review date: Friday 18 December 2026 (within 4 school weeks)",
            "Kacpi’s attendance has not improved and is now 65.7%.",
            "Ms Rachel Ford: Ask the SEND outreach service for advice on morning anxiety (by 27 November 2026)",
            "Keeping in touch Ms Ford will meet Mrs Nowak, with the interpreter, every Friday at 3:15pm.",
            "further steps may include a formal warning that a penalty notice may be issued.",
            "Parent: Mrs Agnieszka Nowak",
        ] {
            #expect(text.contains(expected), "support plan: \(expected)")
        }
        #expect(!text.contains("Gareth"))
        #expect(!text.contains("non-contact order"), "agency-only notes never reach a parent's copy")
    }

    @Test func supportPlanIsRefusedAtOrAbove80PercentAndForAReviewPastThePolicysWeeks() throws {
        // Maisie's attendance on 30 November is 82.5%: not below attendance-tiers' 80%.
        var loaded = try Self.load(Self.schoolCase)
        var meeting = loaded.attendanceCase.meetings[1]
        meeting.kind = .attendanceSupportPlan
        meeting.date = date("2026-11-30")
        meeting.reviewDate = nil
        meeting.casePath = "meetings[3]"
        loaded.attendanceCase.meetings.append(meeting)
        let above = try Self.error(.attendanceSupportPlan, loaded, dated: "2026-11-30")
        #expect(above.contains("meetings[3] (the attendance support plan meeting of 30 November 2026): attendance from 3 September 2026 to 30 November 2026 is 82.5% (94 of 114 sessions), not below the 80% under which the policy attendance-tiers calls for the attendance support plan (steps[1], attendance_support_plan)"), "\(above)")
        #expect(!above.contains("Maisie"))
        // A review date later than 4 school weeks after the meeting.
        var hillside = try Self.load(Self.hillside)
        hillside.attendanceCase.meetings[2].reviewDate = date("2027-01-08")
        let late = try Self.error(.attendanceSupportPlan, hillside, dated: "2026-11-20")
        #expect(late.contains("review_date 2027-01-08 is after Friday 18 December 2026, 4 school weeks after the meeting"), "\(late)")
    }

    // MARK: - Review record

    @Test func reviewRecordStatesTheFiguresSinceTheMeetingTheTargetAndTheDecision() throws {
        let loaded = try Self.load(Self.riverside)
        let contract = try #require(try Self.texts(.reviewRecord, loaded, dated: "2026-11-13", options: LetterOptions(record: "reviews[0]"))["ciaran-obrien"])
        for expected in [
            // Seed 003, tier 3: the review of the attendance contract (the 2024 guidance's words for
            // the contract a parenting contract meeting agrees), by the review record.
            "Review of the attendance contract",
            "Meeting reviewed: Attendance contract meeting on Friday 2 October 2026",
            "Review held: Friday 16 October 2026",
            "Attendance target: 90%",
            "Decision: move to the next step of support",
            // 2 to 16 October: 11 school days, 22 sessions; 5 October O O and 12 October N O (4
            // unauthorised), 6 and 7 October I I (4 authorised): 14 attended, 63.6%.
            "From 2 October 2026 to 16 October 2026, Siobhán attended 14 of 22 sessions: 63.6%. The target of 90% was not met.",
            "Possible sessions 22 100.0%", "Absent with the school’s 4 18.2% authorisation", "Absent without authorisation 4 18.2%",
            "Who took part - Zoë D'Souza - Ms Laura Hughes - Mr Dev Shah",
            "Siobhán and the family will move to the next step of support.",
        ] {
            #expect(contract.contains(expected), "contract review: \(expected)")
        }
        // The Team Around the Family review (latest by 13 November): 21 October to 11 November, the
        // half term and the training day of 2 November left out: 10 school days, 20 sessions; 23
        // October N O and 6 November O O unauthorised, 11 November M authorised: 15 attended, 75.0%.
        let taf = try #require(try Self.texts(.reviewRecord, loaded, dated: "2026-11-13")["zoe-dsouza"])
        #expect(taf.contains("Review of the Team Around the Family meeting"))
        #expect(!contract.contains("parenting contract") && !contract.contains("Parenting contract"), "\(contract)")
        #expect(taf.contains("From 21 October 2026 to 11 November 2026, Siobhán attended 15 of 20 sessions: 75.0%. The target of 90% was not met."))
        #expect(taf.contains("Decision: refer to the local authority"))
        #expect(taf.contains("The school will refer Siobhán’s attendance to the local authority."))
    }

    @Test func reviewRecordOfAMetTargetExtendedWithItsNextReview() throws {
        var loaded = try Self.load(Self.riverside)
        // A target of 60% is met by 14 of 22 (63.6%); the plan extended to 13 November.
        loaded.attendanceCase.meetings[0].attendanceTarget = .percent(Percentage(hundredths: 6000))
        loaded.attendanceCase.reviews[0].decision = .extend
        loaded.attendanceCase.reviews[0].nextReviewDate = date("2026-11-13")
        // Two reviews on 16 October (the mother's and the father's contracts): this one is reviews[0].
        let text = try #require(try Self.texts(.reviewRecord, loaded, dated: "2026-10-16", options: LetterOptions(record: "reviews[0]"))["ciaran-obrien"])
        #expect(text.contains("Siobhán attended 14 of 22 sessions: 63.6%. The target of 60% was met."), "\(text)")
        #expect(text.contains("The plan continues. It will be reviewed again on Friday 13 November 2026."))
        #expect(!text.contains("The target of 60% was not met"))
        // Before the first review there is nothing to record.
        let message = try Self.error(.reviewRecord, loaded, dated: "2026-10-15")
        #expect(message.contains("no review on or before 15 October 2026"), "\(message)")
    }

    // MARK: - GP consent request and the enquiry to the GP

    @Test func gpConsentRequestSaysWhatWillBeAskedOfWhomForWhatAndHowToWithdraw() throws {
        let texts = try Self.texts(.gpConsentRequest, try Self.load(Self.hillside), dated: "2026-10-01")
        #expect(texts.keys.sorted() == ["agnieszka-nowak"])
        let text = try #require(texts["agnieszka-nowak"])
        for expected in [
            "Your permission to contact Kacpi’s doctor",
            // Illness (I) on Wednesday 16, Friday 18, Wednesday 23 and 30 September and Thursday 1
            // October: 5 days, 3 of them Wednesdays in different weeks (attendance-tiers' pattern).
            "Kacpi has been absent through illness on 5 days this school year, 3 of them on a Wednesday.",
            "- Wednesday 16 September 2026 - Friday 18 September 2026 - Wednesday 23 September 2026 - Wednesday 30 September 2026 - Thursday 1 October 2026",
            "the school would write to Dr Ruth Penrose at Newtown Medical Centre to ask one thing: whether Kacpi was too ill to attend school on those days",
            "We would not ask for any other medical information",
            "You can withdraw your permission at any time by telling the school in writing or by phone on 01392 000 555",
            "I give permission for Hillside Primary School to ask Dr Ruth Penrose at Newtown Medical Centre whether Kacper Nowak-Williams was too ill",
        ] {
            #expect(text.contains(expected), "GP consent request: \(expected)")
        }
        #expect(!text.contains("Monday 5 October"), "only the illness up to the letter's date")
    }

    @Test func gpConsentRequestIsRefusedWithoutTheIllnessPattern() throws {
        // By 29 September: 16, 18 and 23 September, 3 days and 2 Wednesdays, not yet a pattern.
        let message = try Self.error(.gpConsentRequest, try Self.load(Self.hillside), dated: "2026-09-29")
        #expect(message.contains("the register shows 3 days of illness from 1 August 2026 to 29 September 2026, which is not the illness pattern of the policy attendance-tiers (more than 5 days, or the same weekday in 3 different weeks)"), "\(message)")
        #expect(!message.contains("Kacp"))
    }

    @Test func gpEnquiryGoesOnlyToThePracticeAndOnlyWhileConsentStands() throws {
        let loaded = try Self.load(Self.hillside)
        let texts = try Self.texts(.gpEnquiryLetter, loaded, dated: "2026-10-12")
        #expect(texts.keys.sorted() == ["gp-practice"])
        let text = try #require(texts["gp-practice"])
        for expected in [
            "Dr Ruth Penrose, Newtown Medical Centre 3 Market Street Newtown Exeter EX1 3AB",
            "Patient: Kacper Nowak-Williams, born 17 May 2016",
            "Mrs Agnieszka Nowak, the mother of Kacper Nowak-Williams, gave the school written permission on 9 October 2026",
            // By 12 October two more: Monday 5 and Wednesday 7 October.
            "records your patient as absent through illness on 7 days this school year:",
            "- Monday 5 October 2026 - Wednesday 7 October 2026",
            "The consent covers this question only; please do not send other medical information.",
        ] {
            #expect(text.contains(expected), "GP enquiry: \(expected)")
        }
        // Nothing of the family's addresses or of the other parents reaches the GP.
        for secret in ["Orchard Way", "Gareth", "Zielinski", "non-contact"] {
            #expect(!text.contains(secret), "GP enquiry must not say: \(secret)")
        }
        // Before the consent came back, and after it was withdrawn, no enquiry is made.
        #expect(try Self.error(.gpEnquiryLetter, loaded, dated: "2026-10-08").contains("gp_consent: the parents' consent to contact the GP was given after the letter's date"))
        var withdrawn = loaded
        withdrawn.attendanceCase.gpConsent?.withdrawnOn = date("2026-10-12")
        #expect(try Self.error(.gpEnquiryLetter, withdrawn, dated: "2026-10-12").contains("was withdrawn on 12 October 2026, so no enquiry may go to the GP"))
        var refused = loaded
        refused.attendanceCase.gpConsent?.answer = .refused
        #expect(try Self.error(.gpEnquiryLetter, refused, dated: "2026-10-12").contains("was refused"))
    }

    // MARK: - Home visit record

    @Test func homeVisitRecordIsForTheFileOnlyWithWhoVisitedWhomTheySawAndWhatNext() throws {
        let loaded = try Self.load(Self.riverside)
        let texts = try Self.texts(.homeVisitRecord, loaded, dated: "2026-11-06")
        // No parent's copy: the visit to the mother's home is not sent to the father.
        #expect(texts.keys.sorted() == ["agency-copy"])
        let text = try #require(texts["agency-copy"])
        for expected in [
            "Home visit", "Visit: Thursday 5 November 2026", "Visited by: Sam Okafor, locality worker",
            "Seen: mother and Siobhán",
            // 3 September to 5 November: 40 school days (half term and 2 November left out), 80 sessions, 60 attended.
            "Attendance: 75.0% (60 of 80 sessions, 3 September 2026 to 5 November 2026)",
            "Siobhán said mornings are hard because she walks Ronan to school first.",
            "What happens next - Early Help worker to visit weekly",
        ] {
            #expect(text.contains(expected), "home visit: \(expected)")
        }
        // A visit nobody answered is still an attempt on the record.
        var unanswered = loaded
        unanswered.attendanceCase.contacts[1].reached = false
        let attempt = try #require(try Self.texts(.homeVisitRecord, unanswered, dated: "2026-11-06")["agency-copy"])
        #expect(attempt.contains("Seen: nobody answered"))
        #expect(!attempt.contains("Seen: mother"))
        // A phone call is no home visit.
        #expect(try Self.error(.homeVisitRecord, loaded, dated: "2026-11-06", options: LetterOptions(record: "contacts[0]")).contains("--record contacts[0] is a phone call, not a home visit"))
    }

    // MARK: - Early Help keywork (tier 4)

    static let oakfield = repositoryRoot.appendingPathComponent("examples/oakfield-early-help.yaml")

    @Test func earlyHelpPlanHasItsReviewItsLongestRunAndItsClosingShare() throws {
        let loaded = try Self.load(Self.oakfield)
        let plan = try #require(try Self.texts(.earlyHelpPlan, loaded, dated: "2026-10-09")["danielle-marsh"])
        for expected in [
            "Early Help plan: school attendance",
            "Northshire County Council Early Help",
            // 3 September to 9 October: 27 school days, 54 sessions; 7 September to 2 October absent (40).
            "Attendance: 25.9% (14 of 54 sessions, 3 September 2026 to 9 October 2026)",
            // attendance-tiers: early_help_review 10 weeks, early_help_longest 20 weeks, closing at 55%.
            "Review: Friday 18 December 2026 (after 10 weeks)",
            "Keywork ends: by Friday 26 February 2027 at the latest (20 weeks)",
            "Case closes at: attendance of 55% or more over the plan",
            "Jo Whitfield: Visit the family every Monday morning (by 12 October 2026)",
        ] {
            #expect(plan.contains(expected), "Early Help plan: \(expected)")
        }
        #expect(!plan.contains("The review on"), "before the review, no outcome")
        // At the review: 9 October to 18 December, 45 school days (2 November closed), 90 sessions;
        // 8 Mondays absent (16 unauthorised), 5 Fridays ill (10 authorised): 64 attended, 71.1%.
        let reviewed = try #require(try Self.texts(.earlyHelpPlan, loaded, dated: "2026-12-18")["danielle-marsh"])
        #expect(reviewed.contains("The review on Friday 18 December 2026 From 9 October 2026 to 18 December 2026, Leo attended 64 of 90 sessions: 71.1%. This reaches 55%, so the Early Help case closes and is handed back to Oakfield Primary School to monitor."), "\(reviewed)")
    }

    /// Oakfield's case with a register from 3 September to 18 December: absent (O) 7 September to
    /// 2 October, then from the plan (9 October) 5 Tuesdays unable to attend (Y1, not possible
    /// sessions), absent on the 8 Mondays, 9 Wednesdays and Thursday 15 October: 36 of 80 sessions.
    static func oakfieldWith(extraAbsence: [String: (String, String)]) throws -> LoadedCase {
        var loaded = try Self.load(Self.oakfield)
        let calendar = try loaded.calendar()
        var marks: [String: (String, String)] = [:]
        var day = date("2026-09-07")
        while day <= date("2026-10-02") { if calendar.isSchoolDay(day) { marks[day.iso] = ("O", "O") }; day = day.adding(days: 1) }
        for iso in ["2026-10-13", "2026-10-20", "2026-11-03", "2026-11-10", "2026-11-17"] { marks[iso] = ("Y1", "Y1") }
        for iso in ["2026-10-12", "2026-10-19", "2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30", "2026-12-07", "2026-12-14",
                    "2026-10-14", "2026-10-21", "2026-11-04", "2026-11-11", "2026-11-18", "2026-11-25", "2026-12-02", "2026-12-09", "2026-12-16",
                    "2026-10-15"] { marks[iso] = ("O", "O") }
        marks.merge(extraAbsence) { _, extra in extra }
        loaded.pupilRegister = try readCSV(registerCSV(upn: "R878208721031", calendar: calendar, from: date("2026-09-03"), through: date("2026-12-18"), marks: marks))
        return loaded
    }

    @Test func earlyHelpClosesAtExactly55PercentAndContinuesJustBelow() throws {
        // 44 of 80 sessions: exactly 55%, the closing share.
        let exactly = try #require(try Self.texts(.earlyHelpPlan, try Self.oakfieldWith(extraAbsence: [:]), dated: "2026-12-18")["danielle-marsh"])
        #expect(exactly.contains("Leo attended 44 of 80 sessions: 55.0%. This reaches 55%, so the Early Help case closes and is handed back to Oakfield Primary School to monitor."), "\(exactly)")
        // One more session missed (Thursday 22 October, morning): 43 of 80, 53.75%.
        let below = try #require(try Self.texts(.earlyHelpPlan, try Self.oakfieldWith(extraAbsence: ["2026-10-22": ("O", "\\")]), dated: "2026-12-18")["danielle-marsh"])
        #expect(below.contains("Leo attended 43 of 80 sessions: 53.8%. This is below 55%, so keywork continues, until Friday 26 February 2027 at the latest."), "\(below)")
        #expect(!below.contains("case closes and is handed back"))
    }

    @Test func earlyHelpPlanIsRefusedAboveTier4() throws {
        // Maisie (82.5% by 30 November) is not at tier 4.
        var loaded = try Self.load(Self.schoolCase)
        var meeting = loaded.attendanceCase.meetings[1]
        meeting.kind = .earlyHelpPlan
        meeting.date = date("2026-11-30")
        meeting.casePath = "meetings[3]"
        loaded.attendanceCase.meetings.append(meeting)
        let message = try Self.error(.earlyHelpPlan, loaded, dated: "2026-11-30")
        #expect(message.contains("not below the 51% under which the policy attendance-tiers calls for the early help plan (steps[3], early_help_plan)"), "\(message)")
    }

    // MARK: - Priority cohorts change the letters

    @Test func aYoungCarersInvitationNamesTheServiceAndTheAssessmentAndACaseWithoutTheCohortDoesNot() throws {
        let options = LetterOptions(meeting: "meetings[1]")
        let loaded = try Self.load(Self.riverside)
        let carer = try #require(try Self.texts(.meetingInvitation, loaded, dated: "2026-10-16", options: options)["zoe-dsouza"])
        let section = "Support for Siobhán’s needs We know that Siobhán helps to care for someone at home. The young carers’ service can support Siobhán, and we can make the referral with you. You can ask the local authority for a young carer’s needs assessment for Siobhán, to look at what help Siobhán and the family need."
        #expect(carer.contains(section), "\(carer)")
        // The same case without the cohort: the same letter, without that part and nothing else.
        var without = loaded
        without.attendanceCase.pupil.priorityCohorts = []
        let plain = try #require(try Self.texts(.meetingInvitation, without, dated: "2026-10-16", options: options)["zoe-dsouza"])
        #expect(!plain.contains("Support for Siobhán’s needs") && !plain.contains("young carer"))
        #expect(carer.replacingOccurrences(of: " " + section, with: "") == plain)
        // A policy without cohort rules changes nothing either.
        var noRules = loaded
        noRules.policy?.cohortRules = [:]
        #expect(try #require(try Self.texts(.meetingInvitation, noRules, dated: "2026-10-16", options: options)["zoe-dsouza"]) == plain)
    }

    @Test func sendAndASocialWorkerChangeTheSupportPlan() throws {
        let loaded = try Self.load(Self.hillside)
        let plan = try #require(try Self.texts(.attendanceSupportPlan, loaded, dated: "2026-11-20")["agnieszka-nowak"])
        for expected in [
            "Support for Kacpi’s needs",
            "The school will make reasonable adjustments for Kacpi’s special educational needs and disabilities, and will write down each adjustment it makes",
            "from the SEND Information, Advice and Support Service.",
            "We will tell Kacpi’s social worker about this and invite them to take part in the meetings about Kacpi’s attendance.",
        ] {
            #expect(plan.contains(expected), "support plan for a SEND pupil with a social worker: \(expected)")
        }
        #expect(!plan.contains("young carer"), "only the pupil's own cohorts")
        #expect(!plan.contains("interim review"), "SEN support, not an EHCP")
        var ehcp = loaded
        ehcp.attendanceCase.pupil.priorityCohorts = [.ehcp]
        let withPlan = try #require(try Self.texts(.attendanceSupportPlan, ehcp, dated: "2026-11-20")["agnieszka-nowak"])
        #expect(withPlan.contains("The school will ask for an interim review of Kacpi’s Education, Health and Care plan"))
        #expect(!withPlan.contains("social worker about this"))
    }

    @Test func aRecipientsRecordedBarrierIsInTheirCopyOnly() throws {
        // Ciarán needs large print (the case file); Zoë does not.
        let texts = try Self.texts(.meetingInvitation, try Self.load(Self.riverside), dated: "2026-10-16", options: LetterOptions(meeting: "meetings[1]"))
        #expect(texts["ciaran-obrien"]?.contains("We can send you this and any other letter in large print.") == true)
        #expect(texts["zoe-dsouza"]?.contains("We can send you this and any other letter in large print.") == false)
    }

    // MARK: - The referral to the local authority

    @Test func referralGathersTheFiguresEveryStepWithItsDateAndRecordAndTheSupportOffered() throws {
        let texts = try Self.texts(.referralToLocalAuthority, try Self.load(Self.riverside), dated: "2026-11-13")
        // One copy, for the local authority.
        #expect(texts.keys.sorted() == ["local-authority"])
        let text = try #require(texts["local-authority"])
        for expected in [
            "Referral to County Attendance Team for legal intervention",
            "Referred: Friday 13 November 2026",
            // 3 September to 13 November: 46 school days (half term, 2 November), 92 sessions.
            "Attendance: 72.8% (67 of 92 sessions, 3 September 2026 to 13 November 2026)",
            "Unauthorised absence: 15.2% (14 sessions)",
            "Mr Ciarán O'Brien, father, with parental responsibility",
            "Priority cohorts - young carer",
            // Each step the county policy called for, when, and the record that shows it.
            "Consider a home visit 10 September 2026 5 November 2026 contacts[1]",
            // The step follows the latest contract: the father's of 9 October, reviewed on 16 October.
            "Review the parenting 9 October 2026 16 October 2026 reviews[2]",
            "Review the action plan 21 October 2026 11 November 2026 reviews[1]",
            "A daily check-in with the school's attendance mentor: offered by Riverside Academy on 5 October 2026; not engaged. Outcome: Siobhán came to 6 of 14 check-ins. (evidence: evidence/mentor-check-in-log-october-2026.txt)",
            "5 November 2026: home visit by Sam Okafor, locality worker; with mother and Siobhán",
            "25 September 2026: letter of concern about attendance (to father)",
            "meets each of them: - unauthorised absence of at least 10% - evidence of each step: parenting_contract, contract_review, gp_consent, gp_enquiry, multi_agency_meeting, multi_agency_review - every supportive measure with its outcome and evidence",
        ] {
            #expect(text.contains(expected), "referral: \(expected)")
        }
        // The referral's own step is not listed as a gap in it; no address of the family is in it.
        #expect(!text.contains("not yet"))
        for postcode in ["EX1 2AB", "EX4 6NN", "EX3 0JA"] {
            #expect(!text.contains(postcode), "no family address: \(postcode)")
        }
    }

    @Test func referralIsRefusedUntilTheChecklistPasses() throws {
        let message = try Self.error(.referralToLocalAuthority, try Self.load(Self.riverside), dated: "2026-10-10")
        #expect(message.contains("is not ready for a referral on 10 October 2026 (attendoc check --for referral)"), "\(message)")
        // The latest contract, the father's of 9 October, is not yet reviewed.
        #expect(message.contains("steps: contract_review: Review the parenting contract not more than 20 days later: called for since 9 October 2026"), "\(message)")
        #expect(!message.contains("Siobhán"))
    }

    // MARK: - Recognising improved attendance

    @Test func improvedAttendanceLetterComparesTheLastSchoolWeeksWithTheYearBefore() throws {
        let loaded = try Self.load(Self.oakfield)
        let text = try #require(try Self.texts(.improvedAttendanceLetter, loaded, dated: "2026-12-18")["danielle-marsh"])
        // The policies' improved_attendance_school_weeks: 4, so 23 November to 18 December: 20 school
        // days, 40 sessions; Mondays 23, 30 November, 7 and 14 December absent (8), Fridays 4 and 18
        // December ill (4): 28 attended, 70.0%. Before: 3 September to 20 November, 51 school days
        // (2 November closed), 102 sessions, 48 attended (47.1%).
        #expect(text.contains("Well done: Leo’s attendance has improved"))
        #expect(text.contains("Over the last 4 school weeks, from 23 November 2026 to 18 December 2026, Leo attended 28 of 40 sessions: 70.0%. Earlier this school year, from 3 September 2026 to 20 November 2026, Leo’s attendance was 47.1%."), "\(text)")
        // Four weeks of absence is no improvement to recognise.
        let message = try Self.error(.improvedAttendanceLetter, loaded, dated: "2026-10-02")
        #expect(message.contains("attendance over the last 4 school weeks (7 September 2026 to 2 October 2026) is 0.0%, not higher than the 100.0% of the school year before them"), "\(message)")
        // A register that stops before the letter's date cannot show the last weeks.
        #expect(try Self.error(.improvedAttendanceLetter, try Self.load(Self.schoolCase), dated: "2026-12-18").contains("the register ends on 30 November 2026, before the letter's date"))
    }

    // MARK: - A declined referral

    @Test func aDeclinedReferralsLetterGivesInformationAdviceAndGuidance() throws {
        let loaded = try Self.load(Self.schoolCase)
        let texts = try Self.texts(.referralDeclinedLetter, loaded, dated: "2026-11-23")
        #expect(texts.keys.sorted() == ["agnieszka-kowalczyk", "tomasz-kowalczyk"])
        let text = try #require(texts["tomasz-kowalczyk"])
        for expected in [
            "Dear Mr Kowalczyk",
            "The referral for Maisie was not accepted",
            "On 20 November 2026, Maisie and your family were referred to Northshire Early Help, Level 3 keywork. They did not take the referral. This letter tells you where you and Maisie can get help to go to school.",
            "Where you can get help - Northshire Parent Advice Line: 01392 000 456, weekdays 9am to 5pm",
            "Early Help support from a family support worker, offered by Northshire Early Help on 5 November 2026",
            "Priya Sandhu Attendance Support Officer Northshire County Council",
        ] {
            #expect(text.contains(expected), "declined referral: \(expected)")
        }
        // A pending referral is not a declined one.
        #expect(try Self.error(.referralDeclinedLetter, loaded, dated: "2026-11-23", options: LetterOptions(record: "referrals[0]")).contains("--record referrals[0] is a referral decision pending, not one declined"))
        #expect(try Self.error(.referralDeclinedLetter, loaded, dated: "2026-11-19").contains("no referral not accepted (accepted: no) on or before 19 November 2026"))
    }
}
