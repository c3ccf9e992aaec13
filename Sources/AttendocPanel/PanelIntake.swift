import AttendocPolicy
import AttendocValues

/// The intake for one panel (seed 000's referral criteria): which referrals are taken forward, each
/// with its 15-minute slot from the panel's start, and which are refused, each with every reason
/// explained. Referrals are considered in the order received (the date received, then the order
/// given); the slots follow the clerk's order when one is given, else the order received.
public struct PanelIntake: Sendable {
    public var panel: PanelCalendar.Panel
    public var startsAt: String
    public var slots: [Slot]
    public var refusals: [Refusal]

    /// A referral taken forward, and when its referrer joins the panel.
    public struct Slot: Sendable {
        /// 0 for the first slot.
        public var index: Int
        /// `13:30`, `13:45` ...
        public var starts: String
        public var ends: String
        public var referral: PanelReferral
    }

    public struct Refusal: Sendable {
        public var referral: PanelReferral
        public var reasons: [Reason]
    }

    /// Why a referral is refused: a kind a program can tell apart, and an explanation a referrer can
    /// act on (naming fields, UPNs and references, never a name).
    public struct Reason: Sendable, Equatable {
        public enum Kind: String, Sendable {
            case noConsent = "no consent"
            case notOfStatutorySchoolAge = "not of statutory school age"
            case schoolAlreadyReferred = "the school already has a referral on this panel"
            case householdAlreadyReferred = "the household already has a referral on this panel"
            case afterTheWindowClosed = "received after the referral form closed"
            case missingInformation = "information the panel needs is missing"
            case involvementProgressing = "multi-agency involvement is progressing"
            case legalInterventionNotJudged = "legal intervention not yet judged"
        }
        public var kind: Kind
        public var explanation: String
    }

    /// The intake of `referrals` for `panel`; `order` is the clerk's order of slots by referral
    /// reference (those it leaves out follow in the order received).
    public static func take(_ referrals: [PanelReferral], for panel: PanelCalendar.Panel, calendar: PanelCalendar,
                            order: [String] = []) throws(AttendocError) -> PanelIntake {
        var seenReferences: [String: String] = [:]
        for referral in referrals {
            if let earlier = seenReferences[referral.reference] {
                throw AttendocError(.usage, "\(referral.file): reference: \(referral.reference) is also the reference of \(earlier); each referral needs its own reference")
            }
            seenReferences[referral.reference] = referral.file
        }
        let received = referrals.enumerated().sorted { ($0.element.receivedOn, $0.offset) < ($1.element.receivedOn, $1.offset) }.map(\.element)
        var taken: [PanelReferral] = []
        var refusals: [Refusal] = []
        for referral in received {
            var reasons = ownProblems(referral, panel: panel, calendar: calendar)
            if reasons.isEmpty {
                if let urn = referral.school.urn, let earlier = taken.first(where: { $0.school.urn == urn }) {
                    reasons.append(Reason(kind: .schoolAlreadyReferred, explanation: "the school (URN \(urn)) already has the referral \(earlier.reference) on this panel, received \(earlier.receivedOn.longForm); a school may submit one referral per panel, and siblings, household members and several settings go in that one referral (add this referral's children to \(earlier.reference), or refer to the next panel)"))
                }
                for earlier in taken {
                    let shared = Set(earlier.pupilNumbers).intersection(referral.pupilNumbers).map(\.text).sorted()
                    if !shared.isEmpty {
                        reasons.append(Reason(kind: .householdAlreadyReferred, explanation: "UPN \(shared.joined(separator: ", ")) is already in the referral \(earlier.reference) on this panel; a household referred from several settings is one referral (add what this referral adds to \(earlier.reference))"))
                    }
                }
            }
            if reasons.isEmpty { taken.append(referral) } else { refusals.append(Refusal(referral: referral, reasons: reasons)) }
        }
        for reference in order where !taken.contains(where: { $0.reference == reference }) {
            let refused = refusals.contains { $0.referral.reference == reference }
            throw AttendocError(.usage, "--order names \(reference), which is \(refused ? "refused (see the refusals)" : "not one of the referrals given"); name only referrals taken forward")
        }
        let ordered = order.compactMap { reference in taken.first { $0.reference == reference } }
            + taken.filter { !order.contains($0.reference) }
        let slots = ordered.enumerated().map { index, referral in
            Slot(index: index, starts: calendar.slotTime(index), ends: calendar.slotTime(index + 1), referral: referral)
        }
        return PanelIntake(panel: panel, startsAt: calendar.startsAt, slots: slots, refusals: refusals)
    }

