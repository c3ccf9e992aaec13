import AttendocCasework
import AttendocPolicy
import AttendocValues

/// The facts of a first warning letter (seed 004: "Warning letter issued together with PACE
/// letter"; "Attendance panel meeting or PACE interview held in school within 5 weeks of
/// referral"; "if target met, send letter, review within further 5 weeks"): the deadline for the
/// interview or panel meeting, the same date the PACE invitation and the readiness check use
/// (`LoadedCase.interviewDeadline`), and the length of the review after a target is met, both
/// from the policy.
///
/// Keys (docs/templates.md): `interview.deadline`, `interview.within`, `targetReview.within`.
enum FirstWarningLetterFacts {
    static let letter = "the first warning letter"

    static func values(case loaded: LoadedCase) throws(AttendocError) -> [String: Any] {
        // Without a referral the template's own check names the missing referral.acceptedOn.
        guard loaded.attendanceCase.referral != nil else { return [:] }
        let interview = try loaded.interviewDeadline(for: letter)
        guard let policy = loaded.policy else {
            // interviewDeadline has already refused a case without a policy.
            throw AttendocError(.document, "the case \(loaded.attendanceCase.reference) names no policy; add policy: to the case file")
        }
        let review = try policy.deadline(.targetReview, for: letter)
        return [
            "interview": [
                "deadline": LetterContext.dateValue(interview.date),
                "within": interview.deadline.lengthInWords,
            ] as [String: Any],
            "targetReview": ["within": review.lengthSpeltOut] as [String: Any],
        ]
    }
}
