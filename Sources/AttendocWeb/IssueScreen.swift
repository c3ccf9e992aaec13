import AttendocDocuments
import AttendocIssuing
import AttendocValues
import AttendocWorkspace
import Foundation
import HTTPTypes
import Hummingbird

/// Issue a document from the case screen, as `attendoc issue` does: choose the document and how it
/// is sent, see each recipient's copy as it would go (each holding only what that recipient may
/// see), then issue it into the record (the files archived, each copy's service and deemed
/// service recorded). The school office and the attendance team issue; nobody else.
extension AttendocSite {
    static let issuingRoles: Set<StaffRole> = [.schoolOffice, .attendanceTeam]

    /// GET /issue?ref=…: the choices; with `preview=1` and the choices, each copy to look at first.
    func issuePage(_ request: Request) throws -> Response {
        let session = try signedInStaff(request, roles: Self.issuingRoles)
        let fields = FormFields(urlEncoded: request.uri.query ?? "")
        let recorded = try visibleCase(fields["ref"], to: session)
        let choices = IssueChoices(fields, today: clock.today)
        guard fields["preview"] != nil else { return issueForm(session, recorded, choices, status: .ok) }
        let issueRequest: DocumentIssue.Request
        switch choices.request(reference: recorded.reference, by: session.account.username) {
        case .success(let made): issueRequest = made
        case .failure(let problems): return issueForm(session, recorded, choices, status: .unprocessableContent, errors: problems.fields)
        }
        let copies: [DocumentPreview.Copy]
        do {
            copies = try DocumentPreview(workspace: workspace, resources: resources).copies(issueRequest)
        } catch {
            return issueForm(session, recorded, choices, status: .unprocessableContent,
                             errors: [.init(field: "document", message: Self.forTheScreen(error, caseFile: recorded.sourcePath))])
        }
        try log(session, "view", reference: recorded.reference, upn: recorded.upn,
                "a preview of the \(issueRequest.kind.rawValue), \(copies.count) cop\(copies.count == 1 ? "y" : "ies"): \(copies.map(\.recipientPath).joined(separator: ", "))")
        var body = """
        <h1>Check each copy before it is issued</h1>
        <p class="panel">\(HTML.escaped(issueRequest.kind.title)) for case \(HTML.escaped(recorded.reference)), dated \(HTML.escaped(issueRequest.date.longForm)), \
        sent by \(HTML.escaped(Self.methodInWords(issueRequest.method))), archived as \(HTML.escaped(issueRequest.formatNames.map { $0.uppercased() }.joined(separator: ", "))). \
        \(copies.count) cop\(copies.count == 1 ? "y" : "ies"): each holds only what its recipient may see.</p>

        """
        for (index, copy) in copies.enumerated() {
            let who = copy.recipientName.map { "\(HTML.escaped($0)) (\(HTML.escaped(copy.recipientPath)))" } ?? HTML.escaped(copy.recipientPath)
            let source = "/issue/copy?\(choices.query(reference: recorded.reference))&amp;copy=\(index)"
            body += """
            <h2 id="copy-\(index)">Copy \(index + 1) of \(copies.count): to \(who)</h2>
            <iframe class="preview" src="\(source)" title="Copy \(index + 1): to \(who)" sandbox></iframe>
            <p><a href="\(source)">Open copy \(index + 1) on its own</a></p>

            """
        }
        body += """
        <form method="post" action="/issue">
        <input type="hidden" name="csrf" value="\(HTML.escaped(session.csrfToken))">
        \(choices.hiddenFields(reference: recorded.reference))
        <button type="submit" class="button">Issue \(copies.count == 1 ? "this copy" : "these \(copies.count) copies")</button>
        <a href="/issue?\(choices.query(reference: recorded.reference, preview: false))" class="change">Change the choices</a>
        </form>
        """
        return page(.ok, PageLayout(title: "Check each copy", session: session), body)
    }

    /// GET /issue/copy?…&copy=N: one copy as the HTML writer made it, for the preview's frame; its
    /// own style allowed, nothing else (no script, no other site, framed by this site only).
    func issueCopy(_ request: Request) throws -> Response {
        let session = try signedInStaff(request, roles: Self.issuingRoles)
        let fields = FormFields(urlEncoded: request.uri.query ?? "")
        let recorded = try visibleCase(fields["ref"], to: session)
        let choices = IssueChoices(fields, today: clock.today)
        guard case .success(let issueRequest) = choices.request(reference: recorded.reference, by: session.account.username), let index = fields["copy"].flatMap(Int.init) else {
            return notFound(session)
        }
        let copies: [DocumentPreview.Copy]
        do {
            copies = try DocumentPreview(workspace: workspace, resources: resources).copies(issueRequest)
        } catch {
            return notFound(session)
        }
        guard copies.indices.contains(index) else { return notFound(session) }
        let copy = copies[index]
        try log(session, "view", reference: recorded.reference, upn: recorded.upn,
                "the preview of the \(issueRequest.kind.rawValue)'s copy to \(copy.recipientPath)")
        return Self.previewFrame(copy.html)
    }

