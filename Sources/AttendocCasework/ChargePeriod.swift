import AttendocCaseModel
import AttendocValues

/// The period of the offence charged (the dates of the information): `legal_route.offence_period`,
/// or by default from the first warning (else the route's decision at referral) to the last day
/// on the register as of the bundle's date. The bundle and the readiness check both use it.
public enum ChargePeriod {
    public static func of(_ loaded: LoadedCase, asOf date: CalendarDate) -> (from: CalendarDate, to: CalendarDate)? {
        guard let route = loaded.attendanceCase.legalRoute else { return nil }
        let registerEnd = (try? loaded.figures(asOf: date).to) ?? date
        return (route.offenceFrom ?? route.firstWarningOn ?? route.decidedOn, route.offenceTo ?? registerEnd)
    }
}
