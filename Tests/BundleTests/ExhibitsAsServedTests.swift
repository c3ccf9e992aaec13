@testable import AttendocBundle
@testable import AttendocCasework
@testable import AttendocDocuments
@testable import AttendocPrograms
import AttendocTesting
import AttendocValues
import Foundation
import Testing

/// Exhibits as served (issue 13): a meeting's minutes are exhibited as each parent's copy that was
/// sent (`minutes_parent_copy`), from the archive when the workspace holds it, never the agency
/// copy, so no agency-only note and no "do not give to the family" label reaches the family.
@Suite("Evidence bundle: exhibits as served")
struct ExhibitsAsServedTests {
    @Test func minutesAreEachParentsCopyAsSentNeverTheAgencyCopy() throws {
        let bundle = try EvidenceBundleTests.countyBundle()
        let minutes = bundle.documents.filter { ($0["title"] as? String)?.hasPrefix("Minutes of the") == true }
        #expect(minutes.map { $0["title"] as? String ?? "" } == [
            "Minutes of the parenting contract meeting, parent's copy for Ms Zoë D'Souza",
            "Minutes of the parenting contract meeting, parent's copy for Mr Ciarán O'Brien",
            "Minutes of the Team Around the Family meeting, parent's copy for Ms Zoë D'Souza",
            "Minutes of the Team Around the Family meeting, parent's copy for Mr Ciarán O'Brien",
        ])
        for entry in minutes {
            let text = flattened(bundle.text(of: bundle.pages(entry["id"] as! String)))
            #expect(text.contains("Copy:") && text.contains("Parent's copy"), "\(entry["title"]!)")
            #expect(!text.contains("Agency copy"), "\(entry["title"]!)")
        }
        // Nowhere in the bundle: the agency copy's label or the notes' words (the schedule of
        // unused material describes the notes by their meeting); in no exhibit, their heading.
        let all = flattened(bundle.pageTexts.joined(separator: "\n"))
        for words in ["do not give to the family", "Not for the family.", "Early Help to explore with the family before it is discussed"] {
            #expect(!all.contains(words), "\(words)")
        }
        for entry in bundle.documents where ["E", "F"].contains(entry["section"] as? String) {
            #expect(!bundle.text(of: bundle.pages(entry["id"] as! String)).contains("Notes for the agencies only"), "\(entry["title"]!)")
        }
        // Each parent's minutes_parent_copy is proved by that parent's own copy.
        let plan = try EvidenceBundlePlanTests.countyPlan()
        let sent = plan.view.attendanceCase.lettersIssued.filter { $0.kind == .known(.minutesParentCopy) }
        #expect(sent.count == 2)
        for letter in sent {
            let proof = try #require(plan.entriesFor[letter.casePath]?.first.flatMap { plan.entry($0) })
            guard case .document(let xml) = proof.content else { Issue.record("not a document"); continue }
            let forename = try #require(plan.view.attendanceCase.parentOrCarer(id: letter.recipientID)?.forename)
            #expect(String(decoding: xml, as: UTF8.self).contains("<fact label=\"For\">\(letter.recipientID == "mother" ? "Ms" : "Mr") \(forename)"), "\(letter.casePath)")
        }
    }

    @Test func withAWorkspaceTheMinutesAreTheArchivedParentsCopy() throws {
        let loaded = try LoadedCase.load(EvidenceBundlePlanTests.riverside, resources: resources)
        let folder = try temporaryFolder("archived-minutes")
        defer { try? FileManager.default.removeItem(at: folder) }
        let archived = folder.appendingPathComponent("archive/issue-7/zoe-dsouza.pdf")
        try FileManager.default.createDirectory(at: archived.deletingLastPathComponent(), withIntermediateDirectories: true)
        let page = [TextPagesPDF.Item.text(TextPagesPDF.Text("Minutes, parent's copy, as emailed", x: 72, y: 700, size: 12))]
        try TextPagesPDF.document([page]).write(to: archived)
        let copy = EvidenceBundle.RecordedCopy(kind: DocumentKind.meetingMinutes.rawValue, recipientPath: "parents[0]", sentOn: date("2026-10-22"),
                                               method: "email", deemedServedOn: nil, issuedBy: "Riverside Academy", pdf: archived, sha256: nil)
        let run = try LetterRun(resources: resources)
        let qpdf = try QPDF()
        let bundle = try EvidenceBundle.plan(
            loaded, asOf: EvidenceBundlePlanTests.asOf, isDraft: false, gaps: [],
            documents: { (kind, view, date, options) throws(AttendocError) in try run.letters(kind, for: view, dated: date, options: options) },
            pageCount: { (url) throws(AttendocError) in try qpdf.pageCount(of: url) }, record: [copy])
        let taf = bundle.entriesFor["meetings[1]"] ?? []
        let mothers = try #require(bundle.entries.first { if case .suppliedPDF(let url, _) = $0.content { url == archived } else { false } })
        #expect(taf.contains(mothers.id), "the archived copy stands for the Team Around the Family minutes")
        #expect(mothers.producer == .school && mothers.exhibit?.hasPrefix("LH/") == true, "issued by the school: the school witness produces it")
        // The father's copy has no archived copy: left out of a final bundle, and said so.
        #expect(bundle.leftOut.contains { $0.place == "meetings[1]" && $0.why.contains("no archived copy of the meeting-minutes sent to parents[1]") }, "\(bundle.leftOut)")
        let remade = bundle.entries.filter { entry in
            guard case .document = entry.content else { return false }
            return entry.documentKind == .meetingMinutes && entry.date == date("2026-10-21")
        }
        #expect(remade.isEmpty, "no copy made again stands in for one the record does not hold")
    }
}
