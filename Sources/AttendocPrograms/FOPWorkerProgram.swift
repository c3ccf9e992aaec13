import AttendocValues
import Foundation

/// The warm FOP worker's program: `fop/worker/AttendocFOPWorker.java` (beside the FOP
/// configuration), compiled with the machine's `javac` against Debian's FOP jars, and how to start it
/// with `java`.
///
/// It is compiled on first use into a cache folder, never into the source tree:
/// `$XDG_CACHE_HOME/attendoc/fop-worker/<key>/` (`~/.cache/...` when the variable is not set), the
/// key being the SHA-256 of the source and of the class path it is compiled against, so a changed
/// source (or FOP) compiles afresh. It is compiled into a new folder of its own and then renamed
/// into place, so two runs compiling at once never leave a half-written class: the second rename
/// finds the folder there and its own copy is thrown away.
struct FOPWorkerProgram: Sendable {
    /// The class `java` runs.
    static let className = "AttendocFOPWorker"
    /// Where Debian's packages put their jars.
    static let jarFolder = URL(fileURLWithPath: "/usr/share/java")
    /// The jars FOP 2.8 needs, as Debian's `/usr/bin/fop` finds them (those it finds missing, such as
    /// xalan2 and xercesImpl, are left out there too; the JDK's own XML parser and transformer
    /// serve instead).
    static let jarNames = ["fop", "batik-all", "commons-io", "commons-logging", "xmlgraphics-commons", "xml-apis-ext", "fontbox2", "xml-apis"]

    let java: URL
    /// The compiled class's folder followed by FOP's jars.
    let classPath: String
    let configuration: URL
    /// The JVM's options (`PDFTypesetter.javaArguments`, or `$ATTENDOC_FOP_JAVA_ARGS`).
    let javaArguments: [String]

    /// The source of the worker that goes with `configuration` (`fop/fop.xconf` →
    /// `fop/worker/AttendocFOPWorker.java`).
    static func source(for configuration: URL) -> URL {
        configuration.deletingLastPathComponent().appendingPathComponent("worker/\(className).java")
    }

    /// Whether this machine can run the worker: its source, `java`, `javac` and FOP's jars are all
    /// there. When not, `PDFTypesetter` runs the `fop` command once per document, as before.
    static func canRun(for configuration: URL) -> Bool {
        FileManager.default.fileExists(atPath: source(for: configuration).path) && (try? findJava()) != nil
            && (try? InstalledProgram.find("javac", overriddenBy: "ATTENDOC_JAVAC", title: "the Java compiler", package: "openjdk-17-jdk-headless")) != nil
            && FileManager.default.fileExists(atPath: jarFolder.appendingPathComponent("fop.jar").path)
    }

    /// The program, compiled first when the cache does not hold this source's class yet. `cache`:
    /// the cache folder (by default the user's, as above).
    static func prepare(configuration: URL, cache: URL? = nil) throws(AttendocError) -> FOPWorkerProgram {
        let source = Self.source(for: configuration)
        guard let sourceBytes = FileManager.default.contents(atPath: source.path) else {
            throw AttendocError(.programMissing, "the warm FOP worker's source \(source.path) is not there")
        }
        let jars = jarNames.map { jarFolder.appendingPathComponent("\($0).jar").path }
            .filter { FileManager.default.fileExists(atPath: $0) }
        let jarPath = jars.joined(separator: ":")
        let key = String(SHA256.hex(sourceBytes + Data("\u{0}\(jarPath)".utf8)).prefix(24))
        let root = cache ?? defaultCache()
        let compiled = root.appendingPathComponent(key)
        let classFile = compiled.appendingPathComponent("\(className).class")
        if !FileManager.default.fileExists(atPath: classFile.path) {
            try compile(source, against: jarPath, into: compiled, cacheRoot: root)
        }
        let arguments = (ProcessInfo.processInfo.environment["ATTENDOC_FOP_JAVA_ARGS"] ?? PDFTypesetter.javaArguments)
            .split(whereSeparator: \.isWhitespace).map(String.init)
        return FOPWorkerProgram(java: try findJava(), classPath: ([compiled.path] + jars).joined(separator: ":"),
                                configuration: configuration, javaArguments: arguments)
    }

    /// `java` and its arguments for one worker.
    var command: (executable: URL, arguments: [String]) {
        (java, javaArguments + [
            "-Djava.awt.headless=true",
            // FOP's log: errors only (a document's own error comes back in its answer); it goes to
            // the worker's standard error, a file in the run's private temporary folder.
            "-Dorg.apache.commons.logging.Log=org.apache.commons.logging.impl.SimpleLog",
            "-Dorg.apache.commons.logging.simplelog.defaultlog=error",
            "-cp", classPath, Self.className, configuration.path,
        ])
    }

    static func defaultCache() -> URL {
        let environment = ProcessInfo.processInfo.environment
        let base: URL
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            base = URL(fileURLWithPath: xdg, isDirectory: true)
        } else {
            base = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache", isDirectory: true)
        }
        return base.appendingPathComponent("attendoc/fop-worker", isDirectory: true)
    }

    static func findJava() throws(AttendocError) -> URL {
        try InstalledProgram.find("java", overriddenBy: "ATTENDOC_JAVA", title: "Java", package: "openjdk-17-jdk-headless")
    }

    /// Compiles `source` into a fresh folder beside `folder`, then renames it to `folder`; another
    /// run that got there first wins, and this one's copy is removed.
    private static func compile(_ source: URL, against jarPath: String, into folder: URL, cacheRoot: URL) throws(AttendocError) {
        let javac = try InstalledProgram.find("javac", overriddenBy: "ATTENDOC_JAVAC", title: "the Java compiler", package: "openjdk-17-jdk-headless")
        do {
            try FileManager.default.createDirectory(at: cacheRoot, withIntermediateDirectories: true)
        } catch {
            throw AttendocError(.output, "cannot make the cache folder \(cacheRoot.path) for the warm FOP worker: \(error.localizedDescription)",
                                suggestion: "set XDG_CACHE_HOME to a folder Attendoc may write in")
        }
        let staging = try TemporaryFolder.make(".compiling", in: cacheRoot)
        defer { TemporaryFolder.remove(staging) }
        let finished = try ChildProcess.run(javac, ["-encoding", "UTF-8", "-Xlint:all,-path", "-Werror", "-d", staging.path,
                                                    "-cp", jarPath, source.path],
                                            purpose: "compiling the warm FOP worker", combined: true)
        guard !finished.signalled, finished.status == 0,
              FileManager.default.fileExists(atPath: staging.appendingPathComponent("\(className).class").path) else {
            let output = String(decoding: finished.output, as: UTF8.self).split(whereSeparator: \.isNewline).prefix(12).joined(separator: "\n")
            throw AttendocError(.programFailed, "javac could not compile the warm FOP worker \(source.path)" + (output.isEmpty ? "" : ":\n" + output))
        }
        chmod(staging.path, 0o755)
        if rename(staging.path, folder.path) != 0 {
            // Another run compiled the same source meanwhile (the folder is there, not empty).
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(className).class").path) else {
                throw AttendocError(.output, "cannot put the compiled FOP worker into \(folder.path): \(String(cString: strerror(errno)))")
            }
        }
    }
}
