import AttendocDocuments
import AttendocIssuing
import AttendocValues
import AttendocWorkspace
import Foundation
import HTTPTypes
import Hummingbird

/// The school's batch, for its office, as `attendoc batch` makes it (`SchoolBatchRun`): the list
/// of the school's pupils with their figures and the letter due (the dry run), from the school's
/// latest register import or from an export uploaded on the screen itself (kept until its run,
/// `BatchUpload`; a file it cannot read is shown with its problems by line and pupil), adjusted
/// (only these pupils, leave these out, and a box per pupil whose letter is due), then run: every
/// ticked pupil's letter issued into the record (an uploaded Common Transfer File's export imported
/// first, and the case of a ticked pupil who has none made from its contacts), progress shown, and
/// the print PDF of every letter issued (and the run's summary) archived with the run, to download.
/// Each run is recorded in the workspace from its start (running, finished, failed, or interrupted
/// when its program stopped), the command line's runs with the screen's. The run goes on off the
/// server's threads; a page waits for it no longer than the settings' limit. A school office sees
/// and runs its own school's batch only.
extension AttendocSite {
    static let batchRoles: Set<StaffRole> = [.schoolOffice]

    /// GET /batch: the choices, the runs recorded; with `list=1`, the list to check (from the
    /// upload the address names, if it does).
    func batchPage(_ request: Request) throws -> Response {
        let session = try signedInStaff(request, roles: Self.batchRoles)
        let fields = FormFields(urlEncoded: request.uri.query ?? "")
        let choices = BatchChoices(fields)
        let school = session.account.schoolURN ?? ""
        var upload: BatchUpload?
        if !choices.upload.isEmpty {
            upload = BatchUpload.find(choices.upload, school: school, in: workspace.location.folder)
            guard upload != nil else {
                return try batchScreen(session, BatchChoices(FormFields(urlEncoded: "")), status: .unprocessableContent, errors: [Self.uploadGone])
            }
        }
        return try batchScreen(session, choices, status: .ok, listing: fields["list"] != nil, upload: upload)
    }

    static let uploadGone = PageLayout.FieldError(field: "register", message: "The export uploaded for this list is no longer kept (a newer one was uploaded, or its batch has run): upload it again")

    /// POST /batch/upload: an export for the batch, read as the run will read it; the list from it
    /// to check, or the file's problems by line and pupil (and nothing kept).
    func uploadBatchRegister(_ request: Request) async throws -> Response {
        let session = try signedInStaff(request, roles: Self.batchRoles)
        let received: RegisterUpload
        switch await RegisterUpload.receive(request, largest: settings.largestUpload, token: { carriesToken($0, of: session) }) {
        case .success(let upload): received = upload
        case .failure(.form): return refusedForm(session)
        case .failure(.file(let status, let message)):
            return try batchScreen(session, BatchChoices(FormFields(urlEncoded: "")), status: status, errors: [.init(field: "register", message: message)])
        }
        let school = session.account.schoolURN ?? ""
        let upload = try BatchUpload.keep(received.bytes, name: received.name, school: school, in: workspace.location.folder)
        var choices = BatchChoices(received.fields)
        choices.upload = upload.token
        let settings = SchoolBatchRun.Settings(asOf: clock.today, school: school, by: session.account.username)
        let batch = SchoolBatchRun(workspace: workspace, resources: resources)
        let read = Result { () throws(AttendocError) in try batch.list(.export(upload.file), settings) }
        if case .failure(let error) = read {
            upload.remove()
            guard error.kind == .register else { throw error }
            try log(session, "view", reference: nil, upn: nil, "a register export \(received.name) uploaded for the batch of URN \(school) was refused; nothing kept")
            return try batchScreen(session, BatchChoices(FormFields(urlEncoded: "")), status: .unprocessableContent,
                                   errors: [.init(field: "register", message: "The export could not be read: see the problems below")],
                                   problems: [Self.asUploaded(error, path: upload.file.path, name: received.name)])
        }
        return try batchScreen(session, choices, status: .ok, listing: true, upload: upload)
    }

