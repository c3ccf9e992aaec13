import AttendocIssuing
import AttendocPrograms
import AttendocValues
import AttendocWorkspace
import Foundation
import HTTPTypes
import Hummingbird

/// Register import by upload: a CSV register or a Common Transfer File, read and checked in full by
/// the same intake as `attendoc register import`; a refused file is shown with its problem by line
/// and pupil (UPN), and nothing of it is recorded.
extension AttendocSite {
    func registerForm(_ request: Request) throws -> Response {
        let session = try signedInStaff(request, roles: [.schoolOffice, .attendanceTeam])
        return registerPage(session, status: .ok)
    }

    func registerPage(_ session: StaffSession, status: HTTPResponse.Status, errors: [PageLayout.FieldError] = [], problems: [AttendocError] = [],
                      result: RegisterImportRecord? = nil) -> Response {
        var body = "<h1>Import a register</h1>\n"
        if let result {
            body += """
            <div class="panel" role="status"><h2>Register imported</h2>
            <p>\(HTML.escaped(result.fileName)) (import \(result.id)): \(result.pupils) pupil(s), \(result.marks) marks, \(result.newMarks) new, \(result.changedMarks) changed.</p>\(session.account.role == .schoolOffice ? "\n<p><a href=\"/batch\">See the letters due from it (the batch)</a></p>" : "")</div>

            """
        }
        if !problems.isEmpty {
            body += Self.problemsTable(problems)
            body += "<p>Nothing from this file was recorded. Correct the export and upload it again.</p>\n"
        }
        let error = errors.first { $0.field == "register" }
        body += """
        <form method="post" action="/register" enctype="multipart/form-data">
        <input type="hidden" name="csrf" value="\(HTML.escaped(session.csrfToken))">
        \(session.account.role == .attendanceTeam ? schoolField(errors.first { $0.field == "school" }) : "")
        <div class="form-group\(error == nil ? "" : " error")">
        <label for="register">Register export</label>
        <div id="register-hint" class="hint">A CSV register (upn,date,am,pm) or a Common Transfer File (.xml) from the school's information system</div>
        \(error.map { "<span id=\"register-error\" class=\"error-message\"><span class=\"visually-hidden\">Error:</span> \(HTML.escaped($0.message))</span>" } ?? "")
        <input id="register" name="register" type="file" accept=".csv,.xml" aria-describedby="register-hint\(error == nil ? "" : " register-error")">
        </div>
        <button type="submit" class="button">Import the register</button>
        </form>
        """
        return page(status, PageLayout(title: "Import a register", session: session, errors: errors), body)
    }

