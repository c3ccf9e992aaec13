import AttendocTesting
import Foundation
import Testing

/// `attendoc due`'s penalty notice line and `attendoc penalty-notice` (consider, list,
/// record-payment, record-unpaid, withdraw) through the real program on a real workspace, from the
/// county example: a notice posted on Friday 4 December 2026 is received on Tuesday 8 December;
/// its 21st day (28 December) is in the holidays, so the notice states Monday 4 January 2027 for
/// the £80, the 28th day itself (issue 18's decision: never a day earlier than the law gives).
@Suite("Workspace: penalty notices through the program")
struct PenaltyNoticeCommandTests {
    let program = repositoryRoot.appendingPathComponent(".build/debug/attendoc").path
    let reference = "CAT/2026/0142"

    func workspace(in folder: URL) throws -> String {
        let workspace = folder.appendingPathComponent("ws").path
        #expect(try run(program, ["init", workspace]).status == 0)
        let added = try run(program, ["case", "add", repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml").path,
                                      "--workspace", workspace, "--by", "A. Officer"])
        #expect(added.status == 0, "\(added.error)")
        let register = repositoryRoot.appendingPathComponent("examples/registers/riverside-academy-autumn-2026.csv").path
        #expect(try run(program, ["register", "import", register, "--workspace", workspace]).status == 0)
        return workspace
    }

    @Test func dueAsksForThePenaltyNoticeToBeConsideredUntilTheDecisionIsRecorded() throws {
        let folder = try temporaryFolder("penalty-due")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try workspace(in: folder)
        let line = "2026-10-23  overdue by 23 school day(s)  CAT/2026/0142, UPN Y878401219052: penalty notice to be considered: 10 unauthorised sessions in 10 school weeks were reached on 2026-10-23 (the national framework); record the decision with attendoc penalty-notice consider CAT/2026/0142"
        let before = try run(program, ["due", "--as-of", "2026-12-03", "--workspace", workspace])
        #expect(before.output.split(separator: "\n").map(String.init).contains(line), "\(before.output)")
        // A decision the framework does not know is refused, and nothing is recorded.
        let bad = try run(program, ["penalty-notice", "consider", reference, "--decision", "maybe", "--reason", "r", "--on", "2026-12-03", "--workspace", workspace])
        #expect(bad.status != 0)
        #expect(bad.error.contains("penalty_notice") && bad.error.contains("not_appropriate"), "\(bad.error)")
        #expect(try run(program, ["due", "--as-of", "2026-12-03", "--workspace", workspace]).output.contains("penalty notice to be considered"))
        let considered = try run(program, ["penalty-notice", "consider", reference, "--decision", "penalty_notice", "--reason", "Threshold met; support declined",
                                           "--on", "2026-12-03", "--by", "A. Officer", "--workspace", workspace])
        #expect(considered.status == 0, "\(considered.error)")
        #expect(considered.output.contains("recorded: a penalty notice considered for CAT/2026/0142 on 2026-12-03: "), "\(considered.output)")
        let after = try run(program, ["due", "--as-of", "2026-12-03", "--workspace", workspace]).output
        #expect(!after.contains("penalty notice to be considered"), "\(after)")
    }

