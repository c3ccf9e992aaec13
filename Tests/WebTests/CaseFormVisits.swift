import AttendocCaseModel
import AttendocTesting
import Foundation
import Testing

/// The case form's pages as the server tests of the case form visit them: the form opened, the
/// case exported and read back by the case file reader as any command reads it, and a document's
/// copy previewed. Riverside's case unless a reference (URL-encoded) is given.
extension Visitor {
    static let riversideQuery = "CAT%2F2026%2F0142"

    /// The case form as this visitor opens it: the page and its form.
    func caseForm(_ reference: String = riversideQuery) async throws -> (page: String, form: PageForm) {
        let opened = try await get("/case/edit?ref=\(reference)")
        #expect(opened.status == .ok)
        return (opened.text, PageForm(opened.text))
    }

    /// The newest exported case file, saved in the fixture's folder and read by the case file reader.
    func exportedCase(_ fixture: WebFixture, _ reference: String = riversideQuery) async throws -> (yaml: String, read: AttendanceCase) {
        let export = try await get("/case/yaml?ref=\(reference)")
        #expect(export.status == .ok)
        let file = fixture.folder.appendingPathComponent("examples/exported.yaml")
        try export.body.write(to: file)
        return (String(decoding: export.body, as: UTF8.self), try CaseFileReader.read(contentsOf: file))
    }

    /// The HTML text of copy `copy` of `document` previewed for Riverside's case, with `choices`;
    /// when the preview is refused, the issue page's reason is recorded as the test's issue.
    func previewText(_ document: String, _ choices: String, copy: Int = 0) async throws -> String {
        let reply = try await get("/issue/copy?ref=\(Self.riversideQuery)&document=\(document)&method=hand&date=2026-12-10&format-html=yes&\(choices)&copy=\(copy)")
        if reply.status != .ok {
            let page = try await get("/issue?ref=\(Self.riversideQuery)&preview=1&document=\(document)&method=hand&date=2026-12-10&format-html=yes&\(choices)")
            Issue.record("\(document): \(reply.status): \(htmlText(page.text).prefix(1500))")
        }
        return htmlText(reply.text)
    }
}
