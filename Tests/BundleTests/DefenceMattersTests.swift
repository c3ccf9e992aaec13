@testable import AttendocBundle
import AttendocCasework
import AttendocEngine
import AttendocTesting
import Foundation
import Testing

/// Section A's matters relevant to the defence and to sentence, read as a defence solicitor reads
/// the county example's bundle: the young-carer flag, the illness that falls on Thursdays, the N
/// codes never resolved, the barriers in the minutes, the catch-up sessions promised and never
/// shown as given, and the Early Help support still running when the case went to court.
@Suite("Evidence bundle: matters relevant to the defence")
struct DefenceMattersTests {
    /// The entry's text in the bundle's XML, tags removed and whitespace flattened.
    static func matters(_ loaded: LoadedCase) throws -> String {
        let bundle = try EvidenceBundlePlanTests.plan(loaded, draft: true)
        let xml = try EvidenceBundlePlanTests.xml(of: bundle)
        let start = try #require(xml.range(of: "title=\"Matters relevant to the defence and to sentence\""))
        let end = try #require(xml.range(of: "</entry>", range: start.upperBound..<xml.endIndex))
        return flattened(EvidenceBundlePlanTests.unescaped(String(xml[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)))
    }

    @Test func theCountyExampleStatesWhatMayHelpTheDefence() throws {
        let loaded = try LoadedCase.load(EvidenceBundlePlanTests.riverside, resources: resources)
        let text = try Self.matters(loaded)
        #expect(text.contains("The case records that Siobhán is in these priority groups for attendance support: young carer"), "\(text)")
        // The engine's counts by reason, over the charge and the school year (the register runs
        // to 8 January 2027): 12 sessions of illness, 6 of them on Thursdays.
        #expect(text.contains("in the period of the charge (25 November 2026 to 8 January 2027) and in the school year (3 September 2026 to 8 January 2027)"), "\(text)")
        #expect(text.contains("Illness (not medical or dental appointments) (I) Authorised 2 12 Thursdays (6 of 12)"), "\(text)")
        #expect(text.contains("Absent in other or unknown circumstances (O) Unauthorised 6 23 Mondays (14 of 23)"), "\(text)")
        #expect(text.contains("Leave of absence for a medical or dental appointment (M) Authorised 0 1 No one day"), "\(text)")
        // The figures agree with the engine's totals.
        let year = try loaded.figures(asOf: date("2027-01-11"))
        let reasons = AbsenceByReason(register: try #require(loaded.pupilRegister), from: year.from, through: year.to)
        #expect(reasons.authorised.reduce(0) { $0 + $1.sessions } == year.authorisedAbsenceSessions)
        #expect(reasons.unauthorised.reduce(0) { $0 + $1.sessions } == year.unauthorisedAbsenceSessions)
        #expect(text.contains("3 sessions in the school year (0 in the period of the charge) are still marked N: the reason for the absence was never established."))
        // Barriers from the minutes, each with its meeting.
        #expect(text.contains("Morning caring responsibilities (the Team Around the Family meeting of 21 October 2026)"))
        #expect(text.contains("Worried about catching up with missed work (the parenting contract meeting of 2 October 2026)"))
        // The catch-up sessions the school promised, with no record they were given; the
        // check-in, the referral and the home visit are recorded done.
        #expect(text.contains("Arrange catch-up sessions for missed work: Ms Laura Hughes, due 9 October 2026 (the parenting contract meeting of 2 October 2026)"), "\(text)")
        for done in ["Daily check-in", "Refer the family to Early Help", "Visit the family at home"] {
            #expect(!text.contains(done), "\(done)")
        }
        // Early Help, accepted and not ended, was still running.
        #expect(text.contains("On 11 January 2027 the family were still taking part in: Early Help support from a family support worker, from Northshire Early Help, since 2 November 2026"), "\(text)")
    }

    @Test func anActionRecordedDoneIsNotListedAndACaseWithoutCohortsSaysSo() throws {
        let loaded = try ReadinessTests.variant([
            ("        action: Arrange catch-up sessions for missed work\n        due_date: 2026-10-09\n",
             "        action: Arrange catch-up sessions for missed work\n        due_date: 2026-10-09\n        done_on: 2026-10-09\n"),
            ("  priority_cohorts:\n    - young_carer\n", ""),
        ])
        let text = try Self.matters(loaded)
        #expect(text.contains("Every action the school or an agency agreed at a meeting, due by 11 January 2027, is recorded as done."), "\(text)")
        #expect(text.contains("The case records no priority group"), "\(text)")
        #expect(!text.contains("priority groups for attendance support: young carer"))
    }

    @Test func anActionDoneBeforeItsMeetingIsRefused() throws {
        #expect {
            _ = try ReadinessTests.variant("        due_date: 2026-10-09\n", "        due_date: 2026-10-09\n        done_on: 2026-09-30\n")
        } throws: { error in
            "\(error)".contains("meetings[0].actions[2].done_on: is 2026-09-30, before the meeting (2026-10-02)")
        }
    }
}
