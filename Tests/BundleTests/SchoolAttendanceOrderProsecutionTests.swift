@testable import AttendocBundle
@testable import AttendocCasework
import AttendocTesting
import AttendocValues
import Foundation
import Testing

/// A prosecution for failing to comply with a school attendance order is under section 443 of the
/// Education Act 1996, not section 444 (seed 004's "School Attendance Orders will lead to S444
/// prosecution" is a slip). The county example is taken as one: `section: s443`, with the order
/// process recorded before the period charged (25 November 2026 to 8 January 2027).
@Suite("Evidence bundle: a prosecution under section 443 (a school attendance order)", .serialized)
struct SchoolAttendanceOrderProsecutionTests {
    static let process = """

    school_attendance_order:
      notice: {served_on: 2026-09-08, method: post, period_ends_on: 2026-09-22}
      intention: {served_on: 2026-09-28, schools: [Riverside Academy]}
      order: {made_on: 2026-10-12, school: Riverside Academy, served_on: 2026-10-14}
      failed_to_comply_from: 2026-11-02

    """

    static func prosecution(_ block: String = process) throws -> LoadedCase {
        var text = try String(contentsOf: EvidenceBundleTests.riverside, encoding: .utf8)
        #expect(text.components(separatedBy: "  section: s444_1\n").count == 2)
        text = text.replacingOccurrences(of: "  section: s444_1\n", with: "  section: s443\n") + block
        let folder = try temporaryFolder("s443-case")
        for item in ["registers", "evidence"] {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("examples/\(item)"), to: folder.appendingPathComponent(item))
        }
        let caseFile = folder.appendingPathComponent("case.yaml")
        try Data(text.utf8).write(to: caseFile)
        return try LoadedCase.load(caseFile, resources: resources)
    }

    static func orderGaps(_ loaded: LoadedCase) -> [ProsecutionReadiness.Gap] {
        ProsecutionReadiness.check(loaded, asOf: EvidenceBundleTests.asOf).gaps.filter {
            $0.place.hasPrefix("school_attendance_order") || $0.place == "legal_route.offence_period"
        }
    }

    @Test func theBundleChargesTheOffenceUnderSection443WithTheOrder() throws {
        let bundle = try EvidenceBundleTests.make(try Self.prosecution(), draft: true, label: "evidence-s443")
        defer { try? FileManager.default.removeItem(at: bundle.folder) }
        let front = flattened(bundle.pageTexts[0])
        #expect(front.contains("Failing to comply with the requirements of a school attendance order, contrary to section 443(1) of the Education Act 1996"), "\(front)")
        #expect(!front.contains("section 444(1) of the Education Act 1996"))
        let all = flattened(bundle.pageTexts.joined(separator: "\n"))
        #expect(all.contains("between 25 November 2026 and 8 January 2027, being a parent of Siobhán O'Brien-Ní Dhuibhir, a child of compulsory school age, on whom a school attendance order made by Northshire County Council on 12 October 2026, requiring the child to become a registered pupil at Riverside Academy, was served on 14 October 2026, failed to comply with the requirements of the order, contrary to section 443(1) of the Education Act 1996."))
        #expect(all.contains("prosecution under section 443 of the Education Act 1996 (failing to comply with a school attendance order)"))
        // The invitations to the interview under caution, as served, are about the order and quote section 443(1).
        #expect(all.contains("We are investigating whether you have committed an offence under section 443(1) of the Education Act 1996, because you have not complied with the school attendance order for Siobhán."))
        #expect(all.contains("Section 443(1) of the Education Act 1996 says:"))
    }

    @Test func checkAsksForTheOrdersRecord() throws {
        let none = Self.orderGaps(try Self.prosecution(""))
        #expect(none.map(\.place) == ["school_attendance_order"])
        #expect(none.first?.problem.contains("no school attendance order is recorded; a prosecution under section 443") == true)
        #expect(Self.orderGaps(try Self.prosecution()).isEmpty, "the complete record leaves no gap")
        let unserved = Self.orderGaps(try Self.prosecution(Self.process
            .replacingOccurrences(of: ", served_on: 2026-10-14}", with: "}")
            .replacingOccurrences(of: "  failed_to_comply_from: 2026-11-02\n", with: "")))
        #expect(unserved.map(\.place) == ["school_attendance_order.order"])
        #expect(unserved.first?.problem.contains("the day the order was served on the parent is not recorded") == true)
        let late = Self.orderGaps(try Self.prosecution(Self.process.replacingOccurrences(of: "failed_to_comply_from: 2026-11-02", with: "failed_to_comply_from: 2026-12-01")))
        #expect(late.map(\.place) == ["legal_route.offence_period"])
        #expect(late.first?.problem.contains("begins on 25 November 2026, before the parent failed to comply with the order (1 December 2026)") == true)
    }

    /// The bundle's own pages speak of section 443 on a section 443 route: the pupil as the
    /// subject of the order (never "a registered pupil at" the school, which is section 444's
    /// element), the defence section 443(1) gives, with the parent's response to the notice as
    /// recorded, and a parenting order asked for to prevent a further offence under section 443.
    /// Only the letters exhibited as sent (section E) and the register certificate keep their
    /// own words.
    @Test func theBundlesOwnPagesSpeakOfSection443NotSection444() throws {
        let response = "  response: {on: 2026-09-15, summary: Ms D'Souza said she teaches Siobhán at home but sent no plan of work.}\n"
        let block = Self.process.replacingOccurrences(of: "  intention:", with: response + "  intention:")
        let text = try String(contentsOf: EvidenceBundleTests.riverside, encoding: .utf8)
            .replacingOccurrences(of: "  section: s444_1\n", with: "  section: s443\n")
            .replacingOccurrences(of: "  final_warning_on: 2027-01-11\n", with: ParentingOrderRequestTests.request + "  final_warning_on: 2027-01-11\n") + block
        let folder = try temporaryFolder("s443-wording")
        for item in ["registers", "evidence"] {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("examples/\(item)"), to: folder.appendingPathComponent(item))
        }
        let caseFile = folder.appendingPathComponent("case.yaml")
        try Data(text.utf8).write(to: caseFile)
        let bundle = try EvidenceBundleTests.make(try LoadedCase.load(caseFile, resources: resources), draft: true, label: "evidence-s443-wording")
        defer { try? FileManager.default.removeItem(at: bundle.folder) }
        let summary = flattened(bundle.text(of: bundle.pages("a1")))
        #expect(summary.contains("is of compulsory school age. A school attendance order made by Northshire County Council on 12 October 2026 requires Siobhán O'Brien-Ní Dhuibhir to become a registered pupil at Riverside Academy. The attendance figures are from the register of Riverside Academy."), "\(summary)")
        #expect(!summary.contains("is a registered pupil at Riverside Academy. The case"))
        // Section A and the statements (the bundle's own pages): no section 444 wording.
        let own = bundle.documents.filter { ["A", "C"].contains($0["section"] as? String ?? "") }
        #expect(own.count >= 6, "\(own.map { $0["title"] ?? "" })")
        for entry in own {
            var page = flattened(bundle.text(of: bundle.pages(entry["id"] as! String)))
            // The decision records quote the case's own reasons as recorded (the county example's
            // speak of section 444(1)); the words around them are the template's.
            if (entry["title"] as? String)?.hasPrefix("Decision records") == true {
                #expect(page.contains("Route considered prosecution under section 443 of the Education Act 1996"))
                page = page.replacingOccurrences(of: "Section 444(1) was considered the appropriate route", with: "")
            }
            #expect(!page.contains("444"), "\(entry["title"] ?? ""): \(page)")
            #expect(!page.contains("is a registered pupil at"), "\(entry["title"] ?? "")")
        }
        let matters = try #require(own.first { ($0["title"] as? String)?.hasPrefix("Matters relevant to the defence") == true })
        let defence = flattened(bundle.text(of: bundle.pages(matters["id"] as! String)))
        #expect(defence.contains("The defence under section 443(1) of the Education Act 1996 A parent is not guilty of the offence if they prove that they are causing the child to receive suitable education otherwise than at school. The parent's response to the notice under section 437(1), on 15 September 2026, as recorded: Ms D'Souza said she teaches Siobhán at home but sent no plan of work."), "\(defence)")
        let request = try #require(own.first { ($0["title"] as? String)?.hasPrefix("Request for a parenting order") == true })
        #expect(flattened(bundle.text(of: bundle.pages(request["id"] as! String))).contains("preventing a further offence under section 443 of the Education Act 1996"))
        let statement = try #require(own.first { ($0["title"] as? String)?.hasPrefix("Statement of") == true })
        #expect(flattened(bundle.text(of: bundle.pages(statement["id"] as! String))).contains("A school attendance order made by Northshire County Council on 12 October 2026 requires Siobhán O'Brien-Ní Dhuibhir to become a registered pupil at Riverside Academy. The attendance register I refer to is that of Riverside Academy"))
    }

    /// Without a response recorded, the defence matters say so; a prosecution under section 444
    /// has no such paragraph and keeps its "registered pupil" wording.
    @Test func withoutAResponseTheMattersSaySoAndASection444FileKeepsItsWording() throws {
        let bundle = try EvidenceBundleTests.make(try Self.prosecution(), draft: true, label: "evidence-s443-unanswered")
        defer { try? FileManager.default.removeItem(at: bundle.folder) }
        let all = flattened(bundle.pageTexts.joined(separator: "\n"))
        #expect(all.contains("The record holds no response from a parent to the notice under section 437(1)."))
        let county = try EvidenceBundleTests.countyBundle()
        let summary = flattened(county.text(of: county.pages("a1")))
        #expect(summary.contains("is a registered pupil at Riverside Academy. The case is brought by"), "\(summary)")
        #expect(!flattened(county.pageTexts.joined(separator: "\n")).contains("The defence under section 443(1)"))
    }
}
