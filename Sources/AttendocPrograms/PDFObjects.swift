import AttendocValues
import Foundation

/// One value of a PDF's object syntax (ISO 32000-1, 7.3), as far as `PDFLetterSplit` reads and
/// writes them. Numbers and names keep their text as written; strings keep their delimiters, so a
/// value is written back exactly as read.
indirect enum PDFValue: Equatable {
    case null
    case bool(Bool)
    case number(String)
    /// A name without its slash, as written (escapes kept).
    case name(String)
    /// A literal `(…)` or hexadecimal `<…>` string, with its delimiters, as written.
    case string([UInt8])
    case array([PDFValue])
    /// Keys (without the slash) in the order written.
    case dictionary([(key: String, value: PDFValue)])
    case reference(Int)

    static func == (lhs: PDFValue, rhs: PDFValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.number(a), .number(b)): a == b
        case let (.name(a), .name(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.dictionary(a), .dictionary(b)): a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case let (.reference(a), .reference(b)): a == b
        default: false
        }
    }

    subscript(key: String) -> PDFValue? {
        guard case .dictionary(let entries) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }

    var integer: Int? {
        guard case .number(let text) = self else { return nil }
        return Int(text)
    }

    var items: [PDFValue]? {
        guard case .array(let items) = self else { return nil }
        return items
    }

    /// The dictionary with `key` set to `value` (replaced where it is, or added at the end), or
    /// removed when `value` is nil.
    func setting(_ key: String, _ value: PDFValue?) -> PDFValue {
        guard case .dictionary(var entries) = self else { return self }
        if let index = entries.firstIndex(where: { $0.key == key }) {
            if let value { entries[index].value = value } else { entries.remove(at: index) }
        } else if let value {
            entries.append((key, value))
        }
        return .dictionary(entries)
    }

    /// The value written in PDF syntax.
    func write(to out: inout [UInt8]) {
        switch self {
        case .null: out += Array("null".utf8)
        case .bool(let value): out += Array((value ? "true" : "false").utf8)
        case .number(let text): out += Array(text.utf8)
        case .name(let text): out.append(UInt8(ascii: "/")); out += Array(text.utf8)
        case .string(let bytes): out += bytes
        case .reference(let number): out += Array("\(number) 0 R".utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: " ")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .dictionary(let entries):
            out += Array("<<".utf8)
            for entry in entries {
                out += Array(" /\(entry.key) ".utf8)
                entry.value.write(to: &out)
            }
            out += Array(" >>".utf8)
        }
    }
}

/// The objects of a PDF file with a classic cross-reference table (what qpdf writes with
/// `--object-streams=disable`): each object's value and, for a stream, its bytes as stored.
struct PDFObjects {
    struct Object {
        var value: PDFValue
        var stream: [UInt8]?
    }

    private(set) var objects: [Int: Object] = [:]
    private(set) var trailer: PDFValue = .dictionary([])

    subscript(number: Int) -> Object? { objects[number] }

    /// The value `value` stands for: the object it refers to, or itself.
    func resolved(_ value: PDFValue?) -> PDFValue? {
        if case .reference(let number)? = value { return objects[number]?.value }
        return value
    }

    init(_ data: Data, name: String) throws(AttendocError) {
        let bytes = [UInt8](data)
        func failure(_ what: String) -> AttendocError {
            AttendocError(.programFailed, "the typeset PDF of \(name) cannot be split into its letters: \(what)")
        }
        guard let startxref = Self.lastRange(of: Array("startxref".utf8), in: bytes) else { throw failure("no startxref") }
        var reader = PDFReader(bytes: bytes, position: startxref + 9)
        guard let xrefOffset = reader.nextValue()?.integer, xrefOffset < bytes.count else { throw failure("no cross-reference offset") }
        reader.position = xrefOffset
        guard reader.keyword() == "xref" else { throw failure("no classic cross-reference table (written with object streams?)") }
        var offsets: [Int: Int] = [:]
        while true {
            let save = reader.position
            guard let first = reader.nextValue()?.integer, let count = reader.nextValue()?.integer else {
                reader.position = save
                break
            }
            for number in first..<(first + count) {
                guard let offset = reader.nextValue()?.integer, reader.nextValue()?.integer != nil else { throw failure("a damaged cross-reference entry") }
                let kind = reader.keyword()
                if kind == "n" { offsets[number] = offset }
            }
        }
        guard reader.keyword() == "trailer", let trailer = reader.nextValue() else { throw failure("no trailer") }
        self.trailer = trailer
        for (number, offset) in offsets {
            reader.position = offset
            guard reader.nextValue()?.integer == number, reader.nextValue()?.integer != nil, reader.keyword() == "obj",
                  let value = reader.nextValue() else { throw failure("object \(number) cannot be read") }
            var object = Object(value: value, stream: nil)
            let save = reader.position
            if reader.keyword() == "stream" {
                var start = reader.position
                if start < bytes.count, bytes[start] == 0x0D { start += 1 }
                if start < bytes.count, bytes[start] == 0x0A { start += 1 }
                guard let length = value["Length"]?.integer, start + length <= bytes.count else {
                    throw failure("object \(number) is a stream without a direct length")
                }
                object.stream = Array(bytes[start..<start + length])
            } else {
                reader.position = save
            }
            objects[number] = object
        }
    }

