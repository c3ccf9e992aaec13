import AttendocYAML
import Yams

/// A time on the 24-hour clock, written `HH:MM` (`13:30`).
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Parses exactly `HH:MM`.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hour = Int(parts[0]), let minute = Int(parts[1]) else { return nil }
        self.init(hour: hour, minute: minute)
    }

    public var description: String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        (lhs.hour, lhs.minute) < (rhs.hour, rhs.minute)
    }
}

extension YAMLFields {
    func optionalTime(_ key: String) throws(CaseFileError) -> TimeOfDay? {
        guard let value = node(key) else { return nil }
        // YAML 1.1 would read 13:30 as a number in base 60; the composed node keeps the text as written.
        guard case .scalar(let scalar) = value, let time = TimeOfDay(scalar.string) else {
            throw error(key, "expected a time written HH:MM on the 24-hour clock (for example 13:30), found \(Self.kind(of: value))", at: value)
        }
        return time
    }
}
