import AttendocTesting
import AttendocWeb
import Foundation
import Testing

/// The school's pupils from its latest register import: the engine's figures, sorted and filtered,
/// a chart of each pupil's attendance with its text alternative, and a school office seeing its own
/// school only.
@Suite("Web: the school's pupils")
struct PupilsScreenTests {
    static let register = repositoryRoot.appendingPathComponent("examples/registers/riverside-academy-autumn-2026.csv")

    /// The table's rows: each a list of its cells' text.
    static func rows(_ page: String) -> [[String]] {
        guard let start = page.range(of: "<table class=\"pupils\">"), let body = page.range(of: "<tbody>", range: start.upperBound..<page.endIndex),
              let end = page.range(of: "</tbody>", range: body.upperBound..<page.endIndex) else { return [] }
        return page[body.upperBound..<end.lowerBound].components(separatedBy: "</tr>").compactMap { row in
            let cells = row.components(separatedBy: "<td>").dropFirst().map { cell in
                String(cell.prefix { $0 != "<" })
            }
            return cells.isEmpty ? nil : cells
        }
    }

    static func attendance(_ cell: String) -> Double { Double(cell.dropLast()) ?? -1 }

    @Test func theSchoolsPupilsAreListedWithTheEnginesFiguresSortedAndFiltered() async throws {
        let fixture = try WebFixture("web-pupils")
        defer { fixture.remove() }
        let site = AttendocSite(workspace: fixture.workspace, resources: AttendocTesting.resources, settings: WebSettings(port: 0),
                                clock: TestClock(WebFixture.moment).webClock)
        try await serving(site) { client in
            let office = Visitor(client)
            try await office.signIn("office")
            // The fixture's import (from the command line, naming no school) does not count.
            let none = try await office.get("/pupils")
            #expect(none.status == .ok)
            #expect(none.text.contains("holds no register import for URN 149876"))

            let form = try await office.get("/register")
            let csv = try String(contentsOf: Self.register, encoding: .utf8)
            let uploaded = try await office.upload("/register", fields: [("csrf", try #require(Visitor.csrf(in: form)))], file: ("register", "riverside.csv", csv))
            #expect(uploaded.status == .ok)

            let page = try await office.get("/pupils")
            #expect(page.status == .ok)
            let rows = Self.rows(page.text)
            #expect(rows.count == 6)
            #expect(rows.map { $0[0] } == rows.map { $0[0] }.sorted(), "by UPN at first")
            #expect(page.text.contains("under the policy county-attendance-team"))
            // The pupil with a case: the same figure as the case screen's, which the engine computes from the case's register file.
            let pupil = try #require(rows.first { $0[0] == "Y878401219052" })
            let casePage = try await office.get("/case?ref=CAT%2F2026%2F0142")
            let caseFigure = try #require(casePage.text.range(of: #"<th scope="row">Attendance</th><td>[0-9.]+% \([0-9]+ of [0-9]+ sessions"#, options: .regularExpression))
            let counts = casePage.text[caseFigure].split(separator: "(").last!.split(separator: " ").compactMap { Int($0) }
            let tenths = (counts[0] * 2000 + counts[1]) / (2 * counts[1])
            #expect(pupil[3] == "\(tenths / 10).\(tenths % 10)%", "the case says \(casePage.text[caseFigure]), the pupils screen \(pupil[3])")
            #expect(page.text.contains(#"<a href="/case?ref=CAT%2F2026%2F0142">CAT/2026/0142</a>"#))
            #expect(pupil[9].contains("young carer"))
            // A chart for each pupil, with its text alternative.
            #expect(page.text.components(separatedBy: #"role="img" aria-label="Attendance by week: "#).count == 7)
            #expect(page.text.components(separatedBy: "<title>Attendance by week: ").count == 7)

            // Sorted by attendance, lowest first.
            let byAttendance = Self.rows(try await office.get("/pupils?sort=attendance").text)
            let figures = byAttendance.map { Self.attendance($0[3]) }
            #expect(figures == figures.sorted() && figures.count == 6, "\(figures)")
            #expect(Set(figures).count > 1, "the pupils' figures differ, so the order shows")
            // Each filter keeps exactly the pupils it names.
            let persistent = Self.rows(try await office.get("/pupils?persistent=yes").text)
            #expect(persistent.map { $0[0] } == rows.filter { $0[5] == "Yes" }.map { $0[0] })
            #expect(!persistent.isEmpty && persistent.count < 6)
            let severe = Self.rows(try await office.get("/pupils?severe=yes").text)
            #expect(severe.map { $0[0] } == rows.filter { $0[6] == "Yes" }.map { $0[0] })
            let threshold = Self.rows(try await office.get("/pupils?threshold=yes").text)
            #expect(threshold.map { $0[0] } == rows.filter { $0[7].hasSuffix("(reached)") }.map { $0[0] })
            let tier = pupil[8]
            let sameTier = Self.rows(try await office.get("/pupils?tier=\(tier)").text)
            #expect(sameTier.map { $0[0] } == rows.filter { $0[8] == tier }.map { $0[0] })
            #expect(sameTier.contains { $0[0] == "Y878401219052" })
            #expect(Self.rows(try await office.get("/pupils?cohort=young_carer").text).map { $0[0] } == ["Y878401219052"])
            // Filters and sort together, kept on the form.
            let both = try await office.get("/pupils?persistent=yes&sort=attendance")
            #expect(both.text.contains(#"<input type="checkbox" id="persistent" name="persistent" value="yes" checked>"#))
            #expect(both.text.contains(#"<option value="attendance" selected>"#))

            // Another school's office sees its own school only, whatever it asks for.
            let hillside = Visitor(client)
            try await hillside.signIn("hillside")
            let theirs = try await hillside.get("/pupils?school=149876")
            #expect(theirs.status == .ok)
            #expect(theirs.text.contains("holds no register import for URN 113456"))
            #expect(!theirs.text.contains("Y878401219052"))
            // The attendance team chooses the school.
            let team = Visitor(client)
            try await team.signIn("team")
            let chosen = try await team.get("/pupils?school=149876")
            #expect(Self.rows(chosen.text).count == 6)
            #expect(chosen.text.contains(#"<option value="149876" selected>"#))
        }
        let log = try fixture.workspace.accessLog()
        #expect(log.contains { $0.username == "office" && $0.what == "the pupils of URN 149876 from register import 2 (6 of 6 shown)" })
    }

    @Test func theAttendanceTeamNamesTheSchoolOfAnUploadAndABadURNIsRefused() async throws {
        let fixture = try WebFixture("web-pupils-team")
        defer { fixture.remove() }
        let site = AttendocSite(workspace: fixture.workspace, resources: AttendocTesting.resources, settings: WebSettings(port: 0),
                                clock: TestClock(WebFixture.moment).webClock)
        try await serving(site) { client in
            let team = Visitor(client)
            try await team.signIn("team")
            let form = try await team.get("/register")
            #expect(form.text.contains(#"<label for="school">School (URN)</label>"#))
            let csrf = try #require(Visitor.csrf(in: form))
            let csv = try String(contentsOf: Self.register, encoding: .utf8)
            let bad = try await team.upload("/register", fields: [("csrf", csrf), ("school", "12345")], file: ("register", "riverside.csv", csv))
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains(##"<a href="#school">The school&#39;s URN must be exactly 6 digits"##))
            let good = try await team.upload("/register", fields: [("csrf", csrf), ("school", "149876")], file: ("register", "riverside.csv", csv))
            #expect(good.status == .ok)
        }
        #expect(try fixture.workspace.registerImports().count == 2, "the refused upload recorded nothing")
        #expect(try fixture.workspace.latestRegisterImport(school: "149876")?.pupils.count == 6)
    }
}