    /// One copy as the HTML writer made it, for a preview's frame (a case's document or the panel's
    /// minutes): its own style allowed, nothing else, never cached.
    static func previewFrame(_ html: Data) -> Response {
        Response(status: .ok, headers: [
            .contentType: "text/html; charset=utf-8",
            .cacheControl: "no-store",
            .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; form-action 'none'",
            HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            HTTPField.Name("Referrer-Policy")!: "no-referrer",
        ], body: ResponseBody(byteBuffer: ByteBuffer(bytes: html)))
    }

    /// POST /issue: issues the copies previewed, recorded as `attendoc issue` records them.
    func issueDocument(_ request: Request) async throws -> Response {
        let session = try signedInStaff(request, roles: Self.issuingRoles)
        let fields = try await Self.form(request)
        guard carriesToken(fields, of: session) else { return refusedForm(session) }
        let recorded = try visibleCase(fields["ref"], to: session)
        let choices = IssueChoices(fields, today: clock.today)
        let issueRequest: DocumentIssue.Request
        switch choices.request(reference: recorded.reference, by: session.account.username) {
        case .success(let made): issueRequest = made
        case .failure(let problems): return issueForm(session, recorded, choices, status: .unprocessableContent, errors: problems.fields)
        }
        let (workspace, resources) = (self.workspace, self.resources)
        let outcome = await SlowWork.run(timeLimit: settings.slowWorkLimit) { () throws(AttendocError) in
            try DocumentIssue(workspace: workspace, resources: resources).issue(issueRequest)
        }
        let issued: [IssuedDocument]
        switch outcome {
        case .finished(.success(let done)): issued = done
        case .finished(.failure(let error)):
            return issueForm(session, recorded, choices, status: .unprocessableContent,
                             errors: [.init(field: "document", message: "Nothing was issued: " + Self.forTheScreen(error, caseFile: recorded.sourcePath))])
        case .stillRunning:
            try log(session, "change", reference: recorded.reference, upn: recorded.upn,
                    "began issuing the \(issueRequest.kind.rawValue) by \(issueRequest.method.rawValue) on \(issueRequest.date.iso); still being made when the page stopped waiting")
            return page(.accepted, PageLayout(title: "Still being issued", session: session), """
            <h1>Still being issued</h1>
            <p>Making the files is taking longer than \(Int(settings.slowWorkLimit)) seconds. It goes on: all its copies are recorded, or none. \
            Look at the case's documents in a minute: <a href="/case?ref=\(HTML.query(recorded.reference))#documents">case \(HTML.escaped(recorded.reference))</a>.</p>
            """)
        }
        try log(session, "change", reference: recorded.reference, upn: recorded.upn,
                "issued the \(issueRequest.kind.rawValue) to \(issued.map(\.recipientPath).joined(separator: ", ")) by \(issueRequest.method.rawValue) on \(issueRequest.date.iso) (issue \(issued.map(\.id).joined(separator: ", ")))")
        var rows = ""
        for document in issued {
            let files = document.files.map { file in
                "<a href=\"/download?ref=\(HTML.query(recorded.reference))&amp;id=\(HTML.query(document.id))&amp;format=\(HTML.query(file.format))\" download>Download \(HTML.escaped(file.format.uppercased()))<span class=\"visually-hidden\"> of the copy to \(HTML.escaped(document.recipientPath))</span></a>"
            }.joined(separator: "<br>")
            rows += "<tr><td>\(HTML.escaped(document.recipientPath))</td><td>\(HTML.escaped(document.method))</td><td>\(HTML.escaped(document.sentOn))</td><td>\(HTML.escaped(document.deemedServedOn ?? "not recorded"))</td><td>\(files)</td></tr>\n"
        }
        return page(.ok, PageLayout(title: "Document issued", session: session), """
        <h1>Document issued</h1>
        <div class="panel" role="status"><p>\(HTML.escaped(issueRequest.kind.title)) for case \(HTML.escaped(recorded.reference)): \(issued.count) cop\(issued.count == 1 ? "y" : "ies") recorded and archived, issued by \(HTML.escaped(session.account.username)).</p></div>
        <table>
        <thead><tr><th scope="col">To</th><th scope="col">How</th><th scope="col">Sent</th><th scope="col">Deemed served</th><th scope="col">Files</th></tr></thead>
        <tbody>
        \(rows)</tbody>
        </table>
        <p><a href="/case?ref=\(HTML.query(recorded.reference))#documents">Back to case \(HTML.escaped(recorded.reference))</a></p>
        """)
    }

