import Foundation
import HTTPTypes
import Testing

typealias Reply = LoopbackHTTPClient.Reply

/// One person's browser as the server tests see it: keeps the cookies the site sets, sends them
/// back, and reads the CSRF token from each form. It follows no redirect (the tests look at each).
final class Visitor {
    let client: LoopbackHTTPClient
    private(set) var cookies: [String: String] = [:]
    /// The attributes each cookie was last set with (`Secure; HttpOnly; ...`).
    private(set) var cookieAttributes: [String: String] = [:]

    init(_ client: LoopbackHTTPClient) {
        self.client = client
    }

    @discardableResult
    func get(_ uri: String) async throws -> Reply {
        try await send(uri, method: "GET", body: nil, contentType: nil)
    }

    @discardableResult
    func post(_ uri: String, form: [(String, String)]) async throws -> Reply {
        let body = form.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(uri, method: "POST", body: Data(body.utf8), contentType: "application/x-www-form-urlencoded")
    }

    /// A file upload as a browser sends it (multipart/form-data).
    @discardableResult
    func upload(_ uri: String, fields: [(String, String)], file: (field: String, name: String, bytes: String)?) async throws -> Reply {
        let boundary = "----attendoc-test-boundary"
        var body = ""
        for (name, value) in fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        if let file {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: text/csv\r\n\r\n\(file.bytes)\r\n"
        }
        body += "--\(boundary)--\r\n"
        return try await send(uri, method: "POST", body: Data(body.utf8), contentType: "multipart/form-data; boundary=\(boundary)")
    }

    private func send(_ uri: String, method: String, body: Data?, contentType: String?) async throws -> Reply {
        var headers: [(String, String)] = []
        if !cookies.isEmpty { headers.append(("Cookie", cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; "))) }
        if let contentType { headers.append(("Content-Type", contentType)) }
        let response = try await client.send(method, uri, headers: headers, body: body)
        for header in response.headers[values: .setCookie] {
            let parts = header.split(separator: ";", maxSplits: 1)
            let pair = parts[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(pair[0]), value = pair.count > 1 ? String(pair[1]) : ""
            cookieAttributes[name] = parts.count > 1 ? String(parts[1]) : ""
            if value.isEmpty || header.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        return response
    }

    /// Signs in through the form; returns the response to the posted form.
    @discardableResult
    func signIn(_ username: String, password: String = WebFixture.password) async throws -> Reply {
        let form = try await get("/login")
        let token = try #require(Self.csrf(in: form))
        return try await post("/login", form: [("csrf", token), ("username", username), ("password", password)])
    }

    /// The CSRF token in a page's form.
    static func csrf(in response: Reply) -> String? {
        let page = response.text
        guard let range = page.range(of: #"name="csrf" value="([0-9a-f]{64})""#, options: .regularExpression) else { return nil }
        return String(page[range].dropFirst(#"name="csrf" value=""#.count).dropLast())
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")) ?? ""
    }
}
