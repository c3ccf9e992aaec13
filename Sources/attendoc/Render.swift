import AttendocCore
import ArgumentParser
import Foundation

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render one kind of document for a case, one copy per recipient, in each format.",
        discussion: """
        Every parent or carer with parental responsibility gets their own copy at their own address. \
        Files are written as OUT/<case reference>/<document>/<recipient>.<format>. Nothing is written \
        unless every file of the run could be made: a failed run leaves the output folder as it was.

        Document kinds: \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")).
        """)

    @Argument(help: "The case file (YAML).", completion: .file(extensions: ["yaml", "yml"]))
    var caseFile: String

    @Option(name: .long, help: ArgumentHelp("The kind of document to render.", valueName: "kind"))
    var document: String

    @Option(name: .long, help: ArgumentHelp("Formats, comma-separated: html, txt, docx, pdf.", valueName: "formats"))
    var format: String = "html,txt,docx,pdf"

    @Option(name: .long, help: ArgumentHelp("The folder to write into.", valueName: "folder"))
    var out: String = "output"

    @Option(name: .long, help: ArgumentHelp("The date printed on the letters, YYYY-MM-DD (default: today).", valueName: "date"))
    var date: String?

    @Option(name: .long, help: ArgumentHelp("For an invitation: which meeting, by its place in the case file (meetings[2]); default: the next one on or after --date.", valueName: "meeting"))
    var meeting: String?

    @Option(name: .customLong("override-deadline"), help: ArgumentHelp("Render even though a deadline the policy sets is passed, recording this reason in the run's output.", valueName: "reason"))
    var overrideDeadline: String?

    @Option(name: .long, help: ArgumentHelp("The folder holding templates/, stylesheets/, schema/ and fop/ (default: found next to the program or above the current folder).", valueName: "folder"))
    var resources: String?

    func run() throws {
        do {
            guard let kind = DocumentKind(rawValue: document) else {
                throw AttendocError("unknown document kind \"\(document)\"; the kinds are \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let formats = try OutputFormat.list(format)
            let letterDate: CalendarDate
            if let date {
                guard let parsed = CalendarDate(iso: date) else {
                    throw AttendocError("--date \"\(date)\" is not a date written YYYY-MM-DD")
                }
                letterDate = parsed
            } else {
                letterDate = CalendarDate.today()
            }
            let location = try AttendocResources.locate(explicit: resources.map { URL(fileURLWithPath: $0) })
            let loaded = try LoadedCase.load(URL(fileURLWithPath: caseFile), resources: location)
            let run = try LetterRun(resources: location, formats: formats)
            let fop = formats.contains(.pdf) ? try PDFTypesetter(configuration: location.fopConfiguration) : nil
            let letters = try run.letters(kind, for: loaded, dated: letterDate,
                                          options: LetterOptions(meeting: meeting, deadlineOverrideReason: overrideDeadline))
            let written = try run.write(letters, formats: formats, dated: letterDate,
                                        to: URL(fileURLWithPath: out), fop: fop)
            for note in run.notes(for: loaded, options: LetterOptions(meeting: meeting, deadlineOverrideReason: overrideDeadline)) {
                print("note: \(note)")
            }
            let base = FileManager.default.currentDirectoryPath + "/"
            for file in written {
                print("wrote \(file.path.hasPrefix(base) ? String(file.path.dropFirst(base.count)) : file.path)")
            }
        } catch let error as AttendocError {
            FileHandle.standardError.write(Data("attendoc: error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
