import AttendocValues
import AttendocYAML

/// One reasonable adjustment the school makes for a pupil with SEND (seed 002, tier 2: "details of
/// the reasonable adjustments academic and pastoral to support the pupil"), written in the words a
/// parent reads, with when it started and who agreed it.
public struct ReasonableAdjustment: Sendable {
    /// Whether it changes the pupil's learning or their care and wellbeing in school.
    public enum Area: String, CaseIterable, Sendable, FixedValue {
        case academic
        case pastoral
    }

    public var what: String
    public var area: Area
    public var from: CalendarDate
    /// With whom it was agreed (the parent, the pupil, the SENCo), in words; nil: not recorded.
    public var agreedWith: String?
    public var reviewOn: CalendarDate?
    /// Where it is in the case file (`reasonable_adjustments[0]`).
    public var casePath: String
}

extension CaseFileReader {
    static func readReasonableAdjustment(_ fields: YAMLFields) throws(CaseFileError) -> ReasonableAdjustment {
        let result = ReasonableAdjustment(
            what: try fields.string("what"),
            area: try fields.fixedValue("area"),
            from: try fields.date("from"),
            agreedWith: try fields.optionalString("agreed_with"),
            reviewOn: try fields.optionalDate("review_on"),
            casePath: fields.path)
        try fields.finish()
        if let review = result.reviewOn, review <= result.from {
            throw fields.error("review_on", "is \(review.iso), not after the adjustment's start (\(result.from.iso))", at: fields.node("review_on"))
        }
        return result
    }
}
