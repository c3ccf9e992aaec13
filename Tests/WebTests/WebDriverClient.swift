import Foundation

/// A small client of the W3C WebDriver protocol (https://www.w3.org/TR/webdriver2/) over HTTP, for
/// driving Debian's headless Chromium through chromedriver: a session, navigation, elements found
/// by CSS selector, typing, clicking, text, screenshots.
final class WebDriverClient {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let driver: LoopbackHTTPClient
    private(set) var sessionID = ""

    init(port: Int) {
        // Every command has a time limit: a browser that stops answering fails the test.
        driver = LoopbackHTTPClient(port: port, timeLimit: 60)
    }

    /// Waits until chromedriver answers /status as ready (it starts in well under a second; the
    /// limit is generous, as the whole suite loads both cores while the browser tests run).
    func waitUntilReady(seconds: Double = 120) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if let status = try? await send("GET", "/status", nil) as? [String: Any], status["ready"] as? Bool == true { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failure(description: "chromedriver did not become ready on port \(driver.port)")
    }

    /// Starts headless Chromium with its own profile and download folder.
    func startSession(profile: URL, downloads: URL) async throws {
        let capabilities: [String: Any] = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
                    // A page that does not load in 30 s is an error, not a wait.
                    "timeouts": ["pageLoad": 30000, "script": 10000, "implicit": 3000],
                    "goog:chromeOptions": [
                        "binary": "/usr/bin/chromium",
                        "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1100,1200",
                                 "--user-data-dir=\(profile.path)", "--no-first-run", "--disable-extensions"],
                        "prefs": ["download.default_directory": downloads.path, "download.prompt_for_download": false,
                                  "download.directory_upgrade": true, "safebrowsing.enabled": false],
                    ] as [String: Any],
                ] as [String: Any],
            ] as [String: Any],
        ]
        guard let value = try await send("POST", "/session", capabilities) as? [String: Any], let id = value["sessionId"] as? String else {
            throw Failure(description: "chromedriver started no session")
        }
        sessionID = id
        // Downloads in headless Chromium go where the test says (Chrome DevTools' Browser.setDownloadBehavior).
        _ = try? await send("POST", "/session/\(sessionID)/goog/cdp/execute",
                            ["cmd": "Browser.setDownloadBehavior", "params": ["behavior": "allow", "downloadPath": downloads.path]])
    }

    func endSession() async {
        guard !sessionID.isEmpty else { return }
        _ = try? await send("DELETE", "/session/\(sessionID)", nil)
    }

    func navigate(to url: String) async throws {
        _ = try await send("POST", "/session/\(sessionID)/url", ["url": url])
    }

    func currentURL() async throws -> String {
        try await send("GET", "/session/\(sessionID)/url", nil) as? String ?? ""
    }

    func title() async throws -> String {
        try await send("GET", "/session/\(sessionID)/title", nil) as? String ?? ""
    }

    /// The element matching `css`; fails naming the selector when there is none.
    func element(_ css: String) async throws -> String {
        guard let value = try await send("POST", "/session/\(sessionID)/element", ["using": "css selector", "value": css]) as? [String: Any],
              let id = value["element-6066-11e4-a52e-4f735466cecf"] as? String else {
            throw Failure(description: "no element matches \(css)")
        }
        return id
    }

    func type(_ text: String, into css: String) async throws {
        let id = try await element(css)
        _ = try await send("POST", "/session/\(sessionID)/element/\(id)/value", ["text": text])
    }

    /// Empties a text field or text area.
    func clear(_ css: String) async throws {
        let id = try await element(css)
        _ = try await send("POST", "/session/\(sessionID)/element/\(id)/clear", [String: Any]())
    }

    func click(_ css: String) async throws {
        let id = try await element(css)
        _ = try await send("POST", "/session/\(sessionID)/element/\(id)/click", [String: Any]())
    }

    /// The text of the element matching `css`, as rendered (what a reader sees).
    func text(_ css: String) async throws -> String {
        let id = try await element(css)
        return try await send("GET", "/session/\(sessionID)/element/\(id)/text", nil) as? String ?? ""
    }

    /// Runs `script` in the page (WebDriver's own way in, which the page's Content-Security-Policy
    /// does not govern): the test's way to take a field out of a form, as a forged form would lack it.
    func execute(_ script: String) async throws {
        _ = try await send("POST", "/session/\(sessionID)/execute/sync", ["script": script, "args": [Any]()])
    }

    /// The cookies the browser holds for the current page (HttpOnly ones too), as WebDriver gives them.
    func cookies() async throws -> [[String: Any]] {
        try await send("GET", "/session/\(sessionID)/cookie", nil) as? [[String: Any]] ?? []
    }

    /// Waits (up to `seconds`) for the page's `h1` to read `expected`: a click that submits a form
    /// or follows a link may return before the next page is there.
    func waitForHeading(_ expected: String, seconds: Double = 15) async throws {
        try await waitForText("h1", seconds: seconds, "is “\(expected)”") { $0 == expected }
    }

    /// Waits (up to `seconds`) for the text of `css` to hold `part`.
    func waitForText(_ css: String, containing part: String, seconds: Double = 15) async throws {
        try await waitForText(css, seconds: seconds, "holds “\(part)”") { $0.contains(part) }
    }

    private func waitForText(_ css: String, seconds: Double, _ what: String, _ condition: (String) -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        var seen = ""
        while ContinuousClock.now < deadline {
            seen = (try? await text(css)) ?? ""
            if condition(seen) { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failure(description: "\(css) never \(what) within \(Int(seconds)) s; it reads “\(seen.prefix(300))” (at \((try? await currentURL()) ?? "?"))")
    }

    /// A PNG of the window.
    func screenshot() async throws -> Data {
        guard let encoded = try await send("GET", "/session/\(sessionID)/screenshot", nil) as? String,
              let data = Data(base64Encoded: encoded) else { throw Failure(description: "no screenshot") }
        return data
    }

    /// Sends one command and returns its `value`; a WebDriver error becomes a `Failure` naming it.
    private func send(_ method: String, _ path: String, _ body: Any?) async throws -> Any? {
        let json = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        let reply = try await driver.send(method, path, headers: json == nil ? [] : [("Content-Type", "application/json; charset=utf-8")], body: json)
        let object = reply.body.isEmpty ? nil : try JSONSerialization.jsonObject(with: reply.body, options: [.fragmentsAllowed]) as? [String: Any]
        let value = object?["value"]
        if reply.status.code >= 400 {
            let error = (value as? [String: Any]).map { "\($0["error"] ?? "") \($0["message"] ?? "")" } ?? "HTTP \(reply.status.code)"
            throw Failure(description: "WebDriver \(method) \(path): \(error)")
        }
        return value is NSNull ? nil : value
    }
}