    /// The screen: what is running, the register, the upload, the choices, the list when asked
    /// for, the runs.
    private func batchScreen(_ session: StaffSession, _ choices: BatchChoices, status: HTTPResponse.Status, listing wanted: Bool = false,
                             errors given: [PageLayout.FieldError] = [], problems: [AttendocError] = [], upload: BatchUpload? = nil) throws -> Response {
        var errors = given
        let school = session.account.schoolURN ?? ""
        let today = clock.today
        let runs = try fromWorkspace { () throws(WorkspaceError) in try workspace.batchRuns(school: school) }
        let names = try batchNames(school, upload: upload)
        var body = "<h1>Letters due for the school: the batch</h1>\n" + runStatus(runs.first, names: names)
        let held = try fromWorkspace({ () throws(WorkspaceError) in try workspace.latestRegisterImport(school: school) })
        if let upload {
            body += "<p>The register: the export you uploaded, \(HTML.escaped(upload.name)). It is imported into the record when the batch runs.</p>\n"
        } else if let held {
            body += """
            <p>The register: the school's latest import, \(HTML.escaped(held.record.fileName)) (import \(held.record.id), \(HTML.escaped(String(held.record.importedAt.prefix(10)))), \
            \(held.pupils.count) pupil(s)), with the marks the record holds for them. If the school has a newer export, upload it below.</p>

            """
        } else {
            body += "<p>The record holds no register import for URN \(HTML.escaped(school)) that says which school it came from. "
                + "Upload the school's export below, or <a href=\"/register\">import the school's register</a> first: the batch lists its pupils.</p>\n"
        }
        body += "<p>The batch issues each pupil's \(HTML.escaped(SchoolBatch.kind.title.lowercased())) when their attendance is under the policy's persistent-absence share and the record holds none since the figures' first day; "
            + "the letters are dated and sent \(HTML.escaped(today.longForm)).</p>\n"
        body += uploadForm(session, errors: errors, problems: problems)
        guard upload != nil || held != nil else {
            try log(session, "view", reference: nil, upn: nil, "the batch screen (no register import for URN \(school))")
            return page(errors.isEmpty ? status : (status == .ok ? .unprocessableContent : status), PageLayout(title: "Batch", session: session, errors: errors),
                        body + runsTable(runs))
        }
        var listed: SchoolBatchRun.Listing?
        if wanted {
            let known = upload == nil ? held.map { Set($0.pupils.map(\.upn)) } : nil
            switch choices.settings(asOf: today, school: school, by: session.account.username, policies: policyNames(), registerUPNs: known) {
            case .success(let settings):
                let found = try SchoolBatchRun(workspace: workspace, resources: resources).list(upload.map { .export($0.file) } ?? .latestImport(school: school), settings)
                if let found, upload != nil, case .failure(let problems) = choices.inRegister(Set(found.entries.map(\.upn))) {
                    errors = problems.fields + errors
                } else {
                    listed = found
                }
            case .failure(let problems):
                errors = problems.fields + errors
            }
        }
        body += choicesForm(choices, errors: errors)
        if let listed {
            try log(session, "view", reference: nil, upn: nil,
                    "the batch list of URN \(school) from \(upload.map { "the uploaded export \($0.name)" } ?? "register import \(held?.record.id ?? 0)") as of \(today.iso): \(listed.pupils) pupil(s), \(listed.due) letter(s) due")
            body += try listTable(listed, choices, session: session, names: names, errors: errors, canMakeCases: upload != nil)
        } else if !wanted {
            try log(session, "view", reference: nil, upn: nil, "the batch screen of URN \(school)")
        }
        body += runsTable(runs)
        return page(errors.isEmpty ? status : (status == .ok ? .unprocessableContent : status), PageLayout(title: "Batch", session: session, errors: errors), body)
    }

    /// What the school's newest run is doing, or how it ended when that needs saying.
    private func runStatus(_ run: BatchRunRecord?, names: [String: String]) -> String {
        guard let run else { return "" }
        let from = run.startedFrom == "screen" ? "from this screen" : "from the command line (attendoc batch)"
        switch run.state {
        case .running:
            return "<div class=\"panel\" id=\"progress\" role=\"status\"><h2>A batch is running now</h2><p>Started \(from) by \(HTML.escaped(run.runBy)): \(run.done) of \(run.of) pupils' letters done. "
                + "<a href=\"/batch#progress\">Look again</a> for its progress; when it has finished, its print PDF is under “Batch runs” below.</p></div>\n"
        case .failed:
            return "<p class=\"error-message\" id=\"progress\">The last batch run failed: \(HTML.escaped(Self.batchReason(run.problem ?? "", paths: names)))</p>\n"
        case .interrupted:
            return """
            <div class="panel" id="progress" role="status"><h2>The last batch run was interrupted</h2><p>The program running it (started \(from) by \(HTML.escaped(run.runBy))) stopped \
            before the run ended, when \(run.done) of \(run.of) pupils' letters were recorded as done. Every letter issued before it stopped is in the record, whole; \
            none is half-written, and the run has no print PDF. Make the list again and run it: the letters not yet issued are issued, and none twice.</p></div>

            """
        case .finished:
            return run.problem.map { "<p class=\"error-message\" id=\"progress\">The last batch run: \(HTML.escaped(Self.batchReason($0, paths: names)))</p>\n" } ?? ""
        }
    }

