import AttendocCasework
import AttendocRegister
import AttendocTesting
import AttendocValues
import AttendocYAML
import Foundation
import Testing

/// Errors as a person and a program see them: each has a kind a caller can test, a place, and what
/// to do; and none carries a value from a case file or a register, or a raw control character.
@Suite("Errors: kinds, places, and no personal data on the terminal")
struct ErrorReportingTests {
    /// Looks like a confidential address, as a probe of every field and cell would.
    static let marker = "MARKER-7f3a Flat 3 27 Sidwell Street"

    static let example = repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml")

    /// The example case file's examples/ folder copied into a folder of the test's own, so that
    /// the evidence and register paths a case file gives still resolve.
    static func examplesCopy(_ label: String) throws -> URL {
        let folder = try temporaryFolder(label)
        let copy = folder.appendingPathComponent("examples")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("examples"), to: copy)
        return copy
    }

    static func attendoc(_ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32, output: String, error: String) {
        try run(CommandLineTests.program.path, arguments, environment: environment, in: repositoryRoot)
    }

    /// Whether the text holds a control character other than a newline.
    static func hasRawControlCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
    }

    // MARK: every field of a case file

    /// One edit of the example case file: the line, its field's key, and the line with the value
    /// replaced by the marker in a shape the field does not take.
    struct FieldProbe: Sendable, CustomTestStringConvertible {
        var line: Int
        var key: String
        var replacement: String
        var testDescription: String { "line \(line) (\(key))" }
    }

    /// A probe for every line of the example that holds a value: a typed value (date, number, yes
    /// or no, fixed value, UPN) becomes the marker as text; text becomes a list holding the marker;
    /// a list written in brackets becomes a mapping. Block scalars are left as they are.
    static let fieldProbes: [FieldProbe] = {
        let text = (try? String(contentsOf: example, encoding: .utf8)) ?? ""
        let lines = text.components(separatedBy: "\n")
        let keyed = try! NSRegularExpression(pattern: #"^(\s*(?:- )?)([a-z_]+):\s+(.+?)(\s+#.*)?$"#)
        let item = try! NSRegularExpression(pattern: #"^(\s*- )([^#]+?)(\s+#.*)?$"#)
        var probes: [FieldProbe] = []
        var blockIndent: Int?
        for (index, line) in lines.enumerated() {
            let indent = line.prefix { $0 == " " }.count
            if let block = blockIndent {
                if line.trimmingCharacters(in: .whitespaces).isEmpty || indent > block { continue }
                blockIndent = nil
            }
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("#") { continue }
            let range = NSRange(line.startIndex..., in: line)
            func group(_ match: NSTextCheckingResult, _ number: Int) -> String {
                Range(match.range(at: number), in: line).map { String(line[$0]) } ?? ""
            }
            if let match = keyed.firstMatch(in: line, range: range) {
                let (lead, key, value) = (group(match, 1), group(match, 2), group(match, 3))
                if value.hasPrefix("|") || value.hasPrefix(">") { blockIndent = indent; continue }
                let shaped = value.hasPrefix("[") ? "{\(marker): here}" : isTyped(value) ? "\"\(marker)\"" : "[\(marker)]"
                probes.append(FieldProbe(line: index + 1, key: key, replacement: "\(lead)\(key): \(shaped)"))
            } else if let match = item.firstMatch(in: line, range: range) {
                let (lead, value) = (group(match, 1), group(match, 2))
                probes.append(FieldProbe(line: index + 1, key: "[", replacement: "\(lead)\(isTyped(value) ? "\"\(marker)\"" : "[\(marker)]")"))
            }
        }
        return probes
    }()

    /// A value a field reads as something other than text.
    static func isTyped(_ value: String) -> Bool {
        let bare = value.trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
        return Int(bare) != nil || CalendarDate(iso: bare) != nil || ["yes", "no", "true", "false"].contains(bare)
            || bare.range(of: #"^[a-z0-9_]+$"#, options: .regularExpression) != nil
            || bare.range(of: #"^[A-Z][0-9]{11}[0-9A-Z]$"#, options: .regularExpression) != nil
            || bare.range(of: #"^[0-9]{2}:[0-9]{2}$"#, options: .regularExpression) != nil
    }

    @Test func theExampleHasAProbeForEveryKindOfField() {
        #expect(Self.fieldProbes.count > 150)
        let keys = Set(Self.fieldProbes.map(\.key))
        for key in ["upn", "date_of_birth", "postcode", "lines", "year_group", "parental_responsibility", "response", "file", "policy"] {
            #expect(keys.contains(key), "\(key)")
        }
    }

    @Test(arguments: fieldProbes)
    func aWrongValueInAnyCaseFieldIsNeverEchoed(_ probe: FieldProbe) throws {
        let folder = try Self.examplesCopy("marker-field")
        var lines = try String(contentsOf: Self.example, encoding: .utf8).components(separatedBy: "\n")
        lines[probe.line - 1] = probe.replacement
        let caseFile = folder.appendingPathComponent("probe-case.yaml")
        try Data(lines.joined(separator: "\n").utf8).write(to: caseFile)
        let result = try Self.attendoc(["render", caseFile.path, "--document", "first-warning-letter", "--format", "txt",
                                        "--date", "2026-11-23", "--out", folder.appendingPathComponent("out").path])
        #expect(!result.error.contains("MARKER-7f3a"), "\(result.error)")
        #expect(!result.error.contains("Sidwell"), "\(result.error)")
        #expect(!Self.hasRawControlCharacter(result.error))
        if result.status != 0 {
            #expect(result.error.contains("probe-case.yaml"), "names the file: \(result.error)")
            if probe.key != "[" {
                #expect(result.error.contains(probe.key), "names the field: \(result.error)")
            }
        }
    }

    // MARK: every cell of a register

    static let registerFile = "registers/riverside-academy-autumn-2026.csv"

    /// Each cell of the header and of three rows of the example's register (the marker has no comma,
    /// so the row keeps its four fields).
    static let csvCells: [String] = {
        let text = (try? String(contentsOf: repositoryRoot.appendingPathComponent("examples/\(registerFile)"), encoding: .utf8)) ?? ""
        let rows = text.components(separatedBy: "\n")
        return [0, 1, 2, rows.count / 2].flatMap { row in (0..<4).map { "\(row),\($0)" } }
    }()

    @Test(arguments: csvCells)
    func aWrongValueInAnyRegisterCellIsNeverEchoed(_ cell: String) throws {
        let (row, column) = (Int(cell.split(separator: ",")[0])!, Int(cell.split(separator: ",")[1])!)
        let folder = try Self.examplesCopy("marker-csv")
        let register = folder.appendingPathComponent(Self.registerFile)
        var rows = try String(contentsOf: register, encoding: .utf8).components(separatedBy: "\n")
        var fields = rows[row].components(separatedBy: ",")
        fields[column] = Self.marker
        rows[row] = fields.joined(separator: ",")
        try Data(rows.joined(separator: "\n").utf8).write(to: register)
        let result = try Self.attendoc(["render", folder.appendingPathComponent("riverside-first-warning.yaml").path,
                                        "--document", "first-warning-letter", "--format", "txt", "--date", "2026-11-23",
                                        "--out", folder.appendingPathComponent("out").path])
        #expect(!result.error.contains("MARKER-7f3a"), "\(result.error)")
        #expect(!result.error.contains("Sidwell"), "\(result.error)")
        if column == 0 && row > 0 {
            // A row whose upn is not the pupil's is some other pupil's day, which the case's letters
            // do not read; the register may still be used.
            #expect(result.status == 0 || result.error.contains("riverside-academy-autumn-2026.csv"), "\(result.error)")
        } else {
            #expect(result.status != 0)
            #expect(result.error.contains("riverside-academy-autumn-2026.csv:\(row + 1)"), "names the file and line: \(result.error)")
        }
    }

    /// A Common Transfer File with one pupil, a contact and a year of marks; `{n}` marks each text
    /// the probes replace.
    static let ctfTemplate = """
    <?xml version="1.0" encoding="UTF-8"?>
    <CTfile><Header><DocumentName>Common Transfer File</DocumentName><CTFversion>25.0</CTFversion></Header>
    <CTFpupilData>
    <Pupil><UPN>{0}</UPN><Surname>{1}</Surname><Forename>{2}</Forename><DOB>{3}</DOB>
    <Address><BS7666Address><SAON>{4}</SAON><PAON>{5}</PAON><Street>{6}</Street><Town>{7}</Town></BS7666Address><PostCode>{8}</PostCode></Address>
    <Contacts><Contact><Order>{9}</Order><Title>{10}</Title><Surname>{11}</Surname><Forename>{12}</Forename><Relationship>{13}</Relationship><Responsibility>{14}</Responsibility></Contact></Contacts>
    <Attendance><YearData><Year>2026</Year>
    <SessionsPossible>{15}</SessionsPossible><SessionsAuthorised>{16}</SessionsAuthorised>
    <SessionsAttended>{17}</SessionsAttended><SessionsUnauthorised>{18}</SessionsUnauthorised>
    <AttendSessions><AttendanceStartDate>{19}</AttendanceStartDate><AttendanceMarks>{20}</AttendanceMarks></AttendSessions>
    </YearData></Attendance></Pupil>
    </CTFpupilData></CTfile>
    """
    static let ctfValues = ["Y878401219052", "Dhuibhir", "Siobhan", "2013-03-04", "Flat 3", "27", "Sidwell Street", "Exeter", "EX4 6NN",
                            "1", "Mr", "OBrien", "Ciaran", "Father", "true", "4", "0", "4", "0", "2026-09-07", "/\\/\\"]

    static func ctf(replacing index: Int?, with text: String = marker) -> String {
        var result = ctfTemplate
        for (position, value) in ctfValues.enumerated() {
            result = result.replacingOccurrences(of: "{\(position)}", with: position == index ? text : xmlEscaped(value))
        }
        return result
    }

    /// Each text of the CTF replaced by the marker, and the marker in three kinds of broken XML.
    static let ctfProbes: [String] = ctfValues.indices.map { "text \($0)" } + ["unclosed", "bad entity", "bad UTF-8"]

    @Test(arguments: ctfProbes)
    func aWrongValueInAnyCTFElementIsNeverEchoed(_ probe: String) throws {
        let folder = try temporaryFolder("marker-ctf")
        let file = folder.appendingPathComponent("school.xml")
        var data: Data
        switch probe {
        case "unclosed": data = Data(Self.ctf(replacing: 1, with: "\(Self.marker)</Surnam>").utf8)
        case "bad entity": data = Data(Self.ctf(replacing: 1, with: "\(Self.marker) &Sidwell; \(Self.marker)").utf8)
        case "bad UTF-8":
            data = Data(Self.ctf(replacing: 1, with: "\(Self.marker)@@").utf8)
            let at = data.range(of: Data("@@".utf8))!
            data.replaceSubrange(at, with: [0xE9, 0x20])
        default: data = Data(Self.ctf(replacing: Int(probe.dropFirst(5))!).utf8)
        }
        try data.write(to: file)
        let result = try Self.attendoc(["stats", "--register", file.path, "--as-of", "2026-09-30"])
        #expect(!result.error.contains("MARKER-7f3a"), "\(result.error)")
        #expect(!result.error.contains("Sidwell"), "\(result.error)")
        #expect(!Self.hasRawControlCharacter(result.error))
        if result.status != 0 {
            #expect(result.error.contains("school.xml"), "names the file: \(result.error)")
        }
    }

    // MARK: control characters

    @Test func controlCharactersFromACaseFileNeverReachTheTerminalRaw() throws {
        let folder = try Self.examplesCopy("control-case")
        let yaml = try String(contentsOf: Self.example, encoding: .utf8)
        for (label, edited) in [
            ("raw ESC", yaml.replacingOccurrences(of: "  forename: Siobhán\n", with: "  forename: Sio\u{1B}]0;owned\u{07}bhán\n")),
            ("raw NUL", yaml.replacingOccurrences(of: "  forename: Siobhán\n", with: "  forename: Sio\u{0}bhán\n")),
            ("escaped ESC in a date", yaml.replacingOccurrences(of: "date_of_birth: 2013-03-04", with: "date_of_birth: \"\\e]0;owned\\a\"")),
            ("ESC in an unknown key", yaml.replacingOccurrences(of: "  year_group: 8\n", with: "  year_group: 8\n  \"x\\e]0;owned\\a\": 1\n")),
        ] {
            #expect(edited != yaml, "\(label)")
            let caseFile = folder.appendingPathComponent("control.yaml")
            try Data(edited.utf8).write(to: caseFile)
            let result = try Self.attendoc(["render", caseFile.path, "--document", "first-warning-letter", "--format", "txt",
                                            "--date", "2026-11-23", "--out", folder.appendingPathComponent("out").path])
            #expect(result.status == 1, "\(label): \(result.error)")
            #expect(!Self.hasRawControlCharacter(result.error), "\(label)")
            #expect(!result.error.contains("owned"), "\(label): \(result.error)")
            #expect(result.error.contains("control.yaml:"), "\(label): \(result.error)")
            #expect(result.error.contains("attendoc: what to do: correct the file at that place"), "\(label): \(result.error)")
        }
    }

    @Test func controlCharactersFromARegisterNeverReachTheTerminalRaw() throws {
        let folder = try temporaryFolder("control-register")
        for (label, csv) in [
            ("ESC in a mark", "upn,date,am,pm\nA123456789012,2026-09-07,\u{1B},/\n"),
            ("ESC and NUL in a upn", "upn,date,am,pm\nA12\u{1B}]0;owned\u{07},2026-09-07,/,X\u{0}\n"),
            ("ESC in a date", "upn,date,am,pm\nA123456789012,2026-\u{1B}]0;owned\u{07},/,/\n"),
        ] {
            let register = folder.appendingPathComponent("control.csv")
            try Data(csv.utf8).write(to: register)
            let result = try Self.attendoc(["stats", "--register", register.path, "--as-of", "2026-09-30"])
            #expect(result.status == 1, "\(label): \(result.error)")
            #expect(!Self.hasRawControlCharacter(result.error), "\(label)")
            #expect(!result.error.contains("owned"), "\(label): \(result.error)")
            #expect(result.error.contains("control.csv:2"), "\(label): \(result.error)")
        }
        let ctf = folder.appendingPathComponent("control.xml")
        try Data(Self.ctf(replacing: 20, with: "/\u{1B}").utf8).write(to: ctf)
        let result = try Self.attendoc(["stats", "--register", ctf.path, "--as-of", "2026-09-30"])
        #expect(result.status == 1)
        #expect(!Self.hasRawControlCharacter(result.error), "\(result.error)")
    }

    // MARK: kinds a caller can test

    @Test func aBadCaseFileIsACaseFileErrorWithItsFileLineAndField() throws {
        let folder = try Self.examplesCopy("kind-case")
        let yaml = try String(contentsOf: Self.example, encoding: .utf8)
            .replacingOccurrences(of: "date_of_birth: 2013-03-04", with: "date_of_birth: 04/03/2013")
        let caseFile = folder.appendingPathComponent("bad.yaml")
        try Data(yaml.utf8).write(to: caseFile)
        let error = #expect(throws: AttendocError.self) { try LoadedCase.load(caseFile, resources: resources) }
        #expect(error?.kind == .caseFile)
        #expect(error?.isCaseFileProblem == true)
        #expect(error?.kind.isBadInput == true)
        #expect(error?.location?.file == caseFile.path)
        #expect(error?.location?.line == yaml.components(separatedBy: "\n").firstIndex { $0.contains("04/03/2013") }.map { $0 + 1 })
        #expect(error?.location?.field == "pupil.date_of_birth")
        #expect(error?.summary == "expected a date written YYYY-MM-DD (for example 2026-11-23), found text of 10 characters")
        #expect(error?.suggestion?.contains("docs/case-file.md") == true)
        #expect(error?.underlying is CaseFileError)

        // Wrapped with what was being done, it keeps its kind and place.
        let wrapped = AttendocError(while: "rendering the first warning letter", error!)
        #expect(wrapped.kind == .caseFile)
        #expect(wrapped.location == error?.location)
        #expect(wrapped.context == ["rendering the first warning letter"])
        #expect(wrapped.description == "rendering the first warning letter: \(error!.description)")
    }

    @Test func aBadRegisterAndABadPolicyAreTheirOwnKinds() throws {
        let folder = try Self.examplesCopy("kind-register")
        let register = folder.appendingPathComponent(Self.registerFile)
        let csv = try String(contentsOf: register, encoding: .utf8)
        try Data(csv.replacingOccurrences(of: "upn,date,am,pm", with: "pupil,day,am,pm").utf8).write(to: register)
        let error = #expect(throws: AttendocError.self) {
            try LoadedCase.load(folder.appendingPathComponent("riverside-first-warning.yaml"), resources: resources)
        }
        #expect(error?.kind == .register)
        #expect(error?.location?.file == register.path)
        #expect(error?.location?.line == 1)

        let yaml = try String(contentsOf: Self.example, encoding: .utf8)
            .replacingOccurrences(of: "policy: county-attendance-team", with: "policy: no-such-policy")
        let caseFile = folder.appendingPathComponent("policy.yaml")
        try Data(yaml.utf8).write(to: caseFile)
        let policyError = #expect(throws: AttendocError.self) { try LoadedCase.load(caseFile, resources: resources) }
        #expect(policyError?.kind == .caseFile)
        #expect(policyError?.location?.field == "policy")
        #expect(policyError?.description.contains("no-such-policy") == false)
        #expect(policyError?.suggestion?.contains("county-attendance-team") == true)
    }

    @Test func aMissingFOPIsAProgramMissingErrorWithItsOwnExitStatus() throws {
        let out = try temporaryFolder("no-fop")
        var environment = ProcessInfo.processInfo.environment
        environment["ATTENDOC_FOP"] = "/nonexistent/fop"
        let result = try Self.attendoc(["render", fixture("separated-parents.yaml").path, "--document", "first-warning-letter",
                                        "--format", "pdf", "--date", "2026-11-23", "--out", out.path], environment: environment)
        #expect(result.status == 3, "\(result.error)")
        #expect(result.error.contains("Apache FOP is not installed where ATTENDOC_FOP says"), "\(result.error)")
        #expect(result.error.contains("attendoc: what to do: set ATTENDOC_FOP"), "\(result.error)")
        #expect(filesUnder(out).isEmpty)

        let badInput = try Self.attendoc(["render", fixture("separated-parents.yaml").path, "--document", "love-letter"])
        #expect(badInput.status == 1)
    }

    @Test func aCaseFileErrorOnTheTerminalSaysWhatToDo() throws {
        let folder = try temporaryFolder("what-to-do")
        let yaml = try String(contentsOf: fixture("separated-parents.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "possible_sessions: 94", with: "possible_sessions: lots")
        let caseFile = folder.appendingPathComponent("case.yaml")
        try Data(yaml.utf8).write(to: caseFile)
        let result = try Self.attendoc(["render", caseFile.path, "--document", "first-warning-letter", "--out", folder.path])
        let lines = result.error.components(separatedBy: "\n")
        #expect(lines.first?.hasPrefix("attendoc: error: \(caseFile.path):") == true, "\(result.error)")
        #expect(lines.first?.contains("attendance.possible_sessions: expected a whole number, found text of 4 characters") == true, "\(result.error)")
        #expect(lines.dropFirst().first?.hasPrefix("attendoc: what to do: ") == true, "\(result.error)")
    }

    @Test func aBundleTemplateErrorNamesTheEntryNotTheParent() throws {
        let folder = try temporaryFolder("bundle-template")
        let copied = folder.appendingPathComponent("resources")
        try FileManager.default.createDirectory(at: copied, withIntermediateDirectories: true)
        for name in ["templates", "stylesheets", "schema", "policies", "fop", "data"] {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(name), to: copied.appendingPathComponent(name))
        }
        let template = copied.appendingPathComponent("templates/evidence-bundle.mustache")
        let text = try String(contentsOf: template, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "<typeset><included-document ref=\"{{id}}\"/></typeset>", with: "<typeset/>")
        #expect(edited != text)
        try Data(edited.utf8).write(to: template)
        let result = try Self.attendoc(["bundle", Self.example.path, "--as-of", "2027-01-11", "--resources", copied.path,
                                        "--out", folder.appendingPathComponent("out").path])
        #expect(result.status == 1, "\(result.error)")
        #expect(result.error.contains("templates/evidence-bundle.mustache did not leave a place for the document"), "\(result.error)")
        for name in ["Zoë", "D'Souza", "Ciarán", "O'Brien", "Siobhán"] {
            #expect(!result.error.contains(name), "\(name): \(result.error)")
        }
    }

    /// A raw control character in YAML is named by its code point and place, not printed.
    @Test func aControlCharacterInYAMLIsNamedByItsCodePoint() {
        let error = #expect(throws: CaseFileError.self) {
            try YAMLDocument.fields(of: "pupil:\n  forename: Sio\u{1B}bhan\n", file: "c.yaml")
        }
        #expect(error?.line == 2)
        #expect(error?.message.contains("U+001B") == true, "\(error?.message ?? "")")
        #expect(error.map { Self.hasRawControlCharacter($0.description) } == false)
    }
}
