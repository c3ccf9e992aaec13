import AttendocCaseModel
import AttendocCasework
import AttendocPolicy
import AttendocValues

/// The facts of a final warning letter (seed 004: "If target not met within 5 weeks of Attendance
/// Panel or PACE Meeting proceed to Final Warning ... Papers submitted to court"): the first
/// warning's date, the figures since it, the target set at the panel or PACE meeting and the
/// attendance over the target's period, which must have fallen short of it.
enum FinalWarningLetterFacts {
    static func values(case loaded: LoadedCase, dated date: CalendarDate, options: LetterOptions) throws(AttendocError) -> [String: Any] {
        let attendanceCase = loaded.attendanceCase
        guard let route = attendanceCase.legalRoute else {
            throw AttendocError(.document, "the case \(attendanceCase.reference) has no legal_route; a final warning names the legal route, so add legal_route with its section")
        }
        let firstWarning = try firstWarningDate(of: attendanceCase)
        guard firstWarning <= date else {
            throw AttendocError(.document, "the first warning (\(firstWarning.longForm)) is after this letter's date (\(date.longForm)); a final warning comes after the first")
        }
        let sinceFirstWarning = try loaded.figures(asOf: date, from: firstWarning)
        guard sinceFirstWarning.possibleSessions > 0 else {
            throw AttendocError(.document, "the register has no school sessions between the first warning (\(firstWarning.longForm)) and \(date.longForm); a final warning needs the attendance since the first warning")
        }

        let meeting = try targetMeeting(in: attendanceCase, dated: date, path: options.meeting)
        guard let target = meeting.attendanceTarget, case .percent(let share) = target else {
            throw AttendocError(.document, "the attendance target set at \(meeting.casePath) is in words (\(meeting.attendanceTarget?.display ?? "")); Attendoc can only check a percentage target (attendance_target: 90%) before a final warning")
        }
        let reviewOn = try TargetReview.reviewDate(of: meeting, in: loaded, for: "the final warning letter")
        if date < reviewOn, options.deadlineOverrideReason == nil {
            throw AttendocError(.document, "the attendance target set at \(meeting.casePath) (\(meeting.date.longForm)) runs until its review on \(reviewOn.longFormWithWeekday); a final warning may go out only after that, unless you give the reason for overriding the deadline (--override-deadline)")
        }
        // The target's period: from the meeting to its review (or, when overridden, to the letter).
        let periodEnd = min(reviewOn, date)
        let calendar = try loaded.calendar()
        let overTarget = try loaded.figures(asOf: periodEnd, from: meeting.date)
        if periodEnd == reviewOn, overTarget.to < periodEnd,
           calendar.schoolDays(from: overTarget.to.adding(days: 1), through: periodEnd) > 0 {
            throw AttendocError(.document, "the register ends on \(overTarget.to.longForm), before the end of the target's period (\(periodEnd.longForm)); give the case a register that covers the period before sending a final warning")
        }
        guard overTarget.possibleSessions > 0 else {
            throw AttendocError(.document, "the register has no school sessions between \(meeting.date.longForm) and \(periodEnd.longForm), so whether the target was met is not known")
        }
        // Compared exactly, as for the target met letter: attended / possible ≥ the target.
        // Authorised illness is left out unless the policy counts it (target_counts_authorised_illness).
        if share.isReached(by: overTarget.targetAttendance) {
            throw AttendocError(.document, "the attendance target set at \(meeting.casePath) (\(target.display)) was met: attendance from \(overTarget.from.longForm) to \(overTarget.to.longForm) was \(overTarget.targetAttendance.display); a final warning must not be sent (send the target met letter instead)")
        }

        // The date the parent can tell us something by, before the papers go to court.
        let response = try policy(of: loaded).deadline(.finalWarningResponse, for: "the final warning letter")
        let respondBy = try loaded.deadline(.finalWarningResponse, from: date, for: "the final warning letter")
        // The letter dates the decision to proceed from its record, made after the target's review.
        guard let decision = route.decision else {
            throw AttendocError(.document, "the case \(attendanceCase.reference) records no decision to proceed after the target's review (\(reviewOn.longForm)); a final warning says when it was made, so record it under legal_route.decision (on, by, education_supervision_order, support_first, public_interest: docs/case-file.md)")
        }
        if decision.on > date {
            throw AttendocError(.document, "\(decision.casePath).on (\(decision.on.longForm)) is after this letter's date (\(date.longForm)); a final warning reports a decision already made, so date the letter on or after the decision")
        }
        if decision.on < reviewOn, options.deadlineOverrideReason == nil {
            throw AttendocError(.document, "\(decision.casePath).on (\(decision.on.longForm)) is before the review of the target set at \(meeting.casePath) (\(reviewOn.longForm)); the decision to proceed follows the review (seed 004), so correct the date of the decision")
        }
        let routeValue: [String: Any] = LegalRouteFacts.route(route.section).merging([
            "decisionOn": LetterContext.dateValue(decision.on),
            "isProsecution": LegalRouteFacts.offence(route.section) != nil,
        ]) { old, _ in old }
        var values: [String: Any] = [
            "firstWarning": ["date": LetterContext.dateValue(firstWarning)] as [String: Any],
            "sinceFirstWarning": LetterContext.attendanceValue(QuotedAttendance(sinceFirstWarning)),
            "target": [
                "value": target.display,
                "meeting": meeting.kind.description,
                "isInterview": meeting.kind == .paceInterview,
                "meetingDate": LetterContext.dateValue(meeting.date),
                "reviewDate": LetterContext.dateValue(reviewOn),
                "figures": LetterContext.attendanceValue(QuotedAttendance(overTarget)),
                "checked": TargetReview.checkedValue(overTarget),
                "schoolDays": String(calendar.schoolDays(from: meeting.date, through: reviewOn)),
            ] as [String: Any],
            "legalRoute": routeValue,
            "respond": [
                "by": LetterContext.dateValue(respondBy),
                "within": response.lengthSpeltOut,
            ] as [String: Any],
            "missedSinceFirstWarning": sinceFirstWarning.unauthorisedAbsenceSessions,
        ]
        values["offence"] = LegalRouteFacts.offence(route.section)
        return values
    }

