import AttendocIssuing
import AttendocPolicy
import AttendocTesting
import AttendocValues
import AttendocWorkspace
import Foundation
import Testing

/// A school office's morning: the whole school's MIS export in, exactly the concern letters the
/// policy calls for out and into the record, never twice; a pupil whose letter cannot be made is
/// reported and skipped, and a killed run leaves a record that a rerun completes.
@Suite("Batch: a whole school's export, the letters it calls for, never twice")
struct SchoolBatchTests {
    let program = repositoryRoot.appendingPathComponent(".build/debug/attendoc").path
    static let pupils = 240
    static let start = date("2026-09-03"), asOf = date("2026-10-09")

    /// A UPN with a matching check letter: `body` is its 12 characters after the letter.
    static func upn(_ number: Int) -> String {
        let body = "8782031" + String(format: "%05d", number)
        let letter = UniquePupilNumber.letters.first { UniquePupilNumber.hasMatchingCheckLetter("\($0)\(body)") }!
        return "\(letter)\(body)"
    }

    /// What pupil `i` is: every fourth misses six whole days (12 of 54 sessions: 77.8 %, under
    /// the tiers policy's 90 %), the rest attend every day. Every eighth has no case; pupil 4's
    /// case already records a concern letter; pupil 12's only parent may not be contacted (a
    /// recorded reason), so no letter can be made for it.
    static func isAbsent(_ i: Int) -> Bool { i % 4 == 0 }
    static func hasCase(_ i: Int) -> Bool { i % 8 != 0 }
    static let alreadySent = 4, bad = 12
    /// Pupil 44's export has a withdrawn mark (H) on one day: that pupil is skipped, the others go on.
    static let badMark = 44

    static let schoolDays: [CalendarDate] = {
        var days: [CalendarDate] = []
        var day = start
        let calendar = try! policy("attendance-tiers").calendar
        while day <= asOf {
            if calendar.isSchoolDay(day) { days.append(day) }
            day = day.adding(days: 1)
        }
        return days
    }()

    static func rows(_ i: Int) -> [(CalendarDate, String, String)] {
        schoolDays.enumerated().map { index, day in
            isAbsent(i) && index % 4 == 1 && index < 24 ? (day, "O", "O") : (day, "/", "\\")
        }
    }

    /// The school's export as an MIS writes it: BOM, CRLF, columns by name with extras, UK dates,
    /// a quoted surname with a comma.
    static func export() -> Data {
        var lines = ["UPN,Surname,Forename,Reg Group,Date,AM,PM"]
        for i in 1...pupils {
            for (index, (day, am, pm)) in rows(i).enumerated() {
                let am = i == badMark && index == 10 ? "H" : am
                let uk = "\(day.iso.suffix(2))/\(day.iso.dropFirst(5).prefix(2))/\(day.iso.prefix(4))"
                lines.append("\(upn(i)),\"Pupil, \(i)\",Test,5B,\(uk),\(am),\(pm)")
            }
        }
        return Data(([0xEF, 0xBB, 0xBF] + Array((lines.joined(separator: "\r\n") + "\r\n").utf8)))
    }

    static func caseYAML(_ i: Int) -> String {
        let contact = i == bad ? "\n    do_not_contact: yes\n    do_not_contact_reason: A court order prevents contact; the social worker is the contact." : ""
        let earlier = i == alreadySent ? """
        letters_issued:
          - kind: concern_letter
            date: 2026-10-02
            recipient: mother
            method: post

        """ : ""
        return """
        reference: BPS/ATT/2026/\(String(format: "%03d", i))
        local_authority:
          name: Northshire County Council
          department: Attendance Support Team
          address:
            lines: [County Hall, Topsham Road, Exeter]
            postcode: EX2 4QD
          phone: 01392 000 123
        school:
          name: Brookfield Primary School
          urn: "148213"
          address:
            lines: [Brookfield Lane, Alphington, Exeter]
            postcode: EX2 8RT
          head_teacher: Mr Owen Pritchard
          phone: 01392 000 310
          email: office@brookfield-primary.example
        pupil:
          upn: \(upn(i))
          forename: Test
          surname: Pupil
          date_of_birth: 2016-11-19
          year_group: 5
          address:
            lines: [\(i) Willow Walk, Alphington, Exeter]
            postcode: EX2 8SU
        parents:
          - id: mother
            title: Mrs
            forename: Parent
            surname: Pupil
            relationship: mother
            parental_responsibility: yes
            lives_with_pupil: yes\(contact)
        officer:
          name: Priya Sandhu
          role: Attendance Support Officer
          phone: 01392 000 131
        policy: attendance-tiers
        register:
          file: register-\(i).csv
        \(earlier)
        """
    }

