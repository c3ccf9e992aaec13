import AttendocCasework
import AttendocEngine
import AttendocPolicy
import AttendocValues

/// The threshold a document kind's step sets (a policy's `steps:` entry whose `document:` is the
/// kind and whose trigger is `attendance_below_percent`), and the one check every such kind makes:
/// the engine's attendance on the record's date is below it. A policy without such a step sets no
/// threshold, and the document is made on the record alone.
enum StepThreshold {
    static func step(for kind: DocumentKind, in policy: Policy?) -> (step: SchoolStep, below: Percentage)? {
        for step in policy?.steps ?? [] where step.document == kind.rawValue {
            if case .attendanceBelow(let share) = step.trigger { return (step, share) }
        }
        return nil
    }

    /// The engine's figures this school year to `date`; with the kind's step, refused unless the
    /// attendance is below its threshold (compared exactly).
    static func figures(for kind: DocumentKind, case loaded: LoadedCase, on date: CalendarDate, record: String) throws(AttendocError) -> PupilFigures {
        guard loaded.pupilRegister != nil, loaded.policy != nil else {
            throw AttendocError(.document, "a \(kind.title.lowercased()) quotes the pupil's attendance on its date: add register: (and policy:) to the case \(loaded.attendanceCase.reference)")
        }
        let figures = try loaded.figures(asOf: date)
        guard figures.possibleSessions > 0 else {
            throw AttendocError(.document, "the register has no school sessions up to \(date.longForm) for \(record); check the register and the record's date")
        }
        if let (step, below) = step(for: kind, in: loaded.policy), below.isReached(by: figures.attendance) {
            throw AttendocError(.document, "\(record): attendance from \(figures.from.longForm) to \(figures.to.longForm) is \(figures.attendance.display) (\(figures.attendedSessions) of \(figures.possibleSessions) sessions), not below the \(below) under which the policy \(loaded.policy?.identifier ?? "") calls for the \(kind.title.lowercased()) (\(step.policyPath), \(step.name)); check the register and the record's date")
        }
        return figures
    }
}
