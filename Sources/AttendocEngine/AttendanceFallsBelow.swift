import AttendocPolicy
import AttendocRegister
import AttendocValues

extension AttendanceEngine {
    /// The first day this school year (up to `asOf`) on which the pupil's attendance so far fell
    /// below `share`, compared exactly (a step's `attendance_below_percent` trigger); nil: it never did.
    public func firstDay(attendanceBelow share: Percentage, for pupil: PupilRegister, asOf: CalendarDate) -> CalendarDate? {
        let start = Int32(Self.academicYearStart(containing: asOf).daysSinceEpoch), last = Int32(asOf.daysSinceEpoch)
        var possible = 0, attended = 0
        for registerDay in pupil.days where registerDay.dayNumber >= start && registerDay.dayNumber <= last {
            var counted = false
            for session in Session.allCases {
                let number = registerDay.code(session)
                guard number != RegisterDay.noMark else { continue }
                let category = pupil.codes.code(number: number).category
                guard category.isPossibleSession else { continue }
                possible += 1
                counted = true
                if category.countsAsAttendance { attended += 1 }
            }
            if counted, !share.isReached(by: Percentage(attended, of: possible)) { return registerDay.date }
        }
        return nil
    }
}
