import AttendocCaseModel
import AttendocCasework
import AttendocDocuments
import AttendocEngine
import AttendocValues
import Foundation

/// The values `templates/evidence-bundle.mustache` prints, from a planned `EvidenceBundle`: the
/// front sheet, the chronology, the schedule of supportive measures by tier, the figures and the
/// witness statement's paragraphs. Every date, figure and exhibit number is computed here; the
/// template only chooses words. Keys are documented in docs/evidence-bundle.md.
enum BundleFacts {
    static func values(for bundle: EvidenceBundle) throws(AttendocError) -> [String: Any] {
        let attendanceCase = bundle.view.attendanceCase
        let pupil = attendanceCase.pupil
        let authority = attendanceCase.localAuthority
        let route = bundle.route
        let yearFigures = try bundle.view.figures(asOf: bundle.asOf)
        let offenceFigures = try bundle.view.figures(asOf: bundle.offenceTo, from: bundle.offenceFrom)
        let defendantNames = bundle.defendants.map(\.fullName)
        let prosecutor = authority.name

        // A statement's entry carries its own witness's statement (`statement`), which its
        // partial prints; the officer's is also the bundle's `statement`.
        let sections: [[String: Any]] = bundle.sections.map { section in
            ["letter": section.letter, "is": Dictionary(uniqueKeysWithValues: ["A", "B", "C", "D", "E", "F"].map { ($0, $0 == section.letter) }),
             "entries": section.entries.map { entry in
                 var value = entryValue(entry)
                 if case .statement(let producer) = entry.content {
                     value["statement"] = WitnessStatementDraft.values(for: bundle, offence: offenceFigures, producer: producer)
                 }
                 return value
             }]
        }
        let isProsecution = route.isProsecution
        return [
            "bundle": [
                "status": bundle.isDraft ? "draft" : "final",
                "date": LetterContext.dateValue(bundle.asOf),
            ] as [String: Any],
            "route": BundleContext.route(route.section),
            "front": [
                "court": route.court ?? "", "hasCourt": route.court != nil,
                "prosecutor": prosecutor,
                "authority": authority.name,
                "defendants": BundleContext.names(defendantNames),
                "reference": attendanceCase.reference,
                "pupil": pupil.fullName, "born": pupil.dateOfBirth.longForm,
                "school": attendanceCase.school.name, "isReception": pupil.yearGroup == 0, "yearGroup": String(pupil.yearGroup),
                "from": bundle.offenceFrom.longForm, "to": bundle.offenceTo.longForm,
                "isListed": route.hearingOn != nil, "hearing": route.hearingOn?.longFormWithWeekday ?? "",
                "officer": attendanceCase.officer.name, "role": attendanceCase.officer.role,
                "date": bundle.asOf.longForm,
                "gaps": bundle.isDraft ? bundle.gaps.map { ["place": $0.place, "problem": $0.problem, "toDo": $0.toDo] } : [],
                "hasGaps": bundle.isDraft && !bundle.gaps.isEmpty,
            ].merging(BundleContext.optional("department", authority.department)) { old, _ in old }
             .merging(BundleContext.optional("hearingTime", route.hearingTime.map { "\($0)" })) { old, _ in old }
             .merging(BundleContext.optional("layBy", isProsecution ? (try? bundle.view.deadline(.informationLaid, from: bundle.offenceFrom,
                 for: "the bundle's front sheet"))?.longForm : nil)) { old, _ in old },
            "charge": [
                "isProsecution": isProsecution,
                "s444_1": route.section == .s444_1,
                "s444_1a": route.section == .s444_1a,
                "s443": route.section == .s443,
                "order": schoolAttendanceOrder(attendanceCase),
                "from": bundle.offenceFrom.longForm,
                "to": bundle.offenceTo.longForm,
                "pupil": pupil.fullName,
                "school": attendanceCase.school.name,
                "defendants": defendantNames.map { ["name": $0] },
            ] as [String: Any],
            "summary": summary(bundle, offence: offenceFigures),
            "chronology": chronology(bundle, yearFigures: yearFigures).map { $0.context(in: bundle) },
            "decisions": decisions(bundle),
            "defence": DefenceMatters.values(bundle, year: (yearFigures.from, yearFigures.to)),
            "unused": UnusedMaterialSchedule.values(bundle),
            "tiers": measuresByTier(bundle),
            "figures": [
                "offence": figureValues(offenceFigures),
                "year": figureValues(yearFigures),
                "threshold": yearFigures.unauthorisedThresholdFirstMetOn.map { ["on": $0.longForm, "sessions": String(yearFigures.unauthorisedThresholdSessions), "weeks": String(yearFigures.windowSchoolWeeks)] as [String: Any] } ?? false,
            ] as [String: Any],
            "statement": WitnessStatementDraft.values(for: bundle, offence: offenceFigures, producer: .officer),
            "family": FamilyCourtApplication.values(bundle, offence: offenceFigures),
            "parentingOrder": ParentingOrderPapers.values(bundle, offence: offenceFigures),
            "sections": sections,
        ]
    }

