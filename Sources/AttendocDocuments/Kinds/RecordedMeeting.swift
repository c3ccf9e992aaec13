import AttendocCaseModel
import AttendocCasework
import AttendocValues

/// Choosing the meeting a document is about (`--meeting meetings[N]`, or the right one by date),
/// and the meeting's values as record templates print them.
enum RecordedMeeting {
    /// The meeting `path` (`meetings[3]`) names, or an error listing the case's meetings. Every
    /// kind of document that takes `--meeting` looks it up here.
    static func meeting(at path: String, in attendanceCase: AttendanceCase) throws(AttendocError) -> Meeting {
        guard let meeting = attendanceCase.meetings.first(where: { $0.casePath == path }) else {
            throw AttendocError(.document, "the case \(attendanceCase.reference) has no meeting \(path); its meetings are: \(list(attendanceCase))")
        }
        return meeting
    }

    /// An invitation gives a parent the meeting's date: it must be a school day in the case's
    /// calendar (the policy's term dates, with the register), unless the run gives a reason
    /// (`--override-deadline`). A case without a policy has no calendar to check against.
    static func requireSchoolDay(_ meeting: Meeting, in loaded: LoadedCase, options: LetterOptions) throws(AttendocError) {
        guard loaded.policy != nil, options.deadlineOverrideReason == nil else { return }
        let calendar = try loaded.calendar()
        guard let known = calendar.knownUntil, meeting.date <= known else { return }
        if !calendar.isSchoolDay(meeting.date) {
            throw AttendocError(.document, "\(meeting.casePath) (the \(meeting.kind) on \(meeting.date.longFormWithWeekday)) is not a school day in the term dates; move the meeting to a day the school is open, or give the reason (--override-deadline)")
        }
    }

    /// The meetings of the case, each by its place, kind and date, for messages.
    static func list(_ attendanceCase: AttendanceCase) -> String {
        attendanceCase.meetings.isEmpty ? "none" : attendanceCase.meetings.map { "\($0.casePath) (\($0.kind.rawValue), \($0.date.iso))" }.joined(separator: ", ")
    }

    /// The meeting `path` names (`meetings[1]`), or the latest meeting of `kinds` on or before `date`.
    static func choose(in attendanceCase: AttendanceCase, kinds: [Meeting.Kind], dated date: CalendarDate,
                       path: String?, for what: String) throws(AttendocError) -> Meeting {
        if let path {
            let meeting = try meeting(at: path, in: attendanceCase)
            guard kinds.contains(meeting.kind) else {
                throw AttendocError(.document, "--meeting \(path) is a \(meeting.kind), which has no \(what)")
            }
            guard meeting.date <= date else {
                throw AttendocError(.document, "--meeting \(path) is on \(meeting.date.longForm), after the date of the \(what) (\(date.longForm))")
            }
            return meeting
        }
        guard let meeting = attendanceCase.meetings.filter({ kinds.contains($0.kind) && $0.date <= date }).max(by: { $0.date < $1.date }) else {
            throw AttendocError(.document, "the case \(attendanceCase.reference) has no \(kinds.map(\.description).joined(separator: " or ")) on or before \(date.longForm) for the \(what); add it to meetings (its meetings are: \(list(attendanceCase)))")
        }
        return meeting
    }

    /// The meeting's values: `meeting.description`, `meeting.date`, `meeting.time`, `meeting.place`,
    /// `meeting.attendees`, `meeting.apologies`, `meeting.discussion`, `meeting.barriers`,
    /// `meeting.actions`, `meeting.target`, `meeting.reviewDate`, and, only for the agencies,
    /// `meeting.agencyOnlyNotes`. Absent facts are absent keys (templates test them in sections).
    static func values(_ meeting: Meeting) -> [String: Any] {
        var values: [String: Any] = [
            "description": meeting.kind.description,
            "title": LetterContext.capitalised(meeting.kind.description),
            "date": LetterContext.dateValue(meeting.date),
            "attendees": meeting.attendees.map { attendee in
                var person: [String: Any] = ["name": attendee.name, "role": attendee.role]
                person["agency"] = attendee.agency
                return person
            },
            "hasAttendees": !meeting.attendees.isEmpty,
            "apologies": meeting.apologies,
            "hasApologies": !meeting.apologies.isEmpty,
            "barriers": meeting.barriers,
            "hasBarriers": !meeting.barriers.isEmpty,
            "actions": meeting.actions.map { action in
                var item: [String: Any] = ["owner": action.owner, "action": action.action]
                item["due"] = action.dueDate.map(LetterContext.dateValue)
                return item
            },
            "hasActions": !meeting.actions.isEmpty,
            "isImprovementPlan": meeting.kind == .attendanceImprovementPlan,
            // What a parenting contract meeting agrees is, in the 2024 guidance's words, an attendance contract.
            "isParentingContract": meeting.kind == .parentingContract,
        ]
        values["time"] = meeting.time.map(MeetingInvitationFacts.timeInWords)
        values["place"] = meeting.place
        values["discussion"] = meeting.discussion
        values["target"] = meeting.attendanceTarget.map(TargetMetFacts.targetInWords)
        values["reviewDate"] = meeting.reviewDate.map(LetterContext.dateValue)
        values["agencyOnlyNotes"] = meeting.agencyOnlyNotes
        values["contactArrangements"] = meeting.contactArrangements
        return values
    }
}