    /// The field that uploads an export for the batch, with the problems of one that could not be read.
    private func uploadForm(_ session: StaffSession, errors: [PageLayout.FieldError], problems: [AttendocError]) -> String {
        let error = errors.first { $0.field == "register" }
        var out = "<h2 id=\"upload\">Use a new register export</h2>\n"
        if !problems.isEmpty {
            out += Self.problemsTable(problems).replacingOccurrences(of: "<h2 id=\"problems\">", with: "<h3 id=\"problems\">").replacingOccurrences(of: "</h2>", with: "</h3>")
                + "<p>Nothing from this file was kept or recorded. Correct the export and upload it again.</p>\n"
        }
        return out + """
        <form method="post" action="/batch/upload" enctype="multipart/form-data">
        <input type="hidden" name="csrf" value="\(HTML.escaped(session.csrfToken))">
        <div class="form-group\(error == nil ? "" : " error")">
        <label for="register">Register export</label>
        <div id="register-hint" class="hint">A CSV register or a Common Transfer File (.xml) from the school's information system. It is read now for the list, and imported into the record only when the batch runs. \
        From a Common Transfer File, a pupil with no case can have one made from the file's record of the pupil and their contacts</div>
        \(error.map { "<span id=\"register-error\" class=\"error-message\"><span class=\"visually-hidden\">Error:</span> \(HTML.escaped($0.message))</span>" } ?? "")
        <input id="register" name="register" type="file" accept=".csv,.xml" aria-describedby="register-hint\(error == nil ? "" : " register-error")">
        </div>
        <button type="submit" class="button">Upload and show the list</button>
        </form>

        """
    }

    private func choicesForm(_ choices: BatchChoices, errors: [PageLayout.FieldError]) -> String {
        func error(_ field: String) -> PageLayout.FieldError? { errors.first { $0.field == field } }
        func message(_ field: String) -> String {
            error(field).map { "<span id=\"\(field)-error\" class=\"error-message\"><span class=\"visually-hidden\">Error:</span> \(HTML.escaped($0.message))</span>\n" } ?? ""
        }
        func group(_ field: String) -> String { "form-group" + (error(field) == nil ? "" : " error") }
        func described(_ field: String) -> String { "\(field)-hint" + (error(field) == nil ? "" : " \(field)-error") }
        let policies = [("", "The one the school's cases share")] + policyNames().map { ($0, $0) }
        let options = policies.map { "<option value=\"\(HTML.escaped($0.0))\"\($0.0 == choices.policy ? " selected" : "")>\(HTML.escaped($0.1))</option>" }.joined()
        return """
        <h2 id="choices">Make the list</h2>
        <form method="get" action="/batch#list">
        <input type="hidden" name="list" value="1">
        \(choices.upload.isEmpty ? "" : "<input type=\"hidden\" name=\"upload\" value=\"\(HTML.escaped(choices.upload))\">")
        <div class="\(group("policy"))">
        <label for="policy">Policy for pupils with no case yet</label>
        <div id="policy-hint" class="hint">A pupil with a case is judged by the policy the case names</div>
        \(message("policy"))<select id="policy" name="policy" aria-describedby="\(described("policy"))">\(options)</select>
        </div>
        <div class="\(group("only"))">
        <label for="only">Only these pupils (optional)</label>
        <div id="only-hint" class="hint">UPNs, separated by commas or spaces, such as A123456789012; leave empty for every pupil</div>
        \(message("only"))<input id="only" name="only" type="text" value="\(HTML.escaped(choices.only))" aria-describedby="\(described("only"))">
        </div>
        <div class="\(group("skip"))">
        <label for="skip">Leave out these pupils (optional)</label>
        <div id="skip-hint" class="hint">UPNs, separated by commas or spaces</div>
        \(message("skip"))<input id="skip" name="skip" type="text" value="\(HTML.escaped(choices.skip))" aria-describedby="\(described("skip"))">
        </div>
        <button type="submit" class="button">Show the list</button>
        </form>

        """
    }

