import AttendocCaseModel
import AttendocCasework

/// The Hillside example (examples/hillside-send-and-social-worker.yaml) as it would be for a pupil
/// with an Education, Health and Care plan: Kacpi's cohorts with `ehcp` in place of SEN support, and
/// the school's request to the SEND team for the plan's interim review as `referrals[3]`. No example
/// file has an EHCP; the golden and the rendering tests of `ehcp-interim-review-request` use this.
public func withEHCPInterimReviewRequest(_ loaded: LoadedCase) -> LoadedCase {
    var loaded = loaded
    loaded.attendanceCase.pupil.priorityCohorts = [.childWithASocialWorker, .ehcp, .autisticOrSocialCommunicationNeeds]
    // The SEND outreach request (referrals[0]) made to the SEND team instead.
    guard var request = loaded.attendanceCase.referrals.first(where: { $0.service == .sendOutreach }) else { return loaded }
    request.to = "Northshire SEND Team"
    request.casePath = "referrals[\(loaded.attendanceCase.referrals.count)]"
    request.service = .ehcpInterimReview
    request.madeBy = "Ms Rachel Ford, SENCo"
    request.reason = "Kacpi's plan provides support from 9am; he misses the mornings he is anxious. The school asks for an interim review of the plan's provision for the start of the day."
    loaded.attendanceCase.referrals.append(request)
    return loaded
}
