@testable import AttendocCaseModel
@testable import AttendocPolicy
@testable import AttendocRegister
import AttendocTesting
import AttendocValues
import AttendocYAML
import Foundation
import Testing

/// A deterministic cousin of the fuzz targets in Fuzz/ (scripts/fuzz): a few hundred mutations of
/// the examples' case file, register, a CTF file and a policy, each read in this process. Every
/// input must end quickly in success or in an error that names the file; none may crash or write
/// a file.
@Suite("Mutated input")
struct MutationTests {
    /// SplitMix64: the same inputs on every run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let tokens: [[UInt8]] = [":", "- ", "\n", "  ", "&a ", "*a", "!!binary ", "[", "{", "\"", "'", ",", "<", ">", "&amp;",
                                    "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;", "../", "/etc/passwd", "\u{0}",
                                    "\u{FEFF}", "9999-99-99", "-1", "1e309", "~", "null", "yes", "\r\n", "é", "\u{202E}"].map { Array($0.utf8) }

    static func mutate(_ seed: [UInt8], _ random: inout Generator) -> [UInt8] {
        var bytes = seed
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0 where !bytes.isEmpty: bytes[at] ^= UInt8(1 << Int.random(in: 0..<8, using: &random))
            case 1 where !bytes.isEmpty: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...64, using: &random)))
            case 2: bytes.insert(contentsOf: tokens.randomElement(using: &random)!, at: at)
            case 3: bytes = Array(bytes.prefix(at))
            case 4 where !bytes.isEmpty:
                let end = min(bytes.count, at + Int.random(in: 1...200, using: &random))
                bytes.insert(contentsOf: bytes[at..<end], at: end)
            default: bytes.insert(UInt8.random(in: 0...255, using: &random), at: at)
            }
        }
        return bytes
    }

    @Test func mutatedInputsEndInSuccessOrALocatedErrorQuicklyAndWriteNothing() throws {
        let folder = try temporaryFolder("mutations")
        defer { try? FileManager.default.removeItem(at: folder) }
        // The case file is read as if it were in examples/, so its evidence paths resolve.
        let caseFile = repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml")
        let caseSeed = Array(try Data(contentsOf: caseFile))
        let csvSeed = Array(try Data(contentsOf: repositoryRoot.appendingPathComponent("examples/registers/brookfield-primary-autumn-2026.csv")))
            .prefix(6000)
        let csvText = registerCSV(calendar: try PolicyReader.read(named: "county-attendance-team", in: resources.policies).calendar,
                                  from: date("2026-09-01"), through: date("2026-09-30"))
        let ctfSeed = Array(ctf(from: csvText, start: date("2026-09-01"), through: date("2026-09-30")).utf8)
        let policySeed = Array(try Data(contentsOf: resources.policies.appendingPathComponent("county-attendance-team.yaml")))
        let examplesBefore = filesUnder(repositoryRoot.appendingPathComponent("examples"))
        // A mutated policy is read from a copy of policies/, whose term dates it names.
        let policies = folder.appendingPathComponent("policies")
        try FileManager.default.copyItem(at: resources.policies, to: policies)
        let policiesBefore = filesUnder(policies)

        var random = Generator(state: 0xA77E_D0C5)
        var outcomes = (succeeded: 0, failed: 0)
        for index in 0..<320 {
            let kind = index % 4
            let started = Date()
            var message: String?
            var name = ""
            switch kind {
            case 0:
                name = caseFile.path
                let text = String(decoding: Self.mutate(caseSeed, &random), as: UTF8.self)
                do { _ = try CaseFileReader.read(text, file: name) } catch { message = "\(error)" }
            case 1:
                name = "register.csv"
                let text = String(decoding: Self.mutate(Array(csvSeed), &random), as: UTF8.self)
                do { _ = try RegisterCSVReader.read(text, file: name, codes: codeTable) } catch { message = "\(error)" }
            case 2:
                name = "transfer.xml"
                do { _ = try CTFReader.read(Data(Self.mutate(ctfSeed, &random)), file: name, codes: codeTable) } catch { message = "\(error)" }
            default:
                let file = policies.appendingPathComponent("policy-\(index).yaml")
                name = file.path
                try Data(Self.mutate(policySeed, &random)).write(to: file)
                do { _ = try PolicyReader.read(contentsOf: file) } catch { message = "\(error)" }
                try FileManager.default.removeItem(at: file)
            }
            let seconds = Date().timeIntervalSince(started)
            #expect(seconds < 5, "input \(index) took \(seconds) s")
            if let message {
                outcomes.failed += 1
                #expect(message.contains(name) || message.contains((name as NSString).lastPathComponent), "input \(index): \(message)")
                #expect(!message.contains("root:x:"), "input \(index) printed a file's content")
            } else {
                outcomes.succeeded += 1
            }
        }
        #expect(outcomes.failed > 100)
        #expect(filesUnder(policies) == policiesBefore)
        #expect(filesUnder(repositoryRoot.appendingPathComponent("examples")) == examplesBefore)
    }
}
