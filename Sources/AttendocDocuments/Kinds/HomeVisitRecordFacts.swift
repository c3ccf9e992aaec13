import AttendocCaseModel
import AttendocCasework
import AttendocValues

/// The record of a home visit (seed 004: "consider a home visit"; seed 002: contact "may be a
/// weekly support meeting, a home visit"): one of the case's contacts with method `home_visit`, as
/// recorded at the time: who visited, whom they saw or that nobody answered, what was said, and
/// what happens next. The figures are the engine's up to the visit.
///
/// Keys (docs/templates.md): `visit.*`, `figures.*`.
enum HomeVisitRecordFacts {
    static func values(case loaded: LoadedCase, dated date: CalendarDate, options: LetterOptions) throws(AttendocError) -> [String: Any] {
        let visits = loaded.attendanceCase.contacts.filter { $0.method == .homeVisit }
        if let path = options.record, let contact = loaded.attendanceCase.contacts.first(where: { $0.casePath == path }), contact.method != .homeVisit {
            throw AttendocError(.document, "--record \(path) is a \(contact.method), not a home visit")
        }
        let visit = try ChosenRecord.choose(visits, path: options.record, dated: date, section: "contacts", what: "home visit (method home_visit)",
                                            place: \.casePath, day: \.date)
        var values: [String: Any] = [
            "visit": [
                "date": LetterContext.dateValue(visit.date),
                "by": visit.by,
                "reached": visit.reached,
                "notReached": !visit.reached,
                "nextSteps": visit.nextSteps,
                "hasNextSteps": !visit.nextSteps.isEmpty,
            ].merging(["with": visit.with, "summary": visit.summary].compactMapValues { $0 }) { first, _ in first },
        ]
        if loaded.pupilRegister != nil {
            let figures = try loaded.figures(asOf: visit.date)
            if figures.possibleSessions > 0 { values["figures"] = LetterContext.attendanceValue(QuotedAttendance(figures)) }
        }
        return values
    }
}
