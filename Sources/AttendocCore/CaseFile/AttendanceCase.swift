/// A school-attendance case as its case file describes it: who is involved, and what has happened.
///
/// The figures a letter quotes (`quotedAttendance`) are, for now, written in the case file by the
/// officer; the attendance engine will compute them from the register instead. Only
/// `QuotedAttendance` and its reader change when it does.
public struct AttendanceCase: Sendable {
    /// The case reference, printed on every document (for example `CAT/2026/0142`).
    public var reference: String
    public var localAuthority: Organisation
    public var school: School
    public var pupil: Pupil
    public var parentsAndCarers: [ParentOrCarer]
    /// The officer who signs the local authority's letters.
    public var officer: Officer
    public var referral: Referral
    public var quotedAttendance: QuotedAttendance
    /// Support already offered to the family, in the words a parent reads.
    public var supportOffered: [String]
}

public struct PostalAddress: Sendable, Equatable {
    public var lines: [String]
    public var postcode: String
}

/// A local authority (or one of its teams) as it appears on a letterhead.
public struct Organisation: Sendable {
    public var name: String
    public var department: String?
    public var address: PostalAddress
    public var phone: String?
    public var email: String?
    public var website: String?
    /// Where a parent can get advice, in the words a parent reads (a helpline, a service).
    public var adviceForParents: [String]
}

public struct School: Sendable {
    public var name: String
    public var address: PostalAddress
    public var headTeacher: String
}

public struct Pupil: Sendable {
    public var forename: String
    public var surname: String
    /// The name the pupil is known by, when it differs from the legal forename.
    public var preferredForename: String?
    public var dateOfBirth: CalendarDate
    public var yearGroup: Int
    public var address: PostalAddress

    public var fullName: String { "\(forename) \(surname)" }
}

public struct ParentOrCarer: Sendable {
    public var title: String?
    public var forename: String
    public var surname: String
    /// How they are related to the pupil, in words: `mother`, `father`, `grandmother`, `carer`.
    public var relationship: String
    public var hasParentalResponsibility: Bool
    public var livesWithPupil: Bool
    /// Their own address; absent when they live at the pupil's address.
    public var ownAddress: PostalAddress?
    /// The field path in the case file, for messages (`parents[1]`).
    public var casePath: String

    /// Title, forename and surname as recorded: `Ms Zoë D'Souza`.
    public var fullName: String {
        [title, forename, surname].compactMap { $0 }.joined(separator: " ")
    }

    /// How a letter greets them: `Ms D'Souza`, or forename and surname when no title is recorded.
    public var formalName: String {
        if let title { return "\(title) \(surname)" }
        return "\(forename) \(surname)"
    }
}

public struct Officer: Sendable {
    public var name: String
    public var role: String
    public var phone: String?
    public var email: String?
}

public struct Referral: Sendable {
    /// The day the local authority accepted the school's referral.
    public var acceptedOn: CalendarDate
    /// Weeks after acceptance within which the interview or panel meeting must be held (seed 004: 5).
    public var interviewWithinWeeks: Int

    public var interviewDeadline: CalendarDate {
        acceptedOn.adding(days: interviewWithinWeeks * 7)
    }
}
