import ArgumentParser
import AttendocCasework
import AttendocDocuments
import AttendocIssuing
import AttendocPanel
import AttendocPolicy
import AttendocPrograms
import AttendocRendering
import AttendocValues
import AttendocWorkspace
import Foundation

struct IssueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Issue a document: render each recipient's copy and record it, with the exact files, as sent.",
        discussion: """
        The case must be in the workspace (attendoc case add). Each recipient's copy is rendered (a \
        letter to the GP, a referral to the local authority or a home visit record has one copy, \
        recorded as going to the GP practice, the attendance team or the school's file), and \
        the files, who sent them, how and when, the day each is deemed served (from the policy's \
        issuing: section), the template and policy versions and the figures quoted are recorded in one \
        transaction with the archived bytes: all of it or, on any failure or interruption, none. \
        The same kind to the same person again inside the policy's window is refused unless \
        --reissue gives the reason, which is recorded.
        """)

    @Argument(help: "The case reference.")
    var reference: String

    @Option(name: .long, help: ArgumentHelp("The kind of document (see attendoc kinds).", valueName: "kind"))
    var document: String

    @Option(name: .long, help: ArgumentHelp("One recipient, by id or case-file place (parents[1]); default: every recipient (a letter to the GP, a referral or a home visit record: its one copy).", valueName: "person"))
    var to: String?

    @Option(name: .long, help: ArgumentHelp("How it is sent: post, hand or email; file for a record kept on the school's file (a home visit record).", valueName: "method"))
    var method: String

    @Option(name: .long, help: ArgumentHelp("The day it is sent, and printed on it, YYYY-MM-DD (default: today).", valueName: "date"))
    var date: String?

    @Option(name: .long, help: ArgumentHelp("Who is issuing it (default: the login name).", valueName: "name"))
    var by: String?

    @Option(name: .long, help: ArgumentHelp("Issue again inside the policy's window, for this reason (recorded).", valueName: "reason"))
    var reissue: String?

    @Option(name: .long, help: ArgumentHelp("Formats to archive, comma-separated: pdf, html, txt, docx.", valueName: "formats"))
    var format: String = "pdf"

    @Option(name: .long, help: ArgumentHelp("For an invitation or a letter about a meeting: which meeting (meetings[2]).", valueName: "meeting"))
    var meeting: String?

    @Option(name: .long, help: ArgumentHelp("For a document made from one record (an APDR, a review, a home visit): which, by its place in the case file (reviews[1]).", valueName: "record"))
    var record: String?

    @Option(name: .customLong("override-deadline"), help: ArgumentHelp("Issue although a deadline the policy sets is passed, for this reason.", valueName: "reason"))
    var overrideDeadline: String?

    @OptionGroup var options: WorkspaceOptions

    func run() throws {
        do {
            guard let kind = DocumentKind(rawValue: document) else {
                throw AttendocError(.usage, "--document: unknown document kind \"\(document)\"; the kinds are \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let serviceMethod = ServiceMethod(rawValue: method) else {
                throw AttendocError(.usage, "--method: expected one of \(ServiceMethod.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let resources = try CommandLineValues.resources(options.resources)
            let workspace = try options.open()
            let request = try DocumentIssue.Request(
                reference: reference, kind: kind, recipient: to, method: serviceMethod,
                date: try CommandLineValues.date(date, option: "--date"), issuedBy: WorkspaceOptions.person(by),
                reissueReason: reissue, formatNames: format, meeting: meeting, record: record, deadlineOverrideReason: overrideDeadline)
            let issued = try DocumentIssue(workspace: workspace, resources: resources).issue(request)
            for record in issued {
                let served = record.deemedServedOn.map { ", deemed served \($0)" } ?? ""
                Terminal.print("issued \(record.kind) to \(record.recipientPath) by \(record.method) on \(record.sentOn)\(served)")
                for file in record.files {
                    Terminal.print("  archive/\(file.archivePath)  sha256 \(file.sha256)")
                }
            }
        } catch let error as AttendocError {
            throw CommandLineValues.fail(error)
        }
    }
}

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "What the record shows was sent for a case: to whom, when, how, by whom, with the figures quoted.")

    @Argument(help: "The case reference.")
    var reference: String

    @OptionGroup var options: WorkspaceOptions

    func run() throws {
        do {
            let workspace = try options.open()
            _ = try fromRecord { () throws(WorkspaceError) in try workspace.recordedCase(reference) }
            let issued = try fromRecord { () throws(WorkspaceError) in try workspace.issuedDocuments(for: reference) }
            if issued.isEmpty { Terminal.print("\(reference): nothing issued yet") }
            let resources = try CommandLineValues.resources(options.resources)
            let changed = Dictionary(uniqueKeysWithValues: try DueList(workspace: workspace, resources: resources).outOfDate(reference)
                .map { ($0.document.id, $0) })
            for record in issued {
                var line = "\(record.sentOn)  \(record.kind)  to \(record.recipientPath)  by \(record.method)"
                if let served = record.deemedServedOn { line += "  deemed served \(served)" }
                line += "  issued by \(Terminal.visible(record.issuedBy))"
                Terminal.print(line)
                if !record.archived { Terminal.print("  recorded without an archived copy (\(record.source))") }
                if let reason = record.reissueReason { Terminal.print("  reissued: \(Terminal.visible(reason))") }
                if let figures = record.figuresJSON { Terminal.print("  figures quoted: \(figures)") }
                if let now = changed[record.id] { Terminal.print("  OUT OF DATE: the register now gives \(now.now) for the same period") }
                for file in record.files { Terminal.print("  archive/\(file.archivePath)  sha256 \(file.sha256)") }
            }
        } catch {
            throw CommandLineValues.fail(error)
        }
    }
}

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "A consistent copy of the workspace, made while it may be in use.",
        discussion: "Writes FILE (the database, through SQLite's backup API), FILE.archive/ (the archived files its rows name) and FILE.panel/ (the panel's papers: referrals, minutes, the order of slots). To restore, put them back as attendoc.sqlite, archive/ and panel/.")

    @Argument(help: "The new backup file.")
    var file: String

    @OptionGroup var options: WorkspaceOptions

    func run() throws {
        do {
            let workspace = try options.open()
            try fromRecord { () throws(WorkspaceError) in
                try workspace.backup(to: URL(fileURLWithPath: file))
            }
            Terminal.print("backed up the workspace to \(file), \(file).archive/ and \(file).panel/")
        } catch {
            throw CommandLineValues.fail(error)
        }
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "The whole record as JSON: cases and their versions, register imports, every document issued.")

    @Option(name: .long, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var out: String?

    @OptionGroup var options: WorkspaceOptions

    func run() throws {
        do {
            let workspace = try options.open()
            let json = try fromRecord { () throws(WorkspaceError) in try workspace.exportJSON() }
            if let out {
                do {
                    try json.write(to: URL(fileURLWithPath: out), options: .atomic)
                } catch {
                    throw AttendocError(.output, "\(out): cannot be written; check the folder exists and is writable")
                }
            } else {
                FileHandle.standardOutput.write(json)
                FileHandle.standardOutput.write(Data("\n".utf8))
            }
        } catch let error as AttendocError {
            throw CommandLineValues.fail(error)
        }
    }
}

