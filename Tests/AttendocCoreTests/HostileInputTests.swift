import AttendocValues
import AttendocYAML
import AttendocCaseModel
import AttendocPolicy
import AttendocRegister
import AttendocTesting
import Foundation
import Testing

@Suite("Hostile YAML")
struct HostileYAMLTests {
    /// Nine-way nested anchors: `*k7` stands for 9^8 (about 43 million) scalars.
    static func aliasBomb(levels: Int = 8) -> String {
        var lines = ["k0: &k0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1..<levels {
            let previous = "*k\(level - 1)"
            lines.append("k\(level): &k\(level) [\(Array(repeating: previous, count: 9).joined(separator: ", "))]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The bomb of issue 11 (`? *k7` after nested anchors took 10.9 s in Yams): refused at once,
    /// here already where the anchors' aliases pass the limit, before the key is reached.
    @Test func theKeyBombIsRefusedWithItsPlace() {
        let yaml = Self.aliasBomb() + "? *k7\n: value\n"
        let error = #expect(throws: CaseFileError.self) { try YAMLDocument.fields(of: yaml, file: "bomb.yaml") }
        #expect(error?.file == "bomb.yaml")
        #expect(error?.line == 5)
        #expect(error?.column != nil)
        #expect(error?.message.contains("aliases (*name)") == true)
    }

    /// Within the limit, an alias as a key is still refused: Yams hashes every key in full.
    @Test func anAliasUsedAsAKeyIsRefusedWithItsPlace() {
        let yaml = Self.aliasBomb(levels: 4) + "? *k3\n: value\n"
        let error = #expect(throws: CaseFileError.self) { try YAMLDocument.fields(of: yaml, file: "key.yaml") }
        #expect(error?.file == "key.yaml")
        #expect(error?.line == 5)
        #expect(error?.column == 3)
        #expect(error?.message.contains("as a mapping key") == true)
    }

    @Test func anAliasInsideAComplexKeyIsRefused() {
        let yaml = "a: &a x\n? [y, {z: *a}]\n: value\n"
        let error = #expect(throws: CaseFileError.self) { try YAMLDocument.fields(of: yaml, file: "key.yaml") }
        #expect(error?.line == 2)
        #expect(error?.message.contains("as a mapping key") == true)
    }

    @Test func aliasesStandingForTooManyValuesAreRefused() {
        let yaml = Self.aliasBomb() + "bomb: *k7\n"
        let error = #expect(throws: CaseFileError.self) { try YAMLDocument.fields(of: yaml, file: "laughs.yaml") }
        #expect(error?.file == "laughs.yaml")
        #expect(error?.line != nil)
        #expect(error?.message.contains("aliases") == true)
    }

    @Test func theBombIsRefusedInTheCaseFileAndPolicyReaders() throws {
        let folder = try temporaryFolder("alias-bomb")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bomb.yaml")
        try (Self.aliasBomb() + "? *k7\n: value\n").write(to: file, atomically: true, encoding: .utf8)
        let caseError = #expect(throws: CaseFileError.self) { try CaseFileReader.read(contentsOf: file) }
        #expect(caseError?.line == 5)
        let policyError = #expect(throws: CaseFileError.self) { try PolicyReader.read(contentsOf: file) }
        #expect(policyError?.line == 5)
    }

    @Test func aFewSmallAliasesStillRead() throws {
        let fields = try YAMLDocument.fields(of: "a: &name Riverside\nb: *name\n", file: "small.yaml")
        #expect(try fields.string("b") == "Riverside")
    }
}
