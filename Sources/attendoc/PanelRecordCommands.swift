import ArgumentParser
import AttendocCasework
import AttendocIssuing
import AttendocPanel
import AttendocValues
import AttendocWorkspace
import Foundation

struct PanelReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Record a review of a panel case that was held: which review, when, and what it found.",
        discussion: """
        The case is the panel's date and the referral's reference, as recorded by attendoc panel \
        minutes --issue. The outcome is progressing, stuck (the themes count it as stuck) or closed \
        (no further review is due).
        """)

    @Argument(help: "The panel's date, YYYY-MM-DD.")
    var panelDate: String

    @Argument(help: "The referral's reference.")
    var referral: String

    @Option(name: .long, help: ArgumentHelp("Which review: four-week or termly.", valueName: "kind"))
    var kind: String

    @Option(name: .long, help: ArgumentHelp("The day the review was held, YYYY-MM-DD.", valueName: "date"))
    var on: String

    @Option(name: .long, help: ArgumentHelp("What it found: progressing, stuck or closed.", valueName: "outcome"))
    var outcome: String

    @Option(name: .long, help: ArgumentHelp("Who is recording it (default: the login name).", valueName: "name"))
    var by: String?

    @OptionGroup var record: PanelWorkspaceOption

    func run() throws {
        do throws(AttendocError) {
            guard let panel = CalendarDate(iso: panelDate) else { throw AttendocError(.usage, "PANEL-DATE is not a date written YYYY-MM-DD") }
            let held = try CommandLineValues.date(on, option: "--on")
            let review = try PanelReviewHeld.record(panel: panel, referral: referral, kind: kind, heldOn: held, outcome: outcome,
                                                    by: WorkspaceOptions.person(by), in: try record.open())
            Terminal.print("recorded the \(kind) review of \(review.caseID) held on \(held.iso): \(outcome)")
        } catch {
            throw CommandLineValues.fail(error)
        }
    }
}

struct PanelReviewsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reviews",
        abstract: "The panel's reviews due or overdue, soonest first (attendoc due lists them too).",
        discussion: """
        For every case recorded by attendoc panel minutes --issue: its 4-week and termly reviews not \
        yet recorded as held (attendoc panel review), with the school days left, negative when \
        overdue. A case whose review closed it has none.
        """)

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day to count from, YYYY-MM-DD (default: today).", valueName: "date"))
    var asOf: String?

    @OptionGroup var record: PanelWorkspaceOption
    @OptionGroup var options: PanelOptions

    func run() throws {
        do throws(AttendocError) {
            let panel = try options.read()
            let date = try CommandLineValues.date(asOf, option: "--as-of")
            let workspace = try record.open()
            let items = try PanelReviewsDue.items(in: workspace, asOf: date, calendar: panel.policy.calendar)
            if items.isEmpty { Terminal.print("no panel review due as of \(date.iso)") }
            for line in PanelReviewsDue.lines(items) { Terminal.print(line) }
        } catch {
            throw CommandLineValues.fail(error)
        }
    }
}

struct PanelThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "The themes across a panel's cases or a term's panels: barriers, priority groups, actions by agency, cases stuck.",
        discussion: """
        Counted from the record (attendoc panel minutes --issue, attendoc panel review), for the \
        agencies. Each count is a table and, in HTML and PDF, a bar chart of the same figures. \
        Written to OUT/panel-themes/<panel date or term>.
        """)

    @Option(name: .long, help: ArgumentHelp("One panel, by its date YYYY-MM-DD.", valueName: "date"))
    var panel: String?

    @Option(name: .long, help: ArgumentHelp("Every panel of a term, by its name in the term dates (\"Autumn term 2025\").", valueName: "name"))
    var term: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day the themes are counted on, YYYY-MM-DD (default: today).", valueName: "date"))
    var asOf: String?

    @OptionGroup var record: PanelWorkspaceOption
    @OptionGroup var output: PanelOutputOptions
    @OptionGroup var options: PanelOptions

    func run() throws {
        do throws(AttendocError) {
            guard (panel == nil) != (term == nil) else { throw AttendocError(.usage, "give one of --panel DATE or --term NAME") }
            let policy = try options.read()
            let date = try CommandLineValues.date(asOf, option: "--as-of")
            let workspace = try record.open()
            let all = try fromRecord { () throws(WorkspaceError) in try workspace.panelCases() }
            let reviews = try fromRecord { () throws(WorkspaceError) in try workspace.panelReviews() }
            let chosen: (cases: [PanelCaseRecord], scope: String)
            let stem: String
            if let panel {
                chosen = PanelThemes.cases(all, ofPanel: try PanelOptions.panel(panel, in: policy).date)
                stem = panel
            } else {
                chosen = try PanelThemes.cases(all, ofTerm: term ?? "", calendar: policy.policy.calendar)
                stem = chosen.scope
            }
            let themes = PanelThemes.count(chosen.cases, reviews: reviews, asOf: date, scope: chosen.scope)
            let documents = try PanelDocuments(resources: CommandLineValues.resources(options.resources), calendar: policy.calendar)
            try output.write([try documents.themes(themes, asOf: date, stem: stem)], resources: options.resources)
        } catch {
            throw CommandLineValues.fail(error)
        }
    }
}

