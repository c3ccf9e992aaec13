import Foundation

/// The figures of one or more pupils as `attendoc stats` shows them: a table for people and JSON
/// for scripts. The JSON field names are documented in docs/stats.md and do not change.
public struct StatsReport: Sendable {
    public struct Row: Sendable {
        public var name: String?
        public var figures: PupilFigures
    }

    public var asOf: CalendarDate
    public var policy: Policy
    public var rows: [Row]

    /// Rows with persistent absentees first, then the lowest attendance first.
    public init(asOf: CalendarDate, policy: Policy, rows: [Row]) {
        self.asOf = asOf
        self.policy = policy
        self.rows = rows.sorted(by: Self.sortsBefore)
    }

    /// Persistent absentees first; then the lowest attendance (compared exactly, by
    /// cross-multiplying); pupils with no possible sessions last; then by UPN.
    static func sortsBefore(_ a: Row, _ b: Row) -> Bool {
        if a.figures.isPersistentlyAbsent != b.figures.isPersistentlyAbsent { return a.figures.isPersistentlyAbsent }
        let left = a.figures.attendance, right = b.figures.attendance
        if (left.whole == 0) != (right.whole == 0) { return right.whole == 0 }
        if left.whole > 0, left.part * right.whole != right.part * left.whole {
            return left.part * right.whole < right.part * left.whole
        }
        return a.figures.upn < b.figures.upn
    }

    /// Every pupil of a register.
    public init(register: Register, policy: Policy, asOf: CalendarDate) {
        let engine = AttendanceEngine(policy: policy)
        self.init(asOf: asOf, policy: policy, rows: register.pupils.map { pupil in
            let name = [pupil.forename, pupil.surname].compactMap { $0 }.joined(separator: " ")
            return Row(name: name.isEmpty ? nil : name, figures: engine.figures(for: pupil, asOf: asOf))
        })
    }

    // MARK: - Table

    /// A plain-text table, columns aligned, with a key below it.
    public var table: String {
        let headings = ["UPN", "Pupil", "Possible", "Attended", "Auth", "Unauth", "Attendance", "Unauth %", "PA", "SA", "Tier",
                        "Unauth last \(policy.unauthorisedWindowSchoolWeeks) wk", "\(policy.unauthorisedSessions)-in-\(policy.unauthorisedWindowSchoolWeeks) met"]
        let rightAligned: Set<Int> = [2, 3, 4, 5, 6, 7, 10, 11]
        var lines: [[String]] = [headings]
        for row in rows {
            let figures = row.figures
            lines.append([
                figures.upn, row.name ?? "", "\(figures.possibleSessions)", "\(figures.attendedSessions)",
                "\(figures.authorisedAbsenceSessions)", "\(figures.unauthorisedAbsenceSessions)",
                figures.attendance.display, figures.unauthorisedAbsence.display,
                figures.isPersistentlyAbsent ? "yes" : "no", figures.isSeverelyAbsent ? "yes" : "no",
                figures.tier.map(String.init) ?? "-", "\(figures.unauthorisedInWindow)",
                figures.unauthorisedThresholdFirstMetOn?.iso ?? "-",
            ])
        }
        let widths = headings.indices.map { column in lines.map { $0[column].count }.max() ?? 0 }
        func render(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned.contains(column) ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        var text = [render(headings), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        text += lines.dropFirst().map(render)
        text.append("")
        text.append("As of \(asOf.longForm), under the policy \(policy.identifier). Sessions from 1 August (or the first day on the register) to that date.")
        text.append("PA: persistent absence (absence \(policy.persistentAbsence) or more). SA: severe absence (\(policy.severeAbsence) or more).")
        text.append("Unauth last \(policy.unauthorisedWindowSchoolWeeks) wk: unauthorised sessions (G, N, O, U) in the last \(policy.unauthorisedWindowSchoolWeeks) school weeks; \(policy.unauthorisedSessions)-in-\(policy.unauthorisedWindowSchoolWeeks) met: the first day this year that reached \(policy.unauthorisedSessions).")
        return text.joined(separator: "\n") + "\n"
    }

    // MARK: - JSON

    struct JSONReport: Encodable {
        var as_of: String
        var policy: String
        var pupils: [JSONPupil]
    }

    struct JSONShare: Encodable {
        var sessions: Int
        var of_possible: Int
        var percent: Decimal
    }

    struct JSONTier: Encodable {
        var tier: Int
        var entered_on: String
    }

    struct JSONPupil: Encodable {
        var upn: String
        var name: String?
        var from: String
        var to: String
        var possible_sessions: Int
        var attended_sessions: Int
        var authorised_absence_sessions: Int
        var unauthorised_absence_sessions: Int
        var not_counted_sessions: Int
        var attendance: JSONShare
        var absence: JSONShare
        var unauthorised_absence: JSONShare
        var persistent_absence: Bool
        var severe_absence: Bool
        var meets_referral_unauthorised_share: Bool?
        var unauthorised_sessions_in_window: Int
        var window_school_weeks: Int
        var window_starts: String?
        var unauthorised_threshold_first_met_on: String?
        var tier: Int?
        var tier_history: [JSONTier]
    }

    static func share(_ percentage: Percentage) -> JSONShare {
        JSONShare(sessions: percentage.part, of_possible: percentage.whole,
                  percent: Decimal(percentage.tenths) / 10)
    }

    /// The report as JSON (keys sorted, so the output is stable).
    public var json: String {
        let report = JSONReport(as_of: asOf.iso, policy: policy.identifier, pupils: rows.map { row in
            let figures = row.figures
            return JSONPupil(
                upn: figures.upn, name: row.name, from: figures.from.iso, to: figures.to.iso,
                possible_sessions: figures.possibleSessions, attended_sessions: figures.attendedSessions,
                authorised_absence_sessions: figures.authorisedAbsenceSessions,
                unauthorised_absence_sessions: figures.unauthorisedAbsenceSessions,
                not_counted_sessions: figures.notCountedSessions,
                attendance: Self.share(figures.attendance), absence: Self.share(figures.absence),
                unauthorised_absence: Self.share(figures.unauthorisedAbsence),
                persistent_absence: figures.isPersistentlyAbsent, severe_absence: figures.isSeverelyAbsent,
                meets_referral_unauthorised_share: figures.meetsReferralUnauthorisedShare,
                unauthorised_sessions_in_window: figures.unauthorisedInWindow,
                window_school_weeks: figures.windowSchoolWeeks, window_starts: figures.windowStarts?.iso,
                unauthorised_threshold_first_met_on: figures.unauthorisedThresholdFirstMetOn?.iso,
                tier: figures.tier,
                tier_history: figures.tierHistory.map { JSONTier(tier: $0.tier, entered_on: $0.enteredOn.iso) })
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(report)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
