@testable import AttendocBundle
import AttendocDocuments
import AttendocPrograms
import AttendocCasework
import AttendocTesting
import AttendocValues
import Foundation
import Testing

/// `attendoc check --for ROUTE` and `attendoc bundle --route ROUTE` for the county case: each
/// route's evidence list is the policy's (policies/county-attendance-team.yaml,
/// enforcement_routes:), `--for prosecution` is the case's own route (s444-1 for section
/// s444_1), and a route whose papers file the unused material schedule apart leaves it out of
/// the bundle (the initial details of the prosecution case).
@Suite("Enforcement routes: each route's evidence list and papers")
struct EnforcementRouteTests {
    static let asOf = ReadinessTests.asOf

    static func county() throws -> LoadedCase { try LoadedCase.load(ReadinessTests.riverside, resources: resources) }

    static func gaps(_ loaded: LoadedCase, route name: String?) throws -> [String] {
        let route = try RouteReadiness.route(named: name, for: loaded)
        return RouteReadiness.check(loaded, for: route, asOf: asOf).gaps.map(\.description)
    }

    @Test func eachRouteChecksTheCountyCaseFromItsOwnList() throws {
        let loaded = try Self.county()
        // The case's own route, by name and as "prosecution".
        #expect(try RouteReadiness.route(named: nil, for: loaded)?.name == "s444-1")
        #expect(try Self.gaps(loaded, route: "s444-1").isEmpty)
        #expect(try Self.gaps(loaded, route: nil).isEmpty)
        #expect(try Self.gaps(loaded, route: "single-justice-procedure").isEmpty)
        // s444-1a is for a case charged under s444(1A): this case is not.
        let other = try Self.gaps(loaded, route: "s444-1a")
        #expect(other == ["legal_route.section: the case's section is s444_1 (prosecution under section 444(1)), and the route s444-1a (Prosecution in the magistrates' court under section 444(1A) Education Act 1996 (the parent knew of the failure to attend)) is for s444_1a only. To do: check the case for its own route (--for prosecution), or record the section the route is for"])
        // Charged under s444(1A): its own route is s444-1a, and that route finds nothing missing.
        let knowing = try ReadinessTests.variant("  section: s444_1\n", "  section: s444_1a\n")
        #expect(try RouteReadiness.route(named: nil, for: knowing)?.name == "s444-1a")
        #expect(try Self.gaps(knowing, route: nil).isEmpty)
    }

    @Test func theListDecidesWhatIsAsked() throws {
        // Without the school witness, every route that lists witnesses names the gap; the same
        // route with witnesses taken out of its list does not.
        let loaded = try ReadinessTests.variant("  school_witness:\n    name: Ms Laura Hughes\n    role: head of year 8\n", "")
        var route = try #require(try RouteReadiness.route(named: "s444-1", for: loaded))
        let asked = RouteReadiness.check(loaded, for: route, asOf: Self.asOf).gaps
        #expect(asked.map(\.place) == ["legal_route.school_witness"], "\(asked)")
        route.evidence.removeAll { $0 == .witnesses }
        #expect(RouteReadiness.check(loaded, for: route, asOf: Self.asOf).isReady)
        // And a route that asks for a postal address for each defendant names one without.
        let unreachable = try ReadinessTests.variant("  - id: father\n", "  - id: father\n    do_not_contact: yes\n    do_not_contact_reason: a court order\n")
        let sjp = try Self.gaps(unreachable, route: "single-justice-procedure")
        #expect(sjp.contains { $0.hasPrefix("parents[1]: the defendant has no postal address on which the papers can be served") }, "\(sjp)")
    }

