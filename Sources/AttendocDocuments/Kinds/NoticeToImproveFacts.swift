import AttendocCasework
import AttendocPolicy
import AttendocValues

/// The facts of a notice to improve, the last chance to engage with support before a penalty notice
/// (the national framework for penalty notices, August 2024; notes/domain.md §2): the unauthorised-
/// absence threshold met, the support offered and still open, and the improvement period, which ends
/// the policy's `notice_to_improve_period` after the notice, counted in the school's calendar.
enum NoticeToImproveFacts {

    static func values(case loaded: LoadedCase, dated date: CalendarDate, options: LetterOptions) throws(AttendocError) -> [String: Any] {
        let attendanceCase = loaded.attendanceCase
        if let meeting = options.meeting {
            throw AttendocError(.document, "a notice to improve is not about a meeting; leave out the meeting (\(meeting))")
        }
        if options.deadlineOverrideReason != nil {
            throw AttendocError(.document, "a notice to improve has no deadline to override; leave out --override-deadline")
        }
        guard let policy = loaded.policy else {
            throw AttendocError(.document, "the case \(attendanceCase.reference) names no policy, so its unauthorised-absence threshold and improvement period are not known; add policy: to the case file")
        }
        let figures = try loaded.figures(asOf: date)
        let threshold = "\(policy.unauthorisedSessions) sessions of unauthorised absence within \(policy.unauthorisedWindowSchoolWeeks) school weeks"
        guard let firstMetOn = figures.unauthorisedThresholdFirstMetOn, let windowStarts = figures.windowStarts else {
            throw AttendocError(.document, "the unauthorised-absence threshold (\(threshold), policy \(policy.identifier)) is not met as of \(date.longForm): the register shows \(figures.unauthorisedInWindow) unauthorised sessions in the last \(figures.windowSchoolWeeks) school weeks; a notice to improve may only be sent once it is met")
        }
        let (period, startsOn, endsOn) = try improvementPeriod(loaded, policy: policy, dated: date, method: options.serviceMethod)
        // A notice to improve warns of a penalty notice, an alternative to prosecution: not while a
        // prosecution for the same absence is in hand.
        if let conflict = ProsecutionInHand.overlapping(loaded, from: windowStarts, to: endsOn, on: date) {
            throw AttendocError(.document, "no notice to improve dated \(date.longForm): \(conflict), and this notice's absence and improvement period (\(windowStarts.longForm) to \(endsOn.longForm)) overlap it; a notice to improve warns of a penalty notice, which is an alternative to prosecution for the same absence, not an addition to it")
        }

        let measures = attendanceCase.supportiveMeasures
        let continuing = measures.filter { $0.response == .accepted && $0.startedOn != nil && $0.endedOn == nil }
            .map { "\($0.what), from \($0.offeredBy)" }
        let notTakenUp = measures.filter { $0.response == .declined || $0.response == .notEngaged }.map(\.offeredInWords)

        var improvement: [String: Any] = [
            "startsOn": LetterContext.dateValue(startsOn),
            "schoolDays": try loaded.calendar().schoolDays(from: startsOn, through: endsOn),
            "endsOn": LetterContext.dateValue(endsOn),
            "length": period.lengthInWords,
            "wholeSchoolWeeks": period.unit == .schoolWeeks,
        ]
        // The target agreed most recently, when one was: what "sufficient improvement" means for this pupil.
        if let meeting = attendanceCase.meetings.filter({ $0.attendanceTarget != nil && $0.date <= date }).max(by: { $0.date < $1.date }),
           let target = meeting.attendanceTarget {
            improvement["target"] = [
                "value": target.display,
                "meeting": meeting.kind.description,
                "isInterview": meeting.kind == .paceInterview,
                "meetingDate": LetterContext.dateValue(meeting.date),
            ] as [String: Any]
        }
        return [
            "threshold": [
                "sessions": policy.unauthorisedSessions,
                "schoolWeeks": policy.unauthorisedWindowSchoolWeeks,
                "firstMetOn": LetterContext.dateValue(firstMetOn),
                "inWindow": figures.unauthorisedInWindow,
                "windowStarts": LetterContext.dateValue(windowStarts),
            ] as [String: Any],
            "improvement": improvement,
            "supportContinuing": continuing,
            "hasSupportContinuing": !continuing.isEmpty,
            "supportNotTakenUp": notTakenUp,
            "hasSupportNotTakenUp": !notTakenUp.isEmpty,
            // A penalty notice is given for an offence under section 444(1) (section 444A).
            "offence": LegalRouteFacts.offence(.s444_1) ?? [:],
        ]
    }

    /// The improvement period: from the day the notice is deemed received (the policy's issuing:
    /// rule for the method; the first school day on or after it) to the end of the last school week
    /// of the policy's notice_to_improve_period (in school_weeks: whole school weeks from receipt,
    /// SchoolCalendar.endOfWholeSchoolWeeks), or its deadline counted from receipt in other units.
    static func improvementPeriod(_ loaded: LoadedCase, policy: Policy, dated date: CalendarDate, method: String) throws(AttendocError) -> (Deadline, CalendarDate, CalendarDate) {
        let period = try policy.deadline(.noticeToImprovePeriod, for: "a notice to improve (its improvement period)")
        guard let issuing = policy.issuing, let received = issuing.deemedServed(sent: date, method: method) else {
            throw AttendocError(.policy, "\(policy.file): the policy \(policy.identifier) has no issuing: rule for \(method) (deemed_service_working_days), so the day a notice to improve is received, from which its period runs, is not known; add it (docs/policies.md)")
        }
        let calendar = try loaded.calendar()
        let startsOn = try calendar.firstSchoolDay(onOrAfter: received)
        let endsOn = period.unit == .schoolWeeks
            ? try calendar.endOfWholeSchoolWeeks(period.count, from: startsOn)
            : try loaded.deadline(.noticeToImprovePeriod, from: startsOn, for: "a notice to improve")
        return (period, startsOn, endsOn)
    }
}
