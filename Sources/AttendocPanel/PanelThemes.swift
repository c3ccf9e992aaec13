import AttendocCaseModel
import AttendocPolicy
import AttendocValues
import AttendocWorkspace

/// The panel's second aim (seed 000): the themes across a panel's cases, or across the panels of a
/// term, counted from what the record holds of each case (the barriers the panel agreed, each
/// child's priority cohorts, the actions agreed by agency) and the reviews recorded: never from
/// free text.
public struct PanelThemes: Sendable, Equatable {
    /// A thing counted and how many times.
    public struct Count: Sendable, Equatable {
        public var what: String
        public var count: Int
    }

    /// A case whose review passed with none recorded, or whose latest review found it stuck.
    public struct StuckCase: Sendable, Equatable {
        public var referral: String
        public var panelDate: String
        public var why: String
    }

    /// What the themes cover, in words ("the panel of Monday 1 December 2025", "Autumn term 2025").
    public var scope: String
    public var panelDates: [String]
    public var cases: Int
    public var children: Int
    public var barriers: [Count]
    public var priorityCohorts: [Count]
    public var actionsByAgency: [Count]
    public var stuck: [StuckCase]

    /// The themes of `cases` (already chosen for the scope), with the reviews recorded, as of `date`.
    public static func count(_ cases: [PanelCaseRecord], reviews: [PanelReviewRecord], asOf date: CalendarDate, scope: String) -> PanelThemes {
        var barriers: [String: Int] = [:]
        var cohorts: [String: Int] = [:]
        var agencies: [String: Int] = [:]
        var children = 0
        for record in cases {
            guard let figures = PanelCaseFigures.from(json: record.themesJSON) else { continue }
            children += figures.children
            for barrier in figures.barriers { barriers[barrier, default: 0] += 1 }
            for cohort in figures.priorityCohorts {
                cohorts[PriorityCohort(rawValue: cohort)?.description ?? cohort, default: 0] += 1
            }
            for (agency, count) in figures.actionsByAgency { agencies[agency, default: 0] += count }
        }
        let stuck = cases.compactMap { record -> StuckCase? in
            let held = reviews.filter { $0.caseID == record.id && $0.reviewedOn <= date.iso }
            if let latest = held.last {
                guard latest.outcome == "stuck" else { return nil }
                return StuckCase(referral: record.referral, panelDate: record.panelDate,
                                 why: "its \(latest.kind == "four-week" ? "4-week" : latest.kind) review on \(CalendarDate(iso: latest.reviewedOn)?.longForm ?? latest.reviewedOn) found it stuck")
            }
            guard record.fourWeekReview < date.iso else { return nil }
            return StuckCase(referral: record.referral, panelDate: record.panelDate,
                             why: "no review is recorded since its 4-week review fell due on \(CalendarDate(iso: record.fourWeekReview)?.longForm ?? record.fourWeekReview)")
        }
        return PanelThemes(scope: scope, panelDates: Array(Set(cases.map(\.panelDate))).sorted(), cases: cases.count, children: children,
                           barriers: sorted(barriers), priorityCohorts: sorted(cohorts), actionsByAgency: sorted(agencies), stuck: stuck)
    }

    /// Most often first; equal counts in alphabetical order, so the same record gives the same page.
    static func sorted(_ counts: [String: Int]) -> [Count] {
        counts.map { Count(what: $0.key, count: $0.value) }.sorted { ($1.count, $0.what) < ($0.count, $1.what) }
    }
}

extension PanelThemes {
    /// The recorded cases of the panel of `date`, and the scope in words.
    public static func cases(_ all: [PanelCaseRecord], ofPanel date: CalendarDate) -> (cases: [PanelCaseRecord], scope: String) {
        (all.filter { $0.panelDate == date.iso }, "the panel of \(date.longFormWithWeekday)")
    }

    /// The recorded cases of every panel held in the term named `name` (of `calendar`'s terms,
    /// ignoring case), and the scope in words.
    public static func cases(_ all: [PanelCaseRecord], ofTerm name: String, calendar: SchoolCalendar) throws(AttendocError) -> (cases: [PanelCaseRecord], scope: String) {
        guard let term = calendar.terms.first(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw AttendocError(.usage, "--term \(name): the term dates have no such term; the terms are: \(calendar.terms.map(\.name).joined(separator: ", "))")
        }
        return (all.filter { $0.panelDate >= term.starts.iso && $0.panelDate <= term.ends.iso }, term.name)
    }
}
