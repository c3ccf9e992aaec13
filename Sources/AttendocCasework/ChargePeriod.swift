import AttendocCaseModel
import AttendocValues

/// The period of the offence charged (the dates of the information): `legal_route.offence_period`,
/// or by default from the day the first warning was deemed served on the last of the defendants
/// to receive it (a warning cannot be acted on before it is received), to the last day on the
/// register as of the bundle's date. Deemed service is the record's (`attendoc issue`), or for a
/// case file's `letters_issued` the policy's rule for the method (`issuing:`); without either,
/// the day it was sent; without a first warning, `legal_route.first_warning_on` or the route's
/// decision at referral. The bundle and the readiness check both use it.
public enum ChargePeriod {
    public static func of(_ loaded: LoadedCase, asOf date: CalendarDate, sent: [SentLetter]? = nil) -> (from: CalendarDate, to: CalendarDate)? {
        guard let route = loaded.attendanceCase.legalRoute else { return nil }
        let registerEnd = (try? loaded.figures(asOf: date).to) ?? date
        // Section 443: from the day the parent failed to comply with the order, when recorded.
        let failed = route.section == .s443 ? loaded.attendanceCase.schoolAttendanceOrder?.failedToComplyFrom : nil
        let from = route.offenceFrom ?? failed ?? firstWarningServed(loaded, sent: sent) ?? route.firstWarningOn ?? route.decidedOn
        return (from, route.offenceTo ?? registerEnd)
    }

    /// A charge that starts before the first warning was deemed served on every defendant, or
    /// before the pupil is recorded on the admission register (s444: "a registered pupil").
    /// Not for section 443: its charge runs from the failure to comply with the order
    /// (SchoolAttendanceOrderReadiness), and the child is charged for not being registered.
    static func gaps(_ loaded: LoadedCase, asOf date: CalendarDate, sent: [SentLetter]?) -> [ProsecutionReadiness.Gap] {
        guard let route = loaded.attendanceCase.legalRoute, route.isProsecution, route.section != .s443 else { return [] }
        var gaps: [ProsecutionReadiness.Gap] = []
        if let from = route.offenceFrom, let served = firstWarningServed(loaded, sent: sent), from < served {
            gaps.append(.init(place: "legal_route.offence_period.from",
                              problem: "is \(from.longForm), before the first warning was deemed served (\(served.longForm)); a parent cannot act on a warning before receiving it",
                              toDo: "start the charge on or after \(served.longForm)"))
        }
        let pupil = loaded.attendanceCase.pupil
        if pupil.admittedOn == nil {
            gaps.append(.init(place: "pupil.admitted_on", problem: "is not recorded, so the register certificate cannot state that the pupil was a registered pupil throughout the period",
                              toDo: "add the date of admission from the school's admission register"))
        } else if let admitted = pupil.admittedOn, let charge = of(loaded, asOf: date, sent: sent), admitted > charge.from {
            gaps.append(.init(place: "pupil.admitted_on", problem: "is \(admitted.longForm), after the first day charged (\(charge.from.longForm)): the pupil was not a registered pupil throughout the charge",
                              toDo: "charge only days from \(admitted.longForm)"))
        }
        return gaps
    }

    /// The day the first warning was deemed served on the last defendant to receive it (every
    /// parent under section 576 while none is chosen); nil when none was sent to them.
    static func firstWarningServed(_ loaded: LoadedCase, sent: [SentLetter]?) -> CalendarDate? {
        let attendanceCase = loaded.attendanceCase
        let ids = attendanceCase.legalRoute?.defendantIDs ?? []
        let defendants = ids.isEmpty
            ? Recipient.parents(in: attendanceCase).map(\.person.casePath)
            : ids.compactMap { attendanceCase.parentOrCarer(id: $0)?.casePath }
        var served: [String: CalendarDate] = [:]
        func note(_ path: String, _ day: CalendarDate) {
            if defendants.contains(path) { served[path] = min(served[path] ?? day, day) }
        }
        if let sent {
            for letter in sent where letter.kind == .known(.firstWarningLetter) {
                note(letter.recipientPath, letter.deemedServedOn ?? letter.sentOn)
            }
        } else {
            for letter in attendanceCase.lettersIssued where letter.kind == .known(.firstWarningLetter) {
                note(letter.recipientPath, loaded.policy?.issuing?.deemedServed(sent: letter.date, method: letter.method.rawValue) ?? letter.date)
            }
        }
        return served.values.max()
    }
}
