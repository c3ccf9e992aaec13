import AttendocEngine
import AttendocPolicy
import AttendocRegister
import AttendocTesting
import AttendocValues
import AttendocYAML
import Foundation
import Testing

/// Hand-worked examples. The school calendar is Northshire's (policies/term-dates/northshire.yaml):
/// autumn term 2026 starts Thursday 3 September; half term 26 to 30 October; Monday 2 November is
/// a staff training day (a closure, `#` in the register).
@Suite("Attendance engine: hand-worked figures")
struct AttendanceEngineTests {
    static let tiers = try! policy("attendance-tiers")
    static let county = try! policy("county-attendance-team")

    /// Ten unauthorised morning sessions (O) between 3 September and 4 November 2026.
    static let unauthorisedDays: [String: (String, String)] = [
        "2026-09-03": ("O", "\\"),
        "2026-09-07": ("O", "\\"), "2026-09-08": ("O", "\\"), "2026-09-09": ("O", "\\"), "2026-09-10": ("O", "\\"),
        "2026-10-05": ("O", "O"),
        "2026-10-12": ("O", "\\"), "2026-10-13": ("O", "\\"),
        "2026-11-04": ("O", "\\"),
    ]

    static func autumnPupil() throws -> PupilRegister {
        try readCSV(registerCSV(calendar: county.calendar, from: date("2026-09-01"), through: date("2026-11-20"), marks: unauthorisedDays))
    }

    @Test func totalsAcrossHalfTermAndATrainingDay() throws {
        let figures = AttendanceEngine(policy: Self.county).figures(for: try Self.autumnPupil(), asOf: date("2026-11-13"))
        // School days from 3 September to 13 November 2026:
        //   September: 3, 4, then 7-11, 14-18, 21-25, 28-30          = 2 + 5 + 5 + 5 + 3 = 20
        //   October:   1, 2, then 5-9, 12-16, 19-23 (26-30 half term) = 2 + 15          = 17
        //   November:  2 is a training day (#); 3-6, 9-13               = 4 + 5           = 9
        // 46 days = 92 possible sessions; 10 unauthorised (O); 82 attended.
        // The period starts on the first day on the register (the first day of term), not 1 August.
        #expect(figures.from == date("2026-09-03"))
        #expect(figures.possibleSessions == 92)
        #expect(figures.attendedSessions == 82)
        #expect(figures.unauthorisedAbsenceSessions == 10)
        #expect(figures.authorisedAbsenceSessions == 0)
        // 82 / 92 = 89.130...% → 89.1%; absence 10 / 92 = 10.869...% → persistent (≥ 10%), not severe.
        #expect(figures.attendance.display == "89.1%")
        #expect(figures.absence.display == "10.9%")
        #expect(figures.isPersistentlyAbsent)
        #expect(!figures.isSeverelyAbsent)
        // Seed 004's referral criterion: unauthorised 10.9% ≥ 10%.
        #expect(figures.meetsReferralUnauthorisedShare == true)
    }

    @Test func theTenInTenWindowSkipsTheHalfTermWeek() throws {
        let engine = AttendanceEngine(policy: Self.county)
        let pupil = try Self.autumnPupil()
        // As of Friday 13 November the last 10 school weeks are those starting 31 Aug, 7, 14, 21,
        // 28 Sep, 5, 12, 19 Oct, 2 and 9 Nov: half term (26 Oct) is not a school week, so the window
        // reaches back to 31 August (11 calendar weeks) and holds all 10 unauthorised sessions.
        let november13 = engine.figures(for: pupil, asOf: date("2026-11-13"))
        #expect(november13.windowStarts == date("2026-08-31"))
        #expect(november13.unauthorisedInWindow == 10)
        // A week later the window starts on 7 September: the session on 3 September drops out.
        let november20 = engine.figures(for: pupil, asOf: date("2026-11-20"))
        #expect(november20.windowStarts == date("2026-09-07"))
        #expect(november20.unauthorisedInWindow == 9)
    }

    @Test func theExactDayTheThresholdIsMet() throws {
        let engine = AttendanceEngine(policy: Self.county)
        let pupil = try Self.autumnPupil()
        // Sessions: 3 Sep (1), 7-10 Sep (4) = 5, 5 Oct (2) = 7, 12-13 Oct (2) = 9, 4 Nov (1) = 10.
        // On Tuesday 3 November there are 9; the 10th is on Wednesday 4 November.
        #expect(engine.figures(for: pupil, asOf: date("2026-11-03")).unauthorisedThresholdFirstMetOn == nil)
        #expect(engine.figures(for: pupil, asOf: date("2026-11-03")).unauthorisedInWindow == 9)
        #expect(engine.figures(for: pupil, asOf: date("2026-11-04")).unauthorisedThresholdFirstMetOn == date("2026-11-04"))
        #expect(engine.figures(for: pupil, asOf: date("2026-11-20")).unauthorisedThresholdFirstMetOn == date("2026-11-04"))
    }

