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
/// each paragraph against their own knowledge before signing. The declaration itself is
/// statutory wording and lives in `templates/partials/statutory/s9-declaration.mustache`.
enum WitnessStatementDraft {
    static func values(for bundle: EvidenceBundle, offence: PupilFigures) -> [String: Any] {
        let attendanceCase = bundle.view.attendanceCase
        let officer = attendanceCase.officer
        let authority = attendanceCase.localAuthority
        return [
            "name": officer.name,
            "age": "Over 18",
            "occupation": "\(officer.role), \(authority.name)",
            "paragraphs": paragraphs(bundle, offence: offence).map { ["text": $0] },
        ]
    }

    /// "a" or "an" before `words`, by the sound of its first letter (good enough for the case's words).
    static func article(_ words: String) -> String {
        guard let first = words.lowercased().first else { return "a" }
        return "aeio".contains(first) ? "an" : "a"
    }

    static func paragraphs(_ bundle: EvidenceBundle, offence: PupilFigures) -> [String] {
        let attendanceCase = bundle.view.attendanceCase
        let officer = attendanceCase.officer
        let authority = attendanceCase.localAuthority
        let school = attendanceCase.school
        let pupil = attendanceCase.pupil
        var paragraphs: [String] = []

        func exhibits(_ ids: [String]) -> [String] {
            var seen: [String] = []
            for id in ids {
                if let number = bundle.entry(id)?.exhibit, !seen.contains(number) { seen.append(number) }
            }
            return seen
        }
        // " I produce the minutes as exhibit AB/5 and the parenting contract as exhibit AB/6."
        func produce(_ items: [(what: String, ids: [String])]) -> String {
            let parts = items.compactMap { item -> String? in
                let numbers = exhibits(item.ids)
                switch numbers.count {
                case 0: return nil
                case 1: return "\(item.what) as exhibit \(numbers[0])"
                default: return "\(item.what) as exhibits \(numbers.dropLast().joined(separator: ", ")) and \(numbers.last!)"
                }
            }
            return parts.isEmpty ? "" : " I produce \(parts.joined(separator: " and "))."
        }
        func produce(_ what: String, _ ids: [String]) -> String { produce([(what, ids)]) }

        let team = authority.department.map { "the \($0) of \(authority.name)" } ?? authority.name
        paragraphs.append("I am employed by \(authority.name) as \(officer.role). I am responsible for the case of \(pupil.fullName) (our reference \(attendanceCase.reference)). I make this statement from my own knowledge and from the records of \(team) and of \(school.name), which are made and kept in the ordinary course of their work.")

        let parents = bundle.defendants.map(\.fullName)
        paragraphs.append("\(pupil.fullName) was born on \(pupil.dateOfBirth.longForm) and is of compulsory school age. \(pupil.fullName) is a registered pupil at \(school.name), \(school.address.lines.joined(separator: ", ")), \(school.address.postcode), in \(pupil.yearGroup == 0 ? "the Reception year" : "Year \(pupil.yearGroup)"). \(parents.joined(separator: " and ")) \(parents.count == 1 ? "is a parent" : "are the parents") of \(pupil.fullName), with parental responsibility.")

        let certificate = bundle.entriesFor["register"] ?? []
        paragraphs.append("Between \(bundle.offenceFrom.longForm) and \(bundle.offenceTo.longForm), \(pupil.fullName) attended \(offence.attendedSessions) of the \(offence.possibleSessions) sessions for which the school was open (\(offence.attendance.display)); \(offence.unauthorisedAbsenceSessions) sessions were absences that the school did not authorise.\(produce("the certificate of the head teacher, \(school.headTeacher), under section 566 of the Education Act 1996, of the attendance recorded in the register", certificate))")

        // Each step, in date order: letters (one paragraph per kind and date), meetings,
        // supportive measures, referrals.
        var steps: [(date: CalendarDate, order: Int, text: String)] = []
        var letterGroups: [(date: CalendarDate, kind: String, names: [String], ids: [String], sender: String)] = []
        for letter in attendanceCase.lettersIssued {
            let name = attendanceCase.parentOrCarer(id: letter.recipientID)?.fullName ?? letter.recipientPath
            let ids = (bundle.entriesFor[letter.casePath] ?? []) + (bundle.exhibitsFor[letter.casePath] ?? [])
            let kind = CaseHistory.documentKind(forIssued: letter)
            let sender = kind?.sentBy == .school ? "the school" : "the \(authority.department ?? authority.name)"
            if let index = letterGroups.firstIndex(where: { $0.date == letter.date && $0.kind == letter.kind.description }) {
                if !letterGroups[index].names.contains(name) { letterGroups[index].names.append(name) }
                letterGroups[index].ids += ids
            } else {
                letterGroups.append((letter.date, letter.kind.description, [name], ids, sender))
            }
        }
        for group in letterGroups {
            let copies = exhibits(group.ids).count > 1 ? "copies" : "a copy"
            steps.append((group.date, steps.count,
                          "On \(group.date.longForm) \(group.sender) sent \(article(group.kind)) \(group.kind) to \(group.names.joined(separator: " and ")).\(produce(copies, group.ids))"))
        }
        for meeting in attendanceCase.meetings where meeting.date <= bundle.asOf {
            var text = "On \(meeting.date.longForm) \(article(meeting.kind.description)) \(meeting.kind.description) was held" + (meeting.place.map { " at \($0)" } ?? "") + "."
            let present = meeting.attendees.map { $0.agency == nil ? "\($0.name) (\($0.role))" : "\($0.name) (\($0.role), \($0.agency!))" }
            if !present.isEmpty { text += " Present: \(present.joined(separator: "; "))." }
            if let target = meeting.attendanceTarget {
                text += " An attendance target of \(target.display) was set" + (meeting.reviewDate.map { ", to be reviewed on \($0.longForm)" } ?? "") + "."
            }
            let records = bundle.entriesFor[meeting.casePath] ?? []
            let minutes = records.filter { bundle.entry($0)?.title.hasPrefix("Minutes") == true }
            let others = records.filter { !minutes.contains($0) }
            var items: [(what: String, ids: [String])] = [("the minutes", minutes)]
            if let first = others.first.flatMap({ bundle.entry($0) }) {
                let what = first.title.components(separatedBy: " to ").first?.lowercased() ?? "record"
                items.append((others.count > 1 ? "copies of the \(what)" : "the \(what)", others))
            }
            text += produce(items)
            steps.append((meeting.date, steps.count, text))
        }
        for measure in attendanceCase.supportiveMeasures {
            var text = "On \(measure.offeredOn.longForm) \(measure.offeredBy) offered the family the following support: \(measure.what)."
            switch measure.response {
            case .accepted: text += " The family accepted it."
            case .declined: text += " The family declined it."
            case .notEngaged: text += " The family did not engage with it."
            case .notYetKnown: text += " The family's response is not yet known."
            }
            if let outcome = measure.outcome { text += " \(outcome)" }
            text += produce("the record of it", bundle.exhibitsFor[measure.casePath] ?? [])
            steps.append((measure.offeredOn, steps.count, text))
        }
        for referral in attendanceCase.referrals {
            steps.append((referral.date, steps.count,
                           "On \(referral.date.longForm) the family was referred to \(referral.to); the referral was \(referral.decision).\(produce("the referral", bundle.exhibitsFor[referral.casePath] ?? []))"))
        }
        if let referral = attendanceCase.referral {
            steps.append((referral.acceptedOn, steps.count,
                          "On \(referral.acceptedOn.longForm) \(team) accepted the school's referral of \(pupil.fullName)'s attendance."))
        }
        paragraphs += steps.sorted { ($0.date, $0.order) < ($1.date, $1.order) }.map(\.text)

        paragraphs.append("The support offered to the family, the response to each offer and its outcome are set out in the schedule of supportive measures in section B of this bundle.")
        return paragraphs
    }
}