    static func entryValue(_ entry: EvidenceBundle.Entry) -> [String: Any] {
        var value: [String: Any] = [
            "id": entry.id, "about": entry.about.context,
            "hasDate": entry.date != nil, "dateISO": entry.date?.iso ?? "", "dateText": entry.date?.longForm ?? "",
            "hasExhibit": entry.exhibit != nil, "exhibit": entry.exhibit ?? "",
        ]
        for flag in ["isSummary", "isChronology", "isDecisions", "isParentingOrderRequest", "isDefenceMatters", "isUnusedMaterial", "isObjectionNotice", "isMeasures", "isFigures", "isStatement", "isDocument", "isPDF", "isImage", "isText"] {
            value[flag] = false
        }
        switch entry.content {
        case .summary: value["isSummary"] = true
        case .chronology: value["isChronology"] = true
        case .decisions: value["isDecisions"] = true
        case .parentingOrderRequest: value["isParentingOrderRequest"] = true
        case .defenceMatters: value["isDefenceMatters"] = true
        case .unusedMaterial: value["isUnusedMaterial"] = true
        case .objectionNotice: value["isObjectionNotice"] = true
        case .measures: value["isMeasures"] = true
        case .figures: value["isFigures"] = true
        case .statement: value["isStatement"] = true
        case .document: value["isDocument"] = true
        case .suppliedPDF(let url, let pages):
            value["isPDF"] = true
            value["src"] = url.absoluteString
            value["pages"] = String(pages)
        case .suppliedImage(let url):
            value["isImage"] = true
            value["src"] = url.absoluteString
        case .suppliedText(_, let text):
            value["isText"] = true
            value["text"] = text
        }
        return value
    }

    /// Where something is proved: each entry as "AB/3, page 37" (the page a `ref`), or for the
    /// bundle's own entries "section B, page 12": `to` (the entry id), `hasExhibit`, `label` (the
    /// exhibit number, or empty), `section` (its letter), and the `BundleContext.list` flags. The
    /// words are the chronology's and the schedule's partials.
    static func proofs(_ ids: [String], in bundle: EvidenceBundle) -> [[String: Any]] {
        var seen: Set<String> = []
        let found = ids.compactMap { id -> [String: Any]? in
            guard !seen.contains(id), let entry = bundle.entry(id) else { return nil }
            seen.insert(id)
            let section = bundle.sections.first { $0.entries.contains { $0.id == id } }?.letter ?? ""
            return ["to": id, "hasExhibit": entry.exhibit != nil, "label": entry.exhibit ?? "", "section": section]
        }
        return BundleContext.list(found)
    }

