import ArgumentParser
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
            guard ["four-week", "termly"].contains(kind) else { throw AttendocError(.usage, "--kind \(kind): expected four-week or termly") }
            guard ["progressing", "stuck", "closed"].contains(outcome) else {
                throw AttendocError(.usage, "--outcome \(outcome): expected progressing, stuck or closed")
            }
            let held = try CommandLineValues.date(on, option: "--on")
            let workspace = try record.open()
            let review = PanelReviewRecord(caseID: "\(panel.iso)/\(referral)", kind: kind, reviewedOn: held.iso, outcome: outcome)
            try fromRecord { () throws(WorkspaceError) in try workspace.recordPanelReview(review, by: WorkspaceOptions.person(by)) }
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
            let cases = try fromRecord { () throws(WorkspaceError) in try workspace.panelCases() }
            let reviews = try fromRecord { () throws(WorkspaceError) in try workspace.panelReviews() }
            let items = PanelReviewsDue.items(cases: cases, reviews: reviews, asOf: date, calendar: panel.policy.calendar)
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
