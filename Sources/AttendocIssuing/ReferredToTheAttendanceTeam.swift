import AttendocCaseModel
import AttendocDocuments
import AttendocValues
import AttendocWorkspace
import Foundation

/// The cases referred to the local authority's attendance team: those whose case file records the
/// referral (`referral:`, its acceptance) and those for which the record holds a referral to the
/// local authority as sent (issued, or listed in the case file's `letters_issued`). A case still
/// the school's alone is not among them.
public enum ReferredToTheAttendanceTeam {
    /// The references of the referred cases among `cases`.
    public static func references(among cases: [RecordedCase], in workspace: Workspace) throws(AttendocError) -> Set<String> {
        var referred: Set<String> = []
        for recorded in cases where try isReferred(recorded, in: workspace) {
            referred.insert(recorded.reference)
        }
        return referred
    }

    /// Whether the case `recorded` has been referred to the attendance team.
    public static func isReferred(_ recorded: RecordedCase, in workspace: Workspace) throws(AttendocError) -> Bool {
        let issued = try fromRecord { () throws(WorkspaceError) in try workspace.issuedDocuments(for: recorded.reference) }
        if issued.contains(where: { $0.kind == DocumentKind.referralToLocalAuthority.rawValue }) { return true }
        let caseFile = URL(fileURLWithPath: recorded.sourcePath)
        do {
            return try CaseFileReader.read(contentsOf: caseFile).referral != nil
        } catch {
            throw AttendocError(error)
        }
    }
}
