import AttendocCaseModel
import AttendocPolicy
import AttendocValues
import Foundation

/// What a court, or the local authority's referral criteria (seed 004: "a referral will only be
/// accepted when all steps above have been attempted and evidence provided"), would find missing
/// from a case before a prosecution: each gap with where it is and what to do about it.
public struct ProsecutionReadiness: Sendable {
    public struct Gap: Sendable, Equatable, CustomStringConvertible {
        /// Where in the case file the gap is, or the step it concerns.
        public var place: String
        public var problem: String
        public var toDo: String

        public var description: String { "\(place): \(problem). To do: \(toDo)" }
    }

    public var gaps: [Gap]
    public var isReady: Bool { gaps.isEmpty }

    /// Checks `loaded` as of `date` (the figures are the engine's to that date). `sent` is what the
    /// workspace's record shows was sent (`attendoc issue`); without it, the case file's
    /// `letters_issued`.
    /// `penaltyNotices` is the record's penalty notices for the pupil; without it, the case file's.
    /// `evidence` is what a route's evidence list (its policy's `enforcement_routes:`) asks;
    /// nil: everything (`RouteReadiness` chooses it).
    public static func check(_ loaded: LoadedCase, asOf date: CalendarDate, sent: [SentLetter]? = nil,
                             penaltyNotices: PenaltyNoticeHistory? = nil, evidence: Set<RouteEvidence>? = nil) -> ProsecutionReadiness {
        let attendanceCase = loaded.attendanceCase
        var gaps: [Gap] = []
        func asks(_ item: RouteEvidence) -> Bool { evidence?.contains(item) ?? true }
        func gap(_ place: String, _ problem: String, _ toDo: String) { gaps.append(Gap(place: place, problem: problem, toDo: toDo)) }
        /// The date of the policy's deadline `name` from `start`, or nil with the reason it cannot
        /// be known recorded as a gap: no deadline is ever skipped silently.
        func deadline(_ name: DeadlineName, from start: CalendarDate, at place: String, checking what: String) -> CalendarDate? {
            do {
                return try loaded.deadline(name, from: start, for: "the readiness check (\(what))")
            } catch {
                gap(place, "\(what) cannot be checked against the policy's \(name.rawValue) deadline: \(error)", "fix the policy or the case file so that the deadline is known")
                return nil
            }
        }

        // Steps of the process (seed 004): parenting contract meeting, reviewed within the
        // policy's deadline; first warning to every parent under section 576; the
        // interview within the deadline after the referral; the final warning.
        let contracts = asks(.parentingContract) ? attendanceCase.meetings.filter { $0.kind == .parentingContract } : []
        if asks(.parentingContract) && contracts.isEmpty {
            gap("meetings", "no parenting contract meeting is recorded", "record the parenting contract meeting (kind: parenting_contract) with its minutes, or the offer and the parents' response")
        }
        for meeting in contracts {
            guard let review = meeting.reviewDate else {
                gap(meeting.casePath, "the parenting contract meeting has no review date", "add review_date (seed 004: not more than 20 days later)")
                continue
            }
            if let latest = deadline(.concernReview, from: meeting.date, at: meeting.casePath, checking: "the review of the parenting contract meeting"),
               review > latest {
                gap(meeting.casePath, "the review (\(review.longForm)) is later than the policy allows (\(latest.longForm))",
                    "record a review held by \(latest.longForm), or explain the delay in the case notes")
            }
        }
        let parents = Recipient.parents(in: attendanceCase).map(\.person)
        let letters = (sent ?? SentLetter.listed(in: attendanceCase)).filter { $0.sentOn <= date }
        for (kind, name) in [(IssuedLetter.KnownKind.firstWarningLetter, "first warning letter"), (.finalWarningLetter, "final warning letter")] where asks(.warnings) {
            let document = kind == .firstWarningLetter ? "first-warning-letter" : "final-warning-letter"
            for parent in parents where !letters.contains(where: { $0.kind == .known(kind) && $0.recipientPath == parent.casePath }) {
                if sent != nil {
                    gap(parent.casePath, "the workspace's record holds no \(name) to this parent",
                        "issue it (attendoc issue \(attendanceCase.reference) --document \(document) --to \(parent.id ?? parent.casePath) --method post)")
                } else {
                    gap(parent.casePath, "no \(name) to this parent is recorded",
                        "send it (attendoc render --document \(document)) and record it in letters_issued")
                }
            }
        }
        let interviews = attendanceCase.meetings.filter { $0.kind == .paceInterview || $0.kind == .attendancePanel }
        if asks(.referral) && attendanceCase.referral == nil {
            gap("referral", "no accepted referral to the local authority is recorded", "add referral: accepted_on: once the local authority accepts the school's referral")
        }
        if !asks(.interview) {
            // Not asked by the route.
        } else if interviews.isEmpty {
            gap("meetings", "no interview under caution (PACE) or attendance panel meeting is recorded", "hold it within the policy's deadline after the referral and record it in meetings")
        } else if attendanceCase.referral != nil, let first = interviews.min(by: { $0.date < $1.date }) {
            do {
                let deadline = try loaded.interviewDeadline(for: "the readiness check (the date of the interview or panel meeting)").date
                if first.date > deadline {
                    gap(first.casePath, "the interview or panel meeting (\(first.date.longForm)) was after the deadline of \(deadline.longForm)",
                        "record why it was late, or hold it again")
                }
            } catch {
                gap(first.casePath, "the date of the interview or panel meeting cannot be checked against the policy's pace_interview deadline: \(error)",
                    "fix the policy or the case file so that the deadline is known")
            }
        }

        // The decisions: the route at referral, the decision to proceed after the target's review.
        if asks(.decisions) { gaps += DecisionReadiness.gaps(loaded) }
        // An Education Supervision Order application's and a school attendance order
        // prosecution's own checks, when the route lists them (each applies only to its own
        // section); a parenting order request's whatever the list, where the case has one.
        if asks(.educationSupervisionOrder) { gaps += EducationSupervisionReadiness.gaps(loaded) }
        gaps += ParentingOrderReadiness.gaps(loaded)
        if asks(.schoolAttendanceOrder) { gaps += SchoolAttendanceOrderReadiness.gaps(loaded) }
        if asks(.defendants) {
            gaps += DefendantReadiness.gaps(loaded, asOf: date, letters: letters, sent: sent,
                                            contracts: asks(.parentingContract), support: asks(.supportiveMeasures))
        }
        if asks(.disclosure) { gaps += DisclosureReadiness.gaps(loaded) }
        if asks(.witnesses) { gaps += WitnessReadiness.gaps(loaded) }
        if asks(.thirdPartyRecords) { gaps += ThirdPartyRecords.gaps(loaded) }
        if asks(.quotedOutcomes) { gaps += QuotedOutcomeReadiness.gaps(loaded, asOf: date) }
        if asks(.chargePeriod) { gaps += ChargePeriod.gaps(loaded, asOf: date, sent: sent) }
        if asks(.informationLaid) { gaps += InformationLimit.gaps(loaded, asOf: date, sent: sent) }
        if asks(.penaltyNotices) {
            gaps += PenaltyNoticeReadiness.gaps(loaded, asOf: date, history: penaltyNotices ?? .listed(in: attendanceCase), sent: sent)
        }

        // Supportive measures: each needs an outcome and evidence.
        if asks(.supportiveMeasures) && attendanceCase.supportiveMeasures.isEmpty {
            gap("supportive_measures", "no supportive measure is recorded", "record every measure offered, with its outcome and evidence (seed 003)")
        }
        for measure in attendanceCase.supportiveMeasures where asks(.supportiveMeasures) {
            if measure.outcome == nil {
                gap(measure.casePath, "the supportive measure has no outcome", "add outcome: what happened")
            }
            if measure.evidence.isEmpty {
                gap(measure.casePath, "the supportive measure has no evidence", "add evidence: the file that proves it was offered")
            }
        }

        // Unauthorised absence against the referral criterion (seed 004: at least 10%).
        if asks(.unauthorisedAbsence), let policy = loaded.policy, let minimum = policy.referralMinimumUnauthorised {
            if loaded.pupilRegister == nil {
                gap("register", "there is no register to show the unauthorised absence", "add register: to the case file")
            } else {
                do {
                    let figures = try loaded.figures(asOf: date)
                    if !minimum.isReached(by: figures.unauthorisedAbsence) {
                        gap("register", "unauthorised absence is \(figures.unauthorisedAbsence.display) to \(figures.to.longForm), under the policy's \(minimum)",
                            "check the register; the referral criterion is not met")
                    }
                } catch {
                    gap("register", "the unauthorised absence cannot be computed: \(error)", "fix the case's register or policy")
                }
            }
        }

        // Every exhibit must be readable.
        let files = attendanceCase.supportiveMeasures.flatMap { measure in measure.evidence.map { (measure.casePath, $0) } }
            + attendanceCase.lettersIssued.flatMap { letter in letter.evidence.map { (letter.casePath, $0) } }
            + attendanceCase.referrals.flatMap { referral in referral.evidence.map { (referral.casePath, $0) } }
        for (place, file) in files where asks(.exhibits) {
            if !FileManager.default.isReadableFile(atPath: file.url.path) {
                gap(place, "the exhibit \(file.path) cannot be read", "restore the file or its permissions")
            } else if let problem = file.problem {
                // The same rule the case file reader and the bundle apply (FileReference).
                gap(place, "the exhibit \(problem)", "save the exhibit as a file in the case's folder and cite it from there")
            }
        }
        return ProsecutionReadiness(gaps: gaps)
    }
}
