import AttendocValues
import CAttendocSpawn
import Foundation

/// Runs a program to the end and returns its exit status and what it wrote: FOP, and the quick
/// tools Attendoc runs many times in one job (qpdf, a few dozen times for one evidence bundle).
///
/// The program is started by `attendoc_spawn` (Sources/CAttendocSpawn): in a process group of its
/// own, so that it and anything it starts can be ended together; on Linux with a death signal, so
/// that it is killed when Attendoc is (even by SIGKILL); standard input /dev/null; only descriptors
/// 0 to 2 reach it. Standard output and standard error go to files in a private temporary folder,
/// read once the program has finished (no pipe can fill up and stall it), and removed.
///
/// Every run has a time limit (`ProgramTimeLimit`, docs/safety.md): a program still running then is
/// killed with its whole group and the run is an error. When Attendoc is interrupted
/// (`Interruption`), every running program's group is killed.
struct ChildProcess {
    struct Finished {
        /// The exit status, or the signal's number when `signalled`.
        var status: Int32
        var signalled: Bool
        var output: Data
        var error: Data
    }

    /// Runs `executable` with `arguments` (and, when given, exactly `environment`) for at most
    /// `timeLimit` seconds (by default the configured limit). `purpose` says what the run is for in
    /// the time-limit error (`for the PDF of …`). With `combined`, standard error goes into the
    /// same file as standard output (`output`), in the order written.
    static func run(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
                    timeLimit: Double? = nil, purpose: String? = nil, combined: Bool = false) throws(AttendocError) -> Finished {
        let limit: Double
        if let timeLimit { limit = timeLimit } else { limit = try ProgramTimeLimit.seconds() }
        let folder = try TemporaryFolder.make("run")
        defer { TemporaryFolder.remove(folder) }
        let outputPath = folder.appendingPathComponent("stdout").path
        let errorPath = combined ? outputPath : folder.appendingPathComponent("stderr").path

        let argv = ([executable.path] + arguments).map { strdup($0) }
        let environmentList = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") }
        defer {
            argv.forEach { free($0) }
            environmentList.forEach { free($0) }
        }
        let pid = try Interruption.startingChild { () -> pid_t in
            (argv + [nil]).withUnsafeBufferPointer { argvBuffer in
                (environmentList + [nil]).withUnsafeBufferPointer { environmentBuffer in
                    attendoc_spawn(executable.path, argvBuffer.baseAddress!, environmentBuffer.baseAddress!, outputPath, errorPath)
                }
            }
        }
        guard pid > 0 else {
            throw AttendocError(.programFailed, "could not run \(executable.path): \(String(cString: strerror(-pid)))")
        }
        var status: Int32 = 0
        let waited = attendoc_wait(pid, limit.isFinite ? Int(limit * 1000) : -1, &status)
        if waited != 1 {
            // Out of time (or lost track of it): end the program and everything it started.
            kill(-pid, SIGKILL)
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        }
        Interruption.childEnded(pid)
        // An interrupted run ends as soon as its clean-up is done; its programs were killed by it.
        Interruption.waitIfInterrupted()
        if waited == 0 {
            throw AttendocError(.programFailed, "\(executable.lastPathComponent) did not finish within \(ProgramTimeLimit.describe(limit))\(purpose.map { " " + $0 } ?? "") and was stopped; "
                                + "if it needs longer, set \(ProgramTimeLimit.variable) to a number of seconds (docs/safety.md)")
        }
        if waited < 0 {
            throw AttendocError(.programFailed, "lost track of \(executable.path) while it ran: \(String(cString: strerror(-waited)))")
        }
        // The wait status: the low 7 bits are the signal that stopped it (0 if it exited), the
        // next 8 the exit status.
        let signal = status & 0x7f
        return Finished(status: signal == 0 ? (status >> 8) & 0xff : signal, signalled: signal != 0,
                        output: FileManager.default.contents(atPath: outputPath) ?? Data(),
                        error: combined ? Data() : FileManager.default.contents(atPath: errorPath) ?? Data())
    }
}

/// How long a program Attendoc runs (FOP, qpdf) may take: `ATTENDOC_PROGRAM_TIMEOUT` seconds when
/// set, otherwise `defaultSeconds`. docs/safety.md documents both.
public enum ProgramTimeLimit {
    /// The environment variable that sets the limit, in seconds (a positive number, e.g. `600` or `2.5`).
    public static let variable = "ATTENDOC_PROGRAM_TIMEOUT"
    /// The limit when the variable is not set: ten minutes, many times what FOP needs for the
    /// largest evidence bundle seen, and far longer than any qpdf run.
    public static let defaultSeconds: Double = 600

    /// The limit in force, or an error when the variable is set to something that is not a positive number.
    public static func seconds() throws(AttendocError) -> Double {
        guard let text = ProcessInfo.processInfo.environment[variable]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            return defaultSeconds
        }
        guard let value = Double(text), value > 0, value.isFinite else {
            throw AttendocError(.usage, "\(variable) must be a number of seconds greater than 0 (for example 600)")
        }
        return value
    }

    static func describe(_ seconds: Double) -> String {
        let whole = seconds.rounded() == seconds ? String(Int(seconds)) : String(seconds)
        return "\(whole) second\(seconds == 1 ? "" : "s")"
    }
}
