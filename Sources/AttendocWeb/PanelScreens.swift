import AttendocPanel
import AttendocPolicy
import AttendocValues
import AttendocWorkspace
import Hummingbird

/// What the panel clerk's screens share (docs/web.md, "The panel"): the role that has them, the
/// panel a request names by its date with its papers in the workspace folder (`PanelPapers`), the
/// access log's line for each referral seen or changed, and the links between the screens. The
/// panel's referrals are the clerk's alone: no other role has these screens.
extension AttendocSite {
    static let panelRoles: Set<StaffRole> = [.panelClerk]

    /// The panel's policy (its calendar, its host), as the panel commands read it by default.
    func panelPolicy() throws(AttendocError) -> PanelPolicy {
        try PanelPolicy.read(resources: resources)
    }

    /// The papers of the panel on `day` (YYYY-MM-DD); a day with no panel is answered as a page
    /// that does not exist (404), thrown as a `ScreenRefusal`.
    func panelPapers(_ day: String?, policy: PanelPolicy, for session: StaffSession) throws -> PanelPapers {
        guard let date = day.flatMap({ CalendarDate(iso: $0) }), let panel = try? policy.calendar.panel(on: date) else {
            throw ScreenRefusal(response: notFound(session))
        }
        return PanelPapers(workspaceFolder: workspace.location.folder, panel: panel)
    }

    /// Writes to the access log that `referral` was seen or changed: its workspace case when it
    /// names one, its children's UPNs, and what in words naming the referral by reference.
    func logReferral(_ session: StaffSession, _ action: String, _ referral: PanelReferral, _ what: String) throws(AttendocError) {
        try log(session, action, reference: referral.caseReference, upn: referral.pupilNumbers.map(\.text).joined(separator: ", "),
                "\(what): referral \(referral.reference)")
    }

    /// The links between one panel's screens, the current one marked.
    func panelLinks(_ papers: PanelPapers, current: String) -> String {
        let day = HTML.query(papers.panel.date.iso)
        let links = [("/panel/intake", "Intake"), ("/panel/slots", "Slots of the day"), ("/panel/issue", "Issue the minutes")]
        return "<nav aria-label=\"This panel\"><ul class=\"nav actions\">" + links.map { (path, words) -> String in
            path == current ? "<li><a href=\"\(path)?date=\(day)\" aria-current=\"page\"><strong>\(words)</strong></a></li>"
                : "<li><a href=\"\(path)?date=\(day)\">\(words)</a></li>"
        }.joined() + "<li><a href=\"/panel\">Every panel</a></li></ul></nav>\n"
    }

    /// An error from the panel's library as the screen shows it: in its own words, its place named
    /// as the library names it (never the server's path), with what to do.
    static func panelMessage(_ thrown: any Error, papers: PanelPapers) -> String {
        let error = AttendocError.wrapping(thrown, kind: .other)
        var text = error.location.map { location -> String in
            let place = location.field.map { "\($0)" } ?? location.file
            return "\(place): \(error.summary)"
        } ?? error.summary
        // A reader's suggestion is about editing a file by hand; on a form the field says it all.
        if let suggestion = error.suggestion, error.kind != .caseFile { text += " (\(suggestion))" }
        return text.replacingOccurrences(of: papers.folder.path + "/", with: "")
    }

    /// GET /panel: every panel of the calendar with its dates, and the way to each one's screens.
    func panelList(_ request: Request) throws -> Response {
        let session = try signedInStaff(request, roles: Self.panelRoles)
        let policy = try panelPolicy()
        let rows = policy.calendar.panels.map { (panel) -> String in
            let day = HTML.query(panel.date.iso)
            return """
            <tr><td class="date">\(HTML.escaped(panel.date.longFormWithWeekday))</td><td class="date">\(HTML.escaped(panel.referralsClose.date.longForm))</td>\
            <td class="date">\(HTML.escaped(panel.fourWeekReview.date.longForm))</td><td class="date">\(HTML.escaped(panel.termlyReview.date.longForm))</td>\
            <td><a href="/panel/intake?date=\(day)">Intake<span class="visually-hidden"> for \(HTML.escaped(panel.date.longForm))</span></a><br>\
            <a href="/panel/slots?date=\(day)">Slots and minutes<span class="visually-hidden"> for \(HTML.escaped(panel.date.longForm))</span></a></td></tr>
            """
        }.joined(separator: "\n")
        let body = """
        <h1>The attendance panel</h1>
        <p>Each panel starts at \(HTML.escaped(policy.calendar.startsAt)), in \(policy.calendar.slotMinutes)-minute slots. \
        <a href="/panel/reviews">The reviews due</a>.</p>
        <table>
        <caption class="visually-hidden">The panels and their dates</caption>
        <thead><tr><th scope="col">Panel</th><th scope="col">Referrals close</th><th scope="col">4-week review</th><th scope="col">Termly review</th><th scope="col">Screens</th></tr></thead>
        <tbody>
        \(rows)
        </tbody>
        </table>
        """
        return page(.ok, PageLayout(title: "The attendance panel", session: session), body)
    }
}
