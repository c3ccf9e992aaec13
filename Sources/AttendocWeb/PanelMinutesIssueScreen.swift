import AttendocPanel
import AttendocValues
import AttendocWorkspace
import Foundation
import HTTPTypes
import Hummingbird

/// Issuing a panel's minutes into the record, as `attendoc panel minutes --issue` does
/// (`PanelMinutesIssue`): first each copy to look at (the agencies' minutes of every case, then
/// each family's copy of its own case, made by the same documents and HTML writer as the issue),
/// then the issue itself: every file archived byte for byte with each case's review dates, all or
/// nothing. The minutes issued are listed with their archived files to download.
extension AttendocSite {
    /// The minutes written and not yet issued, in the order of the slots.
    private func minutesToIssue(_ papers: PanelPapers, policy: PanelPolicy) throws -> [PanelMinutes] {
        let issued = try issuedPanelCases(papers)
        let slots = try papers.intake(calendar: policy.calendar).slots.map(\.referral.reference).filter { !issued.contains($0) }
        return try papers.minutes(inOrderOf: slots)
    }

    /// GET /panel/issue?date=…: each copy before anything is issued, and the minutes issued.
    func panelIssuePage(_ request: Request) throws -> Response {
        let session = try signedInStaff(request, roles: Self.panelRoles)
        let policy = try panelPolicy()
        let papers = try panelPapers(request.uri.queryParameters.get("date"), policy: policy, for: session)
        return try panelIssueScreen(session, papers, policy: policy, status: .ok)
    }

    private func panelIssueScreen(_ session: StaffSession, _ papers: PanelPapers, policy: PanelPolicy, status: HTTPResponse.Status,
                                  errors: [PageLayout.FieldError] = [], issuedNow: [PanelDocumentRecord] = []) throws -> Response {
        let day = papers.panel.date.iso
        var body = """
        <h1>Issue the minutes: the panel of \(HTML.escaped(papers.panel.date.longFormWithWeekday))</h1>
        \(panelLinks(papers, current: "/panel/issue"))

        """
        if !issuedNow.isEmpty {
            body += "<div class=\"panel\" role=\"status\"><h2>Minutes issued</h2><p>\(issuedNow.count) document\(issuedNow.count == 1 ? "" : "s") recorded as issued, each file archived as it is listed below.</p></div>\n"
        }
        let minutes = try minutesToIssue(papers, policy: policy)
        let dated = clock.today
        if minutes.isEmpty {
            body += "<p>No minutes are waiting to be issued. Write them from <a href=\"/panel/slots?date=\(HTML.query(day))\">the slots of the day</a>.</p>\n"
        } else {
            let copies = try PanelMinutesIssue(resources: resources, calendar: policy.calendar).copies(minutes, panel: papers.panel, dated: dated)
            body += "<p class=\"panel\">The minutes of \(minutes.count) case\(minutes.count == 1 ? "" : "s") (\(HTML.escaped(minutes.map(\.referral.reference).joined(separator: ", ")))), dated \(HTML.escaped(dated.longForm)): \(copies.count) copies, each holding only what its reader may see.</p>\n"
            for (index, copy) in copies.enumerated() {
                let who = copy.referral.map { "the family's copy of \($0)" } ?? "the agencies' minutes of every case"
                let source = "/panel/issue/copy?date=\(HTML.query(day))&amp;copy=\(index)"
                body += """
                <h2 id="copy-\(index)">Copy \(index + 1) of \(copies.count): \(HTML.escaped(who))</h2>
                <iframe class="preview" src="\(source)" title="Copy \(index + 1): \(HTML.escaped(who))" sandbox></iframe>
                <p><a href="\(source)">Open copy \(index + 1) on its own</a></p>

                """
            }
            let error = errors.first { $0.field == "formats" }
            let formats = [("html", "HTML"), ("txt", "Plain text"), ("docx", "Word (DOCX)"), ("pdf", "PDF")].enumerated().map { (index, format) -> String in
                "<div class=\"choice\"><input type=\"checkbox\" id=\"\(index == 0 ? "formats" : "format-\(format.0)")\" name=\"format-\(format.0)\" value=\"yes\" checked><label for=\"\(index == 0 ? "formats" : "format-\(format.0)")\">\(format.1)</label></div>"
            }.joined(separator: "\n")
            body += """
            <form method="post" action="/panel/issue">
            <input type="hidden" name="csrf" value="\(HTML.escaped(session.csrfToken))">
            <input type="hidden" name="date" value="\(HTML.escaped(day))">
            <input type="hidden" name="dated" value="\(HTML.escaped(dated.iso))">
            <input type="hidden" name="copies" value="\(HTML.escaped(Self.fingerprint(copies)))">
            <fieldset class="form-group\(error == nil ? "" : " error")" aria-describedby="formats-hint\(error == nil ? "" : " formats-error")">
            <legend>The files to archive and send</legend>
            <div id="formats-hint" class="hint">Each copy is archived in every format chosen; a PDF takes longer to make</div>
            \(error.map { "<span id=\"formats-error\" class=\"error-message\"><span class=\"visually-hidden\">Error:</span> \(HTML.escaped($0.message))</span>\n" } ?? "")\(formats)
            </fieldset>
            <button type="submit" class="button">Issue \(copies.count == 1 ? "this copy" : "these \(copies.count) copies")</button>
            </form>

            """
            for case_ in minutes {
                try logReferral(session, "view", case_.referral, "a preview of the minutes of the panel of \(day) (the agencies' minutes and the family's copy)")
            }
        }
        let records = try fromWorkspace { () throws(WorkspaceError) in try workspace.panelDocuments(on: papers.panel.date) }
        body += "<h2 id=\"issued\">Minutes issued</h2>\n"
        if records.isEmpty {
            body += "<p>None of this panel's minutes is issued yet.</p>\n"
        } else {
            let rows = records.map { (record) -> String in
                let what = record.caseID.map { "The family's copy of \(String($0.dropFirst(day.count + 1)))" } ?? "The agencies' minutes"
                let files = record.files.map { (file) -> String in
                    "<a href=\"/panel/download?date=\(HTML.query(day))&amp;id=\(HTML.query(record.id))&amp;format=\(HTML.query(file.format))\" download>Download \(HTML.escaped(file.format.uppercased()))<span class=\"visually-hidden\"> of \(HTML.escaped(what.lowercased()))</span></a>"
                }.joined(separator: "<br>")
                return "<tr><td>\(HTML.escaped(what))</td><td class=\"date\">\(HTML.escaped(record.issuedOn))</td><td>\(HTML.escaped(record.issuedBy))</td><td>\(files)</td></tr>"
            }.joined(separator: "\n")
            body += """
            <table>
            <thead><tr><th scope="col">Document</th><th scope="col">Issued</th><th scope="col">By</th><th scope="col">Files</th></tr></thead>
            <tbody>
            \(rows)
            </tbody>
            </table>

            """
        }
        return page(status, PageLayout(title: "Issue the minutes", session: session, errors: errors), body)
    }