    private func issueForm(_ session: StaffSession, _ recorded: RecordedCase, _ choices: IssueChoices, status: HTTPResponse.Status,
                           errors: [PageLayout.FieldError] = []) -> Response {
        func error(_ field: String) -> PageLayout.FieldError? { errors.first { $0.field == field } }
        func message(_ field: String) -> String {
            error(field).map { "<span id=\"\(field)-error\" class=\"error-message\"><span class=\"visually-hidden\">Error:</span> \(HTML.escaped($0.message))</span>\n" } ?? ""
        }
        func group(_ field: String) -> String { "form-group" + (error(field) == nil ? "" : " error") }
        func described(_ field: String) -> String { "\(field)-hint" + (error(field) == nil ? "" : " \(field)-error") }
        func text(_ field: String, _ label: String, _ hint: String, _ value: String) -> String {
            """
            <div class="\(group(field))">
            <label for="\(field)">\(label)</label>
            <div id="\(field)-hint" class="hint">\(hint)</div>
            \(message(field))<input id="\(field)" name="\(field)" type="text" value="\(HTML.escaped(value))" aria-describedby="\(described(field))">
            </div>

            """
        }
        let kinds = DocumentKind.allCases.map { kind in
            "<option value=\"\(kind.rawValue)\"\(kind.rawValue == choices.document ? " selected" : "")>\(HTML.escaped(kind.title))</option>"
        }.joined(separator: "\n")
        let methods = ServiceMethod.allCases.map { method in
            """
            <div class="choice"><input id="method-\(method.rawValue)" name="method" type="radio" value="\(method.rawValue)"\(method.rawValue == choices.method ? " checked" : "")>\
            <label for="method-\(method.rawValue)">\(HTML.escaped(Self.methodInWords(method)))</label></div>
            """
        }.joined(separator: "\n")
        let formats = IssueChoices.formatNames.map { name in
            """
            <div class="choice"><input id="format-\(name)" name="format-\(name)" type="checkbox" value="yes"\(choices.formats.contains(name) ? " checked" : "")>\
            <label for="format-\(name)">\(name.uppercased())</label></div>
            """
        }.joined(separator: "\n")
        let body = """
        <h1>Issue a document</h1>
        <p>For case <a href="/case?ref=\(HTML.query(recorded.reference))">\(HTML.escaped(recorded.reference))</a>. You see each recipient's copy before anything is issued.</p>
        <form method="get" action="/issue" novalidate>
        <input type="hidden" name="ref" value="\(HTML.escaped(recorded.reference))">
        <input type="hidden" name="preview" value="1">
        <div class="\(group("document"))">
        <label for="document">Document</label>
        <div id="document-hint" class="hint">What it needs from the case is checked when you preview it</div>
        \(message("document"))<select id="document" name="document" aria-describedby="\(described("document"))">
        \(kinds)
        </select>
        </div>
        <fieldset class="\(group("method"))" aria-describedby="\(described("method"))">
        <legend>How it is sent</legend>
        <div id="method-hint" class="hint">On the school's file: only for a record kept there (a home visit record), never sent</div>
        \(message("method"))\(methods)
        </fieldset>
        \(text("date", "Date sent", "Printed on it, and the day its service counts from; for example 2026-12-10", choices.date))\
        \(text("to", "Only one recipient (optional)", "Their id or place in the case file, such as parents[1]; leave empty for every recipient", choices.to))\
        \(text("meeting", "Meeting (optional)", "For an invitation or a letter about a meeting: its place in the case file, such as meetings[2]", choices.meeting))\
        \(text("record", "Record (optional)", "For a document made from one record (a review, a home visit): its place, such as reviews[1]", choices.record))\
        \(text("reissue", "Reason to issue it again (optional)", "Only when the same document went to the same person within the policy's window; recorded with the issue", choices.reissue))\
        \(text("override", "Reason to issue it after a deadline (optional)", "Only when a deadline the policy sets has passed; printed in the record", choices.overrideDeadline))\
        <fieldset class="\(group("formats"))" aria-describedby="\(described("formats"))">
        <legend>Files to archive</legend>
        <div id="formats-hint" class="hint">The exact files recorded as sent; PDF is the one to print</div>
        \(message("formats"))\(formats)
        </fieldset>
        <button type="submit" class="button">Preview each copy</button>
        </form>
        """
        return page(status, PageLayout(title: "Issue a document", session: session, errors: errors), body)
    }

