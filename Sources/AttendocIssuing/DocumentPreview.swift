import AttendocCaseModel
import AttendocCasework
import AttendocDocuments
import AttendocRendering
import AttendocValues
import AttendocWorkspace
import Foundation

/// What an issue would send, before it is sent: each recipient's copy of a document as HTML,
/// exactly the copies `DocumentIssue` would record for the same request (one per recipient, each
/// holding only what that recipient may see), made from the case file as it is now. Nothing is
/// recorded: not the case's version, not the copies.
public struct DocumentPreview {
    /// One recipient's copy.
    public struct Copy: Sendable {
        /// Who the copy would be recorded as sent to: the parent's id (or case-file place), or a
        /// single copy's addressee (`local-authority`).
        public var recipientID: String
        /// The parent's place in the case file (`parents[1]`), or the addressee in words.
        public var recipientPath: String
        /// The recipient's name as the letter gives it; nil for a copy for an agency or the file.
        public var recipientName: String?
        /// The copy as the HTML writer makes it: a whole page with its own style.
        public var html: Data
    }

    public let workspace: Workspace
    public let resources: AttendocResources

    public init(workspace: Workspace, resources: AttendocResources) {
        self.workspace = workspace
        self.resources = resources
    }

    /// Each copy `request` would issue, in the order an issue records them.
    public func copies(_ request: DocumentIssue.Request) throws(AttendocError) -> [Copy] {
        let recorded = try fromRecord { () throws(WorkspaceError) in try workspace.recordedCase(request.reference) }
        let caseFile = URL(fileURLWithPath: recorded.sourcePath)
        let loaded = try LoadedCase.load(caseFile, resources: resources)
        guard loaded.attendanceCase.reference == request.reference else {
            throw AttendocError(.document, "\(caseFile.path): now holds the case \(loaded.attendanceCase.reference), not \(request.reference); add it again with `attendoc case add`")
        }
        let issue = DocumentIssue(workspace: workspace, resources: resources)
        _ = try DocumentIssue.issuingRules(of: loaded, caseFile: caseFile)
        let letters = try issue.copies(request, of: loaded, caseFile: caseFile)
        let rendered = try DocumentWriter(resources: resources, formats: [.html]).render(letters.map(\.document), formats: [.html], fop: nil)
        return zip(letters, rendered).map { letter, file in
            let under = DocumentIssue.recordedUnder(letter, kind: request.kind)
            return Copy(recipientID: under.id, recipientPath: under.path, recipientName: letter.recipient?.person.fullName, html: file.bytes)
        }
    }
}