struct DueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "What is due or overdue in the workspace's cases, soonest first.",
        discussion: """
        Meeting reviews, the interview deadline after a referral, target reviews, a notice or \
        warning the unauthorised-absence threshold calls for, sessions still marked N past the \
        policy's limit, and documents whose quoted figures the register now contradicts. Each line \
        gives the due date, the school days left (negative when overdue), the case and the UPN.
        """)

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day to count from, YYYY-MM-DD (default: today).", valueName: "date"))
    var asOf: String?

    @Option(name: .long, help: ArgumentHelp("Only the cases of the school with this URN.", valueName: "urn"))
    var school: String?

    @OptionGroup var options: WorkspaceOptions

    func run() throws {
        do {
            let workspace = try options.open()
            let resources = try CommandLineValues.resources(options.resources)
            let date = try CommandLineValues.date(asOf, option: "--as-of")
            var lines: [(due: CalendarDate, line: String)] = []
            for item in try DueList(workspace: workspace, resources: resources).items(asOf: date, school: school) {
                let left = SchoolCalendar.daysLeftInWords(item.schoolDaysLeft)
                let who = [item.reference, item.upn.map { "UPN \($0)" }].compactMap { $0 }.joined(separator: ", ")
                lines.append((item.due, "\(item.due.iso)  \(left)  \(who): \(item.what)"))
            }
            // The panel's reviews, when the record holds panel cases, under the panel's own policy.
            let panelCases = try fromRecord { () throws(WorkspaceError) in try workspace.panelCases() }.filter { school == nil || $0.schoolURN == school }
            if !panelCases.isEmpty {
                let panel = try PanelPolicy.read(resources: resources)
                let reviews = try fromRecord { () throws(WorkspaceError) in try workspace.panelReviews() }
                let items = PanelReviewsDue.items(cases: panelCases, reviews: reviews, asOf: date, calendar: panel.policy.calendar)
                lines += zip(items, PanelReviewsDue.lines(items)).map { ($0.due, $1) }
            }
            if lines.isEmpty { Terminal.print("nothing due as of \(date.iso)") }
            // Soonest first; a stable sort keeps each list's own order on the same day.
            for entry in lines.enumerated().sorted(by: { ($0.element.due, $0.offset) < ($1.element.due, $1.offset) }) {
                Terminal.print(entry.element.line)
            }
        } catch {
            throw CommandLineValues.fail(error)
        }
    }
}

