import AttendocValues
import AttendocYAML
import AttendocCaseModel
import AttendocPolicy
import AttendocCasework
@testable import AttendocDocuments
import AttendocRendering
import AttendocTesting
import Foundation
import Testing

/// A policy's deadlines are a typed set, read and checked with the policy: a misspelt or missing
/// name is an error naming the policy file and line, never a check skipped in silence. Each
/// deadline's date is computed once (LoadedCase.deadline / interviewDeadline), so every document
/// and check that needs it gives the same date.
@Suite("Policy deadlines: read strictly, computed once")
struct PolicyDeadlineTests {
    static let riverside = repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml")
    static let hillcrest = repositoryRoot.appendingPathComponent("examples/hillcrest-target-met.yaml")

    /// A folder holding `local.yaml`, the county policy with `old` replaced by `new`, beside the
    /// term dates it names; its URL and text.
    static func countyPolicy(_ old: String, _ new: String) throws -> (folder: URL, file: URL, text: String) {
        let folder = try temporaryFolder("deadline-policy")
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("term-dates"),
                                                   withDestinationURL: resources.policies.appendingPathComponent("term-dates"))
        let county = try String(contentsOf: resources.policies.appendingPathComponent("county-attendance-team.yaml"), encoding: .utf8)
        #expect(county.components(separatedBy: old).count == 2, "the edit must match once: \(old)")
        let text = county.replacingOccurrences(of: old, with: new)
        let file = folder.appendingPathComponent("local.yaml")
        try Data(text.utf8).write(to: file)
        return (folder, file, text)
    }

    static func line(of text: String, in yaml: String) -> Int {
        (yaml.components(separatedBy: "\n").firstIndex { $0.contains(text) } ?? -1) + 1
    }

    /// The county example, without its `interview_within_weeks` (which only repeats the county
    /// policy), following `policy` instead of the county's.
    static func riverside(following policy: Policy, edit: (String, String)? = nil) throws -> LoadedCase {
        var text = try String(contentsOf: riverside, encoding: .utf8).replacingOccurrences(of: "  interview_within_weeks: 5\n", with: "")
        if let edit {
            #expect(text.components(separatedBy: edit.0).count == 2, "the edit must match once: \(edit.0)")
            text = text.replacingOccurrences(of: edit.0, with: edit.1)
        }
        let folder = try temporaryFolder("deadline-case")
        for item in ["registers", "evidence"] {
            // Copied, not linked: evidence and registers must be files inside the case's folder.
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("examples/\(item)"),
                                             to: folder.appendingPathComponent(item))
        }
        let caseFile = folder.appendingPathComponent("case.yaml")
        try Data(text.utf8).write(to: caseFile)
        var loaded = try LoadedCase.load(caseFile, resources: resources)
        loaded.policy = policy
        return loaded
    }

    static func text(_ kind: DocumentKind, _ loaded: LoadedCase, dated iso: String, options: LetterOptions = LetterOptions()) throws -> String {
        let letters = try LetterRun(resources: resources).letters(kind, for: loaded, dated: date(iso), options: options)
        let folder = try temporaryFolder("deadline-letters")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try DocumentWriter(resources: resources, formats: [.txt]).write(letters.map(\.document), formats: [.txt], to: folder, fop: nil)
        let first = try #require(letters.first)
        return flattened(try String(contentsOf: folder.appendingPathComponent(first.relativeStem + ".txt"), encoding: .utf8))
    }

    @Test func aMisspeltDeadlineNameIsRefusedNamingFileAndLine() throws {
        let (folder, file, text) = try Self.countyPolicy("  pace_interview:\n", "  pace_interveiw:\n")
        let error = #expect(throws: CaseFileError.self) { try PolicyReader.read(named: "local", in: folder) }
        #expect(error?.file == file.path)
        #expect(error?.line == Self.line(of: "pace_interveiw", in: text))
        #expect(error?.field == "deadlines.pace_interveiw")
        #expect(error?.message.contains("pace_interview") == true, "the message lists the known names: \(error?.message ?? "")")
    }

    @Test func aMissingRequiredDeadlineIsRefusedNamingFileAndLine() throws {
        let (folder, file, text) = try Self.countyPolicy(
            "  target_review:\n    within: 5\n    unit: weeks\n    description: \"Target met: letter sent and attendance reviewed within a further 5 weeks\"\n", "")
        let policy = try PolicyReader.read(named: "local", in: folder)
        let loaded = try Self.riverside(following: policy)
        let error = #expect(throws: AttendocError.self) {
            try LetterRun(resources: resources).letters(.firstWarningLetter, for: loaded, dated: date("2026-11-23"))
        }
        #expect(error?.description.contains("\(file.path):\(Self.line(of: "deadlines:", in: text)): deadlines: the policy local has no target_review, which the first warning letter needs") == true,
                "\(error?.description ?? "")")
    }

    @Test func theReadinessCheckReportsADeadlineThePolicyLacks() throws {
        // Under the old check, a policy without pace_interview (or with it misspelt) let a late
        // interview pass in silence.
        let (folder, file, text) = try Self.countyPolicy(
            "  pace_interview:\n    within: 5\n    unit: weeks\n    description: \"Attendance panel meeting or PACE interview held in school within 5 weeks of referral\"\n", "")
        let loaded = try Self.riverside(following: try PolicyReader.read(named: "local", in: folder),
                                        edit: ("  - kind: pace_interview\n    date: 2026-12-03", "  - kind: pace_interview\n    date: 2026-12-22"))
        let gaps = ProsecutionReadiness.check(loaded, asOf: date("2027-01-11")).gaps.map(\.description)
        #expect(gaps.contains { $0.hasPrefix("meetings[2]: the date of the interview or panel meeting cannot be checked against the policy's pace_interview deadline")
                                && $0.contains("\(file.path):\(Self.line(of: "deadlines:", in: text))") }, "\(gaps)")
    }

    @Test func theReadinessCheckReportsADeadlineThatCannotBeCounted() throws {
        // 20 school days after 9 July 2027 run past the term dates (they end on 21 July 2027):
        // a gap, where the old check skipped the review in silence.
        var loaded = try Self.riverside(following: try policy("county-attendance-team"))
        let contract = try #require(loaded.attendanceCase.meetings.firstIndex { $0.kind == .parentingContract })
        loaded.attendanceCase.meetings[contract].date = date("2027-07-09")
        loaded.attendanceCase.meetings[contract].reviewDate = date("2027-07-20")
        let gaps = ProsecutionReadiness.check(loaded, asOf: date("2027-01-11")).gaps.map(\.description)
        #expect(gaps.contains { $0.hasPrefix("meetings[0]: the review of the parenting contract meeting cannot be checked against the policy's concern_review deadline") && $0.contains("term dates end on 21 July 2027") },
                "\(gaps)")
    }

    @Test func theInterviewDeadlineIsTheSameInTheFirstWarningThePACEInvitationAndTheReadinessCheck() throws {
        // Counted in school weeks, so that the old case-file sum (16 November + 5 × 7 days =
        // 21 December) would differ: the 5th school week after 16 November 2026 is after Christmas.
        let (folder, _, _) = try Self.countyPolicy(
            "  pace_interview:\n    within: 5\n    unit: weeks\n", "  pace_interview:\n    within: 5\n    unit: school_weeks\n")
        var loaded = try Self.riverside(following: try PolicyReader.read(named: "local", in: folder))
        let deadline = try loaded.interviewDeadline(for: "this test").date
        #expect(deadline != date("2026-12-21"))
        #expect(deadline == (try loaded.calendar().adding(schoolWeeks: 5, to: date("2026-11-13"))))

        let firstWarning = try Self.text(.firstWarningLetter, loaded, dated: "2026-11-23")
        #expect(firstWarning.contains("It must take place by \(deadline.longFormWithWeekday), five school weeks after the school referred Siobhán to us on 13 November 2026."), "\(firstWarning)")

        let interview = try #require(loaded.attendanceCase.meetings.firstIndex { $0.kind == .paceInterview })
        loaded.attendanceCase.meetings[interview].date = deadline
        _ = try Self.text(.paceInterviewInvitation, loaded, dated: "2026-11-23")
        #expect(ProsecutionReadiness.check(loaded, asOf: date("2027-01-11")).gaps.allSatisfy { !$0.problem.contains("deadline") })

        loaded.attendanceCase.meetings[interview].date = deadline.adding(days: 1)
        let error = #expect(throws: AttendocError.self) {
            try LetterRun(resources: resources).letters(.paceInterviewInvitation, for: loaded, dated: date("2026-11-23"))
        }
        #expect(error?.description.contains("after the deadline of \(deadline.longFormWithWeekday)") == true, "\(error?.description ?? "")")
        let gaps = ProsecutionReadiness.check(loaded, asOf: date("2027-01-11")).gaps.map(\.description)
        #expect(gaps.contains { $0.contains("was after the deadline of \(deadline.longForm)") }, "\(gaps)")
    }

    @Test func bothTargetLettersChooseTheSameMeetingWhenTwoFallOnOneDay() throws {
        // A PACE interview on the same day as the attendance panel meeting, later in the case
        // file: both letters report on it (the old final warning took the first of the two).
        var text = try String(contentsOf: Self.hillcrest, encoding: .utf8)
        let panelEnd = "    attendance_target: 90%\n    review_date: 2027-01-14\n"
        #expect(text.components(separatedBy: panelEnd).count == 2)
        text = text.replacingOccurrences(of: panelEnd, with: panelEnd + "  - kind: pace_interview\n    date: 2026-12-10\n    attendance_target: 95%\n    review_date: 2027-01-14\n")
        let attendanceCase = try CaseFileReader.read(text, file: Self.hillcrest.path)
        let letterDate = date("2027-01-18")
        let finalWarning = try FinalWarningLetterFacts.targetMeeting(in: attendanceCase, dated: letterDate, path: nil)
        let targetMet = try TargetMetFacts.chooseMeeting(in: attendanceCase, dated: letterDate, path: nil)
        #expect(finalWarning.casePath == targetMet.casePath)
        #expect(finalWarning.kind == .paceInterview)
        #expect(finalWarning.attendanceTarget == targetMet.attendanceTarget)
    }

    @Test func aCaseFileStatingADifferentInterviewDeadlineIsRefused() throws {
        let text = try String(contentsOf: Self.riverside, encoding: .utf8)
            .replacingOccurrences(of: "  interview_within_weeks: 5\n", with: "  interview_within_weeks: 6\n")
        let folder = try temporaryFolder("deadline-stated")
        for item in ["registers", "evidence"] {
            // Copied, not linked: evidence and registers must be files inside the case's folder.
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("examples/\(item)"),
                                             to: folder.appendingPathComponent(item))
        }
        let caseFile = folder.appendingPathComponent("case.yaml")
        try Data(text.utf8).write(to: caseFile)
        let error = #expect(throws: AttendocError.self) { try LoadedCase.load(caseFile, resources: resources) }
        #expect(error?.description.hasPrefix("\(caseFile.path):\(Self.line(of: "interview_within_weeks", in: text)): referral.interview_within_weeks: says 6 weeks, but the policy county-attendance-team's pace_interview is 5 weeks") == true,
                "\(error?.description ?? "")")
    }

    @Test func theInterviewDeadlineCountsFromTheReferralAndNeverFallsInAHoliday() throws {
        // Seed 004: "within 5 weeks of referral". The school referred the case on 13 November
        // 2026: five weeks on is Friday 18 December, the last day of the autumn term.
        let county = try policy("county-attendance-team")
        let loaded = try Self.riverside(following: county)
        #expect(try loaded.interviewDeadline(for: "this test").date == date("2026-12-18"))
        let letter = try Self.text(.firstWarningLetter, loaded, dated: "2026-11-23")
        #expect(letter.contains("With this letter is an invitation to an interview under caution on Thursday 3 December 2026 at 10am, at Riverside Academy"), "\(letter)")
        #expect(letter.contains("It must take place by Friday 18 December 2026, five weeks after the school referred Siobhán to us on 13 November 2026."), "\(letter)")
        #expect(letter.contains("Invitation to an interview under caution on 3 December 2026"))
        #expect(!letter.contains("either an attendance panel meeting or"))

        // Without the referral's own date, five weeks from its acceptance (16 November) is Monday
        // 21 December, in the Christmas holiday: the letter gives the last school day before it.
        let accepted = try Self.riverside(following: county, edit: ("  referred_on: 2026-11-13         # the school's referral (seed 004 counts the interview's 5 weeks from it)\n", ""))
        #expect(try accepted.interviewDeadline(for: "this test").date == date("2026-12-18"))
        let fromAcceptance = try Self.text(.firstWarningLetter, accepted, dated: "2026-11-23")
        #expect(fromAcceptance.contains("It must take place by Friday 18 December 2026, five weeks after we accepted the referral on 16 November 2026."), "\(fromAcceptance)")
        #expect(!fromAcceptance.contains("21 December"))
    }

    @Test func anInvitationToAMeetingInTheHolidaysIsRefused() throws {
        var loaded = try Self.riverside(following: try policy("county-attendance-team"))
        let interview = try #require(loaded.attendanceCase.meetings.firstIndex { $0.kind == .paceInterview })
        loaded.attendanceCase.meetings[interview].date = date("2026-12-05")   // a Saturday
        let error = #expect(throws: AttendocError.self) {
            try LetterRun(resources: resources).letters(.paceInterviewInvitation, for: loaded, dated: date("2026-11-23"))
        }
        #expect(error?.description.contains("meetings[2] (the interview under caution (PACE) on Saturday 5 December 2026) is not a school day") == true, "\(error?.description ?? "")")
        _ = try Self.text(.paceInterviewInvitation, loaded, dated: "2026-11-23", options: LetterOptions(deadlineOverrideReason: "the parents asked for a Saturday"))
    }

    @Test func aReferralDatedAfterItsAcceptanceIsRefused() throws {
        let error = #expect(throws: AttendocError.self) {
            try Self.riverside(following: try policy("county-attendance-team"), edit: ("  referred_on: 2026-11-13", "  referred_on: 2026-11-20"))
        }
        #expect(error?.description.contains("referral.referred_on: is 2026-11-20, after accepted_on (2026-11-16)") == true, "\(error?.description ?? "")")
    }

    @Test func everyKindOfDeadlineFallsOnASchoolDay() throws {
        let calendar = try policy("county-attendance-team").calendar
        var start = date("2026-09-03")
        let units: [Deadline.Unit] = [.days, .weeks, .schoolDays, .schoolWeeks]
        while start < date("2027-01-20") {
            for unit in units {
                for count in [1, 4, 5, 6, 20] {
                    let due = try Deadline(count: count, unit: unit, description: "").date(from: start, calendar: calendar)
                    #expect(calendar.isSchoolDay(due), "\(count) \(unit) from \(start.iso) gave \(due.iso)")
                }
            }
            start = start.adding(days: 3)
        }
    }

    @Test func aTargetSpanningChristmasStatesItsSchoolDays() throws {
        // A target set at the interview on Thursday 3 December 2026. Five calendar weeks end on
        // 7 January 2027 and hold 16 school days; five school weeks end on Thursday 21 January
        // 2027 and hold 26 (3-4, 7-11, 14-18 December; 4-8, 11-15, 18-21 January).
        let weeks = try Self.text(.firstWarningLetter, try Self.riverside(following: try policy("county-attendance-team")), dated: "2026-11-23")
        #expect(weeks.contains("We will check it five weeks later, on Thursday 7 January 2027: that is 16 school days."), "\(weeks)")
        let (folder, _, _) = try Self.countyPolicy("  target_review:\n    within: 5\n    unit: weeks\n", "  target_review:\n    within: 5\n    unit: school_weeks\n")
        let schoolWeeks = try Self.text(.firstWarningLetter, try Self.riverside(following: try PolicyReader.read(named: "local", in: folder)), dated: "2026-11-23")
        #expect(schoolWeeks.contains("We will check it five school weeks later, on Thursday 21 January 2027: that is 26 school days."), "\(schoolWeeks)")
    }

    @Test(arguments: [("2025-12-01", "2026-01-12"), ("2026-01-26", "2026-03-02"), ("2026-03-09", "2026-04-20"), ("2026-05-11", "2026-06-15")])
    func thePanelsFourWeekReviewsAreSeed000sOwnDates(panel: String, review: String) throws {
        let panelPolicy = try policy("attendance-panel")
        #expect(try panelPolicy.deadline(.fourWeekReview, from: date(panel)) == date(review))
    }

    @Test func thePanelsReviewsNeverFallInAHoliday() throws {
        // Under four calendar weeks, the 1 December 2026 and 29 June 2026 panels were reviewed on
        // 29 December and 27 July, both in the holidays. Four school weeks after Tuesday 1 December
        // is Tuesday 12 January 2027; after Monday 29 June 2026 the fourth school week is the first
        // of the autumn term, which starts on Thursday 3 September (seed 000's clerk chose 21 July
        // instead, "not 4 weeks": the policy's panel calendar keeps that published date).
        let panelPolicy = try policy("attendance-panel")
        #expect(try panelPolicy.deadline(.fourWeekReview, from: date("2026-12-01")) == date("2027-01-12"))
        #expect(try panelPolicy.deadline(.fourWeekReview, from: date("2026-06-29")) == date("2026-09-03"))
    }

    @Test func aPolicyCanCountAuthorisedIllnessInATarget() throws {
        #expect(try policy("county-attendance-team").targetCountsAuthorisedIllness == false)
        let (folder, _, _) = try Self.countyPolicy("  referral_minimum_unauthorised_percent: 10\n", "  referral_minimum_unauthorised_percent: 10\n  target_counts_authorised_illness: yes\n")
        #expect(try PolicyReader.read(named: "local", in: folder).targetCountsAuthorisedIllness)
    }

    @Test func lengthsInWords() {
        #expect(Deadline(count: 5, unit: .weeks, description: "").lengthSpeltOut == "five weeks")
        #expect(Deadline(count: 6, unit: .schoolWeeks, description: "").lengthSpeltOut == "six school weeks")
        #expect(Deadline(count: 1, unit: .schoolDays, description: "").lengthSpeltOut == "one school day")
        #expect(Deadline(count: 25, unit: .days, description: "").lengthSpeltOut == "25 days")
        #expect(Deadline(count: 5, unit: .weeks, description: "").lengthInWords == "5 weeks")
    }
}

