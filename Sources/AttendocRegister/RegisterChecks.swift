import AttendocValues

/// What a register must be for its figures to be trusted (docs/register.md, "What is checked"):
/// each UPN written as a UPN, each date in a sensible year and inside the academic year the
/// register covers. A problem is an error naming the line; the one thing a real export can hold
/// and still be right, a UPN whose check letter does not match, is a counted warning instead.
enum RegisterChecks {
    /// Years a register's dates may be in; anything else is a typing or export mistake.
    static let years = 1990...2100

    /// What is wrong with a UPN as a register writes it (capitals, 13 characters), or nil. The
    /// check letter is not looked at here (see `checkLetterWarning`).
    static func upnProblem(_ upn: String) -> String? {
        if upn != upn.uppercased() {
            return "the UPN is written in lower case; UPNs are written in capitals, so no pupil's UPN matches it"
        }
        if let problem = UniquePupilNumber.shapeProblem(with: upn) {
            return "the UPN is not a UPN: \(problem)"
        }
        return nil
    }

    /// What is wrong with a date's year, or nil.
    static func yearProblem(_ date: CalendarDate) -> String? {
        guard !years.contains(date.year) else { return nil }
        return "the year \(date.year) is before \(years.lowerBound) or after \(years.upperBound); check the date"
    }

    /// 1 August of the academic year that `date` falls in.
    static func academicYearStart(of date: CalendarDate) -> CalendarDate {
        CalendarDate(year: date.month >= 8 ? date.year : date.year - 1, month: 8, day: 1)!
    }

    static func academicYear(starting start: CalendarDate) -> String {
        "1 August \(start.year) to 31 July \(start.year + 1)"
    }

    /// The warning for pupils whose UPN's check letter does not match, given the first line of
    /// each; nil when there are none.
    static func checkLetterWarning(file: String, firstLines: [Int]) -> String? {
        guard !firstLines.isEmpty else { return nil }
        let lines = firstLines.sorted()
        let shown = lines.prefix(5).map(String.init).joined(separator: ", ") + (lines.count > 5 ? " ..." : "")
        let pupils = lines.count == 1 ? "1 pupil has a UPN" : "\(lines.count) pupils have UPNs"
        return "\(file): \(pupils) whose check letter does not match the 12 characters after it (first rows at line \(shown)); "
            + "their rows are imported as written. If one is a mistyped UPN, another pupil's figures are missing those rows: correct it in the MIS and export again"
    }
}
