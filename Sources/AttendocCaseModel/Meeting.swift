import AttendocValues
import AttendocYAML

/// A meeting about the pupil's attendance, as minuted (seed 002: "a written record with minutes
/// produced detailing the discussion, the key issues and barriers to attendance, actions that each
/// member will take ... and an attendance target set").
public struct Meeting: Sendable {
    public var kind: Kind
    public var date: CalendarDate
    public var time: TimeOfDay?
    public var place: String?
    public var attendees: [Attendee]
    /// Names of people who sent apologies.
    public var apologies: [String]
    public var discussion: String?
    /// Barriers to attendance the meeting identified.
    public var barriers: [String]
    public var actions: [Action]
    public var attendanceTarget: AttendanceTarget?
    /// When the plan or target is reviewed; after the meeting.
    public var reviewDate: CalendarDate?
    /// Notes for the agencies only. Never shown in a copy meant for a parent: use `parentCopy`.
    public var agencyOnlyNotes: String?
    /// How contact with the parent and pupil will be kept, and who will make it (seed 002: "a weekly
    /// support meeting, a home visit or ... a telephone contact as a minimum").
    public var contactArrangements: String? = nil
    /// Where it is in the case file (`meetings[1]`).
    public var casePath: String
    /// For an interview under caution: each interviewee's record of interview.
    public var interviews: [InterviewRecord] = []

    public enum Kind: String, CaseIterable, Sendable, CustomStringConvertible, FixedValue {
        /// A parenting contract meeting (seed 004, school pre-referral).
        case parentingContract = "parenting_contract"
        /// An attendance improvement plan meeting (seed 002).
        case attendanceImprovementPlan = "attendance_improvement_plan"
        /// A Team Around the Family or multi-agency planning meeting (seed 004).
        case teamAroundTheFamily = "team_around_the_family"
        /// An attendance panel meeting (seed 004's APM, or seed 000's multi-agency panel).
        case attendancePanel = "attendance_panel"
        /// An interview under caution under the Police and Criminal Evidence Act 1984.
        case paceInterview = "pace_interview"
        /// Agreeing an attendance support plan (seed 003, tier 2: "where there is no improvement and
        /// attendance drops below 80%").
        case attendanceSupportPlan = "attendance_support_plan"
        /// Agreeing the Early Help plan of tier 4 keywork with the family and the school (seed 003).
        case earlyHelpPlan = "early_help_plan"

        /// In words: `Team Around the Family meeting`.
        public var description: String {
            switch self {
            case .parentingContract: "parenting contract meeting"
            case .attendanceImprovementPlan: "attendance improvement plan meeting"
            case .teamAroundTheFamily: "Team Around the Family meeting"
            case .attendancePanel: "attendance panel meeting"
            case .paceInterview: "interview under caution (PACE)"
            case .attendanceSupportPlan: "attendance support plan meeting"
            case .earlyHelpPlan: "Early Help plan meeting"
            }
        }
    }

    public struct Attendee: Sendable {
        public var name: String
        /// Their part in the case: `mother`, `attendance officer`, `SENCo`.
        public var role: String
        /// Their organisation, for professionals: `Riverside Academy`, `Early Help`.
        public var agency: String?
    }

    /// What one member agreed to do.
    public struct Action: Sendable {
        /// Who will do it (a name or a role).
        public var owner: String
        public var action: String
        public var dueDate: CalendarDate?
        /// When the record shows it was done (`done_on`): an action promised by the school or an
        /// agency, due and not recorded as done, is a matter the court hears of (the bundle's
        /// matters relevant to the defence).
        public var doneOn: CalendarDate? = nil
    }

    /// The meeting as a parent's copy of the minutes may show it: without the agency-only notes.
    public var parentCopy: Meeting {
        var copy = self
        copy.agencyOnlyNotes = nil
        return copy
    }
}

extension CaseFileReader {
    static func readMeeting(_ fields: YAMLFields, parents: [ParentOrCarer]) throws(CaseFileError) -> Meeting {
        var result = Meeting(
            kind: try fields.fixedValue("kind"),
            date: try fields.date("date"),
            time: try fields.optionalTime("time"),
            place: try fields.optionalString("place"),
            attendees: try fields.mappings("attendees", readAttendee),
            apologies: try fields.strings("apologies", required: false),
            discussion: try fields.optionalString("discussion"),
            barriers: try fields.strings("barriers", required: false),
            actions: try fields.mappings("actions", readAction),
            attendanceTarget: try fields.optionalAttendanceTarget("attendance_target"),
            reviewDate: try fields.optionalDate("review_date"),
            agencyOnlyNotes: try fields.optionalString("agency_only_notes"),
            contactArrangements: try fields.optionalString("contact_arrangements"),
            casePath: fields.path)
        result.interviews = try readInterviews(fields, meetingKind: result.kind, meetingDate: result.date, parents: parents)
        try fields.finish()
        if let review = result.reviewDate, review <= result.date {
            throw fields.error("review_date", "is \(review.iso), not after the meeting (\(result.date.iso)); a review comes after the meeting", at: fields.node("review_date"))
        }
        for (index, action) in result.actions.enumerated() {
            if let due = action.dueDate, due < result.date {
                let path = "\(fields.path).actions[\(index)].due_date"
                let node = fields.node("actions")?.sequence?[index].mapping?["due_date"]
                throw CaseFileError(file: fields.file, line: node?.mark?.line, column: node?.mark?.column, field: path,
                                    message: "is \(due.iso), before the meeting (\(result.date.iso)) that agreed the action")
            }
            if let done = action.doneOn, done < result.date {
                let node = fields.node("actions")?.sequence?[index].mapping?["done_on"]
                throw CaseFileError(file: fields.file, line: node?.mark?.line, column: node?.mark?.column, field: "\(fields.path).actions[\(index)].done_on",
                                    message: "is \(done.iso), before the meeting (\(result.date.iso)) that agreed the action")
            }
        }
        return result
    }

    static func readAttendee(_ fields: YAMLFields) throws(CaseFileError) -> Meeting.Attendee {
        let result = Meeting.Attendee(
            name: try fields.string("name"),
            role: try fields.string("role"),
            agency: try fields.optionalString("agency"))
        try fields.finish()
        return result
    }

    static func readAction(_ fields: YAMLFields) throws(CaseFileError) -> Meeting.Action {
        let result = Meeting.Action(
            owner: try fields.string("owner"),
            action: try fields.string("action"),
            dueDate: try fields.optionalDate("due_date"),
            doneOn: try fields.optionalDate("done_on"))
        try fields.finish()
        return result
    }
}
