import AttendocCaseModel
import AttendocCasework
import AttendocValues

/// A parenting contract for signature (seed 003's Attendance Parent Contract; seed 004's parenting
/// contract meeting): what the parents agree to do, what the school and others will do, the
/// attendance target and the review date, with lines for each side to sign.
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
        let parents = Recipient.withParentalResponsibility(in: attendanceCase).map(\.person)
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
                "signatories": parents.map { ["name": $0.fullName] },
            ] as [String: Any],
        ]
    }
}
