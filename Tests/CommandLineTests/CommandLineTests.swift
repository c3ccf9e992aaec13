import AttendocTesting
import Foundation
import Testing

/// The `attendoc` program as a person runs it.
@Suite("attendoc on the command line")
struct CommandLineTests {
    /// The built program, next to the test bundle.
    static let program: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("attendoc")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return repositoryRoot.appendingPathComponent(".build/debug/attendoc")
    }()

    static func attendoc(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        try run(program.path, arguments, in: repositoryRoot)
    }

    @Test func rendersTextForEachParentAndSaysWhatItWrote() throws {
        let out = try temporaryFolder("cli")
        let result = try Self.attendoc(["render", fixture("separated-parents.yaml").path, "--document", "first-warning-letter",
                                        "--format", "txt,html", "--out", out.path, "--date", "2026-11-23"])
        #expect(result.status == 0, "\(result.error)")
        // Tomás's address is confidential: the head teacher's copy of his letter is its own file.
        #expect(filesUnder(out) == [
            "CAT-2026-0099/first-warning-letter/tomas-o-briain-copy-for-head-teacher.html",
            "CAT-2026-0099/first-warning-letter/tomas-o-briain-copy-for-head-teacher.txt",
            "CAT-2026-0099/first-warning-letter/tomas-o-briain.html",
            "CAT-2026-0099/first-warning-letter/tomas-o-briain.txt",
            "CAT-2026-0099/first-warning-letter/zoe-dsouza-partner-ltd.html",
            "CAT-2026-0099/first-warning-letter/zoe-dsouza-partner-ltd.txt",
        ])
        #expect(result.output.components(separatedBy: "\n").filter { $0.hasPrefix("wrote ") }.count == 6)
    }

    @Test func withoutADateALetterIsDatedTodayAndALetterAlreadySentIsNamed() throws {
        // The note comes before the render, whatever today's figures and deadlines allow.
        let out = try temporaryFolder("cli-date")
        defer { try? FileManager.default.removeItem(at: out) }
        let example = repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml").path
        let sent = try Self.attendoc(["render", example, "--document", "first-warning-letter", "--format", "txt", "--out", out.path])
        let note = try #require(sent.output.split(separator: "\n").first.map(String.init))
        #expect(note.hasPrefix("note: no --date given: the first-warning-letter is dated today, "), "\(sent.output)")
        #expect(note.hasSuffix(", with the figures and dates as of today; letters_issued records it sent on 2026-11-23 (letters_issued[8]), 2026-11-23 (letters_issued[9]): to make that letter again give --date 2026-11-23 (the copy sent is in the workspace: attendoc history)"), "\(note)")
        // A kind the case file records no sending of: today, and nothing more to say.
        let new = try Self.attendoc(["render", example, "--document", "home-visit-record", "--format", "txt", "--out", out.path])
        #expect(new.output.hasPrefix("note: no --date given: the home-visit-record is dated today, "), "\(new.output)")
        #expect(!new.output.contains("letters_issued records it"))
        // With --date there is no note.
        let dated = try Self.attendoc(["render", example, "--document", "first-warning-letter", "--format", "txt", "--out", out.path, "--date", "2026-11-23"])
        #expect(dated.status == 0, "\(dated.error)")
        #expect(!dated.output.contains("no --date given"))
    }

    /// Each broken case file: what to change in the fixture, and the field and words the error must name.
    static let brokenCases: [(label: String, old: String, new: String, field: String, words: String)] = [
        ("missing field", "  surname: O'Brien-Ní Dhuibhir\n", "", "pupil.surname", "required"),
        ("unknown key", "  year_group: 6\n", "  year_group: 6\n  shoe_size: 3\n", "pupil.shoe_size", "not a known field"),
        ("bad date", "accepted_on: 2026-11-16", "accepted_on: 16/11/2026", "referral.accepted_on", "YYYY-MM-DD"),
        ("bad type", "possible_sessions: 94", "possible_sessions: lots", "attendance.possible_sessions", "whole number"),
    ]

    @Test(arguments: brokenCases.indices)
    func aBrokenCaseFileExitsNonZeroNamingFileLineAndFieldAndWritesNothing(_ index: Int) throws {
        let broken = Self.brokenCases[index]
        let yaml = try String(contentsOf: fixture("separated-parents.yaml"), encoding: .utf8)
        #expect(yaml.contains(broken.old))
        let edited = yaml.replacingOccurrences(of: broken.old, with: broken.new)
        let folder = try temporaryFolder("cli-broken")
        let caseFile = folder.appendingPathComponent("broken-case.yaml")
        try Data(edited.utf8).write(to: caseFile)
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("an earlier letter".utf8).write(to: out.appendingPathComponent("earlier.txt"))

        let result = try Self.attendoc(["render", caseFile.path, "--document", "first-warning-letter", "--out", out.path])
        #expect(result.status != 0, "\(broken.label)")
        #expect(result.error.contains("\(caseFile.path):"), "\(broken.label): names the file: \(result.error)")
        #expect(result.error.range(of: "broken-case\\.yaml:[0-9]+", options: .regularExpression) != nil, "\(broken.label): names the line")
        #expect(result.error.contains(broken.field), "\(broken.label): names the field: \(result.error)")
        #expect(result.error.contains(broken.words), "\(broken.label): says what was expected: \(result.error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["earlier.txt"])
        #expect(result.output.isEmpty)
    }

    @Test func anUnknownDocumentKindOrFormatIsAnError() throws {
        let kind = try Self.attendoc(["render", fixture("separated-parents.yaml").path, "--document", "love-letter"])
        #expect(kind.status != 0)
        #expect(kind.error.contains("first-warning-letter"))
        let format = try Self.attendoc(["render", fixture("separated-parents.yaml").path, "--document", "first-warning-letter", "--format", "rtf"])
        #expect(format.status != 0)
        #expect(format.error.contains("unknown format \"rtf\""))
    }

    @Test func helpExplainsEveryOption() throws {
        let help = try Self.attendoc(["render", "--help"])
        #expect(help.status == 0)
        for option in ["--document", "--format", "--out", "--date", "--resources"] {
            #expect(help.output.contains(option))
        }
    }

    @Test func statsForAWholeRegisterListsPersistentAbsenteesFirst() throws {
        let register = repositoryRoot.appendingPathComponent("examples/registers/riverside-academy-autumn-2026.csv").path
        let result = try Self.attendoc(["stats", "--register", register, "--as-of", "2026-11-20", "--json"])
        #expect(result.status == 0, "\(result.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let pupils = try #require(object["pupils"] as? [[String: Any]])
        #expect(pupils.count == 6)
        let persistent = pupils.map { $0["persistent_absence"] as? Bool ?? false }
        // Every persistent absentee comes before every other pupil.
        #expect(persistent == persistent.sorted { $0 && !$1 })
        #expect(persistent.first == true)
        let table = try Self.attendoc(["stats", "--register", register, "--as-of", "2026-11-20"])
        #expect(table.status == 0)
        #expect(table.output.hasPrefix("UPN"))
        #expect(table.output.contains("As of 20 November 2026"))
    }

    @Test func statsRefusesAnUnknownMarkNamingPupilDateAndSession() throws {
        let folder = try temporaryFolder("cli-stats")
        let register = folder.appendingPathComponent("export.csv")
        try Data("upn,date,am,pm\nA123456789012,2026-09-03,/,\\\nA123456789012,2026-09-04,H,\\\n".utf8).write(to: register)
        let result = try Self.attendoc(["stats", "--register", register.path, "--as-of", "2026-09-30"])
        #expect(result.status != 0)
        #expect(result.error.contains("\(register.path):3:3: column C (am): pupil A123456789012, 2026-09-04 AM: unknown attendance mark \"H\""), "\(result.error)")
        #expect(result.output.isEmpty)
    }

    @Test func statsNeedsACaseOrARegister() throws {
        let result = try Self.attendoc(["stats"])
        #expect(result.status != 0)
        #expect(result.error.contains("give either a case file or --register"))
    }

    @Test func renderAllMakesEveryDocumentTheHistoryCallsFor() throws {
        let out = try temporaryFolder("cli-all")
        let result = try Self.attendoc(["render", repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml").path,
                                        "--all", "--format", "txt", "--out", out.path])
        #expect(result.status == 0, "\(result.error)")
        let folders = Set(filesUnder(out).map { $0.split(separator: "/").dropLast().joined(separator: "/") })
        // letters_issued: the concern letter and its meeting invitation (25 September), the
        // interview invitation (14 October), the first warning, PACE invitation and register
        // certificate (23 November), the final warning (11 January 2027);
        // the father's invitation to his own parenting contract meeting (5 October);
        // meetings with minutes: 2 October and 9 October (each with its parenting contract),
        // 21 October; the interviews under caution (3 December, 11 January 2027), each recorded
        // by a record of interview for each parent, not minutes.
        #expect(folders == [
            "CAT-2026-0142/2026-09-25-attendance-concern-letter", "CAT-2026-0142/2026-09-25-meeting-invitation",
            "CAT-2026-0142/2026-10-02-meeting-minutes", "CAT-2026-0142/2026-10-02-parenting-contract",
            "CAT-2026-0142/2026-10-05-meeting-invitation",
            "CAT-2026-0142/2026-10-09-meeting-minutes", "CAT-2026-0142/2026-10-09-parenting-contract",
            "CAT-2026-0142/2026-10-14-meeting-invitation", "CAT-2026-0142/2026-10-21-meeting-minutes",
            "CAT-2026-0142/2026-11-23-first-warning-letter", "CAT-2026-0142/2026-11-23-pace-interview-invitation",
            "CAT-2026-0142/2026-11-23-register-certificate", "CAT-2026-0142/2026-12-03-record-of-interview",
            "CAT-2026-0142/2027-01-11-final-warning-letter", "CAT-2026-0142/2027-01-11-record-of-interview",
        ])
        #expect(result.output.contains("note: parents[2]: no letter (not a parent under section 576 Education Act 1996: no natural parent, parental responsibility or care of the child recorded)"))
    }

    @Test func renderAllMakesTheRequestsToOtherServicesTooEachFromItsOwnEntry() throws {
        let out = try temporaryFolder("cli-all-services")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try Self.attendoc(["render", repositoryRoot.appendingPathComponent("examples/hillside-send-and-social-worker.yaml").path,
                                        "--all", "--format", "txt", "--out", out.path])
        #expect(result.status == 0, "\(result.error)")
        let files = filesUnder(out)
        // referrals[0..2]: SEND outreach (23 November), social care (24), safeguarding (25), each one
        // copy for that service beside the parents' copies of the rest of the case's history.
        for file in ["HPS-2026-017/2026-11-23-send-outreach-request/send-outreach-service.txt",
                     "HPS-2026-017/2026-11-24-social-care-referral/childrens-social-care.txt",
                     "HPS-2026-017/2026-11-25-safeguarding-referral-note/designated-safeguarding-lead.txt",
                     "HPS-2026-017/2026-11-20-attendance-support-plan/agnieszka-nowak.txt"] {
            #expect(files.contains(file), "\(files)")
        }
        let note = try String(contentsOf: out.appendingPathComponent("HPS-2026-017/2026-11-25-safeguarding-referral-note/designated-safeguarding-lead.txt"), encoding: .utf8)
        #expect(flattened(note).contains("left at home alone"), "\(note)")
    }

    @Test func aTranslationNoteIsOnlyForAParentsCopyTheRunMade() throws {
        let out = try temporaryFolder("cli-translation-note")
        defer { try? FileManager.default.removeItem(at: out) }
        let example = repositoryRoot.appendingPathComponent("examples/hillside-send-and-social-worker.yaml").path
        // The mother prefers Polish: her copy of a letter needs translating.
        let letter = try Self.attendoc(["render", example, "--document", "additional-needs-plan", "--date", "2026-10-16", "--format", "txt", "--out", out.path])
        #expect(letter.status == 0, "\(letter.error)")
        #expect(letter.output.contains("note: parents[0] (agnieszka-nowak): prefers Polish; this copy needs translating before it is sent"), "\(letter.output)")
        // A document with one copy, for the GP or a service, has no parent's copy to translate, and
        // nobody is left out of it: no note about parents at all.
        for (kind, day) in [("gp-enquiry-letter", "2026-10-12"), ("safeguarding-referral-note", "2026-11-25"), ("send-outreach-request", "2026-11-23")] {
            let single = try Self.attendoc(["render", example, "--document", kind, "--date", day, "--format", "txt", "--out", out.path])
            #expect(single.status == 0, "\(single.error)")
            #expect(!single.output.contains("note:"), "\(kind): \(single.output)")
        }
    }

    @Test func renderNeedsADocumentKindOrAll() throws {
        let result = try Self.attendoc(["render", fixture("separated-parents.yaml").path])
        #expect(result.status != 0)
        #expect(result.error.contains("give either --document KIND or --all"))
    }

    @Test func kindsListsEveryKindWithWhoSendsIt() throws {
        let result = try Self.attendoc(["kinds"])
        #expect(result.status == 0)
        for kind in ["attendance-concern-letter", "meeting-invitation", "meeting-minutes", "parenting-contract", "first-warning-letter",
                     "pace-interview-invitation", "register-certificate", "target-met-letter", "final-warning-letter", "notice-to-improve", "record-of-interview"] {
            #expect(result.output.contains(kind + "\n"), "\(kind)")
        }
        #expect(result.output.contains("sent by:     the school"))
        #expect(result.output.contains("sent by:     the local authority"))
    }

    @Test func checkExitsNonZeroAndListsWhatIsMissing() throws {
        let ready = try Self.attendoc(["check", repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml").path,
                                       "--for", "prosecution", "--as-of", "2027-01-11"])
        #expect(ready.status == 0, "\(ready.output)")
        #expect(ready.output.contains("ready for prosecution: nothing missing"))
        let early = try Self.attendoc(["check", repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml").path,
                                       "--for", "prosecution", "--as-of", "2026-09-25"])
        #expect(early.status != 0)
        #expect(early.output.contains("not ready for prosecution"))
        #expect(early.output.contains("- register: unauthorised absence is 5.9%"))
    }

    @Test func checkForEachRouteUsesItsOwnEvidenceList() throws {
        let county = repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml").path
        for route in ["s444-1", "single-justice-procedure"] {
            let ready = try Self.attendoc(["check", county, "--for", route, "--as-of", "2027-01-11"])
            #expect(ready.status == 0, "\(route): \(ready.output)")
            #expect(ready.output.contains("ready for \(route): nothing missing as of 11 January 2027"))
        }
        let other = try Self.attendoc(["check", county, "--for", "s444-1a", "--as-of", "2027-01-11"])
        #expect(other.status == 1)
        #expect(other.output.contains("not ready for s444-1a: 1 thing missing"))
        #expect(other.output.contains("- legal_route.section: the case's section is s444_1"))
        let unknown = try Self.attendoc(["check", county, "--for", "eso", "--as-of", "2027-01-11"])
        #expect(unknown.status != 0)
        #expect(unknown.error.contains("has no enforcement route eso"))
    }

    @Test func bundleRefusesAnIncompleteCaseNamingWhatIsMissingAndWritesNothing() throws {
        let out = try temporaryFolder("cli-bundle-refused")
        defer { try? FileManager.default.removeItem(at: out) }
        // As of 25 September 2026 the county case has no warnings, no interview, too little absence.
        let result = try Self.attendoc(["bundle", repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml").path,
                                        "--as-of", "2026-09-25", "--out", out.path])
        #expect(result.status == 1)
        #expect(result.error.hasPrefix("attendoc: error: the case CAT/2026/0142 is not ready for court as of 25 September 2026"))
        #expect(result.error.contains("- register: unauthorised absence is 5.9%"))
        #expect(result.error.contains("--draft"))
        #expect(filesUnder(out).isEmpty)
    }

    @Test func bundleWritesThePDFAndManifestAndSaysWhatItLeftOut() throws {
        let out = try temporaryFolder("cli-bundle")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try Self.attendoc(["bundle", repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml").path,
                                        "--as-of", "2027-01-11", "--out", out.path])
        #expect(result.status == 0, "\(result.error)")
        // The case's own route (s444-1): the initial details of the prosecution case (the bundle)
        // and the unused material schedule apart, as the court's platform files them.
        #expect(filesUnder(out) == ["CAT-2026-0142/evidence-bundle-manifest.json", "CAT-2026-0142/evidence-bundle.pdf", "CAT-2026-0142/unused-material-schedule.pdf"])
        #expect(result.output.contains("route s444-1: Prosecution in the magistrates' court under section 444(1) Education Act 1996; papers: evidence_bundle, unused_material_schedule"))
        let bundleText = flattened(try pdfText(out.appendingPathComponent("CAT-2026-0142/evidence-bundle.pdf")))
        let scheduleText = flattened(try pdfText(out.appendingPathComponent("CAT-2026-0142/unused-material-schedule.pdf")))
        #expect(!bundleText.contains("Schedule of non-sensitive unused material"), "the schedule is not in the bundle")
        #expect(scheduleText.contains("Schedule of non-sensitive unused material"))
        #expect(scheduleText.contains("The school's visitors' signing-in book for 2 October 2026"), "\(scheduleText)")
        #expect(result.output.contains("left out: parents[1].address: withheld from every document"))
        #expect(result.output.contains("left out: meetings[1].agency_only_notes"))
        let digest = String(try run("sha256sum", [out.appendingPathComponent("CAT-2026-0142/evidence-bundle.pdf").path]).output.prefix(64))
        #expect(result.output.contains("SHA-256 \(digest)"))
    }

    @Test func theSensitiveScheduleIsWrittenApartFromTheServedPapers() throws {
        let out = try temporaryFolder("cli-sensitive")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try Self.attendoc(["sensitive-schedule", repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml").path,
                                        "--as-of", "2027-01-11", "--format", "txt,html", "--out", out.path])
        #expect(result.status == 0, "\(result.error)")
        // Not in OUT/<case reference>/, where the served papers are.
        #expect(filesUnder(out) == ["prosecutor-only/CAT-2026-0142/sensitive-material-schedule.html",
                                    "prosecutor-only/CAT-2026-0142/sensitive-material-schedule.txt"])
        #expect(result.output.contains("(for the prosecutor only: never served)"))
        let text = flattened(try String(contentsOf: out.appendingPathComponent("prosecutor-only/CAT-2026-0142/sensitive-material-schedule.txt"), encoding: .utf8))
        // The county example has no sensitive material: the schedule says so, to be signed.
        #expect(text.contains("For the prosecutor only. Not to be disclosed to the defence") && text.contains("There is no sensitive unused material in this case."), "\(text)")
    }
}
