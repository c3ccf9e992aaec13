import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A small client of the W3C WebDriver protocol (https://www.w3.org/TR/webdriver2/) over HTTP, for
/// driving Debian's headless Chromium through chromedriver: a session, navigation, elements found
/// by CSS selector, typing, clicking, text, screenshots.
final class WebDriverClient {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let base: URL
    private(set) var sessionID = ""

    init(port: Int) {
        base = URL(string: "http://127.0.0.1:\(port)")!
    }

    /// Waits until chromedriver answers /status as ready (it starts in well under a second; the
    /// limit is generous for a loaded machine).
    func waitUntilReady(attempts: Int = 200) async throws {
        for _ in 0..<attempts {
            if let status = try? await send("GET", "/status", nil) as? [String: Any], status["ready"] as? Bool == true { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failure(description: "chromedriver did not become ready on \(base)")
    }

    /// Starts headless Chromium with its own profile and download folder.
    func startSession(profile: URL, downloads: URL) async throws {
        let capabilities: [String: Any] = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
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

    func click(_ css: String) async throws {
        let id = try await element(css)
        _ = try await send("POST", "/session/\(sessionID)/element/\(id)/click", [String: Any]())
    }

    /// The text of the element matching `css`, as rendered (what a reader sees).
    func text(_ css: String) async throws -> String {
        let id = try await element(css)
        return try await send("GET", "/session/\(sessionID)/element/\(id)/text", nil) as? String ?? ""
    }

    /// A PNG of the window.
    func screenshot() async throws -> Data {
        guard let encoded = try await send("GET", "/session/\(sessionID)/screenshot", nil) as? String,
              let data = Data(base64Encoded: encoded) else { throw Failure(description: "no screenshot") }
        return data
    }

    /// Sends one command and returns its `value`; a WebDriver error becomes a `Failure` naming it.
    private func send(_ method: String, _ path: String, _ body: Any?) async throws -> Any? {
        var request = URLRequest(url: base.appendingPathComponent(path))
        request.httpMethod = method
        request.timeoutInterval = 120
        if let body {
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let object = data.isEmpty ? nil : try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: Any]
        let value = object?["value"]
        if let status = (response as? HTTPURLResponse)?.statusCode, status >= 400 {
            let error = (value as? [String: Any]).map { "\($0["error"] ?? "") \($0["message"] ?? "")" } ?? "HTTP \(status)"
            throw Failure(description: "WebDriver \(method) \(path): \(error)")
        }
        return value is NSNull ? nil : value
    }
}
