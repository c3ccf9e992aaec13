import AttendocCaseModel
import AttendocCasework
import AttendocValues

/// A parenting contract for signature (seed 003's Attendance Parent Contract; seed 004's parenting
/// contract meeting): what the parents agree to do, what the school and others will do, the
/// attendance target and the review date, with lines for each side to sign.
///
/// The contract's parties are the parents who were at the meeting and agreed it: each gets a
/// contract of their own, with a signature line for them and the school only (`forParty`); a
/// parent who was not there gets no contract to sign.
///
/// Keys (docs/templates.md): `meeting.*`, `contract.*`.
enum ParentingContractFacts {
    static func values(case loaded: LoadedCase, dated date: CalendarDate, options: LetterOptions) throws(AttendocError) -> [String: Any] {
        let attendanceCase = loaded.attendanceCase
        let meeting = try RecordedMeeting.choose(in: attendanceCase, kinds: [.parentingContract], dated: date, path: options.meeting, for: "parenting contract").parentCopy
        guard let target = meeting.attendanceTarget else {
            throw AttendocError(.document, "\(meeting.casePath) (the parenting contract meeting) has no attendance_target; a contract needs the target the parents agreed")
        }
        guard let review = meeting.reviewDate else {
            throw AttendocError(.document, "\(meeting.casePath) (the parenting contract meeting) has no review_date; a contract needs the date it is reviewed")
        }
        // Whose action is whose: an owner naming a parent (their name, id or relationship) is the
        // parents' commitment; anyone else's is the support side's.
        let parents = Recipient.parents(in: attendanceCase).map(\.person)
        func isParent(_ owner: String) -> Bool {
            let words = owner.lowercased()
            return parents.contains { parent in
                [parent.fullName, parent.formalName, "\(parent.forename) \(parent.surname)", parent.id, parent.relationship]
                    .compactMap { $0?.lowercased() }.contains(words)
            } || ["parent", "parents", "parent/carer", "parents/carers"].contains(words)
        }
        func item(_ action: Meeting.Action) -> [String: Any] {
            var value: [String: Any] = ["owner": action.owner, "action": action.action]
            value["due"] = action.dueDate.map(LetterContext.dateValue)
            return value
        }
        let parentActions = meeting.actions.filter { isParent($0.owner) }.map(item)
        let supportActions = meeting.actions.filter { !isParent($0.owner) }.map(item)
        return [
            "meeting": RecordedMeeting.values(meeting),
            "contract": [
                "target": TargetMetFacts.targetInWords(target),
                "reviewDate": LetterContext.dateValue(review),
                "parentActions": parentActions,
                "hasParentActions": !parentActions.isEmpty,
                "supportActions": supportActions,
                "hasSupportActions": !supportActions.isEmpty,
                "signatories": [[String: Any]](),
            ] as [String: Any],
        ]
    }

    /// The parents at the contract's meeting (its parties), by their place in the case file.
    static func parties(case loaded: LoadedCase, dated date: CalendarDate, options: LetterOptions) throws(AttendocError) -> [String] {
        let attendanceCase = loaded.attendanceCase
        let meeting = try RecordedMeeting.choose(in: attendanceCase, kinds: [.parentingContract], dated: date, path: options.meeting, for: "parenting contract")
        let present = Recipient.parents(in: attendanceCase).map(\.person).filter { parent in meeting.attendees.contains { parent.answersTo($0.name) } }
        guard !present.isEmpty else {
            throw AttendocError(.document, "no parent was at \(meeting.casePath) (the parenting contract meeting, \(meeting.date.longForm)); a contract is made with the parents who agreed it, so record them among its attendees")
        }
        return present.map(\.casePath)
    }

    /// `facts` for the copy of `person`, one of the contract's parties: their own signature line.
    static func forParty(_ person: ParentOrCarer, _ facts: [String: Any]) -> [String: Any] {
        var facts = facts
        var contract = facts["contract"] as? [String: Any] ?? [:]
        contract["signatories"] = [["name": person.fullName]]
        facts["contract"] = contract
        return facts
    }
}
