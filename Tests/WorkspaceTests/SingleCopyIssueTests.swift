import AttendocTesting
import AttendocValues
import Foundation
import Testing

/// Documents with one copy, for an agency or the school's file (the enquiry to the GP, the referral
/// to the local authority, a home visit record), issued into the record through the real program:
/// archived, recorded with their addressee and method, shown by `history`, and counted by `due` and
/// the referral check as the step they take.
@Suite("Workspace: one-copy documents issued into the record")
struct SingleCopyIssueTests {
    let program = repositoryRoot.appendingPathComponent(".build/debug/attendoc").path

    func workspace(with examples: [String], in folder: URL) throws -> String {
        let workspace = folder.appendingPathComponent("ws").path
        #expect(try run(program, ["init", workspace]).status == 0)
        for example in examples {
            let added = try run(program, ["case", "add", repositoryRoot.appendingPathComponent("examples/\(example).yaml").path,
                                          "--workspace", workspace, "--by", "A. Officer"])
            #expect(added.status == 0, "\(added.error)")
        }
        return workspace
    }

    @Test func theEnquiryToTheGPIsRecordedAndTakesTheGPStep() throws {
        let folder = try temporaryFolder("single-copy")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try workspace(with: ["hillside-send-and-social-worker"], in: folder)
        let reference = "HPS/2026/017"
        let hillside = repositoryRoot.appendingPathComponent("examples/hillside-send-and-social-worker.yaml").path
        let gpStep = "next step gp_enquiry: With the parents' consent, ask the GP whether the pupil is too ill to attend (document: gp-enquiry-letter)"
        let gpGap = "- steps: gp_enquiry: With the parents' consent, ask the GP to confirm the pupil is too ill to attend: called for since 9 October 2026"
        func due() throws -> String { try run(program, ["due", "--as-of", "2026-12-10", "--workspace", workspace]).output }
        func referralCheck() throws -> String {
            try run(program, ["check", hillside, "--for", "referral", "--policy", "county-attendance-team", "--as-of", "2026-12-10", "--workspace", workspace]).output
        }
        // Before: the consent of 9 October stands and no enquiry is recorded.
        let dueBefore = try due(), checkBefore = try referralCheck()
        #expect(dueBefore.contains("2026-10-09  overdue by 38 school day(s)  \(reference), UPN T878401219201: \(gpStep)"), "\(dueBefore)")
        #expect(checkBefore.contains(gpGap), "\(checkBefore)")

        // A parent is not its recipient, and a letter is not kept on the file.
        let toParent = try run(program, ["issue", reference, "--document", "gp-enquiry-letter", "--to", "parents[0]", "--method", "post",
                                         "--date", "2026-10-12", "--workspace", workspace])
        #expect(toParent.status != 0)
        #expect(toParent.error.contains("--to parents[0]: a gp-enquiry-letter has one copy, for the GP practice (gp_consent) (--to gp-practice, or no --to)"), "\(toParent.error)")
        let onFile = try run(program, ["issue", reference, "--document", "gp-enquiry-letter", "--method", "file", "--date", "2026-10-12", "--workspace", workspace])
        #expect(onFile.status != 0)
        #expect(onFile.error.contains("--method file: a gp-enquiry-letter is sent to the GP practice (gp_consent); give --method post, hand or email"), "\(onFile.error)")

        // Posted on Monday 12 October 2026: deemed served two working days later.
        let issued = try run(program, ["issue", reference, "--document", "gp-enquiry-letter", "--method", "post", "--date", "2026-10-12",
                                       "--by", "A. Officer", "--format", "pdf,txt", "--workspace", workspace])
        #expect(issued.status == 0, "\(issued.error)")
        #expect(issued.output.hasPrefix("issued gp-enquiry-letter to the GP practice (gp_consent) by post on 2026-10-12, deemed served 2026-10-14\n"), "\(issued.output)")
        let archived = issued.output.split(separator: "\n").compactMap { line -> String? in
            line.hasPrefix("  archive/") ? String(line.dropFirst(2).split(separator: " ")[0]) : nil
        }
        #expect(archived.map { URL(fileURLWithPath: $0).lastPathComponent }.sorted() == ["gp-practice.pdf", "gp-practice.txt"])
        let text = try String(contentsOfFile: "\(workspace)/\(try #require(archived.first { $0.hasSuffix(".txt") }))", encoding: .utf8)
        #expect(text.contains("Dear Dr Ruth Penrose"))
        #expect(text.contains("3 Market Street"))

        let history = try run(program, ["history", reference, "--workspace", workspace])
        #expect(history.output.contains("2026-10-12  gp-enquiry-letter  to the GP practice (gp_consent)  by post  deemed served 2026-10-14  issued by A. Officer"), "\(history.output)")

        // After: the record shows the step taken, in the due list and in the referral check.
        let dueAfter = try due(), checkAfter = try referralCheck()
        #expect(!dueAfter.contains("next step gp_enquiry:"), "\(dueAfter)")
        #expect(!checkAfter.contains("gp_enquiry: With"), "\(checkAfter)")
        // Without the workspace the referral check cannot know of it.
        let withoutRecord = try run(program, ["check", hillside, "--for", "referral", "--policy", "county-attendance-team", "--as-of", "2026-12-10"])
        #expect(withoutRecord.output.contains(gpGap))

        // A certificate of service is for a parent's copy; the GP's letter has none.
        let certificate = try run(program, ["certificate-of-service", reference, "--document", "gp-enquiry-letter", "--out", folder.appendingPathComponent("out").path,
                                            "--workspace", workspace])
        #expect(certificate.status != 0)
        #expect(certificate.error.contains("the record holds no issue of \(reference) to a parent that matches"), "\(certificate.error)")
    }

