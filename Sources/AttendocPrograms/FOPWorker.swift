import AttendocValues
import CAttendocSpawn
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One running warm FOP worker (`fop/worker/AttendocFOPWorker.java`): a Java process fed one XSL-FO
/// document at a time over a socket that is its standard input and output, answering each with the
/// PDF or FOP's message (the protocol is described in the Java source).
///
/// It is started as `ChildProcess` starts a program (`attendoc_spawn_connected`): in a process
/// group of its own, with a death signal, so that it dies with Attendoc however Attendoc ends, and
/// known to `Interruption`, which kills it when Attendoc is interrupted. Its standard error (FOP's
/// log, errors only) goes to a file in the run's private temporary folder. Every request has a
/// time limit; a worker out of time is killed.
final class FOPWorker: @unchecked Sendable {
    let pid: pid_t
    private let connection: Int32
    private let folder: URL
    private var ended = false

    /// What became of one request.
    enum Answer {
        case pdf(Data)
        /// FOP could not make the PDF; the worker goes on.
        case failed(String)
        /// The worker ended (or its answer made no sense) before answering; what its log says.
        case ended(String)
        /// No answer within the time limit; the worker was killed.
        case timedOut
    }

    private init(pid: pid_t, connection: Int32, folder: URL) {
        self.pid = pid
        self.connection = connection
        self.folder = folder
    }

    /// Starts a worker. Call it from a thread that lives as long as the worker should (the death
    /// signal comes when the thread that started it ends): `FOPWorkerPool` starts every worker
    /// from one thread of its own.
    static func start(_ program: FOPWorkerProgram) throws(AttendocError) -> FOPWorker {
        let folder = try TemporaryFolder.make("fop-worker")
        let log = folder.appendingPathComponent("log")
        let (executable, arguments) = program.command
        var environment = ProcessInfo.processInfo.environment
        // Dates FOP writes are then always UTC ("Z"), whatever the machine's zone.
        environment["TZ"] = "UTC"
        let argv = ([executable.path] + arguments).map { strdup($0) }
        let environmentList = environment.map { strdup("\($0.key)=\($0.value)") }
        defer {
            argv.forEach { free($0) }
            environmentList.forEach { free($0) }
        }
        var connection: Int32 = -1
        let pid: pid_t
        do {
            pid = try Interruption.startingChild { () -> pid_t in
                (argv + [nil]).withUnsafeBufferPointer { argvBuffer in
                    (environmentList + [nil]).withUnsafeBufferPointer { environmentBuffer in
                        attendoc_spawn_connected(executable.path, argvBuffer.baseAddress!, environmentBuffer.baseAddress!, log.path, &connection)
                    }
                }
            }
        } catch {
            TemporaryFolder.remove(folder)
            throw error
        }
        guard pid > 0 else {
            TemporaryFolder.remove(folder)
            throw AttendocError(.programFailed, "could not start the warm FOP worker (\(executable.path)): \(String(cString: strerror(-pid)))")
        }
        return FOPWorker(pid: pid, connection: connection, folder: folder)
    }

    /// Typesets one document: `name` labels it in FOP's message, `profile` is the PDF profile
    /// (nil for none). Waits at most `timeLimit` seconds for the answer.
    func typeset(_ fo: Data, name: String, profile: String?, timeLimit: Double) -> Answer {
        let deadline = timeLimit.isFinite ? Self.now() + timeLimit : .infinity
        var request = Data()
        for part in [Data(name.utf8), Data((profile ?? "").utf8), fo] {
            request.append(Self.bigEndian(UInt32(part.count)))
            request.append(part)
        }
        switch send(request, before: deadline) {
        case .done: break
        case .timedOut: end(); return .timedOut
        case .closed: return .ended(logLines())
        }
        var header = Data()
        switch receive(5, into: &header, before: deadline) {
        case .done: break
        case .timedOut: end(); return .timedOut
        case .closed: return .ended(logLines())
        }
        let status = header[header.startIndex]
        let length = header.dropFirst().reduce(0) { ($0 << 8) | Int($1) }
        var body = Data()
        body.reserveCapacity(length)
        switch receive(length, into: &body, before: deadline) {
        case .done: break
        case .timedOut: end(); return .timedOut
        case .closed: return .ended(logLines())
        }
        switch status {
        case 0: return .pdf(body)
        case 1: return .failed(String(decoding: body, as: UTF8.self))
        default: return .ended("the worker's answer began with \(status), which is neither a PDF (0) nor a failure (1)")
        }
    }

    /// Ends the worker: closes its input (so it would end by itself), kills its group, waits for
    /// it, and removes its folder. Safe to call twice.
    func end() {
        guard !ended else { return }
        ended = true
        close(connection)
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        Interruption.childEnded(pid)
        TemporaryFolder.remove(folder)
    }

    /// The worker's last log lines, which say why it ended before answering (its configuration
    /// could not be read, Java could not start), without Java's stack trace.
    private func logLines() -> String {
        // An interrupted run ends as soon as its clean-up is done; its programs were killed by it.
        Interruption.waitIfInterrupted()
        let log = String(decoding: FileManager.default.contents(atPath: folder.appendingPathComponent("log").path) ?? Data(), as: UTF8.self)
        return PDFTypesetter.meaningfulLines(of: log).suffix(4).joined(separator: "\n")
    }

    private enum Transfer { case done, timedOut, closed }

    private func send(_ data: Data, before deadline: Double) -> Transfer {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Transfer in
            var offset = 0
            while offset < buffer.count {
                switch wait(for: Int16(POLLOUT), before: deadline) {
                case .done: break
                case let other: return other
                }
                let sent = Glibc.send(connection, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
                if sent < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    return .closed
                }
                offset += sent
            }
            return .done
        }
    }

    private func receive(_ count: Int, into data: inout Data, before deadline: Double) -> Transfer {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var left = count
        while left > 0 {
            switch wait(for: Int16(POLLIN), before: deadline) {
            case .done: break
            case let other: return other
            }
            let got = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress!, min(left, $0.count), Int32(MSG_DONTWAIT)) }
            if got < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .closed
            }
            if got == 0 { return .closed }
            data.append(contentsOf: chunk[0..<got])
            left -= got
        }
        return .done
    }

    /// Waits until the connection is ready for `events`, or has closed, or the deadline passed.
    private func wait(for events: Int16, before deadline: Double) -> Transfer {
        while true {
            let left = deadline - Self.now()
            if left <= 0 { return .timedOut }
            var descriptor = pollfd(fd: connection, events: events, revents: 0)
            let milliseconds = left.isFinite ? Int32(min(left * 1000 + 1, 1_000_000)) : -1
            let ready = poll(&descriptor, 1, milliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                return .closed
            }
            if ready == 0 { continue }
            // Readable data comes before a hang-up: read what the worker wrote, then see the end.
            if descriptor.revents & events != 0 { return .done }
            return .closed
        }
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private static func bigEndian(_ value: UInt32) -> Data {
        Data([UInt8(value >> 24), UInt8((value >> 16) & 0xff), UInt8((value >> 8) & 0xff), UInt8(value & 0xff)])
    }
}
