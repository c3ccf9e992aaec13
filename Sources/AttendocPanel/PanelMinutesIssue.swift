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

    /// The panel's documents and a writer for `formats`, from `resources` and the panel's calendar.
    public init(resources: AttendocResources, calendar: PanelCalendar, formats: [OutputFormat] = OutputFormat.allCases) throws(AttendocError) {
        self.init(documents: try PanelDocuments(resources: resources, calendar: calendar),
                  writer: try DocumentWriter(resources: resources, formats: formats))
    }

    /// Issues `minutes` as `attendoc panel minutes --issue` and the minutes screen both do: in the
    /// formats named (`html`, `txt`, `docx`, `pdf`; Apache FOP started for a PDF), recorded in
    /// `workspace` all or nothing.
    public static func issue(_ minutes: [PanelMinutes], panel: PanelCalendar.Panel, calendar: PanelCalendar, formats names: [String],
                             resources: AttendocResources, into workspace: Workspace, issuedOn date: CalendarDate,
                             issuedBy person: String) throws(AttendocError) -> Issued {
        let formats = try OutputFormat.list(names.joined(separator: ","))
        let fop = formats.contains(.pdf) ? try PDFTypesetter(configuration: resources.fopConfiguration) : nil
        return try PanelMinutesIssue(resources: resources, calendar: calendar, formats: formats)
            .issue(minutes, panel: panel, formats: formats, fop: fop, into: workspace, issuedOn: date, issuedBy: person)
    }

    /// One copy as it would be issued, to look at first: the agencies' minutes, or a family's copy.
    public struct Copy: Sendable {
        /// `agency` or `parent`.
        public var audience: String
        /// The family's referral; nil for the agencies' minutes.
        public var referral: String?
        /// The HTML writer's page of the copy, as the HTML file issued holds it.
        public var html: Data
    }

    /// Each copy the issue of `minutes` would make (the agencies' minutes first, then each family's
    /// copy in the same order), made by the same documents and the same HTML writer as the issue,
    /// so each holds only what its reader may see. Nothing is recorded.
    public func copies(_ minutes: [PanelMinutes], panel: PanelCalendar.Panel, dated date: CalendarDate) throws(AttendocError) -> [Copy] {
        let (agency, families) = try minutesDocuments(minutes, panel: panel, dated: date)
        let rendered = try writer.render([agency] + families, formats: [.html], fop: nil)
        var copies: [Copy] = []
        for (index, document) in ([agency] + families).enumerated() {
            guard let page = rendered.first(where: { $0.relativePath == document.relativeStem + ".html" }) else { continue }
            copies.append(Copy(audience: index == 0 ? "agency" : "parent", referral: index == 0 ? nil : minutes[index - 1].referral.reference,
                               html: page.bytes))
        }
        return copies
    }

    /// The agencies' minutes and each family's copy, in the order of `minutes`.
    func minutesDocuments(_ minutes: [PanelMinutes], panel: PanelCalendar.Panel, dated date: CalendarDate) throws(AttendocError)
        -> (agency: RenderableDocument, families: [RenderableDocument]) {
        let agency = try documents.agencyMinutes(minutes, intake: nil, panel: panel, dated: date)
        let copies = try minutes.map { (case_) throws(AttendocError) in try documents.parentCopy(case_, intake: nil, panel: panel, dated: date) }
        return (agency, copies)
    }

    public func issue(_ minutes: [PanelMinutes], panel: PanelCalendar.Panel, formats: [OutputFormat], fop: PDFTypesetter?,
                      into workspace: Workspace, issuedOn date: CalendarDate, issuedBy person: String) throws(AttendocError) -> Issued {
        let (agency, copies) = try minutesDocuments(minutes, panel: panel, dated: date)
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
