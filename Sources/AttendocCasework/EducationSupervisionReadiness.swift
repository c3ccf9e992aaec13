import AttendocCaseModel
import AttendocValues

/// What an application for an Education Supervision Order needs before it goes to the family
/// court (section 36 Children Act 1989): the consultation with children's services that section
/// 36(8) requires before the application is made, recorded with its date and who was consulted;
/// and the decision's reasons for an order (the section 447(1) consideration).
enum EducationSupervisionReadiness {
    static func gaps(_ loaded: LoadedCase) -> [ProsecutionReadiness.Gap] {
        guard let route = loaded.attendanceCase.legalRoute, route.section == .educationSupervisionOrder else { return [] }
        var gaps: [ProsecutionReadiness.Gap] = []
        // Why an order, rather than (or as well as) a prosecution: the consideration section
        // 447(1) Education Act 1996 asks for, which the prosecution file records too.
        if let decision = route.decision, decision.educationSupervisionOrder == nil {
            gaps.append(ProsecutionReadiness.Gap(
                place: decision.casePath,
                problem: "the decision to apply does not record why an Education Supervision Order is appropriate (the section 447(1) Education Act 1996 consideration the bundle sets out)",
                toDo: "add education_supervision_order: why an order, instead of or as well as a prosecution, would secure the child's education"))
        }
        guard let consultation = route.childrenServicesConsultation else {
            return gaps + [ProsecutionReadiness.Gap(
                place: "legal_route",
                problem: "no consultation with children's services is recorded; section 36(8) Children Act 1989 requires the local authority to consult them before applying for an Education Supervision Order",
                toDo: "add legal_route.children_services_consultation with on (the day), with (who was consulted: name, role, service) and, when given, response")]
        }
        if let made = route.papersToCourtOn, made < consultation.on {
            return gaps + [ProsecutionReadiness.Gap(
                place: consultation.casePath,
                problem: "children's services were consulted on \(consultation.on.longForm), after the application went to the court (papers_to_court_on, \(made.longForm)); section 36(8) Children Act 1989 asks for the consultation before the application is made",
                toDo: "record the consultation made before the application, or correct its date")]
        }
        return gaps
    }
}
