/// A problem with the workspace itself: where it is, what is wrong, what to do. Messages name
/// files, case references and UPNs, never a name or the contents of a file.
public struct WorkspaceError: Error, Sendable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
