import Foundation

/// A batch's progress as the office sees it on standard error: on a terminal, one bar that
/// redraws itself (`[#######       ] 240/1000`); otherwise (a log, a pipe, a dumb terminal) a plain
/// line at the first pupil, at every tenth of the way and at the end (`issued 100 of 1000`), so a log is not filled
/// with one line per pupil.
public final class BatchProgress {
    public enum Style: Equatable, Sendable {
        case bar
        case lines
    }

    public let style: Style
    private let write: (String) -> Void
    private var lastTenth = -1
    private var drewBar = false

    /// The style for standard error: a bar only when it is a terminal that can redraw a line
    /// (`TERM` set and not `dumb`).
    public static func style(standardErrorIsTerminal: Bool, term: String?) -> Style {
        guard standardErrorIsTerminal, let term, !term.isEmpty, term != "dumb" else { return .lines }
        return .bar
    }

    /// `write` is given each piece of output (standard error's writer in the program).
    public init(style: Style, write: @escaping (String) -> Void) {
        self.style = style
        self.write = write
    }

    /// `done` of `total` pupils are through.
    public func show(_ done: Int, _ total: Int) {
        guard total > 0 else { return }
        switch style {
        case .bar:
            let width = 30, filled = min(width, done * width / total)
            write("\r[\(String(repeating: "#", count: filled))\(String(repeating: " ", count: width - filled))] \(done)/\(total)")
            drewBar = true
        case .lines:
            let tenth = done * 10 / total
            guard tenth != lastTenth || done == total else { return }
            lastTenth = tenth
            write("issued \(done) of \(total)\n")
        }
    }

    /// Ends the bar's line.
    public func finish() {
        if drewBar { write("\n") }
        drewBar = false
    }
}
