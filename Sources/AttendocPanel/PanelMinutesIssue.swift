import AttendocPolicy
import AttendocPrograms
import AttendocRendering
import AttendocValues
import AttendocWorkspace
import Foundation

/// Issuing a panel's minutes into the record (`attendoc panel minutes --issue`): the agencies'
/// minutes and each family's copy rendered once, and those exact bytes both archived with each
/// case's review dates and themes figures, and returned to be written out. Either every case and
/// document is recorded, or nothing is.
public struct PanelMinutesIssue {
    public struct Issued: Sendable {
        public var records: [PanelDocumentRecord]
        /// The files as rendered, relative to the output folder: the bytes the record archived.
        public var files: [DocumentWriter.RenderedFile]
    }

    public let documents: PanelDocuments
    public let writer: DocumentWriter

    public init(documents: PanelDocuments, writer: DocumentWriter) {
        self.documents = documents
        self.writer = writer
    }

    public func issue(_ minutes: [PanelMinutes], panel: PanelCalendar.Panel, formats: [OutputFormat], fop: PDFTypesetter?,
                      into workspace: Workspace, issuedOn date: CalendarDate, issuedBy person: String) throws(AttendocError) -> Issued {
        let agency = try documents.agencyMinutes(minutes, intake: nil, panel: panel, dated: date)
        let copies = try minutes.map { (case_) throws(AttendocError) in try documents.parentCopy(case_, intake: nil, panel: panel, dated: date) }
        let rendered = try writer.render([agency] + copies, formats: formats, fop: fop)
        func files(of document: RenderableDocument) -> [DocumentToIssue.File] {
            let name = URL(fileURLWithPath: document.relativeStem).lastPathComponent
            return rendered.filter { $0.relativePath.hasPrefix(document.relativeStem + ".") }.map {
                DocumentToIssue.File(format: $0.format.fileExtension, name: "\(name).\($0.format.fileExtension)", bytes: $0.bytes)
            }
        }
        var toIssue = [PanelDocumentToIssue(kind: "panel-minutes", audience: "agency", referral: nil, files: files(of: agency))]
        for (case_, copy) in zip(minutes, copies) {
            toIssue.append(PanelDocumentToIssue(kind: "panel-minutes", audience: "parent", referral: case_.referral.reference, files: files(of: copy)))
        }
        let cases = minutes.map { PanelCaseFigures.caseRecord($0, panel: panel) }
        do {
            let records = try workspace.recordPanel(date: panel.date, cases: cases, documents: toIssue, issuedOn: date, issuedBy: person)
            return Issued(records: records, files: rendered)
        } catch {
            throw AttendocError(.workspace, "\(error)")
        }
    }
}
