import AttendocCasework
import AttendocIssuing
import AttendocValues
import AttendocWorkspace
import Foundation
import HTTPTypes
import Hummingbird

/// The evidence bundle for court, for the attendance team, as `attendoc bundle` makes it with the
/// workspace: whether the case is ready (each gap with what to do), a build (a draft at any time,
/// DRAFT on every page; a final bundle only when nothing is missing), and the bundle's PDF to
/// download. Building runs Apache FOP and qpdf off the server's threads, waited for no longer than
/// the settings' limit. The bundle is kept in the workspace folder, `bundles/<case folder>/`.
extension AttendocSite {
    static let bundleRoles: Set<StaffRole> = [.attendanceTeam]

    var bundlesFolder: URL { workspace.location.folder.appendingPathComponent("bundles") }

    /// GET /bundle?ref=…
    func bundlePage(_ request: Request) throws -> Response {
        let session = try signedInStaff(request, roles: Self.bundleRoles)
        let recorded = try visibleCase(request.uri.queryParameters.get("ref"), to: session)
        try log(session, "view", reference: recorded.reference, upn: recorded.upn, "the evidence bundle's readiness as of \(clock.today.iso)")
        return try bundleScreen(session, recorded, status: .ok)
    }

    private func bundleScreen(_ session: StaffSession, _ recorded: RecordedCase, status: HTTPResponse.Status, problem: String? = nil,
                              built: RecordedEvidenceBundle.Made? = nil) throws -> Response {
        let today = clock.today
        let loaded = try LoadedCase.load(URL(fileURLWithPath: recorded.sourcePath), resources: resources)
        let ready = try RecordedEvidenceBundle.readiness(loaded, workspace: workspace, asOf: today)
        let reference = recorded.reference
        var body = "<h1>Evidence bundle: case \(HTML.escaped(reference))</h1>\n"
        body += "<p><a href=\"/case?ref=\(HTML.query(reference))\">Back to the case</a></p>\n"
        if let built {
            let leftOut = built.leftOut.isEmpty ? "" : "<p>Left out, as the defendants are served with it:</p>\n<ul>\(built.leftOut.map { "<li>\(HTML.escaped($0))</li>" }.joined())</ul>\n"
            body += """
            <div class="panel" role="status"><h2>Bundle built</h2>
            <p>A \(HTML.escaped(built.status)) bundle of \(built.pageCount) pages, SHA-256 <code>\(HTML.escaped(built.sha256))</code>\(built.status == "unsigned" ? ": every page says \(HTML.escaped(RecordedEvidenceBundle.unsignedMark)) until the signed statements and certificate are supplied" : "").</p>
            \(leftOut)\(built.warnings.map { "<p>Warning: \(HTML.escaped($0))</p>" }.joined())</div>

            """
        }
        body += "<h2 id=\"readiness\">Readiness for court</h2>\n"
        if !ready.refusals.isEmpty {
            body += "<p>No prosecution papers are made for this period, not even a draft:</p>\n<ul class=\"gaps\">\(ready.refusals.map { "<li>\(HTML.escaped($0))</li>" }.joined())</ul>\n"
        } else {
            body += readiness("As the bundle checks it", ready.gaps, purpose: "prosecution", date: today) + "\n"
        }
        body += "<h2 id=\"built\">The bundle</h2>\n"
        let pdf = RecordedEvidenceBundle.pdf(of: reference, under: bundlesFolder)
        if bundleBuilds.isRunning(reference) {
            body += "<p>A bundle is being built now. Reload this page in a minute.</p>\n"
        } else if let failure = bundleBuilds.failure(reference) {
            body += "<p class=\"error-message\">The last build failed: \(HTML.escaped(failure))</p>\n"
        }
        if FileManager.default.fileExists(atPath: pdf.path) {
            let manifest = Self.manifestSummary(pdf.deletingLastPathComponent().appendingPathComponent("evidence-bundle-manifest.json"))
            body += "<p>The last bundle built\(manifest.map { ": \(HTML.escaped($0))" } ?? ""). <a href=\"/bundle/download?ref=\(HTML.query(reference))\" download>Download the bundle (PDF)</a></p>\n"
        } else {
            body += "<p>No bundle has been built for this case yet.</p>\n"
        }
        if ready.refusals.isEmpty {
            let error = problem == nil ? "" : "<span id=\"kind-error\" class=\"error-message\"><span class=\"visually-hidden\">Error:</span> \(HTML.escaped(problem!))</span>\n"
            body += """
            <form method="post" action="/bundle">
            <input type="hidden" name="csrf" value="\(HTML.escaped(session.csrfToken))">
            <input type="hidden" name="ref" value="\(HTML.escaped(reference))">
            <fieldset class="form-group\(problem == nil ? "" : " error")" aria-describedby="kind-hint\(problem == nil ? "" : " kind-error")">
            <legend>Build the bundle as of \(HTML.escaped(today.longForm))</legend>
            <div id="kind-hint" class="hint">A final bundle is made only when nothing above is missing; a draft says DRAFT on every page and lists what is missing on its front sheet</div>
            \(error)<div class="choice"><input id="kind" name="kind" type="radio" value="draft" checked><label for="kind">Draft</label></div>
            <div class="choice"><input id="kind-final" name="kind" type="radio" value="final"><label for="kind-final">Final</label></div>
            </fieldset>
            <button type="submit" class="button">Build the bundle</button>
            </form>
            """
        }
        let errors = problem.map { [PageLayout.FieldError(field: "kind", message: $0)] } ?? []
        return page(status, PageLayout(title: "Evidence bundle", session: session, errors: errors), body)
    }

