import AttendocValues
import Foundation

/// Apache FOP, as the Debian package installs it, turning XSL-FO into PDF/A-1b with the fonts
/// named in the project's FOP configuration embedded.
///
/// FOP runs in warm workers (`fop/worker/AttendocFOPWorker.java`, `FOPWorkerPool`): Java processes
/// on FOP's own API, one per core, started on first use and kept for the rest of the process, each
/// fed one document after another, so a document costs no JVM start. Where the worker cannot run
/// (no Java compiler, `$ATTENDOC_FOP` naming another FOP, or a particular `executable`), each
/// document is one run of the `fop` command, giving the same bytes more slowly (docs/batch.md).
///
/// FOP stamps each PDF with the time it ran and a random file identifier; `PDFNormaliser` replaces
/// both so the same document always gives the same bytes.
public struct PDFTypesetter: Sendable {
    public let executable: URL
    public let configuration: URL
    /// The PDF profile FOP enforces: PDF/A-1b for letters; nil for an evidence bundle, which
    /// merges in PDFs that are not PDF/A and so must not claim to be.
    public var profile: String? = "PDF/A-1b"
    private let engine: Engine

    /// How the documents reach FOP.
    private enum Engine: Sendable {
        /// One `fop` command a document.
        case command
        /// The process's shared warm workers for the configuration (or, when this machine cannot
        /// run them, the command).
        case sharedWorkers
        /// Warm workers of this typesetter's own.
        case ownWorkers(FOPWorkerPool)
    }

    /// FOP in the process's warm workers; or, when `$ATTENDOC_FOP` names a FOP program, that
    /// program run once a document.
    public init(configuration: URL) throws(AttendocError) {
        self.configuration = configuration
        self.executable = try Self.findFOP()
        let named = ProcessInfo.processInfo.environment["ATTENDOC_FOP"].map { !$0.isEmpty } ?? false
        self.engine = named ? .command : .sharedWorkers
    }

    /// A particular FOP program, run once a document.
    public init(executable: URL, configuration: URL) {
        self.executable = executable
        self.configuration = configuration
        self.engine = .command
    }

    /// FOP in `workers` warm workers of this typesetter's own, compiled into (or found in) the
    /// cache folder `cache`: for a test that kills a worker or must see them all end
    /// (`endWorkers`) without disturbing the process's shared ones.
    public static func withOwnWorkers(configuration: URL, cache: URL, workers: Int = 2) throws(AttendocError) -> PDFTypesetter {
        let program = try FOPWorkerProgram.prepare(configuration: configuration, cache: cache)
        return PDFTypesetter(executable: try findFOP(), configuration: configuration,
                             engine: .ownWorkers(FOPWorkerPool(program: program, size: workers)))
    }

    private init(executable: URL, configuration: URL, engine: Engine) {
        self.executable = executable
        self.configuration = configuration
        self.engine = engine
    }

    /// Whether documents go to warm workers (rather than one `fop` command each).
    public var usesWarmWorkers: Bool {
        switch engine {
        case .command: false
        case .ownWorkers: true
        case .sharedWorkers: (try? FOPWorkerPool.shared(for: configuration)) != nil
        }
    }

    /// The process ids of this typesetter's warm workers running now.
    public var workerProcessIDs: Set<Int32> {
        (try? workerPool())?.processIDs ?? []
    }

    /// Ends this typesetter's warm workers, waiting for any busy one to finish its document; the
    /// next document starts new ones.
    public func endWorkers() {
        (try? workerPool())?.end()
    }

    /// Ends the process's shared warm workers (a server shutting down, a test that must leave
    /// nothing running). They also end by themselves when the process ends.
    public static func endSharedWorkers() {
        FOPWorkerPool.endShared()
    }

    private func workerPool() throws(AttendocError) -> FOPWorkerPool? {
        switch engine {
        case .command: nil
        case .ownWorkers(let pool): pool
        case .sharedWorkers: try FOPWorkerPool.shared(for: configuration)
        }
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
        let typesetter = self
        let inputs = documents.map { TypesetInput(fo: $0.fo, name: $0.name, date: $0.date) }
        return try BothCores.map(inputs.count) { (index: Int) throws(AttendocError) -> Data in
            try typesetter.typesetOne(inputs[index].fo, name: inputs[index].name, date: inputs[index].date)
        }
    }

    private struct TypesetInput: Sendable {
        var fo: Data
        var name: String
        var date: CalendarDate
    }

    /// One letter of a run: what names it in messages, and what its own PDF's metadata says.
    public struct Letter: Sendable {
        public var name: String
        public var title: String
        public var author: String
        /// The letter's date: its PDF's creation date.
        public var date: CalendarDate

        public init(name: String, title: String, author: String, date: CalendarDate) {
            self.name = name
            self.title = title
            self.author = author
            self.date = date
        }
    }

    /// The PDF title and author a run of letters is typeset with (stylesheet parameters
    /// `pdf.title` and `pdf.author`); each letter's file gets its own in their place.
    public static let runTitle = "attendoc-run-title-placeholder"
    public static let runAuthor = "attendoc-run-author-placeholder"

    /// One PDF per letter from one FOP run: `fo` holds one page-sequence per letter, in the order
    /// of `letters`, typeset with the title and author `runTitle` and `runAuthor`. The run's PDF
    /// is split into each letter's file (`PDFLetterSplit`), which is the same bytes as the letter
    /// typeset in a run of its own. Fails, writing nothing, unless every letter has its file.
    public func typesetLetters(_ fo: Data, letters: [Letter], name: String) throws(AttendocError) -> [Data] {
        guard let first = letters.first else { return [] }
        let pdf = try typesetOne(fo, name: name, date: first.date)
        let folder = try TemporaryFolder.make("split")
        defer { TemporaryFolder.remove(folder) }
        let run = folder.appendingPathComponent("run.pdf")
        let pages = folder.appendingPathComponent("pages.pdf")
        do {
            try TemporaryFolder.writePrivate(pdf, to: run)
        } catch {
            throw AttendocError(.output, "cannot keep the typeset PDF of \(name) to split it: \(error)")
        }
        try QPDF().givingEachPageItsOwnResources(run, to: pages, name: name)
        let bytes: Data
        do { bytes = try Data(contentsOf: pages) } catch {
            throw AttendocError(.programFailed, "qpdf wrote no PDF for \(name)")
        }
        let files = try PDFLetterSplit.split(bytes, into: letters, name: name)
        guard files.count == letters.count, files.allSatisfy({ !$0.isEmpty }) else {
            throw AttendocError(.programFailed, "the typeset PDF of \(name) gave \(files.count) letters' files for \(letters.count) letters; no letter was written")
        }
        return files
    }

    public func typesetOne(_ fo: Data, name: String, date: CalendarDate) throws(AttendocError) -> Data {
        let pdf: Data
        if let pool = try workerPool() {
            pdf = try pool.typeset(fo, name: name, profile: profile, timeLimit: try ProgramTimeLimit.seconds())
            guard !pdf.isEmpty else { throw AttendocError(.programFailed, "Apache FOP's warm worker made an empty PDF of \(name)") }
        } else {
            pdf = try typesetByCommand(fo, name: name)
        }
        return try PDFNormaliser.normalise(pdf, creationDate: date, name: name)
    }

    /// One run of the `fop` command for one document.
    private func typesetByCommand(_ fo: Data, name: String) throws(AttendocError) -> Data {
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
        return pdf
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
