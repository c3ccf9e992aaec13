import AttendocCaseModel
import AttendocEngine
import AttendocPolicy
import AttendocValues

/// A document the record or the case file shows was sent: its kind (a template's name) and day.
public struct SentDocument: Sendable, Equatable {
    public var kind: String
    public var sentOn: CalendarDate

    public init(kind: String, sentOn: CalendarDate) {
        self.kind = kind
        self.sentOn = sentOn
    }
}

/// Where a case stands on each step of its policy (`Policy.steps`) as of a day: whether the step
/// has been called for (its trigger, from the engine's figures and the case's record), when it is
/// due (its deadline, from the policy and the term dates), and whether it was taken (its evidence).
public struct StepStatus: Sendable {
    public var step: SchoolStep
    /// The day the trigger fired; nil: the step is not (yet) called for.
    public var calledForOn: CalendarDate?
    /// Why it is called for, in words: `attendance fell below 90% on 14 September 2026`.
    public var calledForBecause: String?
    /// The day it is due: its deadline from the trigger, or the trigger's day.
    public var due: CalendarDate?
    /// The day it was taken, and the record that shows it (`meetings[0]`, `letters_issued[2]`).
    public var takenOn: CalendarDate?
    public var takenBy: String?

    public var isOutstanding: Bool { calledForOn != nil && takenOn == nil }
}

