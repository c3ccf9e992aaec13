import AttendocCaseModel
import AttendocCasework
import AttendocIssuing
import AttendocPrograms
import AttendocValues
import AttendocWorkspace
import Foundation
import HTTPTypes
import Hummingbird

/// Creating and editing a case through a form. The form writes the documented YAML case file;
/// the case file reader reads and checks it in full, as `attendoc case add` does; only then is
/// the file put in place and recorded as the case's newest version (`CaseIntake.add`, the command
/// line's own), access-logged as a change. A problem shows the reader's own message on its field,
/// and nothing is written or recorded.
///
/// A new case's file is kept in the workspace's `cases/` folder; an edited case's file is the one
/// the record names, rewritten in place.
extension AttendocSite {
    static let caseFormRoles: Set<StaffRole> = [.schoolOffice, .attendanceTeam]

    var casesFolder: URL { workspace.location.folder.appendingPathComponent("cases", isDirectory: true) }

    func newCaseForm(_ request: Request) throws -> Response {
        let session = try signedInStaff(request, roles: Self.caseFormRoles)
        var edit = try CaseFileEdit(yaml: nil)
        if session.account.role == .schoolOffice, let urn = session.account.schoolURN { edit.set("school.urn", .text(urn)) }
        return caseFormPage(session, edit: edit, existing: nil, status: .ok)
    }

    func editCaseForm(_ request: Request) throws -> Response {
        let session = try signedInStaff(request, roles: Self.caseFormRoles)
        let recorded = try visibleCase(request.uri.queryParameters.get("ref"), to: session)
        guard let latest = try fromWorkspace({ () throws(WorkspaceError) in try workspace.versions(of: recorded.reference) }).last else {
            return notFound(session)
        }
        try log(session, "view", reference: recorded.reference, upn: recorded.upn, "the case form (version \(latest.version))")
        let edit: CaseFileEdit
        do {
            edit = try CaseFileEdit(yaml: latest.yaml)
        } catch {
            return caseFormPage(session, edit: try CaseFileEdit(yaml: nil), existing: (recorded, latest), status: .unprocessableContent,
                                errors: [.init(field: "case-form", message: "The case file \(error.message)")])
        }
        return caseFormPage(session, edit: edit, existing: (recorded, latest), status: .ok)
    }

    func saveCase(_ request: Request) async throws -> Response {
        let session = try signedInStaff(request, roles: Self.caseFormRoles)
        let form = try await Self.form(request, upTo: 1024 * 1024)
        guard carriesToken(form, of: session) else { return refusedForm(session) }
        // One save at a time in this server, so that two saves from the same version cannot both
        // pass the check that the form is up to date.
        return try Self.saving.withLock { try saveCase(form, by: session) }
    }

    private static let saving = NSLock()

