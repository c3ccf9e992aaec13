import ArgumentParser
import AttendocValues
import Foundation

/// Reading the values several subcommands share, with the same messages everywhere.
enum CommandLineValues {
    /// The date an option gives (`--date`, `--as-of`), or today when it is left out.
    static func date(_ text: String?, option: String) throws(AttendocError) -> CalendarDate {
        guard let text else { return CalendarDate.today() }
        guard let date = CalendarDate(iso: text) else {
            throw AttendocError(.usage, "\(option) \"\(text)\" is not a date written YYYY-MM-DD")
        }
        return date
    }

    /// Attendoc's resources: the `--resources` folder, or found as `AttendocResources.locate` finds them.
    static func resources(_ folder: String?) throws(AttendocError) -> AttendocResources {
        try AttendocResources.locate(explicit: folder.map { URL(fileURLWithPath: $0) })
    }

    /// Prints `error` on standard error as `attendoc: error: …` (what was being done, the place and
    /// what is wrong), then, when the error knows what to do, `attendoc: what to do: …`.
    static func report(_ error: AttendocError) {
        var text = "attendoc: error: \(error)\n"
        if let suggestion = error.suggestion {
            let said = "; \(suggestion)"
            let problem = error.description.hasSuffix(said) ? String(error.description.dropLast(said.count)) : error.description
            text = "attendoc: error: \(problem)\nattendoc: what to do: \(suggestion)\n"
        }
        FileHandle.standardError.write(Data(Terminal.visible(text).utf8))
    }

    /// The exit status for `error`, by its kind (docs/errors.md): 1 for bad input (a case file,
    /// policy, register, template, evidence file or the command line), 3 when a program Attendoc
    /// runs is not installed, 4 when it failed, 5 when the output could not be written or
    /// Attendoc's own files were not found.
    static func exitCode(for error: AttendocError) -> Int32 {
        switch error.kind {
        case .programMissing: 3
        case .programFailed: 4
        case .output, .resources: 5
        default: 1
        }
    }

    /// Prints each of `warnings` (what an import found doubtful but did not refuse) as
    /// `attendoc: warning: …` on standard error.
    static func report(warnings: [String]) {
        for warning in warnings {
            FileHandle.standardError.write(Data(Terminal.visible("attendoc: warning: \(warning)\n").utf8))
        }
    }

    /// Reports `error` and ends the command with its exit status.
    static func fail(_ error: AttendocError) -> ExitCode {
        report(error)
        return ExitCode(exitCode(for: error))
    }
}

/// What reaches a terminal. Every line `attendoc` prints passes through `Terminal`, so that a
/// control character read from a case file or a register (an ESC that would set the terminal's
/// title, a NUL, a carriage return that would overwrite a line) is shown, never obeyed.
enum Terminal {
    /// `text` with each control character but newline and tab made visible: ESC as `\x1b`, NUL as
    /// `\x00`, DEL as `\x7f`, C1 controls and the bidirectional overrides as `\u{202e}`.
    static func visible(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x09:
                result.unicodeScalars.append(scalar)
            case 0x00...0x1F, 0x7F:
                result += "\\x" + hex(scalar.value, width: 2)
            case 0x80...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                result += "\\u{" + hex(scalar.value, width: 4) + "}"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Prints `text` (made visible) and a newline, or `terminator`, on standard output.
    static func print(_ text: String, terminator: String = "\n") {
        Swift.print(visible(text), terminator: terminator)
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
