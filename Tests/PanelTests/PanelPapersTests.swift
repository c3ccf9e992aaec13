import AttendocPanel
import AttendocPolicy
import AttendocTesting
import AttendocValues
import AttendocWorkspace
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

    @Test func theClerksOrderOfSlotsIsKeptAndTakenByTheIntake() throws {
        let (papers, policy, folder) = try Self.papers("panel-papers-order")
        defer { try? FileManager.default.removeItem(at: folder) }
        for reference in ["PR-2025-031", "PR-2025-034"] { _ = try papers.receive(try Self.example(reference)) }
        #expect(try papers.intake(calendar: policy.calendar).slots.map { "\($0.starts) \($0.referral.reference)" } == ["13:30 PR-2025-031", "13:45 PR-2025-034"])
        let moved = try papers.moveSlot("PR-2025-034", by: -1, calendar: policy.calendar)
        #expect(moved.slots.map { "\($0.starts) \($0.referral.reference)" } == ["13:30 PR-2025-034", "13:45 PR-2025-031"])
        #expect(try String(contentsOf: folder.appendingPathComponent("panel/2025-12-01/slot-order.txt"), encoding: .utf8) == "PR-2025-034\nPR-2025-031\n")
        #expect(try papers.intake(calendar: policy.calendar).slots.map(\.referral.reference) == ["PR-2025-034", "PR-2025-031"], "kept for the next look")
        #expect(papers.slotOrder() == ["PR-2025-034", "PR-2025-031"], "as attendoc panel intake --order takes it")
        // At the top already: nothing moves. A referral with no slot is refused.
        #expect(try papers.moveSlot("PR-2025-034", by: -1, calendar: policy.calendar).slots.map(\.referral.reference) == ["PR-2025-034", "PR-2025-031"])
        #expect(throws: AttendocError.self) { try papers.moveSlot("PR-2025-036", by: 1, calendar: policy.calendar) }
        #expect(try papers.intake(calendar: policy.calendar, order: []).slots.map(\.referral.reference) == ["PR-2025-031", "PR-2025-034"], "an order given wins")
        let hidden = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("panel/2025-12-01").path).filter { $0.hasPrefix(".") }
        #expect(hidden.isEmpty, "no pending file left: \(hidden)")
    }

    @Test func theBackupHoldsThePanelsPapersAndTheyAreRestored() throws {
        let (_, policy, folder) = try Self.papers("panel-papers-backup")
        defer { try? FileManager.default.removeItem(at: folder) }
        let location = WorkspaceLocation(folder: folder.appendingPathComponent("ws"))
        let workspace = try Workspace.create(at: location)
        let papers = PanelPapers(workspaceFolder: location.folder, panel: try policy.calendar.panel(on: date("2025-12-01")))
        for reference in ["PR-2025-031", "PR-2025-034"] { _ = try papers.receive(try Self.example(reference)) }
        try papers.moveSlot("PR-2025-034", by: -1, calendar: policy.calendar)
        _ = try papers.write(PanelMinutesEntry(referral: "PR-2025-031", present: [.init(name: "Ms A", role: "Lead", agency: "")],
                                               discussion: "Agreed", barriers: [], actions: [], agencyOnlyNotes: ""))
        // A file still being written is not a paper.
        try Data("half".utf8).write(to: papers.folder.appendingPathComponent("minutes/.pending-x.yaml"))
        let backup = folder.appendingPathComponent("backup.sqlite")
        try workspace.backup(to: backup)
        let copy = URL(fileURLWithPath: backup.path + ".panel")
        let kept = try FileManager.default.subpathsOfDirectory(atPath: copy.path).sorted()
        #expect(kept == ["2025-12-01", "2025-12-01/minutes", "2025-12-01/minutes/pr-2025-031.yaml", "2025-12-01/referrals",
                         "2025-12-01/referrals/pr-2025-031.yaml", "2025-12-01/referrals/pr-2025-034.yaml", "2025-12-01/slot-order.txt"], "\(kept)")
        #expect(try Data(contentsOf: copy.appendingPathComponent("2025-12-01/referrals/pr-2025-031.yaml")) == (try Self.example("PR-2025-031")), "byte for byte")
        // A second backup to the same name is refused, and leaves the first as it was.
        #expect(throws: WorkspaceError.self) { try workspace.backup(to: backup) }
        #expect(try FileManager.default.subpathsOfDirectory(atPath: copy.path).sorted() == kept)

        // Restored as docs/workspace.md says: the papers read back as the screens read them.
        let restored = WorkspaceLocation(folder: folder.appendingPathComponent("restored"))
        try FileManager.default.createDirectory(at: restored.folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: backup, to: restored.database)
        try FileManager.default.copyItem(at: URL(fileURLWithPath: backup.path + ".archive"), to: restored.archive)
        try FileManager.default.copyItem(at: copy, to: restored.folder.appendingPathComponent("panel"))
        _ = try Workspace.open(at: restored)
        let again = PanelPapers(workspaceFolder: restored.folder, panel: papers.panel)
        #expect(try again.intake(calendar: policy.calendar).slots.map(\.referral.reference) == ["PR-2025-034", "PR-2025-031"], "the clerk's order restored")
        #expect(try again.minutes(of: "PR-2025-031")?.discussion == "Agreed")
    }
}
