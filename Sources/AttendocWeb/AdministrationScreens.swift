import AttendocWorkspace
import Hummingbird

/// What an administrator sees: the access log (who viewed or changed which child's record, when)
/// and the staff accounts. Nobody else may open either.
extension AttendocSite {
    func accessLogPage(_ request: Request) throws -> Response {
        let session = try signedInStaff(request, roles: [.administrator])
        let entries = try fromWorkspace { () throws(WorkspaceError) in try workspace.accessLog() }
        let rows = entries.reversed().map {
            "<tr><td class=\"date\">\(HTML.escaped($0.at))</td><td>\(HTML.escaped($0.username))</td><td>\(HTML.escaped($0.action))</td><td>\(HTML.escaped($0.caseReference ?? ""))</td><td>\(HTML.escaped($0.upn ?? ""))</td><td>\(HTML.escaped($0.what))</td></tr>"
        }.joined(separator: "\n")
        let body = """
        <h1>Access log</h1>
        <p>Every view and change of a child's record, newest first.</p>
        <table>
        <thead><tr><th scope="col">When (UTC)</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Case</th><th scope="col">UPN</th><th scope="col">What</th></tr></thead>
        <tbody>
        \(rows)
        </tbody>
        </table>
        """
        return page(.ok, PageLayout(title: "Access log", session: session), body)
    }

    func staffPage(_ request: Request) throws -> Response {
        let session = try signedInStaff(request, roles: [.administrator])
        let accounts = try fromWorkspace { () throws(WorkspaceError) in try workspace.staffAccounts() }
        let rows = accounts.map {
            "<tr><td>\(HTML.escaped($0.username))</td><td>\(HTML.escaped(PageLayout.roleName($0.role)))</td><td>\(HTML.escaped($0.schoolURN ?? ""))</td><td>\(HTML.escaped($0.createdAt))</td><td>\(HTML.escaped($0.createdBy))</td></tr>"
        }.joined(separator: "\n")
        let body = """
        <h1>Staff accounts</h1>
        <p>Accounts are added with <code>attendoc user add</code> on the server.</p>
        <table>
        <thead><tr><th scope="col">Username</th><th scope="col">Role</th><th scope="col">School URN</th><th scope="col">Added</th><th scope="col">Added by</th></tr></thead>
        <tbody>
        \(rows)
        </tbody>
        </table>
        """
        return page(.ok, PageLayout(title: "Staff accounts", session: session), body)
    }
}
