import AttendocCasework
import AttendocEngine
import AttendocValues
import AttendocWorkspace
import Foundation
import HTTPTypes
import Hummingbird

/// A case: who and where, the figures the engine gives from the case's register as of today, the
/// chronology (meetings, documents sent, versions recorded), and every document issued with its
/// archived files to download. Seen only by those who may see the case; anyone else gets 404.
extension AttendocSite {
    func casePage(_ request: Request) throws -> Response {
        let session = try signedInStaff(request, roles: [.schoolOffice, .attendanceTeam, .panelClerk])
        let reference = request.uri.queryParameters.get("ref") ?? ""
        let recorded = try visibleCase(reference, to: session)
        let loaded = try LoadedCase.load(URL(fileURLWithPath: recorded.sourcePath), resources: resources)
        let pupil = loaded.attendanceCase.pupil
        let issued = try fromWorkspace { () throws(WorkspaceError) in try workspace.issuedDocuments(for: recorded.reference) }
        let versions = try fromWorkspace { () throws(WorkspaceError) in try workspace.versions(of: recorded.reference) }
        try log(session, "view", reference: recorded.reference, upn: recorded.upn, "the case: figures, chronology, documents issued")
        let today = clock.today

        var body = """
        <h1>Case \(HTML.escaped(recorded.reference))</h1>
        \(caseActions(session, reference: recorded.reference))
        \(Self.caseFormRoles.contains(session.account.role) ? "<p><a href=\"/case/edit?ref=\(HTML.query(recorded.reference))\">Edit the case</a></p>" : "")
        <p><a href="/case/yaml?ref=\(HTML.query(recorded.reference))">Download the case file (YAML, version \(versions.last?.version ?? 0))</a></p>
        <dl class="panel">
        <dt>Pupil</dt><dd>\(HTML.escaped(pupil.fullName))</dd>
        <dt>UPN</dt><dd>\(HTML.escaped(recorded.upn ?? "not recorded"))</dd>
        <dt>Year group</dt><dd>\(pupil.yearGroup)</dd>
        <dt>School</dt><dd>\(HTML.escaped(loaded.attendanceCase.school.name)) (URN \(HTML.escaped(recorded.schoolURN ?? "not recorded")))</dd>
        </dl>
        <h2 id="figures">Attendance</h2>

        """
        if loaded.pupilRegister != nil {
            let figures = try loaded.figures(asOf: today)
            body += """
            <p>From the case's register, \(figures.from.iso) to \(figures.to.iso).</p>
            <table>
            <caption class="visually-hidden">Attendance figures</caption>
            <tbody>
            <tr><th scope="row">Attendance</th><td>\(figures.attendance) (\(figures.attendedSessions) of \(figures.possibleSessions) sessions)</td></tr>
            <tr><th scope="row">Authorised absence</th><td>\(figures.authorisedAbsenceSessions) sessions (\(figures.authorisedAbsence))</td></tr>
            <tr><th scope="row">Unauthorised absence</th><td>\(figures.unauthorisedAbsenceSessions) sessions (\(figures.unauthorisedAbsence))</td></tr>
            <tr><th scope="row">Unauthorised in the last \(figures.windowSchoolWeeks) school weeks</th><td>\(figures.unauthorisedInWindow) sessions (threshold \(figures.unauthorisedThresholdSessions))</td></tr>
            <tr><th scope="row">Persistent absence</th><td>\(figures.isPersistentlyAbsent ? "Yes" : "No")</td></tr>
            <tr><th scope="row">Severe absence</th><td>\(figures.isSeverelyAbsent ? "Yes" : "No")</td></tr>
            <tr><th scope="row">Tier</th><td>\(figures.tier.map(String.init) ?? "none")</td></tr>
            </tbody>
            </table>

            """
        } else {
            body += "<p>The case names no register, so there are no figures.</p>\n"
        }

        // The chronology: what the record and the case file show, by day.
        var events: [(day: String, order: Int, text: String)] = []
        for meeting in loaded.attendanceCase.meetings {
            events.append((meeting.date.iso, 0, "\(meeting.kind.description) held (\(meeting.casePath))"))
        }
        for document in issued {
            events.append((document.sentOn, 1, "\(document.kind) sent to \(document.recipientPath) by \(document.method)" + (document.archived ? "" : " (recorded without an archived copy)")))
        }
        for version in versions {
            events.append((String(version.recordedAt.prefix(10)), 2, "version \(version.version) of the case recorded by \(version.recordedBy): \(version.change)"))
        }
        let chronology = events.enumerated().sorted { ($0.element.day, $0.element.order, $0.offset) < ($1.element.day, $1.element.order, $1.offset) }
            .map { "<tr><td class=\"date\">\(HTML.escaped($0.element.day))</td><td>\(HTML.escaped($0.element.text))</td></tr>" }.joined(separator: "\n")
        body += """
        <h2 id="chronology">Chronology</h2>
        <table>
        <thead><tr><th scope="col">Date</th><th scope="col">What happened</th></tr></thead>
        <tbody>
        \(chronology)
        </tbody>
        </table>
        \(try readinessSection(loaded, reference: recorded.reference, issued: issued, asOf: today))
        <h2 id="documents">Documents issued</h2>

        """
        if issued.isEmpty {
            body += "<p>Nothing has been issued for this case yet.</p>\n"
        } else {
            var rows = ""
            for document in issued {
                let files = document.files.isEmpty ? "Recorded without an archived copy"
                    : document.files.map { file in
                        "<a href=\"/download?ref=\(HTML.query(recorded.reference))&amp;id=\(HTML.query(document.id))&amp;format=\(HTML.query(file.format))\" download>Download \(HTML.escaped(file.format.uppercased()))<span class=\"visually-hidden\"> of the \(HTML.escaped(document.kind)) to \(HTML.escaped(document.recipientPath))</span></a>"
                    }.joined(separator: "<br>")
                rows += "<tr><td>\(HTML.escaped(document.sentOn))</td><td>\(HTML.escaped(document.kind))</td><td>\(HTML.escaped(document.recipientPath))</td><td>\(HTML.escaped(document.method))\(document.deemedServedOn.map { ", deemed served \(HTML.escaped($0))" } ?? "")</td><td>\(HTML.escaped(document.issuedBy))</td><td>\(files)</td></tr>\n"
            }
            body += """
            <table>
            <thead><tr><th scope="col">Sent</th><th scope="col">Document</th><th scope="col">To</th><th scope="col">How</th><th scope="col">Issued by</th><th scope="col">Files</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>

            """
        }
        return page(.ok, PageLayout(title: "Case \(recorded.reference)", session: session), body)
    }

