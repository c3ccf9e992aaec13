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
