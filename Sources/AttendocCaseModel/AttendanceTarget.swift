import AttendocValues
import AttendocYAML
import Foundation
import Yams

/// The attendance target a meeting sets: a percentage (`90%`) or, when it is not a percentage, the
/// words agreed (`No unauthorised absence before the half-term holiday`).
public enum AttendanceTarget: Sendable, Equatable {
    /// A share to reach: `90%` is 900 tenths of a per cent, `92.5%` 925.
    case percent(Percentage)
    case words(String)

    /// A percentage target in tenths of a per cent: `.percent(tenths: 900)` is `90%`.
    public static func percent(tenths: Int) -> AttendanceTarget {
        .percent(Percentage(tenths: tenths))
    }

    /// As a document shows it: a target as it was set (`90%`, `92.5%`: whole per cents without a
    /// decimal place), or the words. A figure the engine measures is always shown with one decimal
    /// place (`Percentage.display`, `90.0%`), so a reader can tell the target from the result.
    public var display: String {
        switch self {
        case .percent(let share): share.tenths % 10 == 0 ? "\(share.tenths / 10)%" : share.display
        case .words(let text): text
        }
    }
}

extension YAMLFields {
    func optionalAttendanceTarget(_ key: String) throws(CaseFileError) -> AttendanceTarget? {
        guard let text = try optionalString(key) else { return nil }
        let value = node(key)
        if text.hasSuffix("%") {
            let number = text.dropLast().trimmingCharacters(in: .whitespaces)
            let parts = number.split(separator: ".", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                  parts.count == 1 || parts[1].count == 1, let whole = Int(parts[0]) else {
                throw error(key, "expected a percentage such as 90% or 92.5% (one decimal place at most), or the target in words", at: value)
            }
            let tenths = whole * 10 + (parts.count == 2 ? Int(parts[1])! : 0)
            guard tenths <= 1000 else {
                throw error(key, "is more than 100%", at: value)
            }
            return .percent(Percentage(tenths: tenths))
        }
        if Double(text) != nil {
            throw error(key, "is a bare number; write a percentage with % (90%), or the target in words", at: value)
        }
        return .words(text)
    }
}
