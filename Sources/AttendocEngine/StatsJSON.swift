import AttendocValues

/// The JSON `attendoc stats --json` prints (docs/stats.md), written directly: keys sorted, two
/// spaces of indent, `"key" : value`, as Foundation's JSONSerialization writes it with
/// `.prettyPrinted, .sortedKeys, .withoutEscapingSlashes` (the test compares the two), at a small
/// part of its cost for a whole school (it boxed every value of 1,200 pupils' fields as `Any`).
indirect enum StatsJSON {
    case string(String)
    case integer(Int)
    /// A number given in tenths, written as a decimal: 891 → `89.1`, 490 → `49`.
    case tenths(Int)
    case bool(Bool)
    case null
    case array([StatsJSON])
    case object([(String, StatsJSON)])

    static func optional(_ text: String?) -> StatsJSON { text.map(StatsJSON.string) ?? .null }
    static func optional(_ number: Int?) -> StatsJSON { number.map(StatsJSON.integer) ?? .null }
    static func optional(_ flag: Bool?) -> StatsJSON { flag.map(StatsJSON.bool) ?? .null }

    /// The value's text, indented by `level` steps.
    func write(into text: inout [UInt8], level: Int = 0) {
        switch self {
        case .string(let value): Self.writeString(value, into: &text)
        case .integer(let value): text += String(value).utf8
        case .tenths(let value):
            text += String(value / 10).utf8
            if value % 10 != 0 { text += ".\(abs(value % 10))".utf8 }
        case .bool(let value): text += (value ? "true" : "false").utf8
        case .null: text += "null".utf8
        case .array(let items):
            guard !items.isEmpty else { text += "[\n\n".utf8; indent(level, &text); text.append(UInt8(ascii: "]")); return }
            text += "[\n".utf8
            for (index, item) in items.enumerated() {
                indent(level + 1, &text)
                item.write(into: &text, level: level + 1)
                text += (index == items.count - 1 ? "\n" : ",\n").utf8
            }
            indent(level, &text)
            text.append(UInt8(ascii: "]"))
        case .object(let fields):
            guard !fields.isEmpty else { text += "{\n\n".utf8; indent(level, &text); text.append(UInt8(ascii: "}")); return }
            text += "{\n".utf8
            let sorted = fields.sorted { $0.0 < $1.0 }
            for (index, field) in sorted.enumerated() {
                indent(level + 1, &text)
                Self.writeString(field.0, into: &text)
                text += " : ".utf8
                field.1.write(into: &text, level: level + 1)
                text += (index == sorted.count - 1 ? "\n" : ",\n").utf8
            }
            indent(level, &text)
            text.append(UInt8(ascii: "}"))
        }
    }

    private func indent(_ level: Int, _ text: inout [UInt8]) {
        text.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level * 2))
    }

    /// A string in quotes, escaped as JSONSerialization escapes it; bytes that need nothing are copied.
    private static func writeString(_ value: String, into text: inout [UInt8]) {
        text.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): text += "\\\"".utf8
            case UInt8(ascii: "\\"): text += "\\\\".utf8
            case 0x0A: text += "\\n".utf8
            case 0x0D: text += "\\r".utf8
            case 0x09: text += "\\t".utf8
            case 0x08: text += "\\b".utf8
            case 0x0C: text += "\\f".utf8
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                text += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
            default: text.append(byte)
            }
        }
        text.append(UInt8(ascii: "\""))
    }
}
