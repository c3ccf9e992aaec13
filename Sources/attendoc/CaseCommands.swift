import ArgumentParser
import AttendocIssuing
import AttendocValues
import AttendocWorkspace
import Foundation

struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Add a case file to the workspace, or show the record of its changes.",
        subcommands: [Add.self, Log.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a case file (or its new version) in the workspace.",
            discussion: """
            The case file is read and checked as every command reads it, then kept in the workspace \
            exactly as written, with when and by whom; a later add of a changed file records a new \
            version. Letters its letters_issued lists are recorded as issued without an archived copy.
            """)

        @Argument(help: "The case file (YAML).", completion: .file(extensions: ["yaml", "yml"]))
        var caseFile: String

        @Option(name: .long, help: ArgumentHelp("Who is recording it (default: the login name).", valueName: "name"))
        var by: String?

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            do {
                let workspace = try options.open()
                let resources = try CommandLineValues.resources(options.resources)
                let result = try CaseIntake.add(URL(fileURLWithPath: caseFile), to: workspace, resources: resources,
                                                by: WorkspaceOptions.person(by))
                if let version = result.recording.newVersion {
                    Terminal.print("recorded \(result.reference), version \(version)")
                } else {
                    Terminal.print("\(result.reference) is unchanged since version \(result.recording.currentVersion)")
                }
                if result.recording.earlierIssuesRecorded > 0 {
                    Terminal.print("recorded \(result.recording.earlierIssuesRecorded) earlier issue(s) from letters_issued, without archived copies")
                }
            } catch {
                throw CommandLineValues.fail(error)
            }
        }
    }

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every recorded version of a case: when, by whom, what changed.")

        @Argument(help: "The case reference.")
        var reference: String

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            do {
                let workspace = try options.open()
                let versions = try fromRecord { () throws(WorkspaceError) in try workspace.versions(of: reference) }
                for version in versions {
                    Terminal.print("version \(version.version)  \(version.recordedAt)  by \(Terminal.visible(version.recordedBy))  \(version.change)  sha256 \(version.sha256.prefix(12))")
                }
            } catch {
                throw CommandLineValues.fail(error)
            }
        }
    }
}

struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Import a school's register export into the workspace, keeping every mark's history.",
        subcommands: [Import.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a register export (CSV or DfE CTF).",
            discussion: """
            The whole file is read and checked first; then it is recorded with its SHA-256, date and \
            counts, and its marks merged into the record's: a mark that changed since an earlier import \
            is replaced and the change kept (old mark, new mark, the import that changed it).
            """)

        @Argument(help: "The register export (.csv or .xml).")
        var file: String

        @Option(name: .long, help: ArgumentHelp("The URN of the school the export came from (6 digits), recorded with the pupils it held.", valueName: "URN"))
        var school: String?

        @Option(name: .long, help: ArgumentHelp("Who is importing it (default: the login name).", valueName: "name"))
        var by: String?

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            do {
                let workspace = try options.open()
                let resources = try CommandLineValues.resources(options.resources)
                let record = try RegisterIntake.importRegister(URL(fileURLWithPath: file), into: workspace, resources: resources,
                                                               by: WorkspaceOptions.person(by), school: school)
                Terminal.print("imported \(record.fileName) (import \(record.id)): \(record.pupils) pupils, \(record.marks) marks, \(record.newMarks) new, \(record.changedMarks) changed")
            } catch {
                throw CommandLineValues.fail(error)
            }
        }
    }
}
