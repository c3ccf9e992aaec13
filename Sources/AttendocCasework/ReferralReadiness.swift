import AttendocCaseModel
import AttendocEngine
import AttendocPolicy
import AttendocValues
import Foundation

/// What a school's referral still lacks, by the receiving authority's checklist (its policy's
/// `referral_checklist`; seed 004: "a referral will only be accepted if the pupil has at least 10%
/// unauthorised absence ... when all steps above have been attempted and evidence provided"). Each
/// gap says where it is and what to do; figures are the engine's, steps the policy's.
public struct ReferralReadiness: Sendable {
    public var gaps: [ProsecutionReadiness.Gap]
    public var isReady: Bool { gaps.isEmpty }
    /// What was checked, one line each, for the school to see the checklist it was held to.
    public var checked: [String]

    /// The code of a session whose reason is not yet established (seed-independent: the DfE's `N`).
    static let unexplainedCode = "N"

    public static func check(_ loaded: LoadedCase, asOf date: CalendarDate, sent: [SentDocument]) throws(AttendocError) -> ReferralReadiness {
        guard let policy = loaded.policy else {
            throw AttendocError(.caseFile, "the case \(loaded.attendanceCase.reference) names no policy, so no referral checklist applies; add policy: to the case file")
        }
        guard !policy.referralChecklist.isEmpty else {
            throw AttendocError(.policy, "\(policy.file): the policy \(policy.identifier) has no referral_checklist, so what a referral needs is not known; add referral_checklist: (docs/policies.md) or check against the receiving authority's policy (--policy)")
        }
        let attendanceCase = loaded.attendanceCase
        var gaps: [ProsecutionReadiness.Gap] = []
        var checked: [String] = []
        func gap(_ place: String, _ problem: String, _ toDo: String) { gaps.append(.init(place: place, problem: problem, toDo: toDo)) }
        func figures() throws(AttendocError) -> PupilFigures? {
            guard loaded.pupilRegister != nil else {
                gap("register", "there is no register to show the pupil's absence", "add register: to the case file")
                return nil
            }
            return try loaded.figures(asOf: date)
        }
        var statuses: [StepStatus]?
        for requirement in policy.referralChecklist {
            switch requirement {
            case .unauthorisedAtLeast(let minimum):
                checked.append("unauthorised absence of at least \(minimum)")
                if let figures = try figures(), !minimum.isReached(by: figures.unauthorisedAbsence) {
                    gap("register", "unauthorised absence is \(figures.unauthorisedAbsence.display) (\(figures.unauthorisedAbsenceSessions) of \(figures.possibleSessions) sessions, \(figures.from.longForm) to \(figures.to.longForm)), under the \(minimum) the referral needs",
                        "keep to the school's steps; the referral criterion is not met")
                }
            case .stepsTaken(let names):
                checked.append("evidence of each step: \(names.joined(separator: ", "))")
                let all: [StepStatus]
                if let known = statuses { all = known } else { all = try SchoolSteps.status(of: loaded, asOf: date, sent: sent) }
                statuses = all
                for status in all where names.contains(status.step.name) {
                    let step = status.step
                    if status.takenOn != nil { continue }
                    if let calledFor = status.calledForOn {
                        gap("steps: \(step.name)", "\(step.description): called for since \(calledFor.longForm) (\(status.calledForBecause ?? "")) but not recorded as taken",
                            "take the step and record it (\(step.evidence.map(evidenceInWords).joined(separator: ", or ")))\(step.document.map { "; its document is \($0)" } ?? "")")
                    } else if !isConditional(step.trigger) {
                        gap("steps: \(step.name)", "\(step.description): not reached, because the case records no \(triggerInWords(step.trigger))",
                            "record the earlier steps first (\(policy.file), \(step.policyPath))")
                    }
                }
            case .supportiveMeasuresEvidenced:
                checked.append("every supportive measure with its outcome and evidence")
                for measure in attendanceCase.supportiveMeasures where measure.offeredOn <= date {
                    if measure.outcome == nil { gap(measure.casePath, "the supportive measure has no outcome", "add outcome: what happened") }
                    if measure.evidence.isEmpty { gap(measure.casePath, "the supportive measure has no evidence", "add evidence: the file that shows it was offered") }
                }
            case .supportiveMeasuresAtLeast(let count):
                checked.append("at least \(count) supportive measures")
                let recorded = attendanceCase.supportiveMeasures.filter { $0.offeredOn <= date }.count
                if recorded < count {
                    gap("supportive_measures", "\(recorded) supportive measure\(recorded == 1 ? " is" : "s are") recorded; the referral needs at least \(count)", "record every measure offered, with its outcome and evidence")
                }
            case .registerCertificateYears(let years):
                checked.append("register certificates for \(years) school year\(years == 1 ? "" : "s")")
                let thisYear = AttendanceEngine.academicYearStart(containing: date)
                let certified = Set(sent.filter { $0.kind == "register-certificate" && $0.sentOn <= date }
                    .map { AttendanceEngine.academicYearStart(containing: $0.sentOn) })
                for back in 0..<years {
                    let start = CalendarDate(year: thisYear.year - back, month: 8, day: 1)!
                    if !certified.contains(start) {
                        gap("letters_issued", "no register certificate is recorded for the school year \(start.year) to \(start.year + 1)",
                            "send a register certificate for that year (attendoc issue --document register-certificate) and record it")
                    }
                }
            case .recordedContactsAtLeast(let count):
                checked.append("at least \(count) recorded contacts with the family")
                let contacts = attendanceCase.contacts.filter { $0.date <= date }.count
                let letters = attendanceCase.lettersIssued.filter { $0.date <= date }.count
                let meetings = attendanceCase.meetings.filter { $0.date <= date }.count
                let total = contacts + letters + meetings
                if total < count {
                    gap("contacts", "\(total) recorded contact\(total == 1 ? "" : "s") with the family (\(contacts) in contacts, \(letters) letters issued, \(meetings) meetings); the referral needs at least \(count)",
                        "record each call, visit and message under contacts: with its date and method")
                }
            case .noUnexplainedInLastSessions(let count):
                checked.append("no session marked \(unexplainedCode) among the last \(count) sessions")
                if let register = loaded.pupilRegister {
                    let recent = RecentSessions(register: register, last: count, through: date, codes: [unexplainedCode])
                    if let first = recent.marked.first {
                        gap("register", "\(recent.marked.count) of the last \(recent.counted) sessions are still marked \(unexplainedCode) (no reason yet), the first \(first.date.longForm) \(first.session.rawValue)",
                            "establish the reason for each and correct the register, then export it again")
                    }
                } else {
                    gap("register", "there is no register to show the last \(count) sessions", "add register: to the case file")
                }
            }
        }
        return ReferralReadiness(gaps: gaps, checked: checked)
    }