    /// What stops a referral by itself, whatever else is referred to the panel.
    static func ownProblems(_ referral: PanelReferral, panel: PanelCalendar.Panel, calendar: PanelCalendar) -> [Reason] {
        var reasons: [Reason] = []
        switch (referral.consent?.signed, referral.consent?.signedOn) {
        case (nil, _):
            reasons.append(Reason(kind: .noConsent, explanation: "consent.signed is not given; the Attendance Referral Consent Disclaimer has to be agreed with the pupil's parent or guardian before the panel can accept the case (attendoc panel consent-form makes the form)"))
        case (false?, _):
            reasons.append(Reason(kind: .noConsent, explanation: "consent.signed is no: the parent or guardian has not agreed to the Attendance Referral Consent Disclaimer, and the panel shares information with third-party agencies only with that consent"))
        case (true?, let signedOn?) where signedOn > panel.date:
            reasons.append(Reason(kind: .noConsent, explanation: "consent.signed_on is \(signedOn.longForm), after the panel; consent is needed before the case is accepted"))
        default:
            break
        }
        if referral.receivedOn > panel.referralsClose.date {
            reasons.append(Reason(kind: .afterTheWindowClosed, explanation: "received on \(referral.receivedOn.longForm), after the referral form for this panel closed on \(panel.referralsClose.date.longForm); refer it to the next panel"))
        }
        for child in referral.children {
            guard let birth = child.dateOfBirth else { continue }
            let age = calendar.statutoryAge
            if !age.includes(bornOn: birth, on: panel.date) {
                let who = child.upn.map { "UPN \($0.text)" } ?? child.path
                let when = age.ends(bornOn: birth) < panel.date
                    ? "ceased to be of statutory school age on \(age.ends(bornOn: birth).adding(days: 1).longForm)"
                    : "is of statutory school age only from \(age.starts(bornOn: birth).longForm)"
                reasons.append(Reason(kind: .notOfStatutorySchoolAge, explanation: "\(child.path) (\(who)) \(when); the panel considers children of statutory school age (remove the child from the referral, or refer when the child is of that age)"))
            }
        }
        if referral.involvement?.state == .progressing {
            reasons.append(Reason(kind: .involvementProgressing, explanation: "multi_agency_involvement.state is progressing; the panel considers cases with no multi-agency involvement (below thresholds or closed) or involvement that is not progressing"))
        }
        if referral.legalIntervention?.judged == .notConsidered {
            reasons.append(Reason(kind: .legalInterventionNotJudged, explanation: "legal_intervention.judged is not_considered; the panel considers cases where a penalty notice or other legal intervention has been agreed not to be appropriate, or has not been successful"))
        }
        let missing = missingInformation(referral)
        if !missing.isEmpty {
            reasons.append(Reason(kind: .missingInformation, explanation: "the referral does not give \(missing.joined(separator: ", ")); the slot is 15 minutes, so the panel needs as much as possible on the form rather than spending the time clarifying"))
        }
        return reasons
    }

    /// The fields the panel needs that the referral leaves out, by their place in the file.
    static func missingInformation(_ referral: PanelReferral) -> [String] {
        var missing: [String] = []
        if referral.referrer.name == nil { missing.append("referrer.name") }
        if referral.referrer.role == nil { missing.append("referrer.role") }
        if referral.referrer.email == nil && referral.referrer.phone == nil { missing.append("referrer.email or referrer.phone") }
        if referral.school.name == nil { missing.append("school.name") }
        if referral.school.urn == nil { missing.append("school.urn") }
        if referral.children.isEmpty { missing.append("children (at least one child)") }
        for child in referral.children {
            if child.upn == nil { missing.append("\(child.path).upn") }
            if child.forename == nil || child.surname == nil { missing.append("\(child.path).forename and surname") }
            if child.dateOfBirth == nil { missing.append("\(child.path).date_of_birth") }
            if child.yearGroup == nil { missing.append("\(child.path).year_group") }
        }
        if referral.reason == nil { missing.append("reason") }
        if referral.barriers.isEmpty { missing.append("barriers (at least one)") }
        if referral.involvement?.state == nil { missing.append("multi_agency_involvement.state") }
        if referral.tried.isEmpty { missing.append("tried (what has been tried already)") }
        if referral.legalIntervention?.judged == nil { missing.append("legal_intervention.judged") }
        if referral.consent?.signed == true && referral.consent?.signedOn == nil { missing.append("consent.signed_on") }
        return missing
    }
}
