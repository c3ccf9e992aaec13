import ArgumentParser
import AttendocCasework
import AttendocRegister
import AttendocValues
import Foundation

struct Contacts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a pupil's contacts from a Common Transfer File as a case file's parents: section.",
        discussion: "Check each entry before pasting it into the case file (docs/case-file.md).")

    @Argument(help: "A DfE Common Transfer File (.xml).", completion: .file(extensions: ["xml"]))
    var file: String

    @Option(name: .long, help: ArgumentHelp("The pupil's unique pupil number.", valueName: "upn"))
    var upn: String

    @Option(name: .long, help: ArgumentHelp("The folder holding Attendoc's data/ and policies/.", valueName: "folder"))
    var resources: String?

    func run() throws {
        do {
            let location = try CommandLineValues.resources(resources)
            let register: Register
            do {
                register = try CTFReader.read(contentsOf: URL(fileURLWithPath: file), codes: try AttendanceCodeTable(resources: location))
            } catch let error as RegisterError {
                throw error.attendocError
            }
            guard let pupil = register.pupil(upn: upn) else {
                throw AttendocError(.register, "\(file): no pupil with UPN \(upn) (the file has \(register.pupils.count) pupils)")
            }
            Terminal.print(ContactsAsParents.yaml(for: pupil), terminator: "")
        } catch let error as AttendocError {
            throw CommandLineValues.fail(error)
        }
    }
}