    /// The list to check, inside the form that runs it: a box per pupil whose letter is due.
    private func listTable(_ listed: SchoolBatchRun.Listing, _ choices: BatchChoices, session: StaffSession, names paths: [String: String],
                           errors: [PageLayout.FieldError], canMakeCases: Bool) throws -> String {
        var rows = ""
        for entry in listed.entries {
            let figures = entry.figures
            let box: String
            if entry.decision == .due || (canMakeCases && Self.caseCanBeMade(entry)) {
                let id = "pupil-\(entry.upn)"
                box = "<input type=\"hidden\" name=\"due-\(HTML.escaped(entry.upn))\" value=\"yes\">"
                    + "<div class=\"choice\"><input type=\"checkbox\" id=\"\(HTML.escaped(id))\" name=\"\(HTML.escaped(id))\" value=\"yes\"\(choices.unticked.contains(entry.upn) ? "" : " checked")>"
                    + "<label for=\"\(HTML.escaped(id))\">Issue<span class=\"visually-hidden\"> the letter for \(HTML.escaped(entry.upn))</span></label></div>"
            } else {
                box = ""
            }
            rows += """
            <tr><td>\(HTML.escaped(entry.upn))</td><td>\(entry.reference.map { "<a href=\"/case?ref=\(HTML.query($0))\">\(HTML.escaped($0))</a>" } ?? "no case")</td>\
            <td>\(figures.map { $0.attendance.display } ?? "")</td><td>\(figures.map { String($0.possibleSessions) } ?? "")</td>\
            <td>\(figures.map { String($0.unauthorisedAbsenceSessions) } ?? "")</td>\
            <td>\(HTML.escaped(Self.batchWords(entry, paths: paths, canMakeCases: canMakeCases)))</td><td>\(HTML.escaped(entry.recipients.joined(separator: ", ")))</td><td>\(box)</td></tr>

            """
        }
        let due = listed.due + (canMakeCases ? listed.entries.filter(Self.caseCanBeMade).count : 0)
        let listError = errors.first { $0.field.hasPrefix("pupil-") || $0.field == "list" }
        let methods = ["post", "hand", "email"].map { method in
            "<div class=\"choice\"><input id=\"method-\(method)\" name=\"method\" type=\"radio\" value=\"\(method)\"\(choices.method == method ? " checked" : "")>"
                + "<label for=\"method-\(method)\">\(method == "post" ? "Post" : method == "hand" ? "By hand" : "Email")</label></div>"
        }.joined(separator: "\n")
        let formats = BatchChoices.formatNames.map { name in
            "<div class=\"choice\"><input id=\"format-\(name)\" name=\"format-\(name)\" type=\"checkbox\" value=\"yes\"\(choices.formats.contains(name) ? " checked" : "")>"
                + "<label for=\"format-\(name)\">\(name.uppercased())</label></div>"
        }.joined(separator: "\n")
        let formatError = errors.first { $0.field == "format-pdf" }
        var out = """
        <h2 id="list">The list, as of \(HTML.escaped(clock.today.longForm))</h2>
        <p>\(listed.pupils) pupil(s), \(due) letter(s) due. Check each line; untick a pupil to leave them out of this run.</p>
        \(listed.warnings.map { "<p>Warning: \(HTML.escaped(Self.batchReason($0, paths: paths)))</p>\n" }.joined())
        """
        out += """
        <form method="post" action="/batch">
        <input type="hidden" name="csrf" value="\(HTML.escaped(session.csrfToken))">
        \(choices.hiddenFields())
        <div class="form-group\(listError == nil ? "" : " error")">
        \(listError.map { "<span id=\"list-error\" class=\"error-message\"><span class=\"visually-hidden\">Error:</span> \(HTML.escaped($0.message))</span>\n" } ?? "")<table class="pupils">
        <caption class="visually-hidden">Each pupil of the register and what the batch does for them</caption>
        <thead><tr><th scope="col">UPN</th><th scope="col">Case</th><th scope="col">Attendance</th><th scope="col">Possible sessions</th>\
        <th scope="col">Unauthorised sessions</th><th scope="col">Document</th><th scope="col">Recipients</th><th scope="col">In this run</th></tr></thead>
        <tbody>
        \(rows)</tbody>
        </table>
        </div>

        """
        if due > 0 {
            out += """
            <fieldset class="form-group">
            <legend>How the letters are sent</legend>
            \(methods)
            </fieldset>
            <fieldset class="form-group\(formatError == nil ? "" : " error")" aria-describedby="formats-hint\(formatError == nil ? "" : " format-pdf-error")">
            <legend>Files to archive for each copy</legend>
            <div id="formats-hint" class="hint">The exact files recorded as sent. The print PDF of every letter, in list order and ready to print on both sides, is made either way</div>
            \(formatError.map { "<span id=\"format-pdf-error\" class=\"error-message\"><span class=\"visually-hidden\">Error:</span> \(HTML.escaped($0.message))</span>\n" } ?? "")\(formats)
            </fieldset>
            <button type="submit" class="button">Issue the ticked letters</button>

            """
        } else {
            out += "<p>No letter is due: there is nothing to run.</p>\n"
        }
        return out + "</form>\n"
    }

