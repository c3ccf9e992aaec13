import AttendocCaseModel
import AttendocCasework
import AttendocPolicy
import AttendocValues

/// The meeting invitation's values: which meeting (a parenting contract, attendance improvement plan,
/// Team Around the Family or attendance panel meeting), when and where, who will be there, what it
/// is for, and when attendance will be looked at again after it (the policy's deadlines).
///
/// Keys (docs/templates.md): `meeting.*`.
enum MeetingInvitationFacts {
    /// The meetings a school invites parents to with this letter. An interview under caution has
    /// its own invitation (`pace-interview-invitation`).
    static let kinds: [Meeting.Kind] = [.parentingContract, .attendanceImprovementPlan, .teamAroundTheFamily, .attendancePanel]

    static func values(case loaded: LoadedCase, dated date: CalendarDate, options: LetterOptions) throws(AttendocError) -> [String: Any] {
        let attendanceCase = loaded.attendanceCase
        let meeting = try chooseMeeting(in: attendanceCase, dated: date, path: options.meeting)
        let named = "\(meeting.casePath) (the \(meeting.kind) on \(meeting.date.longForm))"
        guard let time = meeting.time else {
            throw AttendocError(.document, "\(named) has no time; add time: HH:MM to it so the invitation can say when to come")
        }
        guard let place = meeting.place else {
            throw AttendocError(.document, "\(named) has no place; add place: to it so the invitation can say where to come")
        }
        guard !meeting.attendees.isEmpty else {
            throw AttendocError(.document, "\(named) has no attendees; add attendees: (each with name and role, and agency for professionals) so the invitation can say who will be there")
        }
        try requireSchoolContact(attendanceCase, for: "the invitation")
        try RecordedMeeting.requireSchoolDay(meeting, in: loaded, options: options)

        var values: [String: Any] = [
            "kind": meeting.kind.rawValue,
            "description": meeting.kind.description,
            "date": LetterContext.dateValue(meeting.date),
            "time": timeInWords(time),
            "place": place,
            "attendees": meeting.attendees.map { attendee in
                var person: [String: Any] = ["name": attendee.name, "role": attendee.role]
                person["agency"] = attendee.agency
                return person
            },
            "isParentingContract": meeting.kind == .parentingContract,
            "isImprovementPlan": meeting.kind == .attendanceImprovementPlan,
            "isTeamAroundTheFamily": meeting.kind == .teamAroundTheFamily,
            "isAttendancePanel": meeting.kind == .attendancePanel,
        ]
        // When the policy says how soon attendance is looked at again after this kind of meeting
        // (seed 004: "review date not more than 20 days later"; "review within 5 weeks"), or how long
        // an improvement plan runs at least (seed 002: "no less than 6 school weeks").
        if let policy = loaded.policy {
            if let name = reviewDeadline[meeting.kind], let deadline = policy.deadlines[name] {
                values["reviewBy"] = LetterContext.dateValue(try loaded.deadline(name, from: meeting.date, for: "a meeting invitation"))
                values["reviewWithin"] = deadline.lengthInWords
            }
            if meeting.kind == .attendanceImprovementPlan, let deadline = policy.deadlines[.improvementPlanMinimum] {
                values["planRunsFor"] = deadline.lengthInWords
                values["planRunsUntil"] = LetterContext.dateValue(try loaded.deadline(.improvementPlanMinimum, from: meeting.date, for: "a meeting invitation"))
            }
        }
        return ["meeting": values]
    }

    /// The policy deadline (docs/policies.md) for the review after each kind of meeting.
    static let reviewDeadline: [Meeting.Kind: DeadlineName] = [
        .parentingContract: .concernReview,
        .teamAroundTheFamily: .multiAgencyReview,
        .attendancePanel: .targetReview,
    ]

    /// The meeting at `path` (`meetings[2]`), or by default the first invitation kind of meeting on
    /// or after the letter's date.
    static func chooseMeeting(in attendanceCase: AttendanceCase, dated date: CalendarDate, path: String?) throws(AttendocError) -> Meeting {
        let meetings = attendanceCase.meetings
        if let path {
            let meeting = try RecordedMeeting.meeting(at: path, in: attendanceCase)
            guard kinds.contains(meeting.kind) else {
                throw AttendocError(.document, "\(path) is an \(meeting.kind): its invitation is the document pace-interview-invitation, not meeting-invitation")
            }
            guard meeting.date >= date else {
                throw AttendocError(.document, "\(path) (the \(meeting.kind) on \(meeting.date.longForm)) is before the letter's date, \(date.longForm); an invitation must be dated on or before the meeting")
            }
            return meeting
        }
        guard let next = meetings.filter({ kinds.contains($0.kind) && $0.date >= date }).min(by: { $0.date < $1.date }) else {
            throw AttendocError(.document, "the case \(attendanceCase.reference) has no parenting contract, attendance improvement plan, Team Around the Family or attendance panel meeting on or after \(date.longForm) to invite to; add it under meetings: (kind, date, time, place and attendees), or choose one with --meeting meetings[N]")
        }
        return next
    }

    /// A letter from the school must say how to reach the school.
    static func requireSchoolContact(_ attendanceCase: AttendanceCase, for what: String) throws(AttendocError) {
        if attendanceCase.school.phone == nil && attendanceCase.school.email == nil {
            throw AttendocError(.document, "the case \(attendanceCase.reference) has no phone or email for the school; add school.phone or school.email so \(what) can say how to contact the school")
        }
    }

    /// A time as a letter writes it (GOV.UK style): `9:15am`, `3pm`, `midday`.
    static func timeInWords(_ time: TimeOfDay) -> String {
        switch (time.hour, time.minute) {
        case (12, 0): return "midday"
        case (0, 0): return "midnight"
        default:
            let hour = time.hour % 12 == 0 ? 12 : time.hour % 12
            let suffix = time.hour < 12 ? "am" : "pm"
            return time.minute == 0 ? "\(hour)\(suffix)" : "\(hour):\(time.minute < 10 ? "0" : "")\(time.minute)\(suffix)"
        }
    }
}