    static func policy(of loaded: LoadedCase) throws(AttendocError) -> Policy {
        guard let policy = loaded.policy else {
            throw AttendocError(.document, "the case \(loaded.attendanceCase.reference) names no policy; add policy: to the case file")
        }
        return policy
    }

    /// The first warning's date: `legal_route.first_warning_on`, or the earliest first warning
    /// letter in `letters_issued`.
    static func firstWarningDate(of attendanceCase: AttendanceCase) throws(AttendocError) -> CalendarDate {
        if let date = attendanceCase.legalRoute?.firstWarningOn { return date }
        let sent = attendanceCase.lettersIssued.filter { $0.kind == .known(.firstWarningLetter) }.map(\.date)
        guard let earliest = sent.min() else {
            throw AttendocError(.document, "the case \(attendanceCase.reference) does not record a first warning; add legal_route.first_warning_on (or the first warning letters under letters_issued, kind: first_warning_letter)")
        }
        return earliest
    }

    /// The meeting that set the target: `path`, or the most recent attendance panel meeting or
    /// interview under caution on or before the letter's date that set an attendance target.
    static func targetMeeting(in attendanceCase: AttendanceCase, dated date: CalendarDate, path: String?) throws(AttendocError) -> Meeting {
        let kinds = TargetReview.kinds
        if let path {
            let meeting = try RecordedMeeting.meeting(at: path, in: attendanceCase)
            guard kinds.contains(meeting.kind), meeting.attendanceTarget != nil, meeting.date < date else {
                throw AttendocError(.document, "\(path) is not an attendance panel meeting or interview under caution that set an attendance target before \(date.longForm); a final warning reports on the target set at one")
            }
            return meeting
        }
        // The same meeting the target met letter reports on (TargetReview).
        guard let latest = TargetReview.latestMeeting(in: attendanceCase, before: date) else {
            throw AttendocError(.document, "the case \(attendanceCase.reference) has no attendance panel meeting or interview under caution before \(date.longForm) with an attendance target; add attendance_target to that meeting under meetings: (meetings: \(RecordedMeeting.list(attendanceCase)))")
        }
        return latest
    }
}
