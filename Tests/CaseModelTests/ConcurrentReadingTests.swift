import AttendocCaseModel
import AttendocTesting
import AttendocYAML
import Foundation
import Testing

/// YAML read on many threads at once, as the test suite, a batch or a web server does: every read
/// gives the same result, and none crashes (a test run once died in Yams's shared regular
/// expressions, used from two threads at once).
@Suite struct ConcurrentReadingTests {
    /// A mapping of many scalars of every kind the tag rules tell apart.
    static let text = (0..<150).map { "key\($0): [\($0), \($0).5, yes, 2026-12-0\($0 % 9 + 1), \"text \($0)\", 0x1F, .inf, no]" }.joined(separator: "\n")

    @Test func yamlReadOnSixteenThreadsAtOnceGivesTheSameFields() async throws {
        let expected = try YAMLDocument.fields(of: Self.text, file: "concurrent.yaml").strings("key7", required: true)
        let results = try await withThrowingTaskGroup(of: [[String]].self) { group in
            for _ in 0..<16 {
                group.addTask {
                    try (0..<40).map { _ in try YAMLDocument.fields(of: Self.text, file: "concurrent.yaml").strings("key7", required: true) }
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(results.count == 640)
        #expect(results.allSatisfy { $0 == expected })
        #expect(expected == ["7", "7.5", "yes", "2026-12-08", "text 7", "0x1F", ".inf", "no"])
    }

    @Test func theSameCaseFileReadOnEightThreadsAtOnceGivesTheSameCase() async throws {
        let file = repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml")
        let expected = try CaseFileReader.read(contentsOf: file)
        let summary = "\(expected.reference) \(expected.pupil.upn?.text ?? "") \(expected.meetings.count) \(expected.lettersIssued.count)"
        let summaries = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try (0..<10).map { _ in
                        let read = try CaseFileReader.read(contentsOf: file)
                        return "\(read.reference) \(read.pupil.upn?.text ?? "") \(read.meetings.count) \(read.lettersIssued.count)"
                    }
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(summaries.count == 80 && Set(summaries) == [summary])
    }
}