    /// The summary's paragraphs, in their order, each `false` when the case has nothing for it;
    /// their words are `templates/partials/bundle/summary/*.mustache`.
    static func summary(_ bundle: EvidenceBundle, offence: PupilFigures) -> [String: Any] {
        let attendanceCase = bundle.view.attendanceCase
        let pupil = attendanceCase.pupil
        var summary: [String: Any] = [
            "pupil": [
                "pupil": pupil.fullName, "born": pupil.dateOfBirth.longForm, "school": attendanceCase.school.name,
                "authority": attendanceCase.localAuthority.name,
                "defendants": BundleContext.names(bundle.defendants.map(\.fullName)), "oneDefendant": bundle.defendants.count == 1,
            ] as [String: Any],
            "attendance": [
                "from": bundle.offenceFrom.longForm, "to": bundle.offenceTo.longForm, "pupil": pupil.fullName,
                "attended": String(offence.attendedSessions), "possible": String(offence.possibleSessions),
                "attendance": offence.attendance.display,
                "unauthorised": String(offence.unauthorisedAbsenceSessions), "authorised": String(offence.authorisedAbsenceSessions),
            ] as [String: Any],
            "measures": false, "interview": false, "finalWarning": false,
        ]
        let measures = attendanceCase.supportiveMeasures
        if let first = measures.map(\.offeredOn).min(), let last = measures.map(\.offeredOn).max() {
            summary["measures"] = [
                "count": String(measures.count), "one": measures.count == 1,
                "offeredBy": BundleContext.names(Set(measures.map(\.offeredBy)).sorted()),
                "first": first.longForm, "last": last.longForm,
            ] as [String: Any]
        }
        if let interview = attendanceCase.meetings.first(where: { $0.kind == .paceInterview }) {
            summary["interview"] = ["date": interview.date.longForm]
        }
        if let final = bundle.route.finalWarningOn {
            summary["finalWarning"] = ["date": final.longForm]
        }
        return summary
    }

    /// A dated event of the chronology: what happened, as facts, and the entries that prove it.
    /// Its words are `templates/partials/bundle/chronology/<kind>.mustache`.
    struct Event {
        enum What {
            case tierEntered(tier: Int, band: String?)
            case thresholdMet(sessions: Int, weeks: Int)
            case letterSent(kind: String, to: String, method: String)
            case meeting(kind: String, place: String?, target: String?, review: CalendarDate?)
            case measure(offeredBy: String, what: String, response: SupportiveMeasure.Response)
            case referral(to: String, decision: String)
            case referralAccepted(by: String)
            case routeDecided(by: String?)
            case decisionMade(by: String?, isProsecution: Bool)
            case papersToCourt
        }

        static let kinds = ["tierEntered", "thresholdMet", "letterSent", "meeting", "measure", "referral", "referralAccepted", "routeDecided", "decisionMade", "papersToCourt"]

        var date: CalendarDate
        var what: What
        /// Entry ids.
        var proofs: [String]

        /// The event as the template reads it: `date`, `proofs`, and one key per kind (`false`
        /// but for its own, which holds its facts).
        func context(in bundle: EvidenceBundle) -> [String: Any] {
            let proofs = BundleFacts.proofs(proofs, in: bundle)
            var context: [String: Any] = Dictionary(uniqueKeysWithValues: Self.kinds.map { ($0, false as Any) })
            context["date"] = date.longForm
            context["proofs"] = proofs
            context["hasProofs"] = !proofs.isEmpty
            switch what {
            case .tierEntered(let tier, let band):
                context["tierEntered"] = ["tier": String(tier)].merging(BundleContext.optional("band", band)) { old, _ in old }
            case .thresholdMet(let sessions, let weeks):
                context["thresholdMet"] = ["sessions": String(sessions), "weeks": String(weeks)]
            case .letterSent(let kind, let to, let method):
                context["letterSent"] = ["kind": kind, "to": to, "method": method]
            case .meeting(let kind, let place, let target, let review):
                context["meeting"] = ["kind": kind]
                    .merging(BundleContext.optional("place", place)) { old, _ in old }
                    .merging(BundleContext.optional("target", target)) { old, _ in old }
                    .merging(BundleContext.optional("review", review?.longForm)) { old, _ in old }
            case .measure(let offeredBy, let what, let response):
                context["measure"] = ["offeredBy": offeredBy, "what": what, "response": BundleFacts.responseContext(response)] as [String: Any]
            case .referral(let to, let decision):
                context["referral"] = ["to": to, "decision": decision]
            case .referralAccepted(let by):
                context["referralAccepted"] = ["by": by]
            case .routeDecided(let by):
                context["routeDecided"] = BundleContext.optional("decidedBy", by)
            case .decisionMade(let by, let isProsecution):
                context["decisionMade"] = (["isProsecution": isProsecution] as [String: Any]).merging(BundleContext.optional("decidedBy", by)) { old, _ in old }
            case .papersToCourt:
                context["papersToCourt"] = true
            }
            return context
        }
    }

