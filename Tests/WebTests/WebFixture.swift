import AttendocTesting
import AttendocValues
import AttendocWeb
import AttendocWorkspace
import Foundation
import Testing

/// A workspace of the test's own, made as a user makes one (`attendoc init`, `case add`,
/// `register import`, `issue`): Riverside Academy's case (URN 149876) with its first warning letter
/// issued and archived as text and PDF, Hillside Primary's case (URN 113456), and one account of
/// each role. The Riverside pupil's forename is hostile (`<script>`, quotes), to be printed as text.
struct WebFixture {
    static let program = repositoryRoot.appendingPathComponent(".build/debug/attendoc").path
    static let riverside = "CAT/2026/0142"
    static let hillside = "HPS/2026/017"
    static let hostileForename = #"<script>alert("x")</script> 'Siobhán'"#
    static let password = "correct horse battery staple"
    /// A fixed moment: the tests never read the wall clock.
    static let moment = Date(timeIntervalSince1970: 1_796_900_400) // 2026-12-10 11:00 UTC

    let folder: URL
    let workspaceFolder: URL
    let workspace: Workspace

    /// The site a server test drives, on this fixture's workspace at the fixed moment: the
    /// settings' own limit for slow work unless `slowWorkLimit` gives one (0: every slow job is
    /// answered as still running).
    func site(slowWorkLimit: TimeInterval? = nil, clock: TestClock = TestClock(WebFixture.moment)) -> AttendocSite {
        var settings = WebSettings(port: 0)
        if let slowWorkLimit { settings.slowWorkLimit = slowWorkLimit }
        return AttendocSite(workspace: workspace, resources: AttendocTesting.resources, settings: settings, clock: clock.webClock)
    }

    init(_ label: String) throws {
        folder = try temporaryFolder(label)
        workspaceFolder = folder.appendingPathComponent("ws")
        let cases = folder.appendingPathComponent("examples")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("examples"), to: cases)
        // Riverside without its earlier letters (so its first warning can be issued afresh), with
        // a hostile forename.
        let riversideFile = cases.appendingPathComponent("riverside-first-warning.yaml")
        var text = try String(contentsOf: riversideFile, encoding: .utf8)
        let start = try #require(text.range(of: "\nletters_issued:\n"))
        let end = try #require(text.range(of: "\nreferrals:\n"))
        text = String(text[..<start.lowerBound]) + String(text[end.lowerBound...])
        text = text.replacingOccurrences(of: "  forename: Siobhán\n", with: "  forename: '\(Self.hostileForename.replacingOccurrences(of: "'", with: "''"))'\n")
        try Data(text.utf8).write(to: riversideFile)
        try Self.attendoc(["init", workspaceFolder.path])
        for file in ["riverside-first-warning.yaml", "hillside-send-and-social-worker.yaml"] {
            try Self.attendoc(["case", "add", cases.appendingPathComponent(file).path, "--workspace", workspaceFolder.path, "--by", "A. Officer"])
        }
        try Self.attendoc(["register", "import", cases.appendingPathComponent("registers/riverside-academy-autumn-2026.csv").path,
                           "--workspace", workspaceFolder.path, "--by", "A. Officer"])
        try Self.attendoc(["issue", Self.riverside, "--document", "first-warning-letter", "--method", "post", "--date", "2026-11-30",
                           "--format", "txt,pdf", "--by", "A. Officer", "--workspace", workspaceFolder.path])
        workspace = try Workspace.open(at: WorkspaceLocation(folder: workspaceFolder))
        // Cost 4: bcrypt all the same, quick enough for many sign-ins in a test.
        for (name, role, school) in [("office", StaffRole.schoolOffice, "149876"), ("hillside", .schoolOffice, "113456"),
                                     ("team", .attendanceTeam, nil), ("clerk", .panelClerk, nil), ("admin", .administrator, nil)] {
            try StaffEnrolment.add(username: name, role: role, schoolURN: school, password: Self.password, to: workspace,
                                   by: "test administrator", at: Self.moment, cost: 4)
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    @discardableResult
    static func attendoc(_ arguments: [String]) throws -> String {
        let result = try run(program, arguments)
        #expect(result.status == 0, "attendoc \(arguments.first ?? ""): \(result.error)")
        return result.output
    }
}

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date) { current = start }

    var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    func advance(_ seconds: TimeInterval) {
        lock.lock()
        current = current.addingTimeInterval(seconds)
        lock.unlock()
    }

    var webClock: WebClock { WebClock { [self] in self.now } }
}
