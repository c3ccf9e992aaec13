import AttendocCaseModel
import AttendocCasework
import AttendocPolicy
import AttendocRegister
import AttendocValues

/// A register certificate (s566 Education Act 1996): the pupil's attendance for a stated period,
/// week by week and session by session as the register records it, with a key to the codes used
/// and the totals, for the head teacher to sign.
///
/// Keys (docs/templates.md): `certificate.*`.
enum RegisterCertificateFacts {
    static func values(case loaded: LoadedCase, dated date: CalendarDate) throws(AttendocError) -> [String: Any] {
        guard let pupil = loaded.pupilRegister else {
            throw AttendocError(.document, "the case \(loaded.attendanceCase.reference) has no register; a register certificate is an extract of it, so add register: to the case file")
        }
        let figures = try loaded.figures(asOf: date)
        let from = Int32(figures.from.daysSinceEpoch), to = Int32(figures.to.daysSinceEpoch)
        let days = pupil.days.filter { $0.dayNumber >= from && $0.dayNumber <= to }
        var weeks: [[String: Any]] = []
        var used: Set<UInt8> = []
        var index = 0
        var monday = SchoolCalendar.weekStart(of: figures.from)
        while monday <= figures.to {
            var sessions: [String] = []
            var any = false
            for weekday in 0..<5 {
                let number = Int32(monday.adding(days: weekday).daysSinceEpoch)
                while index < days.count && days[index].dayNumber < number { index += 1 }
                let day = index < days.count && days[index].dayNumber == number ? days[index] : nil
                for session in Session.allCases {
                    guard let code = day?.code(session), code != RegisterDay.noMark else {
                        sessions.append("")
                        continue
                    }
                    any = true
                    used.insert(code)
                    sessions.append(pupil.codes.code(number: code).code)
                }
            }
            if any {
                weeks.append(["weekBeginning": LetterContext.dateValue(monday), "sessions": sessions])
            }
            monday = monday.adding(days: 7)
        }
        let key = used.sorted().map { number -> [String: Any] in
            let code = pupil.codes.code(number: number)
            return ["code": code.code, "meaning": code.meaning, "countsAs": counting(code.category)]
        }
        return [
            "certificate": [
                "from": LetterContext.dateValue(figures.from),
                "to": LetterContext.dateValue(figures.to),
                "upn": pupil.upn,
                "weeks": weeks,
                "key": key,
                "totals": LetterContext.attendanceValue(QuotedAttendance(figures)),
                // Registered throughout: admitted on or before the period's first day.
                "admittedOn": loaded.attendanceCase.pupil.admittedOn.map { LetterContext.dateValue($0) as Any } ?? false,
                "registeredThroughout": loaded.attendanceCase.pupil.admittedOn.map { $0 <= figures.from } ?? false,
            ] as [String: Any],
        ]
    }

    /// How a category counts, in the words the certificate's key uses.
    static func counting(_ category: CodeCategory) -> String {
        switch category {
        case .present, .approvedEducationalActivity: "attended"
        case .authorisedAbsence: "authorised absence"
        case .unauthorisedAbsence: "unauthorised absence"
        case .notPossible, .administrative: "not counted (not a possible session)"
        }
    }
}
