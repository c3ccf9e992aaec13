import AttendocValues
import Testing

/// Calendar months, as a time limit counts them (section 127 Magistrates' Courts Act 1980: six
/// months), worked by hand.
@Suite("Calendar months")
struct CalendarMonthsTests {
    @Test(arguments: [
        ("2026-11-25", 6, "2027-05-25"),
        ("2026-08-31", 6, "2027-02-28"),   // February is shorter: its last day
        ("2027-08-31", 6, "2028-02-29"),   // a leap year
        ("2026-12-15", 1, "2027-01-15"),   // across a year
        ("2027-03-31", -1, "2027-02-28"),  // backwards
    ])
    func addingMonthsKeepsTheDayOrTakesTheMonthsLast(_ example: (from: String, months: Int, to: String)) {
        #expect(CalendarDate(iso: example.from)!.adding(months: example.months) == CalendarDate(iso: example.to)!)
    }
}
