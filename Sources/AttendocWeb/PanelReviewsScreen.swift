import AttendocPanel
import AttendocPolicy
import AttendocValues
import Hummingbird

/// The panel's reviews due, soonest first, as `attendoc panel reviews` lists them
/// (`PanelReviewsDue`): for each case the record holds as minuted, its 4-week and termly reviews
/// not yet recorded as held, with the school days left (overdue ones marked).
extension AttendocSite {
    /// GET /panel/reviews
    func panelReviewsPage(_ request: Request) throws -> Response {
        let session = try signedInStaff(request, roles: Self.panelRoles)
        let policy = try panelPolicy()
        let today = clock.today
        let items = try PanelReviewsDue.items(in: workspace, asOf: today, calendar: policy.policy.calendar)
        var rows = ""
        for item in items {
            let left = item.schoolDaysLeft < 0 ? "<span class=\"overdue\">\(HTML.escaped(SchoolCalendar.daysLeftInWords(item.schoolDaysLeft)))</span>"
                : HTML.escaped(SchoolCalendar.daysLeftInWords(item.schoolDaysLeft))
            rows += "<tr><td class=\"date\">\(HTML.escaped(item.due.longFormWithWeekday))</td><td>\(left)</td><td>\(HTML.escaped(item.what))</td><td>\(HTML.escaped(item.upns.joined(separator: ", ")))</td></tr>\n"
            try log(session, "view", reference: nil, upn: item.upns.joined(separator: ", "), "the panel's reviews due as of \(today.iso): \(item.what)")
        }
        let body = """
        <h1>The panel's reviews due</h1>
        <p>As of \(HTML.escaped(today.longFormWithWeekday)), soonest first: each 4-week and termly review not yet recorded as held \
        (record one with <code>attendoc panel review</code>).</p>
        \(items.isEmpty ? "<p>No panel review is due.</p>" : """
        <table>
        <caption class="visually-hidden">The panel's reviews due, soonest first</caption>
        <thead><tr><th scope="col">Due</th><th scope="col">When</th><th scope="col">Review</th><th scope="col">UPN</th></tr></thead>
        <tbody>
        \(rows)</tbody>
        </table>
        """)
        """
        return page(.ok, PageLayout(title: "Reviews due", session: session), body)
    }
}
