@testable import AttendocBundle
@testable import AttendocCasework
import AttendocPolicy
import AttendocTesting
import AttendocValues
import Foundation
import Testing

/// Both local authorities Attendoc ships can take every enforcement route: Westmoor's policy
/// (policies/westmoor-attendance-team.yaml) lists the county's routes, sentencing information and
/// parenting order limits, so a case under Westmoor's policy is checked for each route from
/// Westmoor's own lists, and finds what the county's finds.
@Suite("Enforcement routes: Westmoor's policy")
struct WestmoorRouteTests {
    static let asOf = ReadinessTests.asOf

    static func westmoor() throws -> Policy { try AttendocTesting.policy("westmoor-attendance-team") }

    /// `loaded` under Westmoor's policy.
    static func underWestmoor(_ loaded: LoadedCase) throws -> LoadedCase {
        var loaded = loaded
        loaded.policy = try westmoor()
        return loaded
    }

    static func gaps(_ loaded: LoadedCase, route name: String?) throws -> [String] {
        let route = try RouteReadiness.route(named: name, for: loaded)
        return RouteReadiness.check(loaded, for: route, asOf: asOf).gaps.map(\.description)
    }

    @Test func westmoorListsEveryRouteWithItsSentencingAndParentingOrderLimits() throws {
        let westmoor = try Self.westmoor(), county = try AttendocTesting.policy("county-attendance-team")
        #expect(westmoor.enforcementRoutes.map(\.name) == ["s444-1", "s444-1a", "single-justice-procedure", "s443", "education-supervision-order"])
        #expect(westmoor.enforcementRoutes.map(\.papers) == county.enforcementRoutes.map(\.papers))
        #expect(westmoor.enforcementRoutes.map(\.evidence) == county.enforcementRoutes.map(\.evidence))
        for section in ["s444_1", "s444_1a", "s443", "education_supervision_order"] {
            #expect(westmoor.defaultEnforcementRoute(forSection: section)?.name == county.defaultEnforcementRoute(forSection: section)?.name, "\(section)")
        }
        #expect(westmoor.singleJusticeRoute(forSection: "s444_1")?.respondWithinDays == 21)
        #expect(Set(westmoor.sentencing?.offences.keys.map { $0 } ?? []) == ["s444_1", "s444_1a", "s443"])
        #expect(westmoor.sentencing?.offences["s444_1a"]?.categories.map(\.startingPoint) == ["Medium level community order", "Band C fine", "Band A fine"])
        #expect(westmoor.parentingOrders?.requirementsMonths == 12 && westmoor.parentingOrders?.programmeMonths == 3)
        // Its own code of conduct for penalty notices, at the national framework's amounts.
        #expect(westmoor.penaltyNotices?.codeOfConduct.hasPrefix("Westmoor Council") == true)
        #expect(westmoor.penaltyNotices?.firstReducedAmount == 80 && westmoor.penaltyNotices?.secondAmount == 160)
    }

    @Test func aWestmoorCaseIsCheckedForEachRouteFromWestmoorsLists() throws {
        let county = try EnforcementRouteTests.county()
        let loaded = try Self.underWestmoor(county)
        #expect(loaded.policy?.identifier != county.policy?.identifier, "the case is read under Westmoor's policy")
        #expect(try RouteReadiness.route(named: nil, for: loaded)?.place.contains("westmoor-attendance-team.yaml") == true, "the route is Westmoor's")
        for route in ["s444-1", "single-justice-procedure"] {
            #expect(try Self.gaps(loaded, route: route).isEmpty, "\(route)")
        }
        #expect(try Self.gaps(loaded, route: nil).isEmpty, "--for prosecution: the case's own route, s444-1")
        // The same case charged under s444(1A), under section 443 with its order, and applied for
        // as an Education Supervision Order: each its own route, nothing missing.
        let knowing = try Self.underWestmoor(try ReadinessTests.variant("  section: s444_1\n", "  section: s444_1a\n"))
        #expect(try RouteReadiness.route(named: nil, for: knowing)?.name == "s444-1a")
        #expect(try Self.gaps(knowing, route: "s444-1a").isEmpty)
        let order = try Self.underWestmoor(try SchoolAttendanceOrderProsecutionTests.prosecution())
        #expect(try Self.gaps(order, route: "s443").isEmpty)
        let application = try Self.underWestmoor(try FamilyCourtApplicationTests.application())
        #expect(try Self.gaps(application, route: "education-supervision-order").isEmpty)
        // A request for a parenting order is checked against Westmoor's limits.
        let requested = try Self.underWestmoor(try ParentingOrderRequestTests.requested([("    months: 12\n", "    months: 13\n")]))
        #expect(try Self.gaps(requested, route: nil).contains { $0.contains("13 months, more than the 12 the policy allows") })
        // A route Westmoor does not list is refused with Westmoor's list.
        #expect { _ = try RouteReadiness.route(named: "eso", for: loaded) } throws: { error in
            "\(error)".contains("use one of: s444-1, s444-1a, single-justice-procedure, s443, education-supervision-order")
        }
    }
}
