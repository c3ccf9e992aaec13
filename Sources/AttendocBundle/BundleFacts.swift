import AttendocCaseModel
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

        var facts: [[String: Any]] = [
            ["label": "Case reference", "value": attendanceCase.reference],
            ["label": "Pupil", "value": "\(pupil.fullName), born \(pupil.dateOfBirth.longForm)"],
            ["label": "School", "value": "\(attendanceCase.school.name) (\(pupil.yearGroup == 0 ? "Reception" : "Year \(pupil.yearGroup)"))"],
            ["label": "Period of the offence", "value": "\(bundle.offenceFrom.longForm) to \(bundle.offenceTo.longForm)"],
        ]
        if let hearing = route.hearingOn {
            facts.append(["label": "Hearing", "value": hearing.longFormWithWeekday + (route.hearingTime.map { " at \($0)" } ?? "")])
        } else {
            facts.append(["label": "Hearing", "value": "Not yet listed"])
        }
        facts.append(["label": "Prepared by", "value": "\(attendanceCase.officer.name), \(attendanceCase.officer.role), \([authority.name, authority.department].compactMap { $0 }.joined(separator: ", "))"])
        facts.append(["label": "Date of this bundle", "value": bundle.asOf.longForm])

        let sections: [[String: Any]] = bundle.sections.map { section in
            ["letter": section.letter, "title": section.title, "entries": section.entries.map(entryValue)]
        }
        let isProsecution = route.section == .s444_1 || route.section == .s444_1a
        return [
            "bundle": [
                "status": bundle.isDraft ? "draft" : "final",
                "title": "Evidence bundle: \(prosecutor) v \(defendantNames.joined(separator: " and "))",
                "author": [authority.name, authority.department].compactMap { $0 }.joined(separator: ", "),
                "reference": attendanceCase.reference,
                "date": LetterContext.dateValue(bundle.asOf),
            ] as [String: Any],
            "front": [
                "court": route.court ?? "To be confirmed",
                "prosecutor": prosecutor,
                "defendants": defendantNames.map { ["name": $0] },
                "offence": offenceLine(route.section),
                "facts": facts,
                "gaps": bundle.isDraft ? bundle.gaps.map { ["place": $0.place, "problem": $0.problem, "toDo": $0.toDo] } : [],
                "hasGaps": bundle.isDraft && !bundle.gaps.isEmpty,
            ] as [String: Any],
            "charge": [
                "isProsecution": isProsecution,
                "s444_1": route.section == .s444_1,
                "s444_1a": route.section == .s444_1a,
                "application": isProsecution ? "" : route.section.description,
                "from": bundle.offenceFrom.longForm,
                "to": bundle.offenceTo.longForm,
                "pupil": pupil.fullName,
                "school": attendanceCase.school.name,
                "defendants": defendantNames.map { ["name": $0] },
            ] as [String: Any],
            "summary": summaryParagraphs(bundle, offence: offenceFigures),
            "chronology": chronology(bundle, yearFigures: yearFigures),
            "tiers": measuresByTier(bundle),
            "figures": [
                "columns": ["Period of the offence", "School year to the date of this bundle"],
                "rows": figureRows(offenceFigures, yearFigures),
                "threshold": yearFigures.unauthorisedThresholdFirstMetOn.map { "The threshold of \(yearFigures.unauthorisedThresholdSessions) unauthorised sessions within \(yearFigures.windowSchoolWeeks) school weeks was first met on \($0.longForm)." } ?? "",
            ] as [String: Any],
            "statement": WitnessStatementDraft.values(for: bundle, offence: offenceFigures),
            "sections": sections,
        ]
    }

    static func offenceLine(_ section: LegalRoute.Section) -> String {
        switch section {
        case .s444_1: "Failing to secure the regular attendance at school of a registered pupil, contrary to section 444(1) of the Education Act 1996"
        case .s444_1a: "Knowing of a registered pupil's failure to attend regularly and failing to cause the child to do so, contrary to section 444(1A) of the Education Act 1996"
        case .educationSupervisionOrder: "Application for an Education Supervision Order under section 36 of the Children Act 1989"
        case .parentingOrder: "Application for a Parenting Order under section 8 of the Crime and Disorder Act 1998"
        }
    }

    static func entryValue(_ entry: EvidenceBundle.Entry) -> [String: Any] {
        var value: [String: Any] = [
            "id": entry.id, "title": entry.title,
            "hasDate": entry.date != nil, "dateISO": entry.date?.iso ?? "", "dateText": entry.date?.longForm ?? "",
            "hasExhibit": entry.exhibit != nil, "exhibit": entry.exhibit ?? "",
        ]
        for flag in ["isSummary", "isChronology", "isMeasures", "isFigures", "isStatement", "isDocument", "isPDF", "isImage", "isText"] {
            value[flag] = false
        }
        switch entry.content {
        case .summary: value["isSummary"] = true
        case .chronology: value["isChronology"] = true
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
    /// bundle's own entries "section B, page 12".
    static func proofs(_ ids: [String], in bundle: EvidenceBundle) -> [[String: Any]] {
        var seen: Set<String> = []
        let found = ids.compactMap { id -> [String: Any]? in
            guard !seen.contains(id), let entry = bundle.entry(id) else { return nil }
            seen.insert(id)
            let section = bundle.sections.first { $0.entries.contains { $0.id == id } }?.letter ?? ""
            return ["to": id, "label": entry.exhibit ?? "section \(section)"]
        }
        // "AB/3, page 12; AB/4, page 15": a separator after each but the last.
        return found.enumerated().map { $0.element.merging(["separator": $0.offset == found.count - 1 ? "" : "; "]) { old, _ in old } }
    }

    static func summaryParagraphs(_ bundle: EvidenceBundle, offence: PupilFigures) -> [[String: Any]] {
        let attendanceCase = bundle.view.attendanceCase
        let pupil = attendanceCase.pupil
        var paragraphs: [String] = []
        paragraphs.append("\(pupil.fullName), born \(pupil.dateOfBirth.longForm), is a registered pupil at \(attendanceCase.school.name). The case is brought by \(attendanceCase.localAuthority.name) against \(bundle.defendants.map(\.fullName).joined(separator: " and ")), \(bundle.defendants.count == 1 ? "who has" : "each of whom has") parental responsibility.")
        paragraphs.append("Between \(bundle.offenceFrom.longForm) and \(bundle.offenceTo.longForm), \(pupil.fullName) attended \(offence.attendedSessions) of \(offence.possibleSessions) possible sessions (\(offence.attendance.display)). \(offence.unauthorisedAbsenceSessions) sessions were unauthorised absences and \(offence.authorisedAbsenceSessions) were authorised absences. The register certificate and the figures are in section D.")
        let measures = attendanceCase.supportiveMeasures
        if !measures.isEmpty {
            let offered = Set(measures.map(\.offeredBy)).sorted()
            paragraphs.append("\(measures.count) supportive measure\(measures.count == 1 ? " was" : "s were") offered to the family by \(offered.joined(separator: ", ")), between \(measures.map(\.offeredOn).min()!.longForm) and \(measures.map(\.offeredOn).max()!.longForm); the schedule in section B sets out each one, the family's response and its outcome.")
        }
        let interviews = attendanceCase.meetings.filter { $0.kind == .paceInterview }
        if let interview = interviews.first {
            paragraphs.append("The parents were invited to an interview under caution, held on \(interview.date.longForm). The letters and the minutes are in section E.")
        }
        if let final = bundle.route.finalWarningOn {
            paragraphs.append("A final warning was sent on \(final.longForm). Attendance did not reach the target set, and the local authority decided on \(bundle.route.section.description).")
        }
        return paragraphs.map { ["text": $0] }
    }

    static func chronology(_ bundle: EvidenceBundle, yearFigures: PupilFigures) -> [[String: Any]] {
        let attendanceCase = bundle.view.attendanceCase
        let policy = bundle.view.policy
        var events: [(date: CalendarDate, order: Int, text: String, proofs: [String])] = []
        func add(_ date: CalendarDate, _ text: String, _ proofs: [String]) {
            events.append((date, events.count, text, proofs))
        }
        let certificate = bundle.entriesFor["register"] ?? []
        let figures = bundle.sections.first { $0.letter == "D" }?.entries.filter { if case .figures = $0.content { true } else { false } }.map(\.id) ?? []
        let schedule = bundle.sections.first { $0.letter == "B" }?.entries.map(\.id) ?? []
        for entry in yearFigures.tierHistory {
            let band = policy?.tiers.first { $0.tier == entry.tier }
            add(entry.enteredOn, "Attendance entered tier \(entry.tier)" + (band.map { ": \($0.description)" } ?? ""), certificate + figures)
        }
        if let met = yearFigures.unauthorisedThresholdFirstMetOn {
            add(met, "The threshold of unauthorised absence (\(yearFigures.unauthorisedThresholdSessions) sessions within \(yearFigures.windowSchoolWeeks) school weeks) was first met", certificate)
        }
        for letter in attendanceCase.lettersIssued {
            let name = attendanceCase.parentOrCarer(id: letter.recipientID)?.fullName ?? letter.recipientPath
            add(letter.date, "\(LetterContext.capitalised(letter.kind.description)) sent to \(name) (\(letter.method.rawValue))",
                (bundle.entriesFor[letter.casePath] ?? []) + (bundle.exhibitsFor[letter.casePath] ?? []))
        }
        for meeting in attendanceCase.meetings where meeting.date <= bundle.asOf {
            var text = LetterContext.capitalised(meeting.kind.description) + (meeting.place.map { " at \($0)" } ?? "")
            if let target = meeting.attendanceTarget {
                text += "; attendance target \(target.display)" + (meeting.reviewDate.map { ", to be reviewed on \($0.longForm)" } ?? "")
            }
            add(meeting.date, text, bundle.entriesFor[meeting.casePath] ?? [])
        }
        for measure in attendanceCase.supportiveMeasures {
            add(measure.offeredOn, "\(measure.offeredBy) offered: \(measure.what) (\(responseWords(measure.response)))",
                schedule + (bundle.exhibitsFor[measure.casePath] ?? []))
        }
        for referral in attendanceCase.referrals {
            add(referral.date, "Referral to \(referral.to) (\(referral.decision))", bundle.exhibitsFor[referral.casePath] ?? [])
        }
        if let referral = attendanceCase.referral {
            add(referral.acceptedOn, "\(attendanceCase.localAuthority.department ?? attendanceCase.localAuthority.name) accepted the school's referral", [])
        }
        let route = bundle.route
        add(route.decidedOn, "Decision on the legal route: \(route.section.description)" + (route.decidedBy.map { " (\($0))" } ?? ""), [])
        if let papers = route.papersToCourtOn {
            add(papers, "Papers sent to the court", [])
        }
        return events.sorted { ($0.date, $0.order) < ($1.date, $1.order) }.map { event in
            let proofs = proofs(event.proofs, in: bundle)
            return ["date": event.date.longForm, "event": event.text, "proofs": proofs, "hasProofs": !proofs.isEmpty]
        }
    }

    static func responseWords(_ response: SupportiveMeasure.Response) -> String {
        switch response {
        case .accepted: "accepted"
        case .declined: "declined"
        case .notEngaged: "not engaged with"
        case .notYetKnown: "response not yet known"
        }
    }

    static func measuresByTier(_ bundle: EvidenceBundle) -> [[String: Any]] {
        let measures = bundle.view.attendanceCase.supportiveMeasures
        let tiers = Set(measures.compactMap(\.tierAtTheTime)).sorted().map(Optional.some) + (measures.contains { $0.tierAtTheTime == nil } ? [nil] : [])
        return tiers.map { tier -> [String: Any] in
            let band = tier.flatMap { tier in bundle.view.policy?.tiers.first { $0.tier == tier } }
            let title = tier.map { "Tier \($0)" + (band.map { ": \($0.description)" } ?? "") } ?? "Tier not recorded"
            let rows = measures.filter { $0.tierAtTheTime == tier }.map { measure -> [String: Any] in
                var when = measure.offeredOn.longForm
                if let started = measure.startedOn {
                    when += "; ran from \(started.longForm)" + (measure.endedOn.map { " to \($0.longForm)" } ?? "")
                }
                let proofs = proofs(bundle.exhibitsFor[measure.casePath] ?? [], in: bundle)
                return [
                    "what": measure.what, "offeredBy": measure.offeredBy, "when": when,
                    "response": responseWords(measure.response),
                    "outcome": measure.outcome ?? "Not recorded",
                    "proofs": proofs, "hasProofs": !proofs.isEmpty,
                ]
            }
            return ["title": title, "measures": rows]
        }
    }

    static func figureRows(_ offence: PupilFigures, _ year: PupilFigures) -> [[String: Any]] {
        func row(_ label: String, _ value: (PupilFigures) -> String) -> [String: Any] {
            ["label": label, "offence": value(offence), "year": value(year)]
        }
        return [
            row("From") { $0.from.longForm },
            row("To") { $0.to.longForm },
            row("Possible sessions") { String($0.possibleSessions) },
            row("Sessions attended") { String($0.attendedSessions) },
            row("Authorised absences (sessions)") { String($0.authorisedAbsenceSessions) },
            row("Unauthorised absences (sessions)") { String($0.unauthorisedAbsenceSessions) },
            row("Attendance") { $0.attendance.display },
            row("Unauthorised absence") { $0.unauthorisedAbsence.display },
        ]
    }
}
