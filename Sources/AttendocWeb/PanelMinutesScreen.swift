import AttendocPanel
import AttendocValues
import AttendocWorkspace
import Foundation
import HTTPTypes
import Hummingbird

/// Minutes entry during the panel: for one slot's case, what the clerk needs in front of them (the
/// referral's reason, barriers, what has been tried, the involvement and legal judgement) and the
/// minutes' fields: who was present, the discussion, the barriers agreed, the actions (who, which
/// agency, what, by when), the action plan and the notes for the agencies only. Saving writes the
/// documented minutes YAML among the panel's papers, read by the minutes reader first
/// (`PanelPapers.write`): a problem is shown on its field and nothing is kept.
extension AttendocSite {
    /// GET /panel/minutes?date=…&ref=…
    func panelMinutesForm(_ request: Request) throws -> Response {
        let session = try signedInStaff(request, roles: Self.panelRoles)
        let policy = try panelPolicy()
        let papers = try panelPapers(request.uri.queryParameters.get("date"), policy: policy, for: session)
        let slot = try panelSlot(request.uri.queryParameters.get("ref"), papers, policy: policy, for: session)
        try logReferral(session, "view", slot.referral, "the minutes form of the panel of \(papers.panel.date.iso)")
        if try issuedPanelCases(papers).contains(slot.referral.reference) { return issuedMinutesPage(session, papers, slot) }
        let entry = try papers.minutes(of: slot.referral.reference).map { PanelMinutesEntry($0) } ?? PanelMinutesEntry(referral: slot.referral.reference)
        return minutesFormPage(session, papers, slot, entry: entry, status: .ok)
    }

    /// POST /panel/minutes
    func savePanelMinutes(_ request: Request) async throws -> Response {
        let session = try signedInStaff(request, roles: Self.panelRoles)
        let fields = try await Self.form(request, upTo: 256 * 1024)
        guard carriesToken(fields, of: session) else { return refusedForm(session) }
        let policy = try panelPolicy()
        let papers = try panelPapers(fields["date"], policy: policy, for: session)
        let slot = try panelSlot(fields["ref"], papers, policy: policy, for: session)
        if try issuedPanelCases(papers).contains(slot.referral.reference) { return issuedMinutesPage(session, papers, slot) }
        let entry = Self.minutesEntry(fields, referral: slot.referral.reference)
        do {
            _ = try papers.write(entry)
        } catch {
            try logReferral(session, "change", slot.referral, "minutes for the panel of \(papers.panel.date.iso) were refused; nothing kept")
            let problem = AttendocError.wrapping(error, kind: .other)
            let field = Self.minutesField(problem.location?.field, entry: entry)
            return minutesFormPage(session, papers, slot, entry: entry, status: .unprocessableContent,
                                   errors: [.init(field: field, message: Self.panelMessage(problem, papers: papers))])
        }
        try logReferral(session, "change", slot.referral, "wrote the minutes of the panel of \(papers.panel.date.iso)")
        return Self.redirect("/panel/slots?date=\(HTML.query(papers.panel.date.iso))&saved=\(HTML.query(slot.referral.reference))")
    }

    /// The slot of the referral `reference` at the panel; a referral not taken forward is answered
    /// as a page that does not exist (404).
    func panelSlot(_ reference: String?, _ papers: PanelPapers, policy: PanelPolicy, for session: StaffSession) throws -> PanelIntake.Slot {
        guard let slot = try papers.intake(calendar: policy.calendar).slots.first(where: { $0.referral.reference == reference }) else {
            throw ScreenRefusal(response: notFound(session))
        }
        return slot
    }

    private func issuedMinutesPage(_ session: StaffSession, _ papers: PanelPapers, _ slot: PanelIntake.Slot) -> Response {
        page(.conflict, PageLayout(title: "Minutes issued", session: session), """
        <h1>The minutes of \(HTML.escaped(slot.referral.reference)) are issued</h1>
        <p>They are in the record as issued and cannot be changed here. \
        <a href="/panel/issue?date=\(HTML.query(papers.panel.date.iso))">See the minutes issued</a>.</p>
        """)
    }

