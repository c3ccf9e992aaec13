import AttendocCaseModel
import AttendocCasework
import AttendocPolicy
import AttendocValues

/// Who a copy is for. A parent's copy is made from the parent's view of the case (no agency-only
/// notes); the agency copy of a record holds everything.
public enum Audience: String, Sendable {
    case parent
    case agency
}

/// The values every letter's template can use, in the shape Mustache reads (`[String: Any]`).
///
/// Every figure and date a template prints is computed here or in the case model, never in a
/// template; templates only choose words. Keys are documented in docs/templates.md.
public enum LetterContext {
    static func common(for attendanceCase: AttendanceCase, attendance: QuotedAttendance, to recipient: Recipient?,
                       audience: Audience = .parent, dated date: CalendarDate, kind: DocumentKind,
                       settings: LetterSettings = LetterSettings()) -> [String: Any] {
        let pupil = attendanceCase.pupil
        let authority = attendanceCase.localAuthority
        let school = attendanceCase.school
        let (sender, officer) = senderAndSignatory(for: attendanceCase, sentBy: kind.sentBy)
        var values: [String: Any] = [
            "document": [
                "kind": kind.rawValue,
                "language": "en-GB",
                "title": "\(kind.title): \(pupil.fullName)",
                "author": kind.sentBy == .school ? school.name : [authority.name, authority.department].compactMap { $0 }.joined(separator: ", "),
                "reference": attendanceCase.reference,
                "audience": audience.rawValue,
            ] as [String: Any],
            "date": dateValue(date),
            "sender": sender,
            "pupil": [
                "fullName": pupil.fullName,
                // The preferred forename where one is recorded and the policy allows it.
                "forename": settings.usePreferredNames ? (pupil.preferredForename ?? pupil.forename) : pupil.forename,
                "dateOfBirth": dateValue(pupil.dateOfBirth),
                "yearGroup": pupil.yearGroup == 0 ? "Reception" : "Year \(pupil.yearGroup)",
            ] as [String: Any],
            "school": [
                "name": attendanceCase.school.name,
                "headTeacher": attendanceCase.school.headTeacher,
            ] as [String: Any],
            "officer": officer,
            "attendance": attendanceValue(attendance),
            "localAuthority": [
                "name": authority.name,
                "department": authority.department ?? authority.name,
            ] as [String: Any],
            "supportOffered": attendanceCase.supportOffered,
            "hasSupportOffered": !attendanceCase.supportOffered.isEmpty,
            "adviceForParents": authority.adviceForParents,
            "hasAdviceForParents": !authority.adviceForParents.isEmpty,
        ]
        // Only a case the local authority has accepted has a referral; a template that needs it
        // and a case without one stop with the strict-template error naming referral.
        if let referral = attendanceCase.referral {
            values["referral"] = [
                "acceptedOn": dateValue(referral.acceptedOn),
            ] as [String: Any]
        }
        // A record's agency copy is addressed to nobody: its values have no recipient at all.
        if let recipient { values["recipient"] = recipientValue(recipient) }
        return values
    }

    /// The person this copy is addressed to. What they need to take part (an interpreter) is in
    /// their own copy only, never in anyone else's.
    /// The letterhead and the signature: the school's for the letters it sends (signed by the
    /// head teacher), the local authority's for the rest (signed by the case officer).
    public static func senderAndSignatory(for attendanceCase: AttendanceCase,
                                          sentBy: DocumentKind.Sender) -> (sender: [String: Any], officer: [String: Any]) {
        let authority = attendanceCase.localAuthority
        let school = attendanceCase.school
        var sender: [String: Any]
        var officer: [String: Any]
        switch sentBy {
        case .school:
            sender = ["organisation": school.name, "address": address(school.address)]
            sender["phone"] = school.phone
            sender["email"] = school.email
            officer = ["name": school.headTeacher, "role": "Head Teacher"]
            officer["phone"] = school.phone
            officer["email"] = school.email
        case .localAuthority:
            sender = ["organisation": authority.name, "address": address(authority.address)]
            sender["department"] = authority.department
            sender["phone"] = authority.phone
            sender["email"] = authority.email
            sender["website"] = authority.website
            officer = ["name": attendanceCase.officer.name, "role": attendanceCase.officer.role]
            officer["phone"] = attendanceCase.officer.phone
            officer["email"] = attendanceCase.officer.email
        }
        return (sender, officer)
    }

    static func recipientValue(_ recipient: Recipient) -> [String: Any] {
        let person = recipient.person
        var value: [String: Any] = [
            "name": person.fullName,
            "formalName": person.formalName,
            "address": address(recipient.address),
            "needsSignLanguageInterpreter": person.needs.contains(.signLanguageInterpreter),
            // A large-print copy (meta print: large): the stylesheets lay it out at 16 pt or more.
            // Barriers to engagement the case records (seed 001): formats this recipient needs.
            "needsLargePrint": person.needs.contains(.largePrint),
            "needsEasyRead": person.needs.contains(.easyRead),
            "needsBraille": person.needs.contains(.braille),
            "needsAudio": person.needs.contains(.audio),
            "needsStepFreeAccess": person.needs.contains(.stepFreeAccess),
            // Their address is confidential: the head teacher's copy is sent without it.
            "addressIsConfidential": recipient.addressIsConfidential,
        ]
        // The reader refuses `interpreter` with English, so a recorded need always has a language.
        if person.needs.contains(.interpreter) || person.preferredLanguage.lowercased() != "english" {
            value["interpreterLanguage"] = person.preferredLanguage
        }
        return value
    }

    /// A period's figures as `partials/attendance-table` prints them: `{{x.from.long}}`,
    /// `{{x.possible}}`, `{{x.attendedPercent}}` ... Engine figures go through `QuotedAttendance(_:)`.
    static func attendanceValue(_ attendance: QuotedAttendance) -> [String: Any] {
        [
            "from": dateValue(attendance.from),
            "to": dateValue(attendance.to),
            "possible": attendance.possibleSessions,
            "attended": attendance.attendedSessions,
            "authorised": attendance.authorisedAbsenceSessions,
            "unauthorised": attendance.unauthorisedAbsenceSessions,
            "attendedPercent": attendance.attendancePercentage.display,
            "authorisedPercent": attendance.authorisedPercentage.display,
            "unauthorisedPercent": attendance.unauthorisedPercentage.display,
        ]
    }

    public static func address(_ address: PostalAddress) -> [String: Any] {
        ["lines": address.lines, "postcode": address.postcode]
    }

    /// `words` with a capital first letter, to start a sentence or a title: "parenting contract
    /// meeting" → "Parenting contract meeting".
    public static func capitalised(_ words: String) -> String {
        words.prefix(1).uppercased() + words.dropFirst()
    }

    /// A date as a template sees it: `{{x.iso}}` for the document XML's attribute, `{{x.long}}` and
    /// `{{x.withWeekday}}` for the words.
    public static func dateValue(_ date: CalendarDate) -> [String: Any] {
        ["iso": date.iso, "long": date.longForm, "withWeekday": date.longFormWithWeekday]
    }
}