    static func methodInWords(_ method: ServiceMethod) -> String {
        switch method {
        case .post: "post"
        case .hand: "hand"
        case .email: "email"
        case .file: "kept on the school's file"
        }
    }

    /// An error as the screen shows it: the case file by that name, not by the server's path.
    static func forTheScreen(_ error: any Error, caseFile: String) -> String {
        guard let error = error as? AttendocError else { return "something went wrong on the server; the record is unchanged" }
        func clean(_ text: String) -> String { text.replacingOccurrences(of: caseFile, with: "the case file") }
        var words = clean(error.summary)
        if let field = error.location?.field { words = "\(field): " + words }
        if let suggestion = error.suggestion { words += ". " + sentence(clean(suggestion)) }
        return words
    }
}

/// The choices of an issue as a form (or a query) gives them.
struct IssueChoices {
    /// What is wrong with the choices, field by field.
    struct Problems: Error {
        var fields: [PageLayout.FieldError]
    }

    static let formatNames = ["pdf", "html", "txt", "docx"]

    var document: String
    var method: String
    var date: String
    var to: String
    var meeting: String
    var record: String
    var reissue: String
    var overrideDeadline: String
    var formats: [String]

    init(_ fields: FormFields, today: CalendarDate) {
        func value(_ name: String) -> String { (fields[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        document = value("document")
        method = fields["method"] == nil ? ServiceMethod.post.rawValue : value("method")
        date = fields["date"] == nil ? today.iso : value("date")
        to = value("to")
        meeting = value("meeting")
        record = value("record")
        reissue = value("reissue")
        overrideDeadline = value("override")
        let chosen = Self.formatNames.filter { fields["format-\($0)"] != nil }
        // A first look at the form asks for a PDF; a form sent back keeps what was ticked.
        formats = fields["document"] == nil && chosen.isEmpty ? ["pdf"] : chosen
    }

    /// The issue these choices ask for, or what is wrong with them, field by field.
    func request(reference: String, by person: String) -> Result<DocumentIssue.Request, Problems> {
        var errors: [PageLayout.FieldError] = []
        let kind = DocumentKind(rawValue: document)
        if kind == nil { errors.append(.init(field: "document", message: "Choose the document to issue")) }
        let serviceMethod = ServiceMethod(rawValue: method)
        if serviceMethod == nil { errors.append(.init(field: "method-post", message: "Choose how it is sent")) }
        let day = CalendarDate(iso: date)
        if day == nil { errors.append(.init(field: "date", message: "Enter the date sent as year-month-day, for example 2026-12-10")) }
        if formats.isEmpty { errors.append(.init(field: "format-pdf", message: "Choose at least one file to archive")) }
        guard errors.isEmpty, let kind, let serviceMethod, let day else { return .failure(Problems(fields: errors)) }
        func optional(_ text: String) -> String? { text.isEmpty ? nil : text }
        do {
            return .success(try DocumentIssue.Request(
                reference: reference, kind: kind, recipient: optional(to), method: serviceMethod, date: day, issuedBy: person,
                reissueReason: optional(reissue), formatNames: formats.joined(separator: ","), meeting: optional(meeting), record: optional(record),
                deadlineOverrideReason: optional(overrideDeadline)))
        } catch {
            return .failure(Problems(fields: [.init(field: "format-pdf", message: error.summary)]))
        }
    }

    private var pairs: [(String, String)] {
        [("document", document), ("method", method), ("date", date), ("to", to), ("meeting", meeting), ("record", record),
         ("reissue", reissue), ("override", overrideDeadline)] + formats.map { ("format-\($0)", "yes") }
    }

    /// The choices as a query string, escaped for an attribute.
    func query(reference: String, preview: Bool = true) -> String {
        ([("ref", reference)] + (preview ? [("preview", "1")] : []) + pairs).map { "\($0.0)=\(HTML.query($0.1))" }.joined(separator: "&amp;")
    }

    /// The choices as hidden fields of the form that issues them.
    func hiddenFields(reference: String) -> String {
        ([("ref", reference)] + pairs).map { "<input type=\"hidden\" name=\"\($0.0)\" value=\"\(HTML.escaped($0.1))\">" }.joined(separator: "\n")
    }
}