    @Test func theUnusedMaterialScheduleIsADocumentOfItsOwnForARouteThatFilesItApart() throws {
        let loaded = try Self.county()
        let run = try LetterRun(resources: resources)
        let qpdf = try QPDF()
        func plan(apart: Bool) throws -> EvidenceBundle {
            try EvidenceBundle.plan(loaded, asOf: Self.asOf, isDraft: false, gaps: [],
                                    documents: { (kind, view, date, options) throws(AttendocError) in try run.letters(kind, for: view, dated: date, options: options) },
                                    pageCount: { (url) throws(AttendocError) in try qpdf.pageCount(of: url) }, unusedMaterialApart: apart)
        }
        let title = "Schedule of non-sensitive unused material"
        #expect(try EvidenceBundlePlanTests.xml(of: try plan(apart: false)).contains("title=\"\(title)\""))
        let idpc = try EvidenceBundlePlanTests.xml(of: try plan(apart: true))
        #expect(!idpc.contains(title), "the initial details of the prosecution case hold no schedule")
        #expect(try RouteReadiness.route(named: nil, for: loaded)?.papers.map(\.rawValue) == ["evidence_bundle", "unused_material_schedule"])
        // The schedule apart: the same rows, from the court view (the notes described by their meeting).
        let schedule = try UnusedMaterialScheduleDocument.document(for: loaded, asOf: Self.asOf, resources: resources)
        let text = flattened(EvidenceBundlePlanTests.unescaped(String(decoding: schedule.xml, as: UTF8.self)
            .replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)))
        #expect(schedule.relativeStem == "CAT-2026-0142/unused-material-schedule")
        #expect(text.contains("1 Notes for the agencies only, from the minutes of the Team Around the Family meeting of 21 October 2026 Riverside Academy, attendance office (Team Around the Family minutes, agency copy) Disclose"), "\(text)")
        #expect(text.contains("2 The school's visitors' signing-in book for 2 October 2026"))
        #expect(text.contains("Ms Zoë D'Souza; Mr Ciarán O'Brien"))
        #expect(!text.contains("before it is discussed in front of"), "never the notes' own words")
        #expect(!text.contains("Sidwell Street"))
    }

    @Test func anUnknownRouteIsAClearError() throws {
        let error = #expect(throws: AttendocError.self) { try RouteReadiness.route(named: "eso", for: try Self.county()) }
        #expect(error?.description.contains("has no enforcement route eso") == true)
        #expect(error?.description.contains("use one of: s444-1, s444-1a, single-justice-procedure, s443, education-supervision-order, prosecution (the case's own route) or referral") == true)
    }

    // MARK: Section 443 and an Education Supervision Order

    @Test func aSection443ProsecutionIsCheckedForTheOrderNotTheSection444Warnings() throws {
        let loaded = try SchoolAttendanceOrderProsecutionTests.prosecution()
        #expect(try RouteReadiness.route(named: nil, for: loaded)?.name == "s443")
        let own = try Self.gaps(loaded, route: "s443")
        #expect(own.isEmpty, "\(own)")
        #expect(try Self.gaps(loaded, route: nil).isEmpty, "--for prosecution is the case's own route, s443")
        // No first warning: the s444 route would name each parent; the s443 route asks for none.
        var unwarned = loaded
        unwarned.attendanceCase.lettersIssued.removeAll { $0.kind == .known(.firstWarningLetter) }
        #expect(try Self.gaps(unwarned, route: "s443").isEmpty)
        #expect(RouteReadiness.check(unwarned, for: nil, asOf: Self.asOf).gaps.contains { $0.problem.contains("no first warning letter") })
        // No order recorded: the route names it, with what to add.
        let none = try Self.gaps(try SchoolAttendanceOrderProsecutionTests.prosecution(""), route: "s443")
        #expect(none.contains { $0.hasPrefix("school_attendance_order: no school attendance order is recorded; a prosecution under section 443") }, "\(none)")
        // The section 444 route for this case names the section.
        #expect(try Self.gaps(loaded, route: "s444-1").first?.hasPrefix("legal_route.section: the case's section is s443") == true)
        // Its decision without the s447(1) consideration names section 443, not 444.
        var unconsidered = loaded
        unconsidered.attendanceCase.legalRoute?.decision?.educationSupervisionOrder = nil
        let decision = try Self.gaps(unconsidered, route: "s443")
        #expect(decision.contains { $0.contains("section 447(1) Education Act 1996 requires it before proceedings under section 443") }, "\(decision)")
    }

    @Test func anEducationSupervisionOrderIsCheckedForItsOwnStepsNotAProsecutions() throws {
        let loaded = try FamilyCourtApplicationTests.application()
        #expect(try RouteReadiness.route(named: nil, for: loaded)?.name == "education-supervision-order")
        let application = try Self.gaps(loaded, route: nil)
        #expect(application.isEmpty, "\(application)")
        // The criminal steps are not asked: no warnings, no record of an interview under caution.
        var civil = loaded
        civil.attendanceCase.lettersIssued.removeAll { $0.kind == .known(.firstWarningLetter) || $0.kind == .known(.finalWarningLetter) }
        for index in civil.attendanceCase.meetings.indices where civil.attendanceCase.meetings[index].kind == .paceInterview {
            civil.attendanceCase.meetings[index].interviews = []
        }
        let asked = try Self.gaps(civil, route: nil)
        #expect(!asked.contains { $0.contains("warning") || $0.contains("under caution") || $0.contains("interview") }, "\(asked)")
        // Section 36(6): no order for a child in the care of a local authority.
        var inCare = loaded
        inCare.attendanceCase.legalRoute?.childrenServicesConsultation?.childInCare = true
        let care = try Self.gaps(inCare, route: nil)
        #expect(care == ["legal_route.children_services_consultation: records that the child is in the care of a local authority; section 36(6) Children Act 1989 says an Education Supervision Order may not be made with respect to such a child. To do: do not apply for an order: work with the authority looking after the child (its virtual school head), or correct child_in_care if children's services said otherwise"], "\(care)")
        // Not recorded: both asked, naming section 36(6) and the appropriate authority of section 36(9).
        var unknown = loaded
        unknown.attendanceCase.legalRoute?.childrenServicesConsultation?.childInCare = nil
        unknown.attendanceCase.legalRoute?.childrenServicesConsultation?.authority = nil
        let missing = try Self.gaps(unknown, route: "education-supervision-order")
        #expect(missing.count == 2, "\(missing)")
        #expect(missing.contains { $0.contains("does not record whether the child is in the care of a local authority; section 36(6)") })
        #expect(missing.contains { $0.contains("does not name the local authority whose children's services were consulted; section 36(8) Children Act 1989 asks for the appropriate local authority of section 36(9)") })
        // A bundle is refused until they are recorded.
        let folder = try temporaryFolder("eso-in-care")
        defer { try? FileManager.default.removeItem(at: folder) }
        let route = try RouteReadiness.route(named: nil, for: inCare)
        #expect { _ = try BundleRun(resources: resources).make(inCare, asOf: Self.asOf, draft: false, to: folder, route: route) } throws: { error in
            "\(error)".contains("section 36(6) Children Act 1989")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "nothing written")
    }
}
