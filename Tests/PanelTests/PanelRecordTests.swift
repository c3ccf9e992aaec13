import AttendocPanel
import AttendocPolicy
import AttendocPrograms
import AttendocRendering
import AttendocTesting
import AttendocValues
import AttendocWorkspace
import Foundation
import Testing

/// The panel in the casework record: the minutes issued are archived byte for byte with each case's
/// review dates; the reviews due follow the record; the themes count what the minutes recorded,
/// against a hand-counted term, and show it as a table and a chart.
@Suite(.serialized) struct PanelRecordTests {
    static let december = ["PR-2025-031", "PR-2025-034"].map { repositoryRoot.appendingPathComponent("examples/panel/minutes/\($0).yaml") }

    /// Minutes of the 13 October 2025 panel for a third case, written by the test: with the
    /// December examples, the autumn term's panel record the themes are hand-counted against.
    static func octoberMinutes(in folder: URL) throws -> URL {
        let file = folder.appendingPathComponent("PR-2025-036-minutes.yaml")
        let referral = repositoryRoot.appendingPathComponent("examples/panel/PR-2025-036.yaml").path
        try Data("""
            referral: \(referral)
            panel: 2025-10-13
            present:
              - {name: Mrs Ruth Adeyemi, role: Deputy head, agency: St Mary's}
            discussion: Mornings are hard; Mondays most of all.
            barriers: [transport, anxiety about school]
            actions:
              - {owner: Education Welfare Officer, agency: Education Welfare, action: Home visit on a Monday morning}
              - {owner: Education Welfare Officer, agency: Education Welfare, action: Walking bus place}
              - {owner: School nurse, agency: CAMHS, action: Worry plan with the child}
            """.utf8).write(to: file)
        return file
    }

    /// A workspace holding the October and December panels' minutes, issued in every format.
    static func recordedPanels(_ label: String) throws -> (workspace: Workspace, folder: URL, issued: [PanelMinutesIssue.Issued]) {
        let folder = try temporaryFolder(label)
        let workspace = try Workspace.create(at: WorkspaceLocation(folder: folder.appendingPathComponent("ws")))
        let policy = try PanelPolicy.read(resources: resources)
        let documents = try PanelDocuments(resources: resources, calendar: policy.calendar)
        let issuing = PanelMinutesIssue(documents: documents, writer: try DocumentWriter(resources: resources))
        let fop = try PDFTypesetter(configuration: resources.fopConfiguration)
        var issued: [PanelMinutesIssue.Issued] = []
        for (day, files) in [("2025-10-13", [try octoberMinutes(in: folder)]), ("2025-12-01", december)] {
            let panel = try policy.calendar.panel(on: date(day))
            let minutes = try PanelMinutesSet.read(files, panel: panel)
            issued.append(try issuing.issue(minutes, panel: panel, formats: OutputFormat.allCases, fop: fop, into: workspace,
                                            issuedOn: panel.date.adding(days: 1), issuedBy: "panel clerk"))
        }
        return (workspace, folder, issued)
    }

    @Test func theMinutesIssuedAreArchivedAsRenderedWithEachCasesReviewDates() throws {
        let (workspace, folder, issued) = try Self.recordedPanels("panel-record")
        let records = try workspace.panelDocuments(on: date("2025-12-01"))
        #expect(records.map(\.audience) == ["agency", "parent", "parent"])
        #expect(records.compactMap(\.caseID) == ["2025-12-01/PR-2025-031", "2025-12-01/PR-2025-034"])
        #expect(records.allSatisfy { $0.issuedBy == "panel clerk" && $0.issuedOn == "2025-12-02" && $0.files.count == 4 })
        // Each archived file holds exactly the bytes rendered for it.
        let rendered = issued[1].files
        for record in records {
            for file in record.files {
                let archived = try Data(contentsOf: folder.appendingPathComponent("ws/archive/\(file.archivePath)"))
                let name = URL(fileURLWithPath: file.archivePath).lastPathComponent
                let made = try #require(rendered.first { $0.relativePath.hasSuffix("/" + name) })
                #expect(archived == made.bytes, "\(file.archivePath)")
                #expect(archived.count == file.bytes)
            }
        }
        let familyCopy = try #require(records.first { $0.caseID == "2025-12-01/PR-2025-031" }?.files.first { $0.format == "txt" })
        let text = try String(contentsOf: folder.appendingPathComponent("ws/archive/\(familyCopy.archivePath)"), encoding: .utf8)
        #expect(flattened(text).contains("The panel will review this case on Monday 12 January 2026 (its 4-week review) and on Friday 27 March 2026 (its termly review)."))
        #expect(!text.contains("Jordan") && !text.contains("youth justice"))
        let cases = try workspace.panelCases()
        #expect(cases.map(\.id) == ["2025-10-13/PR-2025-036", "2025-12-01/PR-2025-031", "2025-12-01/PR-2025-034"])
        #expect(cases.map(\.fourWeekReview) == ["2025-11-10", "2026-01-12", "2026-01-12"])
        #expect(cases.map(\.termlyReview) == ["2025-12-19", "2026-03-27", "2026-03-27"])
    }

