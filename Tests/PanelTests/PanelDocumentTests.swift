import AttendocPanel
import AttendocPolicy
import AttendocPrograms
import AttendocRendering
import AttendocTesting
import AttendocValues
import Foundation
import Testing

/// The panel's documents in every format (real libxslt and FOP): the consent form, the agenda and
/// the slot letters, made from the example referrals for the 1 December 2025 panel.
@Suite(.serialized) struct PanelDocumentTests {
    static let examples = ["PR-2025-031", "PR-2025-034", "PR-2025-036", "PR-2025-037"]
        .map { repositoryRoot.appendingPathComponent("examples/panel/\($0).yaml") }

    /// The text a reader sees in a file of any format, whitespace flattened; for DOCX every part of
    /// the package, so that nothing hides in a header or a property.
    static func readable(_ url: URL) throws -> String {
        try readableText(of: url, docx: .everyPart)
    }

    /// The day's documents and the consent forms, in all four formats, in one folder.
    static let rendered: Result<URL, any Error> = Result {
        let panel = try PanelPolicy.read(resources: resources)
        let december = try panel.calendar.panel(on: date("2025-12-01"))
        let referrals = try examples.map { try PanelReferralReader.read(contentsOf: $0) }
        let intake = try PanelIntake.take(referrals, for: december, calendar: panel.calendar)
        let documents = try PanelDocuments(resources: resources, calendar: panel.calendar)
        var made = [try documents.agenda(intake, dated: date("2025-11-20"))]
        made += try intake.slots.map { try documents.slotLetter($0, panel: december, dated: date("2025-11-20")) }
        made += try referrals.map { try documents.consentForm($0, panel: december, dated: date("2025-11-05")) }
        let folder = try temporaryFolder("panel-documents")
        _ = try DocumentWriter(resources: resources).write(made, formats: OutputFormat.allCases, to: folder,
                                                           fop: try PDFTypesetter(configuration: resources.fopConfiguration))
        return folder
    }

    static func texts(_ stem: String) throws -> [(format: String, text: String)] {
        let folder = try rendered.get()
        return try ["html", "txt", "docx", "pdf"].map { format in
            (format, try readable(folder.appendingPathComponent("panel-2025-12-01/\(stem).\(format)")))
        }
    }

    @Test func theAgendaListsTheSlotsFromHalfPastOneAndNoNames() throws {
        for (format, text) in try Self.texts("agenda") {
            #expect(text.contains("Multi-agency attendance panel: agenda"), "\(format)")
            #expect(text.contains("Monday 1 December 2025"), "\(format)")
            #expect(text.contains("13:30–13:45"), "\(format)")
            #expect(text.contains("13:45–14:00"), "\(format)")
            #expect(!text.contains("14:00–14:15"), "\(format): only two referrals are taken forward")
            #expect(text.contains("PR-2025-031") && text.contains("PR-2025-034"), "\(format)")
            #expect(!text.contains("PR-2025-036") && !text.contains("PR-2025-037"), "\(format): refused referrals are not on the agenda")
            #expect(text.contains("Monday 12 January 2026") && text.contains("Friday 27 March 2026"), "\(format): the review dates")
            for name in ["Siobhán", "Ciarán", "Jordan", "O'Brien", "Pike", "Natarajan", "Hale"] {
                #expect(!text.contains(name), "\(format): the agenda names nobody")
            }
        }
    }

    @Test func eachReferrerHasASlotLetterWithTheTimeAndHowToJoin() throws {
        for (format, text) in try Self.texts("slot-letters/pr-2025-034") {
            #expect(text.contains("Dear Mr Tom Hale"), "\(format)")
            #expect(text.contains("Your slot at the attendance panel: Monday 1 December 2025, 13:45"), "\(format)")
            #expect(text.contains("13:45 to 14:00, Monday 1 December 2025"), "\(format)")
            #expect(text.contains("Please only join at this time."), "\(format)")
            #expect(text.contains("by Microsoft Teams"), "\(format)")
            #expect(text.contains("4-week review on Monday 12 January 2026 and its termly review on Friday 27 March 2026"), "\(format)")
            #expect(!text.contains("PR-2025-031") && !text.contains("Siobhán"), "\(format): nothing of another referral")
        }
        let folder = try Self.rendered.get()
        #expect(filesUnder(folder.appendingPathComponent("panel-2025-12-01/slot-letters")).map { $0.components(separatedBy: ".")[0] }.reduce(into: Set<String>()) { $0.insert($1) }
                == ["pr-2025-031", "pr-2025-034"])
    }

    @Test func theConsentFormSaysWhatIsSharedWithWhomForWhatAndHowToWithdraw() throws {
        for (format, text) in try Self.texts("consent-forms/pr-2025-031") {
            #expect(text.contains("Attendance Referral Consent Disclaimer"), "\(format)")
            #expect(text.contains("Siobhán O'Brien-Ní Dhuibhir, year 4"), "\(format)")
            #expect(text.contains("Ciarán O'Brien-Ní Dhuibhir, year 8, Northshire Academy"), "\(format)")
            #expect(text.contains("What will be shared") && text.contains("Who it will be shared with") && text.contains("What it is for"), "\(format)")
            #expect(text.contains("Children's Social Care") || text.contains("Children&apos;s Social Care"), "\(format)")
            #expect(text.contains("You can withdraw your consent at any time"), "\(format)")
            #expect(text.contains("attendance.panel@northshire.example.gov.uk"), "\(format)")
            #expect(text.contains("Signed on Monday 10 November 2025"), "\(format): recorded as signed")
        }
        for (format, text) in try Self.texts("consent-forms/pr-2025-036") {
            #expect(text.contains("Not signed"), "\(format): recorded as not signed")
            #expect(!text.contains("Siobhán"), "\(format): nothing of another family")
        }
    }

    @Test func anAgendaPageAsTheClerkPrintsIt() throws {
        let folder = try Self.rendered.get()
        let pdf = folder.appendingPathComponent("panel-2025-12-01/agenda.pdf")
        let pages = try run("pdfinfo", [pdf.path]).output.components(separatedBy: "\n").first { $0.hasPrefix("Pages:") }
        #expect(pages?.hasSuffix(" 1") == true, "the agenda of two slots is one page")
    }
}
