import AttendocCaseModel
import AttendocCasework
import AttendocEngine
import AttendocPolicy
import AttendocValues

/// The attendance concern letter's values: the school writes when attendance falls under 90 % (seed
/// 004: "if a pupil's attendance is less than 90%, ... contact parents by phone, letter") or into tier 2
/// (seed 003), with the figures, when the absences fall, the tier in words and the support on offer.
///
/// Keys (docs/templates.md): `concern.*`, `tier.*` (when the policy has tiers), `pattern.*` (when the
/// case has a register).
enum AttendanceConcernFacts {
    static func values(case loaded: LoadedCase, dated date: CalendarDate) throws(AttendocError) -> [String: Any] {
        let attendanceCase = loaded.attendanceCase
        try MeetingInvitationFacts.requireSchoolContact(attendanceCase, for: "the letter's invitation to talk")
        let quoted: QuotedAttendance
        var figures: PupilFigures?
        if loaded.pupilRegister != nil {
            let computed = try loaded.figures(asOf: date)
            figures = computed
            quoted = QuotedAttendance(computed)
        } else if let stated = attendanceCase.quotedAttendance {
            quoted = stated
        } else {
            throw AttendocError(.document, "the case \(attendanceCase.reference) has no attendance figures for a concern letter: give it a register (or an attendance section)")
        }
        guard quoted.possibleSessions > 0 else {
            throw AttendocError(.document, "the register of the case \(attendanceCase.reference) has no possible sessions up to \(date.longForm), so there is no attendance to be concerned about; check the register and the letter's date")
        }
        let missed = quoted.authorisedAbsenceSessions + quoted.unauthorisedAbsenceSessions
        let attendance = quoted.attendancePercentage
        let absence = Percentage(missed, of: quoted.possibleSessions)
        var concern: [String: Any] = ["missed": missed, "absencePercent": absence.display]
        var values: [String: Any] = [:]

        if let policy = loaded.policy {
            let persistent = policy.persistentAbsence.isReached(by: absence)
            concern["persistentAbsence"] = persistent
            concern["persistentAbsenceFrom"] = policy.persistentAbsence.description
            let band = policy.tier(for: attendance)
            let topTier = policy.tiers.first?.tier
            let belowTopTier = band.map { $0.tier != topTier } ?? false
            // The letter is for a cause for concern: persistent absence (attendance of 90 % or less)
            // or attendance below the first tier. Anything else is not a reason to send it.
            guard persistent || belowTopTier else {
                let tierWords = band.map { ", and attendance is in tier \($0.tier)" } ?? ""
                throw AttendocError(.document, "the pupil's attendance from \(quoted.from.longForm) to \(quoted.to.longForm) is \(attendance.display): absence of \(absence.display) is not persistent absence under the policy \(policy.identifier) (\(policy.persistentAbsence) or more)\(tierWords), so there is no cause for an attendance concern letter; check the register and the letter's date")
            }
            if let band {
                var tier: [String: Any] = [
                    "number": band.tier,
                    "count": policy.tiers.count,
                    "range": rangeInWords(of: band, in: policy),
                ]
                // The day year-to-date attendance last moved into this tier.
                if let entered = figures?.tierHistory.last, entered.tier == band.tier {
                    tier["since"] = LetterContext.dateValue(entered.enteredOn)
                }
                values["tier"] = tier
            }
            if policy.deadlines[.concernReview] != nil {
                concern["reviewBy"] = LetterContext.dateValue(try loaded.deadline(.concernReview, from: date, for: "an attendance concern letter"))
            }
        }

        if let register = loaded.pupilRegister {
            let pattern = AbsencePattern(register: register, from: quoted.from, through: quoted.to)
            var patternValues: [String: Any] = [
                "days": pattern.weekdays.map { day in
                    ["day": day.name, "missed": day.missedSessions, "possible": day.possibleSessions] as [String: Any]
                },
                "mornings": pattern.missedMornings,
                "afternoons": pattern.missedAfternoons,
            ]
            patternValues["mostMissed"] = pattern.mostMissedInWords
            values["pattern"] = patternValues
        }
        values["concern"] = concern
        let support = supportOffered(in: attendanceCase, by: date)
        values["supportOffered"] = support
        values["hasSupportOffered"] = !support.isEmpty
        return values
    }

    /// The support already offered as a letter dated `date` may list it: the case file's own
    /// `support_offered` lines (which have no dates) as they are, or, when the list is made from the
    /// supportive measures, only those offered on or before `date`, so that a letter never mentions
    /// support offered after it was sent.
    static func supportOffered(in attendanceCase: AttendanceCase, by date: CalendarDate) -> [String] {
        let measures = attendanceCase.supportiveMeasures
        guard !measures.isEmpty, attendanceCase.supportOffered == measures.map(\.offeredInWords) else {
            return attendanceCase.supportOffered
        }
        return measures.filter { $0.offeredOn <= date }.map(\.offeredInWords)
    }

    /// A tier's band of attendance in words: `at least 80% but below 93%`, `93% or more`,
    /// `below 51%`.
    static func rangeInWords(of band: TierBand, in policy: Policy) -> String {
        let above = policy.tiers.filter { $0.from.hundredths > band.from.hundredths }.min { $0.from.hundredths < $1.from.hundredths }
        switch (band.from.hundredths, above) {
        case (_, nil): return "\(band.from) or more"
        case (0, let above?): return "below \(above.from)"
        case (_, let above?): return "at least \(band.from) but below \(above.from)"
        }
    }
}
