import ArgumentParser
import AttendocBundle
import AttendocCasework
import AttendocIssuing
import AttendocValues
import AttendocWorkspace
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List what a court or the referral criteria would find missing from a case, each with what to do.",
        discussion: "Exit status 0 when nothing is missing, 1 when anything is (or on bad input; docs/errors.md lists the others).")

    enum Purpose: String, ExpressibleByArgument, CaseIterable {
        case prosecution
    }

    @Argument(help: "The case file (YAML).", completion: .file(extensions: ["yaml", "yml"]))
    var caseFile: String

    @Option(name: .customLong("for"), help: ArgumentHelp("What the case is being checked for.", valueName: "purpose"))
    var purpose: Purpose = .prosecution

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The date the figures run to, YYYY-MM-DD (default: today).", valueName: "date"))
    var asOf: String?

    @Option(name: .long, help: ArgumentHelp("The folder holding Attendoc's templates/, stylesheets/, schema/, policies/ and data/.", valueName: "folder"))
    var resources: String?

    @Option(name: .long, help: ArgumentHelp("The workspace whose record of what was sent the check reads (default: $ATTENDOC_WORKSPACE, else the current folder if it holds one; without one, the case file's letters_issued).", valueName: "folder"))
    var workspace: String?

    func run() throws {
        do {
            let date = try CommandLineValues.date(asOf, option: "--as-of")
            let location = try CommandLineValues.resources(resources)
            let loaded = try LoadedCase.load(URL(fileURLWithPath: caseFile), resources: location)
            // The record, when there is a workspace: the letters sent are the ones it holds.
            let place = WorkspaceLocation.find(explicit: workspace)
            var sent: [SentLetter]?
            if workspace != nil || FileManager.default.fileExists(atPath: place.database.path) {
                let opened = try fromRecord { () throws(WorkspaceError) in try Workspace.open(at: place) }
                sent = try RecordForBundle.copies(of: loaded.attendanceCase.reference, in: opened).compactMap(\.sentLetter)
            }
            let readiness = ProsecutionReadiness.check(loaded, asOf: date, sent: sent)
            if readiness.isReady {
                Terminal.print("ready for \(purpose.rawValue): nothing missing as of \(date.longForm)")
                return
            }
            Terminal.print("not ready for \(purpose.rawValue): \(readiness.gaps.count) thing\(readiness.gaps.count == 1 ? "" : "s") missing as of \(date.longForm)")
            for gap in readiness.gaps {
                Terminal.print("- \(gap)")
            }
            throw ExitCode.failure
        } catch let error as AttendocError {
            throw CommandLineValues.fail(error)
        }
    }
}
