import AttendocCaseModel
import AttendocValues

/// What an application for an Education Supervision Order needs before it goes to the family
/// court (section 36 Children Act 1989): the consultation with children's services that section
/// 36(8) requires before the application is made, recorded with its date, who was consulted and
/// their authority (the appropriate local authority of section 36(9)); the child not in the care
/// of a local authority (section 36(6)); and the decision's reasons for an order (the section
/// 447(1) consideration).
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
        // Section 36(6): "An education supervision order may not be made with respect to a child
        // who is in the care of a local authority."
        switch consultation.childInCare {
        case true?:
            gaps.append(ProsecutionReadiness.Gap(
                place: consultation.casePath,
                problem: "records that the child is in the care of a local authority; section 36(6) Children Act 1989 says an Education Supervision Order may not be made with respect to such a child",
                toDo: "do not apply for an order: work with the authority looking after the child (its virtual school head), or correct child_in_care if children's services said otherwise"))
        case false?:
            break
        case nil:
            gaps.append(ProsecutionReadiness.Gap(
                place: consultation.casePath,
                problem: "does not record whether the child is in the care of a local authority; section 36(6) Children Act 1989 forbids an Education Supervision Order for a child who is",
                toDo: "add child_in_care: no (or yes), as children's services confirmed when consulted"))
        }
        // Section 36(8)-(9): the consultation is with the appropriate local authority, the one
        // providing the child with accommodation, otherwise the one where the child lives or will live.
        if consultation.authority == nil {
            gaps.append(ProsecutionReadiness.Gap(
                place: consultation.casePath,
                problem: "does not name the local authority whose children's services were consulted; section 36(8) Children Act 1989 asks for the appropriate local authority of section 36(9) (the authority providing the child with accommodation, otherwise the one where the child lives or will live), which may not be the applicant",
                toDo: "add authority: the local authority consulted (for a child living in another authority's area, that authority)"))
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
