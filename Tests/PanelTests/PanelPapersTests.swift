import AttendocPanel
import AttendocPolicy
import AttendocTesting
import AttendocValues
import Foundation
import Testing

/// A panel's papers in the workspace folder (the clerk's screens keep them there): a referral
/// received only when it reads, never twice; minutes typed into the form written as the YAML the
/// minutes reader reads back as typed, a bad field refused with nothing kept; and the preview of
/// each copy, made as the issue makes it.
@Suite struct PanelPapersTests {
    static func papers(_ label: String) throws -> (PanelPapers, PanelPolicy, URL) {
        let folder = try temporaryFolder(label)
        let policy = try PanelPolicy.read(resources: resources)
        let panel = try policy.calendar.panel(on: date("2025-12-01"))
        return (PanelPapers(workspaceFolder: folder, panel: panel), policy, folder)
    }

    static func example(_ reference: String) throws -> Data {
        try Data(contentsOf: repositoryRoot.appendingPathComponent("examples/panel/\(reference).yaml"))
    }

    @Test func aReferralIsReceivedOnlyWhenItReadsAndOnlyOnce() throws {
        let (papers, policy, folder) = try Self.papers("panel-papers-receive")
        defer { try? FileManager.default.removeItem(at: folder) }
        let received = try papers.receive(try Self.example("PR-2025-031"))
        #expect(received.file == "referrals/pr-2025-031.yaml")
        let bad = String(decoding: try Self.example("PR-2025-034"), as: UTF8.self).replacingOccurrences(of: "received_on: 2025-11-14", with: "received_on: 14/11/2025")
        let refused = #expect(throws: AttendocError.self) { try papers.receive(Data(bad.utf8)) }
        #expect(refused?.location?.field == "received_on")
        #expect(refused?.location?.file == "the referral file" && !(refused?.description.contains(folder.path) ?? true), "named as the clerk knows it")
        let twice = #expect(throws: AttendocError.self) { try papers.receive(try Self.example("PR-2025-031")) }
        #expect(twice?.summary.contains("already has the referral PR-2025-031") == true)
        let kept = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("panel/2025-12-01/referrals").path)
        #expect(kept == ["pr-2025-031.yaml"], "nothing else kept, no pending file left: \(kept)")
        #expect(try papers.intake(calendar: policy.calendar).slots.map(\.referral.reference) == ["PR-2025-031"])
    }

    @Test func minutesTypedAreReadBackAsTypedAndABadFieldKeepsNothing() throws {
        let (papers, policy, folder) = try Self.papers("panel-papers-minutes")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try papers.receive(try Self.example("PR-2025-031"))
        let hostile = #"O'Brien & <Sons> "quoted" \ back"#
        var entry = PanelMinutesEntry(referral: "PR-2025-031",
                                      present: [.init(name: "", role: "", agency: ""), .init(name: hostile, role: "Lead", agency: "")],
                                      discussion: "Line one\nline two: with a colon", barriers: ["", "transport"],
                                      actions: [.init(owner: "Ms Obi", agency: "Young carers' service", action: "Assess", due: "12/12/2025")],
                                      agencyOnlyNotes: "# not a comment")
        let refused = #expect(throws: AttendocError.self) { try papers.write(entry) }
        #expect(refused?.location?.field == "actions[0].due")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("panel/2025-12-01/minutes/pr-2025-031.yaml").path))
        entry.actions[0].due = "2025-12-12"
        let minutes = try papers.write(entry)
        #expect(minutes.present.map(\.name) == [hostile] && minutes.present[0].agency == nil, "the empty row left out, the name as typed")
        #expect(minutes.discussion == "Line one\nline two: with a colon" && minutes.barriers == ["transport"])
        #expect(minutes.actions[0].due == date("2025-12-12") && minutes.agencyOnlyNotes == "# not a comment")
        #expect(PanelMinutesEntry(try #require(try papers.minutes(of: "PR-2025-031"))).present == [.init(name: hostile, role: "Lead", agency: "")])

        // The preview of each copy is the HTML the issue makes, and the family's holds no agency note.
        let issuing = try PanelMinutesIssue(resources: resources, calendar: policy.calendar)
        let written = try papers.minutes(inOrderOf: ["PR-2025-031"])
        let copies = try issuing.copies(written, panel: papers.panel, dated: date("2025-12-02"))
        #expect(copies.map(\.audience) == ["agency", "parent"] && copies.map(\.referral) == [nil, "PR-2025-031"])
        let agencyText = htmlText(String(decoding: copies[0].html, as: UTF8.self))
        let familyText = htmlText(String(decoding: copies[1].html, as: UTF8.self))
        #expect(agencyText.contains("# not a comment") && !familyText.contains("# not a comment"))
        #expect(familyText.contains(hostile), "the name prints as itself")
    }
}
