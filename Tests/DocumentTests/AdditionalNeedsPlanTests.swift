import AttendocCaseModel
import AttendocCasework
import AttendocDocuments
import AttendocTesting
import AttendocValues
import Foundation
import Testing

/// The Additional Needs Plan (seed 003, tier 2: "embed attendance as a key priority in Additional
/// Needs Plans (ANP) for monitoring") and the written record of reasonable adjustments (seed 002):
/// what each parent's copy says, and the clear refusals of a case that cannot make them.
///
/// Hand-worked figures: examples/hillside-send-and-social-worker.yaml's register to Friday 16
/// October 2026: 32 school days, 64 sessions; 42 attended (65.6%), 19 authorised, 3 unauthorised.
@Suite("Additional Needs Plan and reasonable adjustments")
struct AdditionalNeedsPlanTests {
    typealias Steps = SchoolStepDocumentsTests

    static let hillsideText = (try? String(contentsOf: Steps.hillside, encoding: .utf8)) ?? ""

    /// The Hillside example with `old` replaced by `new` (which must occur once), read as a case file.
    static func readEdited(_ old: String, _ new: String) throws -> AttendanceCase {
        #expect(hillsideText.components(separatedBy: old).count == 2, "the edit must match once: \(old)")
        return try CaseFileReader.read(hillsideText.replacingOccurrences(of: old, with: new), file: Steps.hillside.path)
    }

    static func caseFileError(_ old: String, _ new: String) -> String {
        do {
            _ = try readEdited(old, new)
        } catch {
            return "\(error)"
        }
        Issue.record("expected the edit to be refused: \(new)")
        return ""
    }

    @Test func theAdditionalNeedsPlanHasTheNeedsTheAttendancePriorityWhoDoesWhatAndTheFiguresOnItsDate() throws {
        let texts = try Steps.texts(.additionalNeedsPlan, try Steps.load(Steps.hillside), dated: "2026-10-16")
        // Each parent under s576 who may be contacted; never the father, who may not be.
        #expect(texts.keys.sorted() == ["agnieszka-nowak", "tomasz-zielinski"])
        let text = try #require(texts["agnieszka-nowak"])
        for expected in [
            "Additional Needs Plan: Kacpi’s attendance",
            "Written: Friday 16 October 2026, by Ms Rachel Ford, SENCo",
            "Attendance: 65.6% (42 of 64 sessions, 3 September 2026 to 16 October 2026), tier 3",
            "Next review: Friday 13 November 2026",
            "- Anxiety at the start of the school day",
            "Kacpi comes to school every day and is in class by 9:30, after a quiet start in the Nurture Room.",
            "Possible sessions 64 100.0%", "Absent without authorisation 3 4.7%",
            "- Ms Rachel Ford: Check the Nurture Room start with Kacpi every Friday (by 6 November 2026)",
            "- Mrs Agnieszka Nowak: Bring Kacpi to the side gate at 8:30 -",
            "We agreed this plan with Mrs Nowak and Kacpi.",
            "We will look at the plan again on Friday 13 November 2026.",
            // The cohorts' rules (SEN support, a social worker) and the offer of other formats.
            "SEND Information, Advice and Support Service", "another language",
        ] {
            #expect(text.contains(expected), "ANP: \(expected)\n\(text)")
        }
        for secret in ["Gareth", "court order", "07700"] {
            #expect(!text.contains(secret), "ANP must not say \(secret)")
        }
    }

    @Test func theAdditionalNeedsPlanIsRefusedWithoutAPlanOnOrBeforeItsDate() throws {
        let loaded = try Steps.load(Steps.hillside)
        let before = try Steps.error(.additionalNeedsPlan, loaded, dated: "2026-10-15")
        #expect(before.contains("the case has no Additional Needs Plan on or before 15 October 2026; add it under additional_needs_plans: (its additional_needs_plans are: additional_needs_plans[0] (2026-10-16))"), "\(before)")
        let wrong = try Steps.error(.additionalNeedsPlan, loaded, dated: "2026-10-16", options: LetterOptions(record: "additional_needs_plans[3]"))
        #expect(wrong.contains("--record additional_needs_plans[3] names no Additional Needs Plan in the case"), "\(wrong)")
        // Without a register there are no figures to quote.
        var noRegister = loaded
        noRegister.pupilRegister = nil
        let figures = try Steps.error(.additionalNeedsPlan, noRegister, dated: "2026-10-16")
        #expect(figures.contains("the case HPS/2026/017 has no attendance figures for the letter: give it a register"), "\(figures)")
    }