    static func chronology(_ bundle: EvidenceBundle, yearFigures: PupilFigures) -> [Event] {
        let attendanceCase = bundle.view.attendanceCase
        let policy = bundle.view.policy
        var events: [(event: Event, order: Int)] = []
        func add(_ date: CalendarDate, _ what: Event.What, _ proofs: [String]) {
            events.append((Event(date: date, what: what, proofs: proofs), events.count))
        }
        let certificate = bundle.entriesFor["register"] ?? []
        let figures = bundle.sections.first { $0.letter == "D" }?.entries.filter { if case .figures = $0.content { true } else { false } }.map(\.id) ?? []
        let schedule = bundle.sections.first { $0.letter == "B" }?.entries.map(\.id) ?? []
        for entry in yearFigures.tierHistory {
            let band = policy?.tiers.first { $0.tier == entry.tier }
            add(entry.enteredOn, .tierEntered(tier: entry.tier, band: band?.description), certificate + figures)
        }
        if let met = yearFigures.unauthorisedThresholdFirstMetOn {
            add(met, .thresholdMet(sessions: yearFigures.unauthorisedThresholdSessions, weeks: yearFigures.windowSchoolWeeks), certificate)
        }
        for letter in attendanceCase.lettersIssued {
            let name = attendanceCase.parentOrCarer(id: letter.recipientID)?.fullName ?? letter.recipientPath
            add(letter.date, .letterSent(kind: LetterContext.capitalised(letter.kind.description), to: name, method: letter.method.rawValue),
                (bundle.entriesFor[letter.casePath] ?? []) + (bundle.exhibitsFor[letter.casePath] ?? []))
        }
        for meeting in attendanceCase.meetings where meeting.date <= bundle.asOf {
            add(meeting.date, .meeting(kind: LetterContext.capitalised(meeting.kind.description), place: meeting.place,
                                       target: meeting.attendanceTarget?.display, review: meeting.reviewDate),
                bundle.entriesFor[meeting.casePath] ?? [])
        }
        for measure in attendanceCase.supportiveMeasures {
            add(measure.offeredOn, .measure(offeredBy: measure.offeredBy, what: measure.what, response: measure.response),
                schedule + (bundle.exhibitsFor[measure.casePath] ?? []))
        }
        for referral in attendanceCase.referrals {
            add(referral.date, .referral(to: referral.to, decision: referral.decision.description), bundle.exhibitsFor[referral.casePath] ?? [])
        }
        if let referral = attendanceCase.referral {
            add(referral.acceptedOn, .referralAccepted(by: attendanceCase.localAuthority.department ?? attendanceCase.localAuthority.name), [])
        }
        let route = bundle.route
        let decisionRecords = bundle.sections.first { $0.letter == "A" }?.entries.filter { if case .decisions = $0.content { true } else { false } }.map(\.id) ?? []
        add(route.decidedOn, .routeDecided(by: route.decidedBy), decisionRecords)
        if let decision = route.decision {
            add(decision.on, .decisionMade(by: decision.by, isProsecution: route.isProsecution), decisionRecords)
        }
        if let papers = route.papersToCourtOn {
            add(papers, .papersToCourt, [])
        }
        return events.sorted { ($0.event.date, $0.order) < ($1.event.date, $1.order) }.map(\.event)
    }

