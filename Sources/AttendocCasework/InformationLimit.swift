import AttendocCaseModel
import AttendocPolicy
import AttendocValues

/// Section 127 Magistrates' Courts Act 1980: an information for a summary offence is laid within
/// six months of the offence. The limit is the policy's `information_laid` deadline counted from
/// the earliest day charged (`ChargePeriod`); the bundle's front sheet prints it, and the
/// readiness check fails a prosecution once its date has passed.
public enum InformationLimit {
    /// The last day on which the information for the charge of `loaded` may be laid.
    public static func layBy(_ loaded: LoadedCase, asOf date: CalendarDate, sent: [SentLetter]? = nil,
                             for purpose: String) throws(AttendocError) -> CalendarDate? {
        guard let charge = ChargePeriod.of(loaded, asOf: date, sent: sent) else { return nil }
        return try loaded.deadline(.informationLaid, from: charge.from, for: purpose)
    }

    static func gaps(_ loaded: LoadedCase, asOf date: CalendarDate, sent: [SentLetter]?) -> [ProsecutionReadiness.Gap] {
        guard let route = loaded.attendanceCase.legalRoute, route.isProsecution,
              let charge = ChargePeriod.of(loaded, asOf: date, sent: sent) else { return [] }
        let limit: CalendarDate?
        do {
            limit = try layBy(loaded, asOf: date, sent: sent, for: "the readiness check (the time limit for laying the information)")
        } catch {
            return [.init(place: "legal_route", problem: "the time limit for laying the information (section 127 Magistrates' Courts Act 1980) cannot be known: \(error)",
                          toDo: "add information_laid (6 months) to the policy's deadlines (docs/policies.md)")]
        }
        guard let limit, date > limit else { return [] }
        let length = loaded.policy?.deadlines[.informationLaid]?.lengthInWords ?? "six months"
        return [.init(place: route.offenceFrom == nil ? "legal_route" : "legal_route.offence_period",
                      problem: "the earliest day charged, \(charge.from.longForm), is more than \(length) before \(date.longForm): the information had to be laid by \(limit.longForm) (section 127 Magistrates' Courts Act 1980)",
                      toDo: "charge only days within \(length) of the day the information is laid (legal_route.offence_period), or record why the limit does not apply")]
    }
}
