import AttendocCaseModel
import AttendocCasework
import AttendocDocuments
import AttendocTesting
import AttendocValues
import Foundation
import Testing

/// Requests to other services (seed 002, tier 2: SEND outreach, an EHCP interim review, social care,
/// safeguarding), each a document of its own from one `referrals:` entry with a `service:`: one copy
/// for that service with only what it may see, made only where the policy's cohort rules call for it.
@Suite("Requests to other services")
struct ServiceRequestTests {
    typealias Steps = SchoolStepDocumentsTests

    @Test func theSENDOutreachRequestIsTheSchoolsOwnWordsWithTheFiguresAndNoAddress() throws {
        let texts = try Steps.texts(.sendOutreachRequest, try Steps.load(Steps.hillside), dated: "2026-11-23")
        #expect(texts.keys.sorted() == ["send-outreach-service"])
        let text = try #require(texts["send-outreach-service"])
        for expected in [
            "Request for SEND outreach support",
            "To: Northshire SEND Outreach Service",
            "Requested: Monday 23 November 2026",
            "Requested by: Ms Rachel Ford, SENCo",
            "The school asks for advice on helping him settle at the start of the day",
            // The register to 20 November: 67 of 102 sessions (hand-worked in SchoolStepDocumentsTests).
            "Kacpi has attended 67 of 102 sessions this school year (65.7%), from 3 September 2026 to 20 November 2026.",
            "Mr Gareth Williams, father, with parental responsibility; not to be contacted (ask the school why)",
            "A quiet start in the Nurture Room from 8:30 each morning: offered on 9 October 2026; accepted.",
        ] {
            #expect(text.contains(expected), "SEND outreach request: \(expected)")
        }
        // Nobody's address or telephone; never why the father may not be contacted.
        for secret in ["Orchard Way", "EX1 3RR", "07700", "court order", "Market Street"] {
            #expect(!text.contains(secret), "SEND outreach request must not say \(secret)")
        }
    }

    @Test func theSocialCareReferralGivesWhereThePupilLivesAndNoOtherParentsAddress() throws {
        // Siobhán, a young carer, lives with her mother (14 Orchard Close, EX1 2AB); her father lives
        // at EX3 0JA and a carer at EX4 6NN. A referral for a young carer's needs assessment.
        var loaded = try Steps.load(Steps.riverside)
        var request = loaded.attendanceCase.referrals[0]
        request.to = "Northshire Children's Social Care"
        request.service = .childrensSocialCare
        request.reason = "Siobhán cares for her brother before school. The school asks for a young carer's needs assessment."
        request.date = date("2026-11-06")
        request.casePath = "referrals[2]"
        loaded.attendanceCase.referrals.append(request)
        let texts = try Steps.texts(.socialCareReferral, loaded, dated: "2026-11-06")
        #expect(texts.keys.sorted() == ["childrens-social-care"])
        let text = try #require(texts["childrens-social-care"])
        #expect(text.contains("Lives at: 14 Orchard Close, Heavitree, Exeter, EX1 2AB"), "\(text)")
        #expect(text.contains("The school asks for a young carer's needs assessment."))
        #expect(text.contains("young carer"))
        for other in ["EX3 0JA", "EX4 6NN"] {
            #expect(!text.contains(other), "no other parent's address: \(other)")
        }
        // Made from that entry only: the Early Help referral (referrals[0]) is not a social care request.
        let wrong = try Steps.error(.socialCareReferral, loaded, dated: "2026-11-06", options: LetterOptions(record: "referrals[0]"))
        #expect(wrong.contains("--record referrals[0] is not a childrens_social_care request (its service: is not given)"), "\(wrong)")
    }

    @Test func theSENDRequestsAreMadeOnlyWhereThePolicysCohortRulesCallForThem() throws {
        // Kacpi has SEN support: the policy gives no EHCP interim review for it.
        var hillside = try Steps.load(Steps.hillside)
        var request = hillside.attendanceCase.referrals[0]
        request.service = .ehcpInterimReview
        request.casePath = "referrals[3]"
        hillside.attendanceCase.referrals.append(request)
        let noPlan = try Steps.error(.ehcpInterimReviewRequest, hillside, dated: "2026-11-23")
        #expect(noPlan.contains("referrals[3]: an interim review of the EHC plan is asked for a pupil whose priority cohorts the policy gives ehcp_interim_review"), "\(noPlan)")
        #expect(noPlan.contains("the case records the cohorts child_with_a_social_worker, send_support, autistic_or_social_communication_needs"))
        // With an EHCP it is made, for the SEND team.
        let withPlan = try Steps.texts(.ehcpInterimReviewRequest, withEHCPInterimReviewRequest(try Steps.load(Steps.hillside)), dated: "2026-11-23")
        #expect(try #require(withPlan["send-team"]).contains("asks for an interim review of Kacpi’s Education, Health and Care plan"))
        // A pupil in no cohort gets no SEND outreach request.
        var plain = try Steps.load(Steps.hillside)
        plain.attendanceCase.pupil.priorityCohorts = []
        let noCohort = try Steps.error(.sendOutreachRequest, plain, dated: "2026-11-23")
        #expect(noCohort.contains("referrals[0]: a request for SEND outreach support is for a pupil whose priority cohorts the policy gives reasonable_adjustments or send_information_service"), "\(noCohort)")
        // Before the request there is nothing to write.
        let early = try Steps.error(.safeguardingReferralNote, try Steps.load(Steps.hillside), dated: "2026-11-24")
        #expect(early.contains("the case has no request with service: safeguarding on or before 24 November 2026"), "\(early)")
    }

    @Test func aServiceWithoutAReasonIsRefusedWhenTheCaseFileIsRead() throws {
        let folder = try temporaryFolder("service-request")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("examples"), to: folder.appendingPathComponent("examples"))
        let file = folder.appendingPathComponent("examples/hillside-send-and-social-worker.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        // The SEND outreach request without its reason (the folded block's three lines).
        let reason = try #require(text.range(of: "    reason: >-\n      Kacpi is anxious in the mornings and misses school when he is. The school asks for advice on\n      helping him settle at the start of the day, and on the reasonable adjustments that would help.\n"))
        try Data(text.replacingCharacters(in: reason, with: "").utf8).write(to: file)
        do {
            _ = try LoadedCase.load(file, resources: resources)
            Issue.record("expected the case file to be refused")
        } catch {
            #expect("\(error)".contains("referrals[0].reason: is required with service: what the school asks of the service and why"), "\(error)")
        }
    }
}