    /// POST /bundle: builds it, waiting no longer than the settings' limit.
    func buildBundle(_ request: Request) async throws -> Response {
        let session = try signedInStaff(request, roles: Self.bundleRoles)
        let fields = try await Self.form(request)
        guard carriesToken(fields, of: session) else { return refusedForm(session) }
        let recorded = try visibleCase(fields["ref"], to: session)
        guard let kind = fields["kind"], ["draft", "final"].contains(kind) else {
            return try bundleScreen(session, recorded, status: .unprocessableContent, problem: "Choose a draft or a final bundle")
        }
        let reference = recorded.reference
        guard bundleBuilds.start(reference) else {
            return try bundleScreen(session, recorded, status: .conflict, problem: "A bundle of this case is being built now; wait for it, then reload this page")
        }
        let loaded: LoadedCase
        do {
            loaded = try LoadedCase.load(URL(fileURLWithPath: recorded.sourcePath), resources: resources)
        } catch {
            bundleBuilds.finish(reference, failure: Self.forTheScreen(error, caseFile: recorded.sourcePath))
            throw error
        }
        let (workspace, resources, folder, today, builds) = (self.workspace, self.resources, bundlesFolder, clock.today, bundleBuilds)
        let caseFile = recorded.sourcePath
        let outcome = await SlowWork.run(timeLimit: settings.slowWorkLimit, { () throws(AttendocError) in
            try RecordedEvidenceBundle.make(loaded, workspace: workspace, resources: resources, asOf: today, draft: kind == "draft", to: folder)
        }, whenDone: { result in
            switch result {
            case .success: builds.finish(reference, failure: nil)
            case .failure(let error): builds.finish(reference, failure: Self.forTheScreen(error, caseFile: caseFile))
            }
        })
        switch outcome {
        case .finished(.success(let made)):
            try log(session, "change", reference: reference, upn: recorded.upn,
                    "built the \(made.status) evidence bundle as of \(today.iso) (\(made.pageCount) pages, SHA-256 \(made.sha256))")
            return try bundleScreen(session, recorded, status: .ok, built: made)
        case .finished(.failure(let error)):
            try log(session, "change", reference: reference, upn: recorded.upn, "a \(kind) evidence bundle as of \(today.iso) was refused; nothing written")
            return try bundleScreen(session, recorded, status: .unprocessableContent,
                                    problem: "The bundle was not built: " + Self.forTheScreen(error, caseFile: caseFile))
        case .stillRunning:
            try log(session, "change", reference: reference, upn: recorded.upn,
                    "began building a \(kind) evidence bundle as of \(today.iso); still being built when the page stopped waiting")
            return page(.accepted, PageLayout(title: "Still being built", session: session), """
            <h1>Still being built</h1>
            <p>The bundle is taking longer than \(Int(settings.slowWorkLimit)) seconds to build. It goes on: its files are written whole, or not at all. \
            <a href="/bundle?ref=\(HTML.query(reference))#built">Look again in a minute</a>.</p>
            """)
        }
    }

    /// GET /bundle/download?ref=…: the last bundle built for the case, as written.
    func downloadBundle(_ request: Request) throws -> Response {
        let session = try signedInStaff(request, roles: Self.bundleRoles)
        let recorded = try visibleCase(request.uri.queryParameters.get("ref"), to: session)
        let pdf = RecordedEvidenceBundle.pdf(of: recorded.reference, under: bundlesFolder)
        guard let bytes = FileManager.default.contents(atPath: pdf.path) else { return notFound(session) }
        try log(session, "download", reference: recorded.reference, upn: recorded.upn, "the evidence bundle's PDF (SHA-256 \(SHA256.hex(bytes)))")
        return Response(status: .ok, headers: [
            .contentType: "application/pdf",
            .contentDisposition: "attachment; filename=\"\(Self.downloadName("\(recorded.reference)-evidence-bundle", format: "pdf"))\"",
            .cacheControl: "no-store",
            HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        ], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The status, pages and date of a built bundle, from its manifest.
    static func manifestSummary(_ manifest: URL) -> String? {
        guard let data = FileManager.default.contents(atPath: manifest.path),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let status = json["status"] as? String,
              let bundle = json["bundle"] as? [String: Any], let pages = bundle["pages"] as? Int else { return nil }
        return "\(status), \(pages) pages" + ((json["as_of"] as? String).map { ", as of \($0)" } ?? "")
    }
}
