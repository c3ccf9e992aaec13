import AttendocPolicy
import AttendocValues

/// The panel calendar as a clerk reads it (`attendoc panel dates`): each panel with its start,
/// referral close, 4-week and termly review dates, and for each date the words it was published in
/// or the rule that computed it.
public enum PanelCalendarListing {
    public static func lines(_ calendar: PanelCalendar, policyName: String) -> [String] {
        var lines = ["\(policyName): \(calendar.panels.count) panels, each from \(calendar.startsAt), slots of \(calendar.slotMinutes) minutes"]
        for panel in calendar.panels {
            lines.append("")
            lines.append("\(panel.date.longFormWithWeekday), \(calendar.startsAt)")
            lines.append("  referrals close  \(describe(panel.referralsClose))")
            lines.append("  4-week review    \(describe(panel.fourWeekReview))")
            lines.append("  termly review    \(describe(panel.termlyReview))")
        }
        return lines
    }

    static func describe(_ fixed: PanelCalendar.Fixed) -> String {
        guard let published = fixed.published else {
            return "\(fixed.date.longFormWithWeekday) (computed: \(fixed.reading))"
        }
        return fixed.reading == "as published"
            ? "\(fixed.date.longFormWithWeekday) (published: \"\(published)\")"
            : "\(fixed.date.longFormWithWeekday), \(fixed.reading) (published: \"\(published)\")"
    }
}
