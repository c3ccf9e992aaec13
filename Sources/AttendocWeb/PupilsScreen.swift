import AttendocCaseModel
import AttendocEngine
import AttendocIssuing
import AttendocValues
import AttendocWorkspace
import Foundation
import Hummingbird

/// The school's pupils from its latest register import, with the engine's figures: sortable and
/// filterable (tier, persistent and severe absence, the unauthorised-absence threshold, priority
/// cohorts) by a plain GET form, each with a small chart of their attendance week by week (SVG,
/// with its text alternative). A school office sees its own school only.
extension AttendocSite {
    struct PupilFilter {
        var tier = "", cohort = "", sort = "upn"
        var persistent = false, severe = false, threshold = false

        init(_ parameters: FormFields) {
            tier = parameters["tier"] ?? ""
            cohort = parameters["cohort"] ?? ""
            sort = parameters["sort"] ?? "upn"
            persistent = parameters["persistent"] == "yes"
            severe = parameters["severe"] == "yes"
            threshold = parameters["threshold"] == "yes"
        }

        func keeps(_ pupil: SchoolPupils.Pupil) -> Bool {
            if persistent, pupil.figures?.isPersistentlyAbsent != true { return false }
            if severe, pupil.figures?.isSeverelyAbsent != true { return false }
            if threshold, !pupil.meetsUnauthorisedThreshold { return false }
            if !tier.isEmpty {
                let has = pupil.figures?.tier.map(String.init) ?? "none"
                if has != tier { return false }
            }
            if !cohort.isEmpty, !(pupil.cohorts ?? []).contains(where: { $0.rawValue == cohort }) { return false }
            return true
        }

        static let sorts: [(value: String, label: String)] = [
            ("upn", "UPN"), ("name", "Name"), ("year", "Year group"), ("attendance", "Attendance, lowest first"),
            ("unauthorised", "Unauthorised absence, most first"), ("tier", "Tier, highest first"),
        ]

        func sorted(_ pupils: [SchoolPupils.Pupil]) -> [SchoolPupils.Pupil] {
            func name(_ pupil: SchoolPupils.Pupil) -> String { "\(pupil.surname ?? "") \(pupil.forename ?? "")".lowercased() }
            return pupils.sorted { a, b in
                switch sort {
                case "name": return (name(a), a.upn) < (name(b), b.upn)
                case "year": return (a.yearGroup ?? 99, a.upn) < (b.yearGroup ?? 99, b.upn)
                case "attendance":
                    // Exact: compare attended/possible as fractions, with no figures last.
                    let x = a.figures.map { ($0.attendedSessions, max($0.possibleSessions, 1)) }, y = b.figures.map { ($0.attendedSessions, max($0.possibleSessions, 1)) }
                    switch (x, y) {
                    case let (x?, y?): return x.0 * y.1 != y.0 * x.1 ? x.0 * y.1 < y.0 * x.1 : a.upn < b.upn
                    case (nil, nil): return a.upn < b.upn
                    case (nil, _): return false
                    case (_, nil): return true
                    }
                case "unauthorised": return (-(a.figures?.unauthorisedAbsenceSessions ?? -1), a.upn) < (-(b.figures?.unauthorisedAbsenceSessions ?? -1), b.upn)
                case "tier": return (-(a.figures?.tier ?? 0), a.upn) < (-(b.figures?.tier ?? 0), b.upn)
                default: return a.upn < b.upn
                }
            }
        }
    }

