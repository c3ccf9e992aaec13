import AttendocCaseModel
import AttendocValues

/// A prosecution the local authority has in hand on a day: the decision to prosecute under
/// section 444 is recorded (`legal_route.decision`) or the papers have gone to court, on or before
/// that day. A notice to improve or a penalty notice is an alternative to prosecution for the same
/// absence, so neither is made for a period that overlaps the prosecution's charge.
public enum ProsecutionInHand {
    public struct Conflict: Sendable, Equatable, CustomStringConvertible {
        /// The charge period of the prosecution (ChargePeriod).
        public var from: CalendarDate
        public var to: CalendarDate
        /// What shows it is in hand, with its date.
        public var shownBy: String

        public var description: String {
            "a prosecution for the same period is in hand (\(shownBy)); its charge runs from \(from.longForm) to \(to.longForm)"
        }
    }

    /// The prosecution in hand on `date` whose charge overlaps `from`...`to`; nil when there is none.
    public static func overlapping(_ loaded: LoadedCase, from: CalendarDate, to: CalendarDate, on date: CalendarDate) -> Conflict? {
        guard let route = loaded.attendanceCase.legalRoute, route.isProsecution else { return nil }
        var shownBy: [String] = []
        if let decision = route.decision, decision.on <= date {
            shownBy.append("the decision to prosecute, legal_route.decision, on \(decision.on.longForm)")
        }
        if let papers = route.papersToCourtOn, papers <= date {
            shownBy.append("papers to court, legal_route.papers_to_court_on, on \(papers.longForm)")
        }
        guard !shownBy.isEmpty, let charge = ChargePeriod.of(loaded, asOf: date) else { return nil }
        guard charge.from <= to, from <= charge.to else { return nil }
        return Conflict(from: charge.from, to: charge.to, shownBy: shownBy.joined(separator: "; "))
    }
}