    private func saveCase(_ form: FormFields, by session: StaffSession) throws -> Response {
        let sections = caseFormSections()
        // Editing: the case must be one this account may see, and unchanged since the form was opened.
        var existing: (recorded: RecordedCase, latest: CaseVersion)?
        if let reference = form["case"] {
            let recorded = try visibleCase(reference, to: session)
            guard let latest = try fromWorkspace({ () throws(WorkspaceError) in try workspace.versions(of: recorded.reference) }).last else {
                return notFound(session)
            }
            existing = (recorded, latest)
        }
        var edit = try CaseFileEdit(yaml: existing?.latest.yaml)
        let editable = Self.editable(existing: existing != nil)
        CaseForm.apply(form, to: &edit, sections: sections, editable: editable)
        func refused(_ errors: [PageLayout.FieldError]) throws -> Response {
            try log(session, "change", reference: existing?.recorded.reference, upn: existing?.recorded.upn,
                    "a change to the case through the form was refused (\(errors.count) problem(s)); nothing recorded")
            return caseFormPage(session, edit: edit, existing: existing, status: .unprocessableContent, errors: errors)
        }
        if let existing {
            if form["version"] != String(existing.latest.version) {
                return try refused([.init(field: "case-form", message: "The case was changed (version \(existing.latest.version) recorded) since this form was opened; open the case again and make the change there")])
            }
            let onDisk = FileManager.default.contents(atPath: existing.recorded.sourcePath)
            if onDisk.map({ SHA256.hex($0) }) != existing.latest.sha256 {
                return try refused([.init(field: "case-form", message: "The case file has changes on the server that are not recorded; record them with attendoc case add first, then edit the case here")])
            }
        }
        let yaml = try edit.yaml()
        let folder = existing.map { URL(fileURLWithPath: $0.recorded.sourcePath).deletingLastPathComponent() } ?? casesFolder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let pending = folder.appendingPathComponent(".case-form-\(Self.newToken().prefix(16)).yaml")
        try TemporaryFolder.writePrivate(Data(yaml.utf8), to: pending)
        defer { try? FileManager.default.removeItem(at: pending) }
        // Read and checked in full, as every command reads a case file.
        let loaded: LoadedCase
        switch Result(catching: { () throws(AttendocError) in try LoadedCase.load(pending, resources: resources) }) {
        case .success(let found): loaded = found
        case .failure(let error):
            guard error.kind.isBadInput else { throw error }
            return try refused([caseFormError(error, pending: pending, isNew: existing == nil, paths: CaseForm.paths(sections, edit: edit))])
        }
        let attendanceCase = loaded.attendanceCase
        if session.account.role == .schoolOffice, attendanceCase.school.urn != session.account.schoolURN {
            return try refused([.init(field: CaseForm.id("school.urn"), message: "URN: a school office adds and changes the cases of its own school only (URN \(session.account.schoolURN ?? "none"))")])
        }
        // The attendance team sees only the cases referred to it, so a case it adds must record
        // the referral, or the team could not open the case it has just made.
        if session.account.role == .attendanceTeam, existing == nil, attendanceCase.referral == nil {
            return try refused([.init(field: CaseForm.id("referral.accepted_on"), message: "Accepted on: the attendance team adds only cases referred to it; give the day the local authority accepted the referral (and the day the school referred it)")])
        }
        let target: URL
        if let existing {
            guard attendanceCase.reference == existing.recorded.reference else {
                return try refused([.init(field: CaseForm.id("reference"), message: "Case reference: cannot be changed here")])
            }
            target = URL(fileURLWithPath: existing.recorded.sourcePath)
        } else {
            target = casesFolder.appendingPathComponent(FileName.caseFolder(attendanceCase.reference) + ".yaml")
            let known = try fromWorkspace { () throws(WorkspaceError) in try workspace.recordedCases() }
            if known.contains(where: { $0.reference == attendanceCase.reference }) || FileManager.default.fileExists(atPath: target.path) {
                return try refused([.init(field: CaseForm.id("reference"), message: "Case reference: a case with this reference is already in the record; choose another, or open that case and edit it")])
            }
        }
        // Put in place in one step (a rename in the same folder), then recorded as the command line records it.
        let earlier = existing.flatMap { _ in FileManager.default.contents(atPath: target.path) }
        guard rename(pending.path, target.path) == 0 else {
            throw AttendocError(.output, "cannot put the case file in place at \(target.path): \(String(cString: strerror(errno)))")
        }
        let recording: Workspace.CaseRecording
        do {
            // Checked again as it is recorded, against the record's newest version: another server
            // or the command line may have recorded one since this server's check above.
            recording = try CaseIntake.add(target, to: workspace, resources: resources, by: session.account.username,
                                           expectedVersion: existing?.latest.version ?? 0).recording
        } catch {
            // Not recorded: the file goes back to what it was.
            if let earlier { try? earlier.write(to: target, options: .atomic) } else { try? FileManager.default.removeItem(at: target) }
            if error.kind == .workspace {
                return try refused([.init(field: "case-form", message: "Not saved: \(error.summary). What you typed is below.")])
            }
            throw error
        }
        let what = recording.newVersion.map { "recorded version \($0) of the case through the form" } ?? "saved the case form with no change; nothing recorded"
        try log(session, "change", reference: attendanceCase.reference, upn: attendanceCase.pupil.upn?.text, what)
        return Self.redirect("/case?ref=\(HTML.query(attendanceCase.reference))")
    }

    /// A recorded version of the case file, byte for byte as recorded (the newest unless `version`
    /// names another): the documented YAML, to keep or to edit by hand.
    func caseFileDownload(_ request: Request) throws -> Response {
        let session = try signedInStaff(request, roles: [.schoolOffice, .attendanceTeam, .panelClerk])
        let recorded = try visibleCase(request.uri.queryParameters.get("ref"), to: session)
        let versions = try fromWorkspace { () throws(WorkspaceError) in try workspace.versions(of: recorded.reference) }
        let asked = request.uri.queryParameters.get("version")
        guard let version = asked.map({ asked in versions.first { String($0.version) == asked } }) ?? versions.last else { return notFound(session) }
        try log(session, "download", reference: recorded.reference, upn: recorded.upn, "the case file, version \(version.version) (sha256 \(version.sha256.prefix(12)))")
        let name = Self.downloadName("\(FileName.caseFolder(recorded.reference))-version-\(version.version)", format: "yaml")
        return Response(status: .ok, headers: [
            .contentType: "application/yaml; charset=utf-8",
            .contentDisposition: "attachment; filename=\"\(name)\"",
            .cacheControl: "no-store",
            HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        ], body: ResponseBody(byteBuffer: ByteBuffer(bytes: Data(version.yaml.utf8))))
    }

