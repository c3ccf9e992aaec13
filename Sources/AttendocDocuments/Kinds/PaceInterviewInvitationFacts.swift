import AttendocCaseModel
import AttendocCasework
import AttendocPolicy
import AttendocValues

/// The facts of an invitation to an interview under caution (PACE): the interview's date, time and
/// place, within the policy's `pace_interview` deadline after the referral (seed 004: "within 5
/// weeks of referral"), and the offence the parent is suspected of.
enum PaceInterviewInvitationFacts {
    static let letter = "an invitation to an interview under caution"

    static func values(case loaded: LoadedCase, dated date: CalendarDate, options: LetterOptions) throws(AttendocError) -> [String: Any] {
        let attendanceCase = loaded.attendanceCase
        let offence = try LegalRouteFacts.suspectedOffence(in: attendanceCase, for: letter)
        let interview = try chosenInterview(in: attendanceCase, dated: date, path: options.meeting)
        let named = "the interview under caution at \(interview.casePath) (\(interview.date.longForm))"
        guard let time = interview.time else {
            throw AttendocError(.document, "\(named) has no time; add time: HH:MM to \(interview.casePath)")
        }
        guard let place = interview.place else {
            throw AttendocError(.document, "\(named) has no place; add place: to \(interview.casePath) (where the interview is held, with its address)")
        }
        // The deadline the first warning letter printed and the readiness check uses.
        let (length, deadline, from, fromReferral) = try loaded.interviewDeadline(for: letter)
        if interview.date > deadline, options.deadlineOverrideReason == nil, let policy = loaded.policy {
            let event = fromReferral ? "the school referred the case" : "the referral was accepted"
            throw AttendocError(.document, "\(named) is after the deadline of \(deadline.longFormWithWeekday) (the policy \(policy.identifier)'s \(DeadlineName.paceInterview.rawValue): \(length.lengthInWords) after \(event) on \(from.longForm)); hold the interview by then, or give the reason for overriding the deadline (--override-deadline)")
        }
        try RecordedMeeting.requireSchoolDay(interview, in: loaded, options: options)
        return [
            "order": try orderNotCompliedWith(in: loaded, offence: offence),
            "interview": [
                "date": LetterContext.dateValue(interview.date),
                "time": MeetingInvitationFacts.timeInWords(time),
                "place": place,
                "deadline": LetterContext.dateValue(deadline),
            ] as [String: Any],
            "offence": offence,
        ]
    }

    /// For an interview about an offence under section 443(1): the school attendance order the
    /// parent is suspected of not complying with (made, naming its school, served on the parent,
    /// not complied with from), and the most a court may fine (the policy's `sentencing:`, section
    /// 443(4): level 3). `false` for section 444. Refused without the order served or the policy's
    /// maximum: the letter states only what the record shows.
    static func orderNotCompliedWith(in loaded: LoadedCase, offence: [String: Any]) throws(AttendocError) -> Any {
        guard offence["s443"] as? Bool == true else { return false }
        let reference = loaded.attendanceCase.reference
        guard let process = loaded.attendanceCase.schoolAttendanceOrder, let order = process.order, let served = order.servedOn else {
            throw AttendocError(.document, "the case \(reference) is a prosecution under section 443, but no school attendance order served on the parent is recorded, so \(letter) cannot say what the parent is suspected of; add school_attendance_order.order with made_on, school and served_on (docs/case-file.md)")
        }
        guard let maximum = loaded.policy?.sentencing?.offences[LegalRoute.Section.s443.rawValue]?.maximumFine else {
            let policy = loaded.policy.map { "the policy \($0.identifier) (\($0.file))" } ?? "the case, which names no policy,"
            throw AttendocError(.document, "\(policy) sets no maximum fine for section 443, which \(letter) tells the parent; add sentencing: offences: s443: with its maximum and maximum_fine (docs/policies.md)")
        }
        var values: [String: Any] = [
            "madeOn": LetterContext.dateValue(order.madeOn), "school": order.school,
            "servedOn": LetterContext.dateValue(served), "maximumFine": LegalRouteFacts.pounds(maximum),
        ]
        values["failedFrom"] = process.failedToComplyFrom.map(LetterContext.dateValue) ?? false
        return values
    }

    /// The meeting `path` names, which must be an interview under caution on or after the letter's
    /// date; by default the first such interview on or after it.
    static func chosenInterview(in attendanceCase: AttendanceCase, dated date: CalendarDate, path: String?) throws(AttendocError) -> Meeting {
        if let path {
            let meeting = try RecordedMeeting.meeting(at: path, in: attendanceCase)
            guard meeting.kind == .paceInterview else {
                throw AttendocError(.document, "\(path) is a \(meeting.kind), not an interview under caution (kind: pace_interview); choose a pace_interview meeting for \(letter)")
            }
            guard meeting.date >= date else {
                throw AttendocError(.document, "the interview under caution at \(path) is on \(meeting.date.longForm), before the letter's date (\(date.longForm)); a letter cannot invite to an interview that has already happened")
            }
            return meeting
        }
        let interviews = attendanceCase.meetings.filter { $0.kind == .paceInterview }
        guard let next = interviews.filter({ $0.date >= date }).min(by: { $0.date < $1.date }) else {
            let earlier = interviews.map { "\($0.casePath) is on \($0.date.longForm)" }
            let found = earlier.isEmpty ? "" : " (\(earlier.joined(separator: "; ")), before the letter's date)"
            throw AttendocError(.document, "the case \(attendanceCase.reference) has no interview under caution on or after \(date.longForm)\(found); add a meeting with kind: pace_interview, its date, time and place under meetings:")
        }
        return next
    }
}
