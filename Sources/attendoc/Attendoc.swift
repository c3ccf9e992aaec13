import ArgumentParser
import AttendocPrograms

@main
struct Attendoc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attendoc",
        abstract: "Letters and documents for school-attendance casework in England.",
        discussion: """
        Attendoc reads a case file (YAML; see docs/case-file.md) and writes the case's documents as \
        HTML, plain text, Word (DOCX) and PDF, one copy for each person they are addressed to.
        """,
        subcommands: [Render.self, Kinds.self, Stats.self, Check.self, EvidenceBundleCommand.self, Contacts.self,
                      Init.self, CaseCommand.self, RegisterCommand.self, IssueCommand.self, HistoryCommand.self,
                      BackupCommand.self, ExportCommand.self, DueCommand.self, BatchCommand.self,
                      CertificateOfServiceCommand.self, SensitiveScheduleCommand.self, PenaltyNoticeCommand.self, PanelCommand.self, ServeCommand.self, UserCommand.self])

    /// Before any command: an interruption kills the programs Attendoc runs and cleans up after
    /// it, and what killed runs left in the temporary folder is removed (docs/safety.md).
    static func main() {
        Interruption.install()
        TemporaryFolder.removeAbandoned()
        main(nil)
    }
}
