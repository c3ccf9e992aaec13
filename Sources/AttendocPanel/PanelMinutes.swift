import AttendocValues

/// The clerk's minutes of one case at a panel (docs/panel.md): who was present, the discussion,
/// the barriers agreed, the actions with owner, agency and due date, the bespoke action plan, and
/// notes for the agencies only (never in the family's copy).
public struct PanelMinutes: Sendable {
    public struct Person: Sendable {
        public var name: String
        public var role: String
        public var agency: String?
    }

    public struct Action: Sendable {
        /// Who will do it (a person or a service).
        public var owner: String
        /// The agency it falls to, for the themes' count of actions by agency.
        public var agency: String
        public var action: String
        public var due: CalendarDate?
    }

    public var panelDate: CalendarDate
    public var referral: PanelReferral
    public var present: [Person]
    public var discussion: String
    /// The barriers the panel agreed (counted in the themes); the referral's when not given.
    public var barriers: [String]
    public var actions: [Action]
    public var actionPlan: [String]
    public var agencyOnlyNotes: String?
    /// The minutes file, for messages.
    public var file: String
}
