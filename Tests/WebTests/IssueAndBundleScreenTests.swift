import AttendocTesting
import AttendocWeb
import AttendocWorkspace
import Foundation
import HTTPTypes
import Testing

/// The screens that issue a document and build the evidence bundle, and the attendance team seeing
/// only the cases referred to it: every new route for every role, the CSRF check, each preview
/// copy's privacy, the issue as `attendoc issue` records it, the bundle built and downloaded.
@Suite("Web: issuing a document and the evidence bundle")
struct IssueAndBundleScreenTests {
    /// Bramley's case, added to the fixture: the school's own, never referred to the attendance team.
    static let unreferred = "BPS/ATT/2026/031"
    /// The father's address in the Riverside case is confidential: only his own copy may carry it.
    static let fathersAddress = ["Sidwell Street", "EX4 6NN"]
    static let letterChoices = "document=first-warning-letter&method=hand&date=2026-12-10&format-txt=yes&format-html=yes&reissue=the%20first%20went%20astray"

    static func fixture(_ label: String) throws -> WebFixture {
        let fixture = try WebFixture(label)
        try WebFixture.attendoc(["case", "add", fixture.folder.appendingPathComponent("examples/school-tier2-case.yaml").path,
                             "--workspace", fixture.workspaceFolder.path, "--by", "A. Officer"])
        return fixture
    }


    static func got(_ response: Reply) -> String {
        response.status == .seeOther ? "303 \(response.headers[.location] ?? "")" : "\(response.status.code)"
    }

