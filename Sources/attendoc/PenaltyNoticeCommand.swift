import ArgumentParser
import AttendocCasework
import AttendocIssuing
import AttendocValues
import AttendocWorkspace
import Foundation

/// `attendoc penalty-notice`: what the record holds of a case's penalty notices, and what happened
/// to each once issued (`attendoc issue REF --document penalty-notice` issues them).
struct PenaltyNoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "penalty-notice",
        abstract: "List a case's penalty notices, record a payment, a notice not paid or a withdrawal, or record that a penalty notice was considered.",
        discussion: """
        Penalty notices are issued with attendoc issue REF --document penalty-notice (one for each \
        parent; the record counts each parent's notices for the child over the policy's rolling \
        period and refuses one over the limit). A paid notice bars prosecution papers for its period \
        (check --for prosecution, bundle); an unpaid one may be followed by a prosecution or withdrawn.
        """,
        subcommands: [List.self, RecordPayment.self, RecordUnpaid.self, Withdraw.self, Consider.self])

    /// Which notice: the recipient, and the day it was issued when there are several.
    struct Which: ParsableArguments {
        @Argument(help: "The case reference.")
        var reference: String

        @Option(name: .long, help: ArgumentHelp("The parent it was issued to, by id or case-file place (parents[1]).", valueName: "person"))
        var to: String

        @Option(name: .customLong("issued-on"), help: ArgumentHelp("The day the notice was issued, YYYY-MM-DD (default: the latest to that parent).", valueName: "date"))
        var issuedOn: String?

        func notice(in workspace: Workspace) throws(AttendocError) -> RecordedPenaltyNoticeEntry {
            let day = try issuedOn.map { (text) throws(AttendocError) in try CommandLineValues.date(text, option: "--issued-on") }
            return try PenaltyNoticeRecord.notice(of: reference, to: to, issuedOn: day, in: workspace)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The penalty notices the record holds for a case's pupil, with what happened to each.")

        @Argument(help: "The case reference.")
        var reference: String

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            do {
                let workspace = try options.open()
                let recorded = try fromRecord { () throws(WorkspaceError) in try workspace.recordedCase(reference) }
                let resources = try CommandLineValues.resources(options.resources)
                let loaded = try LoadedCase.load(URL(fileURLWithPath: recorded.sourcePath), resources: resources)
                let history = try PenaltyNoticeRecord.history(of: loaded.attendanceCase, in: workspace)
                if history.notices.isEmpty { Terminal.print("\(reference): no penalty notice recorded") }
                for notice in history.notices {
                    var line = "\(notice.issuedOn.iso)  to \(notice.recipientID) (\(notice.recipientPath))"
                    if notice.reference != reference { line += "  in case \(notice.reference)" }
                    if let terms = notice.terms {
                        line += "  notice \(terms.number): £\(terms.amount)\(terms.reducedAmount.map { ", £\($0) by \(terms.reducedByGiven?.iso ?? "")" } ?? "") by \(terms.payByGiven.iso)"
                        line += "  for \(terms.periodFrom.iso) to \(terms.periodTo.iso) (\(terms.unauthorisedSessions) unauthorised sessions)"
                    }
                    Terminal.print(line)
                    Terminal.print("  \(notice.status)\(notice.issueID.map { "  (id \($0))" } ?? "")")
                }
                for consideration in try fromRecord({ () throws(WorkspaceError) in try workspace.penaltyNoticeConsiderations(reference) }) {
                    Terminal.print("considered on \(consideration.consideredOn.iso) (threshold met on \(consideration.thresholdMetOn.iso)): \(consideration.decision), by \(Terminal.visible(consideration.recordedBy))")
                }
            } catch {
                throw CommandLineValues.fail(error)
            }
        }
    }

    struct RecordPayment: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record-payment",
            abstract: "Record that a penalty notice was paid: the day and the amount (the reduced amount only within its days).")

        @OptionGroup var which: Which

        @Option(name: .customLong("paid-on"), help: ArgumentHelp("The day it was paid, YYYY-MM-DD.", valueName: "date"))
        var paidOn: String

        @Option(name: .long, help: ArgumentHelp("The amount paid, in whole pounds (80, 160).", valueName: "pounds"))
        var amount: Int

        @Option(name: .long, help: ArgumentHelp("Who is recording it (default: the login name).", valueName: "name"))
        var by: String?

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            do {
                let workspace = try options.open()
                let entry = try which.notice(in: workspace)
                let day = try CommandLineValues.date(paidOn, option: "--paid-on")
                try PenaltyNoticeRecord.recordPayment(of: entry, paidOn: day, amount: amount, by: WorkspaceOptions.person(by), in: workspace)
                Terminal.print("recorded: the penalty notice to \(entry.document.recipientPath) of \(entry.document.sentOn) paid £\(amount) on \(day.iso); no prosecution papers are made for its period")
            } catch {
                throw CommandLineValues.fail(error)
            }
        }
    }

    struct RecordUnpaid: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record-unpaid",
            abstract: "Record that a penalty notice was not paid in full by the end of its payment period.")

        @OptionGroup var which: Which

        @Option(name: .long, help: ArgumentHelp("The day it is recorded, YYYY-MM-DD (after the payment period; default: today).", valueName: "date"))
        var on: String?

        @Option(name: .long, help: ArgumentHelp("Who is recording it (default: the login name).", valueName: "name"))
        var by: String?

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            do {
                let workspace = try options.open()
                let entry = try which.notice(in: workspace)
                let day = try CommandLineValues.date(on, option: "--on")
                try PenaltyNoticeRecord.recordUnpaid(entry, on: day, by: WorkspaceOptions.person(by), in: workspace)
                Terminal.print("recorded: the penalty notice to \(entry.document.recipientPath) of \(entry.document.sentOn) not paid; decide whether to prosecute (attendoc check --for prosecution) or withdraw it")
            } catch {
                throw CommandLineValues.fail(error)
            }
        }
    }

    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that a penalty notice was withdrawn, and why (it no longer counts towards the limit).")

        @OptionGroup var which: Which

        @Option(name: .long, help: ArgumentHelp("Why: it should not have been issued, was issued to the wrong person, or has a material error.", valueName: "reason"))
        var reason: String

        @Option(name: .long, help: ArgumentHelp("The day it was withdrawn, YYYY-MM-DD (default: today).", valueName: "date"))
        var on: String?

        @Option(name: .long, help: ArgumentHelp("Who is recording it (default: the login name).", valueName: "name"))
        var by: String?

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            do {
                let workspace = try options.open()
                let entry = try which.notice(in: workspace)
                let day = try CommandLineValues.date(on, option: "--on")
                try PenaltyNoticeRecord.withdraw(entry, on: day, reason: reason, by: WorkspaceOptions.person(by), in: workspace)
                Terminal.print("recorded: the penalty notice to \(entry.document.recipientPath) of \(entry.document.sentOn) withdrawn on \(day.iso)")
            } catch {
                throw CommandLineValues.fail(error)
            }
        }
    }

    struct Consider: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that a penalty notice was considered once the unauthorised-absence threshold was met, with the decision and why (attendoc due asks for it).")

        @Argument(help: "The case reference.")
        var reference: String

        @Option(name: .long, help: ArgumentHelp("The decision: penalty_notice, notice_to_improve, not_appropriate or other_route.", valueName: "decision"))
        var decision: String

        @Option(name: .long, help: ArgumentHelp("Why.", valueName: "reason"))
        var reason: String

        @Option(name: .long, help: ArgumentHelp("The day it was considered, YYYY-MM-DD (default: today).", valueName: "date"))
        var on: String?

        @Option(name: .long, help: ArgumentHelp("Who considered it (default: the login name).", valueName: "name"))
        var by: String?

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            do {
                let workspace = try options.open()
                let resources = try CommandLineValues.resources(options.resources)
                let recorded = try fromRecord { () throws(WorkspaceError) in try workspace.recordedCase(reference) }
                let loaded = try LoadedCase.load(URL(fileURLWithPath: recorded.sourcePath), resources: resources)
                let day = try CommandLineValues.date(on, option: "--on")
                try PenaltyNoticeRecord.recordConsideration(of: loaded, on: day, decision: decision, reason: reason, by: WorkspaceOptions.person(by), in: workspace)
                Terminal.print("recorded: a penalty notice considered for \(reference) on \(day.iso): \(decision)")
            } catch {
                throw CommandLineValues.fail(error)
            }
        }
    }
}
