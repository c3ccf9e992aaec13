import AttendocCaseModel
import AttendocValues

/// Each defendant's own file (s576 Education Act 1996; seed 004's support-first steps): chosen
/// explicitly, with the basis of being a parent, its evidence and the reasons for prosecuting
/// them; invited to (or at) each kind of meeting held; offered support; a parenting contract of
/// their own; interviewed under caution. Every gap names the defendant by their place in the case
/// file, never by name. (The warnings each parent is sent are `ProsecutionReadiness`'s check.)
enum DefendantReadiness {
    /// The meetings each defendant must have been invited to or at, one of each kind held.
    static let meetingKinds: [Meeting.Kind] = [.parentingContract, .attendanceImprovementPlan, .teamAroundTheFamily, .attendancePanel, .paceInterview]

    static func gaps(_ loaded: LoadedCase, asOf date: CalendarDate, letters: [SentLetter]) -> [ProsecutionReadiness.Gap] {
        var gaps: [ProsecutionReadiness.Gap] = []
        func gap(_ place: String, _ problem: String, _ toDo: String) {
            gaps.append(ProsecutionReadiness.Gap(place: place, problem: problem, toDo: toDo))
        }
        let attendanceCase = loaded.attendanceCase
        guard let route = attendanceCase.legalRoute else { return gaps }
        if route.defendants.isEmpty {
            gap("legal_route", "no defendant is chosen",
                "add legal_route.defendants: each parent \(route.isProsecution ? "prosecuted" : "the application is against"), with parent, basis, evidence and reasons (docs/case-file.md)")
            return gaps
        }
        let meetings = attendanceCase.meetings.filter { $0.date <= date }
        for defendant in route.defendants {
            guard let person = attendanceCase.parentOrCarer(id: defendant.parentID) else { continue }
            let place = person.casePath
            if defendant.basis.isEmpty {
                gap(defendant.casePath, "the basis of \(place) being a parent under section 576 Education Act 1996 is not recorded",
                    "add basis: \(person.basesAsParent.map(\.rawValue)) as it applies, with the evidence of it")
            }
            if defendant.evidence.isEmpty {
                gap(defendant.casePath, "no evidence that \(place) is a parent is cited",
                    "add evidence: the file that shows it (a birth certificate, a parental responsibility order or agreement, the school's record of who the child lives with)")
            }
            if defendant.reasons == nil {
                gap(defendant.casePath, "the reasons for proceeding against \(place) are not recorded", "add reasons: why this parent is a defendant")
            }
            for kind in meetingKinds {
                let held = meetings.filter { $0.kind == kind }
                guard !held.isEmpty else { continue }
                let reached = held.contains { meeting in
                    meeting.attendees.contains { person.answersTo($0.name) }
                        || letters.contains { $0.recipientPath == place && $0.invites(to: kind) && $0.sentOn <= meeting.date }
                }
                if !reached {
                    let list = held.map { "\($0.casePath) on \($0.date.longForm)" }.joined(separator: ", ")
                    gap(place, "was neither invited to nor at the \(kind) (\(list))",
                        "invite this parent and record the invitation (letters_issued, or attendoc issue), or record why they were not invited")
                }
            }
            if !attendanceCase.supportiveMeasures.contains(where: { $0.offeredToIDs.contains(defendant.parentID) }) {
                gap(place, "no supportive measure is recorded as offered to this parent",
                    "offer this parent support and record to whom each measure was offered (supportive_measures[].offered_to)")
            }
            let contracts = meetings.filter { $0.kind == .parentingContract && $0.attendees.contains { person.answersTo($0.name) } }
            if contracts.isEmpty {
                gap(place, "has no parenting contract of their own: they were at no parenting contract meeting",
                    "offer this parent a parenting contract meeting of their own (seed 004), or record why not")
            }
            let interviewed = meetings.contains { $0.kind == .paceInterview && $0.attendees.contains { person.answersTo($0.name) } }
            if route.isProsecution && !interviewed {
                gap(place, "was not interviewed under caution", "invite this parent to an interview under caution and record it (meetings, kind: pace_interview)")
            }
        }
        return gaps
    }
}
