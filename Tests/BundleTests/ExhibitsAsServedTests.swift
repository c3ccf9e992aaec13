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

    /// The bundle of the county example planned with `record` (the workspace's copies), final.
    static func plan(record: [EvidenceBundle.RecordedCopy]) throws -> EvidenceBundle {
        let loaded = try LoadedCase.load(EvidenceBundlePlanTests.riverside, resources: resources)
        let run = try LetterRun(resources: resources)
        let qpdf = try QPDF()
        return try EvidenceBundle.plan(
            loaded, asOf: EvidenceBundlePlanTests.asOf, isDraft: false, gaps: [],
            documents: { (kind, view, date, options) throws(AttendocError) in try run.letters(kind, for: view, dated: date, options: options) },
            pageCount: { (url) throws(AttendocError) in try qpdf.pageCount(of: url) }, record: record)
    }

    @Test func theCertificateSentWithTheInvitationIsTheArchivedCopySentNeverMadeAgain() throws {
        // Seed 004: "Reg cert sent with invite". The county team sent one to each parent on 23
        // November 2026 (letters_issued); the workspace archived each copy as issued.
        let folder = try temporaryFolder("archived-certificate")
        defer { try? FileManager.default.removeItem(at: folder) }
        var record: [EvidenceBundle.RecordedCopy] = []
        for (index, path) in ["parents[0]", "parents[1]"].enumerated() {
            let archived = folder.appendingPathComponent("archive/issue-\(index + 20)/certificate.pdf")
            try FileManager.default.createDirectory(at: archived.deletingLastPathComponent(), withIntermediateDirectories: true)
            let page = [TextPagesPDF.Item.text(TextPagesPDF.Text("Register certificate as sent on 23 November 2026 to \(path)", x: 72, y: 700, size: 12))]
            try TextPagesPDF.document([page]).write(to: archived)
            record.append(EvidenceBundle.RecordedCopy(kind: DocumentKind.registerCertificate.rawValue, recipientPath: path, sentOn: date("2026-11-23"),
                                                      method: "post", deemedServedOn: date("2026-11-25"), issuedBy: "Alex Brennan",
                                                      pdf: archived, sha256: nil))
        }
        let bundle = try EvidenceBundlePlanTests.titled(try Self.plan(record: record))
        let sectionE = try #require(bundle.sections.first { $0.letter == "E" }).entries
        let sent = sectionE.filter { $0.documentKind == .registerCertificate }
        // Each parent's archived copy, exactly the file sent, in its place by date (after that
        // day's invitations to interview, before the final warnings of January).
        #expect(sent.map { entry -> String in if case .suppliedPDF(let url, _) = entry.content { url.path } else { "made again" } }
                == record.map { $0.pdf!.path })
        #expect(sent.map(\.title) == ["Ms Zoë D'Souza", "Mr Ciarán O'Brien"].map { "Register certificate to \($0), as sent by first class post on 23 November 2026, deemed served on 25 November 2026" },
                "\(sent.map(\.title))")
        let order = sectionE.map(\.id)
        let finalWarnings = sectionE.filter { $0.documentKind == .finalWarningLetter }.compactMap { order.firstIndex(of: $0.id) }
        #expect(sent.allSatisfy { entry in finalWarnings.allSatisfy { order.firstIndex(of: entry.id)! < $0 } }, "\(sectionE.map(\.title))")
        // Nothing made again stands for them; section D's certificate (to the bundle's date) stays.
        #expect(!sectionE.contains { entry in if case .document = entry.content { entry.documentKind == .registerCertificate } else { false } })
        #expect(bundle.entriesFor["register"]?.count == 1)
        // The chronology's letters_issued entries are proved by them, and the officer's statement
        // (the team sent them: issued by the officer) produces them by their exhibit numbers.
        let labels = sent.compactMap(\.exhibit)
        #expect(labels.count == 2 && labels.allSatisfy { $0.hasPrefix("AB/") }, "\(labels)")
        let letters = bundle.view.attendanceCase.lettersIssued.filter { $0.kind == .known(.registerCertificate) }
        #expect(letters.map { bundle.entriesFor[$0.casePath] ?? [] } == sent.map { [$0.id] })
        let officer = try #require(try SchoolWitnessTests.statements(bundle)["Alex Brennan"])
        let words = flattened(EvidenceBundlePlanTests.unescaped(officer.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)))
        #expect(words.contains("register certificate") && words.contains("\(labels[0]) and \(labels[1])"), "\(words)")
    }

    @Test func withoutAnArchivedCopyTheCertificateSentIsLeftOutAndSaidSo() throws {
        let bundle = try Self.plan(record: [])
        #expect(!bundle.entries.contains { $0.documentKind == .registerCertificate && $0.id.hasPrefix("e") })
        let letters = bundle.view.attendanceCase.lettersIssued.filter { $0.kind == .known(.registerCertificate) }
        #expect(letters.count == 2)
        for letter in letters {
            #expect(bundle.leftOut.contains { $0.place == letter.casePath && $0.why.contains("no archived copy of the register certificate sent to \(letter.recipientPath) on 2026-11-23") && $0.why.contains("never made again") },
                    "\(bundle.leftOut)")
        }
    }
}