    @Test func aCaseAlreadyRecordedForThePanelIsRefusedAndNothingChanges() throws {
        let (workspace, folder, _) = try Self.recordedPanels("panel-record-twice")
        let policy = try PanelPolicy.read(resources: resources)
        let panel = try policy.calendar.panel(on: date("2025-12-01"))
        let archiveBefore = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("ws/archive").path).sorted()
        let issuing = PanelMinutesIssue(documents: try PanelDocuments(resources: resources, calendar: policy.calendar),
                                        writer: try DocumentWriter(resources: resources, formats: [.txt]))
        #expect {
            try issuing.issue(try PanelMinutesSet.read([Self.december[0]], panel: panel), panel: panel, formats: [.txt], fop: nil,
                              into: workspace, issuedOn: date("2025-12-03"), issuedBy: "panel clerk")
        } throws: { "\($0)".contains("the referral PR-2025-031 is already recorded for the panel of 2025-12-01; its minutes were not issued again") }
        #expect(try workspace.panelDocuments(on: date("2025-12-01")).count == 3)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("ws/archive").path).sorted() == archiveBefore)
    }

    @Test func theReviewsDueFollowTheRecord() throws {
        let (workspace, _, _) = try Self.recordedPanels("panel-reviews")
        let calendar = try PanelPolicy.read(resources: resources).policy.calendar
        func due(_ asOf: String) throws -> [String] {
            PanelReviewsDue.lines(PanelReviewsDue.items(cases: try workspace.panelCases(), reviews: try workspace.panelReviews(),
                                                        asOf: date(asOf), calendar: calendar))
        }
        // 20 January 2026 (counted by hand: 11 Nov-19 Dec is 29 school days, 5-20 Jan 12): the
        // October case's 4-week and termly reviews and the December cases'
        // 4-week reviews (12 January, 6 school days ago) are overdue.
        let before = try due("2026-01-20")
        #expect(before == [
            "2025-11-10  overdue by 41 school day(s)  UPN N801200025004: panel 4-week review of PR-2025-036 (panel of 2025-10-13)",
            "2025-12-19  overdue by 12 school day(s)  UPN N801200025004: panel termly review of PR-2025-036 (panel of 2025-10-13)",
            "2026-01-12  overdue by 6 school day(s)  UPN W801200025001, K801200025002: panel 4-week review of PR-2025-031 (panel of 2025-12-01)",
            "2026-01-12  overdue by 6 school day(s)  UPN Z801200025003: panel 4-week review of PR-2025-034 (panel of 2025-12-01)",
            "2026-03-27  in 43 school day(s)  UPN W801200025001, K801200025002: panel termly review of PR-2025-031 (panel of 2025-12-01)",
            "2026-03-27  in 43 school day(s)  UPN Z801200025003: panel termly review of PR-2025-034 (panel of 2025-12-01)",
        ], "\(before)")
        try workspace.recordPanelReview(PanelReviewRecord(caseID: "2025-10-13/PR-2025-036", kind: "four-week", reviewedOn: "2025-11-10", outcome: "closed"), by: "panel clerk")
        try workspace.recordPanelReview(PanelReviewRecord(caseID: "2025-12-01/PR-2025-031", kind: "four-week", reviewedOn: "2026-01-12", outcome: "progressing"), by: "panel clerk")
        #expect(try due("2026-01-20") == [
            "2026-01-12  overdue by 6 school day(s)  UPN Z801200025003: panel 4-week review of PR-2025-034 (panel of 2025-12-01)",
            "2026-03-27  in 43 school day(s)  UPN W801200025001, K801200025002: panel termly review of PR-2025-031 (panel of 2025-12-01)",
            "2026-03-27  in 43 school day(s)  UPN Z801200025003: panel termly review of PR-2025-034 (panel of 2025-12-01)",
        ])
        #expect(throws: WorkspaceError.self) {
            try workspace.recordPanelReview(PanelReviewRecord(caseID: "2025-12-01/PR-2099-001", kind: "termly", reviewedOn: "2026-03-27", outcome: "closed"), by: "panel clerk")
        }
    }

    /// The autumn term 2025, counted by hand from the three minutes files and their referrals:
    /// barriers: transport 2 (PR-031, PR-036), anxiety about school 2 (PR-034, PR-036), caring
    /// responsibilities, parental illness, sensory needs 1 each; cohorts: young carer 2 (both
    /// PR-031 children), one each of the others; actions: Education Welfare 3 (1 + 2), CAMHS 2
    /// (1 + 1), the others 1.
    @Test func theThemesOfATermAgainstAHandCountedPanelRecord() throws {
        let (workspace, _, _) = try Self.recordedPanels("panel-themes")
        try workspace.recordPanelReview(PanelReviewRecord(caseID: "2025-10-13/PR-2025-036", kind: "four-week", reviewedOn: "2025-11-10", outcome: "stuck"), by: "panel clerk")
        try workspace.recordPanelReview(PanelReviewRecord(caseID: "2025-12-01/PR-2025-031", kind: "four-week", reviewedOn: "2026-01-12", outcome: "progressing"), by: "panel clerk")
        let calendar = try PanelPolicy.read(resources: resources).policy.calendar
        let chosen = try PanelThemes.cases(try workspace.panelCases(), ofTerm: "autumn term 2025", calendar: calendar)
        let themes = PanelThemes.count(chosen.cases, reviews: try workspace.panelReviews(), asOf: date("2026-01-20"), scope: chosen.scope)
        func pairs(_ counts: [PanelThemes.Count]) -> [String] { counts.map { "\($0.what) \($0.count)" } }
        #expect(themes.scope == "Autumn term 2025" && themes.cases == 3 && themes.children == 4)
        #expect(pairs(themes.barriers) == ["anxiety about school 2", "transport 2", "caring responsibilities 1", "parental illness 1", "sensory needs 1"])
        #expect(pairs(themes.priorityCohorts) == ["young carer 2", "SEN support 1", "autistic, or social communication needs 1",
                                                  "parent or carer facing barriers to engagement 1", "social, emotional and mental health needs 1"])
        #expect(pairs(themes.actionsByAgency) == ["Education Welfare 3", "CAMHS 2", "Brookfield Primary School 1", "SEND team 1", "Young carers' service 1"])
        #expect(themes.stuck.map(\.referral) == ["PR-2025-036", "PR-2025-034"])
        #expect(themes.stuck.map(\.why) == ["its 4-week review on 10 November 2025 found it stuck",
                                           "no review is recorded since its 4-week review fell due on 12 January 2026"])
        // The spring term has no panel recorded yet; one panel alone is its own cases.
        #expect(try PanelThemes.cases(try workspace.panelCases(), ofTerm: "Spring term 2026", calendar: calendar).cases.isEmpty)
        #expect(PanelThemes.cases(try workspace.panelCases(), ofPanel: date("2025-10-13")).cases.map(\.referral) == ["PR-2025-036"])
        #expect(throws: AttendocError.self) { try PanelThemes.cases([], ofTerm: "Winter term 2025", calendar: calendar) }
    }

    @Test(arguments: ["html", "txt", "docx", "pdf"])
    func theThemesDocumentShowsTheCountsAsATableAndInHTMLAndPDFAsAChart(format: String) throws {
        let (workspace, folder, _) = try Self.recordedPanels("panel-themes-\(format)")
        let policy = try PanelPolicy.read(resources: resources)
        let chosen = try PanelThemes.cases(try workspace.panelCases(), ofTerm: "Autumn term 2025", calendar: policy.policy.calendar)
        let themes = PanelThemes.count(chosen.cases, reviews: [], asOf: date("2026-01-20"), scope: chosen.scope)
        let document = try PanelDocuments(resources: resources, calendar: policy.calendar).themes(themes, asOf: date("2026-01-20"), stem: chosen.scope)
        let out = folder.appendingPathComponent("out")
        let formats = [try #require(OutputFormat(rawValue: format))]
        _ = try DocumentWriter(resources: resources, formats: formats).write([document], formats: formats, to: out,
                                                                             fop: format == "pdf" ? try PDFTypesetter(configuration: resources.fopConfiguration) : nil)
        let file = out.appendingPathComponent("panel-themes/autumn-term-2025.\(format)")
        let text = try PanelDocumentTests.readable(file)
        #expect(text.contains("Multi-agency attendance panel: themes"))
        #expect(text.contains("Covers: Autumn term 2025") || text.contains("Covers Autumn term 2025") || text.contains("Covers:   Autumn term 2025"), "\(format)")
        #expect(text.contains("Education Welfare 3") && text.contains("anxiety about school 2") && text.contains("young carer 2"), "\(format)")
        // Never a child's name: the themes are for the agencies and name cases by reference.
        for name in ["Siobhán", "Jordan", "Leo", "Marsh", "O'Brien"] { #expect(!text.contains(name), "\(format): \(name)") }
        switch format {
        case "html":
            let html = try String(contentsOf: file, encoding: .utf8)
            // Three charts; the barriers chart has one bar a barrier, the longest for the largest count.
            #expect(html.components(separatedBy: "<figure class=\"chart\"><svg").count - 1 == 3)
            let firstChart = try #require(html.components(separatedBy: "<svg").dropFirst().first)
            let widths = firstChart.components(separatedBy: "</svg>")[0].matches(of: /<rect [^>]*width="([0-9.]+)"/).map { String($0.1) }
            #expect(widths == ["230", "230", "115", "115", "115"])
            #expect(html.contains("aria-label=\"Bar chart: Barriers the panel agreed, by the number of cases (the same figures are in the table)\""))
        case "pdf":
            // The chart's labels are drawn as text in the PDF: each barrier appears in the chart and
            // in the table.
            let pdf = try pdfText(file)
            #expect(pdf.components(separatedBy: "caring responsibilities").count - 1 == 2)
            #expect(pdf.components(separatedBy: "Young carers' service").count - 1 == 2 || pdf.components(separatedBy: "Young carers’ service").count - 1 == 2)
        default:
            #expect(!text.contains("<svg") && !text.contains("svg"), "\(format) keeps the table only")
        }
    }
}
