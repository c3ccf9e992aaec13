import AttendocPolicy
import AttendocRegister
import AttendocValues

/// Computes `PupilFigures` from a pupil's register under a policy. Every number a letter, a bundle
/// or a report shows comes from here. Figures are kept as whole-number counts; shares are exact
/// fractions (`Percentage`), compared exactly against thresholds and rounded only for display.
public struct AttendanceEngine: Sendable {
    public let policy: Policy

    public init(policy: Policy) {
        self.policy = policy
    }

    /// 1 August of the academic year that `date` falls in (academic years change on 1 August).
    public static func academicYearStart(containing date: CalendarDate) -> CalendarDate {
        CalendarDate(year: date.month >= 8 ? date.year : date.year - 1, month: 8, day: 1)!
    }

    public func figures(for pupil: PupilRegister, asOf: CalendarDate, from explicitStart: CalendarDate? = nil) -> PupilFigures {
        let codes = pupil.codes
        let yearStart = explicitStart ?? Self.academicYearStart(containing: asOf)
        let firstDay = pupil.days.first?.date
        let from = max(yearStart, firstDay.map { min($0, asOf) } ?? yearStart)
        let fromNumber = Int32(from.daysSinceEpoch), asOfNumber = Int32(asOf.daysSinceEpoch)

        // Per day up to the as-of date: possible, attended, authorised, unauthorised sessions.
        struct Day { var number: Int32; var possible = 0, attended = 0, authorised = 0, unauthorised = 0, notCounted = 0, illness = 0 }
        var days: [Day] = []
        for registerDay in pupil.days where registerDay.dayNumber <= asOfNumber {
            var day = Day(number: registerDay.dayNumber)
            for session in Session.allCases {
                let number = registerDay.code(session)
                guard number != RegisterDay.noMark else { continue }
                let category = codes.code(number: number).category
                if !category.isPossibleSession { day.notCounted += 1; continue }
                day.possible += 1
                if category.countsAsAttendance { day.attended += 1 }
                if category == .authorisedAbsence { day.authorised += 1 }
                if codes.code(number: number).code == AttendanceCodeTable.illness { day.illness += 1 }
                if category == .unauthorisedAbsence { day.unauthorised += 1 }
            }
            days.append(day)
        }

        var totals = Day(number: fromNumber)
        var tierHistory: [TierEntry] = []
        for day in days where day.number >= fromNumber {
            totals.possible += day.possible
            totals.attended += day.attended
            totals.authorised += day.authorised
            totals.unauthorised += day.unauthorised
            totals.notCounted += day.notCounted
            totals.illness += day.illness
            guard day.possible > 0, let band = policy.tier(for: Percentage(totals.attended, of: totals.possible)) else { continue }
            if tierHistory.last?.tier != band.tier {
                tierHistory.append(TierEntry(tier: band.tier, enteredOn: CalendarDate(daysSinceEpoch: Int(day.number))))
            }
        }

        // School weeks, by SchoolCalendar's one rule: Monday-to-Sunday weeks with at least one
        // school day, here a day on which this pupil had a possible session.
        func week(_ number: Int32) -> Int32 {
            Int32(SchoolCalendar.weekStart(of: CalendarDate(daysSinceEpoch: Int(number))).daysSinceEpoch)
        }
        let window = policy.unauthorisedWindowSchoolWeeks
        let schoolDays = days.filter { $0.possible > 0 }
        let schoolWeeks = SchoolCalendar.schoolWeeks(of: schoolDays.map { CalendarDate(daysSinceEpoch: Int($0.number)) })
            .map { Int32($0.daysSinceEpoch) }
        /// Unauthorised sessions in the `window` school weeks ending with the week of `dayNumber`,
        /// counting sessions up to and including that day.
        func unauthorisedInWindow(endingOn dayNumber: Int32) -> (count: Int, starts: Int32?) {
            let weeksSoFar = schoolWeeks.filter { $0 <= week(dayNumber) }
            guard let start = weeksSoFar.suffix(window).first else { return (0, nil) }
            let count = schoolDays.lazy.filter { $0.number >= start && $0.number <= dayNumber }.reduce(0) { $0 + $1.unauthorised }
            return (count, start)
        }
        let current = unauthorisedInWindow(endingOn: asOfNumber)
        var firstMet: CalendarDate?
        for day in schoolDays where day.number >= fromNumber && day.unauthorised > 0 {
            if unauthorisedInWindow(endingOn: day.number).count >= policy.unauthorisedSessions {
                firstMet = CalendarDate(daysSinceEpoch: Int(day.number))
                break
            }
        }

        let absence = Percentage(totals.authorised + totals.unauthorised, of: totals.possible)
        let unauthorised = Percentage(totals.unauthorised, of: totals.possible)
        var figures = PupilFigures(
            upn: pupil.upn, from: from, to: days.last.map { CalendarDate(daysSinceEpoch: Int($0.number)) }.map { max($0, from) } ?? asOf,
            possibleSessions: totals.possible, attendedSessions: totals.attended,
            authorisedAbsenceSessions: totals.authorised, unauthorisedAbsenceSessions: totals.unauthorised,
            notCountedSessions: totals.notCounted,
            isPersistentlyAbsent: policy.persistentAbsence.isReached(by: absence),
            isSeverelyAbsent: policy.severeAbsence.isReached(by: absence),
            meetsReferralUnauthorisedShare: policy.referralMinimumUnauthorised.map { $0.isReached(by: unauthorised) },
            unauthorisedInWindow: current.count, windowSchoolWeeks: window,
            unauthorisedThresholdSessions: policy.unauthorisedSessions,
            windowStarts: current.starts.map { CalendarDate(daysSinceEpoch: Int($0)) },
            unauthorisedThresholdFirstMetOn: firstMet,
            tier: policy.tier(for: Percentage(totals.attended, of: totals.possible))?.tier,
            tierHistory: tierHistory)
        figures.authorisedIllnessSessions = totals.illness
        figures.targetCountsAuthorisedIllness = policy.targetCountsAuthorisedIllness
        return figures
    }
}
