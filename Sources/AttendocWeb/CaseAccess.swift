import AttendocIssuing
import AttendocValues
import AttendocWorkspace

/// Which cases a member of staff may see: a school office its own school's (by URN), the
/// attendance team the cases referred to it (`ReferredToTheAttendanceTeam`), the panel clerk the
/// cases taken to the panel, an administrator none. A case outside them is answered as if it did
/// not exist (404).
struct CaseAccess {
    let workspace: Workspace
    let account: StaffAccount

    func mayView(_ recorded: RecordedCase) throws(AttendocError) -> Bool {
        switch account.role {
        case .attendanceTeam: return try ReferredToTheAttendanceTeam.isReferred(recorded, in: workspace)
        case .schoolOffice: return recorded.schoolURN != nil && recorded.schoolURN == account.schoolURN
        case .panelClerk: return try panelCaseReferences().contains(recorded.reference)
        case .administrator: return false
        }
    }

    /// The case `reference` if this account may see it; nil when it is unknown or not theirs.
    func visibleCase(_ reference: String) throws(AttendocError) -> RecordedCase? {
        guard let recorded = try fromRecord({ () throws(WorkspaceError) in try workspace.recordedCases() }).first(where: { $0.reference == reference }) else { return nil }
        return try mayView(recorded) ? recorded : nil
    }

    /// The references of every case this account may see.
    func visibleReferences() throws(AttendocError) -> Set<String> {
        var visible: Set<String> = []
        for recorded in try fromRecord({ () throws(WorkspaceError) in try workspace.recordedCases() }) where try mayView(recorded) {
            visible.insert(recorded.reference)
        }
        return visible
    }

    func panelCaseReferences() throws(AttendocError) -> Set<String> {
        Set(try fromRecord { () throws(WorkspaceError) in try workspace.panelCases() }.compactMap(\.caseReference))
    }
}
