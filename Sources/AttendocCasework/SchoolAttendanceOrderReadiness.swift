import AttendocCaseModel
import AttendocValues

/// What a prosecution under section 443 Education Act 1996 (failing to comply with a school
/// attendance order) needs from the record: the order (section 437(3)), the school it names and the
/// day it was served on the parent, the day the failure to comply began, and a charged period that
/// starts no earlier than that; the section 437(1) notice and the section 438 notice of intention
/// that came before it; and, where the parent chose a school under section 438(3), the order naming
/// that school (section 438(4)) or the reasons it does not.
enum SchoolAttendanceOrderReadiness {
    static func gaps(_ loaded: LoadedCase) -> [ProsecutionReadiness.Gap] {
        guard let route = loaded.attendanceCase.legalRoute, route.section == .s443 else { return [] }
        guard let process = loaded.attendanceCase.schoolAttendanceOrder, let order = process.order else {
            return [ProsecutionReadiness.Gap(
                place: "school_attendance_order",
                problem: "no school attendance order is recorded; a prosecution under section 443 Education Act 1996 is for failing to comply with an order served on the parent",
                toDo: "add school_attendance_order.order with made_on, school (the school it names) and served_on (docs/case-file.md)")]
        }
        var gaps: [ProsecutionReadiness.Gap] = []
        func gap(_ place: String, _ problem: String, _ toDo: String) {
            gaps.append(ProsecutionReadiness.Gap(place: place, problem: problem, toDo: toDo))
        }
        if process.notice == nil {
            gap(process.casePath, "the notice under section 437(1) that came before the order is not recorded", "add notice with served_on, method and period_ends_on")
        }
        if process.intention == nil {
            gap(process.casePath, "the notice of intention under section 438(2), naming the school, is not recorded", "add intention with served_on and schools")
        }
        guard let served = order.servedOn else {
            gap(order.casePath, "the day the order was served on the parent is not recorded; section 443(1) is an offence of a parent on whom the order is served", "add served_on")
            return gaps
        }
        if let choice = process.parentChoice, choice.school != order.school {
            gap(order.casePath, "the order names \(order.school), not the school the parent chose under section 438(3) (\(choice.school)); section 438(4) asks for the chosen school unless an exception applies", "name the chosen school, or record in the case notes why section 438(4) does not apply")
        }
        guard let failed = process.failedToComplyFrom else {
            gap(process.casePath, "the day from which the parent failed to comply with the order is not recorded", "add failed_to_comply_from")
            return gaps
        }
        if failed < served {
            gap(process.casePath, "failed_to_comply_from (\(failed.longForm)) is before the order was served (\(served.longForm))", "correct the date: a parent can fail to comply only once the order is served")
        }
        if let from = route.offenceFrom, from < failed {
            gap("legal_route.offence_period", "the period charged begins on \(from.longForm), before the parent failed to comply with the order (\(failed.longForm))", "begin offence_period on or after \(failed.longForm)")
        }
        return gaps
    }
}
