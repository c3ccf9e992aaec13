import AttendocCaseModel
import AttendocCasework
import AttendocValues

/// The documents a case's history calls for: each letter or notice it records as issued, on the
/// day it was issued, and the minutes (and, for a parenting contract meeting, the contract) of each
/// meeting held. `attendoc render --all` renders them all, so the case's paperwork can be made again,
/// exactly, from the case file.
public enum CaseHistory {
    public struct PlannedDocument: Sendable, Equatable {
        public var kind: DocumentKind
        public var date: CalendarDate
        /// The meeting it is about, by its place in the case file.
        public var meeting: String?
        /// The entry of the case file that calls for it (`letters_issued[3]`, `meetings[1]`).
        public var calledForBy: String
        /// The record it is made from, by its place (`referrals[2]`); nil: none, or the latest.
        public var record: String? = nil

        /// Its folder: `<case reference>/<date>-<kind>`, so a listing reads in date order.
        public func folder(in attendanceCase: AttendanceCase) -> String {
            "\(FileName.caseFolder(attendanceCase.reference))/\(date.iso)-\(kind.rawValue)"
        }
    }

    public static func documents(in attendanceCase: AttendanceCase) -> [PlannedDocument] {
        var planned: [PlannedDocument] = []
        func add(_ document: PlannedDocument) {
            // A letter is recorded once per parent's copy; render it once (each run makes every copy).
            if !planned.contains(where: { $0.kind == document.kind && $0.date == document.date && $0.meeting == document.meeting }) {
                planned.append(document)
            }
        }
        for letter in attendanceCase.lettersIssued {
            guard case .known(let known) = letter.kind, let kind = documentKind(for: known) else { continue }
            let meeting = kind == .meetingInvitation ? invitedMeeting(for: known, after: letter.date, in: attendanceCase) : nil
            if kind == .meetingInvitation && meeting == nil { continue }
            add(PlannedDocument(kind: kind, date: letter.date, meeting: meeting, calledForBy: letter.casePath))
        }
        // Minutes for each meeting that has been minuted: one planned but not yet held has only its
        // time, place and attendees, and no minutes yet.
        for meeting in attendanceCase.meetings where hasBeenMinuted(meeting) || !meeting.interviews.isEmpty {
            // An interview under caution is recorded by each interviewee's record of interview,
            // on the local authority's letterhead, not by a support meeting's minutes.
            if !meeting.interviews.isEmpty {
                add(PlannedDocument(kind: .recordOfInterview, date: meeting.date, meeting: meeting.casePath, calledForBy: meeting.casePath))
                continue
            }
            add(PlannedDocument(kind: .meetingMinutes, date: meeting.date, meeting: meeting.casePath, calledForBy: meeting.casePath))
            if meeting.kind == .parentingContract, meeting.attendanceTarget != nil, meeting.reviewDate != nil {
                add(PlannedDocument(kind: .parentingContract, date: meeting.date, meeting: meeting.casePath, calledForBy: meeting.casePath))
            }
            if meeting.kind == .attendanceSupportPlan {
                add(PlannedDocument(kind: .attendanceSupportPlan, date: meeting.date, meeting: meeting.casePath, calledForBy: meeting.casePath))
            }
        }
        return planned.sorted { ($0.date, $0.kind.rawValue) < ($1.date, $1.kind.rawValue) }
    }

    /// The requests to other services the case records (each `referrals:` entry with a `service:`,
    /// seed 002), on their own dates, each made from its own entry. `render --all` makes them with
    /// the rest of the case's paperwork; they are not in `documents(in:)`, which the evidence bundle
    /// reads: a request to another service is the school's, never served on the parents.
    public static func requestsToOtherServices(in attendanceCase: AttendanceCase) -> [PlannedDocument] {
        attendanceCase.referrals.compactMap { referral in
            guard let service = referral.service,
                  let kind = DocumentKind.allCases.first(where: { $0.requestedService == service }) else { return nil }
            return PlannedDocument(kind: kind, date: referral.date, meeting: nil, calledForBy: referral.casePath, record: referral.casePath)
        }
    }

    public static func hasBeenMinuted(_ meeting: Meeting) -> Bool {
        meeting.discussion != nil || !meeting.actions.isEmpty || !meeting.barriers.isEmpty || meeting.attendanceTarget != nil
    }

    /// The case file's letters_issued as documents sent, by the document kind that renders each
    /// (letters Attendoc has no kind for are left out).
    public static func sentDocuments(in attendanceCase: AttendanceCase) -> [SentDocument] {
        attendanceCase.lettersIssued.compactMap { letter in
            guard case .known(let known) = letter.kind, let kind = documentKind(for: known) else { return nil }
            return SentDocument(kind: kind.rawValue, sentOn: letter.date)
        }
    }

    /// The case file's `letters_issued` entries that a document of `kind` renders, by place and day
    /// (`render` without `--date` names them, since a copy dated today is not the one sent).
    public static func recordedSendings(of kind: DocumentKind, in attendanceCase: AttendanceCase) -> [(casePath: String, date: CalendarDate)] {
        attendanceCase.lettersIssued.compactMap { letter in
            guard case .known(let known) = letter.kind, documentKind(for: known) == kind else { return nil }
            return (letter.casePath, letter.date)
        }
    }

    /// The document kind that renders a recorded letter kind, where Attendoc has one.
    public static func documentKind(for known: IssuedLetter.KnownKind) -> DocumentKind? {
        switch known {
        case .concernLetter: .attendanceConcernLetter
        case .parentingContractInvitation, .attendanceImprovementPlanInvitation, .teamAroundTheFamilyInvitation,
             .attendancePanelInvitation: .meetingInvitation
        case .firstWarningLetter: .firstWarningLetter
        case .paceInterviewInvitation: .paceInterviewInvitation
        case .registerCertificate: .registerCertificate
        case .targetMetLetter: .targetMetLetter
        case .finalWarningLetter: .finalWarningLetter
        case .penaltyNoticeWarning: .noticeToImprove
        // Minutes are rendered from the meetings themselves; a penalty notice is not an Attendoc document.
        case .minutesParentCopy, .penaltyNotice: nil
        case .gpConsentRequest: .gpConsentRequest
        // The enquiry goes to the GP, not to a parent, so a parent's letters_issued entry cannot record it.
        case .improvedAttendanceLetter: .improvedAttendanceLetter
        case .referralDeclinedLetter: .referralDeclinedLetter
        case .gpEnquiryLetter: nil
        }
    }

    /// The meeting an invitation sent on `date` was for: the first meeting of its kind on or after it.
    static func invitedMeeting(for known: IssuedLetter.KnownKind, after date: CalendarDate, in attendanceCase: AttendanceCase) -> String? {
        let kind: Meeting.Kind
        switch known {
        case .parentingContractInvitation: kind = .parentingContract
        case .attendanceImprovementPlanInvitation: kind = .attendanceImprovementPlan
        case .teamAroundTheFamilyInvitation: kind = .teamAroundTheFamily
        case .attendancePanelInvitation: kind = .attendancePanel
        default: return nil
        }
        return attendanceCase.meetings.filter { $0.kind == kind && $0.date >= date }.min { $0.date < $1.date }?.casePath
    }
}
