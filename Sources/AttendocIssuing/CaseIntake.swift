import AttendocCaseModel
import AttendocCasework
import AttendocDocuments
import AttendocValues
import AttendocWorkspace
import Foundation

/// `attendoc case add`: a case file, read and checked as every command reads it, recorded in the
/// workspace as its newest version, with the letters its `letters_issued` lists recorded as issued
/// without an archived copy.
public enum CaseIntake {
    /// `expectedVersion`: the version the change was made from (0 for a new case); a case recorded
    /// meanwhile at another version (by another server, or the command line) is refused
    /// (`.workspace`) and nothing is recorded.
    public static func add(_ caseFile: URL, to workspace: Workspace, resources: AttendocResources, by person: String,
                           change: String? = nil, expectedVersion: Int? = nil) throws(AttendocError) -> (reference: String, recording: Workspace.CaseRecording, loaded: LoadedCase) {
        let loaded = try LoadedCase.load(caseFile, resources: resources)
        let yaml: String
        do {
            yaml = try String(contentsOf: caseFile, encoding: .utf8)
        } catch {
            throw AttendocError(.caseFile, "\(caseFile.path): cannot be read again to record it; check that it is still there")
        }
        let attendanceCase = loaded.attendanceCase
        let earlier = attendanceCase.lettersIssued.map { letter in
            EarlierIssue(kind: DocumentIssue.recordedKind(of: letter), recipientID: letter.recipientID, recipientPath: letter.recipientPath,
                         method: letter.method.rawValue, sentOn: letter.date, casePath: letter.casePath)
        }
        let recording = try fromRecord { () throws(WorkspaceError) in
            try workspace.record(caseFile: yaml, reference: attendanceCase.reference, sourcePath: caseFile.standardizedFileURL.path,
                                 upn: attendanceCase.pupil.upn?.text, schoolURN: attendanceCase.school.urn, earlierIssues: earlier,
                                 by: person, change: change, expectedVersion: expectedVersion)
        }
        return (attendanceCase.reference, recording, loaded)
    }
}
