import AttendocTesting
import Foundation
import Testing

/// `attendoc panel …` as the panel clerk runs it, on the example referrals in examples/panel/.
@Suite("attendoc panel")
struct PanelCommandTests {
    static func attendoc(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        try CommandLineTests.attendoc(arguments)
    }

    @Test func datesListsEveryPanelWithItsReviews() throws {
        let result = try Self.attendoc(["panel", "dates"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Monday 1 December 2025, 13:30\n  referrals close  Wednesday 19 November 2025 (computed: 8 school days before the panel, the policy's panel_referrals_close)\n  4-week review    Monday 12 January 2026 (published: \"12th January\")\n  termly review    Friday 27 March 2026, the last day of Spring term 2026 (published: \"End of Spring term 26\")"))
    }

    @Test func intakeOfTheExampleReferrals() throws {
        let files = ["PR-2025-031", "PR-2025-034", "PR-2025-036", "PR-2025-037"].map { "examples/panel/\($0).yaml" }
        let result = try Self.attendoc(["panel", "intake", "2025-12-01"] + files)
        #expect(result.status == 0, "\(result.error)")
        let lines = result.output.components(separatedBy: "\n")
        #expect(lines.first == "panel Monday 1 December 2025, from 13:30: 2 taken forward, 2 refused")
        #expect(lines.contains("  13:30-13:45  PR-2025-031  school URN 140101  2 children (UPN W801200025001, K801200025002)  examples/panel/PR-2025-031.yaml"))
        #expect(lines.contains("  13:45-14:00  PR-2025-034  school URN 140202  1 child (UPN Z801200025003)  examples/panel/PR-2025-034.yaml"))
        #expect(lines.contains("refused: PR-2025-036 (examples/panel/PR-2025-036.yaml)"))
        #expect(lines.contains { $0.hasPrefix("  - the school already has a referral on this panel: the school (URN 140101) already has the referral PR-2025-031") })
        #expect(!result.output.contains("O'Brien"))
    }

    @Test func aDateThatIsNotAPanelIsAnErrorListingThePanels() throws {
        let result = try Self.attendoc(["panel", "intake", "2025-12-02", "examples/panel/PR-2025-031.yaml"])
        #expect(result.status == 1)
        #expect(result.error.contains("there is no panel on Tuesday 2 December 2025; the panel dates are 2025-10-13, 2025-12-01, 2026-01-26, 2026-03-09, 2026-05-11, 2026-06-29"))
    }
}

extension PanelCommandTests {
    @Test func theDayWritesTheAgendaAndASlotLetterForEachReferralTakenForward() throws {
        let out = try temporaryFolder("panel-day")
        let files = ["PR-2025-031", "PR-2025-034", "PR-2025-036"].map { "examples/panel/\($0).yaml" }
        let result = try Self.attendoc(["panel", "day", "2025-12-01"] + files + ["--out", out.path, "--format", "txt", "--date", "2025-11-20", "--order", "PR-2025-034"])
        #expect(result.status == 0, "\(result.error)")
        #expect(filesUnder(out) == ["panel-2025-12-01/agenda.txt", "panel-2025-12-01/slot-letters/pr-2025-031.txt", "panel-2025-12-01/slot-letters/pr-2025-034.txt"])
        let letter = try String(contentsOf: out.appendingPathComponent("panel-2025-12-01/slot-letters/pr-2025-034.txt"), encoding: .utf8)
        #expect(letter.contains("Your slot: 13:30 to 13:45, Monday 1 December 2025"), "the clerk's order puts PR-2025-034 first")
        #expect(result.output.contains("refused: PR-2025-036"))
    }
}

extension PanelCommandTests {
    /// The clerk's record as they run it: the minutes issued into a workspace, a second issue of the
    /// same case refused, a review recorded, the reviews due (in attendoc due too), the themes.
    @Test func theMinutesIssuedIntoTheRecordThenReviewsAndThemes() throws {
        let folder = try temporaryFolder("panel-record-cli")
        let workspace = folder.appendingPathComponent("ws").path
        let out = folder.appendingPathComponent("out").path
        #expect(try Self.attendoc(["init", workspace]).status == 0)
        let minutes = ["examples/panel/minutes/PR-2025-031.yaml", "examples/panel/minutes/PR-2025-034.yaml"]
        let issued = try Self.attendoc(["panel", "minutes", "2025-12-01"] + minutes + ["--issue", "--by", "panel clerk", "--workspace", workspace,
                                        "--out", out, "--format", "txt,html", "--date", "2025-12-02"])
        #expect(issued.status == 0, "\(issued.error)")
        #expect(issued.output.contains("recorded the agencies' minutes ("))
        #expect(issued.output.contains("recorded the family's copy of 2025-12-01/PR-2025-031 ("))
        #expect(filesUnder(URL(fileURLWithPath: out)).contains("panel-2025-12-01/minutes/pr-2025-034-family-copy.txt"))

        let again = try Self.attendoc(["panel", "minutes", "2025-12-01", minutes[0], "--issue", "--workspace", workspace,
                                       "--out", folder.appendingPathComponent("again").path, "--format", "txt"])
        #expect(again.status == 1)
        #expect(again.error.contains("the referral PR-2025-031 is already recorded for the panel of 2025-12-01; its minutes were not issued again"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("again").path))

        let review = try Self.attendoc(["panel", "review", "2025-12-01", "PR-2025-031", "--kind", "four-week", "--on", "2026-01-12",
                                        "--outcome", "stuck", "--workspace", workspace])
        #expect(review.status == 0, "\(review.error)")
        let badOutcome = try Self.attendoc(["panel", "review", "2025-12-01", "PR-2025-031", "--kind", "four-week", "--on", "2026-01-12",
                                            "--outcome", "fine", "--workspace", workspace])
        #expect(badOutcome.status != 0 && badOutcome.error.contains("outcome fine: expected progressing, stuck or closed"))

        let reviews = try Self.attendoc(["panel", "reviews", "--as-of", "2026-01-20", "--workspace", workspace])
        #expect(reviews.status == 0, "\(reviews.error)")
        #expect(reviews.output == """
            2026-01-12  overdue by 6 school day(s)  UPN Z801200025003: panel 4-week review of PR-2025-034 (panel of 2025-12-01)
            2026-03-27  in 43 school day(s)  UPN W801200025001, K801200025002: panel termly review of PR-2025-031 (panel of 2025-12-01)
            2026-03-27  in 43 school day(s)  UPN Z801200025003: panel termly review of PR-2025-034 (panel of 2025-12-01)

            """)
        let due = try Self.attendoc(["due", "--as-of", "2026-01-20", "--workspace", workspace])
        #expect(due.status == 0, "\(due.error)")
        #expect(due.output == reviews.output)
        let otherSchool = try Self.attendoc(["due", "--as-of", "2026-01-20", "--school", "999999", "--workspace", workspace])
        #expect(otherSchool.output == "nothing due as of 2026-01-20\n")

        let themes = try Self.attendoc(["panel", "themes", "--panel", "2025-12-01", "--as-of", "2026-01-20", "--workspace", workspace,
                                        "--out", out, "--format", "txt"])
        #expect(themes.status == 0, "\(themes.error)")
        let text = try String(contentsOf: URL(fileURLWithPath: out).appendingPathComponent("panel-themes/2025-12-01.txt"), encoding: .utf8)
        #expect(flattened(text).contains("PR-2025-031 (panel of 1 December 2025): its 4-week review on 12 January 2026 found it stuck."))
        #expect(text.contains("young carer                                           2"))
        for name in ["Siobhán", "Jordan", "O'Brien"] { #expect(!text.contains(name)) }
        let both = try Self.attendoc(["panel", "themes", "--panel", "2025-12-01", "--term", "Autumn term 2025", "--workspace", workspace])
        #expect(both.status != 0 && both.error.contains("give one of --panel DATE or --term NAME"))
    }
}

extension PanelCommandTests {
    /// A referral made from the county example in a workspace: what the record shows is written,
    /// what it does not show is left for the referrer, so the intake refuses the draft as it is.
    @Test func aReferralMadeFromAWorkspaceCaseHoldsWhatTheRecordShowsAndNoMore() throws {
        let folder = try temporaryFolder("panel-referral-cli")
        let workspace = folder.appendingPathComponent("ws").path
        #expect(try Self.attendoc(["init", workspace]).status == 0)
        #expect(try Self.attendoc(["case", "add", "examples/riverside-first-warning.yaml", "--workspace", workspace]).status == 0)
        let file = folder.appendingPathComponent("PR-2027-001.yaml").path
        let made = try Self.attendoc(["panel", "referral", "CAT/2026/0142", "--reference", "PR-2027-001", "--received-on", "2026-12-01",
                                      "--workspace", workspace, "--out", file])
        #expect(made.status == 0, "\(made.error)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("  - upn: Y878401219052\n    forename: \"Siobhán\"\n    surname: \"O'Brien-Ní Dhuibhir\"\n    date_of_birth: 2013-03-04\n    year_group: 8\n    priority_cohorts: [young_carer]"))
        #expect(text.contains("school:\n  name: \"Riverside Academy\"\n  urn: \"149876\""))
        // Tried: the meetings held, the support offered and the documents sent by 1 December, by day then in words.
        #expect(text.contains("""
            tried:
              - "attendance concern letter sent 25 September 2026"
              - "invitation to a meeting sent 25 September 2026"
              - "A parenting contract with an attendance target of 90%, offered by Riverside Academy on 2 October 2026 (accepted)"
              - "parenting contract meeting, 2 October 2026"
            """))
        #expect(text.contains("  - \"first warning letter sent 23 November 2026\""))
        #expect(!text.contains("interview under caution (PACE), 3 December 2026") && !text.contains("final warning letter"), "nothing after the day received")
        #expect(text.contains("agencies: [\"Northshire Early Help\", \"Northshire County Attendance Team\"]"))
        // Not in the record: left for the referrer, so the intake refuses the draft saying what is missing.
        #expect(text.contains("# reason: ") && text.contains("consent: {signed: no}") && !text.contains("\nreason:"))
        let intake = try Self.attendoc(["panel", "intake", "2026-06-29", file])
        #expect(intake.status == 0, "\(intake.error)")
        #expect(intake.output.contains("information the panel needs is missing: the referral does not give reason, multi_agency_involvement.state, legal_intervention.judged"))
        #expect(intake.output.contains("no consent"))
        // Never overwritten.
        let again = try Self.attendoc(["panel", "referral", "CAT/2026/0142", "--reference", "PR-2027-001", "--workspace", workspace, "--out", file])
        #expect(again.status != 0 && again.error.contains("already exists; it was left as it is"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == text)
        let unknown = try Self.attendoc(["panel", "referral", "CAT/2099/0001", "--reference", "PR-2027-002", "--workspace", workspace,
                                         "--out", folder.appendingPathComponent("x.yaml").path])
        #expect(unknown.status != 0 && unknown.error.contains("CAT/2099/0001"))
    }
}