    @Test func aPupilWhoJoinedMidTermAndTheTiersTheyEntered() throws {
        // Joined Monday 5 October 2026: absent without authorisation both sessions that day, then
        // present every session. Year-to-date attendance after each day:
        //   5 Oct 0/2 = 0% (tier 4), 6 Oct 2/4 = 50% (tier 4), 7 Oct 4/6 = 66.7% (tier 3),
        //   8 Oct 6/8 = 75%, 9 Oct 8/10 = 80% (tier 2), ... 22 Oct 26/28 = 92.86% (tier 2),
        //   23 Oct 28/30 = 93.33% (tier 1).
        let pupil = try readCSV(registerCSV(calendar: Self.tiers.calendar, from: date("2026-10-05"), through: date("2026-10-23"),
                                            marks: ["2026-10-05": ("O", "O")]))
        let figures = AttendanceEngine(policy: Self.tiers).figures(for: pupil, asOf: date("2026-10-23"))
        #expect(figures.from == date("2026-10-05"))
        #expect(figures.possibleSessions == 30)
        #expect(figures.attendedSessions == 28)
        #expect(figures.tier == 1)
        #expect(figures.tierHistory == [
            TierEntry(tier: 4, enteredOn: date("2026-10-05")),
            TierEntry(tier: 3, enteredOn: date("2026-10-07")),
            TierEntry(tier: 2, enteredOn: date("2026-10-09")),
            TierEntry(tier: 1, enteredOn: date("2026-10-23")),
        ])
        #expect(AttendanceEngine(policy: Self.tiers).figures(for: pupil, asOf: date("2026-10-22")).tier == 2)
    }

    @Test func unavoidableAndAdministrativeCodesAreNotPossibleSessions() throws {
        // 3 Sep: Y2 Y2 (travel disruption); 4 Sep: / Q; 7 Sep: D \ ; 8 Sep: # # (closure).
        // Possible: 4 Sep AM and 7 Sep PM = 2, both attended. Not counted: Y2, Y2, Q, D = 4.
        let csv = "upn,date,am,pm\nA123456789012,2026-09-03,Y2,Y2\nA123456789012,2026-09-04,/,Q\nA123456789012,2026-09-07,D,\\\nA123456789012,2026-09-08,#,#\n"
        let figures = AttendanceEngine(policy: Self.county).figures(for: try readCSV(csv), asOf: date("2026-09-08"))
        #expect(figures.possibleSessions == 2)
        #expect(figures.attendedSessions == 2)
        #expect(figures.notCountedSessions == 4)
        #expect(figures.attendance.display == "100.0%")
    }

    @Test(arguments: [
        // attended, possible, tier (seed 003: 100-93, 92-80, 79-51, 50 or lower), compared exactly.
        (93, 100, 1), (929, 1000, 2), (80, 100, 2), (7999, 10000, 3), (51, 100, 3), (509, 1000, 4), (50, 100, 4), (0, 10, 4),
    ])
    func tierBandBoundaries(_ attended: Int, _ possible: Int, _ tier: Int) {
        #expect(Self.tiers.tier(for: Percentage(attended, of: possible))?.tier == tier)
    }

    @Test(arguments: [
        // absent, possible, persistent (≥ 10%), severe (≥ 50%)
        (10, 100, true, false), (99, 1000, false, false), (50, 100, true, true), (499, 1000, true, false),
    ])
    func persistentAndSevereAbsenceBoundaries(_ absent: Int, _ possible: Int, _ persistent: Bool, _ severe: Bool) {
        let share = Percentage(absent, of: possible)
        #expect(Self.county.persistentAbsence.isReached(by: share) == persistent)
        #expect(Self.county.severeAbsence.isReached(by: share) == severe)
    }
}

@Suite("School-day and school-week deadlines")
struct DeadlineTests {
    static let county = try! policy("county-attendance-team")

    @Test func twentySchoolDaysAcrossHalfTermAndATrainingDay() throws {
        // From Monday 12 October 2026: 13-16 Oct (4), 19-23 Oct (5) = 9; half term 26-30 Oct;
        // 2 Nov training day; 3-6 Nov (4) = 13; 9-13 Nov (5) = 18; 16, 17 Nov = 20 → Tuesday 17 November.
        #expect(try Self.county.deadline(.concernReview, from: date("2026-10-12")) == date("2026-11-17"))
    }

    @Test func schoolDaysSkipABankHoliday() throws {
        // From Thursday 29 April 2027: Fri 30 Apr (1); Mon 3 May is the early May bank holiday;
        // Tue 4 (2), Wed 5 (3), Thu 6 (4), Fri 7 May (5).
        #expect(try Self.county.calendar.adding(schoolDays: 5, to: date("2027-04-29")) == date("2027-05-07"))
        #expect(!Self.county.calendar.isSchoolDay(date("2027-05-03")))
    }

