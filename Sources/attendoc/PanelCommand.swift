import ArgumentParser
import AttendocPanel
import AttendocValues
import Foundation

/// `attendoc panel …`: the multi-agency attendance panel clerk's commands (docs/panel.md).
struct PanelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "panel",
        abstract: "The multi-agency attendance panel: its dates and reviews, the intake of referrals.",
        subcommands: [PanelDatesCommand.self, PanelIntakeCommand.self])
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

    @Argument(help: "The panel's date, YYYY-MM-DD (one of attendoc panel dates).")
    var panelDate: String

    @Argument(help: "The referral files.")
    var referrals: [String]

    @Option(name: .long, help: ArgumentHelp("The clerk's order of slots: referral references, comma-separated.", valueName: "references"))
    var order: String?

    @OptionGroup var options: PanelOptions

    func run() throws {
        do throws(AttendocError) {
            let panel = try options.read()
            guard let date = CalendarDate(iso: panelDate) else {
                throw AttendocError(.usage, "PANEL-DATE is not a date written YYYY-MM-DD")
            }
            let meeting = try panel.calendar.panel(on: date)
            var read: [PanelReferral] = []
            for file in referrals {
                var referral = try PanelReferralReader.read(contentsOf: URL(fileURLWithPath: file))
                referral.file = file
                read.append(referral)
            }
            let clerkOrder = order.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
            let intake = try PanelIntake.take(read, for: meeting, calendar: panel.calendar, order: clerkOrder)
            for line in PanelIntakeListing.lines(intake) { Terminal.print(line) }
        } catch {
            throw CommandLineValues.fail(error)
        }
    }
}
