import AttendocPanel
import AttendocPolicy
import AttendocPrograms
import AttendocRendering
import AttendocTesting
import AttendocValues
import Foundation
import Testing

/// The panel's minutes in every format: the agencies' minutes hold every case and the notes for
/// the agencies; each family's copy holds its own case only, and never those notes.
@Suite(.serialized) struct PanelMinutesTests {
    static let files = ["PR-2025-031", "PR-2025-034"].map { repositoryRoot.appendingPathComponent("examples/panel/minutes/\($0).yaml") }

    /// What is only in each case's minutes or referral: the other family's copy must show none of it.
    static let onlyIn: [String: [String]] = [
        "PR-2025-031": ["PR-2025-031", "Siobhán", "Ciarán", "Natarajan", "Brookfield", "young carers' assessment", "caring responsibilities", "Grace Obi"],
        "PR-2025-034": ["PR-2025-034", "Jordan", "Pike", "Tom Hale", "Sam Reid", "reduced timetable", "sensory needs", "Lena Fox"],
    ]
    /// From each case's agency_only_notes.
    static let agencyOnly = ["Adult social care may need to be asked", "A sibling is known to the youth justice service"]

    static let rendered: Result<URL, any Error> = Result {
        let panel = try PanelPolicy.read(resources: resources)
        let december = try panel.calendar.panel(on: date("2025-12-01"))
        let minutes = try PanelMinutesSet.read(files, panel: december)
        let documents = try PanelDocuments(resources: resources, calendar: panel.calendar)
        var made = [try documents.agencyMinutes(minutes, intake: nil, panel: december, dated: date("2025-12-02"))]
        made += try minutes.map { try documents.parentCopy($0, intake: nil, panel: december, dated: date("2025-12-02")) }
        let folder = try temporaryFolder("panel-minutes")
        _ = try DocumentWriter(resources: resources).write(made, formats: OutputFormat.allCases, to: folder,
                                                           fop: try PDFTypesetter(configuration: resources.fopConfiguration))
        return folder
    }

    static func text(_ stem: String, _ format: String) throws -> String {
        try PanelDocumentTests.readable(try rendered.get().appendingPathComponent("panel-2025-12-01/minutes/\(stem).\(format)"))
    }

    static let formats = ["html", "txt", "docx", "pdf"]

    @Test(arguments: formats)
    func eachFamilysCopyHoldsNothingOfAnotherFamilyAndNoAgencyNotes(format: String) throws {
        for (own, other) in [("PR-2025-031", "PR-2025-034"), ("PR-2025-034", "PR-2025-031")] {
            let text = try Self.text("\(own.lowercased())-family-copy", format)
            #expect(text.contains("The family's copy") || text.contains("The family&apos;s copy"), "\(own) \(format)")
            for mine in Self.onlyIn[own]! where !["PR-2025-031", "PR-2025-034"].contains(mine) || mine == own {
                #expect(text.contains(mine) || text.contains(mine.replacingOccurrences(of: "'", with: "&apos;")), "\(own)'s copy in \(format) shows its own \(mine)")
            }
            for theirs in Self.onlyIn[other]! {
                #expect(!text.contains(theirs), "\(own)'s copy in \(format) shows \(theirs) of \(other)")
            }
            for note in Self.agencyOnly {
                #expect(!text.contains(note), "\(own)'s copy in \(format) shows the agencies' notes")
            }
            #expect(!text.contains("Notes for the agencies only"), "\(format)")
        }
    }

    @Test(arguments: formats)
    func theAgenciesMinutesHoldEveryCaseWithItsNotesAndReviewDates(format: String) throws {
        let text = try Self.text("agency-minutes", format)
        for words in Self.onlyIn.values.flatMap({ $0 }) + Self.agencyOnly {
            #expect(text.contains(words) || text.contains(words.replacingOccurrences(of: "'", with: "&apos;")), "\(format): \(words)")
        }
        #expect(text.contains("Monday 12 January 2026") && text.contains("Friday 27 March 2026"), "\(format): the review dates")
    }

    @Test func eachCopyGivesTheReviewDatesOfItsPanel() throws {
        let text = try Self.text("pr-2025-031-family-copy", "txt")
        #expect(text.contains("The panel will review this case on Monday 12 January 2026 (its 4-week review) and on Friday 27 March 2026 (its termly review)."))
        #expect(text.contains("For: Mrs Áine O'Brien-Ní Dhuibhir"))
        let html = try Self.text("pr-2025-031-family-copy", "html")
        #expect(html.contains("Ms Grace Obi Young carers' service Complete a young carers' assessment with the family 12 December 2025"))
    }

    @Test func minutesOfAnotherPanelOrTheSameCaseTwiceAreRefused() throws {
        let panel = try PanelPolicy.read(resources: resources)
        let january = try panel.calendar.panel(on: date("2026-01-26"))
        #expect(throws: AttendocError.self) { try PanelMinutesSet.read(Self.files, panel: january) }
        let december = try panel.calendar.panel(on: date("2025-12-01"))
        #expect { try PanelMinutesSet.read([Self.files[0], Self.files[0]], panel: december) } throws: { error in
            "\(error)".contains("the referral PR-2025-031 is already minuted")
        }
    }
}