public enum SchoolSteps {
    /// Each of the policy's steps for `loaded` as of `date`. `sent` lists the documents the record
    /// (and the case file's letters_issued) shows were sent.
    public static func status(of loaded: LoadedCase, asOf date: CalendarDate, sent: [SentDocument]) throws(AttendocError) -> [StepStatus] {
        guard let policy = loaded.policy else { return [] }
        let attendanceCase = loaded.attendanceCase
        let meetings = attendanceCase.meetings.filter { $0.date <= date }
        let reviews = attendanceCase.reviews.filter { $0.date <= date }
        func latest(_ kind: String) -> Meeting? {
            meetings.filter { $0.kind.rawValue == kind }.max { $0.date < $1.date }
        }
        func words(_ kind: String) -> String { Meeting.Kind(rawValue: kind)?.description ?? kind }
        var result: [StepStatus] = []
        for step in policy.steps {
            var status = StepStatus(step: step)
            // The trigger.
            switch step.trigger {
            case .attendanceBelow(let share):
                if let register = loaded.pupilRegister,
                   let day = AttendanceEngine(policy: policy).firstDay(attendanceBelow: share, for: register, asOf: date) {
                    status.calledForOn = day
                    status.calledForBecause = "attendance this school year fell below \(share) on \(day.longForm)"
                }
            case .unauthorisedThreshold:
                if loaded.pupilRegister != nil, let day = try loaded.figures(asOf: date).unauthorisedThresholdFirstMetOn {
                    status.calledForOn = day
                    status.calledForBecause = "\(policy.unauthorisedSessions) unauthorised sessions in \(policy.unauthorisedWindowSchoolWeeks) school weeks were reached on \(day.longForm)"
                }
            case .illnessPattern:
                if let register = loaded.pupilRegister, let rule = policy.illnessPattern {
                    let pattern = IllnessPattern(register: register, rule: rule, from: AttendanceEngine.academicYearStart(containing: date), through: date)
                    if let day = pattern.foundOn {
                        status.calledForOn = day
                        status.calledForBecause = "the register shows \(pattern.reason ?? "an illness pattern")"
                    }
                }
            case .meeting(let kind):
                if let meeting = latest(kind) {
                    status.calledForOn = meeting.date
                    status.calledForBecause = "the \(words(kind)) of \(meeting.date.longForm) (\(meeting.casePath))"
                }
            case .review(let kind):
                if let meeting = latest(kind) {
                    status.calledForOn = meeting.date
                    status.calledForBecause = "the \(words(kind)) of \(meeting.date.longForm) (\(meeting.casePath)) is reviewed"
                }
            case .referDecided(let kind):
                if let meeting = latest(kind), let review = reviews.first(where: { $0.of == meeting.casePath && $0.decision == .refer }) {
                    status.calledForOn = review.date
                    status.calledForBecause = "the review of \(review.date.longForm) (\(review.casePath)) decided to refer"
                }
            case .targetNotMet(let kind):
                if let meeting = latest(kind), let result = try targetResult(of: meeting, in: loaded, asOf: date), !result.met {
                    status.calledForOn = result.reviewedOn
                    status.calledForBecause = "the target of \(meeting.attendanceTarget?.display ?? "") set at \(meeting.casePath) was not met: attendance from \(meeting.date.longForm) to \(result.reviewedOn.longForm) was \(result.attendance.display)"
                }
            case .gpConsentGiven:
                if let consent = attendanceCase.gpConsent, consent.stands(on: date), let answered = consent.answeredOn {
                    status.calledForOn = answered
                    status.calledForBecause = "the parents' consent to contact the GP was given on \(answered.longForm) (\(consent.casePath))"
                }
            }
            guard let calledFor = status.calledForOn else { result.append(status); continue }
            // The due day: the policy's deadline from the day it was called for, or that day itself.
            // A review falls on the meeting's own review date when it set one (never later than a
            // deadline): a review is not due on the day of the meeting it reviews.
            let deadline = try step.deadline.map { name throws(AttendocError) in
                try loaded.deadline(name, from: calledFor, for: "the step \(step.name) (\(step.policyPath))")
            }
            status.due = deadline ?? calledFor
            if case .review(let kind) = step.trigger, let review = latest(kind)?.reviewDate {
                status.due = deadline.map { min(review, $0) } ?? review
            }
            // The evidence: the first of the alternatives to show the step taken.
            var taken: [(on: CalendarDate, by: String)] = []
            for evidence in step.evidence {
                switch evidence {
                case .meeting(let kind):
                    if let meeting = meetings.filter({ $0.kind.rawValue == kind && $0.date >= calledFor }).min(by: { $0.date < $1.date }) {
                        taken.append((meeting.date, meeting.casePath))
                    }
                case .review(let kind):
                    if let meeting = latest(kind), let review = reviews.filter({ $0.of == meeting.casePath }).min(by: { $0.date < $1.date }) {
                        taken.append((review.date, review.casePath))
                    }
                case .document(let kind):
                    if let first = sent.filter({ $0.kind == kind && $0.sentOn >= calledFor && $0.sentOn <= date }).min(by: { $0.sentOn < $1.sentOn }) {
                        taken.append((first.sentOn, "the \(kind) sent on \(first.sentOn.longForm)"))
                    }
                case .contact(let method):
                    if let contact = attendanceCase.contacts.filter({ $0.method.rawValue == method && $0.date >= calledFor && $0.date <= date }).min(by: { $0.date < $1.date }) {
                        taken.append((contact.date, contact.casePath))
                    }
                case .apdrRecord:
                    if let record = attendanceCase.apdr.filter({ $0.date >= calledFor && $0.date <= date }).min(by: { $0.date < $1.date }) {
                        taken.append((record.date, record.casePath))
                    }
                case .referralAccepted:
                    if let referral = attendanceCase.referral, referral.acceptedOn >= calledFor, referral.acceptedOn <= date {
                        taken.append((referral.acceptedOn, "referral"))
                    }
                }
            }
            if let first = taken.min(by: { $0.on < $1.on }) {
                status.takenOn = first.on
                status.takenBy = first.by
            }
            result.append(status)
        }
        return result
    }

    /// Whether the percentage target set at `meeting` was met at its review: the first review
    /// recorded of it, or else its review date once passed; the engine's attendance from the
    /// meeting to that day, compared exactly. Nil: no percentage target, or not yet reviewed.
    public static func targetResult(of meeting: Meeting, in loaded: LoadedCase, asOf date: CalendarDate) throws(AttendocError) -> (met: Bool, reviewedOn: CalendarDate, attendance: Percentage)? {
        guard case .percent(let target) = meeting.attendanceTarget, loaded.pupilRegister != nil else { return nil }
        let recorded = loaded.attendanceCase.reviews.filter { $0.of == meeting.casePath && $0.date <= date }.min { $0.date < $1.date }?.date
        guard let reviewedOn = recorded ?? meeting.reviewDate.flatMap({ $0 <= date ? $0 : nil }) else { return nil }
        let figures = try loaded.figures(asOf: reviewedOn, from: meeting.date)
        guard figures.possibleSessions > 0 else { return nil }
        return (target.isReached(by: figures.attendance), reviewedOn, figures.attendance)
    }
}
