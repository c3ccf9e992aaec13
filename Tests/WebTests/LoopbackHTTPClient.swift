import Foundation
import HTTPTypes
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 client over a plain socket to a server on this machine (127.0.0.1): the
/// tests' way to `attendoc serve` (started on port 0 in the test) and to chromedriver.
///
/// Not URLSession: Foundation's on Linux refuses chromedriver's answers (`Content-Length:252`,
/// no space after the colon: "Failed writing header"), and it follows redirects and keeps cookies
/// itself, which the tests must see for themselves. One request per connection
/// (`Connection: close`); every exchange has a time limit, so a server that does not answer fails
/// the test instead of hanging it. The socket work runs on a thread of its own, never on the
/// tests' cooperative threads (which the server's handlers need).
struct LoopbackHTTPClient: Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    struct Reply: Sendable {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    let port: Int
    /// The longest one exchange may take, connecting to the last byte.
    var timeLimit: TimeInterval = 60

    func send(_ method: String, _ target: String, headers: [(String, String)] = [], body: Data? = nil) async throws -> Reply {
        let port = port, limit = timeLimit
        return try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try Self.exchange(port: port, method, target, headers, body, limit: limit) })
            }
        }
    }

    private static func exchange(port: Int, _ method: String, _ target: String, _ headers: [(String, String)], _ body: Data?,
                                 limit: TimeInterval) throws -> Reply {
        let deadline = Date().addingTimeInterval(limit)
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "no socket: \(String(cString: strerror(errno)))") }
        defer { close(socket) }
        var timeout = timeval(tv_sec: Int(limit), tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            throw Failure(description: "cannot connect to 127.0.0.1:\(port): \(String(cString: strerror(errno)))")
        }

        var request = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        request += "Content-Length: \(body?.count ?? 0)\r\n\r\n"
        var outgoing = Data(request.utf8)
        if let body { outgoing.append(body) }
        try outgoing.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var sent = 0
            while sent < bytes.count {
                let written = Glibc.send(socket, bytes.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL))
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { throw Failure(description: "\(method) \(target): the request could not be sent: \(String(cString: strerror(errno)))") }
                sent += written
            }
        }

        // Read until the answer is whole (by its Content-Length or last chunk; chromedriver keeps
        // the connection open whatever the request says), or the server closes the connection.
        var incoming = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !isComplete(incoming) {
            guard Date() < deadline else { throw Failure(description: "\(method) \(target): no complete answer within \(Int(limit)) s") }
            let got = recv(socket, &buffer, buffer.count, 0)
            if got < 0 && errno == EINTR { continue }
            if got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                throw Failure(description: "\(method) \(target): no answer within \(Int(limit)) s")
            }
            guard got >= 0 else { throw Failure(description: "\(method) \(target): \(String(cString: strerror(errno)))") }
            if got == 0 { break }
            incoming.append(contentsOf: buffer[0..<got])
        }
        return try parse(incoming, for: "\(method) \(target)")
    }

    /// Whether `data` holds a whole answer: its headers, and all of the body they announce.
    static func isComplete(_ data: Data) -> Bool {
        guard let end = data.firstRange(of: Data("\r\n\r\n".utf8)) else { return false }
        let head = String(decoding: data[data.startIndex..<end.lowerBound], as: UTF8.self).lowercased()
        let bodyCount = data.distance(from: end.upperBound, to: data.endIndex)
        for line in head.components(separatedBy: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            if parts[0] == "content-length", let length = Int(parts[1]) { return bodyCount >= length }
            if parts[0] == "transfer-encoding", parts[1].contains("chunked") {
                return data[end.upperBound...].range(of: Data("\r\n0\r\n\r\n".utf8)) != nil
                    || data[end.upperBound...].starts(with: Data("0\r\n\r\n".utf8))
            }
        }
        // Neither: the body runs to the end of the connection.
        return false
    }

    /// The status line, the header fields (with or without a space after the colon) and the body
    /// (by its Content-Length, chunked, or to the end).
    static func parse(_ data: Data, for request: String) throws -> Reply {
        guard let end = data.firstRange(of: Data("\r\n\r\n".utf8)) else {
            throw Failure(description: "\(request): the answer has no end of headers (\(data.count) bytes)")
        }
        let head = String(decoding: data[data.startIndex..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ", maxSplits: 2)
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."), let code = Int(statusParts[1]) else {
            throw Failure(description: "\(request): not an HTTP answer: \(head[0])")
        }
        var fields = HTTPFields()
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":"), let name = HTTPField.Name(String(line[..<colon])) else { continue }
            fields.append(HTTPField(name: name, value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        var body = Data(data[end.upperBound...])
        if fields[.transferEncoding]?.lowercased().contains("chunked") == true {
            body = try dechunked(body, for: request)
        } else if let length = fields[.contentLength].flatMap({ Int($0) }) {
            guard body.count >= length else { throw Failure(description: "\(request): the body ended after \(body.count) of \(length) bytes") }
            body = body.prefix(length)
        }
        return Reply(status: HTTPResponse.Status(code: code), headers: fields, body: body)
    }

    static func dechunked(_ data: Data, for request: String) throws -> Data {
        var result = Data()
        var rest = data[...]
        while let lineEnd = rest.firstRange(of: Data("\r\n".utf8)) {
            let sizeText = String(decoding: rest[rest.startIndex..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw Failure(description: "\(request): a chunk without its size")
            }
            if size == 0 { return result }
            let start = lineEnd.upperBound
            guard rest.distance(from: start, to: rest.endIndex) >= size + 2 else { throw Failure(description: "\(request): a chunk cut short") }
            let stop = rest.index(start, offsetBy: size)
            result.append(rest[start..<stop])
            rest = rest[rest.index(stop, offsetBy: 2)...]
        }
        throw Failure(description: "\(request): the chunked body has no last chunk")
    }
}