    /// The decision records as the case holds them, for `partials/bundle/decisions`.
    static func decisions(_ bundle: EvidenceBundle) -> [String: Any] {
        let route = bundle.route
        var values: [String: Any] = [
            "route": BundleContext.route(route.section),
            "isProsecution": route.isProsecution,
            "referral": (["date": route.decidedOn.longForm] as [String: Any])
                .merging(BundleContext.optional("by", route.decidedBy)) { old, _ in old }
                .merging(BundleContext.optional("reasons", route.reasonsAtReferral)) { old, _ in old },
            "decision": false,
        ]
        if let decision = route.decision {
            var review: (date: CalendarDate, meeting: String)?
            if let meeting = TargetReview.latestMeeting(in: bundle.view.attendanceCase, before: decision.on.adding(days: 1)),
               let date = try? TargetReview.reviewDate(of: meeting, in: bundle.view, for: "the decision records") {
                review = (date, meeting.kind.description)
            }
            values["decision"] = (["date": decision.on.longForm, "meeting": review?.meeting ?? ""] as [String: Any])
                .merging(BundleContext.optional("by", decision.by)) { old, _ in old }
                .merging(BundleContext.optional("review", review?.date.longForm)) { old, _ in old }
                .merging(BundleContext.optional("educationSupervisionOrder", decision.educationSupervisionOrder)) { old, _ in old }
                .merging(BundleContext.optional("supportFirst", decision.supportFirst)) { old, _ in old }
                .merging(BundleContext.optional("publicInterest", decision.publicInterest)) { old, _ in old }
        }
        return values
    }

    /// A family's response to a supportive measure, for `partials/bundle/response`.
    static func responseContext(_ response: SupportiveMeasure.Response) -> [String: Any] {
        ["accepted": response == .accepted, "declined": response == .declined,
         "notEngaged": response == .notEngaged, "notYetKnown": response == .notYetKnown]
    }

    /// The schedule of supportive measures, by the tier at the time of the offer (tiers in
    /// order, then the measures whose tier is not recorded).
    static func measuresByTier(_ bundle: EvidenceBundle) -> [[String: Any]] {
        let measures = bundle.view.attendanceCase.supportiveMeasures
        let tiers = Set(measures.compactMap(\.tierAtTheTime)).sorted().map(Optional.some) + (measures.contains { $0.tierAtTheTime == nil } ? [nil] : [])
        return tiers.map { tier -> [String: Any] in
            let band = tier.flatMap { tier in bundle.view.policy?.tiers.first { $0.tier == tier } }
            let rows = measures.filter { $0.tierAtTheTime == tier }.map { measure -> [String: Any] in
                let proofs = proofs(bundle.exhibitsFor[measure.casePath] ?? [], in: bundle)
                return [
                    "what": measure.what, "offeredBy": measure.offeredBy, "offered": measure.offeredOn.longForm,
                    "response": responseContext(measure.response),
                    "proofs": proofs, "hasProofs": !proofs.isEmpty,
                ].merging(BundleContext.optional("started", measure.startedOn?.longForm)) { old, _ in old }
                 .merging(BundleContext.optional("ended", measure.endedOn?.longForm)) { old, _ in old }
                 .merging(BundleContext.optional("outcome", measure.outcome)) { old, _ in old }
            }
            return ["measures": rows]
                .merging(BundleContext.optional("tier", tier.map(String.init))) { old, _ in old }
                .merging(BundleContext.optional("band", band?.description)) { old, _ in old }
        }
    }

    /// The engine's figures over one period, for `partials/bundle/figures`.
    static func figureValues(_ figures: PupilFigures) -> [String: Any] {
        [
            "from": figures.from.longForm, "to": figures.to.longForm,
            "possible": String(figures.possibleSessions), "attended": String(figures.attendedSessions),
            "authorised": String(figures.authorisedAbsenceSessions), "unauthorised": String(figures.unauthorisedAbsenceSessions),
            "attendance": figures.attendance.display, "unauthorisedAbsence": figures.unauthorisedAbsence.display,
        ]
    }
}