    func pupilsPage(_ request: Request) throws -> Response {
        let session = try signedInStaff(request, roles: [.schoolOffice, .attendanceTeam])
        let parameters = FormFields(urlEncoded: request.uri.query ?? "")
        let schools = try fromWorkspace { () throws(WorkspaceError) in try workspace.registerImportSchools() }
        let school: String?
        if session.account.role == .schoolOffice {
            school = session.account.schoolURN
        } else {
            school = parameters["school"].flatMap { $0.isEmpty ? nil : $0 } ?? schools.first
        }
        let policies = policyNames()
        let asked = parameters["policy"].flatMap { policies.contains($0) ? $0 : nil }
        let filter = PupilFilter(parameters)
        var body = "<h1>Pupils</h1>\n"
        guard let school, let list = try SchoolPupils.latest(school: school, in: workspace, resources: resources, policy: asked, asOf: clock.today) else {
            try log(session, "view", reference: nil, upn: nil, "the pupils screen (no register import for the school)")
            body += session.account.role == .schoolOffice || schools.isEmpty
                ? "<p>The record holds no register import for \(school.map { "URN \(HTML.escaped($0))" } ?? "a school") that says which school it came from. <a href=\"/register\">Import the school's register</a> to list its pupils.</p>"
                : "<p>The record holds no register import for that school.</p>"
            return page(.ok, PageLayout(title: "Pupils", session: session), body)
        }
        let shown = filter.sorted(list.pupils.filter(filter.keeps))
        try log(session, "view", reference: nil, upn: nil,
                "the pupils of URN \(school) from register import \(list.record.id) (\(shown.count) of \(list.pupils.count) shown)")
        body += """
        <p>\(list.pupils.count) pupil(s) of URN \(HTML.escaped(school)) from the latest register import, \(HTML.escaped(list.record.fileName)) (import \(list.record.id), \(HTML.escaped(String(list.record.importedAt.prefix(10))))). \
        Figures as of \(list.asOf.iso)\(list.policyName.map { " under the policy \(HTML.escaped($0))" } ?? ""), from the marks the record holds.</p>

        """
        if list.policyName == nil {
            body += "<p>No case of this school names a policy: choose one below to see the figures (its thresholds and term dates decide them).</p>\n"
        }
        body += filterForm(filter, school: school, schools: session.account.role == .attendanceTeam ? schools : [], policies: policies, policy: list.policyName)
        body += "<p id=\"count\" role=\"status\">\(shown.count) of \(list.pupils.count) pupil(s) shown.</p>\n"
        var rows = ""
        for pupil in shown {
            let name = [pupil.forename, pupil.surname].compactMap { $0 }.joined(separator: " ")
            let figures = pupil.figures
            let cohorts = pupil.cohorts.map { $0.isEmpty ? "none recorded" : $0.map(\.description).joined(separator: "; ") } ?? ""
            let tenInTen = figures.map { "\($0.unauthorisedInWindow) of \($0.unauthorisedThresholdSessions)\(pupil.meetsUnauthorisedThreshold ? " (reached)" : "")" } ?? ""
            rows += """
            <tr><td>\(HTML.escaped(pupil.upn))</td><td>\(name.isEmpty ? "<span aria-hidden=\"true\">–</span><span class=\"visually-hidden\">not in the export</span>" : HTML.escaped(name))</td><td>\(pupil.yearGroup.map(String.init) ?? "")</td>\
            <td>\(figures.map { $0.attendance.display } ?? "")</td><td>\(figures.map { String($0.unauthorisedAbsenceSessions) } ?? "")</td>\
            <td>\(figures.map { $0.isPersistentlyAbsent ? "Yes" : "No" } ?? "")</td><td>\(figures.map { $0.isSeverelyAbsent ? "Yes" : "No" } ?? "")</td>\
            <td>\(tenInTen)</td><td>\(figures.map { $0.tier.map(String.init) ?? "none" } ?? "")</td><td>\(HTML.escaped(cohorts))</td>\
            <td>\(pupil.reference.map { "<a href=\"/case?ref=\(HTML.query($0))\">\(HTML.escaped($0))</a>" } ?? "")</td><td>\(Self.attendanceChart(pupil))</td></tr>

            """
        }
        body += """
        <table class="pupils">
        <caption class="visually-hidden">The school's pupils, \(HTML.escaped(PupilFilter.sorts.first { $0.value == filter.sort }?.label ?? "UPN"))</caption>
        <thead><tr><th scope="col">UPN</th><th scope="col">Name</th><th scope="col">Year</th><th scope="col">Attendance</th><th scope="col">Unauthorised sessions</th>\
        <th scope="col">Persistent absence</th><th scope="col">Severe absence</th><th scope="col">Unauthorised in the window</th><th scope="col">Tier</th>\
        <th scope="col">Priority cohorts</th><th scope="col">Case</th><th scope="col">Attendance by week</th></tr></thead>
        <tbody>
        \(rows)</tbody>
        </table>
        """
        return page(.ok, PageLayout(title: "Pupils", session: session), body)
    }

