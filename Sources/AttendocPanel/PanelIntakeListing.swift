import AttendocValues

/// The intake as the clerk reads it (`attendoc panel intake`): the slots in order, then each
/// refusal with its reasons. Referrals are named by reference, school URN, UPN and file, never by
/// a child's or parent's name.
public enum PanelIntakeListing {
    public static func lines(_ intake: PanelIntake) -> [String] {
        var lines = ["panel \(intake.panel.date.longFormWithWeekday), from \(intake.startsAt): \(intake.slots.count) taken forward, \(intake.refusals.count) refused"]
        if !intake.slots.isEmpty {
            lines.append("")
            lines.append("slots:")
            for slot in intake.slots {
                let referral = slot.referral
                let children = referral.children.count == 1 ? "1 child" : "\(referral.children.count) children"
                lines.append("  \(slot.starts)-\(slot.ends)  \(referral.reference)  school URN \(referral.school.urn ?? "?")  \(children) (UPN \(referral.pupilNumbers.map(\.text).joined(separator: ", ")))  \(referral.file)")
            }
        }
        for refusal in intake.refusals {
            lines.append("")
            lines.append("refused: \(refusal.referral.reference) (\(refusal.referral.file))")
            for reason in refusal.reasons {
                lines.append("  - \(reason.kind.rawValue): \(reason.explanation)")
            }
        }
        return lines
    }
}
