import AttendocPolicy
import AttendocValues
import AttendocWorkspace

/// The panel's reviews due (`attendoc panel reviews`, and `attendoc due`): for each case the record
/// holds, its 4-week and termly reviews not yet recorded as held, soonest first, with the school days
/// left (negative when overdue).
public struct PanelReviewsDue: Sendable {
    public struct Item: Sendable, Equatable {
        public var due: CalendarDate
        public var schoolDaysLeft: Int
        /// `<panel date>/<referral>`.
        public var caseID: String
        /// `four-week` or `termly`.
        public var kind: String
        public var upns: [String]
        public var what: String
    }

    public static func items(cases: [PanelCaseRecord], reviews: [PanelReviewRecord], asOf date: CalendarDate,
                             calendar: SchoolCalendar) -> [Item] {
        var items: [Item] = []
        for record in cases {
            let held = reviews.filter { $0.caseID == record.id && $0.reviewedOn <= date.iso }
            if held.contains(where: { $0.outcome == "closed" }) { continue }
            for (kind, words, dueText) in [("four-week", "4-week review", record.fourWeekReview), ("termly", "termly review", record.termlyReview)] {
                guard !held.contains(where: { $0.kind == kind }), let due = CalendarDate(iso: dueText) else { continue }
                items.append(Item(due: due, schoolDaysLeft: calendar.schoolDaysLeft(from: date, to: due), caseID: record.id, kind: kind,
                                  upns: record.upns, what: "panel \(words) of \(record.referral) (panel of \(record.panelDate))"))
            }
        }
        return items.sorted { ($0.due, $0.caseID, $0.what) < ($1.due, $1.caseID, $1.what) }
    }

    /// The reviews due of every case `workspace` records, as of `date`: what `attendoc panel
    /// reviews` prints and the reviews screen lists.
    public static func items(in workspace: Workspace, asOf date: CalendarDate, calendar: SchoolCalendar) throws(AttendocError) -> [Item] {
        do {
            return items(cases: try workspace.panelCases(), reviews: try workspace.panelReviews(), asOf: date, calendar: calendar)
        } catch {
            throw AttendocError(.workspace, "\(error)")
        }
    }

    /// The review listing as the clerk reads it, one line per review.
    public static func lines(_ items: [Item]) -> [String] {
        items.map { item in
            return "\(item.due.iso)  \(SchoolCalendar.daysLeftInWords(item.schoolDaysLeft))  UPN \(item.upns.joined(separator: ", ")): \(item.what)"
        }
    }
}
