import AttendocCaseModel
import AttendocCasework
import AttendocDocuments
import AttendocTesting
import AttendocValues
import Foundation
import Testing

/// A template that prints a fact the case does not have must fail loudly, never leave a gap.
@Suite("Strict templates")
struct StrictTemplateTests {
    /// A copy of Attendoc's resources whose first warning letter template has `old` replaced by `new`.
    static func resourcesWithTemplate(replacing old: String, with new: String) throws -> (AttendocResources, URL) {
        let root = try temporaryFolder("templates")
        for folder in ["schema", "stylesheets", "fop", "data", "policies"] {
            try FileManager.default.createSymbolicLink(at: root.appendingPathComponent(folder),
                                                       withDestinationURL: repositoryRoot.appendingPathComponent(folder))
        }
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("templates"), to: root.appendingPathComponent("templates"))
        let template = root.appendingPathComponent("templates/first-warning-letter.mustache")
        let text = try String(contentsOf: template, encoding: .utf8)
        #expect(text.contains(old))
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: template)
        return (AttendocResources(root: root), template)
    }

    static func letters(_ resources: AttendocResources) throws -> [LetterRun.Letter] {
        let attendanceCase = try CaseFileReader.read(contentsOf: fixture("separated-parents.yaml"))
        return try LetterRun(resources: resources).letters(.firstWarningLetter, for: attendanceCase, dated: date("2026-11-23"))
    }

    @Test func aMissingFactNamesTemplateLineAndKey() throws {
        let (resources, template) = try Self.resourcesWithTemplate(replacing: "<salutation>Dear {{recipient.formalName}}</salutation>",
                                                                   with: "<salutation>Dear {{recipient.nickname}}</salutation>")
        let line = (try String(contentsOf: template, encoding: .utf8).components(separatedBy: "\n").firstIndex { $0.contains("nickname") } ?? -1) + 1
        let error = #expect(throws: AttendocError.self) { try Self.letters(resources) }
        #expect(error?.description.contains("\(template.path):\(line): the case has no value for recipient.nickname") == true, "\(error?.description ?? "")")
    }

    @Test func aMissingFactInAPartialNamesThePartial() throws {
        let (resources, template) = try Self.resourcesWithTemplate(replacing: "<salutation>", with: "<salutation>")
        let partial = template.deletingLastPathComponent().appendingPathComponent("partials/signature.mustache")
        let text = try String(contentsOf: partial, encoding: .utf8).replacingOccurrences(of: "{{officer.role}}", with: "{{officer.grade}}")
        try Data(text.utf8).write(to: partial)
        let error = #expect(throws: AttendocError.self) { try Self.letters(resources) }
        #expect(error?.description.contains("partials/signature.mustache:") == true)
        #expect(error?.description.contains("officer.grade") == true)
    }

    @Test func anOptionalFactInASectionIsSkippedWhenAbsent() throws {
        // The fixture's officer has no phone: the template's {{#officer.phone}} section is skipped.
        let letters = try Self.letters(resources)
        // Two parents, and the head teacher's copy of the letter to the confidential address.
        #expect(letters.count == 3 && letters.filter(\.isHeadTeachersCopy).count == 1)
        let xml = String(decoding: letters[0].xml, as: UTF8.self)
        let signature = try #require(xml.range(of: "<signature>").flatMap { start in xml.range(of: "</signature>").map { xml[start.lowerBound..<$0.upperBound] } })
        #expect(signature.contains("<role>Senior County Attendance Officer</role>"))
        #expect(!signature.contains("<phone>"))
    }

    @Test func unescapedTagsAreRefused() throws {
        let (resources, _) = try Self.resourcesWithTemplate(replacing: "{{pupil.fullName}}", with: "{{{pupil.fullName}}}")
        let error = #expect(throws: AttendocError.self) { try Self.letters(resources) }
        #expect(error?.description.contains("unescaped tag") == true)
    }

    @Test func aLocalAuthorityLetterForACaseWithoutAReferralSaysWhatIsMissing() throws {
        // The school's tier 2 case has not been referred to the local authority.
        let loaded = try LoadedCase.load(repositoryRoot.appendingPathComponent("examples/school-tier2-case.yaml"), resources: resources)
        let error = #expect(throws: AttendocError.self) {
            try LetterRun(resources: resources).letters(.firstWarningLetter, for: loaded, dated: date("2026-11-23"))
        }
        #expect(error?.description.contains("first-warning-letter.mustache:") == true)
        #expect(error?.description.contains("the case has no value for referral.acceptedOn") == true, "\(error?.description ?? "")")
    }
}