    private func runsTable(_ runs: [BatchRunRecord]) -> String {
        guard !runs.isEmpty else { return "<h2 id=\"runs\">Batch runs</h2>\n<p>No batch has been run for this school yet.</p>\n" }
        let rows = runs.map { run in
            let links = run.files.map { file in
                "<a href=\"/batch/download?run=\(HTML.query(run.id))&amp;format=\(HTML.query(file.format))\" download>\(file.format == "pdf" ? "Print PDF" : "Summary (CSV)")<span class=\"visually-hidden\"> of the run of \(HTML.escaped(run.recordedAt))</span></a>"
            }.joined(separator: " ")
            let state = switch run.state {
            case .finished: "Finished"
            case .running: "Running: \(run.done) of \(run.of) done"
            case .failed: "Failed"
            case .interrupted: "Interrupted after \(run.done) of \(run.of)"
            }
            let counts = run.state == .finished ? "<td>\(run.pupils)</td><td>\(run.due)</td><td>\(run.issued)</td><td>\(run.skipped)</td>" : "<td></td><td></td><td></td><td></td>"
            return "<tr><td>\(HTML.escaped(run.recordedAt.prefix(16).replacingOccurrences(of: "T", with: " "))) UTC</td>"
                + "<td>\(run.startedFrom == "screen" ? "This screen" : "Command line")</td><td>\(HTML.escaped(run.registerName ?? "latest import"))</td>"
                + "<td>\(HTML.escaped(run.asOf))</td><td>\(HTML.escaped(run.runBy))</td><td>\(state)</td>"
                + counts + "<td>\(links)</td></tr>"
        }
        return """
        <h2 id="runs">Batch runs</h2>
        <table>
        <thead><tr><th scope="col">Started</th><th scope="col">From</th><th scope="col">Register</th><th scope="col">As of</th><th scope="col">By</th><th scope="col">State</th>\
        <th scope="col">Pupils</th><th scope="col">Due</th><th scope="col">Issued</th><th scope="col">Skipped</th><th scope="col">Files</th></tr></thead>
        <tbody>
        \(rows.joined(separator: "\n"))
        </tbody>
        </table>

        """
    }

