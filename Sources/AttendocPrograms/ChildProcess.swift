import AttendocValues
import Foundation
import Glibc

#if canImport(Glibc)
#endif

/// Runs a program to the end and returns its exit status and what it wrote: for the quick tools
/// Attendoc runs many times in one job (qpdf, a few dozen times for one evidence bundle).
///
/// It starts the program with `posix_spawn` rather than Foundation's `Process`, which on Linux
/// takes about 50 ms to start one (it closes every descriptor the process might have) where
/// `posix_spawn` takes under 10. Standard input is /dev/null; standard output and standard error
/// go to files in a private temporary folder, read once the program has finished (no pipe can
/// fill up and stall it), and removed. Only descriptors 0 to 2 reach the program (where the C
/// library can close the others, as glibc 2.34 and later can).
struct ChildProcess {
    struct Finished {
        /// The exit status, or the signal's number when `signalled`.
        var status: Int32
        var signalled: Bool
        var output: Data
        var error: Data
    }

    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private static let addCloseFrom: AddCloseFrom? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: AddCloseFrom.self)
    }()

    /// Runs `executable` with `arguments` (and, when given, exactly `environment`).
    static func run(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil) throws(AttendocError) -> Finished {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attendoc-run-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw AttendocError(.output, "cannot make a temporary folder to run \(executable.lastPathComponent): \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputPath = folder.appendingPathComponent("stdout").path
        let errorPath = folder.appendingPathComponent("stderr").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // glibc 2.34+ can close every other descriptor in the child; Swift does not import the
        // declaration (it is a GNU extension), so it is looked up by name.
        if let closeFrom = Self.addCloseFrom {
            _ = closeFrom(&actions, 3)
        }

        let argv = ([executable.path] + arguments).map { strdup($0) }
        let environmentList = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") }
        defer {
            argv.forEach { free($0) }
            environmentList.forEach { free($0) }
        }
        var pid = pid_t()
        let started = (argv + [nil]).withUnsafeBufferPointer { argvBuffer in
            (environmentList + [nil]).withUnsafeBufferPointer { environmentBuffer in
                posix_spawn(&pid, executable.path, &actions, nil,
                            UnsafeMutablePointer(mutating: argvBuffer.baseAddress!),
                            UnsafeMutablePointer(mutating: environmentBuffer.baseAddress!))
            }
        }
        guard started == 0 else {
            throw AttendocError(.programFailed, "could not run \(executable.path): \(String(cString: strerror(started)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else {
                throw AttendocError(.programFailed, "lost track of \(executable.path) while it ran: \(String(cString: strerror(errno)))")
            }
        }
        // The wait status: the low 7 bits are the signal that stopped it (0 if it exited), the
        // next 8 the exit status.
        let signal = status & 0x7f
        return Finished(status: signal == 0 ? (status >> 8) & 0xff : signal, signalled: signal != 0,
                        output: FileManager.default.contents(atPath: outputPath) ?? Data(),
                        error: FileManager.default.contents(atPath: errorPath) ?? Data())
    }
}