    @Test(arguments: [
        ("    needs:\n      - Social communication needs (autism assessment under way)\n      - Anxiety at the start of the school day\n      - Sensory overload in the lunchtime hall\n", "    needs: []\n", "needs", "at least one complex or additional need"),
        ("    attendance_priority: Kacpi comes to school every day and is in class by 9:30, after a quiet start in the Nurture Room.\n", "", "attendance_priority", "missing"),
        ("    review_date: 2026-11-13\n", "    review_date: 2026-10-01\n", "review_date", "not after the plan's date (2026-10-16)"),
        ("    support:\n", "    supports:\n", "supports", ""),
    ])
    func aBrokenAdditionalNeedsPlanNamesItsField(_ edit: (String, String, String, String)) throws {
        let (old, new, field, words) = edit
        let message = Self.caseFileError(old, new)
        #expect(message.contains("additional_needs_plans[0].\(field)"), "\(message)")
        #expect(message.contains("hillside-send-and-social-worker.yaml:"), "\(message)")
        #expect(words.isEmpty || message.contains(words), "\(message)")
    }

    // MARK: - The written record of reasonable adjustments

    @Test func theReasonableAdjustmentsRecordListsOnlyThoseInPlaceOnItsDate() throws {
        let loaded = try Steps.load(Steps.hillside)
        let texts = try Steps.texts(.reasonableAdjustmentsRecord, loaded, dated: "2026-10-30")
        #expect(texts.keys.sorted() == ["agnieszka-nowak", "tomasz-zielinski"])
        let text = try #require(texts["agnieszka-nowak"])
        #expect(text.contains("- Kacpi can start the day in the Nurture Room and join his class when he is ready. Since 12 October 2026. Agreed with Mrs Nowak and Kacpi. We will check it on Friday 11 December 2026."), "\(text)")
        #expect(text.contains("- A visual timetable on his desk, and a warning before any change to the day. Since 12 October 2026. Agreed with Mrs Nowak."))
        // The quiet place to work starts on 2 November: not yet in place on 30 October.
        #expect(!text.contains("A quiet place to work"))
    }

    @Test func theReasonableAdjustmentsRecordIsRefusedWithoutTheCohortRuleOrAnAdjustmentInPlace() throws {
        var loaded = try Steps.load(Steps.hillside)
        let early = try Steps.error(.reasonableAdjustmentsRecord, loaded, dated: "2026-10-09")
        #expect(early.contains("has no reasonable adjustment in place on 9 October 2026; add them under reasonable_adjustments: (what, area, from); those recorded start later: reasonable_adjustments[0] (from 2026-10-12), reasonable_adjustments[1] (from 2026-10-12), reasonable_adjustments[2] (from 2026-11-02)"), "\(early)")
        #expect(!early.contains("Nurture Room"), "an error never carries the record's words")
        loaded.attendanceCase.pupil.priorityCohorts = [.childWithASocialWorker]
        let noCohort = try Steps.error(.reasonableAdjustmentsRecord, loaded, dated: "2026-11-23")
        #expect(noCohort.contains("a record of reasonable adjustments is for a pupil whose priority cohorts the policy gives reasonable_adjustments (priority_cohorts:, such as send_support); the case records the cohorts child_with_a_social_worker"), "\(noCohort)")
    }

    @Test func aBrokenReasonableAdjustmentNamesItsField() throws {
        let area = Self.caseFileError("    area: pastoral\n    from: 2026-10-12\n", "    area: lunchtime\n    from: 2026-10-12\n")
        #expect(area.contains("reasonable_adjustments[0].area") && area.contains("academic") && area.contains("pastoral"), "\(area)")
        let review = Self.caseFileError("    review_on: 2026-12-11\n", "    review_on: 2026-10-01\n")
        #expect(review.contains("reasonable_adjustments[0].review_on") && review.contains("not after the adjustment's start (2026-10-12)"), "\(review)")
        let missing = Self.caseFileError("  - what: A quiet place to work when the classroom is too loud\n", "  - whatever: A quiet place to work when the classroom is too loud\n")
        #expect(missing.contains("reasonable_adjustments[2]"), "\(missing)")
    }
}
