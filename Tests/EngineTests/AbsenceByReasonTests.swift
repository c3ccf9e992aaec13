import AttendocEngine
import AttendocRegister
import AttendocTesting
import Testing

/// Absences by reason (register code), for the bundle's matters relevant to the defence, against
/// hand-counted registers.
@Suite("Absence by reason")
struct AbsenceByReasonTests {
    static let calendar = try! policy("county-attendance-team").calendar

    @Test func eachAbsenceCodeIsCountedWithTheDaysItFallsOnMost() throws {
        // Monday 7 to Friday 18 September 2026.
        let register = try readCSV(registerCSV(calendar: Self.calendar, from: date("2026-09-03"), through: date("2026-09-25"), marks: [
            "2026-09-04": ("I", "I"),     // before the period: not counted
            "2026-09-07": ("O", "N"),     // Monday: other (unauthorised); not yet established
            "2026-09-08": ("L", "\\"),    // Tuesday: late before the register closed is present
            "2026-09-10": ("I", "I"),     // Thursday: ill
            "2026-09-14": ("M", "\\"),    // Monday morning: medical appointment
            "2026-09-15": ("I", "\\"),    // Tuesday morning: ill
            "2026-09-17": ("I", "I"),     // Thursday: ill
            "2026-09-18": ("/", "N"),     // Friday afternoon: not yet established
            "2026-09-21": ("N", "N"),     // after the period: not counted
        ]))
        let reasons = AbsenceByReason(register: register, from: date("2026-09-07"), through: date("2026-09-18"))
        // In the code table's order: authorised M, I; then unauthorised N, O.
        #expect(reasons.reasons.map(\.code) == ["M", "I", "N", "O"])
        let illness = try #require(reasons.reasons.first { $0.code == "I" })
        #expect(illness.meaning == "Illness (not medical or dental appointments)" && illness.isAuthorised)
        #expect(illness.sessions == 5)
        #expect(illness.mostOn == ["Thursday"] && illness.sessionsOnMost == 4)
        let notEstablished = try #require(reasons.reasons.first { $0.code == AbsenceByReason.notYetEstablished })
        #expect(!notEstablished.isAuthorised && notEstablished.sessions == 2)
        // One session on each of two days is no pattern; nor is a single medical appointment.
        #expect(notEstablished.mostOn.isEmpty)
        #expect(try #require(reasons.reasons.first { $0.code == "M" }).mostOn.isEmpty)
        #expect(reasons.authorised.map(\.sessions) == [1, 5] && reasons.unauthorised.map(\.sessions) == [2, 1])
    }

    @Test func aReasonOnEveryDayAlikeHasNoDayThatStandsOut() throws {
        let register = try readCSV(registerCSV(calendar: Self.calendar, from: date("2026-09-07"), through: date("2026-09-11"), marks: [
            "2026-09-07": ("I", "\\"), "2026-09-08": ("I", "\\"), "2026-09-09": ("I", "\\"), "2026-09-10": ("I", "\\"), "2026-09-11": ("I", "\\"),
        ]))
        let illness = try #require(AbsenceByReason(register: register, from: date("2026-09-07"), through: date("2026-09-11")).reasons.first)
        #expect(illness.sessions == 5 && illness.mostOn.isEmpty)
    }
}
