import AttendocPanel
import AttendocValues
import AttendocWorkspace
import Foundation
import HTTPTypes
import Hummingbird

/// The panel's intake: the referrals received for a panel checked against seed 000's criteria, as
/// `attendoc panel intake` checks the same files (`PanelIntake`): those taken forward with their
/// slots, each refused with every reason. A referral file is received by upload, read in full
/// first: a bad file is refused with its line and field, and nothing of it is kept.
extension AttendocSite {
    /// GET /panel/intake?date=YYYY-MM-DD
    func panelIntakePage(_ request: Request) throws -> Response {
        let session = try signedInStaff(request, roles: Self.panelRoles)
        let policy = try panelPolicy()
        let papers = try panelPapers(request.uri.queryParameters.get("date"), policy: policy, for: session)
        return try panelIntakeScreen(session, papers, policy: policy, status: .ok, received: request.uri.queryParameters.get("received"))
    }

    func panelIntakeScreen(_ session: StaffSession, _ papers: PanelPapers, policy: PanelPolicy, status: HTTPResponse.Status,
                           errors: [PageLayout.FieldError] = [], received: String? = nil) throws -> Response {
        let panel = papers.panel
        var body = """
        <h1>Intake: the panel of \(HTML.escaped(panel.date.longFormWithWeekday))</h1>
        \(panelLinks(papers, current: "/panel/intake"))
        <p class="panel">From \(HTML.escaped(policy.calendar.startsAt)), \(policy.calendar.slotMinutes)-minute slots. \
        Referrals close \(HTML.escaped(panel.referralsClose.date.longFormWithWeekday)). \
        4-week review \(HTML.escaped(panel.fourWeekReview.date.longForm)); termly review \(HTML.escaped(panel.termlyReview.date.longForm)).</p>

        """
        let intake: PanelIntake
        do {
            intake = try papers.intake(calendar: policy.calendar)
        } catch {
            body += "<p class=\"error-message\">The referrals cannot be checked: \(HTML.escaped(Self.panelMessage(error, papers: papers)))</p>\n"
            body += receiveForm(session, papers, errors: errors)
            return page(.unprocessableContent, PageLayout(title: "Panel intake", session: session, errors: errors), body)
        }
        if let received, intake.slots.contains(where: { $0.referral.reference == received }) || intake.refusals.contains(where: { $0.referral.reference == received }) {
            body += "<div class=\"panel\" role=\"status\"><h2>Referral received</h2><p>The referral \(HTML.escaped(received)) was received and is checked below.</p></div>\n"
        }
        body += "<h2 id=\"taken\">Taken forward (\(intake.slots.count))</h2>\n"
        if intake.slots.isEmpty {
            body += "<p>No referral is taken forward yet.</p>\n"
        } else {
            let rows = intake.slots.map { (slot) -> String in
                let referral = slot.referral
                return "<tr><td class=\"date\">\(HTML.escaped(slot.starts))–\(HTML.escaped(slot.ends))</td><td>\(HTML.escaped(referral.reference))</td>"
                    + "<td>URN \(HTML.escaped(referral.school.urn ?? "not given"))</td><td>\(Self.childrenInWords(referral))</td>"
                    + "<td class=\"date\">\(HTML.escaped(referral.receivedOn.longForm))</td></tr>"
            }.joined(separator: "\n")
            body += """
            <table>
            <thead><tr><th scope="col">Slot</th><th scope="col">Referral</th><th scope="col">School</th><th scope="col">Children</th><th scope="col">Received</th></tr></thead>
            <tbody>
            \(rows)
            </tbody>
            </table>

            """
        }
        body += "<h2 id=\"refused\">Refused (\(intake.refusals.count))</h2>\n"
        if intake.refusals.isEmpty {
            body += "<p>No referral is refused.</p>\n"
        }
        for refusal in intake.refusals {
            body += """
            <h3>\(HTML.escaped(refusal.referral.reference))</h3>
            <p>School URN \(HTML.escaped(refusal.referral.school.urn ?? "not given")); \(Self.childrenInWords(refusal.referral)); received \(HTML.escaped(refusal.referral.receivedOn.longForm)).</p>
            <ul class="gaps">\(refusal.reasons.map { "<li><strong>\(HTML.escaped($0.kind.rawValue))</strong>: \(HTML.escaped($0.explanation))</li>" }.joined())</ul>

            """
        }
        body += receiveForm(session, papers, errors: errors)
        for slot in intake.slots {
            try logReferral(session, "view", slot.referral, "the intake of the panel of \(panel.date.iso): taken forward, slot \(slot.starts)")
        }
        for refusal in intake.refusals {
            try logReferral(session, "view", refusal.referral, "the intake of the panel of \(panel.date.iso): refused (\(refusal.reasons.map(\.kind.rawValue).joined(separator: "; ")))")
        }
        return page(status, PageLayout(title: "Panel intake", session: session, errors: errors), body)
    }

