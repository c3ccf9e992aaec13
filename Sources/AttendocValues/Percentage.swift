

/// A share of a whole, kept exact (as a fraction) and rounded only for display: the one share type
/// for the engine's figures (attended / possible sessions), a policy's thresholds and tier bounds
/// (`10`, `92.5`: hundredths of a per cent over 10 000) and an attendance target (`90%`: tenths
/// over 1 000). Two shares are equal when their fractions are; comparisons are exact.
///
/// Display rules: `display`, one decimal place, halves rounded up (away from zero), computed in
/// whole numbers so no floating-point error can move a figure across a boundary (2 of 3 is 66.7%,
/// 1 of 8 is 12.5%, 1 of 16, 6.25%, is 6.3%); `description`, a threshold as a policy writes it
/// (`10%`, `92.50%`).
public struct Percentage: Sendable, Equatable, CustomStringConvertible {
    public let part: Int
    public let whole: Int

    public init(_ part: Int, of whole: Int) {
        self.part = part
        self.whole = whole
    }

    /// A share given in hundredths of a per cent (a policy's `92.5` is 9 250).
    public init(hundredths: Int) {
        self.init(hundredths, of: 10_000)
    }

    /// A share given in tenths of a per cent (a target's `92.5%` is 925).
    public init(tenths: Int) {
        self.init(tenths, of: 1000)
    }

    /// Parses a per cent as a policy writes it: `10`, `92.5`, `33.33` (0 to 100, at most two decimals).
    public init?(percentText text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), whole >= 0, whole <= 100 else { return nil }
        var fraction = 0
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), parts[1].allSatisfy(\.isNumber), let value = Int(parts[1]) else { return nil }
            fraction = parts[1].count == 1 ? value * 10 : value
        }
        let hundredths = whole * 100 + fraction
        guard hundredths <= 10_000 else { return nil }
        self.init(hundredths: hundredths)
    }

    public static func == (lhs: Percentage, rhs: Percentage) -> Bool {
        guard lhs.whole > 0, rhs.whole > 0 else { return lhs.part == rhs.part && lhs.whole == rhs.whole }
        return lhs.part * rhs.whole == rhs.part * lhs.whole
    }

    /// Whether `share` is at or above this share (a threshold, a target), compared exactly:
    /// share.part / share.whole ≥ part / whole. A share of nothing (no possible sessions) reaches none.
    public func isReached(by share: Percentage) -> Bool {
        share.whole > 0 && share.part * whole >= part * share.whole
    }

    /// Tenths of a per cent, rounded half up: round(part × 1000 / whole).
    public var tenths: Int {
        guard whole > 0 else { return 0 }
        return (part * 2000 + whole) / (2 * whole)
    }

    /// Hundredths of a per cent, rounded half up: round(part × 10 000 / whole); exact for a
    /// policy's thresholds.
    public var hundredths: Int {
        guard whole > 0 else { return 0 }
        return (part * 20_000 + whole) / (2 * whole)
    }

    /// `70.9%`.
    public var display: String {
        "\(tenths / 10).\(tenths % 10)%"
    }

    /// `10%`, `92.50%`: a threshold as a policy writes it.
    public var description: String {
        hundredths % 100 == 0 ? "\(hundredths / 100)%" : "\(hundredths / 100).\(String(format: "%02d", hundredths % 100))%"
    }
}