    private func filterForm(_ filter: PupilFilter, school: String, schools: [String], policies: [String], policy: String?) -> String {
        func select(_ name: String, _ label: String, _ options: [(value: String, label: String)], _ chosen: String) -> String {
            let items = options.map { "<option value=\"\(HTML.escaped($0.value))\"\($0.value == chosen ? " selected" : "")>\(HTML.escaped($0.label))</option>" }
            return "<div class=\"form-group\"><label for=\"\(name)\">\(HTML.escaped(label))</label><select id=\"\(name)\" name=\"\(name)\">\(items.joined())</select></div>\n"
        }
        func box(_ name: String, _ label: String, _ on: Bool) -> String {
            "<div class=\"checkbox\"><input type=\"checkbox\" id=\"\(name)\" name=\"\(name)\" value=\"yes\"\(on ? " checked" : "")> <label class=\"inline\" for=\"\(name)\">\(HTML.escaped(label))</label></div>\n"
        }
        var out = "<form method=\"get\" action=\"/pupils\" class=\"filters\">\n"
        if !schools.isEmpty { out += select("school", "School (URN)", schools.map { ($0, $0) }, school) }
        out += select("policy", "Policy", (policy == nil ? [("", "Choose")] : []) + policies.map { ($0, $0) }, policy ?? "")
        out += select("sort", "Sort by", PupilFilter.sorts, filter.sort)
        out += select("tier", "Tier", [("", "Any"), ("1", "1"), ("2", "2"), ("3", "3"), ("4", "4"), ("none", "None")], filter.tier)
        out += select("cohort", "Priority cohort", [("", "Any")] + PriorityCohort.allCases.map { ($0.rawValue, $0.description) }, filter.cohort)
        out += "<fieldset class=\"checkboxes\"><legend class=\"label\">Show only pupils</legend>\n"
        out += box("persistent", "persistently absent", filter.persistent)
        out += box("severe", "severely absent", filter.severe)
        out += box("threshold", "whose unauthorised absence in the window has reached the threshold", filter.threshold)
        out += "</fieldset>\n<button type=\"submit\" class=\"button\">Show the pupils</button>\n</form>\n"
        return out
    }

    /// A small line chart of the pupil's attendance at the end of each school week (0 to 100 %),
    /// with the same figures in words for those who do not see it.
    static func attendanceChart(_ pupil: SchoolPupils.Pupil) -> String {
        let weeks = pupil.weekly
        guard let first = weeks.first, let last = weeks.last else { return "" }
        let width = 100.0, height = 32.0
        let step = weeks.count > 1 ? width / Double(weeks.count - 1) : 0
        let points = weeks.enumerated().map { offset, week in
            let x = Double(offset) * step, y = height - height * Double(week.attendance.tenths) / 1000
            return String(format: "%.1f,%.1f", x, y)
        }.joined(separator: " ")
        let lowest = weeks.min { $0.attendance.part * max($1.attendance.whole, 1) < $1.attendance.part * max($0.attendance.whole, 1) }!
        let words = "Attendance by week: \(first.attendance.display) to \(first.weekEnding.iso), \(last.attendance.display) to \(last.weekEnding.iso); lowest \(lowest.attendance.display) to \(lowest.weekEnding.iso)."
        return """
        <svg class="chart" width="\(Int(width) + 4)" height="\(Int(height) + 4)" viewBox="-2 -2 \(Int(width) + 4) \(Int(height) + 4)" role="img" aria-label="\(HTML.escaped(words))">\
        <title>\(HTML.escaped(words))</title>\
        <rect x="0" y="0" width="\(Int(width))" height="\(Int(height))" fill="#f3f2f1"/>\
        <polyline points="\(points)" fill="none" stroke="#1d70b8" stroke-width="2"/></svg>
        """
    }
}
