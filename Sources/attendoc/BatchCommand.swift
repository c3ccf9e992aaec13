import ArgumentParser
import AttendocIssuing
import AttendocRendering
import AttendocValues
import AttendocWorkspace
import Foundation

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "A school's whole register export in: the concern letters it calls for, issued into the record, never twice.",
        discussion: """
        Reads the export (CSV or DfE Common Transfer File), and for each pupil lists the figures and \
        what is due under the policy of the pupil's case: an attendance concern letter when absence \
        has reached the policy's persistent-absence share and the record holds none since the \
        figures' first day. --dry-run prints that list and stops. Otherwise the export is imported \
        into the record and each due letter is issued (as attendoc issue does, each pupil's copies \
        as one unit); a pupil whose letter cannot be made is reported and skipped (exit status 2). \
        A second run with the same export issues nothing new. Each run is recorded in the \
        workspace from its start (running, then finished, failed, or interrupted if the program \
        stops), with its summary and print PDF, as the batch screen's runs are. See docs/batch.md.
        """)

    @Option(name: .long, help: ArgumentHelp("The school's register export: .csv or a DfE Common Transfer File (.xml).", valueName: "file"))
    var register: String

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day the figures run to, the letters are dated and sent, YYYY-MM-DD.", valueName: "date"))
    var asOf: String

    @Option(name: .long, help: ArgumentHelp("Only the cases of this school (its URN); the export is recorded as its register.", valueName: "urn"))
    var school: String?

    @Option(name: .long, help: ArgumentHelp("The policy that judges pupils with no case yet (a name in policies/).", valueName: "name"))
    var policy: String?

    @Flag(name: .customLong("dry-run"), help: "Print the list and stop: nothing is imported, issued or written.")
    var dryRun = false

    @Option(name: .long, help: ArgumentHelp("Only these pupils, by UPN, comma-separated.", valueName: "upns"))
    var only: String?

    @Option(name: .long, help: ArgumentHelp("Leave out these pupils, by UPN, comma-separated.", valueName: "upns"))
    var skip: String?

    @Option(name: .long, help: ArgumentHelp("How the letters are sent: post, hand or email.", valueName: "method"))
    var method: String = "post"

    @Option(name: .long, help: ArgumentHelp("Formats to archive, comma-separated: pdf, html, txt, docx.", valueName: "formats"))
    var format: String = "pdf"

    @Option(name: .long, help: ArgumentHelp("Who is issuing them (default: the login name).", valueName: "name"))
    var by: String?

    @Option(name: .long, help: ArgumentHelp("Where the run's summary CSV goes (default: batch-summary-<as-of>.csv in the current folder).", valueName: "file"))
    var summary: String?

    @Option(name: .customLong("print"), help: ArgumentHelp("Also write one PDF of every letter issued, in list order, each starting on a new sheet printed duplex (one FOP run).", valueName: "file"))
    var printFile: String?

    @Option(name: .customLong("new-cases"), help: ArgumentHelp("For a pupil with no case whose letter is due: make the case from the Common Transfer File's contacts, written into this folder as <UPN>.yaml and added to the workspace.", valueName: "folder"))
    var newCases: String?

    @OptionGroup var options: WorkspaceOptions

    func run() throws {
        let skipped: Int
        do {
            let date = try CommandLineValues.date(asOf, option: "--as-of")
            guard let serviceMethod = ServiceMethod(rawValue: method) else {
                throw AttendocError(.usage, "--method: expected one of \(ServiceMethod.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            var settings = SchoolBatchRun.Settings(asOf: date, school: school, by: WorkspaceOptions.person(by))
            settings.formats = try OutputFormat.list(format)
            settings.policy = policy
            settings.only = Self.upns(only)
            settings.skip = Self.upns(skip) ?? []
            settings.method = serviceMethod
            settings.newCases = newCases.map { URL(fileURLWithPath: $0) }
            settings.print = printFile != nil
            // Recorded in the workspace as the batch screen's runs are (its history shows both).
            settings.keepInRecord = true
            settings.startedFrom = "command line"
            let resources = try CommandLineValues.resources(options.resources)
            let batch = SchoolBatchRun(workspace: try options.open(), resources: resources)
            // An export is always read: a listing is nil only for a register import the record lacks.
            guard let listing = try batch.list(.export(URL(fileURLWithPath: register)), settings) else { return }
            CommandLineValues.report(warnings: listing.warnings)
            for entry in listing.entries { Terminal.print(entry.line) }
            let listed = listing.due
            Terminal.print("\(listing.pupils) pupils, \(listed) \(SchoolBatch.kind.rawValue)\(listed == 1 ? "" : "s") due")
            if dryRun { return }
            let progress = BatchProgress(style: BatchProgress.style(standardErrorIsTerminal: isatty(STDERR_FILENO) == 1,
                                                                    term: ProcessInfo.processInfo.environment["TERM"])) {
                FileHandle.standardError.write(Data($0.utf8))
            }
            let done = try batch.run(listing, settings, progress: progress.show)
            progress.finish()
            if let newCases {
                for entry in done.entries where entry.caseMadeFromContacts {
                    Terminal.print("made the case \(entry.reference ?? "") for \(entry.upn) from the export's contacts: \(newCases)/\(entry.upn).yaml")
                }
            }
            for outcome in done.outcomes {
                if !outcome.issued.isEmpty {
                    Terminal.print("issued \(SchoolBatch.kind.rawValue) for \(outcome.entry.upn) to \(outcome.issued.map(\.recipientPath).joined(separator: ", "))")
                } else if let reason = outcome.skippedBecause {
                    Terminal.print("SKIPPED \(outcome.entry.upn): \(reason)")
                }
            }
            let summaryFile = URL(fileURLWithPath: summary ?? "batch-summary-\(date.iso).csv")
            do {
                try Data(done.summaryCSV.utf8).write(to: summaryFile, options: .atomic)
            } catch {
                throw AttendocError(.output, "\(summaryFile.path): the summary cannot be written")
            }
            if let problem = done.printProblem { throw problem }
            if let printFile, let pdf = done.printPDF {
                let url = URL(fileURLWithPath: printFile)
                do { try pdf.write(to: url, options: .atomic) } catch {
                    throw AttendocError(.output, "\(url.path): the print PDF cannot be written")
                }
                Terminal.print("the print run is \(url.path)")
            }
            skipped = done.skipped
            if let recorded = done.recorded { Terminal.print("the run is recorded in the workspace as batch run \(recorded.id)") }
            Terminal.print("issued \(done.issued), skipped \(skipped), of \(done.due) due; the summary is \(summaryFile.path)")
        } catch let error as AttendocError {
            throw CommandLineValues.fail(error)
        }
        if skipped > 0 { throw ExitCode(2) }
    }

    static func upns(_ text: String?) -> Set<String>? {
        text.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }) }
    }
}
