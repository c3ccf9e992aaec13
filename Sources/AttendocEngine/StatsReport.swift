import AttendocPolicy
import AttendocRegister
import AttendocValues
import Foundation

/// The figures of one or more pupils as `attendoc stats` shows them: a table for people and JSON
/// for scripts. The JSON field names are documented in docs/stats.md and do not change.
public struct StatsReport: Sendable {
    public struct Row: Sendable {
        public var name: String?
        public var figures: PupilFigures

        public init(name: String? = nil, figures: PupilFigures) {
            self.name = name
            self.figures = figures
        }
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
        text.append("As of \(asOf.longForm), under the policy \(policy.identifier). Sessions from 1 August (or the first day on the register) to the last day on the register up to that date.")
        text.append("PA: persistent absence (absence \(policy.persistentAbsence) or more). SA: severe absence (\(policy.severeAbsence) or more).")
        text.append("Unauth last \(policy.unauthorisedWindowSchoolWeeks) wk: unauthorised sessions (G, N, O, U) in the last \(policy.unauthorisedWindowSchoolWeeks) school weeks; \(policy.unauthorisedSessions)-in-\(policy.unauthorisedWindowSchoolWeeks) met: the first day this year that reached \(policy.unauthorisedSessions).")
        return text.joined(separator: "\n") + "\n"
    }

    // MARK: - JSON

    /// A share as JSON: the exact count and whole, and the per cent rounded once for display.
    static func share(_ percentage: Percentage) -> StatsJSON {
        .object([("sessions", .integer(percentage.part)), ("of_possible", .integer(percentage.whole)), ("percent", .tenths(percentage.tenths))])
    }

    /// One pupil's fields (docs/stats.md); absent values are `null`, so scripts always find each name.
    static func fields(_ row: Row) -> StatsJSON {
        let figures = row.figures
        return .object([
            ("upn", .string(figures.upn)), ("name", .optional(row.name)), ("from", .string(figures.from.iso)), ("to", .string(figures.to.iso)),
            ("possible_sessions", .integer(figures.possibleSessions)), ("attended_sessions", .integer(figures.attendedSessions)),
            ("authorised_absence_sessions", .integer(figures.authorisedAbsenceSessions)),
            ("unauthorised_absence_sessions", .integer(figures.unauthorisedAbsenceSessions)),
            ("not_counted_sessions", .integer(figures.notCountedSessions)),
            ("attendance", share(figures.attendance)), ("absence", share(figures.absence)),
            ("unauthorised_absence", share(figures.unauthorisedAbsence)),
            ("persistent_absence", .bool(figures.isPersistentlyAbsent)), ("severe_absence", .bool(figures.isSeverelyAbsent)),
            ("meets_referral_unauthorised_share", .optional(figures.meetsReferralUnauthorisedShare)),
            ("unauthorised_sessions_in_window", .integer(figures.unauthorisedInWindow)),
            ("window_school_weeks", .integer(figures.windowSchoolWeeks)),
            ("window_starts", .optional(figures.windowStarts?.iso)),
            ("unauthorised_threshold_first_met_on", .optional(figures.unauthorisedThresholdFirstMetOn?.iso)),
            ("tier", .optional(figures.tier)),
            ("tier_history", .array(figures.tierHistory.map { .object([("tier", .integer($0.tier)), ("entered_on", .string($0.enteredOn.iso))]) })),
        ])
    }

    /// The report as JSON, keys sorted so the output is stable.
    public var json: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(rows.count * 1_400)
        StatsJSON.object([("as_of", .string(asOf.iso)), ("policy", .string(policy.identifier)), ("pupils", .array(rows.map(Self.fields)))])
            .write(into: &bytes)
        bytes.append(UInt8(ascii: "\n"))
        return String(decoding: bytes, as: UTF8.self)
    }
}