    /// A workspace with the cases added, each case with its own (older) register file, and the
    /// school's export beside them.
    func school(_ folder: URL) throws -> (workspace: URL, export: URL) {
        let workspace = folder.appendingPathComponent("ws")
        #expect(try run(program, ["init", workspace.path]).status == 0)
        let cases = folder.appendingPathComponent("cases")
        try FileManager.default.createDirectory(at: cases, withIntermediateDirectories: true)
        var added: [String] = []
        for i in 1...Self.pupils where Self.hasCase(i) {
            let register = "upn,date,am,pm\n" + Self.rows(i).prefix(3).map { "\(Self.upn(i)),\($0.0.iso),\($0.1),\($0.2)" }.joined(separator: "\n") + "\n"
            try Data(register.utf8).write(to: cases.appendingPathComponent("register-\(i).csv"))
            let file = cases.appendingPathComponent("case-\(i).yaml")
            try Data(Self.caseYAML(i).utf8).write(to: file)
            added.append(file.path)
        }
        let record = try Workspace.open(at: WorkspaceLocation(folder: workspace))
        for file in added {
            _ = try CaseIntake.add(URL(fileURLWithPath: file), to: record, resources: resources, by: "Office")
        }
        let export = folder.appendingPathComponent("school-export.csv")
        try Self.export().write(to: export)
        return (workspace, export)
    }

    /// The pupils the policy calls a letter for, with a case that can take it, not yet sent.
    static var expectedLetters: [String] {
        (1...pupils).filter { isAbsent($0) && hasCase($0) && ![alreadySent, bad, badMark].contains($0) }.map(upn)
    }

    func batch(_ workspace: URL, _ export: URL, _ extra: [String] = [], environment: [String: String]? = nil) throws -> (status: Int32, output: String, error: String) {
        try run(program, ["batch", "--register", export.path, "--as-of", Self.asOf.iso, "--format", "txt", "--by", "Office",
                          "--workspace", workspace.path, "--summary", export.deletingLastPathComponent().appendingPathComponent("summary.csv").path] + extra,
                environment: environment)
    }

    func concernLetters(_ workspace: URL) throws -> [IssuedDocument] {
        let record = try Workspace.open(at: WorkspaceLocation(folder: workspace))
        return try record.recordedCases().flatMap { try record.issuedDocuments(for: $0.reference) }
            .filter { $0.kind == "attendance-concern-letter" && $0.archived }
    }

    @Test func theDryRunListsEveryPupilWithFiguresAndWritesNothing() throws {
        let folder = try temporaryFolder("batch")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (workspace, export) = try school(folder)
        let result = try batch(workspace, export, ["--dry-run"])
        #expect(result.status == 0, "\(result.error)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == Self.pupils + 1, "one line per pupil and a total")
        #expect(result.output.contains("\(Self.upn(8))  (no case)  77.8% (54 possible, 12 unauthorised)  attendance-concern-letter due, but the pupil has no case"))
        #expect(result.output.contains("\(Self.upn(20))  BPS/ATT/2026/020  77.8% (54 possible, 12 unauthorised)  attendance-concern-letter to parents[0]"))
        #expect(result.output.contains("\(Self.upn(4))  BPS/ATT/2026/004  77.8% (54 possible, 12 unauthorised)  nothing: the attendance-concern-letter was sent on 2026-10-02"))
        #expect(result.output.contains("\(Self.upn(1))  BPS/ATT/2026/001  100.0% (54 possible, 0 unauthorised)  nothing due"))
        #expect(!result.output.contains("Willow"), "no address or name in the list")
        #expect(try concernLetters(workspace).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("summary.csv").path))
        let imports = try Workspace.open(at: WorkspaceLocation(folder: workspace)).registerImports()
        #expect(imports.isEmpty, "a dry run imports nothing")
    }

