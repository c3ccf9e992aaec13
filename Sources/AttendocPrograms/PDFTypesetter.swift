import AttendocValues
import Foundation

/// Apache FOP, run as the Debian package installs it (`fop`), turning XSL-FO into PDF/A-1b with the
/// fonts named in the project's FOP configuration embedded.
///
/// FOP stamps each PDF with the time it ran and a random file identifier; `PDFNormaliser` replaces
/// both so the same document always gives the same bytes.
public struct PDFTypesetter: Sendable {
    public let executable: URL
    public let configuration: URL
    /// The PDF profile FOP enforces: PDF/A-1b for letters; nil for an evidence bundle, which
    /// merges in PDFs that are not PDF/A and so must not claim to be.
    public var profile: String? = "PDF/A-1b"

    /// FOP as found on PATH (or named by `$ATTENDOC_FOP`).
    public init(configuration: URL) throws(AttendocError) {
        self.configuration = configuration
        self.executable = try Self.findFOP()
    }

    /// A particular FOP program.
    public init(executable: URL, configuration: URL) {
        self.executable = executable
        self.configuration = configuration
    }

    /// The JVM options FOP runs with (unless `$ATTENDOC_FOP_JAVA_ARGS` says otherwise): a heap
    /// of 512 MiB at most, the serial collector and the quick compiler, which start fastest.
    public static let javaArguments = "-Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"

    static func findFOP() throws(AttendocError) -> URL {
        try InstalledProgram.find("fop", overriddenBy: "ATTENDOC_FOP", title: "Apache FOP", package: "fop")
    }

    /// One PDF per XSL-FO document, in order. Runs two FOP processes at a time (one per core).
    /// `names` label each document in error messages; `dates` are the documents' own dates, which
    /// become the PDFs' creation dates.
    public func typeset(_ documents: [(fo: Data, name: String, date: CalendarDate)]) throws(AttendocError) -> [Data] {
        let results = ResultSlots(count: documents.count)
        let workers = min(2, max(1, documents.count))
        let queue = DispatchQueue(label: "attendoc.fop", attributes: .concurrent)
        let group = DispatchGroup()
        let next = Counter()
        for _ in 0..<workers {
            queue.async(group: group) {
                while let index = next.take(below: documents.count) {
                    let document = documents[index]
                    results.set(index, Result { () throws(AttendocError) -> Data in
                        try typesetOne(document.fo, name: document.name, date: document.date)
                    })
                }
            }
        }
        group.wait()
        return try results.all()
    }

    public func typesetOne(_ fo: Data, name: String, date: CalendarDate) throws(AttendocError) -> Data {
        let folder = try TemporaryFolder.make("fop")
        defer { TemporaryFolder.remove(folder) }
        let input = folder.appendingPathComponent("document.fo")
        let output = folder.appendingPathComponent("document.pdf")
        try TemporaryFolder.writePrivate(fo, to: input)
        var environment = ProcessInfo.processInfo.environment
        // Dates FOP writes are then always UTC ("Z"), whatever the machine's zone.
        environment["TZ"] = "UTC"
        environment["JAVA_ARGS"] = environment["ATTENDOC_FOP_JAVA_ARGS"] ?? Self.javaArguments
        let arguments = ["-q", "-c", configuration.path] + (profile.map { ["-pdfprofile", $0] } ?? [])
            + ["-fo", input.path, "-pdf", output.path]
        let finished: ChildProcess.Finished
        do {
            finished = try ChildProcess.run(executable, arguments, environment: environment, purpose: "making the PDF of \(name)", combined: true)
        } catch {
            throw AttendocError(.programFailed, "could not run Apache FOP (\(executable.path)) for \(name): \(error)")
        }
        let messages = Self.meaningfulLines(of: String(decoding: finished.output, as: UTF8.self))
        guard !finished.signalled, finished.status == 0, let pdf = try? Data(contentsOf: output), !pdf.isEmpty else {
            let status = finished.signalled ? "stopped by signal \(finished.status)" : "exit status \(finished.status)"
            throw AttendocError(.programFailed, "Apache FOP could not make the PDF of \(name) (\(status))"
                                + (messages.isEmpty ? "" : ":\n" + messages.joined(separator: "\n")))
        }
        return try PDFNormaliser.normalise(pdf, creationDate: date, name: name)
    }

    /// What in FOP's log a person needs: its errors and warnings, without the Java stack traces,
    /// the informational lines, or the Debian wrapper's harmless notes about optional jars.
    static func meaningfulLines(of log: String) -> [String] {
        var lines: [String] = []
        for line in log.split(whereSeparator: \.isNewline).map(String.init) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("at "), !trimmed.hasPrefix("..."), !trimmed.hasPrefix("Caused by"),
                  !trimmed.hasPrefix("[INFO]"), !trimmed.hasPrefix("---"), !trimmed.hasPrefix("javax."), !trimmed.hasPrefix("org."),
                  !line.contains("Unable to locate"), !line.contains("JVM flavor"), !lines.contains(trimmed) else { continue }
            lines.append(trimmed)
        }
        return Array(lines.prefix(8))
    }
}

/// Results filled in by several workers, read once they are all done.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<Data, AttendocError>?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: Result<Data, AttendocError>) {
        lock.withLock { slots[index] = result }
    }

    func all() throws(AttendocError) -> [Data] {
        let filled = lock.withLock { slots }
        var data: [Data] = []
        for slot in filled {
            guard let slot else { throw AttendocError(.programFailed, "a PDF was not made") }
            data.append(try slot.get())
        }
        return data
    }
}

/// Hands out 0, 1, 2, ... to workers.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func take(below limit: Int) -> Int? {
        lock.withLock {
            guard value < limit else { return nil }
            defer { value += 1 }
            return value
        }
    }
}
