import AttendocTesting
import AttendocValues
import AttendocWeb
import AttendocWorkspace
import Foundation
import Testing

/// Every route of `attendoc serve` for every role, over real HTTP to the site on a free port
/// (`serving`, `LoopbackHTTPClient`), against the real workspace (SQLite, the archive) and the real engine.
@Suite("Web: routes and roles")
struct WebServerTests {

    @Test func signingInSetsASecureHttpOnlySameSiteCookieThatExpires() async throws {
        let fixture = try WebFixture("web-sign-in")
        defer { fixture.remove() }
        let clock = TestClock(WebFixture.moment)
        try await serving(fixture.site(clock: clock)) { client in
            let visitor = Visitor(client)
            // Not signed in: every screen sends the visitor to sign in.
            for path in ["/due", "/case?ref=CAT%2F2026%2F0142", "/register", "/access-log", "/"] {
                let response = try await visitor.get(path)
                #expect(response.status == .seeOther, "\(path)")
                #expect(response.headers[.location] == "/login", "\(path)")
            }
            let form = try await visitor.get("/login")
            #expect(form.text.contains(#"<label for="username">Username</label>"#))
            #expect(form.text.contains(#"<label for="password">Password</label>"#))
            #expect(form.text.contains("<h1>Sign in</h1>"))
            let signedIn = try await visitor.signIn("office")
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.headers[.location] == "/due")
            let attributes = try #require(visitor.cookieAttributes["attendoc_session"])
            for attribute in ["Secure", "HttpOnly", "SameSite=Strict", "Max-Age=28800", "Path=/"] {
                #expect(attributes.contains(attribute), "the session cookie has \(attribute): \(attributes)")
            }
            #expect(try await visitor.get("/due").status == .ok)
            // Eight hours on, the session has expired.
            clock.advance(8 * 3600 + 1)
            let expired = try await visitor.get("/due")
            #expect(expired.status == .seeOther)
            #expect(expired.headers[.location] == "/login")
        }
        // Only the token's SHA-256 is kept, never the token.
        let token = try #require(try await Self.sessionToken(fixture))
        let rows = try run("sqlite3", [fixture.workspaceFolder.appendingPathComponent("attendoc.sqlite").path, "SELECT token_sha256 FROM staff_session"]).output
        #expect(!rows.contains(token))
    }

    /// Signs in once more and returns the session token the browser holds.
    static func sessionToken(_ fixture: WebFixture) async throws -> String? {
        let site = AttendocSite(workspace: fixture.workspace, resources: AttendocTesting.resources, settings: WebSettings(port: 0), clock: TestClock(WebFixture.moment).webClock)
        return try await serving(site) { client in
            let visitor = Visitor(client)
            try await visitor.signIn("team")
            return visitor.cookies["attendoc_session"]
        }
    }

    @Test func aWrongPasswordIsRefusedWithAnErrorSummaryAndRepeatedFailuresLockTheAccount() async throws {
        let fixture = try WebFixture("web-lockout")
        defer { fixture.remove() }
        let clock = TestClock(WebFixture.moment)
        try await serving(fixture.site(clock: clock)) { client in
            let visitor = Visitor(client)
            let wrong = try await visitor.signIn("office", password: "not the password at all")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("There is a problem"))
            #expect(wrong.text.contains(##"<a href="#username">The username or password is not right</a>"##), "the summary links to the field")
            #expect(wrong.text.contains("<title>Error: Sign in"))
            #expect(visitor.cookies["attendoc_session"] == nil)
            for _ in 2...5 { try await visitor.signIn("office", password: "not the password at all") }
            // Locked: the right password is refused too, for the lockout's length.
            let locked = try await visitor.signIn("office")
            #expect(locked.status == .tooManyRequests)
            #expect(locked.text.contains("Too many failed sign-in attempts"))
            #expect(visitor.cookies["attendoc_session"] == nil)
            clock.advance(15 * 60 + 1)
            #expect(try await visitor.signIn("office").status == .seeOther)
            #expect(visitor.cookies["attendoc_session"] != nil)
        }
    }

    @Test func everyFormIsRefusedWithoutItsCSRFToken() async throws {
        let fixture = try WebFixture("web-csrf")
        defer { fixture.remove() }
        try await serving(fixture.site()) { client in
            let visitor = Visitor(client)
            _ = try await visitor.get("/login")
            // Sign-in without the token, and with a token that is not the cookie's.
            let missing = try await visitor.post("/login", form: [("username", "office"), ("password", WebFixture.password)])
            #expect(missing.status == .forbidden)
            let forged = try await visitor.post("/login", form: [("csrf", String(repeating: "a", count: 64)), ("username", "office"), ("password", WebFixture.password)])
            #expect(forged.status == .forbidden)
            #expect(visitor.cookies["attendoc_session"] == nil)
            try await visitor.signIn("office")
            let csv = "upn,date,am,pm\nY878401219052,2026-12-07,/,\\\n"
            let upload = try await visitor.upload("/register", fields: [], file: ("register", "week.csv", csv))
            #expect(upload.status == .forbidden)
            #expect(upload.text.contains("This form cannot be accepted"))
            #expect(try fixture.workspace.registerImports().count == 1, "nothing was imported")
            let logout = try await visitor.post("/logout", form: [])
            #expect(logout.status == .forbidden)
            #expect(try await visitor.get("/due").status == .ok, "still signed in")
            // With the token, signing out closes the session.
            let token = try #require(Visitor.csrf(in: try await visitor.get("/due")))
            #expect(try await visitor.post("/logout", form: [("csrf", token)]).headers[.location] == "/login")
            #expect(try await visitor.get("/due").status == .seeOther)
        }
    }

    @Test func theDueListShowsEachRoleItsOwnCasesSoonestFirst() async throws {
        let fixture = try WebFixture("web-due")
        defer { fixture.remove() }
        try await serving(fixture.site()) { client in
            let team = Visitor(client)
            try await team.signIn("team")
            let all = try await team.get("/due")
            #expect(all.status == .ok)
            #expect(all.text.contains("<h1>Due list</h1>"))
            #expect(all.text.contains("What needs doing as of 2026-12-10"))
            #expect(all.text.contains(#"<a href="/case?ref=CAT%2F2026%2F0142">CAT/2026/0142</a>"#))
            let dates = Self.dueDates(all.text)
            #expect(!dates.isEmpty)
            #expect(dates == dates.sorted(), "soonest first: \(dates)")

            let office = Visitor(client)
            try await office.signIn("office")
            let own = try await office.get("/due")
            #expect(own.text.contains("CAT/2026/0142"))
            // An open N mark names a pupil; its row links to the pupil's case.
            let markRow = try #require(own.text.split(separator: "\n").first { $0.contains("is still marked N") })
            #expect(markRow.contains(#"<a href="/case?ref=CAT%2F2026%2F0142">"#), "\(markRow)")
            let hillside = Visitor(client)
            try await hillside.signIn("hillside")
            #expect(!(try await hillside.get("/due")).text.contains("CAT/2026/0142"), "a school office sees its own school only")

            let clerk = Visitor(client)
            try await clerk.signIn("clerk")
            let panel = try await clerk.get("/due")
            #expect(panel.status == .ok)
            #expect(!panel.text.contains("CAT/2026/0142"), "no case of this record went to the panel")

            let admin = Visitor(client)
            try await admin.signIn("admin")
            #expect(try await admin.get("/due").status == .forbidden, "an administrator sees no child's record")
        }
    }

    /// Text as the site escapes it in a page.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }

    static func dueDates(_ page: String) -> [String] {
        let start = #"<tr><td class="date">"#
        return page.split(separator: "\n").filter { $0.hasPrefix(start + "20") }.map { String($0.dropFirst(start.count).prefix(10)) }
    }

    @Test func aCaseShowsItsFiguresChronologyAndDocumentsToThoseWhoMaySeeIt() async throws {
        let fixture = try WebFixture("web-case")
        defer { fixture.remove() }
        try await serving(fixture.site()) { client in
            let office = Visitor(client)
            try await office.signIn("office")
            let page = try await office.get("/case?ref=CAT%2F2026%2F0142")
            #expect(page.status == .ok)
            let text = page.text
            #expect(text.contains("<h1>Case CAT/2026/0142</h1>"))
            #expect(text.contains("Y878401219052"))
            #expect(text.contains(#"<h2 id="figures">Attendance</h2>"#))
            #expect(text.contains("Unauthorised absence"))
            #expect(text.contains("first-warning-letter sent to parents[1] by post"), "the chronology has the letter sent")
            #expect(text.contains("parenting contract meeting held (meetings[0])"))
            #expect(text.contains("Download TXT"))
            #expect(text.contains("Download PDF"))
            // The hostile forename prints as text.
            #expect(text.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &#39;Siobhán&#39;"))
            #expect(!text.contains("<script>"))
            #expect(page.headers[.contentSecurityPolicy]?.contains("script-src 'none'") == true)
            // Readiness for a referral and for court: what `attendoc check` finds, gap for gap.
            #expect(text.contains(#"<h2 id="readiness">Readiness</h2>"#))
            let caseFile = fixture.folder.appendingPathComponent("examples/riverside-first-warning.yaml").path
            for purpose in ["referral", "prosecution"] {
                let check = try run(WebFixture.program, ["check", caseFile, "--for", purpose, "--as-of", "2026-12-10",
                                                         "--workspace", fixture.workspaceFolder.path]).output
                let verdict = try #require(check.split(separator: "\n").first { $0.hasPrefix("ready for") || $0.hasPrefix("not ready for") })
                #expect(text.contains(Self.escaped(verdict.prefix(1).uppercased() + verdict.dropFirst()) + "."), "\(purpose): \(verdict)")
                let gaps = check.split(separator: "\n").filter { $0.hasPrefix("- ") }
                if let first = gaps.first, let colon = first.firstIndex(of: ":") {
                    #expect(text.contains("<li>" + Self.escaped(String(first[first.index(first.startIndex, offsetBy: 2)..<colon])) + ":"), "\(first)")
                }
            }

            // Another school's case, and a case that does not exist: the same 404.
            let hillside = Visitor(client)
            try await hillside.signIn("hillside")
            let other = try await hillside.get("/case?ref=CAT%2F2026%2F0142")
            #expect(other.status == .notFound)
            #expect(!other.text.contains("Y878401219052"))
            #expect(try await hillside.get("/case?ref=NO%2FSUCH").status == .notFound)
            let own = try await hillside.get("/case?ref=HPS%2F2026%2F017")
            #expect(own.status == .ok)
            #expect(own.text.contains("Cannot be checked here: the case's policy does not say what a referral needs"), "a policy without a referral checklist")
            // (How many are missing is the readiness check's own count, tested with it.)
            #expect(own.text.contains("Not ready for prosecution: ") && own.text.contains(" things missing as of 10 December 2026."))
            #expect(!own.text.contains("/policies/"), "no server path")

            let team = Visitor(client)
            try await team.signIn("team")
            #expect(try await team.get("/case?ref=HPS%2F2026%2F017").status == .ok)
            let clerk = Visitor(client)
            try await clerk.signIn("clerk")
            #expect(try await clerk.get("/case?ref=CAT%2F2026%2F0142").status == .notFound)
            let admin = Visitor(client)
            try await admin.signIn("admin")
            #expect(try await admin.get("/case?ref=CAT%2F2026%2F0142").status == .forbidden)
        }
    }

    @Test func aDownloadIsTheArchivedFileByteForByteAndCannotLeaveTheArchive() async throws {
        let fixture = try WebFixture("web-download")
        defer { fixture.remove() }
        let issued = try fixture.workspace.issuedDocuments(for: WebFixture.riverside).filter(\.archived)
        let letter = try #require(issued.first)
        let text = try #require(letter.files.first { $0.format == "txt" })
        let archived = try fixture.workspace.archivedBytes(of: text)
        try await serving(fixture.site()) { client in
            let office = Visitor(client)
            try await office.signIn("office")
            let uri = "/download?ref=CAT%2F2026%2F0142&id=\(Visitor.encode(letter.id))&format=txt"
            let download = try await office.get(uri)
            #expect(download.status == .ok)
            #expect(download.body == archived)
            #expect(download.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"CAT-2026-0142-first-warning-letter-") == true)
            #expect(download.text.contains("Y878401219052") || download.text.contains("attendance"), "it is the letter")
            // Paths in the request are never paths on disk.
            for hostile in ["../../attendoc.sqlite", "..%2F..%2Fattendoc.sqlite", "/etc/passwd", "txt/../../attendoc.sqlite"] {
                let response = try await office.get("/download?ref=CAT%2F2026%2F0142&id=\(Visitor.encode(letter.id))&format=\(hostile)")
                #expect(response.status == .notFound, "\(hostile)")
            }
            #expect(try await office.get("/download?ref=CAT%2F2026%2F0142&id=..%2F..%2Fattendoc.sqlite&format=txt").status == .notFound)
            // Another school's office cannot download it, even knowing its id.
            let hillside = Visitor(client)
            try await hillside.signIn("hillside")
            #expect(try await hillside.get(uri).status == .notFound)
            #expect(try await hillside.get("/download?ref=HPS%2F2026%2F017&id=\(Visitor.encode(letter.id))&format=txt").status == .notFound)
        }
    }

    @Test func aRegisterUploadIsImportedOrItsProblemsShownByLineAndPupil() async throws {
        let fixture = try WebFixture("web-register")
        defer { fixture.remove() }
        try await serving(fixture.site()) { client in
            let office = Visitor(client)
            try await office.signIn("office")
            let form = try await office.get("/register")
            #expect(form.status == .ok)
            #expect(form.text.contains(#"<label for="register">Register export</label>"#))
            #expect(form.text.contains(#"enctype="multipart/form-data""#))
            let token = try #require(Visitor.csrf(in: form))

            let none = try await office.upload("/register", fields: [("csrf", token)], file: nil)
            #expect(none.status == .badRequest)
            #expect(none.text.contains(##"<a href="#register">Select a register export to import</a>"##))

            let wrongKind = try await office.upload("/register", fields: [("csrf", token)], file: ("register", "marks.exe", "MZ"))
            #expect(wrongKind.status == .badRequest)
            #expect(wrongKind.text.contains("must be a CSV register (.csv) or a Common Transfer File (.xml)"))

            let bad = "upn,date,am,pm\nY878401219052,2026-12-07,/,\\\nY878401219052,2026-12-08,/,QQ\n"
            let refused = try await office.upload("/register", fields: [("csrf", token)], file: ("register", "week.csv", bad))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Problems in the file"))
            #expect(refused.text.contains("pupil Y878401219052, 2026-12-08 PM: unknown attendance mark &quot;QQ&quot;"), "the problem by pupil, day and session")
            #expect(refused.text.contains("Nothing from this file was recorded"))
            #expect(try fixture.workspace.registerImports().count == 1)

            let good = "upn,date,am,pm\nY878401219052,2026-12-07,/,\\\n"
            let imported = try await office.upload("/register", fields: [("csrf", token)], file: ("register", "week.csv", good))
            #expect(imported.status == .ok)
            #expect(imported.text.contains("Register imported"))
            #expect(imported.text.contains("week.csv (import 2): 1 pupil(s)"))
            #expect(try fixture.workspace.registerImports().count == 2)
            #expect(try fixture.workspace.registerImports().last?.importedBy == "office")

            let clerk = Visitor(client)
            try await clerk.signIn("clerk")
            #expect(try await clerk.get("/register").status == .forbidden)
        }
    }

    @Test func theAccessLogRecordsEveryViewAndChangeAndOnlyAnAdministratorReadsIt() async throws {
        let fixture = try WebFixture("web-access-log")
        defer { fixture.remove() }
        try await serving(fixture.site()) { client in
            let office = Visitor(client)
            try await office.signIn("office")
            try await office.get("/due")
            try await office.get("/case?ref=CAT%2F2026%2F0142")
            #expect(try await office.get("/access-log").status == .forbidden)
            #expect(try await office.get("/staff").status == .forbidden)

            let admin = Visitor(client)
            try await admin.signIn("admin")
            let log = try await admin.get("/access-log")
            #expect(log.status == .ok)
            #expect(log.text.contains("<h1>Access log</h1>"))
            #expect(log.text.contains("<td>office</td><td>view</td><td>CAT/2026/0142</td><td>Y878401219052</td>"))
            let staff = try await admin.get("/staff")
            #expect(staff.text.contains("<td>hillside</td><td>school office</td><td>113456</td>"))
        }
        let entries = try fixture.workspace.accessLog()
        #expect(entries.map(\.action) == ["view", "view"])
        #expect(entries.map(\.at).allSatisfy { $0 == "2026-12-10T11:00:00Z" }, "when, from the server's clock")
        #expect(entries[1].caseReference == WebFixture.riverside)
        // The log names records by reference and UPN, never a child by name.
        #expect(!entries.contains { $0.what.contains("Siobh") || $0.what.contains("O'Brien") })
    }

    @Test func anAccountIsMadeOnlyWithAStrongPasswordKeptAsABcryptHash() throws {
        let fixture = try WebFixture("web-accounts")
        defer { fixture.remove() }
        #expect(throws: AttendocError.self) {
            try StaffEnrolment.add(username: "short", role: .attendanceTeam, schoolURN: nil, password: "tooshort", to: fixture.workspace, by: "t", at: WebFixture.moment, cost: 4)
        }
        #expect(throws: AttendocError.self) {
            try StaffEnrolment.add(username: "noschool", role: .schoolOffice, schoolURN: nil, password: WebFixture.password, to: fixture.workspace, by: "t", at: WebFixture.moment, cost: 4)
        }
        #expect(throws: AttendocError.self) {
            try StaffEnrolment.add(username: "office", role: .attendanceTeam, schoolURN: nil, password: WebFixture.password, to: fixture.workspace, by: "t", at: WebFixture.moment, cost: 4)
        }
        let account = try #require(try fixture.workspace.staffAccount("office"))
        #expect(account.passwordHash.hasPrefix("$2b$04$"))
        #expect(!account.passwordHash.contains(WebFixture.password))
        // Through the command line, the password from standard input.
        let added = try run("sh", ["-c", "printf '%s\\n' 'a long enough password' | \(WebFixture.program) user add j.smith --role school-office --school 149876 --by admin --workspace \(fixture.workspaceFolder.path)"])
        #expect(added.status == 0, "\(added.error)")
        #expect(added.output.contains("added the school-office account j.smith"))
        #expect(try fixture.workspace.staffAccount("j.smith")?.passwordHash.hasPrefix("$2b$12$") == true)
    }
}
