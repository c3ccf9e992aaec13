import AttendocBundle
import AttendocCaseModel
import AttendocCasework
import AttendocDocuments
import AttendocPolicy
import AttendocPrograms
import AttendocRendering
import AttendocValues
import AttendocWorkspace
import Foundation

/// The papers `attendoc bundle --route ROUTE` builds for one enforcement route, as its policy
/// lists them (`enforcement_routes:` `papers:`), written together, all or nothing, under
/// `OUT/<case reference>/`:
/// - `evidence_bundle`: the initial details of the prosecution case (the summary, statements
///   and exhibits bundle, `evidence-bundle.pdf` and its manifest);
/// - `unused_material_schedule`: the schedule of non-sensitive unused material as a document of
///   its own (`unused-material-schedule.pdf`), and then not in the bundle's section A;
/// - `single_justice_procedure_pack`: the single justice procedure papers
///   (`single-justice-procedure/<defendant>.*` and `court.*`, every format), the court's copy
///   certifying each defendant's service from the record.
/// Without a route (a policy that lists none), the evidence bundle alone, as before.
public struct RoutePapers {
    public let resources: AttendocResources

    public init(resources: AttendocResources) {
        self.resources = resources
    }

    public struct Outcome {
        public var files: [URL]
        /// The evidence bundle's outcome, when the route's papers include it.
        public var bundle: BundleRun.Outcome?
        /// What the person running it must know, by place in the case file (a defendant not yet
        /// served with the single justice procedure papers).
        public var notes: [String]
    }

    public static let singleJusticeFolder = "single-justice-procedure"

    public func make(_ loaded: LoadedCase, route: EnforcementRoute?, asOf: CalendarDate, draft: Bool, to outputFolder: URL,
                     workspace: Workspace?) throws(AttendocError) -> Outcome {
        let reference = loaded.attendanceCase.reference
        var record: [EvidenceBundle.RecordedCopy]?
        var penaltyNotices: PenaltyNoticeHistory?
        var issued: [IssuedDocument] = []
        if let workspace {
            record = try RecordForBundle.copies(of: reference, in: workspace)
            penaltyNotices = try PenaltyNoticeRecord.history(of: loaded.attendanceCase, in: workspace)
            issued = try fromRecord { () throws(WorkspaceError) in try workspace.issuedDocuments(for: reference) }
        }
        let papers = route?.papers ?? [.evidenceBundle]
        if papers.contains(.singleJusticeProcedurePack), let refused = SingleJusticeEligibility.error(for: loaded.attendanceCase) {
            throw refused
        }
        var files: [(path: String, data: Data)] = []
        var notes: [String] = []
        var bundleOutcome: BundleRun.Outcome?
        let readiness: ProsecutionReadiness
        if papers.contains(.evidenceBundle) {
            let prepared = try BundleRun(resources: resources).prepare(loaded, asOf: asOf, draft: draft, record: record,
                                                                      penaltyNotices: penaltyNotices, route: route)
            files += prepared.files
            bundleOutcome = prepared.outcome
            readiness = prepared.readiness
        } else {
            readiness = try BundleRun.readiness(loaded, asOf: asOf, draft: draft, record: record, penaltyNotices: penaltyNotices, route: route)
        }
        var documents: [(RenderableDocument, [OutputFormat])] = []
        if papers.contains(.singleJusticeProcedurePack) {
            guard readiness.isReady else {
                throw AttendocError(.document, "the case \(reference): the single justice procedure papers are served on the defendants, so they are not made for a case with anything missing (--draft makes only a draft evidence bundle); \(readiness.gaps.count) thing\(readiness.gaps.count == 1 ? " is" : "s are") missing:\n"
                                    + readiness.gaps.map { "- \($0)" }.joined(separator: "\n"))
            }
            var options = LetterOptions()
            options.sentLetters = record.map { $0.compactMap(\.sentLetter) }
            options.serviceRecord = try issued.filter { $0.kind == DocumentKind.singleJusticeProcedureNotice.rawValue }
                .map { (item) throws(AttendocError) in try CertificateOfService.particulars(for: item, in: loaded.attendanceCase) }
            let folder = "\(FileName.caseFolder(reference))/\(Self.singleJusticeFolder)"
            let letters = try LetterRun(resources: resources).letters(.singleJusticeProcedureNotice, for: loaded, dated: asOf,
                                                                      options: options, folder: folder)
            documents += letters.map { ($0.document, OutputFormat.allCases) }
            let served = Set(options.serviceRecord.map(\.recipientPath))
            for defendant in loaded.attendanceCase.legalRoute?.defendants ?? [] {
                guard let parent = loaded.attendanceCase.parentOrCarer(id: defendant.parentID), !served.contains(parent.casePath) else { continue }
                notes.append("not yet served: \(parent.casePath): the court's copy says so; issue their copy (attendoc issue \(reference) --document \(DocumentKind.singleJusticeProcedureNotice.rawValue) --to \(defendant.parentID) --method post --date DATE) and make the papers again for the court")
            }
        }
        if papers.contains(.unusedMaterialSchedule) {
            documents.append((try UnusedMaterialScheduleDocument.document(for: loaded, asOf: asOf, resources: resources), [.pdf]))
        }
        if !documents.isEmpty {
            let fop = try PDFTypesetter(configuration: resources.fopConfiguration)
            for format in Set(documents.flatMap(\.1)).sorted(by: { $0.rawValue < $1.rawValue }) {
                let chosen = documents.filter { $0.1.contains(format) }.map(\.0)
                let rendered = try DocumentWriter(resources: resources, formats: [format]).render(chosen, formats: [format], fop: fop)
                files += rendered.map { ($0.relativePath, $0.bytes) }
            }
        }
        let transaction = try OutputTransaction(outputFolder: outputFolder)
        do throws(AttendocError) {
            for file in files { try transaction.add(file.data, at: file.path) }
            let written = try transaction.commit()
            bundleOutcome?.files = written.filter { $0.lastPathComponent.hasPrefix("evidence-bundle") }
            return Outcome(files: written, bundle: bundleOutcome, notes: notes)
        } catch {
            transaction.abandon()
            throw error
        }
    }
}