    /// The problems a register export's reading found, as a table: line, field (when the reader
    /// gave them) and the problem with what to do, never a row's contents.
    static func problemsTable(_ problems: [AttendocError]) -> String {
        // Line and field only when the reader gave them (a bad mark is named by pupil, day and
        // session in the problem itself); what to do on a line of its own.
        let lines = problems.contains { $0.location?.line != nil }, fields = problems.contains { $0.location?.field != nil }
        let head = (lines ? "<th scope=\"col\">Line</th>" : "") + (fields ? "<th scope=\"col\">Field</th>" : "") + "<th scope=\"col\">Problem</th>"
        let rows = problems.map { problem in
            (lines ? "<td>\(problem.location?.line.map(String.init) ?? "")</td>" : "")
                + (fields ? "<td>\(HTML.escaped(problem.location?.field ?? ""))</td>" : "")
                + "<td>\(HTML.escaped(problem.summary))\(problem.suggestion.map { "<div class=\"hint\">\(HTML.escaped(Self.sentence($0)))</div>" } ?? "")</td>"
        }
        return """
        <h2 id="problems">Problems in the file</h2>
        <table>
        <thead><tr>\(head)</tr></thead>
        <tbody>
        \(rows.map { "<tr>\($0)</tr>" }.joined(separator: "\n"))
        </tbody>
        </table>

        """
    }

    /// The school the export came from, for the attendance team (a school office's imports are its own school's).
    private func schoolField(_ error: PageLayout.FieldError?) -> String {
        """
        <div class="form-group\(error == nil ? "" : " error")">
        <label for="school">School (URN)</label>
        <div id="school-hint" class="hint">The 6-digit URN of the school the export came from, so that the school's pupils can be listed; may be left empty</div>
        \(error.map { "<span id=\"school-error\" class=\"error-message\"><span class=\"visually-hidden\">Error:</span> \(HTML.escaped($0.message))</span>" } ?? "")
        <input id="school" name="school" type="text" inputmode="numeric" aria-describedby="school-hint\(error == nil ? "" : " school-error")">
        </div>
        """
    }

    /// The error as the person who uploaded the file may read it: the file by the name it was
    /// uploaded with, never the server's temporary folder (an XML parser's message names the path).
    static func asUploaded(_ error: AttendocError, path: String, name: String) -> AttendocError {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        func clean(_ text: String) -> String {
            text.replacingOccurrences(of: path, with: name).replacingOccurrences(of: folder + "/", with: "").replacingOccurrences(of: folder, with: "")
        }
        let location = error.location.map {
            AttendocError.Location(file: clean($0.file), line: $0.line, column: $0.column, field: $0.field.map(clean))
        }
        return AttendocError(error.kind, clean(error.summary), at: location, suggestion: error.suggestion.map(clean))
    }

    /// A suggestion as a sentence of its own: a capital first letter.
    static func sentence(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    private func importRegister(_ file: URL, by session: StaffSession, school: String?) -> Result<RegisterImportRecord, AttendocError> {
        do {
            return .success(try RegisterIntake.importRegister(file, into: workspace, resources: resources, by: session.account.username, school: school))
        } catch {
            return .failure(error)
        }
    }

    func registerImport(_ request: Request) async throws -> Response {
        let session = try signedInStaff(request, roles: [.schoolOffice, .attendanceTeam])
        let upload: RegisterUpload
        switch await RegisterUpload.receive(request, largest: settings.largestUpload, token: { carriesToken($0, of: session) }) {
        case .success(let received): upload = received
        case .failure(.form): return refusedForm(session)
        case .failure(.file(let status, let message)): return registerPage(session, status: status, errors: [.init(field: "register", message: message)])
        }
        let school: String?
        if session.account.role == .schoolOffice {
            school = session.account.schoolURN
        } else {
            let typed = (upload.fields["school"] ?? "").trimmingCharacters(in: .whitespaces)
            guard typed.isEmpty || (typed.count == 6 && typed.allSatisfy { $0.isASCII && $0.isNumber }) else {
                return registerPage(session, status: .badRequest, errors: [.init(field: "school", message: "The school's URN must be exactly 6 digits, such as 149876")])
            }
            school = typed.isEmpty ? nil : typed
        }
        let safeName = upload.name
        let folder = try TemporaryFolder.make("upload")
        defer { TemporaryFolder.remove(folder) }
        let file = folder.appendingPathComponent(safeName)
        try TemporaryFolder.writePrivate(upload.bytes, to: file)
        switch importRegister(file, by: session, school: school) {
        case .success(let record):
            try log(session, "change", reference: nil, upn: nil,
                    "imported the register \(record.fileName)\(school.map { " of URN \($0)" } ?? "") (import \(record.id): \(record.pupils) pupil(s), \(record.marks) marks, \(record.changedMarks) changed)")
            return registerPage(session, status: .ok, result: record)
        case .failure(let error):
            guard error.kind == .register else { throw error }
            try log(session, "change", reference: nil, upn: nil, "a register upload \(safeName) was refused; nothing recorded")
            return registerPage(session, status: .unprocessableContent,
                                errors: [.init(field: "register", message: "The register could not be imported: see the problems below")],
                                problems: [Self.asUploaded(error, path: file.path, name: safeName)])
        }
    }
}
