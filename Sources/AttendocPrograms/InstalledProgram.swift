import AttendocValues
import Foundation

/// Finds a program Attendoc runs (Apache FOP, qpdf): the one an environment variable names, or
/// the first on PATH. Its error says how to install it.
enum InstalledProgram {
    /// `variable` overrides the search; `title` names the program in the error and `package` is
    /// the Debian package scripts/setup installs it from.
    static func find(_ name: String, overriddenBy variable: String, title: String, package: String) throws(AttendocError) -> URL {
        let environment = ProcessInfo.processInfo.environment
        if let named = environment[variable], !named.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: named) else {
                throw AttendocError(.programMissing, "\(title) is not installed where \(variable) says (\(named) is not a program that can be run)",
                                    suggestion: "set \(variable) to the \(name) program, or unset it to use the one on PATH (scripts/setup installs the Debian package \(package))")
            }
            return URL(fileURLWithPath: named)
        }
        for folder in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw AttendocError(.programMissing, "\(title) is not installed (no `\(name)` on PATH)",
                            suggestion: "run scripts/setup, which installs the Debian package \(package), or set \(variable)")
    }
}
