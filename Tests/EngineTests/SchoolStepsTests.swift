import AttendocCaseModel
import AttendocCasework
import AttendocDocuments
import AttendocEngine
import AttendocPolicy
import AttendocRegister
import AttendocTesting
import AttendocValues
import Foundation
import Testing

/// Steps as data (policies' `steps:`, `illness_pattern:` and `referral_checklist:`): the illness
/// pattern from the register's marks, the GP consent step it makes due, and the referral check,
/// against the county example (examples/riverside-first-warning.yaml) and hand-made registers.
@Suite("School steps, the illness pattern and the referral check")
struct SchoolStepsTests {
    static let county = try! policy("county-attendance-team")
    static let riverside = repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml")

    /// The county example with one parenting contract, the mother's of 2 October: without the
    /// father's own contract of 9 October (meetings[3]) and its review (reviews[2]), so that the
    /// steps follow that one contract.
    static func riversideWithOneContract() throws -> LoadedCase {
        var loaded = try LoadedCase.load(riverside, resources: resources)
        loaded.attendanceCase.meetings.removeAll { $0.casePath == "meetings[3]" }
        loaded.attendanceCase.reviews.removeAll { $0.of == "meetings[3]" }
        return loaded
    }

    /// A register from Thursday 3 September 2026, present except `marks`.
    static func register(_ marks: [String: (String, String)], through: String = "2026-12-18") throws -> PupilRegister {
        try readCSV(registerCSV(upn: "Y878401219052", calendar: county.calendar, from: date("2026-09-03"), through: date(through), marks: marks))
    }

    static func riversideWith(_ register: PupilRegister) throws -> LoadedCase {
        var loaded = try LoadedCase.load(riverside, resources: resources)
        loaded.pupilRegister = register
        return loaded
    }

    static func gpStep(_ loaded: LoadedCase, asOf iso: String) throws -> StepStatus {
        try #require(try SchoolSteps.status(of: loaded, asOf: date(iso), sent: []).first { $0.step.name == "gp_consent" })
    }

    // MARK: - The illness pattern

    @Test func illnessOnThreeThursdaysIsAPatternOnTheThird() throws {
        // Thursdays 10 September, 1 October and 5 November 2026: three days only, far under "over 5".
        let register = try Self.register(["2026-09-10": ("I", "I"), "2026-10-01": ("I", "\\"), "2026-11-05": ("/", "I")])
        let rule = try #require(Self.county.illnessPattern)
        let pattern = IllnessPattern(register: register, rule: rule, from: date("2026-08-01"), through: date("2026-12-18"))
        #expect(pattern.illnessDays == 3)
        #expect(pattern.foundOn == date("2026-11-05"))
        #expect(pattern.reason == "illness on 3 Thursdays in different weeks (the latest 5 November 2026)")
        #expect(pattern.mostRepeatedWeekday?.name == "Thursday" && pattern.mostRepeatedWeekday?.weeks == 3)
        // Before the third Thursday it is not yet a pattern.
        #expect(!IllnessPattern(register: register, rule: rule, from: date("2026-08-01"), through: date("2026-11-04")).isFound)
    }

    @Test func moreThanFiveDaysOfIllnessIsAPatternOnTheSixthDayNotTheFifth() throws {
        // Monday 14 to Friday 18 September (5 days), then Tuesday 29 September: the sixth day.
        var marks: [String: (String, String)] = [:]
        for day in ["2026-09-14", "2026-09-15", "2026-09-16", "2026-09-17", "2026-09-18"] { marks[day] = ("I", "I") }
        let rule = try #require(Self.county.illnessPattern)
        let five = IllnessPattern(register: try Self.register(marks), rule: rule, from: date("2026-08-01"), through: date("2026-12-18"))
        #expect(five.illnessDays == 5 && !five.isFound)
        marks["2026-09-29"] = ("I", "\\")
        let six = IllnessPattern(register: try Self.register(marks), rule: rule, from: date("2026-08-01"), through: date("2026-12-18"))
        #expect(six.foundOn == date("2026-09-29"))
        #expect(six.reason == "more than 5 days of illness (6 days with an illness mark by 29 September 2026)")
    }

