import AttendocIssuing
import AttendocValues
import AttendocWorkspace
import Hummingbird

/// The due list: what needs doing, soonest first, for the cases this account may see.
extension AttendocSite {
    func dueList(_ request: Request) throws -> Response {
        let session = try signedInStaff(request, roles: [.schoolOffice, .attendanceTeam, .panelClerk])
        let today = clock.today
        let access = CaseAccess(workspace: workspace, account: session.account)
        let school = session.account.role == .schoolOffice ? session.account.schoolURN : nil
        var items = try DueList(workspace: workspace, resources: resources).items(asOf: today, school: school)
        if session.account.role == .panelClerk {
            let panel = try access.panelCaseReferences()
            items = items.filter { $0.reference.map(panel.contains) ?? false }
        }
        if session.account.role == .attendanceTeam {
            // The cases referred to the team, and a register's marks for their pupils.
            let referred = try access.visibleReferences()
            let pupils = Set(try fromWorkspace { () throws(WorkspaceError) in try workspace.recordedCases() }
                .filter { referred.contains($0.reference) }.compactMap(\.upn))
            items = items.filter { $0.reference.map(referred.contains) ?? $0.upn.map(pupils.contains) ?? false }
        }
        try log(session, "view", reference: nil, upn: nil, "the due list as of \(today.iso) (\(items.count) item(s))")
        // A register's open N marks name a pupil, not a case: linked to the pupil's case when the
        // account may see exactly one.
        var casesByUPN: [String: [String]] = [:]
        for recorded in try fromWorkspace({ () throws(WorkspaceError) in try workspace.recordedCases() }) {
            guard let upn = recorded.upn, try access.mayView(recorded) else { continue }
            casesByUPN[upn, default: []].append(recorded.reference)
        }
        var rows = ""
        for item in items {
            let left = item.schoolDaysLeft < 0 ? "<span class=\"overdue\">Overdue by \(-item.schoolDaysLeft) school day(s)</span>"
                : item.schoolDaysLeft == 0 ? "Due today" : "In \(item.schoolDaysLeft) school day(s)"
            let pupilsCase = item.upn.flatMap { casesByUPN[$0] }.flatMap { $0.count == 1 ? $0[0] : nil }
            let reference = (item.reference ?? pupilsCase).map { "<a href=\"/case?ref=\(HTML.query($0))\">\(HTML.escaped($0))</a>" } ?? ""
            rows += "<tr><td class=\"date\">\(item.due.iso)</td><td>\(left)</td><td>\(reference)</td><td>\(HTML.escaped(item.upn ?? ""))</td><td>\(HTML.escaped(item.what))</td></tr>\n"
        }
        let scope = switch session.account.role {
        case .schoolOffice: "the cases of your school (URN \(HTML.escaped(session.account.schoolURN ?? "")))"
        case .panelClerk: "the cases taken to the attendance panel"
        case .attendanceTeam: "the cases referred to the attendance team"
        default: "every case in the record"
        }
        let body = """
        <h1>Due list</h1>
        <p>What needs doing as of \(today.iso), soonest first, for \(scope).</p>
        \(items.isEmpty ? "<p>Nothing is due.</p>" : """
        <table>
        <caption class="visually-hidden">What is due, soonest first</caption>
        <thead><tr><th scope="col">Due</th><th scope="col">When</th><th scope="col">Case</th><th scope="col">UPN</th><th scope="col">What</th></tr></thead>
        <tbody>
        \(rows)</tbody>
        </table>
        """)
        """
        return page(.ok, PageLayout(title: "Due list", session: session), body)
    }
}