    /// Whether a step is called for only in some cases, so that a step never called for is no gap:
    /// a threshold the register may never reach, or the GP enquiry, which only the parents'
    /// consent allows (a case without consent has no enquiry to make).
    static func isConditional(_ trigger: SchoolStep.Trigger) -> Bool {
        switch trigger {
        case .attendanceBelow, .unauthorisedThreshold, .illnessPattern, .gpConsentGiven: true
        case .meeting, .review, .referDecided, .targetNotMet: false
        }
    }

    static func triggerInWords(_ trigger: SchoolStep.Trigger) -> String {
        let words = { (kind: String) -> String in Meeting.Kind(rawValue: kind)?.description ?? kind }
        return switch trigger {
        case .attendanceBelow(let share): "attendance below \(share)"
        case .unauthorisedThreshold: "unauthorised-absence threshold met"
        case .illnessPattern: "illness pattern"
        case .meeting(let kind): words(kind)
        case .review(let kind): "\(words(kind)) with a review"
        case .referDecided(let kind): "review of the \(words(kind)) deciding to refer"
        case .targetNotMet(let kind): "review of the \(words(kind)) finding its target not met"
        case .gpConsentGiven: "consent to contact the GP"
        }
    }

    static func evidenceInWords(_ evidence: SchoolStep.Evidence) -> String {
        switch evidence {
        case .meeting(let kind): "under meetings:, kind \(kind)"
        case .review(let kind): "under reviews:, of the \(kind) meeting"
        case .document(let kind): "attendoc issue --document \(kind), or letters_issued"
        case .contact(let method): "under contacts:, method \(method)"
        case .referralAccepted: "referral: accepted_on: once the local authority accepts it"
        case .apdrRecord: "under apdr:, with its date"
        }
    }
}