    /// GET /panel/issue/copy?date=…&copy=N: one copy as the HTML writer made it, for the preview's
    /// frame; its own style allowed, nothing else.
    func panelIssueCopy(_ request: Request) throws -> Response {
        let session = try signedInStaff(request, roles: Self.panelRoles)
        let policy = try panelPolicy()
        let papers = try panelPapers(request.uri.queryParameters.get("date"), policy: policy, for: session)
        let minutes = try minutesToIssue(papers, policy: policy)
        guard !minutes.isEmpty else { return notFound(session) }
        let copies = try PanelMinutesIssue(resources: resources, calendar: policy.calendar).copies(minutes, panel: papers.panel, dated: clock.today)
        guard let index = request.uri.queryParameters.get("copy").flatMap({ Int($0) }), copies.indices.contains(index) else { return notFound(session) }
        let copy = copies[index]
        for case_ in minutes where copy.referral == nil || copy.referral == case_.referral.reference {
            try logReferral(session, "view", case_.referral, "the preview of \(copy.referral == nil ? "the agencies' minutes" : "the family's copy") of the panel of \(papers.panel.date.iso)")
        }
        return Self.previewFrame(copy.html)
    }

    /// POST /panel/issue: issues the minutes previewed, recorded as `attendoc panel minutes --issue`
    /// records them.
    func issuePanelMinutes(_ request: Request) async throws -> Response {
        let session = try signedInStaff(request, roles: Self.panelRoles)
        let fields = try await Self.form(request)
        guard carriesToken(fields, of: session) else { return refusedForm(session) }
        let policy = try panelPolicy()
        let papers = try panelPapers(fields["date"], policy: policy, for: session)
        let formats = ["html", "txt", "docx", "pdf"].filter { fields["format-\($0)"] == "yes" }
        guard !formats.isEmpty else {
            return try panelIssueScreen(session, papers, policy: policy, status: .unprocessableContent,
                                        errors: [.init(field: "formats", message: "Choose at least one format to archive the minutes in")])
        }
        guard let dated = fields["dated"].flatMap({ CalendarDate(iso: $0) }) else { return refusedForm(session) }
        let minutes = try minutesToIssue(papers, policy: policy)
        let previewed = try PanelMinutesIssue(resources: resources, calendar: policy.calendar).copies(minutes, panel: papers.panel, dated: dated)
        guard !minutes.isEmpty, Self.fingerprint(previewed) == fields["copies"] else {
            return try panelIssueScreen(session, papers, policy: policy, status: .conflict,
                                        errors: [.init(field: "formats", message: "The minutes changed since the copies were shown (or were issued from another page); look at the copies below again, then issue them")])
        }
        let (workspace, resources, panel, calendar, person) = (self.workspace, self.resources, papers.panel, policy.calendar, session.account.username)
        let outcome = await SlowWork.run(timeLimit: settings.slowWorkLimit) { () throws(AttendocError) in
            try PanelMinutesIssue.issue(minutes, panel: panel, calendar: calendar, formats: formats, resources: resources, into: workspace,
                                        issuedOn: dated, issuedBy: person)
        }
        switch outcome {
        case .finished(.success(let issued)):
            for case_ in minutes {
                try logReferral(session, "change", case_.referral, "issued the minutes of the panel of \(panel.date.iso) (\(formats.joined(separator: ", ")))")
            }
            return try panelIssueScreen(session, papers, policy: policy, status: .ok, issuedNow: issued.records)
        case .finished(.failure(let error)):
            return try panelIssueScreen(session, papers, policy: policy, status: .unprocessableContent,
                                        errors: [.init(field: "formats", message: "Nothing was issued: " + Self.panelMessage(error, papers: papers))])
        case .stillRunning:
            for case_ in minutes {
                try logReferral(session, "change", case_.referral, "began issuing the minutes of the panel of \(panel.date.iso); still being made when the page stopped waiting")
            }
            return page(.accepted, PageLayout(title: "Still being issued", session: session), """
            <h1>Still being issued</h1>
            <p>Making the files is taking longer than \(Int(settings.slowWorkLimit)) seconds. It goes on: every copy is recorded, or none. \
            <a href="/panel/issue?date=\(HTML.query(panel.date.iso))#issued">Look again in a minute</a>.</p>
            """)
        }
    }