    @Test func exactlyTheLettersThePolicyCallsForAreIssuedOnceAndABadPupilIsSkipped() throws {
        let folder = try temporaryFolder("batch")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (workspace, export) = try school(folder)
        let first = try batch(workspace, export)
        #expect(first.status == 2, "a pupil was skipped: \(first.error)")
        #expect(first.output.contains("SKIPPED \(Self.upn(Self.bad)): "))
        // Progress, not on a terminal: plain lines, the last one the whole of the due list.
        let due = (1...Self.pupils).filter { Self.isAbsent($0) && Self.hasCase($0) && $0 != Self.alreadySent && $0 != Self.badMark }.count
        #expect(first.error.contains("issued \(due) of \(due)\n"), "\(first.error.suffix(500))")
        #expect(!first.error.contains("\r"))
        #expect(first.output.contains("has no parent (under section 576: a natural parent, or someone with parental responsibility or care of the child) who may be contacted"), "\(first.output)")
        #expect(first.output.contains("SKIPPED \(Self.upn(Self.badMark)): "))
        #expect(first.output.contains("school-export.csv:"), "the export's line is named")
        #expect(first.output.contains("pupil \(Self.upn(Self.badMark)), 2026-09-17 AM: unknown attendance mark \"H\""), "\(first.output.suffix(2000))")
        let issued = try concernLetters(workspace)
        #expect(issued.compactMap(\.upn).sorted() == Self.expectedLetters.sorted())
        // The letters quote the export's figures, not the cases' older three-day registers.
        #expect(issued.allSatisfy { $0.figuresJSON?.contains("\"possible_sessions\": 54") == true })
        let text = try String(contentsOf: folder.appendingPathComponent("summary.csv"), encoding: .utf8)
        let rows = text.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        #expect(rows.count == Self.pupils, "every pupil in is a row out")
        #expect(rows.filter { $0.contains(",issued attendance-concern-letter,") }.count == Self.expectedLetters.count)
        // (The reason holds commas, so its field is quoted.)
        #expect(rows.contains { $0.hasPrefix("\(Self.upn(Self.bad)),BPS/ATT/2026/012,77.8,54,12,\"skipped: ") }, "\(rows)")

        let second = try batch(workspace, export)
        #expect(second.output.contains("issued 0, skipped 2"), "\(second.output.suffix(300))")
        #expect(try concernLetters(workspace).count == issued.count, "a second run issues nothing new")
    }

    @Test func onlyAndSkipChooseThePupils() throws {
        let folder = try temporaryFolder("batch")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (workspace, export) = try school(folder)
        let result = try batch(workspace, export, ["--only", "\(Self.upn(20)),\(Self.upn(28)),\(Self.upn(36))", "--skip", Self.upn(28)])
        #expect(result.status == 0, "\(result.error)")
        #expect(try concernLetters(workspace).compactMap(\.upn).sorted() == [Self.upn(20), Self.upn(36)].sorted())
    }

    @Test func aRunKilledMidBatchLeavesARecordThatARerunCompletes() throws {
        let folder = try temporaryFolder("batch")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (workspace, export) = try school(folder)
        var environment = ProcessInfo.processInfo.environment
        environment["ATTENDOC_CRASH_POINT"] = "rows-inserted#6"
        let killed = try batch(workspace, export, environment: environment)
        #expect(killed.status != 0 && killed.status != 2, "killed at the sixth issue")
        let partial = try concernLetters(workspace)
        #expect(partial.count == 5, "the five issues before the kill, whole; the sixth not at all")
        // The killed run is in the record as interrupted, with how far it had got and no file.
        let killedRun = try #require(try Workspace.open(at: WorkspaceLocation(folder: workspace)).batchRuns(school: nil).first)
        #expect(killedRun.state == .interrupted && killedRun.startedFrom == "command line" && killedRun.registerName == export.lastPathComponent)
        #expect(killedRun.files.isEmpty && killedRun.done >= 1 && killedRun.done <= 5 && killedRun.of > 5, "\(killedRun)")
        let rerun = try batch(workspace, export)
        #expect(rerun.status == 2, "\(rerun.error)")
        #expect(try concernLetters(workspace).compactMap(\.upn).sorted() == Self.expectedLetters.sorted())
        let record = try Workspace.open(at: WorkspaceLocation(folder: workspace))
        let folders = try FileManager.default.contentsOfDirectory(atPath: workspace.appendingPathComponent("archive").path)
        let archived = try record.recordedCases().flatMap { try record.issuedDocuments(for: $0.reference) }.filter(\.archived)
        let runs = try record.batchRuns(school: nil)
        #expect(runs.map(\.state) == [.finished, .interrupted], "both runs recorded, the rerun finished: \(runs)")
        #expect(runs[0].issued == Self.expectedLetters.count - 5 && runs[0].files.map(\.format) == ["csv"], "the rerun's summary archived")
        #expect(rerun.output.contains("the run is recorded in the workspace as batch run \(runs[0].id)"))
        #expect(folders.sorted() == (archived.map(\.id) + [runs[0].id]).sorted(), "no archived file without its row, no row without its file")
    }

