import AttendocValues
import AttendocWorkspace

/// Which cases a member of staff may see: a school office its own school's (by URN), the
/// attendance team every case, the panel clerk the cases taken to the panel, an administrator none.
/// A case outside them is answered as if it did not exist (404).
struct CaseAccess {
    let workspace: Workspace
    let account: StaffAccount

    func mayView(_ recorded: RecordedCase) throws(WorkspaceError) -> Bool {
        switch account.role {
        case .attendanceTeam: return true
        case .schoolOffice: return recorded.schoolURN != nil && recorded.schoolURN == account.schoolURN
        case .panelClerk: return try panelCaseReferences().contains(recorded.reference)
        case .administrator: return false
        }
    }

    /// The case `reference` if this account may see it; nil when it is unknown or not theirs.
    func visibleCase(_ reference: String) throws(WorkspaceError) -> RecordedCase? {
        guard let recorded = try workspace.recordedCases().first(where: { $0.reference == reference }) else { return nil }
        return try mayView(recorded) ? recorded : nil
    }

    func panelCaseReferences() throws(WorkspaceError) -> Set<String> {
        Set(try workspace.panelCases().compactMap(\.caseReference))
    }
}
