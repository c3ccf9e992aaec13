import AttendocCaseModel
import AttendocValues

/// What a request for a parenting order made with a prosecution needs (section 8 Crime and
/// Disorder Act 1998): at least one requirement, periods within the policy's limits (section
/// 8(4)), why the order would help prevent a further offence (section 8(6)), and the family's
/// circumstances the court must consider where the child is under 16 (section 9(2)).
enum ParentingOrderReadiness {
    static func gaps(_ loaded: LoadedCase) -> [ProsecutionReadiness.Gap] {
        guard let route = loaded.attendanceCase.legalRoute, route.isProsecution, let request = route.parentingOrderRequest else { return [] }
        var gaps: [ProsecutionReadiness.Gap] = []
        func gap(_ problem: String, _ toDo: String) {
            gaps.append(ProsecutionReadiness.Gap(place: request.casePath, problem: problem, toDo: toDo))
        }
        if request.requirements.isEmpty {
            gap("no requirement of the order is recorded (section 8(4)(a) Crime and Disorder Act 1998)", "add requirements: what the order would require the parent to do")
        }
        guard let rules = loaded.policy?.parentingOrders else {
            gap("the policy sets no limits for a parenting order's periods", "add parenting_orders: (requirements_months_max, programme_months_max) to the policy (docs/policies.md)")
            return gaps
        }
        if request.months > rules.requirementsMonths {
            gap("the requirements would run for \(request.months) months, more than the \(rules.requirementsMonths) the policy allows (section 8(4)(a))", "give months: \(rules.requirementsMonths) or fewer")
        }
        if let months = request.programmeMonths, months > rules.programmeMonths {
            gap("the programme would run for \(months) months, more than the \(rules.programmeMonths) the policy allows (section 8(4)(b))", "give programme_months: \(rules.programmeMonths) or fewer")
        }
        if request.reasons == nil {
            gap("why the order would help prevent a further offence is not recorded (section 8(6))", "add reasons: why the order is desirable in the interests of preventing a further offence")
        }
        if request.familyCircumstances == nil {
            gap("the family's circumstances and the order's likely effect on them are not recorded; the court must consider them for a child under 16 (section 9(2))", "add family_circumstances: what the record shows of them")
        }
        return gaps
    }
}
