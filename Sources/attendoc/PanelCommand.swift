import ArgumentParser
import AttendocIssuing
import AttendocPanel
import AttendocPolicy
import AttendocPrograms
import AttendocRendering
import AttendocValues
import AttendocWorkspace
import Foundation

/// `attendoc panel …`: the multi-agency attendance panel clerk's commands (docs/panel.md).
struct PanelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "panel",
        abstract: "The multi-agency attendance panel: its dates and reviews, the intake of referrals, the day, minutes, themes.",
        subcommands: [PanelDatesCommand.self, PanelIntakeCommand.self, PanelConsentFormCommand.self, PanelDayCommand.self, PanelMinutesCommand.self,
                      PanelReferralCommand.self, PanelReviewCommand.self, PanelReviewsCommand.self, PanelThemesCommand.self])
}

/// The options every panel command shares.
struct PanelOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The panel's policy (a name in policies/).", valueName: "name"))
    var policy: String = PanelPolicy.defaultName

    @Option(name: .long, help: ArgumentHelp("The folder holding templates/, stylesheets/, schema/ and policies/ (default: found next to the program).", valueName: "folder"))
    var resources: String?

    func read() throws(AttendocError) -> PanelPolicy {
        try PanelPolicy.read(named: policy, resources: CommandLineValues.resources(resources))
    }

    /// The panel on `text` (a date written YYYY-MM-DD), from the calendar.
    static func panel(_ text: String, in policy: PanelPolicy) throws(AttendocError) -> PanelCalendar.Panel {
        guard let date = CalendarDate(iso: text) else {
            throw AttendocError(.usage, "PANEL-DATE is not a date written YYYY-MM-DD")
        }
        return try policy.calendar.panel(on: date)
    }

    /// The referral files, each named in messages as it was given.
    static func referrals(_ files: [String]) throws(AttendocError) -> [PanelReferral] {
        var read: [PanelReferral] = []
        for file in files {
            read.append(try PanelReferralReader.read(contentsOf: URL(fileURLWithPath: file), named: file))
        }
        return read
    }
}

/// A panel's date and the referral files for it.
struct PanelReferralArguments: ParsableArguments {
    @Argument(help: "The panel's date, YYYY-MM-DD (one of attendoc panel dates).")
    var panelDate: String

    @Argument(help: "The referral files.")
    var referrals: [String]

    /// The panel on the date given, from `policy`'s calendar, and the referrals read.
    func read(in policy: PanelPolicy) throws(AttendocError) -> (panel: PanelCalendar.Panel, referrals: [PanelReferral]) {
        (try PanelOptions.panel(panelDate, in: policy), try PanelOptions.referrals(referrals))
    }
}

/// A panel's date, the referral files and the clerk's order: what an intake takes.
struct PanelIntakeArguments: ParsableArguments {
    @OptionGroup var referrals: PanelReferralArguments

    @Option(name: .long, help: ArgumentHelp("The clerk's order of slots: referral references, comma-separated.", valueName: "references"))
    var order: String?

    /// The intake of the referrals for the panel, under `policy`.
    func intake(in policy: PanelPolicy) throws(AttendocError) -> PanelIntake {
        let (panel, read) = try referrals.read(in: policy)
        let clerkOrder = order.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
        return try PanelIntake.take(read, for: panel, calendar: policy.calendar, order: clerkOrder)
    }
}