    /// POST /batch: runs the list as ticked, waiting no longer than the settings' limit.
    func runBatch(_ request: Request) async throws -> Response {
        let session = try signedInStaff(request, roles: Self.batchRoles)
        let fields = try await Self.form(request, upTo: 1024 * 1024)
        guard carriesToken(fields, of: session) else { return refusedForm(session) }
        let choices = BatchChoices(fields)
        let school = session.account.schoolURN ?? ""
        let today = clock.today
        var upload: BatchUpload?
        if !choices.upload.isEmpty {
            upload = BatchUpload.find(choices.upload, school: school, in: workspace.location.folder)
            guard upload != nil else { return try batchScreen(session, BatchChoices(FormFields(urlEncoded: "")), status: .unprocessableContent, errors: [Self.uploadGone]) }
        }
        let held = try fromWorkspace({ () throws(WorkspaceError) in try workspace.latestRegisterImport(school: school) })
        guard upload != nil || held != nil else { return try batchScreen(session, choices, status: .unprocessableContent) }
        var settings: SchoolBatchRun.Settings
        let known = upload == nil ? held.map { Set($0.pupils.map(\.upn)) } : nil
        switch choices.settings(asOf: today, school: school, by: session.account.username, policies: policyNames(), registerUPNs: known) {
        case .success(let made): settings = made
        case .failure(let problems): return try batchScreen(session, choices, status: .unprocessableContent, errors: problems.fields, upload: upload)
        }
        if case .failure(let problems) = choices.sending(&settings) {
            return try batchScreen(session, choices, status: .unprocessableContent, listing: true, errors: problems.fields, upload: upload)
        }
        settings.print = true
        settings.keepInRecord = true
        settings.startedFrom = "screen"
        if let upload {
            settings.registerName = upload.name
            // A ticked pupil with no case has it made from the export's contacts, in the workspace's cases folder.
            settings.newCases = casesFolder
        }
        let batch = SchoolBatchRun(workspace: workspace, resources: resources)
        guard var listing = try batch.list(upload.map { .export($0.file) } ?? .latestImport(school: school), settings) else {
            return try batchScreen(session, choices, status: .unprocessableContent)
        }
        // A pupil is issued only when the office ticked them on the list it checked: one due now
        // but not on that list (the record changed since) is left out too; so is a pupil with no
        // case whose case was not ticked to be made.
        var ticked = 0
        for index in listing.entries.indices where listing.entries[index].decision == .due || (upload != nil && Self.caseCanBeMade(listing.entries[index])) {
            if fields["pupil-\(listing.entries[index].upn)"] == nil {
                listing.entries[index].decision = .leftOut
            } else {
                ticked += 1
            }
        }
        guard ticked > 0 else {
            let first = listing.entries.first { $0.decision == .leftOut && fields["due-\($0.upn)"] != nil }
            return try batchScreen(session, choices, status: .unprocessableContent, listing: true,
                                   errors: [.init(field: first.map { "pupil-\($0.upn)" } ?? "list", message: "Tick at least one pupil whose letter is to be issued")], upload: upload)
        }
        let paths = try batchNames(school, upload: upload)
        let underWay: BatchRunUnderWay
        do {
            underWay = try batch.begin(listing, settings)
        } catch {
            return try batchScreen(session, choices, status: .conflict, listing: true,
                                   errors: [.init(field: "list", message: "The batch did not start: " + Self.batchReason(error, paths: paths))], upload: upload)
        }
        let (record, productFiles, site, kept) = (workspace, resources, self, upload)
        let (ready, chosen) = (listing, settings)
        let outcome = await SlowWork.run(timeLimit: self.settings.slowWorkLimit, { () throws(AttendocError) in
            try SchoolBatchRun(workspace: record, resources: productFiles).run(ready, chosen, underWay: underWay)
        }, whenDone: { result in
            switch result {
            case .success(let done):
                for entry in done.entries where entry.caseMadeFromContacts {
                    try? site.log(session, "change", reference: entry.reference, upn: entry.upn,
                                  "made the case from the uploaded export's record of the pupil and their contacts (\(chosen.registerName ?? ""))")
                }
                for item in done.outcomes where !item.issued.isEmpty {
                    try? site.log(session, "change", reference: item.entry.reference, upn: item.entry.upn,
                                  "issued the \(SchoolBatch.kind.rawValue) to \(item.issued.map(\.recipientPath).joined(separator: ", ")) by the school's batch (\(chosen.method.rawValue), \(chosen.asOf.iso))")
                }
                try? site.log(session, "change", reference: nil, upn: nil,
                              "ran the batch of URN \(school) as of \(chosen.asOf.iso): issued \(done.issued), skipped \(done.skipped), of \(done.due) due\(done.recorded.map { " (run \($0.id))" } ?? "")")
                kept?.remove()
            case .failure(let error):
                try? site.log(session, "change", reference: nil, upn: nil, "a batch run of URN \(school) as of \(chosen.asOf.iso) failed: \(error.summary)")
            }
        })
        switch outcome {
        case .finished(.success(let done)):
            return batchDone(session, done, paths: paths)
        case .finished(.failure(let error)):
            return try batchScreen(session, choices, status: .unprocessableContent, listing: true,
                                   errors: [.init(field: "list", message: "The batch did not run: " + Self.batchReason(error, paths: paths))], upload: upload)
        case .stillRunning:
            let running = try? workspace.batchRuns(school: school).first { $0.id == underWay.id }
            return page(.accepted, PageLayout(title: "Still running", session: session), """
            <h1>The batch is still running</h1>
            <p role="status">\(running.map { "\($0.done) of \($0.of) pupils' letters done so far. " } ?? "")It goes on: each pupil's letter is issued whole, or not at all. \
            <a href="/batch#progress">Look again in a minute</a>; when it has finished, its print PDF is under “Batch runs”.</p>
            """)
        }
    }

