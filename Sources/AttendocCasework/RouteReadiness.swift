import AttendocCaseModel
import AttendocPolicy
import AttendocValues

/// What a case needs for one enforcement route (`attendoc check --for ROUTE`, `attendoc bundle
/// --route ROUTE`): the route's own evidence list from the policy's `enforcement_routes:`, the
/// case's `legal_route.section` among the sections the route may be taken for, and the checks
/// only some routes ask (a postal address for each defendant; the policy's sentencing
/// information for the offence).
public enum RouteReadiness {
    /// The route `name` names in the case's policy; nil `name`: the case's own route (the
    /// policy's default for its `legal_route.section`). Nil when the policy lists no routes or
    /// none for the case's section and no name was given: the whole prosecution check applies,
    /// as before routes were policy data.
    public static func route(named name: String?, for loaded: LoadedCase) throws(AttendocError) -> EnforcementRoute? {
        let routes = loaded.policy?.enforcementRoutes ?? []
        guard let name else {
            guard let section = loaded.attendanceCase.legalRoute?.section else { return nil }
            return loaded.policy?.defaultEnforcementRoute(forSection: section.rawValue)
        }
        guard let route = loaded.policy?.enforcementRoute(named: name) else {
            let policy = loaded.policy.map { "the policy \($0.identifier) (\($0.file))" } ?? "the case, which names no policy,"
            throw AttendocError(.usage, "\(policy) has no enforcement route \(name)",
                                suggestion: routes.isEmpty
                                    ? "add the route under enforcement_routes: in the policy (docs/policies.md), or check --for prosecution"
                                    : "use one of: \(routes.map(\.name).joined(separator: ", ")), prosecution (the case's own route) or referral")
        }
        return route
    }

    /// The gaps of `loaded` for `route` as of `date`; nil `route`: every prosecution check.
    public static func check(_ loaded: LoadedCase, for route: EnforcementRoute?, asOf date: CalendarDate,
                             sent: [SentLetter]? = nil, penaltyNotices: PenaltyNoticeHistory? = nil) -> ProsecutionReadiness {
        guard let route else {
            return ProsecutionReadiness.check(loaded, asOf: date, sent: sent, penaltyNotices: penaltyNotices)
        }
        var readiness = ProsecutionReadiness.check(loaded, asOf: date, sent: sent, penaltyNotices: penaltyNotices, evidence: Set(route.evidence))
        readiness.gaps = sectionGaps(loaded, route: route) + readiness.gaps
        if route.evidence.contains(.defendantAddresses) { readiness.gaps += addressGaps(loaded) }
        if route.evidence.contains(.sentencingInformation) { readiness.gaps += sentencingGaps(loaded, route: route) }
        return readiness
    }

    static func sectionGaps(_ loaded: LoadedCase, route: EnforcementRoute) -> [ProsecutionReadiness.Gap] {
        guard let section = loaded.attendanceCase.legalRoute?.section else {
            // DecisionReadiness names a missing legal route when the route asks for decisions.
            return route.evidence.contains(.decisions) ? [] : [ProsecutionReadiness.Gap(
                place: "legal_route", problem: "no legal route is recorded", toDo: "record legal_route: with its section (docs/case-file.md)")]
        }
        if route.papers.contains(.singleJusticeProcedurePack), let refused = SingleJusticeEligibility.refusal(for: loaded.attendanceCase) {
            return [ProsecutionReadiness.Gap(place: "legal_route.section", problem: refused.problem, toDo: refused.toDo)]
        }
        guard route.sections.contains(section.rawValue) else {
            return [ProsecutionReadiness.Gap(
                place: "legal_route.section",
                problem: "the case's section is \(section.rawValue) (\(section)), and the route \(route.name) (\(route.description)) is for \(route.sections.joined(separator: ", ")) only",
                toDo: "check the case for its own route (--for prosecution), or record the section the route is for")]
        }
        return []
    }

    /// Each defendant must have a postal address on which the papers are served (by post, for
    /// the single justice procedure). A confidential address serves: it is printed on that
    /// defendant's own copy only.
    static func addressGaps(_ loaded: LoadedCase) -> [ProsecutionReadiness.Gap] {
        let attendanceCase = loaded.attendanceCase
        let served = Set(Recipient.parents(in: attendanceCase).map(\.person.casePath))
        return (attendanceCase.legalRoute?.defendants ?? []).compactMap { defendant in
            guard let parent = attendanceCase.parentsAndCarers.first(where: { $0.id == defendant.parentID }),
                  !served.contains(parent.casePath) else { return nil }
            return ProsecutionReadiness.Gap(
                place: parent.casePath, problem: "the defendant has no postal address on which the papers can be served (or is marked do-not-contact)",
                toDo: "record their address under parents (address:, or lives_with_pupil), or take a route whose papers are served another way")
        }
    }

    static func sentencingGaps(_ loaded: LoadedCase, route: EnforcementRoute) -> [ProsecutionReadiness.Gap] {
        guard let section = loaded.attendanceCase.legalRoute?.section, route.sections.contains(section.rawValue) else { return [] }
        guard let sentencing = loaded.policy?.sentencing else {
            return [ProsecutionReadiness.Gap(place: route.place, problem: "the policy has no sentencing: section, which the route \(route.name) gives the court",
                                             toDo: "add sentencing: (the guideline, its fine bands and the offence's categories) to the policy (docs/policies.md)")]
        }
        guard let offence = sentencing.offences[section.rawValue], !offence.categories.isEmpty else {
            return [ProsecutionReadiness.Gap(place: route.place, problem: "the policy's sentencing: sets nothing for \(section.rawValue)",
                                             toDo: "add sentencing: offences: \(section.rawValue): with its maximum and categories (docs/policies.md)")]
        }
        return []
    }
}
