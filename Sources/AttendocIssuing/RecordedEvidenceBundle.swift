import AttendocBundle
import AttendocCasework
import AttendocValues
import AttendocWorkspace
import Foundation

/// `attendoc bundle` with the record: the evidence bundle of a case whose section E exhibits the
/// copies the workspace holds as sent, counted against the penalty notices it records. The
/// command line and the bundle screen both make it here, so both check and build the same way.
public enum RecordedEvidenceBundle {
    /// What a built bundle is, in words and numbers the screens and the command line print.
    public struct Made: Sendable {
        public var files: [URL]
        public var pageCount: Int
        public var sha256: String
        /// `final`, `draft` or `unsigned` (the manifest's status).
        public var status: String
        /// What was left out for privacy, each with its place in the case file and why.
        public var leftOut: [String]
        /// For a draft: what is missing, as its front sheet lists it.
        public var gaps: [ProsecutionReadiness.Gap]
        public var warnings: [String]
    }

    /// Whether the case may be bundled as of `asOf`, as the build checks it: a paid penalty
    /// notice's period (no papers at all, `refusals`), and what a court would find missing (`gaps`;
    /// a final bundle needs none).
    public static func readiness(_ loaded: LoadedCase, workspace: Workspace?, asOf: CalendarDate) throws(AttendocError)
        -> (refusals: [String], gaps: [ProsecutionReadiness.Gap]) {
        let (record, history) = try recordOf(loaded, workspace: workspace)
        let sent = record.map { $0.compactMap(\.sentLetter) }
        let penaltyNotices = history ?? .listed(in: loaded.attendanceCase)
        return (PenaltyNoticeReadiness.refusals(loaded, asOf: asOf, history: penaltyNotices, sent: sent),
                ProsecutionReadiness.check(loaded, asOf: asOf, sent: sent, penaltyNotices: penaltyNotices).gaps)
    }

    /// Makes the bundle into `outputFolder/<case folder>/` (all or nothing); with `workspace`, from
    /// its record of what was sent, else from the case file alone.
    public static func make(_ loaded: LoadedCase, workspace: Workspace?, resources: AttendocResources, asOf: CalendarDate, draft: Bool,
                            to outputFolder: URL) throws(AttendocError) -> Made {
        // The papers of the case's own route (its policy's default for its section), as
        // `attendoc bundle` without --route makes them.
        let route = try RouteReadiness.route(named: nil, for: loaded)
        let papers = try RoutePapers(resources: resources).make(loaded, route: route, asOf: asOf, draft: draft, to: outputFolder, workspace: workspace)
        guard let outcome = papers.bundle else {
            throw AttendocError(.document, "the case \(loaded.attendanceCase.reference): its route's papers hold no evidence bundle; make them with attendoc bundle --route")
        }
        return Made(files: papers.files, pageCount: outcome.pageCount, sha256: outcome.sha256, status: outcome.manifest.status,
                    leftOut: outcome.leftOut.map(\.description), gaps: outcome.gaps, warnings: outcome.warnings)
    }

    /// The bundle's file of the case `reference` under `outputFolder`, where `make` writes it.
    public static func pdf(of reference: String, under outputFolder: URL) -> URL {
        outputFolder.appendingPathComponent(FileName.caseFolder(reference)).appendingPathComponent("evidence-bundle.pdf")
    }

    /// The words every page of an unsigned bundle carries.
    public static var unsignedMark: String { EvidenceBundle.unsignedMark }

    private static func recordOf(_ loaded: LoadedCase, workspace: Workspace?) throws(AttendocError)
        -> (record: [EvidenceBundle.RecordedCopy]?, history: PenaltyNoticeHistory?) {
        guard let workspace else { return (nil, nil) }
        return (try RecordForBundle.copies(of: loaded.attendanceCase.reference, in: workspace),
                try PenaltyNoticeRecord.history(of: loaded.attendanceCase, in: workspace))
    }
}
