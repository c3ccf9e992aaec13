

/// A parent or carer who receives no copy of a letter, and why. Known by their place in the case
/// file (`parents[2]`), never by name, so the list can be printed or logged.
public struct SkippedRecipient: Sendable, Equatable, CustomStringConvertible {
    public var casePath: String
    public var reason: Reason

    public init(casePath: String, reason: Reason) {
        self.casePath = casePath
        self.reason = reason
    }

    public enum Reason: Sendable, Equatable {
        /// Not a parent under section 576 Education Act 1996 (no natural parent, parental
        /// responsibility or care of the child recorded), and the policy sends such carers no copy.
        case notAParent
        /// The case file says they must not be contacted (the recorded reason is not repeated here).
        case doNotContact
        /// A carer the policy sends copies to, but with no address to send one to.
        case noAddress
    }

    public var description: String {
        switch reason {
        case .notAParent: "\(casePath): no letter (not a parent under section 576 Education Act 1996: no natural parent, parental responsibility or care of the child recorded)"
        case .doNotContact: "\(casePath): no letter (do not contact; the reason is in the case file)"
        case .noAddress: "\(casePath): no letter (no address recorded; add an address to send them a copy)"
        }
    }
}
