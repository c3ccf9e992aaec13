import AttendocValues
import AttendocYAML

/// The review of a meeting's plan, contract or target (seed 002: "On review, the school should
/// decide either to extend the attendance improvement support plan, make a referral to the local
/// authority ... or end the attendance improvement support plan"; seed 004: reviews "not more than
/// 20 days later"). The figures since the meeting are the engine's, never recorded here.
public struct PlanReview: Sendable {
    public enum Decision: String, CaseIterable, Sendable, CustomStringConvertible, FixedValue {
        case extend
        /// Move to the next step of the process (seed 004: target not met, a multi-agency meeting).
        case escalate
        case refer
        case end

        public var description: String {
            switch self {
            case .extend: "extend the plan"
            case .escalate: "move to the next step of support"
            case .refer: "refer to the local authority"
            case .end: "end the plan"
            }
        }
    }

    /// The meeting reviewed, by its place in the case file (`meetings[0]`).
    public var of: String
    public var date: CalendarDate
    public var decision: Decision
    /// Who took part, in words.
    public var attendees: [String]
    public var discussion: String?
    /// When an extended plan is reviewed again.
    public var nextReviewDate: CalendarDate?
    public var evidence: [FileReference]
    /// Where it is in the case file (`reviews[0]`).
    public var casePath: String
}

extension CaseFileReader {
    static func readPlanReview(_ fields: YAMLFields, meetings: [Meeting]) throws(CaseFileError) -> PlanReview {
        let result = PlanReview(
            of: try fields.string("of"),
            date: try fields.date("date"),
            decision: try fields.fixedValue("decision"),
            attendees: try fields.strings("attendees", required: false),
            discussion: try fields.optionalString("discussion"),
            nextReviewDate: try fields.optionalDate("next_review_date"),
            evidence: try fields.fileReferences("evidence"),
            casePath: fields.path)
        try fields.finish()
        guard let meeting = meetings.first(where: { $0.casePath == result.of }) else {
            throw fields.error("of", "names no meeting of the case; write the meeting's place, as meetings[0]", at: fields.node("of"))
        }
        if result.date <= meeting.date {
            throw fields.error("date", "is \(result.date.iso), not after the meeting it reviews (\(meeting.date.iso))", at: fields.node("date"))
        }
        if let next = result.nextReviewDate, next <= result.date {
            throw fields.error("next_review_date", "is \(next.iso), not after the review (\(result.date.iso))", at: fields.node("next_review_date"))
        }
        if result.decision == .extend, result.nextReviewDate == nil {
            throw fields.error("next_review_date", "is required when the decision is extend: when is the extended plan reviewed?")
        }
        return result
    }
}