struct CertificateOfServiceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certificate-of-service",
        abstract: "Certificates of service for a case's recorded issues: who, what, how, when sent, when deemed served.",
        discussion: "Made from the workspace's record of each issue (attendoc issue), one per recipient's copy, into OUT/<case reference>/certificates-of-service/.")

    @Argument(help: "The case reference.")
    var reference: String

    @Option(name: .long, help: ArgumentHelp("Only issues of this kind of document.", valueName: "kind"))
    var document: String?

    @Option(name: .long, help: ArgumentHelp("Only issues to this recipient, by id or case-file place.", valueName: "person"))
    var to: String?

    @Option(name: .long, help: ArgumentHelp("Formats, comma-separated: html, txt, docx, pdf.", valueName: "formats"))
    var format: String = "pdf"

    @Option(name: .long, help: ArgumentHelp("The folder to write into.", valueName: "folder"))
    var out: String = "output"

    @OptionGroup var options: WorkspaceOptions

    func run() throws {
        do {
            let workspace = try options.open()
            let resources = try CommandLineValues.resources(options.resources)
            let formats = try OutputFormat.list(format)
            let recorded = try fromRecord { () throws(WorkspaceError) in try workspace.recordedCase(reference) }
            // Served on a parent only: the one copy of a letter to the GP, a referral or a record for
            // the school's file is not a service on anyone the case may be brought against.
            let issued = try fromRecord { () throws(WorkspaceError) in try workspace.issuedDocuments(for: reference) }.filter {
                (document == nil || $0.kind == document) && (to == nil || $0.recipientID == to || $0.recipientPath == to)
                    && DocumentKind(rawValue: $0.kind)?.singleCopyAddressee == nil
            }
            guard !issued.isEmpty else { throw AttendocError(.usage, "the record holds no issue of \(reference) to a parent that matches; see attendoc history \(reference)") }
            let attendanceCase = try LoadedCase.load(URL(fileURLWithPath: recorded.sourcePath), resources: resources).attendanceCase
            var documents: [RenderableDocument] = []
            for record in issued {
                documents.append(try CertificateOfService.document(for: record, in: attendanceCase, resources: resources))
            }
            let fop = formats.contains(.pdf) ? try PDFTypesetter(configuration: resources.fopConfiguration) : nil
            let written = try DocumentWriter(resources: resources, formats: formats).write(documents, formats: formats, to: URL(fileURLWithPath: out), fop: fop)
            for file in written { Terminal.print("wrote \(file.path)") }
        } catch let error as AttendocError {
            throw CommandLineValues.fail(error)
        }
    }
}
