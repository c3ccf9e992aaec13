

/// A share of a whole, kept exact (as a fraction) and rounded once, for display only.
///
/// Display rule: one decimal place, halves rounded up (away from zero), computed in whole numbers so
/// no floating-point error can move a figure across a boundary. 2 of 3 is 66.7%, 1 of 8 is 12.5%,
/// 1 of 16 (6.25%) is 6.3%.
public struct Percentage: Sendable, Equatable {
    public let part: Int
    public let whole: Int

    public init(_ part: Int, of whole: Int) {
        self.part = part
        self.whole = whole
    }

    /// Tenths of a per cent, rounded half up: round(part × 1000 / whole).
    public var tenths: Int {
        guard whole > 0 else { return 0 }
        return (part * 2000 + whole) / (2 * whole)
    }

    /// `70.9%`.
    public var display: String {
        "\(tenths / 10).\(tenths % 10)%"
    }
}
