import AttendocCaseModel
import AttendocCasework
import AttendocPolicy
import AttendocValues

/// The single justice procedure papers for an offence under section 444(1) Education Act 1996
/// (Criminal Procedure Rules r24.9; section 16A Magistrates' Courts Act 1980): for each
/// defendant, the written charge, the notice that the procedure applies, the statement of facts
/// (a summary of the evidence, r24.9(2)(a)), the information relevant to sentence (r24.9(3):
/// the policy's `sentencing:` guideline and fine bands), the three notices for the defendant's
/// answer (guilty; guilty with a hearing; not guilty) and the statement of means; and one copy
/// for the court with each defendant's charge and the certificate of service the record holds.
///
/// Refused for an offence under section 444(1A), which is punishable with imprisonment.
/// Every figure is the engine's over the charge period; every letter sent is the record's (or
/// the case file's `letters_issued` without a workspace). No free text of the case is printed:
/// the papers are served on each defendant.
///
/// Keys (docs/templates.md): `sjp.*` (both copies), `defendant.*` (a defendant's own copy),
/// `sjp.defendants` (the court's copy), `isCourtCopy`.
enum SingleJusticeProcedureFacts {
    static func values(case loaded: LoadedCase, dated date: CalendarDate, options: LetterOptions) throws(AttendocError) -> [String: Any] {
        let attendanceCase = loaded.attendanceCase
        let reference = attendanceCase.reference
        if let refused = SingleJusticeEligibility.error(for: attendanceCase) { throw refused }
        guard let route = attendanceCase.legalRoute else { throw AttendocError(.document, "the case \(reference) has no legal_route") }
        guard !route.defendants.isEmpty else {
            throw AttendocError(.document, "the case \(reference) has no legal_route.defendants; the single justice procedure papers are served on each defendant",
                                suggestion: "choose the defendants under legal_route.defendants (docs/case-file.md)")
        }
        guard let policy = loaded.policy, let sjpRoute = policy.singleJusticeRoute(forSection: route.section.rawValue),
              let days = sjpRoute.respondWithinDays else {
            throw AttendocError(.policy, "the case \(reference): its policy \(loaded.policy?.identifier ?? "(none)") has no enforcement route whose papers include single_justice_procedure_pack for s444_1",
                                suggestion: "add the single-justice-procedure route under enforcement_routes: (docs/policies.md)")
        }
        guard let sentencing = policy.sentencing, let offence = sentencing.offences[route.section.rawValue] else {
            throw AttendocError(.policy, "\(policy.file): sentencing: the policy \(policy.identifier) sets no sentencing information for s444_1, which the single justice procedure gives the court (r24.9(3))",
                                suggestion: "add sentencing: with offences: s444_1: (docs/policies.md)")
        }
        guard let charge = ChargePeriod.of(loaded, asOf: date, sent: options.sentLetters) else {
            throw AttendocError(.document, "the case \(reference): the charge period cannot be known")
        }
        let figures = try loaded.figures(asOf: charge.to, from: charge.from)
        let attendance = QuotedAttendance(figures)
        let interviews = attendanceCase.meetings.filter { $0.kind == .paceInterview && $0.date <= date }
        let measures = attendanceCase.supportiveMeasures.filter { $0.offeredOn <= date }
        var sjp: [String: Any] = [
            "prosecutor": attendanceCase.localAuthority.name,
            "respondWithinDays": days,
            "charge": [
                "from": LetterContext.dateValue(charge.from), "to": LetterContext.dateValue(charge.to),
                "pupil": attendanceCase.pupil.fullName, "school": attendanceCase.school.name,
            ] as [String: Any],
            "figures": LetterContext.attendanceValue(attendance),
            "hasInterviews": !interviews.isEmpty,
            "interviews": interviews.map { ["date": LetterContext.dateValue($0.date)] },
            "measureCount": measures.count,
            "hasMeasures": !measures.isEmpty,
            "measuresPlural": measures.count != 1,
            "firstMeasure": measures.map(\.offeredOn).min().map(LetterContext.dateValue) ?? false,
            "sentencing": [
                "guideline": sentencing.guideline,
                "maximum": offence.maximum,
                "categories": offence.categories.map {
                    ["category": $0.category, "description": $0.description, "startingPoint": $0.startingPoint, "range": $0.range] as [String: Any]
                },
                "bands": sentencing.fineBands.map {
                    ["band": $0.band, "starting": $0.startingPercent, "from": $0.rangeFromPercent, "to": $0.rangeToPercent] as [String: Any]
                },
            ] as [String: Any],
        ]
        sjp["court"] = route.court
        // The court's copy: each defendant's charge, and the service the record certifies.
        let parents = Recipient.parents(in: attendanceCase)
        sjp["defendants"] = route.defendants.compactMap { defendant -> [String: Any]? in
            guard let recipient = parents.first(where: { $0.person.id == defendant.parentID }) else { return nil }
            var entry: [String: Any] = ["name": recipient.person.fullName, "place": recipient.person.casePath]
            // The court's file is not the place for a confidential address.
            entry["address"] = recipient.addressIsConfidential
                ? "Address withheld (confidential)"
                : (recipient.address.lines + [recipient.address.postcode]).joined(separator: ", ")
            let served = options.serviceRecord.filter { $0.recipientPath == recipient.person.casePath }.max { $0.sent < $1.sent }
            entry["service"] = served?.values ?? false
            entry["isServed"] = served != nil
            return entry
        }
        return ["sjp": sjp, "isCourtCopy": false, "defendant": false, "offence": LegalRouteFacts.offence(route.section) ?? false]
    }

