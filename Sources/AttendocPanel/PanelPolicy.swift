import AttendocPolicy
import AttendocValues
import Foundation

/// The policy a panel runs under (default `attendance-panel`), with its panel calendar.
public struct PanelPolicy: Sendable {
    public static let defaultName = "attendance-panel"

    public var policy: Policy
    public var calendar: PanelCalendar

    public static func read(named name: String = defaultName, resources: AttendocResources) throws(AttendocError) -> PanelPolicy {
        let policy: Policy
        do { policy = try PolicyReader.read(named: name, in: resources.policies) } catch { throw AttendocError(error, kind: .policy) }
        guard let calendar = policy.panel else {
            throw AttendocError(.policy, "\(policy.file): the policy \(name) has no panel: section (the panel's dates and reviews)",
                                suggestion: "name a policy with a panel: section (attendance-panel), or add one (docs/panel.md)")
        }
        return PanelPolicy(policy: policy, calendar: calendar)
    }
}
