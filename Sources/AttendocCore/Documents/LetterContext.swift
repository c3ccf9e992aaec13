/// The values every letter's template can use, in the shape Mustache reads (`[String: Any]`).
///
/// Every figure and date a template prints is computed here or in the case model, never in a
/// template; templates only choose words. Keys are documented in docs/templates.md.
enum LetterContext {
    static func common(for attendanceCase: AttendanceCase, attendance: QuotedAttendance, to recipient: Recipient,
                       dated date: CalendarDate, kind: DocumentKind) -> [String: Any] {
        let pupil = attendanceCase.pupil
        let authority = attendanceCase.localAuthority
        var sender: [String: Any] = [
            "organisation": authority.name,
            "address": address(authority.address),
        ]
        sender["department"] = authority.department
        sender["phone"] = authority.phone
        sender["email"] = authority.email
        sender["website"] = authority.website
        var officer: [String: Any] = ["name": attendanceCase.officer.name, "role": attendanceCase.officer.role]
        officer["phone"] = attendanceCase.officer.phone
        officer["email"] = attendanceCase.officer.email
        return [
            "document": [
                "kind": kind.rawValue,
                "language": "en-GB",
                "title": "\(kind.title): \(pupil.fullName)",
                "author": [authority.name, authority.department].compactMap { $0 }.joined(separator: ", "),
                "reference": attendanceCase.reference,
                "audience": "parent",
            ] as [String: Any],
            "date": dateValue(date),
            "sender": sender,
            "recipient": [
                "name": recipient.person.fullName,
                "formalName": recipient.person.formalName,
                "address": address(recipient.address),
            ] as [String: Any],
            "pupil": [
                "fullName": pupil.fullName,
                "forename": pupil.preferredForename ?? pupil.forename,
                "dateOfBirth": dateValue(pupil.dateOfBirth),
                "yearGroup": pupil.yearGroup == 0 ? "Reception" : "Year \(pupil.yearGroup)",
            ] as [String: Any],
            "school": [
                "name": attendanceCase.school.name,
                "headTeacher": attendanceCase.school.headTeacher,
            ] as [String: Any],
            "officer": officer,
            "attendance": [
                "from": dateValue(attendance.from),
                "to": dateValue(attendance.to),
                "possible": attendance.possibleSessions,
                "attended": attendance.attendedSessions,
                "authorised": attendance.authorisedAbsenceSessions,
                "unauthorised": attendance.unauthorisedAbsenceSessions,
                "attendedPercent": attendance.attendancePercentage.display,
                "authorisedPercent": attendance.authorisedPercentage.display,
                "unauthorisedPercent": attendance.unauthorisedPercentage.display,
            ] as [String: Any],
            "referral": [
                "acceptedOn": dateValue(attendanceCase.referral.acceptedOn),
                "interviewWithinWeeks": attendanceCase.referral.interviewWithinWeeks,
                "interviewDeadline": dateValue(attendanceCase.referral.interviewDeadline),
            ] as [String: Any],
            "supportOffered": attendanceCase.supportOffered,
            "hasSupportOffered": !attendanceCase.supportOffered.isEmpty,
            "adviceForParents": authority.adviceForParents,
            "hasAdviceForParents": !authority.adviceForParents.isEmpty,
        ]
    }

    static func address(_ address: PostalAddress) -> [String: Any] {
        ["lines": address.lines, "postcode": address.postcode]
    }

    /// A date as a template sees it: `{{x.iso}}` for the document XML's attribute, `{{x.long}}` and
    /// `{{x.withWeekday}}` for the words.
    static func dateValue(_ date: CalendarDate) -> [String: Any] {
        ["iso": date.iso, "long": date.longForm, "withWeekday": date.longFormWithWeekday]
    }
}
