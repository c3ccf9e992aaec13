import AttendocCaseModel
import AttendocEngine
import AttendocValues
import Foundation

/// A statement states only what the record shows: a supportive measure's outcome is free text,
/// and a percentage in it ("Attendance rose to 84%") is a figure no one computed. Each percentage
/// an outcome quotes must be the register's attendance over the measure's period (started_on, or
/// offered_on, to ended_on, or the check's date) or over the school year to the check's date, at
/// the precision quoted, or an attendance target a meeting recorded; otherwise `check` names it
/// with the engine's figures.
enum QuotedOutcomeReadiness {
    static func gaps(_ loaded: LoadedCase, asOf date: CalendarDate) -> [ProsecutionReadiness.Gap] {
        guard loaded.pupilRegister != nil else { return [] }
        let attendanceCase = loaded.attendanceCase
        let targets: Set<Int> = Set(attendanceCase.meetings.compactMap { meeting in
            if case .percent(let share)? = meeting.attendanceTarget { return share.part * 1000 / max(share.whole, 1) } else { return nil }
        })
        var gaps: [ProsecutionReadiness.Gap] = []
        for measure in attendanceCase.supportiveMeasures {
            guard let outcome = measure.outcome else { continue }
            let from = measure.startedOn ?? measure.offeredOn
            let to = min(measure.endedOn ?? date, date)
            guard from <= to, let period = try? loaded.figures(asOf: to, from: from), let year = try? loaded.figures(asOf: date) else { continue }
            for quote in quotedPercentages(in: outcome) where !targets.contains(quote.tenths) {
                guard !matches(quote, period.attendance) && !matches(quote, year.attendance) else { continue }
                gaps.append(.init(
                    place: "\(measure.casePath).outcome",
                    problem: "quotes \(quote.text), which the register does not show: attendance was \(period.attendance.display) from \(period.from.longForm) to \(period.to.longForm) (the measure's period) and \(year.attendance.display) for the school year to \(year.to.longForm)",
                    toDo: "state the engine's figure (attendoc stats) or take the percentage out; a statement states only what the record shows"))
            }
        }
        return gaps
    }

    /// A percentage as written (`84%`, `63.6 %`), in tenths, and whether it has a decimal place.
    struct Quote { var text: String; var tenths: Int; var hasDecimal: Bool }

    static func quotedPercentages(in text: String) -> [Quote] {
        guard let pattern = try? NSRegularExpression(pattern: "(?<![0-9.])([0-9]{1,3})(\\.([0-9]))?\\s?%") else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).compactMap { match in
            guard let whole = Range(match.range(at: 1), in: text).flatMap({ Int(text[$0]) }), whole <= 100,
                  let all = Range(match.range, in: text) else { return nil }
            let decimal = Range(match.range(at: 3), in: text).flatMap { Int(text[$0]) }
            return Quote(text: String(text[all]), tenths: whole * 10 + (decimal ?? 0), hasDecimal: decimal != nil)
        }
    }

    /// Whether `share`, rounded half up to the quote's precision, is the quoted figure.
    static func matches(_ quote: Quote, _ share: Percentage) -> Bool {
        guard share.whole > 0 else { return false }
        let unit = quote.hasDecimal ? 1000 : 100
        let rounded = (share.part * unit * 2 + share.whole) / (share.whole * 2)
        return quote.hasDecimal ? rounded == quote.tenths : rounded * 10 == quote.tenths
    }
}
