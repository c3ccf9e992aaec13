import AttendocValues
import AttendocWorkspace

/// A review of a panel case that was held, recorded in the workspace as `attendoc panel review`
/// and the reviews screen both record it: which review (`four-week`, `termly`), the day it was held
/// and what it found (`progressing`; `stuck`, which the themes count; `closed`, after which no
/// review of the case is due).
public enum PanelReviewHeld {
    public static let kinds = ["four-week", "termly"]
    public static let outcomes = ["progressing", "stuck", "closed"]

    /// Records the `kind` review of the case of `referral` at the panel of `panel`, held on `heldOn`
    /// with `outcome`. Refused, with nothing recorded, when the kind or outcome is not one of those
    /// above, the day is before the panel, or the workspace holds no such case.
    @discardableResult
    public static func record(panel: CalendarDate, referral: String, kind: String, heldOn: CalendarDate, outcome: String,
                              by person: String, in workspace: Workspace) throws(AttendocError) -> PanelReviewRecord {
        guard kinds.contains(kind) else { throw AttendocError(.usage, "kind \(kind): expected four-week or termly") }
        guard outcomes.contains(outcome) else { throw AttendocError(.usage, "outcome \(outcome): expected progressing, stuck or closed") }
        guard heldOn >= panel else {
            throw AttendocError(.usage, "the review cannot have been held on \(heldOn.iso), before the panel of \(panel.iso)")
        }
        let review = PanelReviewRecord(caseID: "\(panel.iso)/\(referral)", kind: kind, reviewedOn: heldOn.iso, outcome: outcome)
        do {
            try workspace.recordPanelReview(review, by: person)
        } catch {
            throw AttendocError(.workspace, "\(error)")
        }
        return review
    }
}
