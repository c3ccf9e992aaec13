import AttendocCaseModel
import AttendocDocuments
import AttendocEngine
import AttendocValues
import Foundation

/// The attendance officer's witness statement (section 9 Criminal Justice Act 1967, Criminal
/// Procedure Rules Part 16), drafted from the case for the officer to check and sign: who the
/// officer is, the pupil and the parents, the register certificate and the figures, then each
/// step of the case in date order, each document referred to by its exhibit number (`AB/4`).
///
/// Only facts the case records are stated, in the first person of the officer, who must check
/// each paragraph against their own knowledge before signing. Here are the facts of each
/// paragraph; its words are the partial of its kind in `templates/partials/bundle/statement/`
/// (`officer`, `pupil`, `attendance`, `letter`, `meeting`, `measure`, `referral`,
/// `referral-accepted`, `schedule`). The declaration is statutory wording and lives in
/// `templates/partials/statutory/s9-declaration.mustache`.
enum WitnessStatementDraft {
    /// One paragraph of the statement, as the facts it states.
    enum Paragraph {
        /// Who the officer is, and the records the statement is made from.
        case officer(authority: String, role: String, pupil: String, reference: String, department: String?, school: String, hasSchoolWitness: Bool)
        /// Who the school witness is, and the records their statement is made from.
        case schoolWitness(school: String, role: String, pupil: String)
        /// The pupil's registration at the school, and the register certificate the school
        /// witness produces.
        case register(pupil: String, school: String, admitted: CalendarDate?, headTeacher: String, certificate: BundleContext.Exhibits)
        /// The pupil, the school and the parents.
        /// `evidence`: the defendants' evidence of being parents (section 576).
        case pupil(pupil: String, born: CalendarDate, school: String, address: PostalAddress, yearGroup: Int, parents: [String],
                   evidence: BundleContext.Exhibits)
        /// The figures over the period of the offence, and the register certificate.
        /// `producedBy`: the school witness who produces the certificate, which the officer has
        /// read; nil when the officer produces it.
        case attendance(from: CalendarDate, to: CalendarDate, pupil: String, figures: PupilFigures, headTeacher: String, certificate: BundleContext.Exhibits,
                        producedBy: String?)
        /// Letters of one kind sent on one day.
        case letter(date: CalendarDate, bySchool: Bool, sender: String, kind: String, names: [String], copies: BundleContext.Exhibits)
        /// Letters of one kind sent on one day as the workspace's record shows them: who sent
        /// them, how, and the archived copies produced (none when the record holds no copy).
        case recordedLetter(date: CalendarDate, issuedBy: String, method: String, kind: String, names: [String], copies: BundleContext.Exhibits)
        case meeting(Meeting, minutes: BundleContext.Exhibits, contracts: BundleContext.Exhibits, interviews: BundleContext.Exhibits)
        case measure(SupportiveMeasure, record: BundleContext.Exhibits)
        case referral(AgencyReferral, record: BundleContext.Exhibits)
        case referralAccepted(date: CalendarDate, authority: String, department: String?, pupil: String)
        /// Where the schedule of supportive measures is.
        case schedule

        static let kinds = ["officer", "schoolWitness", "register", "pupil", "attendance", "letter", "recordedLetter", "meeting", "measure", "referral", "referralAccepted", "schedule"]

        /// The paragraph as the template reads it: one key per kind (`false` but for its own),
        /// holding the facts its partial prints.
        var context: [String: Any] {
            let (kind, facts) = kindAndFacts
            var context: [String: Any] = Dictionary(uniqueKeysWithValues: Self.kinds.map { ($0, false as Any) })
            context[kind] = facts
            return context
        }

