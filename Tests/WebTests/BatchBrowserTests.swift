import AttendocTesting
import AttendocWorkspace
import Foundation
import Testing

/// The school's batch in a real browser (Debian's headless Chromium over WebDriver), against
/// `attendoc serve` on a port of its own with the test's own workspace: the office imports its
/// register, follows the link to the batch, checks the list, leaves a pupil out and puts them back,
/// runs it and downloads the print PDF, whose text it reads. Screenshots (`batch-list`,
/// `batch-done`) go to the test's folder and .build/test-artefacts/web/.
@Suite("Web: the school's batch in a real browser", .serialized)
struct BatchBrowserTests {
    @Test(.timeLimit(.minutes(15)))
    func theOfficeChecksTheListRunsTheBatchAndDownloadsThePrintPDF() async throws {
        let fixture = try WebFixture("web-batch-browser")
        defer { fixture.remove() }
        let served = try await BrowserOnServedSite(fixture)
        defer { served.stop() }
        let browser = served.browser
        let site = served.site
        func save(_ name: String) async throws { try await served.save(name) }

        do {
            try await served.signIn("office")
            try await browser.waitForHeading("Due list")
            // The register in, then on to the batch from the import's own page.
            try await browser.navigate(to: "\(site)/register")
            try await browser.waitForHeading("Import a register")
            try await browser.type(repositoryRoot.appendingPathComponent("examples/registers/riverside-academy-autumn-2026.csv").path, into: "#register")
            try await browser.click("form[action='/register'] button")
            try await browser.waitForText("main", containing: "Register imported")
            try await browser.click("a[href='/batch']")
            try await browser.waitForHeading("Letters due for the school: the batch")

            // A UPN mistyped: the error summary links to the field.
            try await browser.type("Y87840121905", into: "#only")
            try await browser.click("form[action='/batch#list'] button")
            try await browser.waitForText(".error-summary", containing: "Only these pupils: UPN 1 is not a UPN")
            try await browser.click(".error-summary a[href='#only']")
            try await browser.clear("#only")
            try await browser.click("form[action='/batch#list'] button")
            try await browser.waitForText("#list", containing: "The list")
            let list = try await browser.text("main table.pupils")
            #expect(list.contains("Y878401219052 CAT/2026/0142") && list.contains("Attendance concern letter parents[0], parents[1]"), "\(list)")
            #expect(list.contains("C878201522007 no case"))
            #expect(!list.contains("Siobh"), "the list names no pupil")
            try await save("batch-list")

            // Left out, then put back, then run.
            try await browser.click("#pupil-Y878401219052")
            try await browser.click("form[action='/batch'] button")
            try await browser.waitForText(".error-summary", containing: "Tick at least one pupil")
            try await browser.click(".error-summary a")
            try await browser.click("#pupil-Y878401219052")
            try await browser.click("#method-hand")
            try await browser.click("form[action='/batch'] button")
            // The page waits up to two minutes, then says the batch is still running: look again.
            let finished = (try? await browser.waitForHeading("Batch run: letters issued", seconds: 150)) != nil
            if finished {
                #expect(try await browser.text("main").contains("Issued 1, skipped 0, of 1 due"))
                try await save("batch-done")
            }
            var listed = finished
            for _ in 0..<60 where !listed {
                try await Task.sleep(for: .seconds(5))
                try await browser.navigate(to: "\(site)/batch")
                listed = (try? await browser.waitForText("#runs ~ table", containing: "Print PDF", seconds: 5)) != nil
            }
            #expect(listed, "the run finished")
            let issued = try fixture.workspace.issuedDocuments(for: WebFixture.riverside).filter { $0.kind == "attendance-concern-letter" }
            #expect(issued.count == 2 && issued.allSatisfy { $0.method == "hand" && $0.issuedBy == "office" })

            // The print PDF, as archived: both copies, read.
            try await browser.click("a[href*='/batch/download'][href*='format=pdf']")
            let pdf = try await served.downloaded(ending: ".pdf")
            let run = try #require(try fixture.workspace.batchRuns(school: "149876").first)
            #expect(try Data(contentsOf: pdf) == (try fixture.workspace.archivedBytes(of: try #require(run.files.first { $0.format == "pdf" }))))
            let text = try pdfText(pdf)
            #expect(text.components(separatedBy: "Page 1 of").count - 1 == 2, "two letters")
            #expect(text.contains("CAT/2026/0142"))
        } catch {
            try? await save("batch-failure")
            await browser.endSession()
            throw error
        }
        await browser.endSession()
    }
}
