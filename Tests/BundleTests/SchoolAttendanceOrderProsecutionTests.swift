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
}