    @Test func aThursdayIllnessPatternMakesTheGPConsentStepDue() throws {
        let loaded = try Self.riversideWith(try Self.register(["2026-09-10": ("I", "I"), "2026-10-01": ("I", "I"), "2026-11-05": ("I", "I")]))
        let before = try Self.gpStep(loaded, asOf: "2026-11-04")
        #expect(before.calledForOn == nil && !before.isOutstanding)
        let after = try Self.gpStep(loaded, asOf: "2026-11-06")
        #expect(after.isOutstanding)
        #expect(after.due == date("2026-11-05"))
        #expect(after.step.document == "gp-consent-request")
        #expect(after.calledForBecause == "the register shows illness on 3 Thursdays in different weeks (the latest 5 November 2026)")
        // The request sent that day takes the step.
        let taken = try #require(try SchoolSteps.status(of: loaded, asOf: date("2026-11-06"), sent: [SentDocument(kind: "gp-consent-request", sentOn: date("2026-11-05"))])
            .first { $0.step.name == "gp_consent" })
        #expect(taken.takenOn == date("2026-11-05") && !taken.isOutstanding)
        // Illness on three different weekdays is no pattern.
        let scattered = try Self.riversideWith(try Self.register(["2026-09-10": ("I", "I"), "2026-10-05": ("I", "I"), "2026-11-04": ("I", "I")]))
        #expect(try Self.gpStep(scattered, asOf: "2026-12-18").calledForOn == nil)
    }

    @Test func theCountyStepsFallDueOnTheirPolicyDeadlines() throws {
        let loaded = try Self.riversideWithOneContract()
        let steps = try SchoolSteps.status(of: loaded, asOf: date("2026-10-10"), sent: [])
        let byName = Dictionary(uniqueKeysWithValues: steps.map { ($0.step.name, $0) })
        // The parenting contract meeting of 2 October took the first step.
        #expect(byName["parenting_contract"]?.takenBy == "meetings[0]")
        // Its review: the meeting's own review date (16 October), within the policy's 20 school days.
        #expect(byName["contract_review"]?.due == date("2026-10-16"))
        #expect(byName["contract_review"]?.isOutstanding == true)
        #expect(byName["multi_agency_meeting"]?.calledForOn == nil)
        // After the review found the target unmet (engine: 2 to 16 October), the TAF meeting is called for and taken.
        let later = Dictionary(uniqueKeysWithValues: try SchoolSteps.status(of: loaded, asOf: date("2026-11-13"), sent: []).map { ($0.step.name, $0) })
        #expect(later["contract_review"]?.takenBy == "reviews[0]")
        #expect(later["multi_agency_meeting"]?.calledForOn == date("2026-10-16"))
        #expect(later["multi_agency_meeting"]?.takenBy == "meetings[1]")
        #expect(later["multi_agency_review"]?.takenBy == "reviews[1]")
        #expect(later["referral"]?.isOutstanding == true)
        #expect(later["referral"]?.calledForOn == date("2026-11-11"))
        #expect(later["home_visit"]?.takenBy == "contacts[1]")
    }

    @Test func aReviewWithNoPolicyDeadlineFallsDueOnTheMeetingsReviewDateNotOnTheMeeting() throws {
        var loaded = try Self.riversideWithOneContract()
        let index = try #require(loaded.policy?.steps.firstIndex { $0.name == "contract_review" })
        loaded.policy?.steps[index].deadline = nil
        let review = try #require(try SchoolSteps.status(of: loaded, asOf: date("2026-10-10"), sent: []).first { $0.step.name == "contract_review" })
        // The contract of 2 October set its review for 16 October: the review is due then.
        #expect(review.calledForOn == date("2026-10-02"))
        #expect(review.due == date("2026-10-16"))
        // A contract that set no review date: the review is due on the day it was called for.
        loaded.attendanceCase.meetings[0].reviewDate = nil
        let undated = try #require(try SchoolSteps.status(of: loaded, asOf: date("2026-10-10"), sent: []).first { $0.step.name == "contract_review" })
        #expect(undated.due == date("2026-10-02"))
    }

    // MARK: - The referral check

    static func gaps(_ loaded: LoadedCase, asOf iso: String, sent: [SentDocument] = []) throws -> [String] {
        try ReferralReadiness.check(loaded, asOf: date(iso), sent: sent).gaps.map(\.description)
    }

    @Test func theCountyExamplePassesTheCountyChecklist() throws {
        let loaded = try LoadedCase.load(Self.riverside, resources: resources)
        let readiness = try ReferralReadiness.check(loaded, asOf: date("2026-11-13"), sent: [])
        #expect(readiness.isReady, "\(readiness.gaps)")
        #expect(readiness.checked == ["unauthorised absence of at least 10%",
                                      "evidence of each step: parenting_contract, contract_review, gp_consent, gp_enquiry, multi_agency_meeting, multi_agency_review",
                                      "every supportive measure with its outcome and evidence"])
    }

    @Test(arguments: ["contract review", "TAF meeting", "TAF review", "parenting contract", "evidence", "unauthorised"])
    func theReferralCheckFailsForEachMissingStep(missing: String) throws {
        var loaded = try Self.riversideWithOneContract()
        var asOf = "2026-11-13"
        let expected: String
        switch missing {
        case "contract review":
            loaded.attendanceCase.reviews.removeFirst()
            expected = "steps: contract_review: Review the parenting contract not more than 20 days later: called for since 2 October 2026"
        case "TAF meeting":
            loaded.attendanceCase.meetings.remove(at: 1)
            loaded.attendanceCase.reviews.removeLast()
            expected = "steps: multi_agency_meeting: Target not met: a multi-agency planning meeting or Team Around the Family with an action plan: called for since 16 October 2026 (the target of 90% set at meetings[0] was not met"
        case "TAF review":
            loaded.attendanceCase.reviews.removeLast()
            expected = "steps: multi_agency_review: Review the action plan not more than 20 days later: called for since 21 October 2026"
        case "parenting contract":
            loaded.attendanceCase.meetings.removeFirst()
            loaded.attendanceCase.reviews = []
            expected = "steps: parenting_contract: Attendance under 90 %: contact the parents and hold a parenting contract meeting with a target: called for since"
        case "evidence":
            loaded.attendanceCase.supportiveMeasures[1].evidence = []
            expected = "supportive_measures[1]: the supportive measure has no evidence"
        default:
            asOf = "2026-10-10"
            // 4 unauthorised of 54 sessions, 3 September to 9 October: 7.4%.
            expected = "register: unauthorised absence is 7.4% (4 of 54 sessions, 3 September 2026 to 9 October 2026), under the 10% the referral needs"
        }
        let gaps = try Self.gaps(loaded, asOf: asOf)
        #expect(gaps.contains { $0.hasPrefix(expected) }, "\(gaps)")
    }

    @Test func anotherAuthoritysChecklist() throws {
        var loaded = try LoadedCase.load(Self.riverside, resources: resources)
        loaded.policy?.referralChecklist = [.registerCertificateYears(2), .recordedContactsAtLeast(6), .noUnexplainedInLastSessions(60)]
        let sent = CaseHistory.sentDocuments(in: loaded.attendanceCase)
        // 30 September: 1 contact, 3 letters, no meeting yet = 4 of the 6 contacts; no certificate at all.
        let early = try Self.gaps(loaded, asOf: "2026-09-30", sent: sent.filter { $0.sentOn <= date("2026-09-30") })
        #expect(early.contains { $0.hasPrefix("contacts: 4 recorded contacts with the family (1 in contacts, 3 letters issued, 0 meetings); the referral needs at least 6") }, "\(early)")
        #expect(early.contains { $0.hasPrefix("letters_issued: no register certificate is recorded for the school year 2026 to 2027") })
        #expect(early.contains { $0.hasPrefix("letters_issued: no register certificate is recorded for the school year 2025 to 2026") })
        // 1 December: this year's certificate went on 23 November; last year's is still missing.
        let later = try Self.gaps(loaded, asOf: "2026-12-01", sent: sent)
        #expect(!later.contains { $0.contains("2026 to 2027") })
        #expect(later.contains { $0.contains("2025 to 2026") })
        #expect(!later.contains { $0.hasPrefix("contacts:") })
        // The last 60 sessions on 1 December are the 30 school days from 14 October (half term 26 to
        // 30 October): the N mornings of 23 October and 16 November are among them, 12 October's is not.
        #expect(later.contains { $0.hasPrefix("register: 2 of the last 60 sessions are still marked N (no reason yet), the first 23 October 2026 AM") }, "\(later)")
        // A register with no N passes that item.
        loaded.pupilRegister = try Self.register([:])
        #expect(!(try Self.gaps(loaded, asOf: "2026-12-01", sent: sent)).contains { $0.hasPrefix("register:") })
    }

    // MARK: - The policy's steps are checked when it is read

    static func policyError(_ addition: String) throws -> String {
        let folder = try temporaryFolder("steps-policy")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = resources.policies
        try FileManager.default.copyItem(at: source.appendingPathComponent("term-dates"), to: folder.appendingPathComponent("term-dates"))
        var text = try String(contentsOf: source.appendingPathComponent("county-attendance-team.yaml"), encoding: .utf8)
        text += addition
        let file = folder.appendingPathComponent("county.yaml")
        try Data(text.utf8).write(to: file)
        do {
            _ = try PolicyReader.read(contentsOf: file)
        } catch {
            return error.description
        }
        Issue.record("expected the policy to be refused")
        return ""
    }

    @Test func aChecklistNamingNoStepAndAStepWithTwoTriggersAreRefused() throws {
        let unknown = try Self.policyError("  - steps_taken: [parenting_contract, home_visits]\n")
        #expect(unknown.contains("referral_checklist[3].steps_taken"), "\(unknown)")
        #expect(unknown.contains("item 2 is not one of the policy's steps"), "\(unknown)")
    }
}

