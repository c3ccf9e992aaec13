import AttendocValues
import AttendocWorkspace
import Foundation
import HTTPTypes
import Hummingbird

/// The web front end over the workspace: one server for every role. Each screen is a handler in
/// its own file; this file holds what they share: who is signed in, the CSRF check, the responses.
public final class AttendocSite: Sendable {
    public let workspace: Workspace
    public let resources: AttendocResources
    public let settings: WebSettings
    public let clock: WebClock
    /// The evidence bundles being built now (BundleScreen).
    let bundleBuilds = BundleBuilds()

    static let sessionCookie = "attendoc_session"
    static let loginCookie = "attendoc_login"

    public init(workspace: Workspace, resources: AttendocResources, settings: WebSettings = WebSettings(), clock: WebClock = .system) {
        self.workspace = workspace
        self.resources = resources
        self.settings = settings
        self.clock = clock
    }

    /// Every route the site answers.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.get("/") { request, _ in try self.home(request) }
        router.get("/style.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "no-cache"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: PageLayout.styleSheet)))
        }
        router.get("/login") { request, _ in self.loginForm(request) }
        router.post("/login") { request, _ in try await self.login(request) }
        router.post("/logout") { request, _ in try await self.logout(request) }
        router.get("/due") { request, _ in try self.dueList(request) }
        router.get("/case") { request, _ in try self.casePage(request) }
        router.get("/download") { request, _ in try self.download(request) }
        router.get("/case/new") { request, _ in try self.newCaseForm(request) }
        router.get("/case/edit") { request, _ in try self.editCaseForm(request) }
        router.post("/case/save") { request, _ in try await self.saveCase(request) }
        router.get("/case/yaml") { request, _ in try self.caseFileDownload(request) }
        router.get("/pupils") { request, _ in try self.pupilsPage(request) }
        router.get("/register") { request, _ in try self.registerForm(request) }
        router.post("/register") { request, _ in try await self.registerImport(request) }
        router.get("/issue") { request, _ in try self.issuePage(request) }
        router.get("/issue/copy") { request, _ in try self.issueCopy(request) }
        router.post("/issue") { request, _ in try await self.issueDocument(request) }
        router.get("/bundle") { request, _ in try self.bundlePage(request) }
        router.post("/bundle") { request, _ in try await self.buildBundle(request) }
        router.get("/bundle/download") { request, _ in try self.downloadBundle(request) }
        router.get("/batch") { request, _ in try self.batchPage(request) }
        router.post("/batch") { request, _ in try await self.runBatch(request) }
        router.post("/batch/upload") { request, _ in try await self.uploadBatchRegister(request) }
        router.get("/batch/download") { request, _ in try self.downloadBatchFile(request) }
        router.get("/panel") { request, _ in try self.panelList(request) }
        router.get("/panel/intake") { request, _ in try self.panelIntakePage(request) }
        router.post("/panel/referral") { request, _ in try await self.receiveReferral(request) }
        router.get("/panel/slots") { request, _ in try self.panelSlotsPage(request) }
        router.post("/panel/slots/move") { request, _ in try await self.movePanelSlot(request) }
        router.get("/panel/minutes") { request, _ in try self.panelMinutesForm(request) }
        router.post("/panel/minutes") { request, _ in try await self.savePanelMinutes(request) }
        router.get("/panel/issue") { request, _ in try self.panelIssuePage(request) }
        router.get("/panel/issue/copy") { request, _ in try self.panelIssueCopy(request) }
        router.post("/panel/issue") { request, _ in try await self.issuePanelMinutes(request) }
        router.get("/panel/download") { request, _ in try self.downloadPanelDocument(request) }
        router.get("/panel/reviews") { request, _ in try self.panelReviewsPage(request) }
        router.post("/panel/review") { request, _ in try await self.recordPanelReviewHeld(request) }
        router.get("/access-log") { request, _ in try self.accessLogPage(request) }
        router.get("/staff") { request, _ in try self.staffPage(request) }
        return router
    }

    /// The application listening on the settings' address and port; `onRunning` hears the port taken.
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(router: router(), configuration: .init(address: .hostname(settings.address, port: settings.port), serverName: nil),
                    onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) })
    }

    // MARK: shared by the screens

    /// The signed-in session of `request` (from its cookie), or nil.
    func session(_ request: Request) throws(AttendocError) -> StaffSession? {
        guard let token = Self.cookie(Self.sessionCookie, in: request) else { return nil }
        return try fromWorkspace { () throws(WorkspaceError) in try workspace.session(tokenSHA256: SHA256.hex(Data(token.utf8)), at: clock.now()) }
    }

    /// The session, or a response sending the visitor to sign in; a role not in `roles` is refused.
    private func signedIn(_ request: Request, roles: Set<StaffRole>) throws(AttendocError) -> Result<StaffSession, ScreenRefusal> {
        guard let session = try session(request) else { return .failure(ScreenRefusal(response: Self.redirect("/login"))) }
        guard roles.contains(session.account.role) else {
            return .failure(ScreenRefusal(response: page(.forbidden, PageLayout(title: "You cannot see this page", session: session),
                "<h1>You cannot see this page</h1><p>Your account (\(HTML.escaped(PageLayout.roleName(session.account.role)))) does not give access to it. Ask an administrator if you need it.</p>")))
        }
        return .success(session)
    }

    /// The prologue of every screen: the signed-in member of staff, if their role is one of
    /// `roles`. A visitor not signed in is sent to sign in, a role not in `roles` is refused (403):
    /// each as a `ScreenRefusal` thrown, which the router answers with its page.
    func signedInStaff(_ request: Request, roles: Set<StaffRole>) throws -> StaffSession {
        switch try signedIn(request, roles: roles) {
        case .success(let session): return session
        case .failure(let refusal): throw refusal
        }
    }

    /// The case `reference` names, if `session`'s account may see it; otherwise the page a case
    /// that does not exist gets (404), thrown as a `ScreenRefusal`, so that a case the user may not
    /// see cannot be told from one that does not exist.
    func visibleCase(_ reference: String?, to session: StaffSession) throws -> RecordedCase {
        guard let recorded = try CaseAccess(workspace: workspace, account: session.account).visibleCase(reference ?? "") else {
            throw ScreenRefusal(response: notFound(session))
        }
        return recorded
    }

    /// Whether a posted form carries the session's CSRF token.
    func carriesToken(_ fields: FormFields, of session: StaffSession) -> Bool {
        Self.same(fields["csrf"] ?? "", session.csrfToken)
    }

    func refusedForm(_ session: StaffSession?) -> Response {
        page(.forbidden, PageLayout(title: "This form cannot be accepted", session: session),
             "<h1>This form cannot be accepted</h1><p>It did not come from an Attendoc page, or it has expired. Go back, reload the page and try again.</p>")
    }

    func notFound(_ session: StaffSession?) -> Response {
        page(.notFound, PageLayout(title: "Page not found", session: session),
             "<h1>Page not found</h1><p>There is no such case or document, or it is not one you can see.</p><p><a href=\"/\">Go to the start</a></p>")
    }

    func page(_ status: HTTPResponse.Status, _ layout: PageLayout, _ body: String, headers extra: [HTTPField] = []) -> Response {
        var headers: HTTPFields = [
            .contentType: "text/html; charset=utf-8",
            .cacheControl: "no-store",
            .contentSecurityPolicy: "default-src 'self'; script-src 'none'; object-src 'none'; frame-ancestors 'none'; form-action 'self'",
            HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            HTTPField.Name("Referrer-Policy")!: "no-referrer",
        ]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: layout.render(body))))
    }

    static func redirect(_ location: String, headers extra: [HTTPField] = []) -> Response {
        var headers: HTTPFields = [.location: location, .cacheControl: "no-store"]
        headers.append(contentsOf: extra)
        return Response(status: .seeOther, headers: headers)
    }

    /// A cookie the browser keeps for this site only: Secure, HttpOnly, SameSite=Strict.
    static func setCookie(_ name: String, _ value: String, path: String = "/", maxAge: Int) -> HTTPField {
        HTTPField(name: .setCookie, value: "\(name)=\(value); Path=\(path); Max-Age=\(maxAge); Secure; HttpOnly; SameSite=Strict")
    }

    static func cookie(_ name: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0] == name { return String(parts[1]) }
            }
        }
        return nil
    }

    /// A new random token (256 bits, hex).
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// Compares two tokens in time that does not depend on where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// A form posted as application/x-www-form-urlencoded (a small one).
    static func form(_ request: Request, upTo limit: Int = 64 * 1024) async throws -> FormFields {
        let body = try await request.body.collect(upTo: limit)
        return FormFields(urlEncoded: String(buffer: body))
    }

    func log(_ session: StaffSession, _ action: String, reference: String?, upn: String?, _ what: String) throws(AttendocError) {
        try fromWorkspace { () throws(WorkspaceError) in
            try workspace.logAccess(AccessLogEntry(at: recordTime(clock.now()), username: session.account.username, action: action,
                                                   caseReference: reference, upn: upn, what: what))
        }
    }

    func fromWorkspace<T>(_ body: () throws(WorkspaceError) -> T) throws(AttendocError) -> T {
        do { return try body() } catch { throw AttendocError(.workspace, "\(error)") }
    }

    func home(_ request: Request) throws -> Response {
        guard let session = try session(request) else { return Self.redirect("/login") }
        return Self.redirect(session.account.role == .administrator ? "/access-log" : "/due")
    }
}

/// A response a screen gives instead of itself: sign in first, not for this role, or no such case.
/// Thrown by a screen's prologue, it is answered by Hummingbird's router as the page it holds.
struct ScreenRefusal: HTTPResponseError {
    var response: Response

    var status: HTTPResponse.Status { response.status }

    func response(from request: Request, context: some RequestContext) throws -> Response { response }
}