    /// The entry the form posted: rows of people and actions in the form's order, text as typed.
    static func minutesEntry(_ fields: FormFields, referral: String) -> PanelMinutesEntry {
        func value(_ name: String) -> String { fields[name] ?? "" }
        func lines(_ name: String) -> [String] { value(name).components(separatedBy: .newlines) }
        var present: [PanelMinutesEntry.Person] = []
        for index in 0..<maximumRows where fields["present-\(index)-name"] != nil {
            present.append(.init(name: value("present-\(index)-name"), role: value("present-\(index)-role"), agency: value("present-\(index)-agency")))
        }
        var actions: [PanelMinutesEntry.Action] = []
        for index in 0..<maximumRows where fields["action-\(index)-owner"] != nil {
            actions.append(.init(owner: value("action-\(index)-owner"), agency: value("action-\(index)-agency"),
                                 action: value("action-\(index)-action"), due: value("action-\(index)-due")))
        }
        return PanelMinutesEntry(referral: referral, present: present, discussion: value("discussion"), barriers: lines("barriers"),
                                 actions: actions, actionPlan: lines("action_plan"), agencyOnlyNotes: value("agency_only_notes"))
    }

    static let maximumRows = 40

    /// The form's field for the reader's `path` (`present[1].role`, `actions[0].due`, `discussion`):
    /// the reader counts only the rows kept (not wholly empty), the form every row.
    static func minutesField(_ path: String?, entry: PanelMinutesEntry) -> String {
        guard let path else { return "minutes-form" }
        func row(_ list: String, kept: [Int]) -> (row: Int, key: String)? {
            guard path.hasPrefix(list + "[") else { return nil }
            let rest = path.dropFirst(list.count + 1)
            guard let close = rest.firstIndex(of: "]"), let index = Int(rest[..<close]), kept.indices.contains(index) else { return nil }
            let key = rest[rest.index(after: close)...].drop { $0 == "." }
            return (kept[index], String(key))
        }
        let people = entry.present.indices.filter { !entry.present[$0].isEmpty }
        let actions = entry.actions.indices.filter { !entry.actions[$0].isEmpty }
        if let found = row("present", kept: people) { return "present-\(found.row)-\(found.key.isEmpty ? "name" : found.key)" }
        if let found = row("actions", kept: actions) { return "action-\(found.row)-\(found.key.isEmpty ? "owner" : found.key)" }
        switch path {
        case "present": return "present-0-name"
        case "discussion", "barriers", "action_plan", "agency_only_notes": return path
        default: return "minutes-form"
        }
    }

