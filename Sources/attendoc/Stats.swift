import ArgumentParser
import AttendocCasework
import AttendocEngine
import AttendocPolicy
import AttendocRegister
import AttendocValues
import Foundation

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Attendance figures for a case's pupil, or for every pupil in a register export.",
        discussion: """
        Figures run from 1 August (the start of the academic year), or the pupil's first day on the \
        register, to --as-of. With a case file, the case's register and policy are used. With \
        --register, every pupil in a school's export (CSV or DfE Common Transfer File) is listed, \
        persistent absentees first. --json prints the fields documented in docs/stats.md.
        """)

    @Argument(help: "A case file (YAML). Leave out when giving --register.", completion: .file(extensions: ["yaml", "yml"]))
    var caseFile: String?

    @Option(name: .long, help: ArgumentHelp("A register export: .csv (upn,date,am,pm) or a DfE Common Transfer File (.xml).", valueName: "file"))
    var register: String?

    @Option(name: .long, help: ArgumentHelp("The policy for thresholds and tiers with --register (a name in policies/).", valueName: "name"))
    var policy: String = "attendance-tiers"

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The date the figures run to, YYYY-MM-DD (default: today).", valueName: "date"))
    var asOf: String?

    @Flag(name: .long, help: "Print JSON for scripts instead of a table.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("The folder holding templates/, stylesheets/, schema/, policies/ and data/.", valueName: "folder"))
    var resources: String?

    func run() throws {
        do {
            let date = try CommandLineValues.date(asOf, option: "--as-of")
            let location = try CommandLineValues.resources(resources)
            let report: StatsReport
            switch (caseFile, register) {
            case (nil, nil), (.some, .some):
                throw AttendocError(.usage, "give either a case file or --register FILE (not both)")
            case (.some(let caseFile), nil):
                let loaded = try LoadedCase.load(URL(fileURLWithPath: caseFile), resources: location)
                report = try loaded.statsReport(asOf: date)
            case (nil, .some(let register)):
                let codes = try AttendanceCodeTable(resources: location)
                let imported = try RegisterImport.read(URL(fileURLWithPath: register), codes: codes)
                CommandLineValues.report(warnings: imported.warnings)
                let chosen: Policy
                do { chosen = try PolicyReader.read(named: policy, in: location.policies) } catch { throw AttendocError(error, kind: .policy) }
                report = StatsReport(register: imported, policy: chosen, asOf: date)
            }
            Terminal.print(json ? report.json : report.table, terminator: "")
        } catch let error as AttendocError {
            throw CommandLineValues.fail(error)
        }
    }
}
