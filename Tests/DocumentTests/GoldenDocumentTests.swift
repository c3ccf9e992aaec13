import AttendocCasework
import AttendocDocuments
import AttendocTesting
import Foundation
import Testing

/// The document XML of every kind, for one example case each, pinned in Tests/Golden/.
/// A change to a template, the case model or the engine that changes what a parent reads shows up
/// here as a diff to review. To accept a reviewed change, run the tests with
/// ATTENDOC_UPDATE_GOLDEN=1 and read the diff before committing it.
@Suite("Golden document XML, one per kind")
struct GoldenDocumentTests {
    static let examples = repositoryRoot.appendingPathComponent("examples")

    /// Each kind: the example, the date, the meeting (if any) and whose copy is pinned.
    static let cases: [(kind: DocumentKind, example: String, date: String, meeting: String?, copy: String)] = [
        (.attendanceConcernLetter, "school-tier2-case.yaml", "2026-09-28", nil, "agnieszka-kowalczyk"),
        (.meetingInvitation, "school-tier2-case.yaml", "2026-09-30", "meetings[0]", "agnieszka-kowalczyk"),
        (.parentingContract, "school-tier2-case.yaml", "2026-10-08", nil, "agnieszka-kowalczyk"),
        (.firstWarningLetter, "riverside-first-warning.yaml", "2026-11-23", nil, "ciaran-obrien"),
        (.paceInterviewInvitation, "riverside-first-warning.yaml", "2026-11-23", nil, "ciaran-obrien"),
        (.finalWarningLetter, "riverside-first-warning.yaml", "2027-01-11", nil, "ciaran-obrien"),
        // Before the decision to prosecute (8 January 2027): no notice to improve is made once a
        // prosecution for the period is in hand.
        (.noticeToImprove, "riverside-first-warning.yaml", "2026-11-23", nil, "zoe-dsouza"),
        (.penaltyNotice, "riverside-first-warning.yaml", "2026-12-04", nil, "ciaran-obrien"),
        (.targetMetLetter, "hillcrest-target-met.yaml", "2027-01-18", nil, ""),
        (.meetingMinutes, "hillside-send-and-social-worker.yaml", "2026-11-20", "meetings[0]", "agnieszka-nowak"),
        (.recordOfInterview, "riverside-first-warning.yaml", "2026-12-03", "meetings[2]", "zoe-dsouza"),
        (.registerCertificate, "hillside-send-and-social-worker.yaml", "2026-11-20", nil, "agnieszka-nowak"),
        (.apdrRecord, "school-tier2-case.yaml", "2026-10-02", nil, "agnieszka-kowalczyk"),
        (.reviewRecord, "riverside-first-warning.yaml", "2026-11-13", nil, "ciaran-obrien"),
        (.gpConsentRequest, "hillside-send-and-social-worker.yaml", "2026-10-01", nil, "agnieszka-nowak"),
        (.gpEnquiryLetter, "hillside-send-and-social-worker.yaml", "2026-10-12", nil, "gp-practice"),
        (.homeVisitRecord, "riverside-first-warning.yaml", "2026-11-06", nil, "agency-copy"),
        (.earlyHelpPlan, "oakfield-early-help.yaml", "2026-12-18", nil, "danielle-marsh"),
        (.referralToLocalAuthority, "riverside-first-warning.yaml", "2026-11-13", nil, "local-authority"),
        (.improvedAttendanceLetter, "oakfield-early-help.yaml", "2026-12-18", nil, "danielle-marsh"),
        (.referralDeclinedLetter, "school-tier2-case.yaml", "2026-11-23", nil, "tomasz-kowalczyk"),
        (.attendanceSupportPlan, "hillside-send-and-social-worker.yaml", "2026-11-20", nil, "agnieszka-nowak"),
        (.sendOutreachRequest, "hillside-send-and-social-worker.yaml", "2026-11-23", nil, "send-outreach-service"),
        (.ehcpInterimReviewRequest, "hillside-send-and-social-worker.yaml", "2026-11-23", nil, "send-team"),
        (.socialCareReferral, "hillside-send-and-social-worker.yaml", "2026-11-24", nil, "childrens-social-care"),
        (.safeguardingReferralNote, "hillside-send-and-social-worker.yaml", "2026-11-25", nil, "designated-safeguarding-lead"),
        (.reasonableAdjustmentsRecord, "hillside-send-and-social-worker.yaml", "2026-11-23", nil, "agnieszka-nowak"),
        (.additionalNeedsPlan, "hillside-send-and-social-worker.yaml", "2026-10-16", nil, "agnieszka-nowak"),
        (.singleJusticeProcedureNotice, "riverside-first-warning.yaml", "2027-01-11", nil, "ciaran-obrien"),
        (.schoolAttendanceOrderNotice, "riverside-first-warning.yaml", "2026-12-04", nil, "zoe-dsouza"),
        (.schoolAttendanceOrderIntention, "riverside-first-warning.yaml", "2027-01-06", nil, "zoe-dsouza"),
        (.schoolAttendanceOrder, "riverside-first-warning.yaml", "2027-01-25", nil, "ciaran-obrien"),
    ]

    /// What a golden's case needs beyond its example file: no example has an EHCP, nor a school
    /// attendance order.
    static func adjusted(_ loaded: LoadedCase, for kind: DocumentKind, example: URL) throws -> LoadedCase {
        switch kind {
        case .ehcpInterimReviewRequest: withEHCPInterimReviewRequest(loaded)
        case .schoolAttendanceOrder, .schoolAttendanceOrderIntention: try withSchoolAttendanceOrder(loaded, example: example)
        default: loaded
        }
    }

    @Test func everyKindHasAGoldenDocument() {
        #expect(Set(Self.cases.map(\.kind)) == Set(DocumentKind.allCases))
    }

    @Test(arguments: cases.indices)
    func theDocumentMatchesItsGolden(_ index: Int) throws {
        let entry = Self.cases[index]
        let example = Self.examples.appendingPathComponent(entry.example)
        let loaded = try Self.adjusted(try LoadedCase.load(example, resources: resources), for: entry.kind, example: example)
        let run = try LetterRun(resources: resources)
        let letters = try run.letters(entry.kind, for: loaded, dated: date(entry.date), options: LetterOptions(meeting: entry.meeting))
        let letter = try #require(entry.copy.isEmpty ? letters.first : letters.first { $0.fileStem == entry.copy })
        let golden = repositoryRoot.appendingPathComponent("Tests/Golden/\(entry.kind.rawValue).xml")
        if ProcessInfo.processInfo.environment["ATTENDOC_UPDATE_GOLDEN"] == "1" {
            try letter.xml.write(to: golden)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        let actual = String(decoding: letter.xml, as: UTF8.self)
        #expect(actual == expected, "\(entry.kind.rawValue) differs from \(golden.path); review the change, then update with ATTENDOC_UPDATE_GOLDEN=1")
    }
}
