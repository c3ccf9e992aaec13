import AttendocCaseModel
import AttendocValues

/// Values the local authority's enforcement letters share (the PACE interview invitation, the
/// final warning, the notice to improve): the offence, the legal route in words, a period's figures.
enum LegalRouteFacts {
    /// Which subsection of section 444 of the Education Act 1996 a letter quotes, for the statutory
    /// partial `partials/statutory/s444-offence` and for `partials/offence-section`, which names
    /// it: exactly one of `s444_1` and `s444_1a` is true.
    static func offence(_ section: LegalRoute.Section) -> [String: Any]? {
        switch section {
        case .s444_1:
            ["s444_1": true, "s444_1a": false]
        case .s444_1a:
            ["s444_1": false, "s444_1a": true]
        // Section 443 (a school attendance order not complied with) is not quoted by these
        // letters, whose statutory partial is section 444's.
        case .educationSupervisionOrder, .s443:
            nil
        }
    }

    /// The offence the parent is suspected of, for a letter that needs one (an interview under
    /// caution): the case's legal route must be a prosecution under section 444.
    static func suspectedOffence(in attendanceCase: AttendanceCase, for letter: String) throws(AttendocError) -> [String: Any] {
        guard let route = attendanceCase.legalRoute else {
            throw AttendocError(.document, "the case \(attendanceCase.reference) has no legal_route, so \(letter) cannot name the offence; add legal_route with section: s444_1 or s444_1a")
        }
        guard let offence = offence(route.section) else {
            throw AttendocError(.document, "the case \(attendanceCase.reference)'s legal route is an \(route.section.description), not a prosecution; \(letter) is only for an offence under section 444 (legal_route.section: s444_1 or s444_1a)")
        }
        return offence
    }

    /// Which legal route it is, for `partials/legal-route`, which words it: exactly one of
    /// `s444_1`, `s444_1a`, `s443` and `educationSupervisionOrder` is true.
    static func route(_ section: LegalRoute.Section) -> [String: Any] {
        [
            "s444_1": section == .s444_1, "s444_1a": section == .s444_1a, "s443": section == .s443,
            "educationSupervisionOrder": section == .educationSupervisionOrder,
        ]
    }
}
