import AttendocTesting
import AttendocWeb
import Foundation
import HTTPTypes
import Testing

/// Every route for every role, and for a visitor not signed in: who gets the screen, who is sent
/// to sign in, whose role does not have it (403), and whose case is not theirs (404, as if it did
/// not exist).
@Suite("Web: every route for every role")
struct RouteAccessTests {
    /// What each account gets for each route (a redirect as its status and where it goes).
    static let expected: [(path: String, nobody: String, office: String, hillside: String, team: String, clerk: String, admin: String)] = [
        ("/", "303 /login", "303 /due", "303 /due", "303 /due", "303 /due", "303 /access-log"),
        ("/login", "200", "200", "200", "200", "200", "200"),
        ("/style.css", "200", "200", "200", "200", "200", "200"),
        ("/due", "303 /login", "200", "200", "200", "200", "403"),
        ("/case?ref=CAT%2F2026%2F0142", "303 /login", "200", "404", "200", "404", "403"),
        ("/case?ref=HPS%2F2026%2F017", "303 /login", "404", "200", "200", "404", "403"),
        ("/case?ref=NO%2FSUCH%2FCASE", "303 /login", "404", "404", "404", "404", "403"),
        ("/download?ref=CAT%2F2026%2F0142&id=LETTER&format=txt", "303 /login", "200", "404", "200", "404", "403"),
        ("/register", "303 /login", "200", "200", "200", "403", "403"),
        ("/pupils", "303 /login", "200", "200", "200", "403", "403"),
        ("/pupils?school=149876&sort=attendance&persistent=yes", "303 /login", "200", "200", "200", "403", "403"),
        ("/batch", "303 /login", "200", "200", "403", "403", "403"),
        ("/batch?list=1&only=Y878401219052", "303 /login", "200", "200", "403", "403", "403"),
        ("/batch/download?run=NO-SUCH-RUN&format=pdf", "303 /login", "404", "404", "403", "403", "403"),
        ("/case/new", "303 /login", "200", "200", "200", "403", "403"),
        ("/case/edit?ref=CAT%2F2026%2F0142", "303 /login", "200", "404", "200", "403", "403"),
        ("/case/edit?ref=HPS%2F2026%2F017", "303 /login", "404", "200", "200", "403", "403"),
        ("/case/edit?ref=NO%2FSUCH%2FCASE", "303 /login", "404", "404", "404", "403", "403"),
        ("/case/yaml?ref=CAT%2F2026%2F0142", "303 /login", "200", "404", "200", "404", "403"),
        ("/case/yaml?ref=CAT%2F2026%2F0142&version=1", "303 /login", "200", "404", "200", "404", "403"),
        ("/case/yaml?ref=CAT%2F2026%2F0142&version=99", "303 /login", "404", "404", "404", "404", "403"),
        ("/access-log", "303 /login", "403", "403", "403", "403", "200"),
        ("/staff", "303 /login", "403", "403", "403", "403", "200"),
        ("/no-such-page", "404", "404", "404", "404", "404", "404"),
    ]

    @Test func eachRoleGetsExactlyTheScreensItsRoleGives() async throws {
        let fixture = try WebFixture("web-routes")
        defer { fixture.remove() }
        let letter = try #require(try fixture.workspace.issuedDocuments(for: WebFixture.riverside).first { $0.archived })
        let site = AttendocSite(workspace: fixture.workspace, resources: AttendocTesting.resources, settings: WebSettings(port: 0),
                                clock: TestClock(WebFixture.moment).webClock)
        try await serving(site) { client in
            var visitors: [String: Visitor] = ["nobody": Visitor(client)]
            for name in ["office", "hillside", "team", "clerk", "admin"] {
                let visitor = Visitor(client)
                try await visitor.signIn(name)
                visitors[name] = visitor
            }
            for route in Self.expected {
                let path = route.path.replacingOccurrences(of: "LETTER", with: Visitor.encode(letter.id))
                for (name, wanted) in [("nobody", route.nobody), ("office", route.office), ("hillside", route.hillside), ("team", route.team),
                                       ("clerk", route.clerk), ("admin", route.admin)] {
                    let response = try await visitors[name]!.get(path)
                    let got = response.status == .seeOther ? "303 \(response.headers[.location] ?? "")" : "\(response.status.code)"
                    #expect(got == wanted, "\(name) GET \(route.path)")
                    if response.status == .notFound || response.status == .forbidden {
                        #expect(!response.text.contains("Y878401219052") && !response.text.contains("Siobh"), "a refusal shows nothing of a case")
                    }
                }
            }
            // Posting a form: only the roles that have the screen get past the role check; each
            // of them still needs the form's token.
            for (name, wanted) in [("nobody", "303 /login"), ("office", "403"), ("team", "403"), ("clerk", "403"), ("admin", "403")] {
                let response = try await visitors[name]!.upload("/register", fields: [], file: ("register", "week.csv", "upn,date,am,pm\n"))
                let got = response.status == .seeOther ? "303 \(response.headers[.location] ?? "")" : "\(response.status.code)"
                #expect(got == wanted, "\(name) POST /register")
            }
            for (name, wanted) in [("nobody", "303 /login"), ("office", "403"), ("team", "403"), ("clerk", "403"), ("admin", "403")] {
                let response = try await visitors[name]!.post("/case/save", form: [("case", WebFixture.riverside), ("pupil.forename", "Changed")])
                let got = response.status == .seeOther ? "303 \(response.headers[.location] ?? "")" : "\(response.status.code)"
                #expect(got == wanted, "\(name) POST /case/save")
            }
            for (name, wanted) in [("nobody", "303 /login"), ("office", "403"), ("team", "403"), ("clerk", "403"), ("admin", "403")] {
                let response = try await visitors[name]!.post("/batch", form: [("method", "post"), ("format-txt", "yes"),
                                                                                ("due-Y878401219052", "yes"), ("pupil-Y878401219052", "yes")])
                let got = response.status == .seeOther ? "303 \(response.headers[.location] ?? "")" : "\(response.status.code)"
                #expect(got == wanted, "\(name) POST /batch")
            }
        }
        #expect(try fixture.workspace.registerImports().count == 1, "nothing imported by any refused post")
        #expect(try fixture.workspace.versions(of: WebFixture.riverside).count == 1, "no case changed by any refused post")
        #expect(try fixture.workspace.issuedDocuments(for: WebFixture.riverside).count == 2, "nothing issued by any refused post")
    }
}