        private var kindAndFacts: (String, [String: Any]) {
            switch self {
            case .officer(let authority, let role, let pupil, let reference, let department, let school, let hasSchoolWitness):
                return ("officer", ["authority": authority, "role": role, "pupil": pupil, "reference": reference, "school": school,
                                    "hasSchoolWitness": hasSchoolWitness]
                    .merging(BundleContext.optional("department", department)) { old, _ in old })
            case .schoolWitness(let school, let role, let pupil):
                return ("schoolWitness", ["school": school, "role": role, "pupil": pupil])
            case .register(let pupil, let school, let admitted, let headTeacher, let certificate):
                return ("register", ["pupil": pupil, "school": school, "headTeacher": headTeacher, "certificate": certificate.context]
                    .merging(BundleContext.optional("admitted", admitted?.longForm)) { old, _ in old })
            case .pupil(let pupil, let born, let school, let address, let yearGroup, let parents, let evidence):
                return ("pupil", [
                    "pupil": pupil, "born": born.longForm, "school": school,
                    "addressLines": BundleContext.list(address.lines.map { ["line": $0] }), "postcode": address.postcode,
                    "isReception": yearGroup == 0, "yearGroup": String(yearGroup),
                    "parents": BundleContext.names(parents), "oneParent": parents.count == 1, "evidence": evidence.context,
                ])
            case .attendance(let from, let to, let pupil, let figures, let headTeacher, let certificate, let producedBy):
                return ("attendance", BundleContext.optional("producedBy", producedBy).merging([
                    "from": from.longForm, "to": to.longForm, "pupil": pupil,
                    "attended": String(figures.attendedSessions), "possible": String(figures.possibleSessions),
                    "attendance": figures.attendance.display, "unauthorised": String(figures.unauthorisedAbsenceSessions),
                    "headTeacher": headTeacher, "certificate": certificate.context,
                ]) { old, _ in old })
            case .letter(let date, let bySchool, let sender, let kind, let names, let copies):
                return ("letter", [
                    "date": date.longForm, "bySchool": bySchool, "sender": sender,
                    "an": BundleContext.takesAn(kind), "kind": kind, "names": BundleContext.names(names), "copies": copies.context,
                ])
            case .recordedLetter(let date, let issuedBy, let method, let kind, let names, let copies):
                return ("recordedLetter", [
                    "date": date.longForm, "issuedBy": issuedBy, "isPost": method == "post", "isHand": method == "hand",
                    "isEmail": method == "email", "an": BundleContext.takesAn(kind), "kind": kind, "names": BundleContext.names(names),
                    "severalNames": names.count > 1, "copies": copies.context,
                ])
            case .meeting(let meeting, let minutes, let contracts, let interviews):
                let target = meeting.attendanceTarget
                return ("meeting", [
                    "date": meeting.date.longForm, "an": BundleContext.takesAn(meeting.kind.description), "kind": meeting.kind.description,
                    "hasAttendees": !meeting.attendees.isEmpty,
                    "attendees": BundleContext.list(meeting.attendees.map { attendee in
                        ["name": attendee.name, "role": attendee.role].merging(BundleContext.optional("agency", attendee.agency)) { old, _ in old }
                    }),
                    "hasTarget": target != nil, "target": target?.display ?? "",
                    "minutes": minutes.context, "contracts": contracts.context, "interviews": interviews.context,
                    "producesBoth": !minutes.numbers.isEmpty && !contracts.numbers.isEmpty,
                    "producesAny": !minutes.numbers.isEmpty || !contracts.numbers.isEmpty || !interviews.numbers.isEmpty,
                ].merging(BundleContext.optional("place", meeting.place)) { old, _ in old }
                 .merging(BundleContext.optional("review", meeting.reviewDate?.longForm)) { old, _ in old })
            case .measure(let measure, let record):
                return ("measure", [
                    "date": measure.offeredOn.longForm, "offeredBy": measure.offeredBy, "what": measure.what,
                    "response": BundleFacts.responseContext(measure.response), "record": record.context,
                ].merging(BundleContext.optional("outcome", measure.outcome)) { old, _ in old })
            case .referral(let referral, let record):
                return ("referral", [
                    "date": referral.date.longForm, "to": referral.to, "decision": referral.decision.description, "record": record.context,
                ].merging(BundleContext.optional("madeBy", referral.madeBy)) { old, _ in old })
            case .referralAccepted(let date, let authority, let department, let pupil):
                return ("referralAccepted", ["date": date.longForm, "authority": authority, "pupil": pupil]
                    .merging(BundleContext.optional("department", department)) { old, _ in old })
            case .schedule:
                return ("schedule", [:])
            }
        }
    }