    /// An archived file of an issued document, byte for byte as archived. The file is found from
    /// the record's own rows (issue id and format), never from a path in the request.
    func download(_ request: Request) throws -> Response {
        let session = try signedInStaff(request, roles: [.schoolOffice, .attendanceTeam, .panelClerk])
        let parameters = request.uri.queryParameters
        let reference = parameters.get("ref") ?? "", id = parameters.get("id") ?? "", format = parameters.get("format") ?? ""
        let recorded = try visibleCase(reference, to: session)
        let issued = try fromWorkspace { () throws(WorkspaceError) in try workspace.issuedDocuments(for: recorded.reference) }
        guard let document = issued.first(where: { $0.id == id }), let file = document.files.first(where: { $0.format == format }) else {
            return notFound(session)
        }
        let bytes = try fromWorkspace { () throws(WorkspaceError) in try workspace.archivedBytes(of: file) }
        try log(session, "download", reference: recorded.reference, upn: recorded.upn,
                "the \(format) of the \(document.kind) to \(document.recipientPath) sent \(document.sentOn) (issue \(document.id))")
        let name = Self.downloadName("\(recorded.reference)-\(document.kind)-\(document.recipientID)-\(document.sentOn)", format: format)
        return Response(status: .ok, headers: [
            .contentType: Self.mediaType(format),
            .contentDisposition: "attachment; filename=\"\(name)\"",
            .cacheControl: "no-store",
            HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        ], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A file name of letters, digits, `-` and `.` only.
    static func downloadName(_ stem: String, format: String) -> String {
        let safe = stem.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") ? $0 : "-" }
        let ext = format.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        return String(safe) + "." + (ext == "text" ? "txt" : ext)
    }

    static func mediaType(_ format: String) -> String {
        switch format {
        case "pdf": "application/pdf"
        case "html": "text/html; charset=utf-8"
        case "text", "txt": "text/plain; charset=utf-8"
        case "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        default: "application/octet-stream"
        }
    }
}
