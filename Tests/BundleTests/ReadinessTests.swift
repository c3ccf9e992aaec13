import AttendocCasework
import AttendocTesting
import AttendocValues
import Foundation
import Testing

/// `attendoc check CASE --for prosecution`: the county example is ready; each kind of gap, made in
/// a copy of it, is caught and says what to do.
@Suite("Readiness for prosecution")
struct ReadinessTests {
    static let riverside = repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml")
    static let asOf = date("2027-01-11")

    /// The county example with `old` replaced by `new`, in a folder beside its registers and evidence.
    static func variant(_ old: String, _ new: String) throws -> LoadedCase {
        try variant([(old, new)])
    }

    /// The county example with each edit made (each `old` must match once), and `files` (path in
    /// the case's folder: text) written beside its own.
    static func variant(_ edits: [(old: String, new: String)], files: [String: String] = [:]) throws -> LoadedCase {
        var text = try String(contentsOf: riverside, encoding: .utf8)
        for (old, new) in edits {
            #expect(text.components(separatedBy: old).count == 2, "the edit must match once: \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        let folder = try temporaryFolder("readiness")
        for item in ["registers", "evidence"] {
            // Copies, not links: evidence and registers must be inside the case's folder.
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("examples/\(item)"), to: folder.appendingPathComponent(item))
        }
        for (path, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(path)) }
        let caseFile = folder.appendingPathComponent("case.yaml")
        try Data(text.utf8).write(to: caseFile)
        return try LoadedCase.load(caseFile, resources: resources)
    }

    static func gaps(_ loaded: LoadedCase, asOf: CalendarDate = asOf) -> [String] {
        ProsecutionReadiness.check(loaded, asOf: asOf).gaps.map(\.description)
    }

    @Test func theCountyExampleIsReady() throws {
        let readiness = ProsecutionReadiness.check(try LoadedCase.load(Self.riverside, resources: resources), asOf: Self.asOf)
        #expect(readiness.isReady, "\(readiness.gaps)")
    }

    @Test func noParentingContractMeeting() throws {
        let text = try String(contentsOf: Self.riverside, encoding: .utf8)
        let start = try #require(text.range(of: "  # Listed last so that the meetings above keep their places"))
        let end = try #require(text.range(of: "\nletters_issued:\n"))
        let gaps = Self.gaps(try Self.variant([
            ("  - kind: parenting_contract\n    date: 2026-10-02", "  - kind: attendance_improvement_plan\n    date: 2026-10-02"),
            (String(text[start.lowerBound..<end.lowerBound]), ""),
        ]))
        #expect(gaps.first == "meetings: no parenting contract meeting is recorded. To do: record the parenting contract meeting (kind: parenting_contract) with its minutes, or the offer and the parents' response")
        // And neither defendant has a contract of their own.
        #expect(gaps.filter { $0.contains("has no parenting contract of their own") }.count == 2, "\(gaps)")
    }

    @Test func aReviewLaterThanThePolicyAllows() throws {
        // 20 school days from Friday 2 October 2026: 5-9, 12-16, 19-23 October (15), half term,
        // 2 November is a training day, 3-6 November (19), 9 November (20) → Monday 9 November.
        let gaps = Self.gaps(try Self.variant("    review_date: 2026-10-16\n  - kind: team_around_the_family", "    review_date: 2026-11-10\n  - kind: team_around_the_family"))
        #expect(gaps.count == 1)
        #expect(gaps.first?.contains("the review (10 November 2026) is later than the policy allows (9 November 2026)") == true, "\(gaps)")
    }

    @Test func noFirstWarningToOneParent() throws {
        let gaps = Self.gaps(try Self.variant("  - kind: first_warning_letter\n    date: 2026-11-23\n    recipient: father\n    method: post\n", ""))
        #expect(gaps == ["parents[1]: no first warning letter to this parent is recorded. To do: send it (attendoc render --document first-warning-letter) and record it in letters_issued"])
    }

    @Test func noFinalWarning() throws {
        let gaps = Self.gaps(try Self.variant("  - kind: final_warning_letter\n    date: 2027-01-11\n    recipient: mother\n    method: post\n", ""))
        #expect(gaps.count == 1)
        #expect(gaps.first?.hasPrefix("parents[0]: no final warning letter") == true)
    }

    @Test func anInterviewAfterTheDeadline() throws {
        // The school's referral on 13 November 2026 + 5 weeks = Friday 18 December 2026, the last
        // day of the autumn term.
        let gaps = Self.gaps(try Self.variant("  - kind: pace_interview\n    date: 2026-12-03", "  - kind: pace_interview\n    date: 2026-12-21"))
        #expect(gaps.contains { $0.contains("was after the deadline of 18 December 2026") }, "\(gaps)")
    }

    @Test func aMeasureWithoutOutcomeOrEvidence() throws {
        // The Early Help measure's outcome and evidence (its entries, with their consent) removed.
        let text = try String(contentsOf: Self.riverside, encoding: .utf8)
        let start = try #require(text.range(of: "    outcome: Ongoing; the family worker visits weekly and the family take part.\n"))
        let end = try #require(text.range(of: "    tier_at_the_time: 3\n", range: start.upperBound..<text.endIndex))
        let gaps = Self.gaps(try Self.variant(String(text[start.lowerBound..<end.lowerBound]), ""))
        #expect(gaps == [
            "supportive_measures[2]: the supportive measure has no outcome. To do: add outcome: what happened",
            "supportive_measures[2]: the supportive measure has no evidence. To do: add evidence: the file that proves it was offered",
        ])
    }

    @Test func unauthorisedAbsenceUnderThePolicysThreshold() throws {
        // As of 25 September 2026: 2 unauthorised sessions of 34 = 5.9%, under seed 004's 10%.
        let gaps = Self.gaps(try LoadedCase.load(Self.riverside, resources: resources), asOf: date("2026-09-25"))
        #expect(gaps.contains("register: unauthorised absence is 5.9% to 25 September 2026, under the policy's 10%. To do: check the register; the referral criterion is not met"), "\(gaps)")
    }

    @Test func anExhibitThatCanNoLongerBeReadIsAGap() throws {
        // The tests run as root, who can read any file whatever its permissions, so the file
        // goes away after the case is loaded (as it might between loading and making a bundle).
        let folder = try temporaryFolder("readiness-exhibit")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("examples/evidence"), to: folder.appendingPathComponent("evidence"))
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("examples/registers"), to: folder.appendingPathComponent("registers"))
        let caseFile = folder.appendingPathComponent("case.yaml")
        try FileManager.default.copyItem(at: Self.riverside, to: caseFile)
        let loaded = try LoadedCase.load(caseFile, resources: resources)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("evidence/mentor-check-in-log-october-2026.txt"))
        #expect(Self.gaps(loaded) == [
            "supportive_measures[1]: the exhibit evidence/mentor-check-in-log-october-2026.txt cannot be read. To do: restore the file or its permissions",
        ])
    }

    // The decision records (seed 004; s447(1) Education Act 1996).

    @Test func noDecisionToProsecuteIsAGap() throws {
        let text = try String(contentsOf: Self.riverside, encoding: .utf8)
        let start = try #require(text.range(of: "  decision:\n"))
        let end = try #require(text.range(of: "  final_warning_on: 2027-01-11"))
        let gaps = Self.gaps(try Self.variant(String(text[start.lowerBound..<end.lowerBound]), ""))
        #expect(gaps == ["legal_route: no decision to prosecute, made after the target's review, is recorded. To do: add legal_route.decision with on, by, education_supervision_order (the s447(1) consideration), support_first and public_interest"])
    }

    @Test func aDecisionWithoutTheEducationSupervisionOrderConsideredIsAGap() throws {
        let text = try String(contentsOf: Self.riverside, encoding: .utf8)
        let start = try #require(text.range(of: "    education_supervision_order: >-\n"))
        let end = try #require(text.range(of: "    support_first: >-\n"))
        let gaps = Self.gaps(try Self.variant(String(text[start.lowerBound..<end.lowerBound]), ""))
        #expect(gaps.count == 1)
        #expect(gaps.first?.hasPrefix("legal_route.decision: no consideration of an Education Supervision Order is recorded; section 447(1)") == true, "\(gaps)")
    }

    @Test func eachMissingReasonOfTheDecisionIsNamed() throws {
        let text = try String(contentsOf: Self.riverside, encoding: .utf8)
        let start = try #require(text.range(of: "    education_supervision_order: >-\n"))
        let end = try #require(text.range(of: "  final_warning_on: 2027-01-11"))
        let gaps = Self.gaps(try Self.variant(String(text[start.lowerBound..<end.lowerBound]), ""))
        #expect(gaps == [
            "legal_route.decision: no consideration of an Education Supervision Order is recorded; section 447(1) Education Act 1996 requires it before proceedings under section 444. To do: add education_supervision_order: whether an order would be appropriate instead of, or as well as, the prosecution, and why",
            "legal_route.decision: the support-first reasons are not recorded. To do: add support_first: why the support offered has not worked, was not engaged with, or is not appropriate",
            "legal_route.decision: the public-interest reasons are not recorded. To do: add public_interest: why the proceedings are in the public interest",
        ])
    }

    @Test func aDecisionMadeBeforeTheTargetWasReviewedIsAGap() throws {
        // The interview (3 December 2026) set a target reviewed on 7 January 2027 (five weeks).
        let gaps = Self.gaps(try Self.variant("    on: 2027-01-08\n", "    on: 2026-12-10\n"))
        #expect(gaps == ["legal_route.decision: the decision (10 December 2026) was made before the target set at meetings[2] was reviewed (7 January 2027). To do: record the decision made after the review, or correct its date"])
    }

    @Test func whoConsideredTheRouteAtReferralIsNeeded() throws {
        let gaps = Self.gaps(try Self.variant("  decided_by: Alex Brennan, Senior County Attendance Officer\n", ""))
        #expect(gaps == ["legal_route: who considered the legal route at referral (16 November 2026) is not recorded. To do: add decided_by: the officer who decided the route (seed 004: the Senior County Attendance Officer)"])
    }

    // Each defendant (s576 Education Act 1996; seed 004's support-first steps).

    /// The father's own parenting contract meeting and its invitation, as the county example
    /// holds them; without them the example is as it was: he was never invited to the meeting
    /// whose contract printed his signature line.
    static func withoutTheFathersOwnContract() throws -> [(old: String, new: String)] {
        let text = try String(contentsOf: riverside, encoding: .utf8)
        let start = try #require(text.range(of: "  # Listed last so that the meetings above keep their places"))
        let end = try #require(text.range(of: "  # A second interview under caution"))
        return [
            (String(text[start.lowerBound..<end.lowerBound]), ""),
            ("  - kind: parenting_contract_invitation\n    date: 2026-10-05\n    recipient: father\n    method: post\n", ""),
            // and its review, listed last
            (String(text[try #require(text.range(of: "  # Listed last so that the reviews above keep their places")).lowerBound..<(try #require(text.range(of: "\n# Contacts with the family"))).lowerBound]), ""),
        ]
    }

    @Test func aDefendantNeverInvitedAndWithNoContractOfTheirOwnIsNamed() throws {
        let gaps = Self.gaps(try Self.variant(try Self.withoutTheFathersOwnContract()))
        #expect(gaps == [
            "parents[1]: was neither invited to nor at the parenting contract meeting (meetings[0] on 2 October 2026). To do: invite this parent and record the invitation (letters_issued, or attendoc issue), or record why they were not invited",
            "parents[1]: has no parenting contract of their own: they were at no parenting contract meeting. To do: offer this parent a parenting contract meeting of their own (seed 004), or record why not",
        ])
    }

    @Test func defendantsAreChosenExplicitlyWithTheirBasisEvidenceAndReasons() throws {
        let text = try String(contentsOf: Self.riverside, encoding: .utf8)
        let start = try #require(text.range(of: "  defendants:\n"))
        let end = try #require(text.range(of: "  # For the evidence bundle (attendoc bundle)"))
        let none = Self.gaps(try Self.variant(String(text[start.lowerBound..<end.lowerBound]), ""))
        #expect(none == ["legal_route: no defendant is chosen. To do: add legal_route.defendants: each parent prosecuted, with parent, basis, evidence and reasons (docs/case-file.md)"])
        // An id alone (an older case file) is a defendant without basis, evidence or reasons.
        let bare = Self.gaps(try Self.variant(String(text[start.lowerBound..<end.lowerBound]), "  defendants: [mother]\n"))
        #expect(bare == [
            "legal_route.defendants[0]: the basis of parents[0] being a parent under section 576 Education Act 1996 is not recorded. To do: add basis: [\"natural_parent\", \"parental_responsibility\", \"care_of_child\"] as it applies, with the evidence of it",
            "legal_route.defendants[0]: no evidence that parents[0] is a parent is cited. To do: add evidence: the file that shows it (a birth certificate, a parental responsibility order or agreement, the school's record of who the child lives with)",
            "legal_route.defendants[0]: the reasons for proceeding against parents[0] are not recorded. To do: add reasons: why this parent is a defendant",
        ])
    }

    @Test func supportOfferedToOneParentOnlyIsAGapForTheOther() throws {
        let gaps = Self.gaps(try Self.variant([
            ("    offered_on: 2026-10-05\n    offered_to: [mother, father]\n", "    offered_on: 2026-10-05\n    offered_to: [mother]\n"),
            ("    offered_on: 2026-10-28\n    offered_to: [mother, father]\n", "    offered_on: 2026-10-28\n    offered_to: [mother]\n"),
            ("    offered_on: 2026-10-05\n    offered_to: [father]\n", "    offered_on: 2026-10-05\n    offered_to: [mother]\n"),
        ]))
        #expect(gaps == ["parents[1]: no supportive measure is recorded as offered to this parent. To do: offer this parent support and record to whom each measure was offered (supportive_measures[].offered_to)"])
    }

    @Test func aDefendantNotInterviewedUnderCautionIsNamed() throws {
        // The father at neither interview: his record, and the second interview, taken out.
        let text = try String(contentsOf: Self.riverside, encoding: .utf8)
        let father = try #require(text.range(of: "      - interviewee: father\n        start: \"10:50\""))
        let fatherEnd = try #require(text.range(of: "  # Listed last so that the meetings above keep their places"))
        let second = try #require(text.range(of: "  # A second interview under caution"))
        let secondEnd = try #require(text.range(of: "\n# Unused material (CPIA 1996)"))
        let gaps = Self.gaps(try Self.variant([
            (String(text[father.lowerBound..<fatherEnd.lowerBound]), ""),
            (String(text[second.lowerBound...secondEnd.lowerBound]), ""),
            ("      - name: Ciarán O'Brien\n        role: father\n    discussion: >-\n      Each parent", "    discussion: >-\n      Each parent"),
        ]))
        #expect(gaps.contains("parents[1]: was not interviewed under caution. To do: invite this parent to an interview under caution and record it (meetings, kind: pace_interview, with interviews)"), "\(gaps)")
    }

    // The interview under caution (PACE Code C; CrimPR r8.3).

    /// The county example without its second interview (11 January 2027): the charge's days
    /// since the first interview were never put to the parents, as in the bundle a defence
    /// solicitor read (there, six of the eight unauthorised sessions charged).
    @Test func chargedAbsencesNotPutInInterviewAreNamedPerDefendant() throws {
        let text = try String(contentsOf: Self.riverside, encoding: .utf8)
        let start = try #require(text.range(of: "  # A second interview under caution"))
        let end = try #require(text.range(of: "\n# Unused material (CPIA 1996)"))
        let gaps = Self.gaps(try Self.variant(String(text[start.lowerBound...end.lowerBound]), ""))
        #expect(gaps == [0, 1].map { parent in
            "parents[\(parent)]: the charge runs from 25 November 2026 to 8 January 2027, but the absences from 3 December 2026 to 8 January 2027 (6 unauthorised sessions) were not put to this parent in interview (meetings[2].interviews[\(parent)] put 3 September 2026 to 2 December 2026). To do: interview this parent under caution about those absences and record it, or charge only the period put to them"
        })
    }

    @Test func anInterviewWithoutARecordOrACautionIsAGap() throws {
        let text = try String(contentsOf: Self.riverside, encoding: .utf8)
        let start = try #require(text.range(of: "    # Each parent's record of interview"))
        let end = try #require(text.range(of: "  # Listed last so that the meetings above keep their places"))
        let second = try #require(text.range(of: "  # A second interview under caution"))
        let secondEnd = try #require(text.range(of: "\n# Unused material (CPIA 1996)"))
        let noRecords = Self.gaps(try Self.variant([(String(text[start.lowerBound..<end.lowerBound]), ""), (String(text[second.lowerBound...secondEnd.lowerBound]), "")]))
        #expect(noRecords.contains("meetings[2]: holds no record of interview under caution for parents[0]. To do: add the record under interviews: start, end, present, caution, legal advice, the period put, a summary of the questions and answers (docs/case-file.md)"), "\(noRecords)")
        let mothers = "        caution_given: yes\n        caution_understood: yes\n        legal_advice: offered_and_declined\n        period_put: {from: 2026-09-03, to: 2026-12-02}\n        summary:\n          - question: Why has Siobhán missed Monday and Friday mornings?\n            answer: >-"
        let notUnderstood = Self.gaps(try Self.variant(mothers, mothers.replacingOccurrences(of: "caution_understood: yes", with: "caution_understood: no")))
        #expect(notUnderstood == ["meetings[2].interviews[0]: does not record that the caution was understood. To do: check the recording; an interview without the caution given and understood may not be relied on (PACE Code C 10.1, 10.5)"])
    }

    @Test(arguments: [
        ("        start: \"10:05\"\n        end: \"10:40\"\n", "        start: \"10:05\"\n        end: \"09:40\"\n", "meetings[2].interviews[0].end", "not after start (10:05)"),
        ("        period_put: {from: 2026-12-03, to: 2027-01-08}\n        summary:\n          - question: The register shows unauthorised absence since 3 December. Why?\n            answer: The mornings",
         "        period_put: {from: 2026-12-03, to: 2027-01-11}\n        summary:\n          - question: The register shows unauthorised absence since 3 December. Why?\n            answer: The mornings",
         "meetings[4].interviews[0].period_put.to", "not before the interview (2027-01-11)"),
        ("      - interviewee: father\n        start: \"10:50\"", "      - interviewee: grandson\n        start: \"10:50\"", "meetings[2].interviews[1].interviewee", "does not match the id"),
    ])
    func aRecordOfInterviewIsCheckedAsItIsRead(_ edit: (old: String, new: String, field: String, words: String)) throws {
        #expect {
            _ = try Self.variant(edit.old, edit.new)
        } throws: { error in
            let text = "\(error)"
            return text.contains("\(edit.field): ") && text.contains(edit.words)
        }
    }

    // Statements state only what the record shows.

    /// The county example as the defence read it: an outcome copied from free text quoting 84%,
    /// where the register gives 63.6% for the contract's fortnight.
    @Test(arguments: [
        ("Attendance rose to 84% but the target of 90% was not met.", "quotes 84%"),
        ("Attendance over the contract was 64.0%; the target of 90% was not met.", "quotes 64.0%"),
    ])
    func anOutcomeQuotingAPercentageTheRegisterContradictsIsNamed(_ edit: (outcome: String, quote: String)) throws {
        let gaps = Self.gaps(try Self.variant("Attendance over the contract was 63.6%; the target of 90% was not met.", edit.outcome))
        #expect(gaps == ["supportive_measures[0].outcome: \(edit.quote), which the register does not show: attendance was 63.6% from 2 October 2026 to 16 October 2026 (the measure's period) and 74.3% for the school year to 8 January 2027. To do: state the engine's figure (attendoc stats) or take the percentage out; a statement states only what the record shows"])
    }

    @Test(arguments: ["Attendance over the contract was 64%.", "Attendance this year is 74.3 %.", "The target of 90% was not met."])
    func anOutcomeQuotingTheRegistersFigureOrATargetPasses(_ outcome: String) throws {
        #expect(Self.gaps(try Self.variant("Attendance over the contract was 63.6%; the target of 90% was not met.", outcome)).isEmpty)
    }

    // Periods and limits.

    /// The charge from the day the first warning was posted, as in the bundle a legal adviser
    /// read: before the parents could have received it.
    @Test func aChargeStartingBeforeTheFirstWarningWasDeemedServedIsAGap() throws {
        let gaps = Self.gaps(try Self.variant("offence_period: {from: 2026-11-25,", "offence_period: {from: 2026-11-23,"))
        #expect(gaps == ["legal_route.offence_period.from: is 23 November 2026, before the first warning was deemed served (25 November 2026); a parent cannot act on a warning before receiving it. To do: start the charge on or after 25 November 2026"])
    }

    @Test func withoutAnOffencePeriodTheChargeStartsWhenTheFirstWarningWasDeemedServed() throws {
        let loaded = try Self.variant("  offence_period: {from: 2026-11-25, to: 2027-01-08}\n", "")
        // Posted on Monday 23 November; the policy's post: 2 working days.
        let charge = try #require(ChargePeriod.of(loaded, asOf: Self.asOf))
        #expect(charge.from == date("2026-11-25") && charge.to == date("2027-01-08"))
        #expect(Self.gaps(loaded).isEmpty)
    }

    @Test func aChargeWhoseEarliestDayIsMoreThanSixMonthsBeforeIsAGap() throws {
        let loaded = try LoadedCase.load(Self.riverside, resources: resources)
        #expect(Self.gaps(loaded, asOf: date("2027-05-25")).isEmpty, "the last day to lay the information")
        #expect(Self.gaps(loaded, asOf: date("2027-05-26")) == ["legal_route.offence_period: the earliest day charged, 25 November 2026, is more than 6 months before 26 May 2027: the information had to be laid by 25 May 2027 (section 127 Magistrates' Courts Act 1980). To do: charge only days within 6 months of the day the information is laid (legal_route.offence_period), or record why the limit does not apply"])
    }

    @Test func aPupilWithoutAnAdmissionDateOrAdmittedDuringTheChargeIsAGap() throws {
        let admitted = "  admitted_on: 2024-09-04 "
        #expect(Self.gaps(try Self.variant(admitted, "  # ")) == ["pupil.admitted_on: is not recorded, so the register certificate cannot state that the pupil was a registered pupil throughout the period. To do: add the date of admission from the school's admission register"])
        #expect(Self.gaps(try Self.variant(admitted, "  admitted_on: 2026-12-01 ")) == ["pupil.admitted_on: is 1 December 2026, after the first day charged (25 November 2026): the pupil was not a registered pupil throughout the charge. To do: charge only days from 1 December 2026"])
    }
}
