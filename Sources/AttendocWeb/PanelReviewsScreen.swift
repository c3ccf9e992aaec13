import AttendocPanel
import AttendocPolicy
import AttendocValues
import AttendocWorkspace
import Foundation
import HTTPTypes
import Hummingbird

/// The panel's reviews due, soonest first, as `attendoc panel reviews` lists them
/// (`PanelReviewsDue`): for each case the record holds as minuted, its 4-week and termly reviews
/// not yet recorded as held, with the school days left (overdue ones marked); and, on each, the
/// clerk's form to record it as held (the day, what it found), recorded as `attendoc panel review`
/// records it (`PanelReviewHeld`).
extension AttendocSite {
    /// GET /panel/reviews
    func panelReviewsPage(_ request: Request) throws -> Response {
        let session = try signedInStaff(request, roles: Self.panelRoles)
        return try panelReviewsScreen(session, status: .ok, recorded: request.uri.queryParameters.get("recorded"))
    }

    private func panelReviewsScreen(_ session: StaffSession, status: HTTPResponse.Status, errors: [PageLayout.FieldError] = [],
                                    typed: FormFields? = nil, recorded: String? = nil) throws -> Response {
        let policy = try panelPolicy()
        let today = clock.today
        let items = try PanelReviewsDue.items(in: workspace, asOf: today, calendar: policy.policy.calendar)
        var rows = ""
        for (index, item) in items.enumerated() {
            let left = item.schoolDaysLeft < 0 ? "<span class=\"overdue\">\(HTML.escaped(SchoolCalendar.daysLeftInWords(item.schoolDaysLeft)))</span>"
                : HTML.escaped(SchoolCalendar.daysLeftInWords(item.schoolDaysLeft))
            rows += "<tr><td class=\"date\">\(HTML.escaped(item.due.longFormWithWeekday))</td><td>\(left)</td><td>\(HTML.escaped(item.what))</td><td>\(HTML.escaped(item.upns.joined(separator: ", ")))</td>"
                + "<td>\(reviewHeldForm(session, item, row: index, errors: errors, typed: typed?["row"] == "\(index)" ? typed : nil))</td></tr>\n"
            try log(session, "view", reference: nil, upn: item.upns.joined(separator: ", "), "the panel's reviews due as of \(today.iso): \(item.what)")
        }
        var body = "<h1>The panel's reviews due</h1>\n"
        if let recorded {
            body += "<div class=\"panel\" role=\"status\"><h2>Review recorded</h2><p>\(HTML.escaped(recorded))</p></div>\n"
        }
        body += """
        <p>As of \(HTML.escaped(today.longFormWithWeekday)), soonest first: each 4-week and termly review not yet recorded as held. \
        When a review has been held, record the day and what it found (a case found stuck is counted in the themes; \
        a case closed has no further review).</p>
        \(items.isEmpty ? "<p>No panel review is due.</p>" : """
        <table>
        <caption class="visually-hidden">The panel's reviews due, soonest first</caption>
        <thead><tr><th scope="col">Due</th><th scope="col">When</th><th scope="col">Review</th><th scope="col">UPN</th><th scope="col">Record it as held</th></tr></thead>
        <tbody>
        \(rows)</tbody>
        </table>
        """)
        """
        return page(status, PageLayout(title: "Reviews due", session: session, errors: errors), body)
    }

