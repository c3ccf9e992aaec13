import ArgumentParser
import AttendocBundle
import AttendocCasework
import AttendocIssuing
import AttendocPolicy
import AttendocValues
import AttendocWorkspace
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List what a court or the referral criteria would find missing from a case, each with what to do.",
        discussion: "Exit status 0 when nothing is missing, 1 when anything is (or on bad input; docs/errors.md lists the others).")

    enum Purpose: ExpressibleByArgument, Equatable {
        /// The case's own enforcement route (its policy's default for legal_route.section).
        case prosecution
        /// The receiving authority's referral checklist (its policy's referral_checklist).
        case referral
        /// An enforcement route the policy lists (`s444-1`, `single-justice-procedure`).
        case route(String)

        init?(argument: String) {
            switch argument {
            case "prosecution": self = .prosecution
            case "referral": self = .referral
            case let name where !name.isEmpty: self = .route(name)
            default: return nil
            }
        }

        var name: String {
            switch self {
            case .prosecution: "prosecution"
            case .referral: "referral"
            case .route(let name): name
            }
        }
    }

    @Argument(help: "The case file (YAML).", completion: .file(extensions: ["yaml", "yml"]))
    var caseFile: String

    @Option(name: .customLong("for"), help: ArgumentHelp("What the case is being checked for: prosecution (the case's own route), referral, or an enforcement route its policy lists (s444-1, s444-1a, single-justice-procedure: docs/evidence-bundle.md).", valueName: "purpose"))
    var purpose: Purpose = .prosecution

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The date the figures run to, YYYY-MM-DD (default: today).", valueName: "date"))
    var asOf: String?

    @Option(name: .long, help: ArgumentHelp("For a referral: the receiving authority's policy (a file in policies/, without .yaml) whose checklist applies (default: the case's policy).", valueName: "name"))
    var policy: String?

    @Option(name: .long, help: ArgumentHelp("The folder holding Attendoc's templates/, stylesheets/, schema/, policies/ and data/.", valueName: "folder"))
    var resources: String?

    @Option(name: .long, help: ArgumentHelp("The workspace whose record of what was sent the check reads. For prosecution: default $ATTENDOC_WORKSPACE, else the current folder if it holds one, and its record replaces the case file's letters_issued. For a referral: only when given, and its record counts as well as letters_issued.", valueName: "folder"))
    var workspace: String?

    func run() throws {
        do {
            let date = try CommandLineValues.date(asOf, option: "--as-of")
            let location = try CommandLineValues.resources(resources)
            var loaded = try LoadedCase.load(URL(fileURLWithPath: caseFile), resources: location)
            let readiness: (isReady: Bool, gaps: [ProsecutionReadiness.Gap])
            switch purpose {
            case .prosecution, .route:
                // The record, when there is a workspace: the letters sent are the ones it holds.
                let place = WorkspaceLocation.find(explicit: workspace)
                var sent: [SentLetter]?
                var penaltyNotices: PenaltyNoticeHistory?
                if workspace != nil || FileManager.default.fileExists(atPath: place.database.path) {
                    let opened = try fromRecord { () throws(WorkspaceError) in try Workspace.open(at: place) }
                    sent = try RecordForBundle.copies(of: loaded.attendanceCase.reference, in: opened).compactMap(\.sentLetter)
                    penaltyNotices = try PenaltyNoticeRecord.history(of: loaded.attendanceCase, in: opened)
                }
                let route = try RouteReadiness.route(named: purpose == .prosecution ? nil : purpose.name, for: loaded)
                if let route { Terminal.print("checked for \(route.name): \(route.description) (\(route.place))") }
                let checked = RouteReadiness.check(loaded, for: route, asOf: date, sent: sent, penaltyNotices: penaltyNotices)
                readiness = (checked.isReady, checked.gaps)
            case .referral:
                if let policy {
                    do {
                        loaded.policy = try PolicyReader.read(named: policy, in: location.policies)
                    } catch {
                        throw AttendocError(.policy, "\(error)")
                    }
                }
                let issued = try workspace.map { (folder) throws(AttendocError) in
                    try fromRecord { () throws(WorkspaceError) in
                        try Workspace.open(at: WorkspaceLocation.find(explicit: folder)).issuedDocuments(for: loaded.attendanceCase.reference)
                    }
                } ?? []
                let sent = DueList.sentDocuments(issued, case: loaded.attendanceCase, through: date)
                let checked = try ReferralReadiness.check(loaded, asOf: date, sent: sent)
                Terminal.print("checked against \(loaded.policy?.identifier ?? "the policy"): \(checked.checked.joined(separator: "; "))")
                readiness = (checked.isReady, checked.gaps)
            }
            if readiness.isReady {
                Terminal.print("ready for \(purpose.name): nothing missing as of \(date.longForm)")
                return
            }
            Terminal.print("not ready for \(purpose.name): \(readiness.gaps.count) thing\(readiness.gaps.count == 1 ? "" : "s") missing as of \(date.longForm)")
            for gap in readiness.gaps {
                Terminal.print("- \(gap)")
            }
            throw ExitCode.failure
        } catch let error as AttendocError {
            throw CommandLineValues.fail(error)
        }
    }
}
