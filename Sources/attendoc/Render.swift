import ArgumentParser
import AttendocCasework
import AttendocDocuments
import AttendocIssuing
import AttendocPrograms
import AttendocRendering
import AttendocValues
import AttendocWorkspace
import Foundation

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render a kind of document for a case (or every document its history calls for), one copy per recipient, in each format.",
        discussion: """
        Every parent (section 576: a natural parent, or anyone with parental responsibility or care of the child) gets their own copy at their own address \
        (other carers too where the case's policy says so; nobody marked do-not-contact). \
        Minutes also get an agency copy. Files are written as OUT/<case reference>/<document>/<recipient>.<format> \
        (with --all, OUT/<case reference>/<date>-<document>/...). Nothing is written unless every file of \
        the run could be made: a failed run leaves the output folder as it was.

        Document kinds: \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")).
        """)

    @Argument(help: "The case file (YAML).", completion: .file(extensions: ["yaml", "yml"]))
    var caseFile: String

    @Option(name: .long, help: ArgumentHelp("The kind of document to render (see attendoc kinds).", valueName: "kind"))
    var document: String?

    @Flag(name: .long, help: "Render every document the case's history calls for: each letter in letters_issued on its own date, the minutes (and parenting contract) of each meeting, and each request to another service under referrals: (service:). Written to OUT/<case reference>/<date>-<kind>/.")
    var all = false

    @Option(name: .long, help: ArgumentHelp("Formats, comma-separated: html, txt, docx, pdf.", valueName: "formats"))
    var format: String = "html,txt,docx,pdf"

    @Option(name: .long, help: ArgumentHelp("The folder to write into.", valueName: "folder"))
    var out: String = "output"

    @Option(name: .long, help: ArgumentHelp("The date printed on the letters, YYYY-MM-DD (default: today, with a note naming any copy of the kind letters_issued records as sent: give its date to make that letter again).", valueName: "date"))
    var date: String?

    @Option(name: .long, help: ArgumentHelp("For an invitation: which meeting, by its place in the case file (meetings[2]); default: the next one on or after --date.", valueName: "meeting"))
    var meeting: String?

    @Option(name: .long, help: ArgumentHelp("For a document made from one record (an APDR, a review, a home visit): which, by its place in the case file (apdr[0], reviews[1], contacts[2]); default: the latest on or before --date.", valueName: "record"))
    var record: String?

    @Option(name: .customLong("override-deadline"), help: ArgumentHelp("Render even though a deadline the policy sets is passed, recording this reason in the run's output.", valueName: "reason"))
    var overrideDeadline: String?

    @Option(name: .long, help: ArgumentHelp("For a notice to improve or a penalty notice: how it will be sent (post, hand, email); its periods count from the day it is then deemed received (default: post).", valueName: "method"))
    var method: String?

    @Option(name: .long, help: ArgumentHelp("For a penalty notice or a notice to improve: the workspace whose record of penalty notices counts (default: $ATTENDOC_WORKSPACE, else the current folder if it holds one; without one, the case file's letters_issued).", valueName: "folder"))
    var workspace: String?

    @Option(name: .long, help: ArgumentHelp("The folder holding templates/, stylesheets/, schema/ and fop/ (default: found next to the program or above the current folder).", valueName: "folder"))
    var resources: String?

    func run() throws {
        do {
            let formats = try OutputFormat.list(format)
            let location = try CommandLineValues.resources(resources)
            if let method, !["post", "hand", "email"].contains(method) {
                throw AttendocError(.usage, "--method: expected one of post, hand, email")
            }
            var options = LetterOptions(meeting: meeting, deadlineOverrideReason: overrideDeadline, record: record, method: method)
            var jobs: [(kind: DocumentKind, date: CalendarDate, options: LetterOptions, folder: String?, calledForBy: String?)] = []
            let loaded: LoadedCase
            switch (document, all) {
            case (.some(let name), false):
                guard let kind = DocumentKind(rawValue: name) else {
                    throw AttendocError(.usage, "unknown document kind \"\(name)\"; the kinds are \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                let letterDate = try CommandLineValues.date(date, option: "--date")
                loaded = try LoadedCase.load(URL(fileURLWithPath: caseFile), resources: location)
                // The record's penalty notices, when there is a workspace, are the ones counted.
                let place = WorkspaceLocation.find(explicit: workspace)
                if [.penaltyNotice, .noticeToImprove].contains(kind), workspace != nil || FileManager.default.fileExists(atPath: place.database.path) {
                    let opened = try fromRecord { () throws(WorkspaceError) in try Workspace.open(at: place) }
                    options.penaltyNotices = try PenaltyNoticeRecord.history(of: loaded.attendanceCase, in: opened)
                }
                jobs = [(kind, letterDate, options, nil, nil)]
                if date == nil {
                    // Today is right for a letter about to be sent; a letter already sent is not made
                    // again by a copy dated today (its figures and promised dates would be today's).
                    var note = "no --date given: the \(kind.rawValue) is dated today, \(letterDate.iso), with the figures and dates as of today"
                    let sent = CaseHistory.recordedSendings(of: kind, in: loaded.attendanceCase)
                    if !sent.isEmpty {
                        note += "; letters_issued records it sent on \(sent.map { "\($0.date.iso) (\($0.casePath))" }.joined(separator: ", ")): to make that letter again give --date \(sent[sent.count - 1].date.iso) (the copy sent is in the workspace: attendoc history)"
                    }
                    Terminal.print("note: \(note)")
                }
            case (nil, true):
                guard date == nil, meeting == nil, record == nil else {
                    throw AttendocError(.usage, "--all renders each document on its own date and for its own meeting or record; leave out --date, --meeting and --record")
                }
                loaded = try LoadedCase.load(URL(fileURLWithPath: caseFile), resources: location)
                let planned = (CaseHistory.documents(in: loaded.attendanceCase) + CaseHistory.requestsToOtherServices(in: loaded.attendanceCase))
                    .sorted { ($0.date, $0.kind.rawValue) < ($1.date, $1.kind.rawValue) }
                guard !planned.isEmpty else {
                    throw AttendocError(.usage, "the case's history (letters_issued, meetings, referrals with a service:) calls for no document Attendoc makes")
                }
                jobs = planned.map { ($0.kind, $0.date, LetterOptions(meeting: $0.meeting, deadlineOverrideReason: overrideDeadline, record: $0.record),
                                      $0.folder(in: loaded.attendanceCase), $0.calledForBy) }
            default:
                throw AttendocError(.usage, "give either --document KIND or --all")
            }
            let run = try LetterRun(resources: location)
            let writer = try DocumentWriter(resources: location, formats: formats)
            let fop = formats.contains(.pdf) ? try PDFTypesetter(configuration: location.fopConfiguration) : nil
            var letters: [LetterRun.Letter] = []
            for job in jobs {
                do {
                    letters += try run.letters(job.kind, for: loaded, dated: job.date, options: job.options, folder: job.folder)
                } catch {
                    guard let calledForBy = job.calledForBy else { throw error }
                    throw AttendocError(while: "the \(job.kind.title.lowercased()) of \(job.date.longForm), which \(calledForBy) calls for", error)
                }
            }
            let written = try writer.write(letters.map(\.document), formats: formats, to: URL(fileURLWithPath: out), fop: fop)
            for note in run.notes(for: loaded, letters: letters, options: options) {
                Terminal.print("note: \(note)")
            }
            let base = FileManager.default.currentDirectoryPath + "/"
            for file in written {
                Terminal.print("wrote \(file.path.hasPrefix(base) ? String(file.path.dropFirst(base.count)) : file.path)")
            }
        } catch let error as AttendocError {
            throw CommandLineValues.fail(error)
        }
    }
}