    @Test func fiveWeeksOfReferralAreCalendarWeeksEndingOnASchoolDay() throws {
        // 16 November + 35 days is Monday 21 December, in the Christmas holiday: the deadline is
        // the last school day before it, Friday 18 December.
        #expect(try Self.county.deadline(.paceInterview, from: date("2026-11-16")) == date("2026-12-18"))
    }

    @Test func sixSchoolWeeksSkipTheChristmasHolidays() throws {
        let plans = try policy("attendance-improvement-plan")
        // From Thursday 26 November 2026, school weeks: 30 Nov, 7 Dec, 14 Dec, (21 and 28 Dec are
        // holidays), 4 Jan, 11 Jan, 18 Jan → Thursday 21 January 2027.
        #expect(try plans.deadline(.improvementPlanMinimum, from: date("2026-11-26")) == date("2027-01-21"))
    }

    @Test func countingPastTheKnownTermDatesIsAnError() throws {
        let error = #expect(throws: AttendocError.self) { try Self.county.deadline(.concernReview, from: date("2027-07-10")) }
        #expect(error?.description.contains("term dates end on 21 July 2027") == true)
    }

    @Test func theRegisterDecidesWhichDaysWereSchoolDays() throws {
        // The register shows the school closed on Friday 16 October (no marks), which the term dates do not know.
        var csv = registerCSV(calendar: Self.county.calendar, from: date("2026-10-12"), through: date("2026-10-23"))
        csv = csv.split(separator: "\n").filter { !$0.contains("2026-10-16") }.joined(separator: "\n") + "\n"
        let calendar = Self.county.calendar.using(try readCSV(csv))
        #expect(!calendar.isSchoolDay(date("2026-10-16")))
        #expect(calendar.schoolDays(from: date("2026-10-12"), through: date("2026-10-23")) == 9)
        #expect(try calendar.adding(schoolDays: 5, to: date("2026-10-12")) == date("2026-10-20"))
    }
}

@Suite("Policies")
struct PolicyTests {
    @Test(arguments: ["county-attendance-team", "attendance-tiers", "attendance-improvement-plan", "attendance-panel"])
    func everyBundledPolicyReads(_ name: String) throws {
        let read = try policy(name)
        #expect(read.unauthorisedSessions == 10)
        #expect(read.unauthorisedWindowSchoolWeeks == 10)
        #expect(!read.calendar.terms.isEmpty)
    }

    @Test func anUnknownPolicyListsTheKnownOnes() {
        let error = #expect(throws: CaseFileError.self) { try policy("nowhere") }
        #expect(error?.message.contains("county-attendance-team") == true)
    }

    @Test func aBadPolicyNamesFileLineAndField() throws {
        let folder = try temporaryFolder("policy")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("term-dates"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: resources.policies.appendingPathComponent("term-dates/northshire.yaml"),
                                         to: folder.appendingPathComponent("term-dates/northshire.yaml"))
        let text = try String(contentsOf: resources.policies.appendingPathComponent("attendance-tiers.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "from_percent: 80,", with: "from_percent: eighty,")
        try Data(text.utf8).write(to: folder.appendingPathComponent("broken.yaml"))
        let error = #expect(throws: CaseFileError.self) { try PolicyReader.read(named: "broken", in: folder) }
        #expect(error?.field == "tiers[1].from_percent")
        #expect(error?.line == (text.components(separatedBy: "\n").firstIndex { $0.contains("eighty") } ?? -1) + 1)
    }
}

/// An attendance target does not count authorised illness against the family unless the policy
/// says so (`target_counts_authorised_illness`): sickness is a defence (s444(2A)).
@Suite("Targets and authorised illness")
struct TargetIllnessTests {
    @Test func aTargetLeavesOutAuthorisedIllnessUnlessThePolicyCountsIt() throws {
        // 10 school days from Monday 1 March 2027: 20 possible sessions, 4 of them authorised
        // illness (I), 2 unauthorised (O): 14 attended. Against a 90% target: 14 of 16 (87.5%)
        // without the illness, 14 of 20 (70.0%) with it.
        let county = try policy("county-attendance-team")
        #expect(county.targetCountsAuthorisedIllness == false)
        let csv = registerCSV(calendar: county.calendar, from: date("2027-03-01"), through: date("2027-03-12"),
                              marks: ["2027-03-02": ("I", "I"), "2027-03-03": ("I", "I"), "2027-03-04": ("O", "O")])
        let register = try readCSV(csv)
        let fair = AttendanceEngine(policy: county).figures(for: register, asOf: date("2027-03-12"))
        #expect(fair.possibleSessions == 20 && fair.attendedSessions == 14 && fair.authorisedIllnessSessions == 4)
        #expect(fair.targetPossibleSessions == 16)
        #expect(fair.targetAttendance.display == "87.5%")
        var counting = county
        counting.targetCountsAuthorisedIllness = true
        let strict = AttendanceEngine(policy: counting).figures(for: register, asOf: date("2027-03-12"))
        #expect(strict.targetPossibleSessions == 20)
        #expect(strict.targetAttendance.display == "70.0%")
    }

}
