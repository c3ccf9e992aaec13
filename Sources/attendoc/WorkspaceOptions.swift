import ArgumentParser
import AttendocIssuing
import AttendocValues
import AttendocWorkspace
import Foundation

/// The options every workspace command shares: which workspace, and who is acting.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The workspace folder (default: $ATTENDOC_WORKSPACE, else the current folder).", valueName: "folder"))
    var workspace: String?

    @Option(name: .long, help: ArgumentHelp("The folder holding templates/, stylesheets/, schema/ and policies/ (default: found next to the program).", valueName: "folder"))
    var resources: String?

    var location: WorkspaceLocation { WorkspaceLocation.find(explicit: workspace) }

    func open() throws(AttendocError) -> Workspace {
        try fromRecord { () throws(WorkspaceError) in try Workspace.open(at: location) }
    }

    /// Who is acting: `--by`, else the login name.
    static func person(_ given: String?) -> String {
        if let given, !given.trimmingCharacters(in: .whitespaces).isEmpty { return given }
        return ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? ProcessInfo.processInfo.userName
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make a workspace: the record of cases, register imports and every document issued.",
        discussion: """
        Creates FOLDER/attendoc.sqlite (an embedded SQLite database; no server to run) and \
        FOLDER/archive/ (the exact files of every document issued), readable by their owner only. \
        Other commands find the workspace from --workspace, $ATTENDOC_WORKSPACE or the current folder.
        """)

    @Argument(help: "The folder to make the workspace in (default: the current folder).")
    var folder: String?

    func run() throws {
        do {
            let location = WorkspaceLocation(folder: URL(fileURLWithPath: folder ?? FileManager.default.currentDirectoryPath))
            try fromRecord { () throws(WorkspaceError) in
                _ = try Workspace.create(at: location)
            }
            Terminal.print("made the workspace \(location.folder.path)")
        } catch {
            throw CommandLineValues.fail(error)
        }
    }
}
