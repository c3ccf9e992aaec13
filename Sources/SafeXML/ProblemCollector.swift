import CLibXSLT
import CLibXSLTErrorCapture
import Foundation

/// Collects libxml2's structured errors (which carry file, line and column) for one call.
final class ProblemCollector {
    private(set) var problems: [XMLProblem] = []
    let source: String

    init(source: String) {
        self.source = source
    }

    fileprivate func record(_ error: xmlError) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        let message = error.message.map { String(cString: $0) } ?? "error \(error.code)"
        let file = error.file.map { String(cString: $0) } ?? source
        problems.append(XMLProblem(
            file: file,
            line: error.line > 0 ? Int(error.line) : nil,
            column: error.int2 > 0 ? Int(error.int2) : nil,
            message: message.trimmingWhitespace().withoutQuotedContent()
        ))
    }

    /// libxml2 calls this with the collector as user data. Declared as the library's own type so it
    /// fits both the 2.9 signature and the `const xmlError *` of 2.12 and later.
    static let handler: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        Unmanaged<ProblemCollector>.fromOpaque(userData).takeUnretainedValue().record(error.pointee)
    }

    /// The opaque pointer to hand to libxml2 while `body` runs; the collector outlives it.
    func withUserData<T>(_ body: (UnsafeMutableRawPointer) throws -> T) rethrows -> T {
        try withExtendedLifetime(self) {
            try body(Unmanaged.passUnretained(self).toOpaque())
        }
    }

    /// Runs `body` with libxml2's per-thread structured error handler pointing at this collector.
    func collecting<T>(_ body: () throws -> T) rethrows -> T {
        try withUserData { userData in
            xmlSetStructuredErrorFunc(userData, Self.handler)
            defer { xmlSetStructuredErrorFunc(nil, nil) }
            return try body()
        }
    }
}

/// Text that libxslt printed through its variadic error channel while `body` ran on this thread.
func capturingGenericErrors<T>(_ body: () throws -> T) rethrows -> (result: T, text: String) {
    attendoc_capture_begin()
    func finish() -> String {
        guard let collected = attendoc_capture_end() else { return "" }
        defer { free(collected) }
        return String(cString: collected)
    }
    do {
        let result = try body()
        return (result, finish())
    } catch {
        _ = finish()
        throw error
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    /// A libxml2 message with what it quotes from the document left out: the input may be a register
    /// or a document made from a case, and libxml2 quotes values ("Type date doesn't allow value
    /// '…'") and bytes ("Bytes: 0xE9 0x20 …"). Quoted text (a quote mark after a space) becomes '…'; the message stops before
    /// its first line break or "Bytes:"; and control characters are dropped.
    func withoutQuotedContent() -> String {
        var text = Substring(self)
        if let cut = text.range(of: "Bytes:") { text = text[..<cut.lowerBound] }
        if let cut = text.firstIndex(where: \.isNewline) { text = text[..<cut] }
        var result = ""
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { result.append(character); quote = nil }
                continue
            }
            let opensQuote = result.last.map { $0.isWhitespace || $0 == "(" || $0 == ":" || $0 == "=" } ?? true
            if (character == "'" || character == "\"") && opensQuote {
                result.append(character)
                result.append("…")
                quote = character
                continue
            }
            if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory != .control }) { result.append(character) }
        }
        if let open = quote { result.append(open) }
        return String(result).trimmingWhitespace()
    }

    /// libxslt's text split into one problem per non-empty line.
    func problems(in source: String) -> [XMLProblem] {
        split(whereSeparator: \.isNewline)
            .map { String($0).trimmingWhitespace() }
            .filter { !$0.isEmpty }
            .map { XMLProblem(file: source, message: $0) }
    }
}
