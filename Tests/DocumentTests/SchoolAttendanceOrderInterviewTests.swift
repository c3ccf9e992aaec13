import AttendocCasework
import AttendocDocuments
import AttendocRendering
import AttendocTesting
import AttendocValues
import Foundation
import Testing

/// The interview under caution for a prosecution under section 443 Education Act 1996 (a school
/// attendance order not complied with): the invitation and the record of interview name and quote
/// section 443(1), never section 444, as a parent reads them (plain text). The county case taken
/// as one: `section: s443`, the order made on 12 October 2026 naming Riverside Academy and served
/// on 14 October, not complied with from 2 November; the invitation dated 23 November 2026.
@Suite("School attendance orders: the interview under caution for section 443")
struct SchoolAttendanceOrderInterviewTests {
    static let s443_1 = "If a parent on whom a school attendance order is served fails to comply with the requirements of the order, he is guilty of an offence, unless he proves that he is causing the child to receive suitable education otherwise than at school."

    static let process = """

    school_attendance_order:
      notice: {served_on: 2026-09-08, method: post, period_ends_on: 2026-09-22}
      intention: {served_on: 2026-09-28, schools: [Riverside Academy]}
      order: {made_on: 2026-10-12, school: Riverside Academy, served_on: 2026-10-14}
      failed_to_comply_from: 2026-11-02

    """

    static func s443(_ block: String = process) throws -> LoadedCase {
        try SchoolAttendanceOrderTests.loaded(block, edits: [("  section: s444_1\n", "  section: s443\n")])
    }

    @Test func theInvitationQuotesSection443AndTheOrderNotSection444() throws {
        let text = try EnforcementLetterTests.text(.paceInterviewInvitation, try Self.s443(), dated: "2026-11-23")
        #expect(text.contains("We are investigating whether you have committed an offence under section 443(1) of the Education Act 1996, because you have not complied with the school attendance order for Siobhán."), "\(text)")
        #expect(text.contains("On 12 October 2026 we made a school attendance order requiring you to register Siobhán as a pupil at Riverside Academy. The order was served on you on 14 October 2026. Our records show that you have not complied with it since 2 November 2026."))
        #expect(text.contains("Section 443(1) of the Education Act 1996 says: “\(Self.s443_1)”"))
        #expect(text.contains("it can fine you up to £1,000"), "the policy's sentencing: s443 maximum_fine")
        // Nothing of section 444: not its offence, its defences, its register certificate.
        #expect(!text.contains("444"), "\(text)")
        #expect(!text.contains(EnforcementLetterTests.s444_1))
        #expect(!text.contains("Register certificate"))
        // The caution and the rights are the same as for any interview under caution.
        #expect(text.contains(EnforcementLetterTests.caution))
        #expect(text.contains("free and independent legal advice"))
        // The section 444 invitation is unchanged: it quotes section 444(1) and encloses the certificate.
        let s444 = try EnforcementLetterTests.text(.paceInterviewInvitation, try EnforcementLetterTests.loaded(), dated: "2026-11-23")
        #expect(s444.contains(EnforcementLetterTests.s444_1))
        #expect(!s444.contains("443"))
    }

    @Test func anInvitationForSection443NeedsTheOrderServedAndThePolicysMaximum() throws {
        let none = try EnforcementLetterTests.renderError(.paceInterviewInvitation, try Self.s443(""), dated: "2026-11-23")
        #expect(none.contains("is a prosecution under section 443, but no school attendance order served on the parent is recorded"), "\(none)")
        var loaded = try Self.s443()
        loaded.policy?.sentencing?.offences["s443"] = nil
        let noMaximum = try EnforcementLetterTests.renderError(.paceInterviewInvitation, loaded, dated: "2026-11-23")
        #expect(noMaximum.contains("sets no maximum fine for section 443"), "\(noMaximum)")
    }

    @Test func anApplicationForAnOrderHasNoInterviewUnderCaution() throws {
        let eso = try SchoolAttendanceOrderTests.loaded(edits: [("  section: s444_1\n", "  section: education_supervision_order\n")])
        let message = try EnforcementLetterTests.renderError(.paceInterviewInvitation, eso, dated: "2026-11-23")
        #expect(message.contains("is only for an offence under section 444 or section 443"), "\(message)")
        #expect(message.contains("an application to the family court has no interview under caution"))
    }

    @Test func theRecordOfInterviewNamesSection443() throws {
        let text = try EnforcementLetterTests.text(.recordOfInterview, try Self.s443(), dated: "2026-12-03")
        #expect(text.contains("Suspected offence: An offence under section 443(1) of the Education Act 1996"), "\(text)")
        #expect(!text.contains("section 444"))
    }
}
