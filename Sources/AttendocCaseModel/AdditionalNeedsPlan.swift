import AttendocValues
import AttendocYAML
import Foundation

/// An Additional Needs Plan with attendance embedded in it as a key priority (seed 003, tier 2:
/// "Where complex or additional needs are identified, schools are to embed attendance as a key
/// priority in Additional Needs Plans (ANP) for monitoring. If there is no ANP in place, school must
/// commence ANP immediately"). The needs, the attendance priority and the support are the school's
/// words as recorded; the figures the plan quotes are the engine's on its date, never recorded here.
public struct AdditionalNeedsPlan: Sendable {
    public var date: CalendarDate
    /// Who wrote it (a name and role).
    public var completedBy: String
    /// The complex or additional needs identified, one line each.
    public var needs: [String]
    /// Attendance as the plan's key priority: what the plan aims for, in words.
    public var attendancePriority: String
    /// What each person will do (the same shape as a meeting's actions).
    public var support: [Meeting.Action]
    /// With whom it was agreed (`Mrs Nowak and Kacpi`), in words; nil: not recorded.
    public var agreedWith: String?
    /// When it is next reviewed for monitoring; after the plan's date.
    public var reviewDate: CalendarDate?
    public var evidence: [FileReference]
    /// Where it is in the case file (`additional_needs_plans[0]`).
    public var casePath: String
}

extension CaseFileReader {
    static func readAdditionalNeedsPlan(_ fields: YAMLFields) throws(CaseFileError) -> AdditionalNeedsPlan {
        let result = AdditionalNeedsPlan(
            date: try fields.date("date"),
            completedBy: try fields.string("completed_by"),
            needs: try fields.strings("needs"),
            attendancePriority: try fields.string("attendance_priority"),
            support: try fields.mappings("support", readAction),
            agreedWith: try fields.optionalString("agreed_with"),
            reviewDate: try fields.optionalDate("review_date"),
            evidence: try fields.fileReferences("evidence"),
            casePath: fields.path)
        try fields.finish()
        if result.needs.isEmpty { throw fields.error("needs", "must name at least one complex or additional need the school identified") }
        if result.attendancePriority.trimmingCharacters(in: .whitespaces).isEmpty {
            throw fields.error("attendance_priority", "must say, in words, what the plan aims for in the pupil's attendance (attendance is its key priority)")
        }
        if result.support.isEmpty { throw fields.error("support", "must list at least one thing someone will do (owner, action)") }
        if let review = result.reviewDate, review <= result.date {
            throw fields.error("review_date", "is \(review.iso), not after the plan's date (\(result.date.iso))", at: fields.node("review_date"))
        }
        return result
    }
}