    /// The page after a run: what was issued, what was skipped and why, the downloads.
    private func batchDone(_ session: StaffSession, _ done: SchoolBatchRun.Outcome, paths: [String: String]) -> Response {
        var body = "<h1>Batch run: letters issued</h1>\n"
        let downloads = done.recorded.map { run in
            run.files.sorted { $0.format > $1.format }.map { file in
                "<a href=\"/batch/download?run=\(HTML.query(run.id))&amp;format=\(HTML.query(file.format))\" download>\(file.format == "pdf" ? "Download the print PDF (every letter, in list order, ready to print on both sides)" : "Download the summary (CSV)")</a>"
            }.map { "<li>\($0)</li>" }.joined()
        } ?? ""
        body += """
        <div class="panel" role="status"><h2>Issued \(done.issued), skipped \(done.skipped), of \(done.due) due</h2>
        \(done.printProblem.map { "<p class=\"error-message\">The print PDF could not be made: \(HTML.escaped(Self.batchReason(String(describing: $0), paths: paths)))</p>" } ?? "")
        <ul>\(downloads)</ul></div>

        """
        let rows = done.outcomes.filter { !$0.issued.isEmpty || $0.skippedBecause != nil }.map { item in
            let what = !item.issued.isEmpty ? "Issued to \(item.issued.map(\.recipientPath).joined(separator: ", "))" : "Skipped: " + Self.batchReason(item.skippedBecause ?? "", paths: paths)
            return "<tr><td>\(HTML.escaped(item.entry.upn))</td><td>\(item.entry.reference.map { "<a href=\"/case?ref=\(HTML.query($0))\">\(HTML.escaped($0))</a>" } ?? "no case")</td><td>\(HTML.escaped(what))</td></tr>"
        }
        if !rows.isEmpty {
            body += """
            <table>
            <thead><tr><th scope="col">UPN</th><th scope="col">Case</th><th scope="col">Outcome</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>

            """
        }
        body += "<p><a href=\"/batch#runs\">Back to the batch</a></p>\n"
        return page(.ok, PageLayout(title: "Batch run", session: session), body)
    }

    /// GET /batch/download?run=…&format=pdf|csv: a run's archived print PDF or summary, found from
    /// the record's rows of the office's own school, checked against its SHA-256.
    func downloadBatchFile(_ request: Request) throws -> Response {
        let session = try signedInStaff(request, roles: Self.batchRoles)
        let parameters = request.uri.queryParameters
        let id = parameters.get("run") ?? "", format = parameters.get("format") ?? ""
        let school = session.account.schoolURN ?? ""
        let runs = try fromWorkspace { () throws(WorkspaceError) in try workspace.batchRuns(school: school) }
        guard let run = runs.first(where: { $0.id == id }), let file = run.files.first(where: { $0.format == format }) else { return notFound(session) }
        let bytes = try fromWorkspace { () throws(WorkspaceError) in try workspace.archivedBytes(of: file) }
        try log(session, "download", reference: nil, upn: nil,
                "the \(format == "pdf" ? "print PDF" : "summary") of the batch run \(run.id) of URN \(school) as of \(run.asOf) (\(run.issued) pupil(s) issued)")
        return Response(status: .ok, headers: [
            .contentType: format == "pdf" ? "application/pdf" : "text/csv; charset=utf-8",
            .contentDisposition: "attachment; filename=\"\(Self.downloadName("batch-\(school)-\(run.asOf)-\(format == "pdf" ? "print" : "summary")", format: format))\"",
            .cacheControl: "no-store",
            HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        ], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// Where the school's case files (and the upload) are on the server, each with the words
    /// that name it on a page: "the case file", the upload's own name.
    private func batchNames(_ school: String, upload: BatchUpload?) throws -> [String: String] {
        var names: [String: String] = [:]
        for recorded in try fromWorkspace({ () throws(WorkspaceError) in try workspace.recordedCases() }) where recorded.schoolURN == school {
            names[recorded.sourcePath] = "the case file"
        }
        if let upload { names[upload.file.path] = upload.name }
        names[casesFolder.path] = "the workspace's cases folder"
        return names
    }

    /// A pupil with no case whose case the export's contacts can make.
    static func caseCanBeMade(_ entry: SchoolBatch.Entry) -> Bool {
        entry.decision == .needsCase && entry.contactsCannotMakeCase == nil
    }

    /// A reason as the office reads it: a case file named as "the case file", not by its path on the server.
    static func batchReason(_ text: String, paths: [String: String]) -> String {
        paths.keys.sorted { $0.count > $1.count }.reduce(text) { $0.replacingOccurrences(of: $1, with: paths[$1] ?? "") }
    }

    static func batchReason(_ error: AttendocError, paths: [String: String]) -> String {
        var words = error.summary
        if let field = error.location?.field { words = "\(field): " + words }
        if let suggestion = error.suggestion { words += ". " + sentence(suggestion) }
        return batchReason(words, paths: paths)
    }

    /// What the batch does for the pupil, in the screen's words.
    static func batchWords(_ entry: SchoolBatch.Entry, paths: [String: String], canMakeCases: Bool = false) -> String {
        let title = SchoolBatch.kind.title
        switch entry.decision {
        case .due: return title
        case .notDue: return "Nothing due"
        case .alreadySent(let day): return "Nothing: the \(title.lowercased()) was sent on \(day)"
        case .needsCase:
            guard canMakeCases else { return "\(title) due, but the pupil has no case: add one (Add a case) first" }
            return entry.contactsCannotMakeCase.map { "\(title) due, but the pupil has no case, and the export cannot make one (\($0)): add one (Add a case) first" }
                ?? "\(title) due; the pupil has no case: ticked, it is made from the export's record of the pupil and their contacts, then the letter issued"
        case .caseNotMade(let problem): return "\(title) due, but no case could be made: \(batchReason(problem, paths: paths))"
        case .notJudged: return "Not judged: the pupil has no case, and no policy was chosen for pupils without one"
        case .leftOut: return "Left out (only these pupils, or leave out)"
        case .caseCannotBeRead(let problem): return "The case cannot be read: \(batchReason(problem, paths: paths))"
        case .badRegisterRows(let problem): return "The pupil's marks cannot be read: \(batchReason(problem, paths: paths))"
        }
    }
}

/// The choices of a batch as its forms (or the list's address) give them.
struct BatchChoices {
    struct Problems: Error {
        var fields: [PageLayout.FieldError]
    }

    static let formatNames = ["pdf", "html", "txt", "docx"]

    var policy: String
    var only: String
    var skip: String
    var method: String
    var formats: [String]
    /// The due pupils the posted list left unticked (to show them so again).
    var unticked: Set<String>
    /// The SHA-256 of the export uploaded for the list (`BatchUpload`); empty: the latest import.
    var upload: String

    init(_ fields: FormFields) {
        policy = fields["policy"] ?? ""
        only = fields["only"] ?? ""
        skip = fields["skip"] ?? ""
        method = fields["method"] ?? "post"
        let chosen = Self.formatNames.filter { fields["format-\($0)"] != nil }
        formats = fields["csrf"] == nil && chosen.isEmpty ? ["pdf"] : chosen
        upload = fields["upload"] ?? ""
        unticked = Set(fields.values.keys.filter { $0.hasPrefix("due-") }.map { String($0.dropFirst(4)) }.filter { fields["pupil-\($0)"] == nil })
    }

    /// The UPNs in `text`, or what is wrong with one of them (in words that do not repeat it).
    static func upns(_ text: String, field: String, label: String, in register: Set<String>?) -> Result<Set<String>?, Problems> {
        let words = text.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
        guard !words.isEmpty else { return .success(nil) }
        var found: Set<String> = []
        for (index, word) in words.enumerated() {
            if let problem = UniquePupilNumber.problem(with: word) {
                return .failure(Problems(fields: [.init(field: field, message: "\(label): UPN \(index + 1) is not a UPN: \(problem)")]))
            }
            let upn = word.uppercased()
            guard register?.contains(upn) ?? true else {
                return .failure(Problems(fields: [.init(field: field, message: "\(label): \(upn) is not a pupil of the school's latest register import")]))
            }
            found.insert(upn)
        }
        return .success(found)
    }

    /// The run's settings, or what is wrong with the choices, field by field.
    /// `registerUPNs`: the register's pupils (nil: not known yet; `inRegister` checks them later).
    func settings(asOf: CalendarDate, school: String, by person: String, policies: [String], registerUPNs: Set<String>?) -> Result<SchoolBatchRun.Settings, Problems> {
        var errors: [PageLayout.FieldError] = []
        var settings = SchoolBatchRun.Settings(asOf: asOf, school: school, by: person)
        if !policy.isEmpty {
            if policies.contains(policy) { settings.policy = policy } else { errors.append(.init(field: "policy", message: "Choose a policy from the list")) }
        }
        switch Self.upns(only, field: "only", label: "Only these pupils", in: registerUPNs) {
        case .success(let found): settings.only = found
        case .failure(let problem): errors.append(contentsOf: problem.fields)
        }
        switch Self.upns(skip, field: "skip", label: "Leave out these pupils", in: registerUPNs) {
        case .success(let found): settings.skip = found ?? []
        case .failure(let problem): errors.append(contentsOf: problem.fields)
        }
        return errors.isEmpty ? .success(settings) : .failure(Problems(fields: errors))
    }

    /// Whether every UPN typed is a pupil of the uploaded export.
    func inRegister(_ upns: Set<String>) -> Result<Void, Problems> {
        var errors: [PageLayout.FieldError] = []
        for (field, text, label) in [("only", only, "Only these pupils"), ("skip", skip, "Leave out these pupils")] {
            for word in text.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map({ $0.uppercased() }) where !upns.contains(word) {
                errors.append(.init(field: field, message: "\(label): \(word) is not a pupil of the uploaded export"))
                break
            }
        }
        return errors.isEmpty ? .success(()) : .failure(Problems(fields: errors))
    }

    /// How the letters are sent and the files archived, into `settings`; or what is wrong with them.
    func sending(_ settings: inout SchoolBatchRun.Settings) -> Result<Void, Problems> {
        var errors: [PageLayout.FieldError] = []
        if let method = ServiceMethod(rawValue: method), method != .file { settings.method = method } else {
            errors.append(.init(field: "method-post", message: "Choose how the letters are sent"))
        }
        if formats.isEmpty {
            errors.append(.init(field: "format-pdf", message: "Choose at least one file to archive"))
        } else {
            do { try settings.choose(formats: formats) } catch { errors.append(.init(field: "format-pdf", message: error.summary)) }
        }
        return errors.isEmpty ? .success(()) : .failure(Problems(fields: errors))
    }

    /// The choices the list was made with, carried by the form that runs it.
    func hiddenFields() -> String {
        [("policy", policy), ("only", only), ("skip", skip), ("upload", upload)].filter { $0.0 != "upload" || !$0.1.isEmpty }.map {
            "<input type=\"hidden\" name=\"\($0.0)\" value=\"\(HTML.escaped($0.1))\">"
        }.joined(separator: "\n")
    }
}
