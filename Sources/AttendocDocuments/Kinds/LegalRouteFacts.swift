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
            ["s444_1": true, "s444_1a": false, "s443": false]
        case .s444_1a:
            ["s444_1": false, "s444_1a": true, "s443": false]
        // Section 443 (a school attendance order not complied with) is not quoted by these
        // letters, whose statutory partial is section 444's.
        case .educationSupervisionOrder, .s443:
            nil
        }
    }

    /// The offence an interview under caution is about (its invitation and its record): one of
    /// section 444's, or section 443(1) (a school attendance order not complied with), each
    /// quoted by its own statutory partial; nil for an application, which is not an offence.
    static func interviewOffence(_ section: LegalRoute.Section) -> [String: Any]? {
        section == .s443 ? ["s444_1": false, "s444_1a": false, "s443": true] : offence(section)
    }

    /// The offence the parent is suspected of, for a letter that needs one (an interview under
    /// caution): the case's legal route must be a prosecution (section 444, or section 443).
    static func suspectedOffence(in attendanceCase: AttendanceCase, for letter: String) throws(AttendocError) -> [String: Any] {
        guard let route = attendanceCase.legalRoute else {
            throw AttendocError(.document, "the case \(attendanceCase.reference) has no legal_route, so \(letter) cannot name the offence; add legal_route with section: s444_1, s444_1a or s443")
        }
        guard let offence = interviewOffence(route.section) else {
            throw AttendocError(.document, "the case \(attendanceCase.reference)'s legal route is an \(route.section.description), not a prosecution; \(letter) is only for an offence under section 444 or section 443 (legal_route.section: s444_1, s444_1a or s443): an application to the family court has no interview under caution")
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

    /// A whole number of pounds as a letter prints it, without the sign: 1000 as "1,000".
    static func pounds(_ amount: Int) -> String {
        let digits = String(amount.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (amount < 0 ? "-" : "") + grouped
    }
}
