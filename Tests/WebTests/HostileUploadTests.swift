import AttendocTesting
import AttendocValues
import AttendocWeb
import Foundation
import HTTPTypes
import Testing

/// Uploads meant to hurt: an XML external entity, an entity bomb, a file too large, XML that is
/// no Common Transfer File, bytes that are no CSV, a file name holding markup. Each is refused with
/// a message a school office can act on, the page shows nothing of the file's contents beyond the
/// problem, and nothing of it is recorded.
@Suite("Web: hostile uploads")
struct HostileUploadTests {
    static let start = CalendarDate(year: 2026, month: 9, day: 1)!
    static let week = "upn,date,am,pm\nY878401219052,2026-09-03,/,\\\n"

    @Test func hostileRegisterUploadsAreRefusedWithAClearMessageAndRecordNothing() async throws {
        let fixture = try WebFixture("web-hostile-upload")
        defer { fixture.remove() }
        // A small limit, so that "too large" needs no 20 MB in the test.
        let site = AttendocSite(workspace: fixture.workspace, resources: AttendocTesting.resources,
                                settings: WebSettings(port: 0, largestUpload: 64 * 1024), clock: TestClock(WebFixture.moment).webClock)
        try await serving(site) { client in
            let office = Visitor(client)
            try await office.signIn("office")
            let token = try #require(Visitor.csrf(in: try await office.get("/register")))
            func upload(_ name: String, _ bytes: String) async throws -> Reply {
                try await office.upload("/register", fields: [("csrf", token)], file: ("register", name, bytes))
            }

            let through = CalendarDate(year: 2026, month: 9, day: 4)!
            let xxe = ctf(from: Self.week, start: Self.start, through: through,
                          doctype: "<!DOCTYPE CTfile [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n")
                .replacingOccurrences(of: "<Surname>", with: "<Surname>&x;")
            let external = try await upload("ctf.xml", xxe)
            #expect(external.status == .unprocessableContent)
            #expect(external.text.contains("DOCTYPE"), "the problem is named: \(Self.problems(external))")
            #expect(!external.text.contains("root:x:0:0"), "the entity is never read")

            let laughs = (1...9).map { "<!ENTITY l\($0) \"" + String(repeating: "&l\($0 - 1);", count: 10) + "\">" }.joined()
            let bomb = ctf(from: Self.week, start: Self.start, through: through,
                           doctype: "<!DOCTYPE CTfile [<!ENTITY l0 \"lol\">\(laughs)]>\n")
                .replacingOccurrences(of: "<Surname>", with: "<Surname>&l9;")
            let started = ContinuousClock.now
            let exploded = try await upload("ctf.xml", bomb)
            #expect(exploded.status == .unprocessableContent)
            #expect(exploded.text.contains("DOCTYPE"), "\(Self.problems(exploded))")
            #expect(ContinuousClock.now - started < .seconds(20), "refused before any expansion")

            let huge = try await upload("week.csv", Self.week + String(repeating: "Y878401219052,2026-09-04,/,\\\n", count: 3000))
            #expect(huge.status == .contentTooLarge)
            #expect(huge.text.contains(##"<a href="#register">The file is larger than"##), "the error summary links to the field")

            let notCTF = try await upload("export.xml", "<?xml version=\"1.0\"?>\n<html><body>a web page</body></html>\n")
            #expect(notCTF.status == .unprocessableContent)
            #expect(notCTF.text.contains("is not a Common Transfer File: the root element should be CTfile, found html"),
                    "\(Self.problems(notCTF))")

            let junk = try await upload("week.csv", "\u{7f}ELF\u{1}\u{1}\u{0}garbage")
            #expect(junk.status == .unprocessableContent)
            #expect(junk.text.contains("the header has no column named upn, date, am, pm"), "\(Self.problems(junk))")

            let named = try await upload(#""><script>alert(1)</script>.csv"#, "upn,date,am,pm\nY878401219052,2026-12-08,/,QQ\n")
            #expect(named.status == .unprocessableContent)
            #expect(!named.text.contains("<script>alert(1)"), "a file name's markup never reaches the page as markup")
            for reply in [external, exploded, notCTF, junk, named] {
                #expect(!reply.text.contains("/tmp/") && !reply.text.contains("attendoc-upload"), "the page names no folder of the server's")
            }
        }
        #expect(try fixture.workspace.registerImports().count == 1, "nothing of any hostile upload was recorded")
        #expect(!(try fixture.workspace.accessLog()).contains { $0.what.contains("<script>") }, "the log holds the cleaned name only")
    }

    /// The problems table of a refused upload, as text (for messages).
    static func problems(_ reply: Reply) -> String {
        guard let start = reply.text.range(of: "<h2 id=\"problems\">") else { return "(no problems table)" }
        return String(reply.text[start.lowerBound...].prefix(800))
    }
}
