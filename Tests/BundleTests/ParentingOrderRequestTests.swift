@testable import AttendocBundle
@testable import AttendocCasework
import AttendocTesting
import AttendocValues
import Foundation
import Testing

/// A parenting order for non-attendance is made when a parent is convicted (section 8(1)(d)
/// Crime and Disorder Act 1998), so it is asked for with the prosecution: a page of the
/// prosecution file with what the order would require and the information for sentence, when
/// the case records the request. The example is the county case with a request for the mother.
@Suite("Evidence bundle: a parenting order asked for with the prosecution", .serialized)
struct ParentingOrderRequestTests {
    static let request = """
      parenting_order_request:
        parents: [mother]
        requirements:
          - Make sure Siobhán arrives at school by 8.40am on every day the school is open.
          - Attend a review meeting at Riverside Academy every four weeks.
        months: 12
        programme: Northshire Family Support parenting programme for parents of teenagers
        programme_months: 3
        responsible_officer: Alex Brennan, Senior County Attendance Officer
        reasons: The warnings and support have not secured attendance; an order adds the court's backing to the programme.
        family_circumstances: Siobhán lives with her mother, who works shifts; Early Help visit weekly.

    """

    static func requested(_ edits: [(old: String, new: String)] = []) throws -> LoadedCase {
        try ReadinessTests.variant([("  final_warning_on: 2027-01-11\n", request + "  final_warning_on: 2027-01-11\n")] + edits)
    }

    @Test func theRequestIsReadFromTheCaseFile() throws {
        let request = try #require(try Self.requested().attendanceCase.legalRoute?.parentingOrderRequest)
        #expect(request.parentIDs == ["mother"])
        #expect(request.requirements.count == 2)
        #expect(request.months == 12 && request.programmeMonths == 3)
        #expect(request.casePath == "legal_route.parenting_order_request")
    }

    @Test func onlyADefendantCanBeNamedAndOnlyWithAProsecution() throws {
        #expect {
            _ = try Self.requested([("    parents: [mother]\n", "    parents: [grandmother]\n")])
        } throws: { error in
            "\(error)".contains("legal_route.parenting_order_request.parents") && "\(error)".contains("not one of legal_route.defendants")
        }
        #expect {
            _ = try Self.requested([("  section: s444_1\n", "  section: education_supervision_order\n")])
        } throws: { error in
            "\(error)".contains("only with section: s444_1, s444_1a or s443")
        }
    }

    @Test func checkNamesAPeriodBeyondThePolicysLimitAndMissingReasons() throws {
        let loaded = try Self.requested([("    months: 12\n", "    months: 13\n"),
                                         ("    reasons: The warnings and support have not secured attendance; an order adds the court's backing to the programme.\n", "")])
        let gaps = ProsecutionReadiness.check(loaded, asOf: EvidenceBundleTests.asOf).gaps.filter { $0.place == "legal_route.parenting_order_request" }
        #expect(gaps.contains { $0.problem.contains("13 months, more than the 12 the policy allows") })
        #expect(gaps.contains { $0.problem.contains("section 8(6)") })
        #expect(gaps.count == 2, "\(gaps)")
        #expect(ProsecutionReadiness.check(try Self.requested(), asOf: EvidenceBundleTests.asOf).gaps.allSatisfy { $0.place != "legal_route.parenting_order_request" })
    }

    @Test func theProsecutionFileHoldsTheRequestWithTheInformationForSentence() throws {
        let made = try EvidenceBundleTests.make(try Self.requested(), label: "evidence-parenting-order")
        defer { try? FileManager.default.removeItem(at: made.folder) }
        let entry = try #require(made.documents.first { ($0["title"] as? String)?.hasPrefix("Request for a parenting order on conviction") == true })
        #expect(entry["section"] as? String == "A")
        let text = flattened(made.text(of: made.pages(entry["id"] as! String)))
        #expect(text.contains("If Ms Zoë D'Souza is convicted, Northshire County Council asks the court to make a parenting order under section 8(1)(d) of the Crime and Disorder Act 1998"), "\(text)")
        #expect(text.contains("This is not an application of its own"))
        #expect(text.contains("For 12 months, that the parent:"))
        #expect(text.contains("Make sure Siobhán arrives at school by 8.40am on every day the school is open."))
        #expect(text.contains("for a concurrent period of 3 months, this counselling or guidance programme"))
        #expect(text.contains("The responsible officer (section 8(8)): Alex Brennan, Senior County Attendance Officer."))
        #expect(text.contains("(section 9(2)): Siobhán lives with her mother, who works shifts"))
        // The figures for sentence are the summary's, for the period charged.
        let summary = flattened(made.text(of: made.pages("a1")))
        let figures = try #require(summary.range(of: "Between [^.]+ attended [0-9]+ of [0-9]+ possible sessions \\([^)]+\\)", options: .regularExpression))
        #expect(text.contains(String(summary[figures])), "\(summary[figures])")
        // Still a prosecution file: the charge, the notice of the right to object.
        #expect(summary.contains("The charge"))
    }

    @Test func withoutARequestTheProsecutionFileHasNoSuchPage() throws {
        let county = try EvidenceBundleTests.countyBundle()
        #expect(!county.documents.contains { ($0["title"] as? String)?.contains("parenting order") == true })
    }
}
