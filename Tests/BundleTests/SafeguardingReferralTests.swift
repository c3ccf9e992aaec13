@testable import AttendocBundle
import AttendocCaseModel
import AttendocCasework
import AttendocTesting
import Foundation
import Testing

/// A safeguarding referral (a `referrals:` entry with `service: safeguarding`) is sensitive
/// material: it is never listed in the bundle or in a witness statement served on the parents, nor
/// on the schedule of non-sensitive unused material served with them; the bundle's left-out list
/// names it by place, for the prosecutor's sensitive schedule.
@Suite("Evidence bundle: a safeguarding referral is withheld")
struct SafeguardingReferralTests {
    @Test func theReferralIsInNoServedPaperAndIsListedAsSensitiveMaterialLeftOut() throws {
        var loaded = try LoadedCase.load(EvidenceBundlePlanTests.riverside, resources: resources)
        var referral = loaded.attendanceCase.referrals[0]
        referral.to = "Northshire Children's Hub (CHUB)"
        referral.service = .safeguarding
        referral.reason = "Siobhán said she was frightened at home on the days she missed."
        referral.madeBy = "Ms Laura Hughes"
        referral.date = date("2026-11-06")
        referral.casePath = "referrals[\(loaded.attendanceCase.referrals.count)]"
        loaded.attendanceCase.referrals.append(referral)
        let view = CourtView(of: loaded.attendanceCase)
        #expect(!view.attendanceCase.referrals.contains { $0.service == .safeguarding })
        let bundle = try EvidenceBundlePlanTests.plan(loaded, draft: true)
        let place = referral.casePath
        #expect(bundle.leftOut.contains { $0.place == place && $0.why.contains("sensitive unused material") }, "\(bundle.leftOut)")
        // Every served paper (index, statements, schedule) in the bundle's document XML.
        let xml = try EvidenceBundlePlanTests.xml(of: bundle)
        for secret in ["CHUB", "Children's Hub", "Children&#39;s Hub", "frightened at home"] {
            #expect(!xml.contains(secret), "the bundle must not show: \(secret)")
        }
        // The Early Help referral it was copied from is still stated.
        #expect(xml.contains(loaded.attendanceCase.referrals[0].to.replacingOccurrences(of: "'", with: "&#39;")) || xml.contains(loaded.attendanceCase.referrals[0].to))
    }
}
