import AttendocValues
import AttendocWorkspace
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt

/// Signing in and out. The sign-in form carries a token that must match a cookie set with it
/// (the form cannot be posted from another site); after `failedLoginLimit` failed attempts an
/// account is locked for `lockout`, whatever password comes next.
extension AttendocSite {
    func loginForm(_ request: Request, errors: [PageLayout.FieldError] = [], username: String = "",
                   status: HTTPResponse.Status = .ok) -> Response {
        let token = Self.newToken()
        let body = """
        <h1>Sign in</h1>
        <form method="post" action="/login" novalidate>
        <input type="hidden" name="csrf" value="\(token)">
        \(field("username", label: "Username", type: "text", value: username, autocomplete: "username", errors: errors))
        \(field("password", label: "Password", type: "password", value: "", autocomplete: "current-password", errors: errors))
        <button type="submit" class="button">Sign in</button>
        </form>
        """
        return page(status, PageLayout(title: "Sign in", session: nil, errors: errors), body,
                    headers: [Self.setCookie(Self.loginCookie, token, path: "/login", maxAge: 3600)])
    }

    func login(_ request: Request) async throws -> Response {
        let fields = try await Self.form(request)
        guard let cookie = Self.cookie(Self.loginCookie, in: request), Self.same(fields["csrf"] ?? "", cookie) else {
            return refusedForm(nil)
        }
        let username = (fields["username"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = fields["password"] ?? ""
        var errors: [PageLayout.FieldError] = []
        if username.isEmpty { errors.append(.init(field: "username", message: "Enter your username")) }
        if password.isEmpty { errors.append(.init(field: "password", message: "Enter your password")) }
        guard errors.isEmpty else { return loginForm(request, errors: errors, username: username, status: .badRequest) }
        let now = clock.now()
        let failures = try fromWorkspace { () throws(WorkspaceError) in
            try workspace.failedLoginAttempts(username: username, since: now.addingTimeInterval(-settings.lockout))
        }
        if failures >= settings.failedLoginLimit {
            try fromWorkspace { () throws(WorkspaceError) in try workspace.recordLoginAttempt(username: username, at: now, succeeded: false) }
            return loginForm(request, errors: [.init(field: "username", message: "Too many failed sign-in attempts for this account. Wait \(Int(settings.lockout / 60)) minutes, or ask an administrator")],
                             username: username, status: .tooManyRequests)
        }
        let account = try fromWorkspace { () throws(WorkspaceError) in try workspace.staffAccount(username) }
        // An unknown username costs the same bcrypt work as a known one.
        let matches = StaffEnrolment.verify(password, of: account ?? Self.nobody)
        guard let account, matches else {
            try fromWorkspace { () throws(WorkspaceError) in try workspace.recordLoginAttempt(username: username, at: now, succeeded: false) }
            return loginForm(request, errors: [.init(field: "username", message: "The username or password is not right")], username: username,
                             status: .unauthorized)
        }
        let token = Self.newToken()
        try fromWorkspace { () throws(WorkspaceError) in
            try workspace.recordLoginAttempt(username: username, at: now, succeeded: true)
            try workspace.openSession(tokenSHA256: SHA256.hex(Data(token.utf8)), username: account.username, csrfToken: Self.newToken(),
                                      openedAt: now, expires: now.addingTimeInterval(settings.sessionLifetime))
        }
        return Self.redirect(account.role == .administrator ? "/access-log" : "/due", headers: [
            Self.setCookie(Self.sessionCookie, token, maxAge: Int(settings.sessionLifetime)),
            Self.setCookie(Self.loginCookie, "", path: "/login", maxAge: 0),
        ])
    }

    func logout(_ request: Request) async throws -> Response {
        let fields = try await Self.form(request)
        guard let session = try session(request), let token = Self.cookie(Self.sessionCookie, in: request) else { return Self.redirect("/login") }
        guard carriesToken(fields, of: session) else { return refusedForm(session) }
        try fromWorkspace { () throws(WorkspaceError) in try workspace.closeSession(tokenSHA256: SHA256.hex(Data(token.utf8))) }
        return Self.redirect("/login", headers: [Self.setCookie(Self.sessionCookie, "", maxAge: 0)])
    }

    /// An account no password matches, checked when the username is unknown.
    static let nobody = StaffAccount(username: "", role: .administrator, schoolURN: nil,
                                     passwordHash: Bcrypt.hash(newToken(), cost: 12), createdAt: "", createdBy: "")

    /// A labelled text field, with its error message when it has one (GOV.UK's pattern).
    func field(_ name: String, label: String, type: String, value: String, autocomplete: String, hint: String? = nil,
               errors: [PageLayout.FieldError]) -> String {
        let error = errors.first { $0.field == name }
        var described: [String] = []
        var html = "<div class=\"form-group\(error == nil ? "" : " error")\">\n<label for=\"\(name)\">\(HTML.escaped(label))</label>\n"
        if let hint {
            html += "<div id=\"\(name)-hint\" class=\"hint\">\(HTML.escaped(hint))</div>\n"
            described.append("\(name)-hint")
        }
        if let error {
            html += "<span id=\"\(name)-error\" class=\"error-message\"><span class=\"visually-hidden\">Error:</span> \(HTML.escaped(error.message))</span>\n"
            described.append("\(name)-error")
        }
        let describedBy = described.isEmpty ? "" : " aria-describedby=\"\(described.joined(separator: " "))\""
        html += "<input id=\"\(name)\" name=\"\(name)\" type=\"\(type)\" value=\"\(HTML.escaped(value))\" autocomplete=\"\(autocomplete)\" spellcheck=\"false\"\(describedBy)\(error == nil ? "" : " aria-invalid=\"true\"")>\n</div>"
        return html
    }
}
