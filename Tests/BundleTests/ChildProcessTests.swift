@testable import AttendocPrograms
import AttendocTesting
import Foundation
import Testing

/// The posix_spawn runner qpdf goes through: exit status, both outputs, the environment, a
/// signal, a program that is not there, and no descriptor of ours reaching the program.
@Suite("Running a program")
struct ChildProcessTests {
    static let shell = URL(fileURLWithPath: "/bin/sh")

    @Test func exitStatusAndBothOutputsComeBack() throws {
        let finished = try ChildProcess.run(Self.shell, ["-c", "printf 'out'; printf 'err' >&2; exit 3"])
        #expect(finished.status == 3 && !finished.signalled)
        #expect(String(decoding: finished.output, as: UTF8.self) == "out")
        #expect(String(decoding: finished.error, as: UTF8.self) == "err")
    }

    @Test func theEnvironmentIsExactlyTheOneGivenAndStandardInputIsEmpty() throws {
        let finished = try ChildProcess.run(Self.shell, ["-c", "echo \"$ATTENDOC_TEST_VALUE\"; cat"], environment: ["ATTENDOC_TEST_VALUE": "Zoë"])
        #expect(String(decoding: finished.output, as: UTF8.self) == "Zoë\n")
    }

    @Test func aSignalIsReportedAsOne() throws {
        let finished = try ChildProcess.run(Self.shell, ["-c", "kill -9 $$"])
        #expect(finished.signalled && finished.status == 9)
    }

    @Test func aProgramThatIsNotThereIsAnErrorNamingIt() {
        #expect {
            _ = try ChildProcess.run(URL(fileURLWithPath: "/nonexistent/qpdf"), [])
        } throws: { error in
            "\(error)" == "could not run /nonexistent/qpdf: No such file or directory"
        }
    }

    @Test func onlyTheThreeStandardDescriptorsReachTheProgram() throws {
        // A descriptor this process holds open without close-on-exec, numbered high so that it
        // can never be the one `ls` opens in the child (the lowest free number, 3).
        let low = open("/dev/null", O_RDONLY)
        let descriptor = fcntl(low, F_DUPFD, 200)
        close(low)
        defer { close(descriptor) }
        #expect(descriptor >= 200)
        let finished = try ChildProcess.run(Self.shell, ["-c", "ls /proc/self/fd"])
        let inherited = String(decoding: finished.output, as: UTF8.self).split(separator: "\n").compactMap { Int($0) }
        // 0, 1, 2, and the one `ls` opens to list the folder.
        #expect(!inherited.contains(Int(descriptor)), "\(inherited)")
        #expect(inherited.allSatisfy { $0 < 200 }, "\(inherited)")
    }
}