    private static func lastRange(of pattern: [UInt8], in bytes: [UInt8]) -> Int? {
        var index = bytes.count - pattern.count
        while index >= 0 {
            if bytes[index] == pattern[0], bytes[index..<index + pattern.count].elementsEqual(pattern) { return index }
            index -= 1
        }
        return nil
    }
}

/// Reads PDF values from bytes, from a position on.
struct PDFReader {
    let bytes: [UInt8]
    var position: Int

    private static func isWhite(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00
    }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        "()<>[]{}/%".utf8.contains(byte)
    }

    mutating func skipWhite() {
        while position < bytes.count {
            if Self.isWhite(bytes[position]) {
                position += 1
            } else if bytes[position] == UInt8(ascii: "%") {
                while position < bytes.count, bytes[position] != 0x0A, bytes[position] != 0x0D { position += 1 }
            } else {
                return
            }
        }
    }

    /// A bare word (`obj`, `stream`, `n`), or nil at a delimiter or the end.
    mutating func keyword() -> String? {
        skipWhite()
        let start = position
        while position < bytes.count, !Self.isWhite(bytes[position]), !Self.isDelimiter(bytes[position]) { position += 1 }
        return position > start ? String(decoding: bytes[start..<position], as: UTF8.self) : nil
    }

    /// The next value; `N G R` is read as one reference. Nil at the end or on something else.
    mutating func nextValue() -> PDFValue? {
        skipWhite()
        guard position < bytes.count else { return nil }
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "/"):
            position += 1
            let start = position
            while position < bytes.count, !Self.isWhite(bytes[position]), !Self.isDelimiter(bytes[position]) { position += 1 }
            return .name(String(decoding: bytes[start..<position], as: UTF8.self))
        case UInt8(ascii: "("):
            let start = position
            var depth = 0
            while position < bytes.count {
                let current = bytes[position]
                if current == UInt8(ascii: "\\") { position += 2; continue }
                if current == UInt8(ascii: "(") { depth += 1 }
                if current == UInt8(ascii: ")") { depth -= 1; if depth == 0 { position += 1; break } }
                position += 1
            }
            return .string(Array(bytes[start..<min(position, bytes.count)]))
        case UInt8(ascii: "<"):
            if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "<") {
                position += 2
                var entries: [(key: String, value: PDFValue)] = []
                while true {
                    skipWhite()
                    if position + 1 < bytes.count, bytes[position] == UInt8(ascii: ">"), bytes[position + 1] == UInt8(ascii: ">") {
                        position += 2
                        return .dictionary(entries)
                    }
                    guard case .name(let key)? = nextValue(), let value = nextValue() else { return nil }
                    entries.append((key, value))
                }
            }
            let start = position
            while position < bytes.count, bytes[position] != UInt8(ascii: ">") { position += 1 }
            position += 1
            return .string(Array(bytes[start..<min(position, bytes.count)]))
        case UInt8(ascii: "["):
            position += 1
            var items: [PDFValue] = []
            while true {
                skipWhite()
                if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    return .array(items)
                }
                guard let item = nextValue() else { return nil }
                items.append(item)
            }
        default:
            guard let word = keyword() else { return nil }
            switch word {
            case "null": return .null
            case "true": return .bool(true)
            case "false": return .bool(false)
            default:
                guard word.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true else { return nil }
                // An integer followed by another and R is a reference.
                if Int(word) != nil {
                    let save = position
                    if let generation = keyword(), Int(generation) != nil, keyword() == "R" {
                        return .reference(Int(word)!)
                    }
                    position = save
                }
                return .number(word)
            }
        }
    }
}
