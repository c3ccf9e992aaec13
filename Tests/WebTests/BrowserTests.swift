import AttendocTesting
import AttendocWorkspace
import Foundation
import Testing

/// The front end in a real browser: Debian's headless Chromium, driven over WebDriver by
/// chromedriver, against `attendoc serve` as a user starts it, each on a port of its own and with
/// the test's own workspace. Screenshots of each main screen are kept in
/// .build/test-artefacts/web/ to be looked at. Chromium missing is a failure, not a skip.
@Suite("Web: in a real browser", .serialized)
struct BrowserTests {
    static let artefacts = repositoryRoot.appendingPathComponent(".build/test-artefacts/web")

    @Test func aSchoolOfficeSignsInSeesTheDueListOpensItsCaseAndDownloadsTheLetterButNotAnotherSchoolsCase() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium"), "Chromium is needed: scripts/setup installs it")
        #expect(FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver"), "chromedriver is needed: scripts/setup installs it")
        let fixture = try WebFixture("web-browser")
        defer { fixture.remove() }
        try FileManager.default.createDirectory(at: Self.artefacts, withIntermediateDirectories: true)

        let server = try BackgroundProgram(WebFixture.program, ["serve", "--port", "0", "--as-of", "2026-12-10",
                                                               "--workspace", fixture.workspaceFolder.path], in: fixture.folder)
        defer { server.stop() }
        let listening = try await server.waitForOutput(containing: "listening on http://127.0.0.1:")
        let port = try #require(listening.split(separator: ":").last.flatMap { Int($0.filter(\.isNumber)) })
        let site = "http://127.0.0.1:\(port)"

        let driverPort = try freePort()
        let chromedriver = try BackgroundProgram("/usr/bin/chromedriver", ["--port=\(driverPort)"], in: fixture.folder)
        defer { chromedriver.stop() }
        let browser = WebDriverClient(port: driverPort)
        try await browser.waitUntilReady()
        let downloads = fixture.folder.appendingPathComponent("downloads")
        try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: true)
        try await browser.startSession(profile: fixture.folder.appendingPathComponent("profile"), downloads: downloads)

        do {
            // Sign in.
            try await browser.navigate(to: "\(site)/login")
            #expect(try await browser.text("h1") == "Sign in")
            try await save(browser, "login")
            try await browser.type("office", into: "#username")
            try await browser.type(WebFixture.password, into: "#password")
            try await browser.click("button[type=submit]")

            // The due list.
            #expect(try await browser.currentURL() == "\(site)/due")
            #expect(try await browser.text("h1") == "Due list")
            #expect(try await browser.text("main").contains("What needs doing as of 2026-12-10"))
            try await save(browser, "due-list")

            // The case, from its link on the due list.
            try await browser.click("a[href='/case?ref=CAT%2F2026%2F0142']")
            #expect(try await browser.text("h1") == "Case CAT/2026/0142")
            let pupil = try await browser.text("dl dd")
            #expect(pupil.contains(WebFixture.hostileForename), "the hostile name reads as text: \(pupil)")
            #expect(try await browser.text("#documents + table").contains("first-warning-letter"))
            try await save(browser, "case")

            // Download the letter's text and read it.
            try await browser.click("a[href*='format=txt']")
            let letter = try await downloaded(in: downloads, ending: ".txt")
            let archived = try fixture.workspace.issuedDocuments(for: WebFixture.riverside)
                .flatMap(\.files).filter { $0.format == "txt" }.map { try fixture.workspace.archivedBytes(of: $0) }
            #expect(archived.contains(try Data(contentsOf: letter)), "the download is an archived copy, byte for byte")
            let words = try String(contentsOf: letter, encoding: .utf8)
            #expect(words.contains("Y878401219052") || words.localizedCaseInsensitiveContains("attendance"), "the letter's text")

            // Import a register by upload.
            try await browser.navigate(to: "\(site)/register")
            let week = fixture.folder.appendingPathComponent("week.csv")
            try Data("upn,date,am,pm\nY878401219052,2026-12-07,/,\\\n".utf8).write(to: week)
            try await browser.type(week.path, into: "#register")
            try await browser.click("button[type=submit]")
            #expect(try await browser.text("main").contains("Register imported"))
            try await save(browser, "register-import")

            // Another school's office: not its case, not the access log.
            try await browser.click("form.signout button")
            #expect(try await browser.text("h1") == "Sign in")
            try await browser.type("hillside", into: "#username")
            try await browser.type(WebFixture.password, into: "#password")
            try await browser.click("button[type=submit]")
            try await browser.navigate(to: "\(site)/case?ref=CAT%2F2026%2F0142")
            #expect(try await browser.text("h1") == "Page not found")
            #expect(!(try await browser.text("main")).contains("Y878401219052"))
            try await save(browser, "another-schools-case")
            try await browser.navigate(to: "\(site)/access-log")
            #expect(try await browser.text("h1") == "You cannot see this page")

            // The administrator reads who saw what.
            try await browser.click("form.signout button")
            try await browser.type("admin", into: "#username")
            try await browser.type(WebFixture.password, into: "#password")
            try await browser.click("button[type=submit]")
            #expect(try await browser.text("h1") == "Access log")
            #expect(try await browser.text("main table").contains("office download CAT/2026/0142 Y878401219052"))
            try await save(browser, "access-log")
        } catch {
            try? await save(browser, "failure")
            await browser.endSession()
            throw error
        }
        await browser.endSession()
    }

    func save(_ browser: WebDriverClient, _ name: String) async throws {
        try await browser.screenshot().write(to: Self.artefacts.appendingPathComponent("\(name).png"))
    }

    /// Waits for the browser to finish writing a download (no `.crdownload` left).
    func downloaded(in folder: URL, ending suffix: String) async throws -> URL {
        for _ in 0..<300 {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            if let name = names.first(where: { $0.hasSuffix(suffix) }) { return folder.appendingPathComponent(name) }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw WebDriverClient.Failure(description: "the browser saved no \(suffix) file in \(folder.path)")
    }
}

/// A port nobody listens on now: the kernel's choice for a socket bound to port 0.
func freePort() throws -> Int {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { throw WebDriverClient.Failure(description: "no socket") }
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
    }
    guard bound else { throw WebDriverClient.Failure(description: "cannot bind a socket to a free port") }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// A program the test starts and stops itself (the server, chromedriver), its output kept.
final class BackgroundProgram: @unchecked Sendable {
    private let process = Process()
    private let output: URL

    init(_ program: String, _ arguments: [String], in folder: URL) throws {
        output = folder.appendingPathComponent("\(URL(fileURLWithPath: program).lastPathComponent)-\(UUID().uuidString).out")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    /// The first line of its output holding `text`, waiting for it (up to two minutes).
    func waitForOutput(containing text: String) async throws -> String {
        for _ in 0..<1200 {
            let written = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            if let line = written.split(separator: "\n").first(where: { $0.contains(text) }) { return String(line) }
            guard process.isRunning else { throw WebDriverClient.Failure(description: "the program stopped: \(written)") }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw WebDriverClient.Failure(description: "no line with \(text) in the program's output")
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }
}
