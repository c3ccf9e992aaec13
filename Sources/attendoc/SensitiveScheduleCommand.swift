import ArgumentParser
import AttendocBundle
import AttendocCasework
import AttendocPrograms
import AttendocRendering
import AttendocValues
import Foundation

/// `attendoc sensitive-schedule`: the schedule of sensitive unused material (MG6D) for the
/// prosecutor only, written apart from every served paper.
struct SensitiveScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitive-schedule",
        abstract: "Make the schedule of sensitive unused material (in the shape of an MG6D) for the prosecutor only.",
        discussion: """
        Writes OUT/prosecutor-only/<case reference>/sensitive-material-schedule in each format, \
        apart from the papers served on the defendants (OUT/<case reference>/). It lists the \
        case's unused_material with decision: sensitive and every safeguarding referral \
        (service: safeguarding), which no served paper shows; with none, it says there is no \
        sensitive material. Never serve it, nor give it to the family (docs/evidence-bundle.md).
        """)

    @Argument(help: "The case file (YAML).", completion: .file(extensions: ["yaml", "yml"]))
    var caseFile: String

    @Option(name: .long, help: ArgumentHelp("The output folder.", valueName: "folder"))
    var out: String = "output"

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The schedule's date (default: today).", valueName: "date"))
    var asOf: String?

    @Option(name: .long, help: ArgumentHelp("Formats, comma-separated: html, txt, docx, pdf.", valueName: "formats"))
    var format: String = "pdf"

    @Option(name: .long, help: ArgumentHelp("The folder holding Attendoc's templates/, stylesheets/, schema/, policies/, fop/ and data/.", valueName: "folder"))
    var resources: String?

    func run() throws {
        do throws(AttendocError) {
            let date = try CommandLineValues.date(asOf, option: "--as-of")
            let location = try CommandLineValues.resources(resources)
            let formats = try OutputFormat.list(format)
            let loaded = try LoadedCase.load(URL(fileURLWithPath: caseFile), resources: location)
            let document = try SensitiveMaterialSchedule.document(for: loaded, asOf: date, resources: location)
            let fop = formats.contains(.pdf) ? try PDFTypesetter(configuration: location.fopConfiguration) : nil
            let written = try DocumentWriter(resources: location, formats: formats).write([document], formats: formats, to: URL(fileURLWithPath: out), fop: fop)
            for file in written { Terminal.print("wrote \(file.path) (for the prosecutor only: never served)") }
        } catch {
            throw CommandLineValues.fail(error)
        }
    }
}
