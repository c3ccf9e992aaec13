import AttendocCaseModel
import AttendocCasework
import AttendocEngine
import AttendocValues

/// The request for a parenting order that goes with a prosecution when the case records one
/// (`legal_route.parenting_order_request`): for non-attendance an order is made when a parent is
/// convicted (section 8(1)(d) Crime and Disorder Act 1998), so it is a page of the prosecution
/// file, never an application of its own. It sets out for the court what the order would require
/// (section 8(4): the requirements and their period, the counselling or guidance programme), who
/// would be the responsible officer (section 8(8)), why it would help prevent a further offence
/// (section 8(6)), and the information for sentence the record holds: the attendance over the
/// period charged, the support offered and the family's circumstances (section 9(2)).
enum ParentingOrderPapers {
    /// The template's `parentingOrder` value: `false` without a request; otherwise its facts
    /// (docs/evidence-bundle.md).
    static func values(_ bundle: EvidenceBundle, offence: PupilFigures) -> Any {
        guard bundle.route.isProsecution, let request = bundle.route.parentingOrderRequest else { return false }
        let attendanceCase = bundle.view.attendanceCase
        let names = request.parentIDs.compactMap { attendanceCase.parentOrCarer(id: $0)?.fullName }
        let matters = bundle.entries.first { if case .defenceMatters = $0.content { true } else { false } }
        let measures = attendanceCase.supportiveMeasures
        let declined = measures.filter { $0.response == .declined || $0.response == .notEngaged }.count
        var value: [String: Any] = [
            "parents": BundleContext.names(names), "oneParent": names.count == 1,
            "requirements": request.requirements.map { ["text": $0] },
            "months": String(request.months), "oneMonth": request.months == 1,
            "pupil": attendanceCase.pupil.fullName, "authority": attendanceCase.localAuthority.name,
            "from": bundle.offenceFrom.longForm, "to": bundle.offenceTo.longForm,
            "attended": String(offence.attendedSessions), "possible": String(offence.possibleSessions),
            "attendance": offence.attendance.display, "unauthorised": String(offence.unauthorisedAbsenceSessions),
            "measures": String(measures.count), "oneMeasure": measures.count == 1,
            "declined": String(declined), "oneDeclined": declined == 1,
            "hasMatters": matters != nil, "matters": matters?.id ?? "",
        ]
        for (key, text) in [("programme", request.programme), ("responsibleOfficer", request.responsibleOfficer),
                            ("reasons", request.reasons), ("familyCircumstances", request.familyCircumstances)] {
            value.merge(BundleContext.optional(key, text)) { old, _ in old }
        }
        value.merge(BundleContext.optional("programmeMonths", request.programmeMonths.map(String.init))) { old, _ in old }
        return value
    }

    /// Section A's last entry, the request, when the case
    /// records one for a prosecution.
    static func entry(in section: EvidenceBundle.Section, route: LegalRoute, asOf: CalendarDate) -> EvidenceBundle.Entry? {
        guard route.isProsecution, route.parentingOrderRequest != nil else { return nil }
        return EvidenceBundle.Entry(id: "a\(section.entries.count + 1)", about: .parentingOrderRequest, date: asOf,
                                    content: .parentingOrderRequest, source: "legal_route.parenting_order_request")
    }
}