struct PanelReferralCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referral",
        abstract: "Make a panel referral file from a case in the workspace, for the referrer to complete.",
        discussion: """
        Writes what the record shows (the school, the child with their UPN and priority cohorts, the \
        barriers recorded at the case's meetings, the meetings held, support offered and documents \
        sent by the day received, the services that accepted a referral) and leaves what it does \
        not show for the referrer, marked FILL IN: what is stuck, the state of any multi-agency \
        involvement, whether legal intervention was judged not appropriate, and the consent. The \
        intake refuses the file until they have. An existing file is never overwritten.
        """)

    @Argument(help: "The workspace case's reference.")
    var caseReference: String

    @Option(name: .long, help: ArgumentHelp("The referral's reference (letters, digits and / _ . -).", valueName: "reference"))
    var reference: String

    @Option(name: .customLong("received-on"), help: ArgumentHelp("The day the panel receives it, YYYY-MM-DD (default: today).", valueName: "date"))
    var receivedOn: String?

    @Option(name: .long, help: ArgumentHelp("The file to write (default: <reference>.yaml in the current folder).", valueName: "file"))
    var out: String?

    @OptionGroup var record: PanelWorkspaceOption
    @OptionGroup var options: PanelOptions

    func run() throws {
        do throws(AttendocError) {
            guard reference.range(of: "^[A-Za-z0-9/_.-]{1,40}$", options: .regularExpression) != nil else {
                throw AttendocError(.usage, "--reference: expected letters, digits and / _ . - only (up to 40)")
            }
            let date = try CommandLineValues.date(receivedOn, option: "--received-on")
            let workspace = try record.open()
            let resources = try CommandLineValues.resources(options.resources)
            let recorded = try fromRecord { () throws(WorkspaceError) in try workspace.recordedCase(caseReference) }
            let loaded = try LoadedCase.load(URL(fileURLWithPath: recorded.sourcePath), resources: resources)
            var sent: [PanelReferralDraft.Sent] = []
            for document in try fromRecord({ () throws(WorkspaceError) in try workspace.issuedDocuments(for: caseReference) }) {
                guard let on = CalendarDate(iso: document.sentOn), !sent.contains(where: { $0.kind == document.kind && $0.sentOn == on }) else { continue }
                sent.append(PanelReferralDraft.Sent(kind: document.kind, sentOn: on))
            }
            let draft = PanelReferralDraft(reference: reference, receivedOn: date, attendanceCase: loaded.attendanceCase, sent: sent)
            let file = URL(fileURLWithPath: out ?? "\(FileName.slug(reference)).yaml")
            guard !FileManager.default.fileExists(atPath: file.path) else {
                throw AttendocError(.usage, "\(file.path) already exists; it was left as it is", suggestion: "give another --out")
            }
            do {
                try Data(draft.yaml.utf8).write(to: file, options: [.withoutOverwriting])
            } catch {
                throw AttendocError(.usage, "\(file.path) cannot be written (\(error.localizedDescription))")
            }
            Terminal.print("wrote \(file.path): fill in the fields marked FILL IN, then attendoc panel intake")
        } catch {
            throw CommandLineValues.fail(error)
        }
    }
}