/// Where panel documents are written, in which formats, dated when.
struct PanelOutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Formats, comma-separated: html, txt, docx, pdf.", valueName: "formats"))
    var format: String = "html,txt,docx,pdf"

    @Option(name: .long, help: ArgumentHelp("The folder to write into.", valueName: "folder"))
    var out: String = "output"

    @Option(name: .long, help: ArgumentHelp("The date printed on the documents, YYYY-MM-DD (default: today).", valueName: "date"))
    var date: String?

    /// Renders `documents` in the formats asked for and writes them all or nothing, printing each file.
    func write(_ documents: [RenderableDocument], resources folder: String?) throws(AttendocError) {
        let formats = try OutputFormat.list(format)
        let resources = try CommandLineValues.resources(folder)
        let writer = try DocumentWriter(resources: resources, formats: formats)
        let fop = formats.contains(.pdf) ? try PDFTypesetter(configuration: resources.fopConfiguration) : nil
        report(try writer.write(documents, formats: formats, to: URL(fileURLWithPath: out), fop: fop))
    }

    /// Writes files already rendered (the bytes the record archived), all or nothing.
    func write(_ files: [DocumentWriter.RenderedFile]) throws(AttendocError) {
        report(try DocumentWriter.write(files, to: URL(fileURLWithPath: out)))
    }

    private func report(_ written: [URL]) {
        let base = FileManager.default.currentDirectoryPath + "/"
        for file in written {
            Terminal.print("wrote \(file.path.hasPrefix(base) ? String(file.path.dropFirst(base.count)) : file.path)")
        }
    }
}

struct PanelDatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dates",
        abstract: "Each panel's date and start, its referral close, 4-week and termly review dates.",
        discussion: """
        The dates are the policy's panel: section, as published (with the words they were published \
        in) or, for a panel beyond the published list, computed from the policy's deadlines in school \
        weeks and school days.
        """)

    @OptionGroup var options: PanelOptions

    func run() throws {
        do {
            let panel = try options.read()
            for line in PanelCalendarListing.lines(panel.calendar, policyName: panel.policy.name) { Terminal.print(line) }
        } catch {
            throw CommandLineValues.fail(error)
        }
    }
}

struct PanelIntakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake",
        abstract: "Check referrals against the panel's criteria: the slots taken forward, each refusal explained.",
        discussion: """
        Each referral file (docs/panel.md) is checked against seed 000's criteria: consent, statutory \
        school age, one referral per school per panel (siblings, household members and several \
        settings are one referral), the referral window, and the information the panel needs. Those \
        taken forward get 15-minute slots from the panel's start, in the order received or in the \
        order --order gives. Exit status 0 when every file was read, whatever was refused.
        """)

    @OptionGroup var given: PanelIntakeArguments

    @OptionGroup var options: PanelOptions

    func run() throws {
        do throws(AttendocError) {
            let panel = try options.read()
            let intake = try given.intake(in: panel)
            for line in PanelIntakeListing.lines(intake) { Terminal.print(line) }
        } catch {
            throw CommandLineValues.fail(error)
        }
    }
}

struct PanelConsentFormCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent-form",
        abstract: "The Attendance Referral Consent Disclaimer for each referral's parent or guardian.",
        discussion: """
        One form per referral (a household is one referral): what will be shared, with which \
        agencies, for what, and how to withdraw, with whether the referral records it as signed. \
        Written to OUT/panel-<date>/consent-forms/.
        """)

    @OptionGroup var given: PanelReferralArguments

    @OptionGroup var output: PanelOutputOptions
    @OptionGroup var options: PanelOptions

    func run() throws {
        do throws(AttendocError) {
            let panel = try options.read()
            let (meeting, read) = try given.read(in: panel)
            let date = try CommandLineValues.date(output.date, option: "--date")
            let documents = try PanelDocuments(resources: CommandLineValues.resources(options.resources), calendar: panel.calendar)
            var made: [RenderableDocument] = []
            for referral in read {
                made.append(try documents.consentForm(referral, panel: meeting, dated: date))
            }
            try output.write(made, resources: options.resources)
        } catch {
            throw CommandLineValues.fail(error)
        }
    }
}

