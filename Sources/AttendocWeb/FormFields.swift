import Foundation

/// The fields of a form posted as `application/x-www-form-urlencoded`, or of a query string.
struct FormFields: Sendable {
    private(set) var values: [String: String] = [:]

    init(urlEncoded text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(String(parts[0]))
            let value = parts.count > 1 ? Self.decode(String(parts[1])) : ""
            if values[name] == nil { values[name] = value }
        }
    }

    init(_ values: [String: String]) { self.values = values }

    subscript(name: String) -> String? { values[name] }

    static func decode(_ text: String) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

/// A form posted as `multipart/form-data` (a file upload): its text fields and its one file.
struct MultipartForm: Sendable {
    struct File: Sendable {
        var fileName: String
        var bytes: Data
    }

    var fields: FormFields
    var file: File?

    /// Reads `body` split by the boundary named in `contentType`; nil when it is not multipart.
    init?(contentType: String, body: Data) {
        guard contentType.lowercased().hasPrefix("multipart/form-data"),
              let range = contentType.range(of: "boundary=") else { return nil }
        var boundary = String(contentType[range.upperBound...])
        if let end = boundary.firstIndex(of: ";") { boundary = String(boundary[..<end]) }
        boundary = boundary.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        guard !boundary.isEmpty else { return nil }
        let delimiter = Data("--\(boundary)".utf8)
        var fields: [String: String] = [:]
        var file: File?
        var position = body.startIndex
        guard let first = body.range(of: delimiter, in: position..<body.endIndex) else { return nil }
        position = first.upperBound
        while let next = body.range(of: delimiter, in: position..<body.endIndex) {
            var part = body[position..<next.lowerBound]
            // Each part: CRLF, headers, CRLF CRLF, content, CRLF.
            if part.starts(with: Data("\r\n".utf8)) { part = part.dropFirst(2) }
            if part.count >= 2, part.suffix(2) == Data("\r\n".utf8) { part = part.dropLast(2) }
            if let split = part.range(of: Data("\r\n\r\n".utf8)) {
                let headers = String(decoding: part[part.startIndex..<split.lowerBound], as: UTF8.self)
                let content = Data(part[split.upperBound...])
                let disposition = headers.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-disposition:") }.map(String.init) ?? ""
                if let name = Self.parameter("name", in: disposition) {
                    if let fileName = Self.parameter("filename", in: disposition) {
                        if file == nil, !fileName.isEmpty { file = File(fileName: fileName, bytes: content) }
                    } else if fields[name] == nil {
                        fields[name] = String(decoding: content, as: UTF8.self)
                    }
                }
            }
            position = next.upperBound
            if body[position...].starts(with: Data("--".utf8)) { break }
        }
        self.fields = FormFields(fields)
        self.file = file
    }

    private static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard piece.lowercased().hasPrefix("\(name)=") else { continue }
            var value = String(piece.dropFirst(name.count + 1))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}
