import AttendocBundle
import AttendocValues
import AttendocWorkspace
import Foundation

/// What the evidence bundle takes from the record: every copy issued for a case, each archived
/// PDF checked against the SHA-256 the record holds before the bundle may exhibit it.
public enum RecordForBundle {
    public static func copies(of reference: String, in workspace: Workspace) throws(AttendocError) -> [EvidenceBundle.RecordedCopy] {
        _ = try fromRecord { () throws(WorkspaceError) in try workspace.recordedCase(reference) }
        var copies: [EvidenceBundle.RecordedCopy] = []
        for issued in try fromRecord({ () throws(WorkspaceError) in try workspace.issuedDocuments(for: reference) }) {
            guard let sent = CalendarDate(iso: issued.sentOn) else { continue }
            var pdf: URL?
            var sha: String?
            if let file = issued.files.first(where: { $0.format == "pdf" }) {
                _ = try fromRecord { () throws(WorkspaceError) in try workspace.archivedBytes(of: file) }
                pdf = workspace.location.archive.appendingPathComponent(file.archivePath)
                sha = file.sha256
            }
            copies.append(EvidenceBundle.RecordedCopy(
                kind: issued.kind, recipientPath: issued.recipientPath, sentOn: sent, method: issued.method,
                deemedServedOn: issued.deemedServedOn.flatMap(CalendarDate.init(iso:)), issuedBy: issued.issuedBy, pdf: pdf, sha256: sha))
        }
        return copies
    }
}
