import AttendocPanel
import AttendocPolicy
import AttendocTesting
import AttendocValues
import Foundation
import Testing

/// The panel calendar of seed 000, read from policies/attendance-panel.yaml: every date exactly as
/// published, the termly reviews resolved through the term dates, panels beyond the list computed.
@Suite struct PanelCalendarTests {
    /// Seed 000's list: panel, 4-week review and its published words, termly review as published and
    /// the date it is read as.
    static let published: [(panel: String, fourWeek: String, fourWeekText: String, termlyText: String, termly: String)] = [
        ("2025-10-13", "2025-11-10", "10th November", "End of Autumn term 25", "2025-12-19"),
        ("2025-12-01", "2026-01-12", "12th January", "End of Spring term 26", "2026-03-27"),
        ("2026-01-26", "2026-03-02", "2nd March", "End of Summer half term (May 26)", "2026-05-22"),
        ("2026-03-09", "2026-04-20", "20 April", "End of Summer term 26", "2026-07-22"),
        ("2026-05-11", "2026-06-15", "15th June", "End of Autumn term 27", "2026-12-18"),
        ("2026-06-29", "2026-07-21", "21st July (not 4 weeks, however this allows a review before the end of term)", "End of Autumn term 27", "2026-12-18"),
    ]

    @Test func everyPublishedPanelWithItsReviewsExactly() throws {
        let calendar = try #require(try policy("attendance-panel").panel)
        #expect(calendar.panels.map(\.date.iso) == Self.published.map(\.panel))
        #expect(calendar.startsAt == "13:30")
        #expect(calendar.slotMinutes == 15)
        for (panel, expected) in zip(calendar.panels, Self.published) {
            #expect(panel.date.weekdayIndex == 0, "every published panel is a Monday")
            #expect(panel.fourWeekReview.date.iso == expected.fourWeek)
            #expect(panel.fourWeekReview.published == expected.fourWeekText)
            #expect(panel.termlyReview.published == expected.termlyText)
            #expect(panel.termlyReview.date.iso == expected.termly)
        }
    }

    @Test func theTwentyFirstOfJulyExceptionIsKeptNotComputed() throws {
        let panel = try policy("attendance-panel")
        let june = try #require(panel.panel).panels.last!
        #expect(june.fourWeekReview.date == date("2026-07-21"))
        // Four school weeks after 29 June would be in September, after the summer term: 6, 13 and
        // 20 July, then the week of 31 August, whose first school day is Thursday 3 September.
        let computed = try panel.deadline(.fourWeekReview, from: june.date)
        #expect(computed == date("2026-09-03"))
        #expect(panel.calendar.isSchoolDay(june.fourWeekReview.date))
    }

    @Test func theFourWeekRuleIsInSchoolWeeksNotCalendarWeeks() throws {
        let panel = try policy("attendance-panel")
        // Four calendar weeks after 1 December 2025 is 29 December, in the Christmas holidays; four
        // school weeks is 12 January 2026, the published date.
        #expect(try panel.deadline(.fourWeekReview, from: date("2025-12-01")) == date("2026-01-12"))
        #expect(try panel.deadline(.fourWeekReview, from: date("2026-01-26")) == date("2026-03-02"))
        #expect(try panel.deadline(.fourWeekReview, from: date("2026-03-09")) == date("2026-04-20"))
        #expect(try panel.deadline(.fourWeekReview, from: date("2026-05-11")) == date("2026-06-15"))
    }

    @Test func theReferralWindowClosesOnThePublishedDate() throws {
        let calendar = try #require(try policy("attendance-panel").panel)
        let first = try calendar.panel(on: date("2025-10-13"))
        #expect(first.referralsClose.date == date("2025-10-01"))
        #expect(first.referralsClose.published == "due to close on 1st October")
        // Not published for the others: eight school days before (the published spacing).
        #expect(try calendar.panel(on: date("2025-12-01")).referralsClose.date == date("2025-11-19"))
        #expect(try calendar.panel(on: date("2025-12-01")).referralsClose.published == nil)
    }

    @Test func aPanelBeyondTheListIsComputedInSchoolWeeks() throws {
        let folder = try panelPolicyFolder(adding: "    - date: 2026-10-12\n")
        let calendar = try #require(try PolicyReader.read(named: "attendance-panel", in: folder).panel)
        let october = try calendar.panel(on: date("2026-10-12"))
        // Hand-counted in the Northshire term dates: the half term of 26 to 30 October is not a
        // school week; 19 October, 2, 9 and 16 November are.
        #expect(october.fourWeekReview.date == date("2026-11-16"))
        #expect(october.fourWeekReview.published == nil)
        // Eight school weeks on is 14 December; the first term to end after it is the autumn term.
        #expect(october.termlyReview.date == date("2026-12-18"))
        // Eight school days before: 9, 8, 7, 6, 5, 2, 1 October and 30 September.
        #expect(october.referralsClose.date == date("2026-09-30"))
    }

    @Test func theListingShowsEachDateWithItsPublishedWords() throws {
        let panel = try PanelPolicy.read(resources: resources)
        let text = PanelCalendarListing.lines(panel.calendar, policyName: panel.policy.name).joined(separator: "\n")
        #expect(text.contains("Monday 29 June 2026, 13:30"))
        #expect(text.contains("4-week review    Tuesday 21 July 2026 (published: \"21st July (not 4 weeks, however this allows a review before the end of term)\")"))
        #expect(text.contains("termly review    Friday 22 May 2026, the last day before Summer term 2026's half-term break (published: \"End of Summer half term (May 26)\")"))
        #expect(text.contains("referrals close  Wednesday 19 November 2025 (computed: 8 school days before the panel, the policy's panel_referrals_close)"))
    }

    @Test(arguments: [
        ("four_week_review: {date: 2025-11-10,", "four_week_review: {date: 2025-11-08,", "is not a school day"),
        ("term: Autumn term 2025,", "term: Autumn term 25,", "is not a term of the policy's term dates"),
        ("- date: 2025-12-01", "- date: 2025-10-06", "must be after the panel before it"),
    ])
    func aMistakeInThePanelCalendarNamesItsLine(original: String, replacement: String, message: String) throws {
        let folder = try panelPolicyFolder(replacing: original, with: replacement)
        #expect {
            _ = try PolicyReader.read(named: "attendance-panel", in: folder)
        } throws: { error in
            let text = "\(error)"
            return text.contains(message) && text.contains("attendance-panel.yaml:") && text.contains("panel.dates[")
        }
    }

    /// A copy of the policies folder whose attendance-panel.yaml has `text` added to its panel dates,
    /// or one piece replaced.
    func panelPolicyFolder(adding text: String = "", replacing original: String? = nil, with replacement: String = "") throws -> URL {
        let folder = try temporaryFolder("panel-policy")
        let source = repositoryRoot.appendingPathComponent("policies")
        try FileManager.default.copyItem(at: source.appendingPathComponent("term-dates"), to: folder.appendingPathComponent("term-dates"))
        var yaml = try String(contentsOf: source.appendingPathComponent("attendance-panel.yaml"), encoding: .utf8)
        if let original {
            #expect(yaml.contains(original))
            yaml = yaml.replacingOccurrences(of: original, with: replacement)
        }
        // The panel's dates end the panel: section; the issuing: section follows it.
        let marker = "# Documents once issued"
        yaml = yaml.replacingOccurrences(of: marker, with: text + marker)
        try yaml.write(to: folder.appendingPathComponent("attendance-panel.yaml"), atomically: true, encoding: .utf8)
        return folder
    }
}
