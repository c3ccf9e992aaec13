import ArgumentParser
import AttendocDocuments

struct Kinds: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the kinds of document Attendoc renders: who sends each, who receives it, what it needs.")

    func run() {
        for kind in DocumentKind.allCases {
            Terminal.print(kind.rawValue)
            Terminal.print("  \(kind.title)")
            Terminal.print("  sent by:     the \(kind.sentBy.rawValue)")
            Terminal.print("  sent to:     \(kind.sentTo)")
            Terminal.print("  needs:       \(kind.needs)")
            Terminal.print("")
        }
    }
}