    private func receiveForm(_ session: StaffSession, _ papers: PanelPapers, errors: [PageLayout.FieldError]) -> String {
        let error = errors.first { $0.field == "referral" }
        return """
        <h2 id="receive">Receive a referral</h2>
        <form method="post" action="/panel/referral" enctype="multipart/form-data">
        <input type="hidden" name="csrf" value="\(HTML.escaped(session.csrfToken))">
        <input type="hidden" name="date" value="\(HTML.escaped(papers.panel.date.iso))">
        <div class="form-group\(error == nil ? "" : " error")">
        <label for="referral">Referral file</label>
        <div id="referral-hint" class="hint">The referral form as a YAML file (docs/panel.md), such as one made by attendoc panel referral and completed by the referrer</div>
        \(error.map { "<span id=\"referral-error\" class=\"error-message\"><span class=\"visually-hidden\">Error:</span> \(HTML.escaped($0.message))</span>\n" } ?? "")\
        <input type="file" id="referral" name="referral" accept=".yaml,.yml" aria-describedby="referral-hint\(error == nil ? "" : " referral-error")">
        </div>
        <button type="submit" class="button">Receive the referral</button>
        </form>

        """
    }

    /// POST /panel/referral: a referral file uploaded for a panel.
    func receiveReferral(_ request: Request) async throws -> Response {
        let session = try signedInStaff(request, roles: Self.panelRoles)
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: Self.largestReferral)
        } catch {
            return refusedForm(session)
        }
        guard let form = MultipartForm(contentType: request.headers[.contentType] ?? "", body: Data(buffer.readableBytesView)) else {
            return refusedForm(session)
        }
        guard carriesToken(form.fields, of: session) else { return refusedForm(session) }
        let policy = try panelPolicy()
        let papers = try panelPapers(form.fields["date"], policy: policy, for: session)
        guard let file = form.file, !file.bytes.isEmpty else {
            return try panelIntakeScreen(session, papers, policy: policy, status: .badRequest,
                                         errors: [.init(field: "referral", message: "Select a referral file to receive")])
        }
        let referral: PanelReferral
        do {
            referral = try papers.receive(file.bytes)
        } catch {
            try log(session, "change", reference: nil, upn: nil, "a referral file for the panel of \(papers.panel.date.iso) was refused; nothing kept")
            return try panelIntakeScreen(session, papers, policy: policy, status: .unprocessableContent,
                                         errors: [.init(field: "referral", message: "The referral was not received: " + Self.panelMessage(error, papers: papers))])
        }
        try logReferral(session, "change", referral, "received for the panel of \(papers.panel.date.iso) as \(referral.file)")
        return Self.redirect("/panel/intake?date=\(HTML.query(papers.panel.date.iso))&received=\(HTML.query(referral.reference))")
    }

    /// A referral file is a page or two of YAML: far less than this.
    static let largestReferral = 1024 * 1024

    /// The children of a referral by UPN and year group, never by name.
    static func childrenInWords(_ referral: PanelReferral) -> String {
        let children = referral.children.map { (child) -> String in
            "UPN \(HTML.escaped(child.upn?.text ?? "not given")) (year \(child.yearGroup.map(String.init) ?? "not given"))"
        }
        return children.isEmpty ? "no child given" : children.joined(separator: ", ")
    }
}
