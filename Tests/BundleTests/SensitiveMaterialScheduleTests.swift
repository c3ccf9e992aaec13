@testable import AttendocBundle
import AttendocCasework
import AttendocPrograms
import AttendocRendering
import AttendocTesting
import Foundation
import Testing

/// The schedule of sensitive unused material (in the shape of an MG6D: CPS Disclosure Manual,
/// chapter 8), for the prosecutor only: it lists what the served papers withhold as sensitive
/// (the case's `decision: sensitive` items and every safeguarding referral), with the reason for
/// its sensitivity as recorded; with none, it says so (the manual's endorsement). It is written
/// apart from the served papers, and no served paper holds a word of it
/// (`SafeguardingReferralTests` proves that in every format).
@Suite("Sensitive material schedule: for the prosecutor only")
struct SensitiveMaterialScheduleTests {
    static func rendered(_ loaded: LoadedCase) throws -> [(format: OutputFormat, path: String, text: String)] {
        let document = try SensitiveMaterialSchedule.document(for: loaded, asOf: EvidenceBundlePlanTests.asOf, resources: resources)
        let files = try DocumentWriter(resources: resources).render([document], formats: OutputFormat.allCases,
                                                                   fop: PDFTypesetter(configuration: resources.fopConfiguration))
        let folder = try temporaryFolder("sensitive-schedule")
        defer { try? FileManager.default.removeItem(at: folder) }
        return try files.map { ($0.format, $0.relativePath, try SafeguardingReferralTests.readable($0, in: folder)) }
    }

    @Test func itListsEachSensitiveItemAndTheSafeguardingReferralInEveryFormat() throws {
        let files = try Self.rendered(try SafeguardingReferralTests.withSafeguardingReferral())
        #expect(files.map(\.format) == OutputFormat.allCases)
        for file in files {
            // Apart from the served papers' folder (OUT/CAT-2026-0142/).
            #expect(file.path.hasPrefix("prosecutor-only/CAT-2026-0142/sensitive-material-schedule."), "\(file.path)")
            let text = file.text
            #expect(text.contains("Schedule of sensitive unused material"), "\(file.path)")
            #expect(text.contains("For the prosecutor only. Not to be disclosed to the defence, and not to be served with the papers."), "\(file.path)")
            // The case's sensitive item, with its reason as recorded; the safeguarding referral
            // itself, which no item names: no reason is recorded, and the schedule says so and how
            // to record one, never inventing one. (Plain text wraps a table's cells in columns, so
            // there each cell's words are looked for one line at a time.)
            for cell in ["Record of the referral to the children's hub of 6 November 2026", "Riverside Academy, designated safeguarding lead's file",
                         "It would identify the child's informant.",
                         "Safeguarding referral to Northshire Children's Hub (CHUB) on 6 November 2026, made by Ms Laura Hughes (referrals[2] in the case file)",
                         "Not recorded: the case records it as a safeguarding referral"] {
                if file.format == .txt {
                    #expect(cell.split(separator: " ").allSatisfy { text.contains($0) }, "\(file.path): \(cell)")
                } else {
                    #expect(text.contains(cell), "\(file.path): \(cell)")
                }
            }
            // The non-sensitive items are on the other schedule, not this one.
            #expect(!text.contains("visitors' signing-in book") && !text.contains("There is no sensitive unused material"), "\(file.path)")
        }
    }

    @Test func aReasonRecordedForTheReferralIsItsReasonForSensitivity() throws {
        let loaded = try SafeguardingReferralTests.withSafeguardingReferral(reason: "It would reveal a referral the family have not been told of.")
        let rows = EvidenceBundlePlanTests.rowCells(String(decoding: try SensitiveMaterialSchedule.document(for: loaded, asOf: EvidenceBundlePlanTests.asOf, resources: resources).xml, as: UTF8.self))
        #expect(rows == [["1", "Safeguarding referral to Northshire Children's Hub (CHUB) on 6 November 2026, made by Ms Laura Hughes (referrals[2] in the case file)",
                          "Not recorded", "It would reveal a referral the family have not been told of."]], "\(rows)")
        // And the served schedule lists nothing of it.
        let (served, _) = try UnusedMaterialTests.schedule(loaded)
        #expect(!served.contains("CHUB") && !served.contains("have not been told of"), "\(served)")
    }

    @Test func withNoSensitiveMaterialItSaysSo() throws {
        let files = try Self.rendered(try LoadedCase.load(EvidenceBundlePlanTests.riverside, resources: resources))
        for file in files where file.format != .pdf {
            #expect(file.text.contains("There is no sensitive unused material in this case."), "\(file.path)")
        }
    }

    @Test func aSafeguardingReferralsItemMustBeSensitive() throws {
        #expect {
            _ = try SafeguardingReferralTests.withSafeguardingReferral(reason: "It is about the family.", decision: "disclose")
        } throws: { error in
            "\(error)".contains("unused_material[1].decision: is disclose, but referrals[2] is a safeguarding referral, which the bundle withholds")
        }
    }
}
