import AttendocCaseModel
import AttendocValues

/// The decision records a court will ask about (seed 004; s447(1) Education Act 1996): the legal
/// route considered at referral, and the decision to prosecute (or to apply for the order) made
/// after the target set at the interview was reviewed, by whom, with the consideration of an
/// Education Supervision Order and the support-first and public-interest reasons.
enum DecisionReadiness {
    static func gaps(_ loaded: LoadedCase) -> [ProsecutionReadiness.Gap] {
        var gaps: [ProsecutionReadiness.Gap] = []
        func gap(_ place: String, _ problem: String, _ toDo: String) {
            gaps.append(ProsecutionReadiness.Gap(place: place, problem: problem, toDo: toDo))
        }
        let attendanceCase = loaded.attendanceCase
        guard let route = attendanceCase.legalRoute else {
            gap("legal_route", "no legal route is recorded",
                "record legal_route with its section and the route considered at referral (decided_on, decided_by: docs/case-file.md)")
            return gaps
        }
        if route.decidedBy == nil {
            gap("legal_route", "who considered the legal route at referral (\(route.decidedOn.longForm)) is not recorded",
                "add decided_by: the officer who decided the route (seed 004: the Senior County Attendance Officer)")
        }
        let proceedings = route.isProsecution ? "prosecute" : "apply for the order"
        guard let decision = route.decision else {
            gap("legal_route", "no decision to \(proceedings), made after the target's review, is recorded",
                "add legal_route.decision with on, by, education_supervision_order (the s447(1) consideration), support_first and public_interest")
            return gaps
        }
        let place = decision.casePath
        if decision.by == nil {
            gap(place, "who decided to \(proceedings) is not recorded", "add by: the officer who made the decision, and their role")
        }
        if route.isProsecution && decision.educationSupervisionOrder == nil {
            gap(place, "no consideration of an Education Supervision Order is recorded; section 447(1) Education Act 1996 requires it before proceedings under section \(route.section == .s443 ? "443" : "444")",
                "add education_supervision_order: whether an order would be appropriate instead of, or as well as, the prosecution, and why")
        }
        if decision.supportFirst == nil {
            gap(place, "the support-first reasons are not recorded",
                "add support_first: why the support offered has not worked, was not engaged with, or is not appropriate")
        }
        if decision.publicInterest == nil {
            gap(place, "the public-interest reasons are not recorded", "add public_interest: why the proceedings are in the public interest")
        }
        // After the target's review (seed 004: "if target not met within 5 weeks ... proceed").
        // A prosecution under section 443 follows the school attendance order, not a target: its
        // steps are the order's (SchoolAttendanceOrderReadiness).
        if route.section == .s443 { return gaps }
        guard let meeting = TargetReview.latestMeeting(in: attendanceCase, before: decision.on.adding(days: 1)) else {
            gap(place, "the decision (\(decision.on.longForm)) follows no attendance panel meeting or interview under caution that set an attendance target",
                "record the meeting that set the target (meetings, attendance_target), or correct the date of the decision")
            return gaps
        }
        do {
            let review = try TargetReview.reviewDate(of: meeting, in: loaded, for: "the readiness check (the decision to \(proceedings))")
            if decision.on < review {
                gap(place, "the decision (\(decision.on.longForm)) was made before the target set at \(meeting.casePath) was reviewed (\(review.longForm))",
                    "record the decision made after the review, or correct its date")
            }
        } catch {
            gap(place, "the decision cannot be checked against the target's review: \(error)", "add review_date to \(meeting.casePath), or give the case a policy")
        }
        return gaps
    }
}
