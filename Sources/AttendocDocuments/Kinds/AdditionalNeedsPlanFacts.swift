import AttendocCaseModel
import AttendocCasework
import AttendocValues

/// The Additional Needs Plan's values (seed 003, tier 2: "embed attendance as a key priority in
/// Additional Needs Plans (ANP) for monitoring"): the needs, the attendance priority and the support
/// as the school recorded them, and the engine's figures and tier on the plan's date.
///
/// Keys (docs/templates.md): `plan.*`, `figures.*`, `tier`.
enum AdditionalNeedsPlanFacts {
    static func values(case loaded: LoadedCase, dated date: CalendarDate, options: LetterOptions) throws(AttendocError) -> [String: Any] {
        let plan = try ChosenRecord.choose(loaded.attendanceCase.additionalNeedsPlans, path: options.record, dated: date,
                                           section: "additional_needs_plans", what: "Additional Needs Plan", place: \.casePath, day: \.date)
        let figures = try StepThreshold.figures(for: .additionalNeedsPlan, case: loaded, on: plan.date, record: "\(plan.casePath) of \(plan.date.longForm)")
        var values: [String: Any] = [:]
        var planned: [String: Any] = [
            "date": LetterContext.dateValue(plan.date),
            "completedBy": plan.completedBy,
            "needs": plan.needs,
            "attendancePriority": plan.attendancePriority,
            "support": plan.support.map { action in
                var item: [String: Any] = ["owner": action.owner, "action": action.action]
                item["due"] = action.dueDate.map(LetterContext.dateValue)
                return item
            },
        ]
        planned["agreedWith"] = plan.agreedWith
        planned["reviewDate"] = plan.reviewDate.map(LetterContext.dateValue)
        values["plan"] = planned
        values["figures"] = LetterContext.attendanceValue(QuotedAttendance(figures))
        values["tier"] = figures.tier
        return values
    }
}
