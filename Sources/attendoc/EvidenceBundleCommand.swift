import ArgumentParser
import AttendocBundle
import AttendocCasework
import AttendocIssuing
import AttendocWorkspace
import Foundation

struct EvidenceBundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Make the evidence bundle for court: one PDF (front sheet, index, sections A to F) and its manifest.",
        discussion: """
        Writes OUT/<case reference>/evidence-bundle.pdf and evidence-bundle-manifest.json, all or \
        nothing. A: summary and chronology; B: schedule of supportive measures; C: the officer's \
        witness statement (s9 Criminal Justice Act 1967), to check and sign; D: register \
        certificate and figures; E: letters, notices and minutes; F: the evidence files the case \
        cites. Pages are numbered once; every page shows its section page (A1, B2 ...) too.
        The bundle is served on the defendants: confidential addresses, agency-only notes and \
        siblings' details are left out, and the run lists what it left out. A case that \
        `attendoc check --for prosecution` finds incomplete is refused unless --draft.
        --route chooses the enforcement route (its policy's enforcement_routes:) and so the \
        papers built: for s444-1 and s444-1a the bundle (the initial details of the prosecution \
        case) and the unused material schedule as a document of its own; for \
        single-justice-procedure the papers for each defendant and the court \
        (single-justice-procedure/), refused for s444(1A) (docs/evidence-bundle.md).
        """)

    @Argument(help: "The case file (YAML).", completion: .file(extensions: ["yaml", "yml"]))
    var caseFile: String

    @Option(name: .long, help: ArgumentHelp("The output folder.", valueName: "folder"))
    var out: String = "output"

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The date of the bundle: the figures run to it (default: today).", valueName: "date"))
    var asOf: String?

    @Option(name: .long, help: ArgumentHelp("The enforcement route whose papers are built, as the case's policy lists it (s444-1, s444-1a, single-justice-procedure; default: the policy's route for the case's legal_route.section).", valueName: "route"))
    var route: String?

    @Flag(name: .long, help: "Make the bundle even if the case is incomplete: DRAFT on every page, and what is missing listed on the front sheet.")
    var draft = false

    @Option(name: .long, help: ArgumentHelp("The folder holding Attendoc's templates/, stylesheets/, schema/, policies/, fop/ and data/.", valueName: "folder"))
    var resources: String?

    @Option(name: .long, help: ArgumentHelp("The workspace whose record of what was sent the bundle exhibits (default: $ATTENDOC_WORKSPACE, else the current folder if it holds one; without one, letters are made again from the case file).", valueName: "folder"))
    var workspace: String?

    func run() throws {
        do {
            let date = try CommandLineValues.date(asOf, option: "--as-of")
            let location = try CommandLineValues.resources(resources)
            let loaded = try LoadedCase.load(URL(fileURLWithPath: caseFile), resources: location)
            let chosen = try RouteReadiness.route(named: route, for: loaded)
            // The record, when there is a workspace: section E then exhibits the copies as sent.
            let place = WorkspaceLocation.find(explicit: workspace)
            var opened: Workspace?
            if workspace != nil || FileManager.default.fileExists(atPath: place.database.path) {
                opened = try fromRecord { () throws(WorkspaceError) in try Workspace.open(at: place) }
            }
            if let chosen { Terminal.print("route \(chosen.name): \(chosen.description); papers: \(chosen.papers.map(\.rawValue).joined(separator: ", "))") }
            let papers = try RoutePapers(resources: location).make(loaded, route: chosen, asOf: date, draft: draft,
                                                                 to: URL(fileURLWithPath: out), workspace: opened)
            for note in papers.notes {
                Terminal.print(note)
            }
            let base = FileManager.default.currentDirectoryPath + "/"
            guard let outcome = papers.bundle else {
                for file in papers.files {
                    Terminal.print("wrote \(file.path.hasPrefix(base) ? String(file.path.dropFirst(base.count)) : file.path)")
                }
                return
            }
            for gap in outcome.gaps {
                Terminal.print("missing (on the front sheet): \(gap)")
            }
            for warning in outcome.warnings {
                Terminal.print("warning: \(warning)")
            }
            for item in outcome.leftOut {
                Terminal.print("left out: \(item)")
            }
            for file in papers.files {
                Terminal.print("wrote \(file.path.hasPrefix(base) ? String(file.path.dropFirst(base.count)) : file.path)")
            }
            if outcome.manifest.status == "unsigned" {
                Terminal.print("unsigned: every page says \(EvidenceBundle.unsignedMark); supply the signed statements and certificate (legal_route.signed_statement, signed_school_statement with a school witness, signed_certificate) to make it final")
            }
            Terminal.print("\(outcome.manifest.status == "final" ? "" : outcome.manifest.status + " ")bundle: \(outcome.pageCount) pages, SHA-256 \(outcome.sha256)")
        } catch {
            throw CommandLineValues.fail(error)
        }
    }
}
