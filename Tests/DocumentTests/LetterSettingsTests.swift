import AttendocCasework
import AttendocDocuments
import AttendocPolicy
import AttendocTesting
import AttendocValues
import Foundation
import Testing

/// The policy decides whether carers without parental responsibility get a copy and whether letters
/// use the pupil's preferred forename.
@Suite("Who receives a copy, and the pupil's name, by policy")
struct LetterSettingsTests {
    /// The separated-parents fixture (three carers: two with parental responsibility, one without),
    /// with a preferred forename, following a copy of the county policy with `letters` set.
    static func loaded(letters: String) throws -> LoadedCase {
        let folder = try temporaryFolder("letter-settings")
        let policies = folder.appendingPathComponent("policies")
        try FileManager.default.createDirectory(at: policies, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: policies.appendingPathComponent("term-dates"),
                                                   withDestinationURL: resources.policies.appendingPathComponent("term-dates"))
        let policy = try String(contentsOf: resources.policies.appendingPathComponent("county-attendance-team.yaml"), encoding: .utf8)
        try Data((policy + "\nletters:\n" + letters).utf8).write(to: policies.appendingPathComponent("local.yaml"))
        // The policy the fixture names, loaded before this test puts its own in its place.
        try FileManager.default.createSymbolicLink(at: policies.appendingPathComponent("county-attendance-team.yaml"),
                                                   withDestinationURL: resources.policies.appendingPathComponent("county-attendance-team.yaml"))
        for item in ["templates", "stylesheets", "schema", "fop", "data"] {
            try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent(item), withDestinationURL: repositoryRoot.appendingPathComponent(item))
        }
        var text = try String(contentsOf: fixture("separated-parents.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "  forename: Siobhán\n", with: "  forename: Siobhán\n  preferred_forename: Shiv\n")
        let caseFile = folder.appendingPathComponent("case.yaml")
        try Data(text.utf8).write(to: caseFile)
        var loaded = try LoadedCase.load(caseFile, resources: AttendocResources(root: folder))
        loaded.policy = try PolicyReader.read(named: "local", in: policies)
        return loaded
    }

    static func texts(_ loaded: LoadedCase) throws -> [String: String] {
        let run = try LetterRun(resources: resources)
        let letters = try run.letters(.firstWarningLetter, for: loaded, dated: date("2026-11-23"))
        return Dictionary(uniqueKeysWithValues: letters.map { ($0.fileStem, String(decoding: $0.xml, as: UTF8.self)) })
    }

    @Test func carersWithoutParentalResponsibilityGetACopyOnlyWhereThePolicySaysSo() throws {
        let without = try Self.texts(try Self.loaded(letters: "  copies_for_carers_without_parental_responsibility: no\n"))
        // (Tomás's address is confidential: the head teacher's copy is a document of its own.)
        #expect(without.keys.sorted() == ["tomas-o-briain", "tomas-o-briain-copy-for-head-teacher", "zoe-dsouza-partner-ltd"])
        let with = try Self.texts(try Self.loaded(letters: "  copies_for_carers_without_parental_responsibility: yes\n"))
        #expect(with.keys.sorted() == ["maureen-carer", "tomas-o-briain", "tomas-o-briain-copy-for-head-teacher", "zoe-dsouza-partner-ltd"])
        // The carer's copy goes to her own address, and to her alone.
        let carer = try #require(with["maureen-carer"])
        #expect(carer.contains("<line>8 Church Lane</line>") && !carer.contains("Sidwell Street") && !carer.contains("Orchard Close"))
    }

    @Test func thePreferredForenameIsUsedWhereThePolicyAllowsIt() throws {
        let preferred = try #require(try Self.texts(try Self.loaded(letters: "  use_preferred_names: yes\n"))["tomas-o-briain"])
        #expect(preferred.contains("Shiv’s attendance"))
        let legal = try #require(try Self.texts(try Self.loaded(letters: "  use_preferred_names: no\n"))["tomas-o-briain"])
        #expect(legal.contains("Siobhán’s attendance"))
        #expect(!legal.contains("Shiv"))
    }
}