/// One exact share type for figures, thresholds and targets, with the display rules each had.
@Suite("One share type")
struct OneShareTypeTests {
    @Test func thresholdsTargetsAndFiguresAreOneExactType() {
        let threshold = Percentage(percentText: "92.5")
        #expect(threshold == Percentage(925, of: 1000))
        #expect(threshold?.description == "92.50%")
        #expect(Percentage(percentText: "10")?.description == "10%")
        #expect(Percentage(percentText: "100.01") == nil)
        // A target of 75.1% is not reached by 75.0% (3 of 4), however the figure rounds.
        let target = AttendanceTarget.percent(tenths: 751)
        #expect(target.display == "75.1%")
        guard case .percent(let share) = target else { Issue.record("a percentage target"); return }
        #expect(!share.isReached(by: Percentage(3, of: 4)))
        #expect(Percentage(tenths: 750).isReached(by: Percentage(3, of: 4)))
        #expect(Percentage(2, of: 3).display == "66.7%")
    }

    @Test func oneSchoolWeekRule() {
        // Weeks with at least one school day, Monday to Sunday, each once.
        let weeks = SchoolCalendar.schoolWeeks(of: [date("2026-11-16"), date("2026-11-20"), date("2026-11-30")])
        #expect(weeks == [date("2026-11-16"), date("2026-11-30")])
        #expect(SchoolCalendar.isSchoolWeek(startingOn: date("2026-11-23")) { $0 == date("2026-11-29") })
        #expect(!SchoolCalendar.isSchoolWeek(startingOn: date("2026-11-23")) { $0 == date("2026-11-30") })
    }
}
