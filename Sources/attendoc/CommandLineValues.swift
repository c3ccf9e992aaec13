import AttendocValues
import Foundation

/// Reading the values several subcommands share, with the same messages everywhere.
enum CommandLineValues {
    /// The date an option gives (`--date`, `--as-of`), or today when it is left out.
    static func date(_ text: String?, option: String) throws(AttendocError) -> CalendarDate {
        guard let text else { return CalendarDate.today() }
        guard let date = CalendarDate(iso: text) else {
            throw AttendocError("\(option) \"\(text)\" is not a date written YYYY-MM-DD")
        }
        return date
    }

    /// Attendoc's resources: the `--resources` folder, or found as `AttendocResources.locate` finds them.
    static func resources(_ folder: String?) throws(AttendocError) -> AttendocResources {
        try AttendocResources.locate(explicit: folder.map { URL(fileURLWithPath: $0) })
    }

    /// Prints `error` as `attendoc: error: …` on standard error.
    static func report(_ error: AttendocError) {
        FileHandle.standardError.write(Data("attendoc: error: \(error)\n".utf8))
    }

    /// Prints each of `warnings` (what an import found doubtful but did not refuse) as
    /// `attendoc: warning: …` on standard error.
    static func report(warnings: [String]) {
        for warning in warnings {
            FileHandle.standardError.write(Data("attendoc: warning: \(warning)\n".utf8))
        }
    }
}
