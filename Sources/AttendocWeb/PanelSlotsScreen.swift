import AttendocPanel
import AttendocValues
import AttendocWorkspace
import Hummingbird

/// The slots of the day: each referral taken forward, in its slot's order, with what the clerk
/// needs at the panel (the school, the children by UPN and year, the referrer's role) and how far
/// its minutes have gone: not yet written, written (to change until issued), issued.
extension AttendocSite {
    /// GET /panel/slots?date=YYYY-MM-DD
    func panelSlotsPage(_ request: Request) throws -> Response {
        let session = try signedInStaff(request, roles: Self.panelRoles)
        let policy = try panelPolicy()
        let papers = try panelPapers(request.uri.queryParameters.get("date"), policy: policy, for: session)
        let intake = try papers.intake(calendar: policy.calendar)
        let issued = try issuedPanelCases(papers)
        let saved = request.uri.queryParameters.get("saved")
        var body = """
        <h1>Slots of the day: \(HTML.escaped(papers.panel.date.longFormWithWeekday))</h1>
        \(panelLinks(papers, current: "/panel/slots"))

        """
        if let saved, intake.slots.contains(where: { $0.referral.reference == saved }) {
            body += "<div class=\"panel\" role=\"status\"><h2>Minutes saved</h2><p>The minutes of \(HTML.escaped(saved)) are saved. They are issued with the others from <a href=\"/panel/issue?date=\(HTML.query(papers.panel.date.iso))\">Issue the minutes</a>.</p></div>\n"
        }
        if intake.slots.isEmpty {
            body += "<p>No referral is taken forward for this panel. <a href=\"/panel/intake?date=\(HTML.query(papers.panel.date.iso))\">See the intake</a>.</p>\n"
        } else {
            var rows = ""
            for slot in intake.slots {
                let referral = slot.referral
                let link = "/panel/minutes?date=\(HTML.query(papers.panel.date.iso))&amp;ref=\(HTML.query(referral.reference))"
                let state: String
                if issued.contains(referral.reference) {
                    state = "Issued"
                } else if try papers.minutes(of: referral.reference) != nil {
                    state = "Written. <a href=\"\(link)\">Change the minutes<span class=\"visually-hidden\"> of \(HTML.escaped(referral.reference))</span></a>"
                } else {
                    state = "Not yet written. <a href=\"\(link)\">Write the minutes<span class=\"visually-hidden\"> of \(HTML.escaped(referral.reference))</span></a>"
                }
                rows += "<tr><td class=\"date\">\(HTML.escaped(slot.starts))–\(HTML.escaped(slot.ends))</td><td>\(HTML.escaped(referral.reference))</td>"
                    + "<td>\(HTML.escaped(referral.settings.map { "\($0.name ?? "not named") (URN \($0.urn ?? "not given"))" }.joined(separator: "; ")))</td>"
                    + "<td>\(Self.childrenInWords(referral))</td><td>\(HTML.escaped(referral.referrer.role ?? "not given"))</td><td>\(state)</td></tr>\n"
                try logReferral(session, "view", referral, "the slots of the panel of \(papers.panel.date.iso): slot \(slot.starts)")
            }
            body += """
            <table>
            <caption class="visually-hidden">The slots of the day</caption>
            <thead><tr><th scope="col">Slot</th><th scope="col">Referral</th><th scope="col">School or settings</th><th scope="col">Children</th><th scope="col">Referrer</th><th scope="col">Minutes</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>

            """
        }
        return page(.ok, PageLayout(title: "Slots of the day", session: session), body)
    }

    /// The references of the panel's cases whose minutes the record holds as issued.
    func issuedPanelCases(_ papers: PanelPapers) throws(AttendocError) -> Set<String> {
        Set(try fromWorkspace { () throws(WorkspaceError) in try workspace.panelCases() }.filter { $0.panelDate == papers.panel.date.iso }.map(\.referral))
    }
}
