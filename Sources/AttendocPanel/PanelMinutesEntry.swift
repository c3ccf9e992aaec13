import Foundation
import AttendocValues

/// The clerk's minutes of one case as typed during the panel (the minutes screen), before they are
/// read: every value as text, written out as the documented minutes YAML (docs/panel.md) for the
/// minutes reader to check like a file written by hand. Text is written quoted, so a name stays
/// text; a due date is written as typed, for the reader to accept or refuse.
public struct PanelMinutesEntry: Sendable, Equatable {
    public struct Person: Sendable, Equatable {
        public var name: String
        public var role: String
        public var agency: String

        public init(name: String, role: String, agency: String) {
            self.name = name
            self.role = role
            self.agency = agency
        }

        public var isEmpty: Bool { [name, role, agency].allSatisfy { $0.trimmed.isEmpty } }
    }

    public struct Action: Sendable, Equatable {
        public var owner: String
        public var agency: String
        public var action: String
        /// YYYY-MM-DD, or empty.
        public var due: String

        public init(owner: String, agency: String, action: String, due: String) {
            self.owner = owner
            self.agency = agency
            self.action = action
            self.due = due
        }

        public var isEmpty: Bool { [owner, agency, action, due].allSatisfy { $0.trimmed.isEmpty } }
    }

    /// The referral's reference.
    public var referral: String
    public var present: [Person]
    public var discussion: String
    /// One barrier a line; none to keep the referral's.
    public var barriers: [String]
    public var actions: [Action]
    /// One step a line.
    public var actionPlan: [String]
    public var agencyOnlyNotes: String

    public init(referral: String, present: [Person] = [], discussion: String = "", barriers: [String] = [], actions: [Action] = [],
                actionPlan: [String] = [], agencyOnlyNotes: String = "") {
        self.referral = referral
        self.present = present
        self.discussion = discussion
        self.barriers = barriers
        self.actions = actions
        self.actionPlan = actionPlan
        self.agencyOnlyNotes = agencyOnlyNotes
    }

    /// The entry of minutes already written (to edit them again).
    public init(_ minutes: PanelMinutes) {
        self.init(referral: minutes.referral.reference,
                  present: minutes.present.map { Person(name: $0.name, role: $0.role, agency: $0.agency ?? "") },
                  discussion: minutes.discussion, barriers: minutes.barriers,
                  actions: minutes.actions.map { Action(owner: $0.owner, agency: $0.agency, action: $0.action, due: $0.due?.iso ?? "") },
                  actionPlan: minutes.actionPlan, agencyOnlyNotes: minutes.agencyOnlyNotes ?? "")
    }

    /// The minutes YAML, naming `referralFile` (relative to the minutes file). Rows left wholly
    /// empty are left out: the reader's `present[N]` and `actions[N]` are the Nth rows kept.
    func yaml(referralFile: String, panel: CalendarDate) -> String {
        let q = PanelReferralDraft.quoted
        var lines = ["referral: \(q(referralFile))", "panel: \(panel.iso)"]
        let people = present.filter { !$0.isEmpty }
        lines.append(people.isEmpty ? "present: []" : "present:")
        for person in people {
            var entry = "  - {name: \(q(person.name.trimmed)), role: \(q(person.role.trimmed))"
            if !person.agency.trimmed.isEmpty { entry += ", agency: \(q(person.agency.trimmed))" }
            lines.append(entry + "}")
        }
        if !discussion.trimmed.isEmpty { lines.append("discussion: \(q(discussion.trimmed))") }
        let barriers = self.barriers.map(\.trimmed).filter { !$0.isEmpty }
        if !barriers.isEmpty { lines.append("barriers: [\(barriers.map(q).joined(separator: ", "))]") }
        let actions = self.actions.filter { !$0.isEmpty }
        if !actions.isEmpty { lines.append("actions:") }
        for action in actions {
            var entry = "  - {owner: \(q(action.owner.trimmed)), agency: \(q(action.agency.trimmed)), action: \(q(action.action.trimmed))"
            let due = action.due.trimmed
            if !due.isEmpty {
                // A date as a date; anything else quoted, for the reader to refuse in its own words.
                entry += ", due: " + (due.range(of: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", options: .regularExpression) != nil ? due : q(due))
            }
            lines.append(entry + "}")
        }
        let plan = actionPlan.map(\.trimmed).filter { !$0.isEmpty }
        if !plan.isEmpty { lines.append("action_plan: [\(plan.map(q).joined(separator: ", "))]") }
        if !agencyOnlyNotes.trimmed.isEmpty { lines.append("agency_only_notes: \(q(agencyOnlyNotes.trimmed))") }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
