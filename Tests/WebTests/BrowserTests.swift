import AttendocTesting
import AttendocWorkspace
import Foundation
import Testing

/// The front end in a real browser: Debian's headless Chromium, driven over WebDriver by
/// chromedriver, against `attendoc serve` as a user starts it, each on a port of its own and with
/// the test's own workspace. A screenshot of each main screen is saved in the test's folder and
/// copied to .build/test-artefacts/web/ to be looked at. Chromium missing is a failure, not a skip.
/// Nothing here can hang: every WebDriver command has a time limit, the test has one, and
/// chromedriver and Chromium are ended on every path (`BackgroundProgram`).
@Suite("Web: in a real browser", .serialized)
struct BrowserTests {
    static let artefacts = repositoryRoot.appendingPathComponent(".build/test-artefacts/web")

    @Test(.timeLimit(.minutes(15)))
    func aSchoolOfficeSignsInImportsARegisterOpensItsCaseAndDownloadsTheLetterButNotAnotherSchoolsCase() async throws {
        let fixture = try WebFixture("web-browser")
        defer { fixture.remove() }
        let served = try await BrowserOnServedSite(fixture)
        defer { served.stop() }
        let browser = served.browser
        let site = served.site
        func save(_ name: String) async throws { try await served.save(name) }
        func signIn(_ username: String) async throws { try await served.signIn(username) }

        do {
            // Sign in. The session cookie is Secure, and Chromium keeps and sends it over
            // http://127.0.0.1 (a secure context, as localhost is).
            try await browser.navigate(to: "\(site)/login")
            try await browser.waitForHeading("Sign in")
            try await save("login")
            try await signIn("office")

            // The due list.
            try await browser.waitForHeading("Due list")
            #expect(try await browser.currentURL() == "\(site)/due")
            let cookie = try #require(try await browser.cookies().first { $0["name"] as? String == "attendoc_session" })
            #expect(cookie["secure"] as? Bool == true && cookie["httpOnly"] as? Bool == true && cookie["sameSite"] as? String == "Strict")
            #expect(try await browser.text("main").contains("What needs doing as of 2026-12-10"))
            try await save("due-list")

            // Import a register by upload: a refused file shows its problem by pupil, day and
            // session; a good one is imported.
            try await browser.navigate(to: "\(site)/register")
            try await browser.waitForHeading("Import a register")
            let bad = fixture.folder.appendingPathComponent("week-with-a-bad-mark.csv")
            try Data("upn,date,am,pm\nY878401219052,2026-12-07,/,\\\nY878401219052,2026-12-08,/,QQ\n".utf8).write(to: bad)
            try await browser.type(bad.path, into: "#register")
            try await browser.click("form[action='/register'] button")
            try await browser.waitForText("#problems + table", containing: "pupil Y878401219052, 2026-12-08 PM: unknown attendance mark \"QQ\"")
            #expect(try await browser.text(".error-summary").contains("The register could not be imported"))
            try await save("register-refused")
            let week = fixture.folder.appendingPathComponent("week.csv")
            try Data("upn,date,am,pm\nY878401219052,2026-12-07,/,\\\n".utf8).write(to: week)
            try await browser.type(week.path, into: "#register")
            try await browser.click("form[action='/register'] button")
            try await browser.waitForText("main", containing: "Register imported")
            #expect(try await browser.text("main").contains("week.csv (import 2): 1 pupil(s)"))
            #expect(try fixture.workspace.registerImports().count == 2)
            try await save("register-imported")

            // A form without its CSRF token (taken out of the page, as a forged form would lack
            // it) is refused and records nothing.
            try await browser.navigate(to: "\(site)/register")
            try await browser.execute("document.querySelector('form[action=\"/register\"] input[name=csrf]').remove()")
            try await browser.type(week.path, into: "#register")
            try await browser.click("form[action='/register'] button")
            try await browser.waitForHeading("This form cannot be accepted")
            #expect(try fixture.workspace.registerImports().count == 2, "nothing imported without the token")
            try await save("form-refused")

            // The case, from its link on the due list.
            try await browser.navigate(to: "\(site)/due")
            try await browser.click("a[href='/case?ref=CAT%2F2026%2F0142']")
            try await browser.waitForHeading("Case CAT/2026/0142")
            let pupil = try await browser.text("dl dd")
            #expect(pupil.contains(WebFixture.hostileForename), "the hostile name reads as text: \(pupil)")
            #expect(try await browser.text("#documents + table").contains("first-warning-letter"))
            try await save("case")

            // Download the letter's text and read it.
            try await browser.click("a[href*='format=txt']")
            let letter = try await served.downloaded(ending: ".txt")
            let archived = try fixture.workspace.issuedDocuments(for: WebFixture.riverside)
                .flatMap(\.files).filter { $0.format == "txt" }.map { try fixture.workspace.archivedBytes(of: $0) }
            #expect(archived.contains(try Data(contentsOf: letter)), "the download is an archived copy, byte for byte")
            let words = try String(contentsOf: letter, encoding: .utf8)
            #expect(words.contains("Our reference: CAT/2026/0142"))
            #expect(words.contains("Formal warning: school attendance of"))
            #expect(words.contains("72.8%"), "the engine's figure the letter quotes (83 of 114 sessions attended)")

            // Another school's office: not its case, not the access log.
            try await browser.click("form.signout button")
            try await browser.waitForHeading("Sign in")
            try await signIn("hillside")
            try await browser.waitForHeading("Due list")
            try await browser.navigate(to: "\(site)/case?ref=CAT%2F2026%2F0142")
            try await browser.waitForHeading("Page not found")
            #expect(!(try await browser.text("main")).contains("Y878401219052"))
            try await save("another-schools-case")
            try await browser.navigate(to: "\(site)/access-log")
            try await browser.waitForHeading("You cannot see this page")
            try await save("access-log-refused")

            // The administrator reads who saw what, and the staff.
            try await browser.click("form.signout button")
            try await signIn("admin")
            try await browser.waitForHeading("Access log")
            let log = try await browser.text("main table")
            #expect(log.contains("office download CAT/2026/0142 Y878401219052"))
            #expect(log.contains("hillside view the due list as of 2026-12-10"), "the other office's due list: \(log)")
            #expect(!log.contains("hillside view CAT/2026/0142"), "it never saw Riverside's case")
            try await save("access-log")
            try await browser.navigate(to: "\(site)/staff")
            #expect(try await browser.text("main table").contains("hillside school office 113456"))
            try await save("staff")
        } catch {
            try? await save("failure")
            await browser.endSession()
            throw error
        }
        await browser.endSession()
    }

    /// Copies the screenshots to .build/test-artefacts/web/, where they outlive the test's folder.
    static func keep(_ screenshots: URL) {
        try? FileManager.default.createDirectory(at: artefacts, withIntermediateDirectories: true)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: screenshots.path)) ?? [] {
            let target = artefacts.appendingPathComponent(name)
            try? FileManager.default.removeItem(at: target)
            try? FileManager.default.copyItem(at: screenshots.appendingPathComponent(name), to: target)
        }
    }
}
