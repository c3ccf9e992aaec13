import AttendocTesting
import AttendocWorkspace
import Foundation
import Testing

/// Issuing a letter and building the evidence bundle in a real browser (Debian's headless
/// Chromium over WebDriver), against `attendoc serve` on a port of its own with the test's own
/// workspace: the office previews each copy, issues them by hand, downloads one and reads it; the
/// attendance team builds a draft bundle and downloads it. Screenshots go to the test's folder
/// and .build/test-artefacts/web/.
@Suite("Web: issuing and the bundle in a real browser", .serialized)
struct IssueAndBundleBrowserTests {
    @Test(.timeLimit(.minutes(15)))
    func theOfficePreviewsAndIssuesALetterAndTheTeamBuildsAndDownloadsADraftBundle() async throws {
        let fixture = try WebFixture("web-issue-browser")
        defer { fixture.remove() }
        let served = try await BrowserOnServedSite(fixture)
        defer { served.stop() }
        let browser = served.browser
        let site = served.site
        func save(_ name: String) async throws { try await served.save(name) }
        func signIn(_ username: String) async throws {
            try await served.signIn(username)
            try await browser.waitForHeading("Due list")
        }
        let before = try fixture.workspace.issuedDocuments(for: WebFixture.riverside)

        do {
            // The office, from the case: choose the letter, how it goes, the files.
            try await signIn("office")
            try await browser.navigate(to: "\(site)/case?ref=CAT%2F2026%2F0142")
            try await browser.waitForHeading("Case CAT/2026/0142")
            try await browser.click("a[href='/issue?ref=CAT%2F2026%2F0142']")
            try await browser.waitForHeading("Issue a document")
            try await browser.click("#document option[value='first-warning-letter']")
            try await browser.click("#method-hand")
            try await browser.click("#format-txt")
            try await browser.type("the first went to an old address", into: "#reissue")
            try await save("issue-choices")
            try await browser.click("form[action='/issue'] button")

            // Each copy in the page; the father's confidential address only in his own.
            try await browser.waitForHeading("Check each copy before it is issued")
            #expect(try await browser.text("main").contains("Copy 2 of 2: to Mr Ciarán O'Brien (parents[1])"))
            try await save("issue-preview")
            try await browser.click("form[action='/issue'] button")
            try await browser.waitForHeading("Document issued", seconds: 180)
            #expect(try await browser.text("main table").contains("parents[1] hand 2026-12-10"))
            try await save("issue-done")
            let now = try fixture.workspace.issuedDocuments(for: WebFixture.riverside).filter { doc in !before.contains { $0.id == doc.id } }
            #expect(now.count == 2 && now.allSatisfy { $0.method == "hand" && $0.issuedBy == "office" && $0.kind == "first-warning-letter" })

            // Download the mother's text copy from the case screen and read it.
            try await browser.navigate(to: "\(site)/case?ref=CAT%2F2026%2F0142")
            try await browser.waitForHeading("Case CAT/2026/0142")
            let mothers = try #require(now.first { $0.recipientPath == "parents[0]" })
            try await browser.click("a[href*='id=\(Visitor.encode(mothers.id))'][href*='format=txt']")
            let letter = try await served.downloaded(ending: ".txt")
            let words = try String(contentsOf: letter, encoding: .utf8)
            let archived = try fixture.workspace.archivedBytes(of: try #require(mothers.files.first { $0.format == "txt" }))
            #expect(try Data(contentsOf: letter) == archived, "the download is the archived copy, byte for byte")
            #expect(words.contains("Our reference: CAT/2026/0142") && words.contains("Formal warning: school attendance of"))
            #expect(!words.contains("Sidwell Street") && !words.contains("EX4 6NN"), "the mother's copy holds nothing of the father's address")

            // The attendance team: what the bundle lacks, then a draft built and downloaded.
            try await browser.click("form.signout button")
            try await signIn("team")
            try await browser.navigate(to: "\(site)/case?ref=CAT%2F2026%2F0142")
            try await browser.click("a[href='/bundle?ref=CAT%2F2026%2F0142']")
            try await browser.waitForHeading("Evidence bundle: case CAT/2026/0142")
            #expect(try await browser.text("#readiness ~ p").contains("Not ready for prosecution"))
            try await save("bundle-readiness")
            try await browser.click("#kind")
            try await browser.click("form[action='/bundle'] button")
            // The page waits up to two minutes, then says it is still being built: look again.
            // (Each read waits out the page being replaced, so it never reads a page going away.)
            var built = (try? await browser.waitForText("main", containing: "Download the bundle (PDF)", seconds: 150)) != nil
            if built { #expect(try await browser.text("main").contains("Bundle built"), "the page that waited says what was built") }
            for _ in 0..<60 where !built {
                try await Task.sleep(for: .seconds(5))
                try await browser.navigate(to: "\(site)/bundle?ref=CAT%2F2026%2F0142")
                built = (try? await browser.waitForText("main", containing: "Download the bundle (PDF)", seconds: 5)) != nil
            }
            #expect(built, "the bundle was built")
            try await save("bundle-built")
            try await browser.click("a[href='/bundle/download?ref=CAT%2F2026%2F0142']")
            let bundle = try await served.downloaded(ending: ".pdf")
            let pages = try pdfText(bundle)
            #expect(pages.contains("DRAFT") && pages.contains("CAT/2026/0142"))
        } catch {
            try? await save("issue-failure")
            await browser.endSession()
            throw error
        }
        await browser.endSession()
    }
}