    private func minutesFormPage(_ session: StaffSession, _ papers: PanelPapers, _ slot: PanelIntake.Slot, entry: PanelMinutesEntry,
                                 status: HTTPResponse.Status, errors: [PageLayout.FieldError] = []) -> Response {
        let referral = slot.referral
        func error(_ id: String) -> PageLayout.FieldError? { errors.first { $0.field == id } }
        func errorLine(_ id: String) -> String {
            error(id).map { "<span id=\"\(id)-error\" class=\"error-message\"><span class=\"visually-hidden\">Error:</span> \(HTML.escaped($0.message))</span>\n" } ?? ""
        }
        func described(_ id: String, hint: Bool) -> String {
            let ids = (hint ? ["\(id)-hint"] : []) + (error(id) == nil ? [] : ["\(id)-error"])
            return ids.isEmpty ? "" : " aria-describedby=\"\(ids.joined(separator: " "))\""
        }
        func input(_ id: String, _ label: String, _ value: String, hint: String? = nil) -> String {
            """
            <div class="form-group\(error(id) == nil ? "" : " error")"><label for="\(id)">\(HTML.escaped(label))</label>
            \(hint.map { "<div id=\"\(id)-hint\" class=\"hint\">\(HTML.escaped($0))</div>\n" } ?? "")\(errorLine(id))\
            <input type="text" id="\(id)" name="\(id)" value="\(HTML.escaped(value))"\(described(id, hint: hint != nil))></div>

            """
        }
        func area(_ id: String, _ label: String, _ value: String, hint: String) -> String {
            """
            <div class="form-group\(error(id) == nil ? "" : " error")"><label for="\(id)">\(HTML.escaped(label))</label>
            <div id="\(id)-hint" class="hint">\(HTML.escaped(hint))</div>
            \(errorLine(id))<textarea id="\(id)" name="\(id)" rows="5"\(described(id, hint: true))>\(HTML.escaped(value))</textarea></div>

            """
        }
        var people = entry.present.filter { !$0.isEmpty }
        people += Array(repeating: PanelMinutesEntry.Person(name: "", role: "", agency: ""), count: max(2, 4 - people.count))
        var actions = entry.actions.filter { !$0.isEmpty }
        actions += Array(repeating: PanelMinutesEntry.Action(owner: "", agency: "", action: "", due: ""), count: max(2, 3 - actions.count))
        // The rows posted keep their places, so a refused form shows each row where it was typed.
        if status != .ok {
            people = entry.present + Array(repeating: .init(name: "", role: "", agency: ""), count: entry.present.isEmpty ? 2 : 0)
            actions = entry.actions + Array(repeating: .init(owner: "", agency: "", action: "", due: ""), count: entry.actions.isEmpty ? 2 : 0)
        }
        let presentRows = people.enumerated().map { (index, person) -> String in
            """
            <fieldset class="item"><legend>Person \(index + 1)</legend>
            \(input("present-\(index)-name", "Name", person.name))\(input("present-\(index)-role", "Role", person.role))\
            \(input("present-\(index)-agency", "Agency or setting (optional)", person.agency))</fieldset>

            """
        }.joined()
        let actionRows = actions.enumerated().map { (index, action) -> String in
            """
            <fieldset class="item"><legend>Action \(index + 1)</legend>
            \(input("action-\(index)-owner", "Who will do it", action.owner))\(input("action-\(index)-agency", "The agency it falls to", action.agency, hint: "Counted in the panel's themes by agency"))\
            \(input("action-\(index)-action", "What", action.action))\(input("action-\(index)-due", "By when (optional)", action.due, hint: "A date written YYYY-MM-DD, such as 2025-12-12"))</fieldset>

            """
        }.joined()
        let general = error("minutes-form").map { "<p class=\"error-message\" id=\"minutes-form-error\"><span class=\"visually-hidden\">Error:</span> \(HTML.escaped($0.message))</p>\n" } ?? ""
        let body = """
        <h1>Minutes: \(HTML.escaped(referral.reference)), \(HTML.escaped(slot.starts))–\(HTML.escaped(slot.ends))</h1>
        \(panelLinks(papers, current: "/panel/minutes"))
        <dl class="panel">
        <dt>Settings</dt><dd>\(HTML.escaped(referral.settings.map { "\($0.name ?? "not named") (URN \($0.urn ?? "not given"))" }.joined(separator: "; ")))</dd>
        <dt>Children</dt><dd>\(Self.childrenInWords(referral))</dd>
        <dt>Referrer</dt><dd>\(HTML.escaped(referral.referrer.role ?? "not given"))</dd>
        <dt>What is stuck</dt><dd>\(HTML.escaped(referral.reason ?? "not given"))</dd>
        <dt>Barriers referred</dt><dd>\(HTML.escaped(referral.barriers.joined(separator: "; ")))</dd>
        <dt>Tried already</dt><dd>\(HTML.escaped(referral.tried.joined(separator: "; ")))</dd>
        <dt>Multi-agency involvement</dt><dd>\(HTML.escaped(referral.involvement?.state?.rawValue.replacingOccurrences(of: "_", with: " ") ?? "not given"))\(referral.involvement.map { $0.agencies.isEmpty ? "" : " (\(HTML.escaped($0.agencies.joined(separator: ", "))))" } ?? "")</dd>
        </dl>
        <form method="post" action="/panel/minutes" id="minutes-form" novalidate>
        <input type="hidden" name="csrf" value="\(HTML.escaped(session.csrfToken))">
        <input type="hidden" name="date" value="\(HTML.escaped(papers.panel.date.iso))">
        <input type="hidden" name="ref" value="\(HTML.escaped(referral.reference))">
        \(general)<h2>Present</h2>
        <p class="hint">Everyone present for this case; leave a row empty if it is not needed. Save to have more rows.</p>
        \(presentRows)<h2>The discussion</h2>
        \(area("discussion", "What the panel heard and agreed", entry.discussion, hint: "This is in the family's copy of the minutes"))\
        \(area("barriers", "Barriers agreed", entry.barriers.joined(separator: "\n"), hint: "One a line; counted in the panel's themes. Left empty, the referral's barriers are kept"))\
        <h2>Actions</h2>
        \(actionRows)\(area("action_plan", "The action plan", entry.actionPlan.joined(separator: "\n"), hint: "One step a line"))\
        \(area("agency_only_notes", "Notes for the agencies only", entry.agencyOnlyNotes, hint: "Never in the family's copy"))\
        <button type="submit" class="button">Save the minutes</button>
        </form>
        """
        return page(status, PageLayout(title: "Minutes of \(referral.reference)", session: session, errors: errors), body)
    }
}