    @Test func thePrintRunIsOnePDFInListOrderEachLetterOnANewSheet() throws {
        let folder = try temporaryFolder("batch")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (workspace, export) = try school(folder)
        let print = folder.appendingPathComponent("print.pdf")
        let result = try batch(workspace, export, ["--only", "\(Self.upn(36)),\(Self.upn(20)),\(Self.upn(28))", "--print", print.path])
        #expect(result.status == 0, "\(result.error)")
        let pages = try pdfText(print).components(separatedBy: "\u{0C}").dropLast()
        let starts = pages.indices.filter { pages[$0].contains("Page 1 of") }
        #expect(starts.count == 3, "three letters")
        #expect(starts.allSatisfy { $0 % 2 == 0 }, "each letter starts on a recto: pages \(starts)")
        #expect(pages.count % 2 == 0)
        // In the export's order (20, 28, 36), whatever order --only gave them in.
        let order = [20, 28, 36].map { i in pages.firstIndex { $0.contains("\(i) Willow Walk") } }
        #expect(order.compactMap { $0 }.count == 3 && order == order.sorted { ($0 ?? 0) < ($1 ?? 0) }, "\(order)")
        let empty = pages.indices.filter { pages[$0].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        #expect(empty.allSatisfy { !starts.contains($0) })
    }

    /// A Common Transfer File of four absent pupils: 1 has a case; 2 has none, and its contact has
    /// parental responsibility and lives at the pupil's address; 3 has none, and its only contact
    /// has no parental responsibility; 4 has a withdrawn mark (H).
    static func ctfExport() -> String {
        let pupils = [1, 2, 3, 4].map { i in (i, i == 1 ? 20 : i == 2 ? 28 : i == 3 ? 36 : 44) }
        var csv = "upn,date,am,pm\n"
        for (_, number) in pupils {
            for (day, am, pm) in rows(number) { csv += "\(upn(number)),\(day.iso),\(am),\(pm)\n" }
        }
        var file = ctf(from: csv, start: start, through: asOf, contacts: "@PUPIL@")
        for (i, number) in pupils {
            let responsibility = i == 3 ? "false" : "true"
            let extra = """
            <NCyearActual>5</NCyearActual><Address><AddressLines><Line>\(number) Willow Walk</Line><Line>Alphington</Line></AddressLines>\
            <PostCode>EX2 8SU</PostCode></Address><Contacts><Contact><Order>1</Order><Title>Mrs</Title><Surname>Contact\(number)</Surname>\
            <Forename>Robin</Forename><Relationship>PAM</Relationship><Responsibility>\(responsibility)</Responsibility>\
            <AddressAsPupil>true</AddressAsPupil></Contact></Contacts>
            """
            file = file.replacingOccurrences(of: "<UPN>\(upn(number))</UPN><Surname>Pupil</Surname><Forename>Test</Forename><DOB>2013-03-04</DOB>@PUPIL@",
                                             with: "<UPN>\(upn(number))</UPN><Surname>Pupil\(number)</Surname><Forename>Test</Forename><DOB>2016-11-19</DOB>\(extra)")
        }
        // Pupil 4's first school day's morning: a withdrawn mark.
        let marks = file.range(of: "<AttendanceMarks>", range: file.range(of: "<UPN>\(upn(44))</UPN>")!.upperBound..<file.endIndex)!.upperBound
        var index = marks
        while file[index] == "#" { index = file.index(after: index) }
        file.replaceSubrange(index..<file.index(after: index), with: "H")
        return file
    }

    @Test func aPupilWithNoCaseGetsOneFromTheCTFsContactsOrIsListedAsNeedingOne() throws {
        let folder = try temporaryFolder("batch-ctf")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = folder.appendingPathComponent("ws")
        #expect(try run(program, ["init", workspace.path]).status == 0)
        let caseFile = folder.appendingPathComponent("case-20.yaml")
        try Data(Self.caseYAML(20).utf8).write(to: caseFile)
        let register = "upn,date,am,pm\n" + Self.rows(20).map { "\(Self.upn(20)),\($0.0.iso),\($0.1),\($0.2)" }.joined(separator: "\n") + "\n"
        try Data(register.utf8).write(to: folder.appendingPathComponent("register-20.csv"))
        _ = try CaseIntake.add(caseFile, to: try Workspace.open(at: WorkspaceLocation(folder: workspace)), resources: resources, by: "Office")
        let export = folder.appendingPathComponent("school.xml")
        try Data(Self.ctfExport().utf8).write(to: export)
        let newCases = folder.appendingPathComponent("new-cases")

        let list = try batch(workspace, export, ["--dry-run"])
        #expect(list.output.contains("\(Self.upn(28))  (no case)  77.8% (54 possible, 12 unauthorised)  attendance-concern-letter due, but the pupil has no case in the workspace: make one (attendoc contacts, attendoc case add), or give --new-cases FOLDER"), "\(list.output)")
        #expect(list.output.contains("\(Self.upn(36))  (no case)  77.8% (54 possible, 12 unauthorised)  attendance-concern-letter due, but the pupil has no case in the workspace: make one (attendoc contacts, attendoc case add); none can be made from the export: none of the pupil's contacts in the export has parental responsibility and an address"))
        #expect(list.output.contains("\(Self.upn(44))  (no case)  not judged  the pupil's rows in the export cannot be read: "), "a CTF with one bad pupil goes on with the others")
        #expect(!list.output.contains("Robin") && !list.output.contains("Willow"), "no name or address in the list")

        let result = try batch(workspace, export, ["--new-cases", newCases.path])
        #expect(result.status == 2, "pupil 44 was skipped: \(result.error)")
        #expect(result.output.contains("made the case BPS/ATT/2026/\(Self.upn(28)) for \(Self.upn(28)) from the export's contacts"), "\(result.output)")
        #expect(result.output.contains("SKIPPED \(Self.upn(44)): "))
        #expect(result.output.contains("unknown attendance mark \"H\""))
        let issued = try concernLetters(workspace)
        #expect(issued.compactMap(\.upn).sorted() == [Self.upn(20), Self.upn(28)].sorted(), "the pupil with a case and the one whose case was made")
        // The made case: the export's pupil and contact, the school's sections from pupil 20's case.
        let made = try String(contentsOf: newCases.appendingPathComponent("\(Self.upn(28)).yaml"), encoding: .utf8)
        #expect(made.contains("surname: \"Contact28\"") && made.contains("parental_responsibility: yes") && made.contains("year_group: 5"))
        #expect(made.contains("name: Brookfield Primary School") && made.contains("policy: attendance-tiers"))
        #expect(made.contains("    \(Self.upn(28)),2026-09-04,O,O"), "the export's marks kept as the case's register")
        #expect(!FileManager.default.fileExists(atPath: newCases.appendingPathComponent("\(Self.upn(36)).yaml").path), "no case without a parent to write to")
        // The letter is addressed to the contact, at the pupil's address, as the export gives them.
        let letter = try #require(issued.first { $0.upn == Self.upn(28) })
        let text = try String(contentsOf: workspace.appendingPathComponent("archive/\(letter.files[0].archivePath)"), encoding: .utf8)
        #expect(text.contains("Mrs Robin Contact28") && text.contains("28 Willow Walk") && text.contains("EX2 8SU"), "\(text.prefix(400))")
        // A second run issues nothing new and makes no case again.
        let second = try batch(workspace, export, ["--new-cases", newCases.path])
        #expect(!second.output.contains("made the case"))
        #expect(try concernLetters(workspace).count == issued.count)
    }
}