    @Test func aHomeVisitRecordIsKeptOnTheFileAndAReferralGoesToTheAttendanceTeam() throws {
        let folder = try temporaryFolder("single-copy")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try workspace(with: ["riverside-first-warning"], in: folder)
        let reference = "CAT/2026/0142"
        // A record for the school's file is not posted to anyone.
        let posted = try run(program, ["issue", reference, "--document", "home-visit-record", "--method", "post", "--date", "2026-11-06", "--workspace", workspace])
        #expect(posted.status != 0)
        #expect(posted.error.contains("--method post: a home-visit-record is a record for the school's file, not sent to anyone; give --method file"), "\(posted.error)")
        let visit = try run(program, ["issue", reference, "--document", "home-visit-record", "--method", "file", "--date", "2026-11-06",
                                      "--by", "A. Officer", "--format", "txt", "--workspace", workspace])
        #expect(visit.status == 0, "\(visit.error)")
        // No deemed service: it was not served on anyone.
        #expect(visit.output.hasPrefix("issued home-visit-record to the school's file by file on 2026-11-06\n"), "\(visit.output)")
        #expect(visit.output.contains("/agency-copy.txt  sha256 "), "\(visit.output)")

        let referral = try run(program, ["issue", reference, "--document", "referral-to-local-authority", "--method", "email", "--date", "2026-11-13",
                                         "--by", "A. Officer", "--format", "pdf", "--workspace", workspace])
        #expect(referral.status == 0, "\(referral.error)")
        #expect(referral.output.hasPrefix("issued referral-to-local-authority to the local authority's attendance team by email on 2026-11-13, deemed served 2026-11-13\n"), "\(referral.output)")
        #expect(referral.output.contains("/local-authority.pdf  sha256 "), "\(referral.output)")

        let history = try run(program, ["history", reference, "--workspace", workspace]).output
        #expect(history.contains("2026-11-06  home-visit-record  to the school's file  by file  issued by A. Officer"), "\(history)")
        #expect(history.contains("2026-11-13  referral-to-local-authority  to the local authority's attendance team  by email  deemed served 2026-11-13  issued by A. Officer"), "\(history)")
        // The referral's archived copy is the one the record names, byte for byte.
        let line = try #require(referral.output.split(separator: "\n").first { $0.contains("local-authority.pdf") })
        let parts = line.split(separator: " ", omittingEmptySubsequences: true)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: "\(workspace)/\(parts[0])"))
        #expect(SHA256.hex(bytes) == String(parts[2]))
        #expect(try pdfText(URL(fileURLWithPath: "\(workspace)/\(parts[0])")).contains("for legal intervention"))
    }
}
