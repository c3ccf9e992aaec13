import AttendocCaseModel
import AttendocValues

/// A letter that was sent to a parent or carer, as the readiness check counts it: from the
/// workspace's record when there is one (`attendoc issue`), else from the case file's
/// `letters_issued`. Only what was sent, to whom and when: never inferred from a document's kind.
public struct SentLetter: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case known(IssuedLetter.KnownKind)
        /// An invitation to a meeting, as the record holds it (one document kind for every meeting).
        case meetingInvitation
    }

    public var kind: Kind
    /// The recipient's place in the case file (`parents[1]`).
    public var recipientPath: String
    public var sentOn: CalendarDate
    /// When the record says it was deemed served (the policy's rule for the method); nil when
    /// not recorded (a case file's `letters_issued` does not record it).
    public var deemedServedOn: CalendarDate?

    public init(kind: Kind, recipientPath: String, sentOn: CalendarDate, deemedServedOn: CalendarDate? = nil) {
        self.kind = kind
        self.recipientPath = recipientPath
        self.sentOn = sentOn
        self.deemedServedOn = deemedServedOn
    }

    /// The letters a case file's `letters_issued` lists.
    public static func listed(in attendanceCase: AttendanceCase) -> [SentLetter] {
        attendanceCase.lettersIssued.compactMap { letter in
            guard case .known(let known) = letter.kind else { return nil }
            return SentLetter(kind: .known(known), recipientPath: letter.recipientPath, sentOn: letter.date)
        }
    }

    /// Whether it is an invitation to a meeting of `kind`.
    public func invites(to kind: Meeting.Kind) -> Bool {
        switch self.kind {
        case .meetingInvitation: true
        case .known(let known):
            switch kind {
            case .parentingContract: known == .parentingContractInvitation
            case .attendanceImprovementPlan: known == .attendanceImprovementPlanInvitation
            case .teamAroundTheFamily: known == .teamAroundTheFamilyInvitation
            case .attendancePanel: known == .attendancePanelInvitation
            case .paceInterview: known == .paceInterviewInvitation
            // A case file's letters_issued has no kind for these invitations; the record's
            // meeting-invitation (above) is how they are counted.
            case .attendanceSupportPlan, .earlyHelpPlan: false
            }
        }
    }
}