    // MARK: the page

    func caseFormSections() -> [CaseForm.Section] {
        CaseForm.sections(policies: policyNames())
    }

    /// The policies in the resources' policies/ folder, by name.
    func policyNames() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: resources.policies.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// On an edit the reference is the case's own and is not changed.
    static func editable(existing: Bool) -> (String) -> Bool {
        { path in !(existing && path == "reference") }
    }


    /// The reader's problem as the form shows it: on the field it names, in the reader's words,
    /// without the server's paths.
    private func caseFormError(_ error: AttendocError, pending: URL, isNew: Bool, paths: [String]) -> PageLayout.FieldError {
        // The case file's folder by what it is, never by its path on the server.
        let folder = pending.deletingLastPathComponent().path
        let place = isNew ? "the workspace's cases folder" : "the folder the case file is kept in"
        func clean(_ text: String) -> String {
            text.replacingOccurrences(of: pending.path, with: "the case file").replacingOccurrences(of: folder + "/", with: "")
                .replacingOccurrences(of: folder, with: place)
                .replacingOccurrences(of: resources.root.path + "/", with: "").replacingOccurrences(of: resources.root.path, with: "Attendoc's resources")
        }
        let cleaned = AttendocError(error.kind, clean(error.summary), at: error.location, suggestion: error.suggestion.map(clean))
        var summary = cleaned.summary
        let named = cleaned.location?.field ?? (error.kind == .register ? "register.file" : error.kind == .policy ? "policy" : nil)
        if let suggestion = cleaned.suggestion, error.kind != .caseFile { summary += " (\(suggestion))" }
        guard let named, let field = CaseForm.field(for: named, among: paths) else {
            return .init(field: "case-form", message: "The case file: \(summary)")
        }
        return .init(field: CaseForm.id(field), message: "\(named): \(summary)")
    }

    func caseFormPage(_ session: StaffSession, edit: CaseFileEdit, existing: (recorded: RecordedCase, latest: CaseVersion)?,
                      status: HTTPResponse.Status, errors: [PageLayout.FieldError] = []) -> Response {
        let title = existing.map { "Edit case \($0.recorded.reference)" } ?? "Add a case"
        var hidden = "<input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escaped(session.csrfToken))\">\n"
        if let existing {
            hidden += "<input type=\"hidden\" name=\"case\" value=\"\(HTML.escaped(existing.recorded.reference))\">\n"
            hidden += "<input type=\"hidden\" name=\"version\" value=\"\(existing.latest.version)\">\n"
        }
        let intro = existing.map {
            "<p>Version \($0.latest.version) of the case file, recorded \(HTML.escaped($0.latest.recordedAt)) by \(HTML.escaped($0.latest.recordedBy)). Saving records a new version; what the form does not show (the letters issued, anything written in the YAML as more than text) is kept as it is, and so are the comments of a section left unchanged. <a href=\"/case/yaml?ref=\(HTML.query($0.recorded.reference))\">Download the case file (YAML)</a></p>"
        } ?? "<p>Fill in what you know; fields marked optional may be left empty. The case is checked in full when you save it, and recorded as its first version.</p>"
        let general = errors.first { $0.field == "case-form" }
        let body = """
        <h1>\(HTML.escaped(title))</h1>
        \(intro)
        <form method="post" action="/case/save" id="case-form" novalidate>
        \(hidden)\(general.map { "<p class=\"error-message\" id=\"case-form-error\"><span class=\"visually-hidden\">Error:</span> \(HTML.escaped($0.message))</p>\n" } ?? "")\
        \(CaseForm.html(caseFormSections(), edit, errors: errors, editable: Self.editable(existing: existing != nil)))\
        \(CaseFormLettersIssued.html(edit, reference: existing?.recorded.reference))
        <button type="submit" class="button">\(existing == nil ? "Add the case" : "Save the case")</button>
        </form>
        """
        return page(status, PageLayout(title: title, session: session, errors: errors), body)
    }
}