    /// The statement of `producer` (the officer, or the school witness): who makes it, and its
    /// paragraphs: the steps `bundle.producers` gives to that witness, and no other.
    static func values(for bundle: EvidenceBundle, offence: PupilFigures, producer: EvidenceBundle.Producer) -> [String: Any] {
        let attendanceCase = bundle.view.attendanceCase
        if producer == .school, let witness = bundle.producers.schoolWitness {
            return [
                "name": witness.name, "role": witness.role, "authority": attendanceCase.school.name,
                "paragraphs": paragraphs(bundle, offence: offence, producer: .school).map(\.context),
            ]
        }
        return [
            "name": attendanceCase.officer.name,
            "role": attendanceCase.officer.role,
            "authority": attendanceCase.localAuthority.name,
            "paragraphs": paragraphs(bundle, offence: offence, producer: .officer).map(\.context),
        ]
    }

    static func paragraphs(_ bundle: EvidenceBundle, offence: PupilFigures, producer: EvidenceBundle.Producer = .officer) -> [Paragraph] {
        let attendanceCase = bundle.view.attendanceCase
        let officer = attendanceCase.officer
        let authority = attendanceCase.localAuthority
        let school = attendanceCase.school
        let pupil = attendanceCase.pupil
        let producers = bundle.producers
        func exhibits(_ ids: [String]) -> BundleContext.Exhibits { BundleContext.Exhibits(ids, in: bundle, producer: producer) }
        // The officer refers to the certificate the school witness produces (`producedBy`).
        let certificate = BundleContext.Exhibits(bundle.entriesFor["register"] ?? [], in: bundle)
        let certificateProducer = producers.ofDocument(.registerCertificate)

        var paragraphs: [Paragraph]
        if producer == .school, let witness = producers.schoolWitness {
            paragraphs = [
                .schoolWitness(school: school.name, role: witness.role, pupil: pupil.fullName),
                .register(pupil: pupil.fullName, school: school.name, admitted: pupil.admittedOn, headTeacher: school.headTeacher, certificate: certificate),
            ]
        } else {
            paragraphs = [
                .officer(authority: authority.name, role: officer.role, pupil: pupil.fullName, reference: attendanceCase.reference,
                         department: authority.department, school: school.name, hasSchoolWitness: producers.schoolWitness != nil),
                .pupil(pupil: pupil.fullName, born: pupil.dateOfBirth, school: school.name, address: school.address,
                       yearGroup: pupil.yearGroup, parents: bundle.defendants.map(\.fullName),
                       evidence: exhibits(bundle.route.defendants.flatMap { bundle.exhibitsFor[$0.casePath] ?? [] })),
                .attendance(from: bundle.offenceFrom, to: bundle.offenceTo, pupil: pupil.fullName, figures: offence,
                            headTeacher: school.headTeacher, certificate: certificate,
                            producedBy: certificateProducer == .school ? producers.schoolWitness?.name : nil),
            ]
        }

        // Each step, in date order: letters (one paragraph per kind and date), meetings,
        // supportive measures, referrals; each in the statement of the witness who produces it.
        var steps: [(date: CalendarDate, order: Int, paragraph: Paragraph)] = []
        func add(_ date: CalendarDate, _ by: EvidenceBundle.Producer, _ paragraph: Paragraph) {
            if by == producer { steps.append((date, steps.count, paragraph)) }
        }
        if let record = bundle.record {
            // Who sent each letter, how and when, from the workspace's record, never from the
            // kind of document; the copies produced are the archived ones the bundle exhibits.
            var groups: [(date: CalendarDate, kind: String, issuedBy: String, method: String, names: [String], ids: [String], by: EvidenceBundle.Producer)] = []
            // A record kept on the school's file was not sent to anyone.
            for copy in record where copy.sentOn <= bundle.asOf && copy.method != "file" {
                let name = attendanceCase.parentsAndCarers.first { $0.casePath == copy.recipientPath }?.fullName ?? copy.recipientPath
                let kind = DocumentKind(rawValue: copy.kind)?.title.lowercased() ?? copy.kind.replacingOccurrences(of: "_", with: " ")
                let ids = bundle.entries.compactMap { entry -> String? in
                    guard case .sentCopy(_, _, _, let exhibited) = entry.about, exhibited == copy else { return nil }
                    return entry.id
                }
                if let index = groups.firstIndex(where: { $0.date == copy.sentOn && $0.kind == kind && $0.issuedBy == copy.issuedBy && $0.method == copy.method }) {
                    if !groups[index].names.contains(name) { groups[index].names.append(name) }
                    groups[index].ids += ids
                } else {
                    groups.append((copy.sentOn, kind, copy.issuedBy, copy.method, [name], ids, producers.ofRecordedCopy(copy)))
                }
            }
            for group in groups {
                add(group.date, group.by, .recordedLetter(date: group.date, issuedBy: group.issuedBy, method: group.method,
                                                         kind: group.kind, names: group.names, copies: exhibits(group.ids)))
            }
        } else {
            var letterGroups: [(date: CalendarDate, kind: String, names: [String], ids: [String], bySchool: Bool, by: EvidenceBundle.Producer)] = []
            for letter in attendanceCase.lettersIssued {
                let name = attendanceCase.parentOrCarer(id: letter.recipientID)?.fullName ?? letter.recipientPath
                let ids = (bundle.entriesFor[letter.casePath] ?? []) + (bundle.exhibitsFor[letter.casePath] ?? [])
                let bySchool = producers.sender(ofIssued: letter) == .school
                if let index = letterGroups.firstIndex(where: { $0.date == letter.date && $0.kind == letter.kind.description }) {
                    if !letterGroups[index].names.contains(name) { letterGroups[index].names.append(name) }
                    letterGroups[index].ids += ids
                } else {
                    letterGroups.append((letter.date, letter.kind.description, [name], ids, bySchool, producers.ofIssuedLetter(letter)))
                }
            }
            for group in letterGroups {
                add(group.date, group.by, .letter(date: group.date, bySchool: group.bySchool, sender: authority.department ?? authority.name,
                                                  kind: group.kind, names: group.names, copies: exhibits(group.ids)))
            }
        }
        for meeting in attendanceCase.meetings where meeting.date <= bundle.asOf {
            // The records made at the meeting, by their kind: its minutes, its parenting contract,
            // and each interviewee's record of interview under caution.
            let records = (bundle.entriesFor[meeting.casePath] ?? []).compactMap { bundle.entry($0) }
            let minutes = records.filter { $0.documentKind == .meetingMinutes }.map(\.id)
            let contracts = records.filter { $0.documentKind == .parentingContract }.map(\.id)
            let interviews = records.filter { $0.documentKind == .recordOfInterview }.map(\.id)
            add(meeting.date, producers.ofMeeting(meeting), .meeting(meeting, minutes: exhibits(minutes), contracts: exhibits(contracts),
                                                                  interviews: exhibits(interviews)))
        }
        for measure in attendanceCase.supportiveMeasures {
            add(measure.offeredOn, producers.ofMeasure(measure), .measure(measure, record: exhibits(bundle.exhibitsFor[measure.casePath] ?? [])))
        }
        for referral in attendanceCase.referrals {
            add(referral.date, producers.ofReferral(referral), .referral(referral, record: exhibits(bundle.exhibitsFor[referral.casePath] ?? [])))
        }
        if let referral = attendanceCase.referral {
            add(referral.acceptedOn, .officer,
                .referralAccepted(date: referral.acceptedOn, authority: authority.name, department: authority.department, pupil: pupil.fullName))
        }
        paragraphs += steps.sorted { ($0.date, $0.order) < ($1.date, $1.order) }.map(\.paragraph)
        if producer == .officer { paragraphs.append(.schedule) }
        return paragraphs
    }
}
