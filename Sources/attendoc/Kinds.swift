import ArgumentParser
import AttendocDocuments

struct Kinds: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the kinds of document Attendoc renders: who sends each, who receives it, what it needs.")

    func run() {
        for kind in DocumentKind.allCases {
            print(kind.rawValue)
            print("  \(kind.title)")
            print("  sent by:     the \(kind.sentBy.rawValue)")
            print("  sent to:     \(kind.sentTo)")
            print("  needs:       \(kind.needs)")
            print("")
        }
    }
}