    private func reviewHeldForm(_ session: StaffSession, _ item: PanelReviewsDue.Item, row: Int, errors: [PageLayout.FieldError], typed: FormFields?) -> String {
        let on = "review-\(row)-on", outcome = "review-\(row)-outcome"
        let onError = errors.first { $0.field == on }, outcomeError = errors.first { $0.field == outcome }
        let chosen = typed?["outcome"]
        let options = ["<option value=\"\"\(chosen == nil || chosen == "" ? " selected" : "")>Choose</option>"] + PanelReviewHeld.outcomes.map {
            "<option value=\"\($0)\"\(chosen == $0 ? " selected" : "")>\($0.prefix(1).uppercased() + $0.dropFirst())</option>"
        }
        func message(_ error: PageLayout.FieldError?, _ id: String) -> String {
            error.map { "<span id=\"\(id)-error\" class=\"error-message\"><span class=\"visually-hidden\">Error:</span> \(HTML.escaped($0.message))</span>\n" } ?? ""
        }
        return """
        <form method="post" action="/panel/review">
        <input type="hidden" name="csrf" value="\(HTML.escaped(session.csrfToken))">
        <input type="hidden" name="row" value="\(row)">
        <input type="hidden" name="case" value="\(HTML.escaped(item.caseID))">
        <input type="hidden" name="kind" value="\(HTML.escaped(item.kind))">
        <div class="form-group\(onError == nil ? "" : " error")">
        <label for="\(on)">Held on<span class="visually-hidden">: \(HTML.escaped(item.what))</span></label>
        <div id="\(on)-hint" class="hint">YYYY-MM-DD</div>
        \(message(onError, on))<input type="text" id="\(on)" name="on" inputmode="numeric" value="\(HTML.escaped(typed?["on"] ?? ""))" aria-describedby="\(on)-hint\(onError == nil ? "" : " \(on)-error")">
        </div>
        <div class="form-group\(outcomeError == nil ? "" : " error")">
        <label for="\(outcome)">What it found<span class="visually-hidden">: \(HTML.escaped(item.what))</span></label>
        \(message(outcomeError, outcome))<select id="\(outcome)" name="outcome"\(outcomeError == nil ? "" : " aria-describedby=\"\(outcome)-error\"")>\(options.joined())</select>
        </div>
        <button type="submit" class="button">Record as held<span class="visually-hidden">: \(HTML.escaped(item.what))</span></button>
        </form>
        """
    }

    /// POST /panel/review: a review held, recorded as `attendoc panel review` records it.
    func recordPanelReviewHeld(_ request: Request) async throws -> Response {
        let session = try signedInStaff(request, roles: Self.panelRoles)
        let fields = try await Self.form(request)
        guard carriesToken(fields, of: session) else { return refusedForm(session) }
        let policy = try panelPolicy()
        let today = clock.today
        let row = fields["row"] ?? "0"
        // The case named must be one whose review is due: nothing else can be recorded from here.
        guard let caseID = fields["case"], let kind = fields["kind"],
              let item = try PanelReviewsDue.items(in: workspace, asOf: today, calendar: policy.policy.calendar).first(where: { $0.caseID == caseID && $0.kind == kind }),
              let panel = CalendarDate(iso: String(caseID.prefix(10))) else {
            return notFound(session)
        }
        let referral = String(caseID.dropFirst(11))
        var errors: [PageLayout.FieldError] = []
        let typedDay = (fields["on"] ?? "").trimmingCharacters(in: .whitespaces)
        let held = CalendarDate(iso: typedDay)
        if typedDay.isEmpty {
            errors.append(.init(field: "review-\(row)-on", message: "Enter the day the review was held"))
        } else if held == nil {
            errors.append(.init(field: "review-\(row)-on", message: "Enter the day the review was held as YYYY-MM-DD, such as 2026-01-12"))
        } else if let held, held > today {
            errors.append(.init(field: "review-\(row)-on", message: "The day the review was held cannot be after today (\(today.iso))"))
        }
        let outcome = fields["outcome"] ?? ""
        if !PanelReviewHeld.outcomes.contains(outcome) {
            errors.append(.init(field: "review-\(row)-outcome", message: "Choose what the review found: progressing, stuck or closed"))
        }
        if errors.isEmpty, let held {
            do {
                let review = try PanelReviewHeld.record(panel: panel, referral: referral, kind: kind, heldOn: held, outcome: outcome,
                                                        by: session.account.username, in: workspace)
                let words = "the \(kind == "termly" ? "termly" : "4-week") review of \(referral) (panel of \(panel.iso)) held on \(held.iso): \(outcome)"
                try log(session, "change", reference: try panelCaseReference(review.caseID), upn: item.upns.joined(separator: ", "), "recorded \(words)")
                return Self.redirect("/panel/reviews?recorded=\(HTML.query("Recorded " + words + "."))")
            } catch {
                errors.append(.init(field: "review-\(row)-on", message: "The review was not recorded: " + AttendocError.wrapping(error, kind: .other).summary))
            }
        }
        try log(session, "change", reference: nil, upn: item.upns.joined(separator: ", "), "a review held of \(referral) (panel of \(panel.iso)) was refused; nothing recorded")
        return try panelReviewsScreen(session, status: .unprocessableContent, errors: errors, typed: fields)
    }

    /// The workspace case the panel case `id` was made from, if the record names one.
    private func panelCaseReference(_ id: String) throws(AttendocError) -> String? {
        try fromWorkspace { () throws(WorkspaceError) in try workspace.panelCases() }.first { $0.id == id }?.caseReference
    }
}
