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

    /// `contracts` and `support`: whether the route asks for a parenting contract of each
    /// defendant's own and support offered to each (a prosecution under section 443 for a school
    /// attendance order asks neither: its steps are the order's).
    static func gaps(_ loaded: LoadedCase, asOf date: CalendarDate, letters: [SentLetter], sent: [SentLetter]? = nil,
                     contracts askContracts: Bool = true, support askSupport: Bool = true) -> [ProsecutionReadiness.Gap] {
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
            if askSupport, !attendanceCase.supportiveMeasures.contains(where: { $0.offeredToIDs.contains(defendant.parentID) }) {
                gap(place, "no supportive measure is recorded as offered to this parent",
                    "offer this parent support and record to whom each measure was offered (supportive_measures[].offered_to)")
            }
            let contracts = meetings.filter { $0.kind == .parentingContract && $0.attendees.contains { person.answersTo($0.name) } }
            if askContracts && contracts.isEmpty {
                gap(place, "has no parenting contract of their own: they were at no parenting contract meeting",
                    "offer this parent a parenting contract meeting of their own (seed 004), or record why not")
            }
            if route.isProsecution {
                gaps += interviewGaps(person, meetings: meetings, loaded: loaded, asOf: date, sent: sent)
            }
        }
        return gaps
    }

    /// The defendant's interviews under caution: one recorded (a record of interview of their
    /// own), with the caution given and understood, and every day of the charge put to them.
    static func interviewGaps(_ person: ParentOrCarer, meetings: [Meeting], loaded: LoadedCase, asOf date: CalendarDate,
                              sent: [SentLetter]? = nil) -> [ProsecutionReadiness.Gap] {
        var gaps: [ProsecutionReadiness.Gap] = []
        let place = person.casePath
        let interviews = meetings.filter { $0.kind == .paceInterview }
        let records = interviews.flatMap(\.interviews).filter { $0.intervieweePath == place }
        if records.isEmpty {
            if let attended = interviews.first(where: { meeting in meeting.attendees.contains { person.answersTo($0.name) } }) {
                gaps.append(.init(place: attended.casePath, problem: "holds no record of interview under caution for \(place)",
                                  toDo: "add the record under interviews: start, end, present, caution, legal advice, the period put, a summary of the questions and answers (docs/case-file.md)"))
            } else {
                gaps.append(.init(place: place, problem: "was not interviewed under caution",
                                  toDo: "invite this parent to an interview under caution and record it (meetings, kind: pace_interview, with interviews)"))
            }
            return gaps
        }
        for record in records where !record.cautionGiven || !record.cautionUnderstood {
            gaps.append(.init(place: record.casePath, problem: record.cautionGiven ? "does not record that the caution was understood" : "does not record that the caution was given",
                              toDo: "check the recording; an interview without the caution given and understood may not be relied on (PACE Code C 10.1, 10.5)"))
        }
        // Every day of the charge put to them (the account they gave is the court's to weigh).
        guard let charge = ChargePeriod.of(loaded, asOf: date, sent: sent) else { return gaps }
        var uncovered: [(from: CalendarDate, to: CalendarDate)] = [(charge.from, charge.to)]
        for record in records {
            uncovered = uncovered.flatMap { range -> [(from: CalendarDate, to: CalendarDate)] in
                guard record.periodPutFrom <= range.to, record.periodPutTo >= range.from else { return [range] }
                var rest: [(from: CalendarDate, to: CalendarDate)] = []
                if range.from < record.periodPutFrom { rest.append((range.from, record.periodPutFrom.adding(days: -1))) }
                if record.periodPutTo < range.to { rest.append((record.periodPutTo.adding(days: 1), range.to)) }
                return rest
            }
        }
        let put = records.map { "\($0.casePath) put \($0.periodPutFrom.longForm) to \($0.periodPutTo.longForm)" }.joined(separator: "; ")
        for range in uncovered {
            guard let figures = try? loaded.figures(asOf: range.to, from: range.from), figures.possibleSessions > 0 else { continue }
            let absences = figures.unauthorisedAbsenceSessions
            gaps.append(.init(place: place,
                              problem: "the charge runs from \(charge.from.longForm) to \(charge.to.longForm), but the absences from \(range.from.longForm) to \(range.to.longForm) (\(absences) unauthorised session\(absences == 1 ? "" : "s")) were not put to this parent in interview (\(put))",
                              toDo: "interview this parent under caution about those absences and record it, or charge only the period put to them"))
        }
        return gaps
    }
}