    /// The defendants' places in the case file (`parents[0]`), in `legal_route.defendants` order.
    static func defendantPaths(in attendanceCase: AttendanceCase) -> [String] {
        (attendanceCase.legalRoute?.defendants ?? []).compactMap { defendant in
            attendanceCase.parentsAndCarers.first { $0.id == defendant.parentID }?.casePath
        }
    }

    /// `facts` for `defendant`'s own copy: their charge and the warnings the record shows sent
    /// to them; nothing of another defendant.
    static func forDefendant(_ defendant: Recipient, _ facts: [String: Any], case loaded: LoadedCase,
                             dated date: CalendarDate, options: LetterOptions) -> [String: Any] {
        var facts = facts
        let letters = (options.sentLetters ?? SentLetter.listed(in: loaded.attendanceCase))
            .filter { $0.recipientPath == defendant.person.casePath && $0.sentOn <= date }
        let warnings = letters.compactMap { letter -> [String: Any]? in
            let title: String
            switch letter.kind {
            case .known(.firstWarningLetter): title = "first warning letter"
            case .known(.finalWarningLetter): title = "final warning letter"
            case .known(.penaltyNoticeWarning): title = "notice to improve"
            default: return nil
            }
            return ["title": title, "sent": LetterContext.dateValue(letter.sentOn)]
        }
        let interviewed = loaded.attendanceCase.meetings.filter { meeting in
            meeting.kind == .paceInterview && meeting.date <= date && meeting.interviews.contains { $0.intervieweePath == defendant.person.casePath }
        }
        if var sjp = facts["sjp"] as? [String: Any] {
            sjp["defendants"] = []
            facts["sjp"] = sjp
        }
        facts["defendant"] = [
            "name": defendant.person.fullName,
            "warnings": warnings, "hasWarnings": !warnings.isEmpty,
            "interviews": interviewed.map { ["date": LetterContext.dateValue($0.date)] }, "wasInterviewed": !interviewed.isEmpty,
        ] as [String: Any]
        return facts
    }

    /// `facts` for the court's copy.
    static func forCourt(_ facts: [String: Any]) -> [String: Any] {
        var facts = facts
        facts["isCourtCopy"] = true
        facts["defendant"] = false
        return facts
    }
}
