import AttendocEngine
import AttendocPolicy
import AttendocRegister
import AttendocTesting
import AttendocValues
import Foundation
import Testing

/// `stats --json` is written directly (for a whole school's speed); it must stay the JSON that
/// Foundation's JSONSerialization wrote before, byte for byte, which scripts read (docs/stats.md).
@Suite("Stats JSON: the same bytes JSONSerialization writes")
struct StatsJSONTests {
    static let tiers = try! policy("attendance-tiers")

    /// Three pupils: one absent on several days, one always present whose name holds characters JSON
    /// must escape, and one on roll only after the as-of day (no possible sessions, no tiers).
    static func report() throws -> StatsReport {
        let csv = "UPN,Forename,Surname,Date,AM,PM\n"
            + "A123456789012,Sam,\"O'Brien \"\"Jr\"\" \\ back\",2026-09-03,O,\\\n"
            + "A123456789012,Sam,x,2026-09-04,N,\\\n"
            + "A123456789012,Sam,x,2026-09-07,/,\\\n"
            + "B123456789012,\"Tab\there\",\"Line\r\nbreak \u{1}/slash\",2026-09-03,/,\\\n"
            + "B123456789012,x,x,2026-09-04,/,\\\n"
            + "C123456789012,,,2026-09-08,/,\\\n"
        let register = try RegisterCSVReader.read(csv, file: "r.csv", codes: codeTable)
        return StatsReport(register: register, policy: tiers, asOf: date("2026-09-07"))
    }

    @Test func theJSONIsWhatJSONSerializationWritesForTheSameValues() throws {
        let ours = try Self.report().json
        let parsed = try JSONSerialization.jsonObject(with: Data(ours.utf8))
        let theirs = try JSONSerialization.data(withJSONObject: parsed, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        #expect(ours == String(decoding: theirs, as: UTF8.self) + "\n")
    }

    @Test func theFiguresAreThePupilsOwn() throws {
        let json = try Self.report().json
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let pupils = try #require(object["pupils"] as? [[String: Any]])
        let first = try #require(pupils.first { $0["upn"] as? String == "A123456789012" })
        // 3, 4 and 7 September: 6 possible, 4 attended (\, \, /, \), 2 unauthorised (O, N): 66.7 %.
        #expect(first["possible_sessions"] as? Int == 6)
        #expect(first["unauthorised_absence_sessions"] as? Int == 2)
        #expect((first["attendance"] as? [String: Any])?["percent"] as? Double == 66.7)
        #expect(first["name"] as? String == "Sam O'Brien \"Jr\" \\ back")
        let late = try #require(pupils.first { $0["upn"] as? String == "C123456789012" })
        #expect((late["tier_history"] as? [Any])?.isEmpty == true)
        #expect(late["tier"] is NSNull)
        #expect(json.contains("\"percent\" : 66.7"), "one decimal, as written before")
    }
}
