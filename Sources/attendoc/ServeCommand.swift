import ArgumentParser
import AttendocValues
import AttendocWeb
import AttendocWorkspace
import Foundation

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "The web front end for the school office, the attendance team and the panel clerk, on the workspace's record.",
        discussion: """
        Listens on loopback (127.0.0.1) unless --address says otherwise; put a TLS proxy in front of \
        it for any other address (its cookies are Secure). Staff sign in with accounts made by \
        `attendoc user add`. See docs/web.md.
        """)

    @Option(name: .long, help: ArgumentHelp("The address to listen on.", valueName: "address"))
    var address = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("The port to listen on (0: any free port, printed).", valueName: "port"))
    var port = 8080

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day the due list and figures count to, YYYY-MM-DD (default: today), for a training copy or a look back.", valueName: "date"))
    var asOf: String?

    @OptionGroup var options: WorkspaceOptions

    func run() throws {
        do {
            let workspace = try options.open()
            let resources = try CommandLineValues.resources(options.resources)
            let asOf = try self.asOf.map { text throws(AttendocError) in try CommandLineValues.date(text, option: "--as-of") }
            guard (0...65535).contains(port) else { throw AttendocError(.usage, "--port \(port): a port is 0 to 65535") }
            let site = AttendocSite(workspace: workspace, resources: resources, settings: WebSettings(address: address, port: port),
                                    clock: WebClock(asOf: asOf) { Date() })
            let address = self.address
            try site.serveUntilStopped { port in
                Terminal.print("attendoc serve: listening on http://\(address):\(port)/")
                fflush(nil)  // every stream: the line reaches a pipe at once
            }
        } catch let error as AttendocError {
            throw CommandLineValues.fail(error)
        } catch {
            throw CommandLineValues.fail(AttendocError(.other, "the web server stopped: \(error)"))
        }
    }
}

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Staff accounts for the web front end (attendoc serve).",
        subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a staff account: school office (with its school's URN), attendance team, panel clerk or administrator.",
            discussion: """
            The password is read from standard input (asked for twice at a terminal), never from the \
            command line; it is kept only as its bcrypt hash. At least 12 characters.
            """)

        @Argument(help: "The username (letters, digits, . - _ @).")
        var username: String

        @Option(name: .long, help: ArgumentHelp("school-office, attendance-team, panel-clerk or administrator.", valueName: "role"))
        var role: String

        @Option(name: .long, help: ArgumentHelp("The school's URN (school office accounts only).", valueName: "urn"))
        var school: String?

        @Option(name: .long, help: ArgumentHelp("The administrator adding it (default: the login name).", valueName: "name"))
        var by: String?

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            do {
                guard let staffRole = StaffRole(rawValue: role) else {
                    throw AttendocError(.usage, "--role \(role): the roles are \(StaffRole.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                let workspace = try options.open()
                let password = try Self.readPassword(for: username)
                try StaffEnrolment.add(username: username, role: staffRole, schoolURN: school, password: password, to: workspace,
                                       by: WorkspaceOptions.person(by), at: Date())
                Terminal.print("added the \(staffRole.rawValue) account \(username)")
            } catch let error as AttendocError {
                throw CommandLineValues.fail(error)
            }
        }

        static func readPassword(for username: String) throws(AttendocError) -> String {
            if isatty(0) == 1 {
                guard let first = getpass("Password for \(username): ").map({ String(cString: $0) }),
                      let second = getpass("The same password again: ").map({ String(cString: $0) }) else {
                    throw AttendocError(.usage, "no password was given")
                }
                guard first == second else { throw AttendocError(.usage, "the two passwords differ; nothing was added") }
                return first
            }
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw AttendocError(.usage, "no password on standard input", suggestion: "pipe it in, or run attendoc user add at a terminal")
            }
            return line
        }
    }
}
