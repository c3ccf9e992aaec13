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
        if let moved = request.uri.queryParameters.get("moved"), let slot = intake.slots.first(where: { $0.referral.reference == moved }) {
            body += "<div class=\"panel\" role=\"status\"><h2>Slots reordered</h2><p>\(HTML.escaped(moved)) is now at \(HTML.escaped(slot.starts)). The order is kept for this panel's agenda, slot letters and minutes.</p></div>\n"
        }
        if let saved, intake.slots.contains(where: { $0.referral.reference == saved }) {
            body += "<div class=\"panel\" role=\"status\"><h2>Minutes saved</h2><p>The minutes of \(HTML.escaped(saved)) are saved. They are issued with the others from <a href=\"/panel/issue?date=\(HTML.query(papers.panel.date.iso))\">Issue the minutes</a>.</p></div>\n"
        }
        if intake.slots.isEmpty {
            body += "<p>No referral is taken forward for this panel. <a href=\"/panel/intake?date=\(HTML.query(papers.panel.date.iso))\">See the intake</a>.</p>\n"
        } else {
            var rows = ""
            for (index, slot) in intake.slots.enumerated() {
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
                    + "<td>\(Self.childrenInWords(referral))</td><td>\(HTML.escaped(referral.referrer.role ?? "not given"))</td><td>\(state)</td>"
                    + "<td>\(moveForm(session, papers, referral.reference, up: true, shown: index > 0))\(moveForm(session, papers, referral.reference, up: false, shown: index < intake.slots.count - 1))</td></tr>\n"
                try logReferral(session, "view", referral, "the slots of the panel of \(papers.panel.date.iso): slot \(slot.starts)")
            }
            body += """
            <table>
            <caption class="visually-hidden">The slots of the day</caption>
            <thead><tr><th scope="col">Slot</th><th scope="col">Referral</th><th scope="col">School or settings</th><th scope="col">Children</th><th scope="col">Referrer</th><th scope="col">Minutes</th><th scope="col">Order</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>

            """
        }
        return page(.ok, PageLayout(title: "Slots of the day", session: session), body)
    }

    /// A button moving the slot of `reference` one place earlier or later; none at either end.
    private func moveForm(_ session: StaffSession, _ papers: PanelPapers, _ reference: String, up: Bool, shown: Bool) -> String {
        guard shown else { return "" }
        return """
        <form method="post" action="/panel/slots/move">\
        <input type="hidden" name="csrf" value="\(HTML.escaped(session.csrfToken))">\
        <input type="hidden" name="date" value="\(HTML.escaped(papers.panel.date.iso))">\
        <input type="hidden" name="ref" value="\(HTML.escaped(reference))">\
        <input type="hidden" name="direction" value="\(up ? "up" : "down")">\
        <button type="submit" class="button secondary">Move \(up ? "up" : "down")<span class="visually-hidden">: \(HTML.escaped(reference))</span></button>\
        </form>
        """
    }

    /// POST /panel/slots/move: the slot of a referral moved one place up or down; the clerk's order
    /// kept with the panel's papers (`PanelPapers.moveSlot`), as `attendoc panel day --order` takes it.
    func movePanelSlot(_ request: Request) async throws -> Response {
        let session = try signedInStaff(request, roles: Self.panelRoles)
        let fields = try await Self.form(request)
        guard carriesToken(fields, of: session) else { return refusedForm(session) }
        let policy = try panelPolicy()
        let papers = try panelPapers(fields["date"], policy: policy, for: session)
        guard let reference = fields["ref"], let direction = fields["direction"], ["up", "down"].contains(direction),
              let slot = try papers.intake(calendar: policy.calendar).slots.first(where: { $0.referral.reference == reference }) else {
            return notFound(session)
        }
        let moved = try papers.moveSlot(reference, by: direction == "up" ? -1 : 1, calendar: policy.calendar)
        let now = moved.slots.first { $0.referral.reference == reference }?.starts ?? slot.starts
        try logReferral(session, "change", slot.referral, "moved \(direction) in the slots of the panel of \(papers.panel.date.iso): from \(slot.starts) to \(now)")
        return Self.redirect("/panel/slots?date=\(HTML.query(papers.panel.date.iso))&moved=\(HTML.query(reference))")
    }

    /// The references of the panel's cases whose minutes the record holds as issued.
    func issuedPanelCases(_ papers: PanelPapers) throws(AttendocError) -> Set<String> {
        Set(try fromWorkspace { () throws(WorkspaceError) in try workspace.panelCases() }.filter { $0.panelDate == papers.panel.date.iso }.map(\.referral))
    }
}