struct PanelDayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "day",
        abstract: "The panel's day: the intake, the printed agenda and a slot letter to each referrer.",
        discussion: """
        Takes the referrals in as attendoc panel intake does (the same slots, the same refusals), \
        then writes the agenda (OUT/panel-<date>/agenda) and a slot letter to the referrer of each \
        referral taken forward (OUT/panel-<date>/slot-letters/), all or nothing.
        """)

    @OptionGroup var given: PanelIntakeArguments

    @OptionGroup var output: PanelOutputOptions
    @OptionGroup var options: PanelOptions

    func run() throws {
        do throws(AttendocError) {
            let panel = try options.read()
            let intake = try given.intake(in: panel)
            let date = try CommandLineValues.date(output.date, option: "--date")
            for line in PanelIntakeListing.lines(intake) { Terminal.print(line) }
            let documents = try PanelDocuments(resources: CommandLineValues.resources(options.resources), calendar: panel.calendar)
            var made = [try documents.agenda(intake, dated: date)]
            for slot in intake.slots { made.append(try documents.slotLetter(slot, panel: intake.panel, dated: date)) }
            Terminal.print("")
            try output.write(made, resources: options.resources)
        } catch {
            throw CommandLineValues.fail(error)
        }
    }
}

struct PanelMinutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minutes",
        abstract: "The panel's minutes: the agencies' minutes of every case, and each family's copy of its own case.",
        discussion: """
        Each MINUTES file is the clerk's YAML of one case (docs/panel.md), naming its referral file. \
        Writes OUT/panel-<date>/minutes/agency-minutes (every case, with the notes for the agencies \
        only) and OUT/panel-<date>/minutes/<reference>-family-copy for each case (that case only, \
        without those notes), each with the panel's 4-week and termly review dates. With --issue, \
        the same files are first recorded in the workspace, with each case's review dates and the \
        figures the themes count; a case already recorded for the panel is refused.
        """)

    @Argument(help: "The panel's date, YYYY-MM-DD (one of attendoc panel dates).")
    var panelDate: String

    @Argument(help: "The minutes files, one per case, in the order of the panel.")
    var minutes: [String]

    @Flag(name: .long, help: "Record the minutes and each case in the workspace as issued.")
    var issue = false

    @Option(name: .long, help: ArgumentHelp("Who is issuing them (default: the login name).", valueName: "name"))
    var by: String?

    @OptionGroup var record: PanelWorkspaceOption
    @OptionGroup var output: PanelOutputOptions
    @OptionGroup var options: PanelOptions

    func run() throws {
        do throws(AttendocError) {
            let panel = try options.read()
            let meeting = try PanelOptions.panel(panelDate, in: panel)
            let date = try CommandLineValues.date(output.date, option: "--date")
            let cases = try PanelMinutesSet.read(minutes.map { URL(fileURLWithPath: $0) }, panel: meeting)
            let resources = try CommandLineValues.resources(options.resources)
            let documents = try PanelDocuments(resources: resources, calendar: panel.calendar)
            guard issue else {
                var made = [try documents.agencyMinutes(cases, intake: nil, panel: meeting, dated: date)]
                for minutes in cases { made.append(try documents.parentCopy(minutes, intake: nil, panel: meeting, dated: date)) }
                try output.write(made, resources: options.resources)
                return
            }
            let issued = try PanelMinutesIssue.issue(cases, panel: meeting, calendar: panel.calendar, formats: output.format.components(separatedBy: ","),
                                                     resources: resources, into: try record.open(), issuedOn: date, issuedBy: WorkspaceOptions.person(by))
            for record in issued.records {
                Terminal.print("recorded the \(record.audience == "agency" ? "agencies' minutes" : "family's copy of \(record.caseID ?? "")") (\(record.id))")
            }
            try output.write(issued.files)
        } catch {
            throw CommandLineValues.fail(error)
        }
    }
}

/// `--workspace`, for the panel commands that read or write the record (their `--resources` is
/// the panel's own).
struct PanelWorkspaceOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The workspace folder (default: $ATTENDOC_WORKSPACE, else the current folder).", valueName: "folder"))
    var workspace: String?

    func open() throws(AttendocError) -> Workspace {
        try fromRecord { () throws(WorkspaceError) in try Workspace.open(at: WorkspaceLocation.find(explicit: workspace)) }
    }
}
