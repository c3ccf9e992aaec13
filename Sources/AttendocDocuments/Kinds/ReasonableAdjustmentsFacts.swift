import AttendocCaseModel
import AttendocCasework
import AttendocValues

/// The written record of the reasonable adjustments the school makes for a pupil with SEND (seed
/// 002, tier 2: "details of the reasonable adjustments academic and pastoral to support the pupil"),
/// for each parent: the adjustments in place on the record's date (started on or before it), in
/// learning (academic) and in care and wellbeing (pastoral), with who agreed each and its review.
/// Made only where the policy's cohort rules give the pupil's cohorts `reasonable_adjustments`.
///
/// Keys (docs/templates.md): `academic`, `pastoral` (each `what`, `from`, `agreedWith`, `reviewOn`),
/// `hasAcademic`, `hasPastoral`, `figures.*`.
enum ReasonableAdjustmentsFacts {
    static func values(case loaded: LoadedCase, dated date: CalendarDate) throws(AttendocError) -> [String: Any] {
        let attendanceCase = loaded.attendanceCase
        let cohorts = attendanceCase.pupil.priorityCohorts
        guard loaded.policy?.provisions(forCohorts: cohorts.map(\.rawValue)).contains(.reasonableAdjustments) == true else {
            throw AttendocError(.document, "the case \(attendanceCase.reference): a record of reasonable adjustments is for a pupil whose priority cohorts the policy gives reasonable_adjustments (priority_cohorts:, such as send_support); the case records \(ServiceRequestFacts.cohortsInWords(cohorts))")
        }
        let inPlace = attendanceCase.reasonableAdjustments.filter { $0.from <= date }
        guard !inPlace.isEmpty else {
            let listed = attendanceCase.reasonableAdjustments.map { "\($0.casePath) (from \($0.from.iso))" }.joined(separator: ", ")
            throw AttendocError(.document, "the case \(attendanceCase.reference) has no reasonable adjustment in place on \(date.longForm); add them under reasonable_adjustments: (what, area, from)\(listed.isEmpty ? "" : "; those recorded start later: \(listed)")")
        }
        func value(_ adjustment: ReasonableAdjustment) -> [String: Any] {
            var value: [String: Any] = ["what": adjustment.what, "from": LetterContext.dateValue(adjustment.from)]
            value["agreedWith"] = adjustment.agreedWith
            value["reviewOn"] = adjustment.reviewOn.map(LetterContext.dateValue)
            return value
        }
        let academic = inPlace.filter { $0.area == .academic }.map(value)
        let pastoral = inPlace.filter { $0.area == .pastoral }.map(value)
        return [
            "academic": academic, "hasAcademic": !academic.isEmpty,
            "pastoral": pastoral, "hasPastoral": !pastoral.isEmpty,
            "figures": LetterContext.attendanceValue(QuotedAttendance(try loaded.figures(asOf: date))),
        ]
    }
}