    /// GET /panel/download?date=…&id=…&format=…: an archived file of the panel's minutes, byte for
    /// byte, found from the record's rows (never from a path in the request).
    func downloadPanelDocument(_ request: Request) throws -> Response {
        let session = try signedInStaff(request, roles: Self.panelRoles)
        let policy = try panelPolicy()
        let papers = try panelPapers(request.uri.queryParameters.get("date"), policy: policy, for: session)
        let parameters = request.uri.queryParameters
        let records = try fromWorkspace { () throws(WorkspaceError) in try workspace.panelDocuments(on: papers.panel.date) }
        guard let record = records.first(where: { $0.id == parameters.get("id") }),
              let file = record.files.first(where: { $0.format == parameters.get("format") }) else { return notFound(session) }
        let bytes = try fromWorkspace { () throws(WorkspaceError) in try workspace.archivedBytes(of: file) }
        let cases = try fromWorkspace { () throws(WorkspaceError) in try workspace.panelCases() }.filter { record.caseID == nil ? $0.panelDate == record.panelDate : $0.id == record.caseID }
        for case_ in cases {
            try log(session, "download", reference: case_.caseReference, upn: case_.upns.joined(separator: ", "),
                    "the \(file.format) of the panel's \(record.caseID == nil ? "agencies' minutes" : "family's copy") of \(record.panelDate) (document \(record.id)): referral \(case_.referral)")
        }
        let stem = record.caseID.map { "panel-\($0)-family-copy" } ?? "panel-\(record.panelDate)-agency-minutes"
        return Response(status: .ok, headers: [
            .contentType: Self.mediaType(file.format),
            .contentDisposition: "attachment; filename=\"\(Self.downloadName(stem, format: file.format))\"",
            .cacheControl: "no-store",
            HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        ], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// What identifies the copies shown: the SHA-256 of each copy's bytes, so that what is issued is
    /// what was looked at.
    static func fingerprint(_ copies: [PanelMinutesIssue.Copy]) -> String {
        SHA256.hex(Data(copies.map { SHA256.hex($0.html) }.joined(separator: ",").utf8))
    }
}
