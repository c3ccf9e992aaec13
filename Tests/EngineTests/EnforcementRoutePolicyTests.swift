import AttendocPolicy
import AttendocTesting
import AttendocValues
import AttendocYAML
import Foundation
import Testing

/// The policy's enforcement routes and sentencing information (policies/county-attendance-team.yaml):
/// read as data, and refused with the file, line and field when wrong.
@Suite("Policy: enforcement routes and sentencing")
struct EnforcementRoutePolicyTests {
    static func edited(_ old: String, _ new: String) throws -> Result<Policy, CaseFileError> {
        let folder = try temporaryFolder("routes-policy")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = resources.policies
        try FileManager.default.copyItem(at: source.appendingPathComponent("term-dates"), to: folder.appendingPathComponent("term-dates"))
        let text = try String(contentsOf: source.appendingPathComponent("county-attendance-team.yaml"), encoding: .utf8)
        #expect(text.components(separatedBy: old).count == 2, "the edit must match once: \(old)")
        let file = folder.appendingPathComponent("county.yaml")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: file)
        return Result { () throws(CaseFileError) in try PolicyReader.read(contentsOf: file) }
    }

    @Test func theCountyPolicyListsItsRoutesAndSentencing() throws {
        let county = try AttendocTesting.policy("county-attendance-team")
        #expect(county.enforcementRoutes.map(\.name) == ["s444-1", "s444-1a", "single-justice-procedure", "s443", "education-supervision-order"])
        #expect(county.defaultEnforcementRoute(forSection: "s444_1")?.name == "s444-1")
        #expect(county.defaultEnforcementRoute(forSection: "s444_1a")?.name == "s444-1a")
        #expect(county.defaultEnforcementRoute(forSection: "s443")?.name == "s443")
        #expect(county.defaultEnforcementRoute(forSection: "education_supervision_order")?.name == "education-supervision-order")
        // Section 443's route asks for the order's record, not the section 444 steps.
        let s443 = try #require(county.enforcementRoute(named: "s443"))
        #expect(s443.evidence.contains(.schoolAttendanceOrder) && s443.evidence.contains(.interview))
        #expect(!s443.evidence.contains(.warnings) && !s443.evidence.contains(.parentingContract) && !s443.evidence.contains(.chargePeriod)
                && !s443.evidence.contains(.referral) && !s443.evidence.contains(.penaltyNotices))
        // An application to the family court asks for its own checks and none of the criminal steps.
        let eso = try #require(county.enforcementRoute(named: "education-supervision-order"))
        #expect(eso.evidence.contains(.educationSupervisionOrder) && eso.papers == [.evidenceBundle])
        for criminal: RouteEvidence in [.warnings, .interview, .chargePeriod, .informationLaid, .penaltyNotices, .disclosure, .schoolAttendanceOrder] {
            #expect(!eso.evidence.contains(criminal), "\(criminal)")
        }
        let sjp = try #require(county.enforcementRoute(named: "single-justice-procedure"))
        #expect(sjp.respondWithinDays == 21 && sjp.sections == ["s444_1"])
        #expect(sjp.evidence.suffix(2) == [.defendantAddresses, .sentencingInformation])
        let offence = try #require(county.sentencing?.offences["s444_1"])
        #expect(offence.maximumFine == 1000 && offence.categories.map(\.startingPoint) == ["Band C fine", "Band B fine", "Band A fine"])
        #expect(county.sentencing?.fineBands.map(\.startingPercent) == [50, 100, 150])
        // s444(1A): level 4 (s444(8A)), the guideline's offence range Band A fine to high level community order.
        let knowing = try #require(county.sentencing?.offences["s444_1a"])
        #expect(knowing.maximumFine == 2500 && knowing.maximum.contains("imprisonment for up to 3 months"))
        #expect(knowing.categories.map(\.startingPoint) == ["Medium level community order", "Band C fine", "Band A fine"])
        #expect(knowing.categories.first?.range == "Low level community order to High level community order")
        // s443(4): level 3, and no guideline categories.
        let order = try #require(county.sentencing?.offences["s443"])
        #expect(order.maximumFine == 1000 && order.categories.isEmpty)
    }

    @Test func anUnknownEvidenceNameAMissingAnswerPeriodAndTwoDefaultsAreRefused() throws {
        let unknown = try Self.edited("exhibits, defendant_addresses", "exhibit, defendant_addresses")
        #expect(throws: CaseFileError.self) { try unknown.get() }
        if case .failure(let error) = unknown {
            #expect(error.description.contains("enforcement_routes[2].evidence[15]"), "\(error)")
            #expect(error.description.contains("expected one of: parenting_contract, warnings"), "\(error)")
            #expect(error.line != nil)
        }
        let days = try Self.edited("    respond_within_days: 21\n", "")
        if case .failure(let error) = days {
            #expect(error.description.contains("respond_within_days"), "\(error)")
        } else {
            Issue.record("a single justice procedure route without its answer period must be refused")
        }
        let twice = try Self.edited("    sections: [s444_1a]\n    default: yes\n", "    sections: [s444_1]\n    default: yes\n")
        if case .failure(let error) = twice {
            #expect(error.description.contains("s444-1a and s444-1 are both the default for a section they share"), "\(error)")
        } else {
            Issue.record("two defaults for one section must be refused")
        }
        let band = try Self.edited("{band: A, starting_percent: 50,", "{band: A, starting_percent: 90,")
        if case .failure(let error) = band {
            #expect(error.description.contains("is 90, outside its range (25 to 75)"), "\(error)")
        } else {
            Issue.record("a starting point outside its range must be refused")
        }
    }
}