    @Test func aNoticeIsListedPaidByTheDatesItStatedAndNotRecordedUnpaidWhileItCanBePaid() throws {
        let folder = try temporaryFolder("penalty-record")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try workspace(in: folder)
        // Nothing to list or record before a notice is issued.
        let none = try run(program, ["penalty-notice", "record-payment", reference, "--to", "mother", "--paid-on", "2026-12-20", "--amount", "80", "--by", "X", "--workspace", workspace])
        #expect(none.status != 0 && none.error.contains("the record holds no penalty notice to mother"), "\(none.error)")
        let issued = try run(program, ["issue", reference, "--document", "penalty-notice", "--to", "mother", "--method", "post", "--date", "2026-12-04", "--workspace", workspace])
        #expect(issued.status == 0, "\(issued.error)")
        let list = try run(program, ["penalty-notice", "list", reference, "--workspace", workspace])
        #expect(list.output.contains("2026-12-04  to mother (parents[0])  notice 1: £160, £80 by 2027-01-04 by 2027-01-04  for 2026-09-21 to 2026-12-04 (22 unauthorised sessions)"), "\(list.output)")
        #expect(list.output.contains("issued, no payment recorded"))
        // Still payable on the day the notice stated: not yet unpaid.
        let early = try run(program, ["penalty-notice", "record-unpaid", reference, "--to", "mother", "--on", "2027-01-04", "--by", "X", "--workspace", workspace])
        #expect(early.status != 0)
        #expect(early.error.contains("can be paid until 4 January 2027 (2027-01-04, the date the notice stated)"), "\(early.error)")
        // A part payment is refused; £80 on the stated day (after the law's 28 December) is accepted.
        let part = try run(program, ["penalty-notice", "record-payment", reference, "--to", "mother", "--paid-on", "2026-12-21", "--amount", "50", "--by", "X", "--workspace", workspace])
        #expect(part.status != 0 && part.error.contains("is paid with £80 or £160, not £50; a part payment does not discharge it"), "\(part.error)")
        let paid = try run(program, ["penalty-notice", "record-payment", reference, "--to", "mother", "--paid-on", "2027-01-04", "--amount", "80", "--by", "X", "--workspace", workspace])
        #expect(paid.status == 0, "\(paid.error)")
        #expect(try run(program, ["penalty-notice", "list", reference, "--workspace", workspace]).output.contains("paid £80 on 2027-01-04"))
    }

    @Test func aNoticeNotPaidByItsStatedDayIsRecordedUnpaidAndCannotThenBePaid() throws {
        let folder = try temporaryFolder("penalty-unpaid")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try workspace(in: folder)
        #expect(try run(program, ["issue", reference, "--document", "penalty-notice", "--to", "mother", "--method", "post", "--date", "2026-12-04", "--workspace", workspace]).status == 0)
        let late = try run(program, ["penalty-notice", "record-payment", reference, "--to", "mother", "--paid-on", "2027-01-05", "--amount", "160", "--by", "X", "--workspace", workspace])
        #expect(late.status != 0)
        #expect(late.error.contains("ended on 4 January 2027 (2027-01-04, the date the notice stated); a penalty notice cannot be paid after it"), "\(late.error)")
        let unpaid = try run(program, ["penalty-notice", "record-unpaid", reference, "--to", "mother", "--on", "2027-01-05", "--by", "X", "--workspace", workspace])
        #expect(unpaid.status == 0, "\(unpaid.error)")
        #expect(try run(program, ["penalty-notice", "list", reference, "--workspace", workspace]).output.contains("not paid"))
    }

    @Test func aWithdrawalNeedsAReasonAndANoticeOfRecord() throws {
        let folder = try temporaryFolder("penalty-withdraw")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try workspace(in: folder)
        #expect(try run(program, ["issue", reference, "--document", "penalty-notice", "--to", "mother", "--method", "post", "--date", "2026-12-04", "--workspace", workspace]).status == 0)
        let wrongPerson = try run(program, ["penalty-notice", "withdraw", reference, "--to", "carer", "--reason", "issued to the wrong person", "--on", "2026-12-07", "--by", "X", "--workspace", workspace])
        #expect(wrongPerson.status != 0 && wrongPerson.error.contains("the record holds no penalty notice to carer"), "\(wrongPerson.error)")
        let noReason = try run(program, ["penalty-notice", "withdraw", reference, "--to", "mother", "--on", "2026-12-07", "--by", "X", "--workspace", workspace])
        #expect(noReason.status != 0 && noReason.error.contains("--reason"), "\(noReason.error)")
        let withdrawn = try run(program, ["penalty-notice", "withdraw", reference, "--to", "mother", "--reason", "it has a material error", "--on", "2026-12-07", "--by", "X", "--workspace", workspace])
        #expect(withdrawn.status == 0, "\(withdrawn.error)")
        #expect(try run(program, ["penalty-notice", "list", reference, "--workspace", workspace]).output.contains("withdrawn"))
        // A withdrawn notice cannot then be paid.
        let paid = try run(program, ["penalty-notice", "record-payment", reference, "--to", "mother", "--paid-on", "2026-12-10", "--amount", "80", "--by", "X", "--workspace", workspace])
        #expect(paid.status != 0, "\(paid.output)")
    }
}
