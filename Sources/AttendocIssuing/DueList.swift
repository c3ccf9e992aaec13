import AttendocCaseModel
import AttendocCasework
import AttendocDocuments
import AttendocEngine
import AttendocPolicy
import AttendocRegister
import AttendocValues
import AttendocWorkspace
import Foundation

/// `attendoc due`: what needs doing, soonest first, from the record and each case's policy:
/// meeting reviews, the interview deadline, target reviews, letters a threshold now calls for,
/// unexplained absences (N) left longer than the policy allows, and documents whose quoted figures
/// a later register import has changed.
public struct DueList {
    public struct Item: Sendable, Equatable {
        public var due: CalendarDate
        /// School days from the as-of day to the due day (negative: overdue by that many).
        public var schoolDaysLeft: Int
        public var reference: String?
        public var upn: String?
        /// What is due, in words, naming records by their place (`meetings[1]`), never by name.
        public var what: String
    }

    public let workspace: Workspace
    public let resources: AttendocResources

    public init(workspace: Workspace, resources: AttendocResources) {
        self.workspace = workspace
        self.resources = resources
    }

    public func items(asOf date: CalendarDate, school: String? = nil) throws(AttendocError) -> [Item] {
        var items: [Item] = []
        let cases = try fromRecord { () throws(WorkspaceError) in try workspace.recordedCases() }.filter { school == nil || $0.schoolURN == school }
        var calendars: [SchoolCalendar] = []
        var unexplainedDays: Int?
        let codes = try AttendanceCodeTable(resources: resources)
        for recorded in cases {
            let loaded = try LoadedCase.load(URL(fileURLWithPath: recorded.sourcePath), resources: resources)
            guard let policy = loaded.policy else { continue }
            let calendar = try loaded.calendar()
            calendars.append(calendar)
            unexplainedDays = unexplainedDays ?? policy.issuing?.unexplainedAbsenceSchoolDays
            // What had been sent, and which meetings held, by the as-of day.
            let issued = try fromRecord { () throws(WorkspaceError) in try workspace.issuedDocuments(for: recorded.reference) }
                .filter { $0.sentOn <= date.iso }
            func add(_ due: CalendarDate, _ what: String) {
                items.append(Item(due: due, schoolDaysLeft: calendar.schoolDaysLeft(from: date, to: due),
                                  reference: recorded.reference, upn: recorded.upn, what: what))
            }
            let meetings = loaded.attendanceCase.meetings.filter { $0.date <= date }
            for meeting in meetings {
                if let review = meeting.reviewDate, !meetings.contains(where: { $0.date >= review && $0.casePath != meeting.casePath }) {
                    // A parenting contract meeting agrees an attendance contract (the 2024 guidance's
                    // words): its review is the contract's, for the review record (review-record).
                    let reviewed = meeting.kind == .parentingContract ? "attendance contract agreed at the \(meeting.kind.description)" : meeting.kind.description
                    add(review, "review of the \(reviewed) of \(meeting.date.iso) (\(meeting.casePath)); record it under reviews: for the review record (review-record)")
                }
                // The local authority's target (seed 004: set at the interview or panel meeting, then
                // a target met letter or a final warning); a school meeting's target has its own review date.
                if meeting.attendanceTarget != nil, [.paceInterview, .attendancePanel].contains(meeting.kind), policy.deadlines[.targetReview] != nil {
                    let answered = issued.contains { ["target-met-letter", "final-warning-letter"].contains($0.kind) && $0.sentOn > meeting.date.iso }
                    if !answered {
                        add(try policy.deadline(.targetReview, from: meeting.date, calendar: calendar, for: "attendoc due"),
                            "target review for the target set at \(meeting.casePath): a target met letter or a final warning")
                    }
                }
            }
            if let referral = loaded.attendanceCase.referral, policy.deadlines[.paceInterview] != nil,
               !meetings.contains(where: { [.paceInterview, .attendancePanel].contains($0.kind) && $0.date >= referral.acceptedOn }) {
                add(try policy.deadline(.paceInterview, from: referral.interviewCountsFrom, calendar: calendar, for: "attendoc due"),
                    "interview under caution or attendance panel meeting after the referral accepted on \(referral.acceptedOn.iso)")
            }
            if loaded.pupilRegister != nil {
                let figures = try loaded.figures(asOf: date)
                if let met = figures.unauthorisedThresholdFirstMetOn {
                    if policy.penaltyNotices != nil {
                        // The national framework: a penalty notice must be considered once the
                        // threshold is met, and the decision recorded (attendoc penalty-notice consider).
                        let considered = try fromRecord { () throws(WorkspaceError) in try workspace.penaltyNoticeConsiderations(recorded.reference) }
                            .contains { $0.consideredOn >= met }
                        if !considered {
                            add(met, "penalty notice to be considered: \(policy.unauthorisedSessions) unauthorised sessions in \(policy.unauthorisedWindowSchoolWeeks) school weeks were reached on \(met.iso) (the national framework); record the decision with attendoc penalty-notice consider \(recorded.reference)")
                        }
                    } else if !issued.contains(where: { ["notice-to-improve", "first-warning-letter"].contains($0.kind) && $0.sentOn >= met.iso }) {
                        add(met, "\(policy.unauthorisedSessions) unauthorised sessions in \(policy.unauthorisedWindowSchoolWeeks) school weeks were reached on \(met.iso): a notice to improve or a warning letter is called for")
                    }
                }
            }
            // The policy's steps called for and not yet taken (docs/policies.md, "Steps").
            let sent = Self.sentDocuments(issued, case: loaded.attendanceCase, through: date)
            for status in try SchoolSteps.status(of: loaded, asOf: date, sent: sent) where status.isOutstanding {
                guard let due = status.due else { continue }
                add(due, "next step \(status.step.name): \(status.step.description)\(status.step.document.map { " (document: \($0))" } ?? ""); called for because \(status.calledForBecause ?? "the policy's trigger fired")")
            }
            // Documents whose quoted figures the register now contradicts.
            for changed in try outOfDate(issued, loaded: loaded, upn: recorded.upn, codes: codes) {
                add(CalendarDate(iso: changed.document.sentOn) ?? date,
                    "the \(changed.document.kind) sent to \(changed.document.recipientPath) on \(changed.document.sentOn) quoted \(Self.summary(changed.quoted)); the register now gives \(Self.summary(changed.now)) for the same period")
            }
        }
        // Unexplained absences left open: across every pupil the record has marks for.
        if let calendar = calendars.first, let rules = unexplainedDays {
            let upns = school == nil ? nil : Set(cases.compactMap(\.upn))
            // Many pupils share a day: each day's due date and school days left are counted once.
            var dueOn: [CalendarDate: CalendarDate] = [:]
            var left: [CalendarDate: Int] = [:]
            for mark in try fromRecord({ () throws(WorkspaceError) in try workspace.marks(coded: "N", through: date) })
            where upns?.contains(mark.upn) ?? true {
                let due: CalendarDate
                if let known = dueOn[mark.day] { due = known } else {
                    due = try calendar.adding(schoolDays: rules, to: mark.day)
                    dueOn[mark.day] = due
                }
                guard due <= date else { continue }
                let daysLeft = left[due] ?? calendar.schoolDaysLeft(from: date, to: due)
                left[due] = daysLeft
                items.append(Item(due: due, schoolDaysLeft: daysLeft,
                                  reference: nil, upn: mark.upn,
                                  what: "the \(mark.session) session of \(mark.day.iso) is still marked N (no reason yet) after \(rules) school days"))
            }
        }
        return items.sorted { ($0.due, $0.reference ?? "", $0.upn ?? "", $0.what) < ($1.due, $1.reference ?? "", $1.upn ?? "", $1.what) }
    }

    /// A document whose quoted figures differ from what the record's marks now give for the same
    /// period (a later register import changed marks behind it).
    public struct ChangedFigures: Sendable {
        public var document: IssuedDocument
        public var quoted: String
        public var now: String
    }

    /// The documents of `reference` whose quoted figures the record's marks now contradict.
    public func outOfDate(_ reference: String) throws(AttendocError) -> [ChangedFigures] {
        let recorded = try fromRecord { () throws(WorkspaceError) in try workspace.recordedCase(reference) }
        let loaded = try LoadedCase.load(URL(fileURLWithPath: recorded.sourcePath), resources: resources)
        let issued = try fromRecord { () throws(WorkspaceError) in try workspace.issuedDocuments(for: reference) }
        return try outOfDate(issued, loaded: loaded, upn: recorded.upn, codes: try AttendanceCodeTable(resources: resources))
    }

    func outOfDate(_ issued: [IssuedDocument], loaded: LoadedCase, upn: String?, codes: AttendanceCodeTable) throws(AttendocError) -> [ChangedFigures] {
        guard let upn, let policy = loaded.policy else { return [] }
        let marks = try fromRecord { () throws(WorkspaceError) in try workspace.marks(for: upn) }
        guard !marks.isEmpty else { return [] }
        let register = try Self.register(upn: upn, marks: marks, codes: codes)
        var changed: [ChangedFigures] = []
        for document in issued where document.archived {
            guard let quoted = document.figuresJSON, let from = Self.field(quoted, "from").flatMap(CalendarDate.init(iso:)),
                  let to = Self.field(quoted, "to").flatMap(CalendarDate.init(iso:)) else { continue }
            let now = DocumentIssue.figuresJSON(AttendanceEngine(policy: policy).figures(for: register, asOf: to, from: from))
            if now != quoted { changed.append(ChangedFigures(document: document, quoted: quoted, now: now)) }
        }
        return changed
    }

    /// The documents sent by `date`: those the record holds, and the case file's letters_issued
    /// (letters sent before the workspace) by the document kind that renders them.
    public static func sentDocuments(_ issued: [IssuedDocument], case attendanceCase: AttendanceCase, through date: CalendarDate) -> [SentDocument] {
        (recordedDocuments(issued) + CaseHistory.sentDocuments(in: attendanceCase)).filter { $0.sentOn <= date }
    }

    /// The documents the record holds, by kind and day sent.
    public static func recordedDocuments(_ issued: [IssuedDocument]) -> [SentDocument] {
        issued.compactMap { document in CalendarDate(iso: document.sentOn).map { SentDocument(kind: document.kind, sentOn: $0) } }
    }

    /// A pupil's register from the record's marks, read as an export would be.
    static func register(upn: String, marks: [SessionMark], codes: AttendanceCodeTable) throws(AttendocError) -> PupilRegister {
        var days: [(CalendarDate, String?, String?)] = []
        for mark in marks {
            if days.last?.0 != mark.day { days.append((mark.day, nil, nil)) }
            if mark.session == "AM" { days[days.count - 1].1 = mark.mark } else { days[days.count - 1].2 = mark.mark }
        }
        let csv = "upn,date,am,pm\n" + days.map { "\(upn),\($0.0.iso),\($0.1 ?? ""),\($0.2 ?? "")" }.joined(separator: "\n") + "\n"
        do {
            let register = try RegisterCSVReader.read(csv, file: "the workspace's marks for \(upn)", codes: codes)
            guard let pupil = register.pupil(upn: upn) else { throw AttendocError(.document, "the workspace holds no marks for \(upn)") }
            return pupil
        } catch let error as AttendocError {
            throw error
        } catch {
            throw AttendocError(.document, "the workspace's marks for \(upn) cannot be read: \(error)")
        }
    }

    static func field(_ json: String, _ name: String) -> String? {
        guard let data = json.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return object[name].map { "\($0)" }
    }

    static func summary(_ json: String) -> String {
        let attended = field(json, "attended_sessions") ?? "?", possible = field(json, "possible_sessions") ?? "?"
        let unauthorised = field(json, "unauthorised_absence_sessions") ?? "?"
        return "\(field(json, "attendance_percent") ?? "?")% (\(attended) of \(possible) sessions, \(unauthorised) unauthorised)"
    }
}
