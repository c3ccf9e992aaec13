import AttendocTesting
import Foundation
import Testing

/// What each browser test drives: `attendoc serve` started as a user starts it, on a free port
/// with the test's own workspace; chromedriver on another free port; and a headless Chromium
/// session whose downloads go to the test's folder. Screenshots are saved in the test's folder and,
/// at `stop()`, copied to .build/test-artefacts/web/ to be looked at. `stop()` ends chromedriver
/// (and with it Chromium) and the server; the test calls it on every path (`defer`). Browser tests
/// take turns (`OneBrowserAtATime`): the turn is taken here and given back by `stop()`.
final class BrowserOnServedSite {
    /// The site's address, `http://127.0.0.1:PORT`.
    let site: String
    let browser: WebDriverClient
    /// Where the browser saves what it downloads.
    let downloads: URL
    let screenshots: URL
    private let server: BackgroundProgram
    private let chromedriver: BackgroundProgram
    private var stopped = false

    init(_ fixture: WebFixture) async throws {
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium"), "Chromium is needed: scripts/setup installs it")
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver"), "chromedriver is needed: scripts/setup installs it")
        await OneBrowserAtATime.turn.take()
        let screenshots = fixture.folder.appendingPathComponent("screenshots")
        let server: BackgroundProgram
        do {
            try FileManager.default.createDirectory(at: screenshots, withIntermediateDirectories: true)
            server = try BackgroundProgram(WebFixture.program, ["serve", "--port", "0", "--as-of", "2026-12-10",
                                                               "--workspace", fixture.workspaceFolder.path], in: fixture.folder)
        } catch {
            OneBrowserAtATime.turn.giveBack()
            throw error
        }
        let site: String
        let chromedriver: BackgroundProgram
        let driverPort: Int
        do {
            let listening = try await server.waitForOutput(containing: "listening on http://127.0.0.1:")
            let port = try #require(listening.split(separator: ":").last.flatMap { Int($0.filter(\.isNumber)) })
            site = "http://127.0.0.1:\(port)"
            (chromedriver, driverPort) = try await Self.startChromedriver(in: fixture.folder)
        } catch {
            server.stop()
            BrowserTests.keep(screenshots)
            OneBrowserAtATime.turn.giveBack()
            throw error
        }
        self.screenshots = screenshots
        self.server = server
        self.site = site
        self.chromedriver = chromedriver
        browser = WebDriverClient(port: driverPort)
        downloads = fixture.folder.appendingPathComponent("downloads")
        do {
            try await browser.waitUntilReady()
            try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: true)
            try await browser.startSession(profile: fixture.folder.appendingPathComponent("profile"), downloads: downloads)
        } catch {
            stop()
            throw error
        }
    }

    /// Starts chromedriver on a port it chooses itself (port 0) and reads which from its
    /// "started successfully on port N" line, so no other test can take the port between a choice
    /// and the start. chromedriver binds IPv6 to port 0 and then IPv4 to the same number; when
    /// another program already holds that number on IPv4 it exits ("IPv4 port not available"),
    /// and it is started again, up to five times. Any other failure is the test's failure.
    private static func startChromedriver(in folder: URL) async throws -> (BackgroundProgram, Int) {
        var attempt = 1
        while true {
            let chromedriver = try BackgroundProgram("/usr/bin/chromedriver", ["--port=0"], in: folder)
            do {
                let started = try await chromedriver.waitForOutput(containing: "started successfully on port")
                let port = try #require(started.split(separator: " ").last.flatMap { Int($0.filter(\.isNumber)) })
                return (chromedriver, port)
            } catch let failure as BackgroundProgram.Failure
                where attempt < 5 && failure.description.contains("port not available") {
                chromedriver.stop()
                attempt += 1
            } catch {
                chromedriver.stop()
                throw error
            }
        }
    }

    /// Ends chromedriver and the server, and keeps the screenshots as test artefacts.
    func stop() {
        guard !stopped else { return }
        stopped = true
        chromedriver.stop()
        server.stop()
        BrowserTests.keep(screenshots)
        OneBrowserAtATime.turn.giveBack()
    }

    /// A screenshot of the page as it is now, saved as `name`.png.
    func save(_ name: String) async throws {
        try await browser.screenshot().write(to: screenshots.appendingPathComponent("\(name).png"))
    }

    /// Signs in as `username` through the sign-in page (every fixture account has one password).
    func signIn(_ username: String) async throws {
        try await browser.navigate(to: "\(site)/login")
        try await browser.type(username, into: "#username")
        try await browser.type(WebFixture.password, into: "#password")
        try await browser.click("form[action='/login'] button")
    }

    /// Waits for the browser to finish writing a download ending `suffix` (no `.crdownload` left).
    func downloaded(ending suffix: String) async throws -> URL {
        for _ in 0..<300 {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: downloads.path)) ?? []
            if let name = names.first(where: { $0.hasSuffix(suffix) }) { return downloads.appendingPathComponent(name) }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw WebDriverClient.Failure(description: "the browser saved no \(suffix) file in \(downloads.path)")
    }
}