    @Test func eachRoleGetsTheIssueAndBundleScreensItsRoleGivesAndTheTeamOnlyReferredCases() async throws {
        let fixture = try Self.fixture("web-issue-routes")
        defer { fixture.remove() }
        let riverside = Visitor.encode(WebFixture.riverside), hillside = Visitor.encode(WebFixture.hillside), bramley = Visitor.encode(Self.unreferred)
        let expected: [(path: String, nobody: String, office: String, hillside: String, team: String, clerk: String, admin: String)] = [
            ("/issue?ref=\(riverside)", "303 /login", "200", "404", "200", "403", "403"),
            ("/issue?ref=\(hillside)", "303 /login", "404", "200", "200", "403", "403"),
            ("/issue?ref=\(bramley)", "303 /login", "404", "404", "404", "403", "403"),
            ("/issue?ref=\(riverside)&preview=1&\(Self.letterChoices)", "303 /login", "200", "404", "200", "403", "403"),
            ("/issue/copy?ref=\(riverside)&\(Self.letterChoices)&copy=0", "303 /login", "200", "404", "200", "403", "403"),
            ("/issue/copy?ref=\(riverside)&\(Self.letterChoices)&copy=99", "303 /login", "404", "404", "404", "403", "403"),
            ("/bundle?ref=\(riverside)", "303 /login", "403", "403", "200", "403", "403"),
            ("/bundle?ref=\(bramley)", "303 /login", "403", "403", "404", "403", "403"),
            ("/bundle/download?ref=\(riverside)", "303 /login", "403", "403", "404", "403", "403"),
            ("/case?ref=\(bramley)", "303 /login", "404", "404", "404", "404", "403"),
        ]
        let before = try fixture.workspace.issuedDocuments(for: WebFixture.riverside).count
        try await serving(fixture.site(slowWorkLimit: 600)) { client in
            var visitors: [String: Visitor] = ["nobody": Visitor(client)]
            for name in ["office", "hillside", "team", "clerk", "admin"] {
                let visitor = Visitor(client)
                try await visitor.signIn(name)
                visitors[name] = visitor
            }
            for route in expected {
                for (name, wanted) in [("nobody", route.nobody), ("office", route.office), ("hillside", route.hillside), ("team", route.team),
                                       ("clerk", route.clerk), ("admin", route.admin)] {
                    let response = try await visitors[name]!.get(route.path)
                    #expect(Self.got(response) == wanted, "\(name) GET \(route.path)")
                    if response.status == .notFound || response.status == .forbidden {
                        #expect(!response.text.contains("Y878401219052") && !response.text.contains("Siobh"), "a refusal shows nothing of a case")
                    }
                }
            }
            // The team's due list names only the cases referred to it; Bramley's is the school's alone.
            let teamsDue = try await visitors["team"]!.get("/due")
            #expect(teamsDue.text.contains("the cases referred to the attendance team"))
            #expect(!teamsDue.text.contains(Self.unreferred), "an unreferred case is not on the team's due list")
            // The case screen offers what the role may do.
            #expect(try await visitors["office"]!.get("/case?ref=\(riverside)").text.contains("href=\"/issue?ref=\(riverside)\""))
            #expect(!(try await visitors["office"]!.get("/case?ref=\(riverside)").text.contains("/bundle?ref=")))
            #expect(try await visitors["team"]!.get("/case?ref=\(riverside)").text.contains("href=\"/bundle?ref=\(riverside)\""))

            // Posting either form: the role check first, then the token; a form without it changes nothing.
            let issueForm = [("ref", WebFixture.riverside), ("document", "first-warning-letter"), ("method", "hand"), ("date", "2026-12-10"),
                             ("format-txt", "yes"), ("reissue", "the first went astray")]
            for (name, wanted) in [("nobody", "303 /login"), ("office", "403"), ("team", "403"), ("clerk", "403"), ("admin", "403")] {
                #expect(Self.got(try await visitors[name]!.post("/issue", form: issueForm)) == wanted, "\(name) POST /issue without its token")
                #expect(Self.got(try await visitors[name]!.post("/issue", form: [("csrf", String(repeating: "0", count: 64))] + issueForm)) == wanted,
                        "\(name) POST /issue with another token")
            }
            for (name, wanted) in [("nobody", "303 /login"), ("office", "403"), ("team", "403"), ("admin", "403")] {
                #expect(Self.got(try await visitors[name]!.post("/bundle", form: [("ref", WebFixture.riverside), ("kind", "draft")])) == wanted,
                        "\(name) POST /bundle without its token")
            }
            // Another school's office, with its own good token, is answered as if the case did not exist.
            let hillsideToken = try #require(Visitor.csrf(in: try await visitors["hillside"]!.get("/issue?ref=\(hillside)")))
            #expect(Self.got(try await visitors["hillside"]!.post("/issue", form: [("csrf", hillsideToken)] + issueForm)) == "404")
        }
        #expect(try fixture.workspace.issuedDocuments(for: WebFixture.riverside).count == before, "nothing issued by any refused post")
        #expect(!FileManager.default.fileExists(atPath: fixture.workspaceFolder.appendingPathComponent("bundles").path), "no bundle built")
    }

    @Test func eachPreviewCopyHoldsOnlyWhatItsRecipientMaySeeAndIsExactlyWhatIsIssued() async throws {
        let fixture = try Self.fixture("web-issue-preview")
        defer { fixture.remove() }
        let riverside = Visitor.encode(WebFixture.riverside)
        let before = try fixture.workspace.issuedDocuments(for: WebFixture.riverside)
        try await serving(fixture.site(slowWorkLimit: 600)) { client in
            let office = Visitor(client)
            try await office.signIn("office")
            // The choices, then the preview: one frame per copy.
            let form = try await office.get("/issue?ref=\(riverside)")
            #expect(form.text.contains("<label for=\"document\">Document</label>"))
            let missing = try await office.get("/issue?ref=\(riverside)&preview=1&document=&method=hand&date=10/12/2026")
            #expect(missing.status == .unprocessableContent)
            #expect(missing.text.contains("<a href=\"#document\">Choose the document to issue</a>") && missing.text.contains("<a href=\"#date\">Enter the date sent"))
            let preview = try await office.get("/issue?ref=\(riverside)&preview=1&\(Self.letterChoices)")
            #expect(preview.status == .ok)
            let frames = preview.text.components(separatedBy: "<iframe class=\"preview\"").count - 1
            #expect(frames == 2, "the mother and the father each have a copy: \(frames)")
            #expect(preview.text.contains("Copy 1 of 2: to Ms Zoë D&#39;Souza (parents[0])"))
            #expect(preview.text.contains("Copy 2 of 2: to Mr Ciarán O&#39;Brien (parents[1])"))
            for word in Self.fathersAddress { #expect(!preview.text.contains(word), "the page itself names no address") }
            var copies: [String] = []
            for index in 0..<frames {
                let copy = try await office.get("/issue/copy?ref=\(riverside)&\(Self.letterChoices)&copy=\(index)")
                #expect(copy.status == .ok)
                #expect(copy.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'self'") == true)
                copies.append(copy.text)
            }
            let fathers = 1
            for (index, copy) in copies.enumerated() {
                #expect(copy.contains("CAT/2026/0142"))
                for word in Self.fathersAddress {
                    #expect(copy.contains(word) == (index == fathers), "copy \(index): the father's confidential address only on his own copy")
                }
            }
            // Issue what was previewed, by hand, in text and HTML.
            let token = try #require(Visitor.csrf(in: preview))
            let issued = try await office.post("/issue", form: [("csrf", token), ("ref", WebFixture.riverside), ("document", "first-warning-letter"),
                                                               ("method", "hand"), ("date", "2026-12-10"), ("format-txt", "yes"), ("format-html", "yes"),
                                                               ("reissue", "the first went astray")])
            #expect(issued.status == .ok, "\(issued.text)")
            #expect(issued.text.contains("<h1>Document issued</h1>") && issued.text.contains("2 copies recorded and archived"))
            let now = try fixture.workspace.issuedDocuments(for: WebFixture.riverside).filter { doc in !before.contains { $0.id == doc.id } }
            #expect(now.count == 2)
            for document in now {
                #expect(document.kind == "first-warning-letter" && document.method == "hand" && document.sentOn == "2026-12-10")
                #expect(document.issuedBy == "office" && document.reissueReason == "the first went astray" && document.deemedServedOn != nil)
                #expect(Set(document.files.map(\.format)) == ["txt", "html"])
            }
            // Each copy archived is the copy previewed, byte for byte; and downloads from the case screen.
            for (index, copy) in copies.enumerated() {
                let html = try #require(now[index].files.first { $0.format == "html" })
                #expect(String(decoding: try fixture.workspace.archivedBytes(of: html), as: UTF8.self) == copy, "copy \(index) as previewed")
            }
            let text = try #require(now[0].files.first { $0.format == "txt" })
            let download = try await office.get("/download?ref=\(riverside)&id=\(Visitor.encode(now[0].id))&format=txt")
            let archivedText = try fixture.workspace.archivedBytes(of: text)
            #expect(download.status == .ok && download.body == archivedText)
            #expect(issued.text.contains("/download?ref=\(riverside)&amp;id=\(Visitor.encode(now[0].id))&amp;format=txt"))
            // The same again is refused by the record (inside the policy's window, no new reason is new).
            let again = try await office.post("/issue", form: [("csrf", token), ("ref", WebFixture.riverside), ("document", "first-warning-letter"),
                                                              ("method", "hand"), ("date", "2026-12-10"), ("format-txt", "yes")])
            #expect(again.status == .unprocessableContent && again.text.contains("Nothing was issued"), "\(again.text)")
        }
        #expect(try fixture.workspace.issuedDocuments(for: WebFixture.riverside).count == before.count + 2)
        let log = try fixture.workspace.accessLog().map { "\($0.username) \($0.action) \($0.caseReference ?? "") \($0.what)" }
        #expect(log.contains { $0.hasPrefix("office view CAT/2026/0142 a preview of the first-warning-letter, 2 copies: parents[0], parents[1]") })
        #expect(log.contains { $0.hasPrefix("office change CAT/2026/0142 issued the first-warning-letter to parents[0], parents[1] by hand on 2026-12-10") })
        #expect(!log.joined().contains("Siobh") && !log.joined().contains("O'Brien"), "the log names no one")
    }

    @Test(.timeLimit(.minutes(10)))
    func theTeamSeesWhatTheBundleLacksIsRefusedAFinalOneAndBuildsAndDownloadsADraft() async throws {
        let fixture = try Self.fixture("web-bundle")
        defer { fixture.remove() }
        let riverside = Visitor.encode(WebFixture.riverside)
        // The page waits no time at all: the build goes on after the answer, as a slow one would.
        try await serving(fixture.site(slowWorkLimit: 0)) { client in
            let team = Visitor(client)
            try await team.signIn("team")
            let screen = try await team.get("/bundle?ref=\(riverside)")
            #expect(screen.status == .ok)
            #expect(screen.text.contains("Not ready for prosecution"), "the fixture's case lacks its signed statements")
            #expect(screen.text.contains("To do:") && screen.text.contains("No bundle has been built for this case yet."))
            let token = try #require(Visitor.csrf(in: screen))
            let refused = try await team.post("/bundle", form: [("csrf", token), ("ref", WebFixture.riverside), ("kind", "final")])
            // A final bundle of an incomplete case is refused before FOP runs, or after the page stopped waiting.
            if refused.status == .accepted {
                try await Self.waitUntilBuilt(team, riverside)
            }
            let afterRefusal = try await team.get("/bundle?ref=\(riverside)")
            #expect(refused.text.contains("is not ready for court") || afterRefusal.text.contains("The last build failed"), "\(afterRefusal.text)")
            #expect(afterRefusal.text.contains("No bundle has been built"))

            let started = try await team.post("/bundle", form: [("csrf", token), ("ref", WebFixture.riverside), ("kind", "draft")])
            #expect(started.status == .accepted && started.text.contains("Still being built"), "the page did not wait: \(started.status)")
            let built = try await Self.waitUntilBuilt(team, riverside)
            #expect(built.text.contains("Download the bundle (PDF)") && built.text.contains("draft"), "\(built.text)")
            let download = try await team.get("/bundle/download?ref=\(riverside)")
            #expect(download.status == .ok && download.headers[.contentType] == "application/pdf")
            let pdf = fixture.folder.appendingPathComponent("bundle.pdf")
            try download.body.write(to: pdf)
            let words = try pdfText(pdf)
            #expect(words.contains("DRAFT") && words.contains("CAT/2026/0142"))
        }
        let log = try fixture.workspace.accessLog().map { "\($0.username) \($0.action) \($0.caseReference ?? "") \($0.what)" }
        #expect(log.contains { $0.hasPrefix("team download CAT/2026/0142 the evidence bundle's PDF") })
    }

    /// The bundle screen once no build is under way.
    @discardableResult
    static func waitUntilBuilt(_ visitor: Visitor, _ reference: String) async throws -> Reply {
        for _ in 0..<600 {
            let screen = try await visitor.get("/bundle?ref=\(reference)")
            if !screen.text.contains("A bundle is being built now") { return screen }
            try await Task.sleep(for: .milliseconds(500))
        }
        throw LoopbackHTTPClient.Failure(description: "the bundle was still being built after five minutes")
    }
}
