import AttendocEngine
import AttendocRegister
import AttendocTesting
import Testing

/// Absences by day of the week, for the concern letter, against hand-counted registers.
@Suite("Absence pattern by weekday")
struct AbsencePatternTests {
    static let calendar = try! policy("county-attendance-team").calendar

    /// Two school weeks, Monday 7 to Friday 18 September 2026, with the day before them absent
    /// (outside the period, so not counted).
    static func register(_ marks: [String: (String, String)]) throws -> PupilRegister {
        var all = marks
        all["2026-09-04"] = ("O", "O")
        return try readCSV(registerCSV(calendar: calendar, from: date("2026-09-03"), through: date("2026-09-25"), marks: all))
    }

    static func row(_ pattern: AbsencePattern, _ name: String) -> (possible: Int, mornings: Int, afternoons: Int)? {
        pattern.weekdays.first { $0.name == name }.map { ($0.possibleSessions, $0.missedMornings, $0.missedAfternoons) }
    }

    @Test func countsMissedSessionsByWeekdayAndSession() throws {
        let register = try Self.register([
            "2026-09-07": ("O", "O"),     // Monday: both missed (unauthorised)
            "2026-09-08": ("L", "\\"),    // Tuesday: late before the register closed is present
            "2026-09-11": ("I", "\\"),    // Friday morning: ill (authorised)
            "2026-09-14": ("M", "\\"),    // Monday morning: medical appointment (authorised)
            "2026-09-15": ("Y1", "\\"),   // Tuesday morning: not a possible session
            "2026-09-18": ("/", "N"),     // Friday afternoon: reason not yet known
            "2026-09-21": ("O", "O"),     // after the period: not counted
        ])
        let pattern = AbsencePattern(register: register, from: date("2026-09-07"), through: date("2026-09-18"))
        #expect(pattern.weekdays.map(\.name) == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])
        #expect(Self.row(pattern, "Monday")! == (4, 2, 1))
        #expect(Self.row(pattern, "Tuesday")! == (3, 0, 0))
        #expect(Self.row(pattern, "Wednesday")! == (4, 0, 0))
        #expect(Self.row(pattern, "Thursday")! == (4, 0, 0))
        #expect(Self.row(pattern, "Friday")! == (4, 1, 1))
        #expect(pattern.missedSessions == 5)
        #expect(pattern.missedMornings == 3)
        #expect(pattern.missedAfternoons == 2)
        #expect(pattern.mostMissed.map(\.name) == ["Monday"])
        #expect(pattern.mostMissedInWords == "Mondays")
    }

    @Test func namesEveryDayThatSharesTheMost() throws {
        let register = try Self.register([
            "2026-09-07": ("O", "\\"), "2026-09-10": ("I", "\\"), "2026-09-18": ("N", "\\"), "2026-09-09": ("/", "O"),
            "2026-09-14": ("O", "\\"), "2026-09-17": ("/", "I"),
        ])
        let pattern = AbsencePattern(register: register, from: date("2026-09-07"), through: date("2026-09-18"))
        #expect(pattern.mostMissedInWords == "Mondays and Thursdays")
        #expect(pattern.missedSessions == 6)
    }

    @Test func noDayStandsOutWhenNothingOrEveryDayIsMissedAlike() throws {
        let none = AbsencePattern(register: try Self.register([:]), from: date("2026-09-07"), through: date("2026-09-18"))
        #expect(none.missedSessions == 0)
        #expect(none.mostMissedInWords == nil)
        let even = try Self.register(["2026-09-07": ("O", "\\"), "2026-09-08": ("O", "\\"), "2026-09-09": ("O", "\\"),
                                      "2026-09-10": ("O", "\\"), "2026-09-11": ("O", "\\")])
        let pattern = AbsencePattern(register: even, from: date("2026-09-07"), through: date("2026-09-18"))
        #expect(pattern.missedSessions == 5)
        #expect(pattern.mostMissed.isEmpty)
        #expect(pattern.mostMissedInWords == nil)
    }
}
