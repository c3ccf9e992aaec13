import Foundation

/// Where Attendoc's product files live: templates, stylesheets, the document schema and the FOP
/// configuration. They are plain files in the repository (so a local authority can read and adapt
/// them), found next to the program or named explicitly.
public struct AttendocResources: Sendable {
    public let root: URL

    public var templates: URL { root.appendingPathComponent("templates") }
    public var stylesheets: URL { root.appendingPathComponent("stylesheets") }
    public var documentSchema: URL { root.appendingPathComponent("schema/document.rng") }
    public var bundleSchema: URL { root.appendingPathComponent("schema/bundle.rng") }
    public var fopConfiguration: URL { root.appendingPathComponent("fop/fop.xconf") }
    public var attendanceCodes: URL { root.appendingPathComponent("data/attendance-codes.csv") }
    public var policies: URL { root.appendingPathComponent("policies") }

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// The folder named by `explicit`, else `$ATTENDOC_HOME`, else `../share/attendoc` beside the
    /// installed program (scripts/install), else the nearest folder holding `schema/document.rng`
    /// above the running program or the current directory (a checkout).
    public static func locate(explicit: URL? = nil) throws(AttendocError) -> AttendocResources {
        if let explicit { return try checked(explicit, origin: "--resources") }
        if let home = ProcessInfo.processInfo.environment["ATTENDOC_HOME"], !home.isEmpty {
            return try checked(URL(fileURLWithPath: home), origin: "ATTENDOC_HOME")
        }
        let program = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments.first ?? "."))
            .resolvingSymlinksInPath().deletingLastPathComponent()
        let installed = program.deletingLastPathComponent().appendingPathComponent("share/attendoc")
        if isResourceRoot(installed) { return AttendocResources(root: installed) }
        for start in [program, URL(fileURLWithPath: FileManager.default.currentDirectoryPath)] {
            var folder = start.standardizedFileURL
            while true {
                if isResourceRoot(folder) { return AttendocResources(root: folder) }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        throw AttendocError(.resources, "cannot find Attendoc's templates and stylesheets (a folder holding schema/document.rng); install with scripts/install, set ATTENDOC_HOME, or pass --resources")
    }

    private static func isResourceRoot(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("schema/document.rng").path)
            && FileManager.default.fileExists(atPath: folder.appendingPathComponent("stylesheets").path)
    }

    private static func checked(_ folder: URL, origin: String) throws(AttendocError) -> AttendocResources {
        guard isResourceRoot(folder) else {
            throw AttendocError(.resources, "\(origin) names \(folder.path), which has no schema/document.rng and stylesheets/")
        }
        return AttendocResources(root: folder)
    }
}
