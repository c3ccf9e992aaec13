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
