@testable import AttendocBundle
@testable import AttendocCaseModel
@testable import AttendocCasework
@testable import AttendocDocuments
@testable import AttendocPrograms
import AttendocTesting
@testable import AttendocValues
import Foundation
import Testing

/// What goes into the evidence bundle, and what is left out of it, before anything is laid out:
/// the sections and exhibits of the county example, the court view's privacy, the chronology and
/// schedule, and the manifest's SHA-256.
@Suite("Evidence bundle: contents and privacy")
struct EvidenceBundlePlanTests {
    static let riverside = repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml")
    static let asOf = date("2027-01-11")

    static func plan(_ loaded: LoadedCase, draft: Bool = false) throws -> EvidenceBundle {
        let run = try LetterRun(resources: resources)
        let qpdf = try QPDF()
        return try EvidenceBundle.plan(
            loaded, asOf: asOf, isDraft: draft, gaps: ProsecutionReadiness.check(loaded, asOf: asOf).gaps,
            documents: { (kind, view, date, options) throws(AttendocError) in try run.letters(kind, for: view, dated: date, options: options) },
            pageCount: { (url) throws(AttendocError) in try qpdf.pageCount(of: url) })
    }

    static func countyPlan() throws -> EvidenceBundle {
        try plan(try LoadedCase.load(riverside, resources: resources))
    }

    /// `bundle` with its titles, as the templates word them in the bundle's XML.
    static func titled(_ bundle: EvidenceBundle) throws -> EvidenceBundle {
        let (_, tree) = try BundleRun(resources: resources).bundleXML(bundle)
        return try bundle.titled(from: tree)
    }

    @Test func sectionsAThroughFInOrderWithExhibitsNumberedFromTheirProducersInitials() throws {
        let bundle = try Self.countyPlan()
        #expect(bundle.sections.map(\.letter) == ["A", "B", "C", "D", "E", "F"])
        // Alex Brennan: AB/1, AB/2, ... and Ms Laura Hughes: LH/1, LH/2 ... over D, E and F in
        // bundle order, each with no gap.
        let exhibits = bundle.entries.filter(\.content.isExhibit).filter { $0.id.first != "c" }
        for (producer, prefix) in [(EvidenceBundle.Producer.officer, "AB"), (.school, "LH")] {
            let labels = exhibits.filter { $0.producer == producer }.map(\.exhibit)
            #expect(!labels.isEmpty && labels == (1...labels.count).map { "\(prefix)/\($0)" })
        }
        #expect(bundle.entries.filter { !$0.content.isExhibit }.allSatisfy { $0.exhibit == nil })
        #expect(bundle.entries.filter(\.content.isExhibit).allSatisfy { ["D", "E", "F"].contains($0.id.prefix(1).uppercased()) })
        #expect(Set(bundle.entries.map(\.id)).count == bundle.entries.count)
    }

    @Test func sectionEHoldsEachParentsCopyOfEachLetterAndOfEachMinutes() throws {
        let titles = try Self.titled(Self.countyPlan()).sections.first { $0.letter == "E" }!.entries.map(\.title)
        for parent in ["Ms Zoë D'Souza", "Mr Ciarán O'Brien"] {
            #expect(titles.contains("First warning letter to \(parent)"))
            #expect(titles.contains("Final warning letter to \(parent)"))
            #expect(titles.contains("Invitation to an interview under caution to \(parent)"))
        }
        // Minutes as each parent's copy, never the agency copy (ExhibitsAsServedTests).
        #expect(titles.contains("Minutes of the parenting contract meeting, parent's copy for Ms Zoë D'Souza"))
        #expect(titles.contains("Minutes of the Team Around the Family meeting, parent's copy for Mr Ciarán O'Brien"))
        // An interview under caution is recorded by each parent's record of interview, not minutes.
        #expect(!titles.contains("Minutes of the interview under caution (PACE)"))
        for parent in ["Ms Zoë D'Souza", "Mr Ciarán O'Brien"] {
            #expect(titles.filter { $0 == "Record of the interview under caution of \(parent)" }.count == 2, "\(titles)")
        }
        // The grandmother has no parental responsibility and is not a party.
        #expect(!titles.contains { $0.contains("Maureen") })
    }

    @Test func sectionFHoldsEveryEvidenceFileOnceByKind() throws {
        let entries = try Self.titled(Self.countyPlan()).sections.first { $0.letter == "F" }!.entries
        var kinds: [String: String] = [:]
        for entry in entries {
            switch entry.content {
            case .suppliedPDF(let url, let pages): kinds[url.lastPathComponent] = "pdf \(pages)"
            case .suppliedImage(let url): kinds[url.lastPathComponent] = "image"
            case .suppliedText(let url, _): kinds[url.lastPathComponent] = "text"
            default: Issue.record("section F holds \(entry.title), which is not a supplied file")
            }
        }
        #expect(kinds == [
            "parenting-contract-2026-10-02.txt": "text",
            "parenting-contract-signed-2026-10-02.png": "image",
            "mentor-check-in-log-october-2026.txt": "text",
            "early-help-referral-2026-10-23.txt": "text",
            "early-help-home-visits-november-2026.pdf": "pdf 2",
            "concern-letter-2026-09-25.txt": "text",
            "cat-referral-form-2026-11-13.txt": "text",
            "taf-action-plan-2026-10-21.txt": "text",
            "parenting-contract-father-2026-10-09.txt": "text",
            // Each defendant's evidence of being a parent (section 576), once for both.
            "school-contact-record-2026-09-01.txt": "text",
        ])
        // In the order of the events that cite them: the concern letter (25 September) first.
        #expect(entries.first?.source == "evidence/concern-letter-2026-09-25.txt")
    }

    @Test func everySupportiveMeasureIsInTheScheduleWithItsOutcomeAndEvidence() throws {
        let bundle = try Self.countyPlan()
        let tiers = BundleFacts.measuresByTier(bundle)
        // The county policy (seed 004) has no tier bands of its own, so the tiers are by number.
        let schedule = Self.entryXML("b1", in: try Self.xml(of: bundle))
        #expect(Self.elementTexts("heading", in: schedule) == ["Tier 2", "Tier 3"])
        let rows = tiers.flatMap { $0["measures"] as? [[String: Any]] ?? [] }
        let measures = bundle.view.attendanceCase.supportiveMeasures
        #expect(rows.count == measures.count)
        for measure in measures {
            let row = rows.first { $0["what"] as? String == measure.what }
            #expect(row?["outcome"] as? String == measure.outcome)
            let proofs = (row?["proofs"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
            #expect(proofs.count == measure.evidence.count, "\(measure.what): \(proofs)")
            // The school's support is produced by the school witness; another's by the officer
            // (the Early Help offer cites the school's referral too, which the school produces).
            if EvidenceBundle.Producers(bundle.view.attendanceCase).ofMeasure(measure) == .school {
                #expect(proofs.allSatisfy { $0.hasPrefix("LH/") }, "\(proofs)")
            } else {
                #expect(proofs.contains { $0.hasPrefix("AB/") } && proofs.allSatisfy { $0.hasPrefix("AB/") || $0.hasPrefix("LH/") }, "\(proofs)")
            }
        }
        #expect(Self.rowCells(schedule).first { $0.first?.hasPrefix("A daily check-in") == true }?[3] == "not engaged with")
    }

    @Test func theChronologyHasEveryDatedEventInDateOrderEachWithItsProof() throws {
        let bundle = try Self.countyPlan()
        // Each event with the words its partial gives it in the bundle's XML, and its proofs.
        let typed = BundleFacts.chronology(bundle, yearFigures: try bundle.view.figures(asOf: Self.asOf))
        let rows = Self.chronologyEvents(try Self.xml(of: bundle))
        #expect(rows.count == typed.count)
        let events: [[String: Any]] = zip(typed, rows).map { event, text in
            ["event": text, "proofs": BundleFacts.proofs(event.proofs, in: bundle)]
        }
        let attendanceCase = bundle.view.attendanceCase
        let expectedCount = attendanceCase.lettersIssued.count + attendanceCase.meetings.count + attendanceCase.supportiveMeasures.count
            + attendanceCase.referrals.count + 3 /* referral accepted, route considered at referral, decision to prosecute */
        let thresholdEvents = events.filter { ($0["event"] as? String)?.hasPrefix("Attendance entered tier") == true || ($0["event"] as? String)?.hasPrefix("The threshold") == true }
        #expect(events.count == expectedCount + thresholdEvents.count)
        #expect(!thresholdEvents.isEmpty)
        let first = events.first { ($0["event"] as? String)?.hasPrefix("First warning letter sent to Ms Zoë D'Souza") == true }
        let proofs = (first?["proofs"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
        #expect(proofs.count == 1 && proofs[0].hasPrefix("AB/"), "\(proofs)")
        // A letter with a supplied copy is proved by both the document and the file.
        let concern = events.first { ($0["event"] as? String)?.hasPrefix("Letter of concern about attendance sent to Ms Zoë D'Souza") == true }
        #expect((concern?["proofs"] as? [[String: Any]])?.count == 2)
        // The two decisions, each on its own date, proved by the decision records in section A.
        let route = events.first { ($0["event"] as? String) == "Legal route considered at referral: prosecution under section 444(1) of the Education Act 1996 (Alex Brennan, Senior County Attendance Officer)" }
        let decision = events.first { ($0["event"] as? String) == "Decision to prosecute (Alex Brennan, Senior County Attendance Officer)" }
        #expect(route != nil && decision != nil, "\(events.map { $0["event"] ?? "" })")
        for event in [route, decision] {
            #expect((event?["proofs"] as? [[String: Any]])?.compactMap { $0["section"] as? String } == ["A"])
        }
        let dates = typed.filter { if case .decisionMade = $0.what { true } else if case .routeDecided = $0.what { true } else { false } }.map(\.date.iso)
        #expect(dates == ["2026-11-16", "2027-01-08"])
    }

    @Test func theDecisionRecordsAreInSectionAAsRecorded() throws {
        let bundle = try Self.countyPlan()
        let text = try Self.xml(of: bundle)
        #expect(text.contains("<entry id=\"a3\" title=\"Decision records: the legal route at referral and the decision to proceed\" date=\"2027-01-08\""), "\(text.prefix(3000))")
        #expect(text.contains("<row><cell>Date</cell><cell>8 January 2027, after the review on 7 January 2027 of the attendance target set at the interview under caution (PACE)</cell></row>"))
        #expect(text.contains("<cell>Education Supervision Order considered (section 447(1) Education Act 1996)</cell><cell>Considered. An order would add supervision"))
        #expect(text.contains("<row><cell>Date</cell><cell>16 November 2026</cell></row>"))
    }

    @Test func theCourtViewWithholdsTheConfidentialAddressAgencyNotesAndSiblings() throws {
        let original = try LoadedCase.load(Self.riverside, resources: resources).attendanceCase
        let view = CourtView(of: original)
        let father = view.attendanceCase.parentsAndCarers.first { $0.id == "father" }!
        #expect(father.ownAddress == CourtView.withheldAddress)
        #expect(view.attendanceCase.meetings.allSatisfy { $0.agencyOnlyNotes == nil })
        #expect(view.attendanceCase.pupil.siblings.isEmpty)
        // "Take Ronan to primary school on Mondays and Fridays" (meetings[1] and [2]).
        let actions = view.attendanceCase.meetings.flatMap(\.actions).map(\.action)
        #expect(actions.contains("Take a sibling to primary school on Mondays and Fridays"))
        #expect(!actions.contains { $0.contains("Ronan") })
        #expect(view.leftOut.map(\.place) == [
            "parents[1].address", "meetings[1].agency_only_notes", "pupil.siblings[0]",
            "meetings[1].actions[1]", "meetings[2].discussion", "meetings[2].actions[0]",
        ])
        // The places say where, never what.
        #expect(!view.leftOut.map(\.description).joined().contains("Sidwell"))
        #expect(!view.leftOut.map(\.description).joined().contains("Ronan"))
    }

    @Test func aSiblingsForenameIsReplacedOnlyAsAWholeWord() {
        var attendanceCase = try! LoadedCase.load(Self.riverside, resources: resources).attendanceCase
        attendanceCase.meetings[0].discussion = "Ronan's school run; Ronanstown; RONAN; Ronan O'Brien came."
        let view = CourtView(of: attendanceCase)
        #expect(view.attendanceCase.meetings[0].discussion == "a sibling's school run; Ronanstown; RONAN; a sibling came.")
    }

    @Test func sha256MatchesSha256sum() throws {
        let folder = try temporaryFolder("sha")
        defer { try? FileManager.default.removeItem(at: folder) }
        for size in [0, 1, 55, 56, 63, 64, 65, 1000, 100_003] {
            let data = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
            let file = folder.appendingPathComponent("\(size)")
            try data.write(to: file)
            let expected = try run("sha256sum", [file.path]).output.split(separator: " ").first.map(String.init)
            #expect(SHA256.hex(data) == expected, "size \(size)")
            // The same bytes as a slice of larger data (whose indices do not start at 0).
            #expect(SHA256.hex((Data([1, 2, 3]) + data).dropFirst(3)) == expected, "slice of size \(size)")
        }
    }

    @Test func exhibitPrefixIsTheOfficersInitials() {
        #expect(EvidenceBundle.exhibitPrefix(for: "Alex Brennan") == "AB")
        #expect(EvidenceBundle.exhibitPrefix(for: "Mary Anne O'Neill") == "MO")
        #expect(EvidenceBundle.exhibitPrefix(for: "Cher") == "C")
    }

    @Test func aSuppliedFileOfAnotherKindIsRefusedNamingTheCaseEntry() throws {
        let folder = try temporaryFolder("docx-exhibit")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("evidence/notes.docx")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: file)
        let reference = FileReference(path: "evidence/notes.docx", url: file, caseFolder: folder)
        #expect {
            _ = try EvidenceBundle.suppliedContent(reference, citedBy: "supportive_measures[1]") { (_) throws(AttendocError) in 1 }
        } throws: { error in
            "\(error)" == "supportive_measures[1].evidence: evidence/notes.docx is a .docx file; the bundle takes PDF, PNG, JPEG or plain text (.txt) exhibits, so save it as PDF"
        }
    }

    @Test func anImageThatIsNotOneIsRefusedBeforeFOPCanLeaveItsPageEmpty() throws {
        let folder = try temporaryFolder("fake-image")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("evidence/scan.png")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("%PDF-1.4 not a png".utf8).write(to: file)
        #expect {
            _ = try EvidenceBundle.suppliedContent(FileReference(path: "evidence/scan.png", url: file, caseFolder: folder), citedBy: "referrals[0]") { (_) throws(AttendocError) in 1 }
        } throws: { error in
            "\(error)".hasPrefix("referrals[0].evidence: evidence/scan.png is not a PNG image")
        }
    }

    @Test func theStatementStatesEachStepWithItsExhibitNumbers() throws {
        let bundle = try Self.countyPlan()
        let all = Self.elementTexts("paragraph", in: try Self.xml(of: bundle))
        let offence = try bundle.view.figures(asOf: bundle.offenceTo, from: bundle.offenceFrom)
        let officerCount = WitnessStatementDraft.paragraphs(bundle, offence: offence, producer: .officer).count
        #expect(all.count == officerCount + WitnessStatementDraft.paragraphs(bundle, offence: offence, producer: .school).count)
        // The officer's statement, then the school witness's.
        let paragraphs = Array(all.prefix(officerCount))
        let school = Array(all.dropFirst(officerCount))
        #expect(paragraphs.first?.hasPrefix("I am employed by Northshire County Council as Senior County Attendance Officer.") == true)
        #expect(paragraphs.contains { $0.contains("attended 38 of the 46 sessions for which the school was open (82.6%)") && $0.contains("which Ms Laura Hughes produces as exhibit LH/1;") })
        // The invitation went to the mother only, so only her copy is produced, by the school.
        #expect(school.contains("On 25 September 2026 the school sent an invitation to a parenting contract meeting to Ms Zoë D'Souza. I produce a copy as exhibit LH/4."))
        #expect(paragraphs.contains { $0.hasPrefix("On 3 December 2026 an interview under caution (PACE) was held at Riverside Academy") })
        // The officer produces each parent's record of interview, not minutes.
        let interview = try #require(paragraphs.first { $0.hasPrefix("On 3 December 2026 an interview under caution") })
        let records = bundle.entries.filter { $0.documentKind == .recordOfInterview && $0.date == date("2026-12-03") }.compactMap(\.exhibit)
        #expect(records.count == 2)
        #expect(interview.hasSuffix("I produce the records of interview under caution as exhibits \(records[0]) and \(records[1])."), "\(interview)")
        #expect(school.contains { $0.hasPrefix("On 2 October 2026 a parenting contract meeting was held") && $0.hasSuffix("I produce the minutes as exhibit LH/5 and the parenting contract as exhibit LH/6.") })
        // Dates run in order after the opening paragraphs.
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        func dates(_ paragraphs: [String]) -> [CalendarDate] { paragraphs.compactMap { paragraph -> CalendarDate? in
            let words = paragraph.split(separator: " ").map(String.init)
            guard words.count > 4, words[0] == "On", let day = Int(words[1]), let month = months.firstIndex(of: words[2]),
                  let year = Int(words[3]) else { return nil }
            return CalendarDate(year: year, month: month + 1, day: day)
        } }
        #expect(dates(paragraphs) == dates(paragraphs).sorted() && dates(school) == dates(school).sorted())
        #expect(dates(paragraphs).count + dates(school).count >= 15)
    }

    /// The bundle's XML, checked against schema/bundle.rng, as its templates word it.
    static func xml(of bundle: EvidenceBundle, resources: AttendocResources = resources) throws -> String {
        let (xml, _) = try BundleRun(resources: resources).bundleXML(bundle)
        return String(decoding: xml, as: UTF8.self)
    }

    /// The text of every `<name>` element in `xml` that holds only text, with the template's
    /// escapes undone.
    static func elementTexts(_ name: String, in xml: String) -> [String] {
        xml.components(separatedBy: "<\(name)>").dropFirst().compactMap { $0.components(separatedBy: "</\(name)>").first }
            .map(unescaped)
    }

    static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The XML of the bundle's entry `id`.
    static func entryXML(_ id: String, in xml: String) -> String {
        xml.components(separatedBy: "<entry id=\"\(id)\"")[1].components(separatedBy: "</entry>")[0]
    }

    /// The cells of each table row of `xml`.
    static func rowCells(_ xml: String) -> [[String]] {
        xml.components(separatedBy: "<row>").dropFirst().map { row in
            row.components(separatedBy: "<cell>").dropFirst().map { unescaped($0.components(separatedBy: "</cell>")[0]) }
        }
    }

    /// The event column of the chronology (entry a2), row by row.
    static func chronologyEvents(_ xml: String) -> [String] {
        rowCells(entryXML("a2", in: xml)).map { $0[1] }
    }

    /// The bundle's XML (checked against schema/bundle.rng) for the county example with `old`
    /// replaced by `new`: no FOP needed.
    static func bundleXML(_ old: String, _ new: String, and more: (String, String)? = nil) throws -> String {
        let loaded = try ReadinessTests.variant([(old, new)] + (more.map { [$0] } ?? []))
        let (xml, _) = try BundleRun(resources: resources).bundleXML(try plan(loaded, draft: true))
        return String(decoding: xml, as: UTF8.self)
    }

    @Test func theFrontSheetNamesTheCourtTheHearingAndOnlyTheParentsProsecuted() throws {
        // The father taken out of the defendants: only the mother is named and charged.
        let father = "    - parent: father\n      basis: [natural_parent, parental_responsibility]\n      evidence: [evidence/school-contact-record-2026-09-01.txt]\n      reasons: >-\n        Mr O'Brien has parental responsibility and agreed to take on the morning school run; he\n        had a parenting contract of his own and was offered the mentor and Early Help support.\n"
        let xml = try Self.bundleXML(father, "",
                                     and: ("  court: Exeter Magistrates' Court\n", "  court: Exeter Magistrates' Court\n  hearing_on: 2027-02-15\n  hearing_time: \"10:00\"\n"))
        // (The template escapes an apostrophe as &#39;.)
        #expect(xml.contains("<court>Exeter Magistrates&#39; Court</court>"))
        #expect(xml.contains("<fact label=\"Hearing\">Monday 15 February 2027 at 10:00</fact>"))
        #expect(xml.components(separatedBy: "<defendant>").count == 2)
        #expect(xml.components(separatedBy: "<charge>").count == 2)
        #expect(xml.contains("<charge>Ms Zoë D&#39;Souza: between 25 November 2026"))
        // Section 127 Magistrates' Courts Act 1980: six months (the policy's information_laid)
        // from the earliest day charged.
        #expect(xml.contains("<fact label=\"Information to be laid by\">25 May 2027 (section 127 Magistrates' Courts Act 1980, counted from the earliest day charged)</fact>"), "\(xml)")
    }

    @Test func anApplicationForAnEducationSupervisionOrderHasNoCharge() throws {
        // The county case as an application: no warnings or invitation to an interview under
        // caution, which are only for a prosecution.
        var text = try String(contentsOf: Self.riverside, encoding: .utf8)
        for kind in ["first_warning_letter", "pace_interview_invitation", "final_warning_letter"] {
            text = text.replacingOccurrences(of: "  - kind: \(kind)\n    date: [0-9-]+\n    recipient: [a-z]+\n    method: post\n",
                                             with: "", options: .regularExpression)
        }
        text = text.replacingOccurrences(of: "  section: s444_1\n", with: "  section: education_supervision_order\n")
        let folder = try temporaryFolder("eso")
        defer { try? FileManager.default.removeItem(at: folder) }
        for item in ["registers", "evidence"] {
            // Copies, not links: evidence and registers must be inside the case's folder.
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("examples/\(item)"), to: folder.appendingPathComponent(item))
        }
        try Data(text.utf8).write(to: folder.appendingPathComponent("case.yaml"))
        let loaded = try LoadedCase.load(folder.appendingPathComponent("case.yaml"), resources: resources)
        #expect(!loaded.attendanceCase.lettersIssued.contains { $0.kind == .known(.finalWarningLetter) })
        let (data, _) = try BundleRun(resources: resources).bundleXML(try Self.plan(loaded, draft: true))
        let xml = String(decoding: data, as: UTF8.self)
        #expect(!xml.contains("<charge>"))
        #expect(xml.contains("Application for an Education Supervision Order under section 36 of the Children Act 1989"))
        #expect(xml.contains("<heading>The application</heading>"))
    }

    @Test func aLocalAuthorityRewordsTheStatementInItsPartialAndTheBundleSaysSo() throws {
        // A copy of the resources whose statement partial for a supportive measure says
        // "proposed" where Attendoc's says "offered".
        let root = try temporaryFolder("bundle-words")
        defer { try? FileManager.default.removeItem(at: root) }
        for folder in ["schema", "stylesheets", "fop", "data", "policies"] {
            try FileManager.default.createSymbolicLink(at: root.appendingPathComponent(folder),
                                                       withDestinationURL: repositoryRoot.appendingPathComponent(folder))
        }
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("templates"), to: root.appendingPathComponent("templates"))
        let partial = root.appendingPathComponent("templates/partials/bundle/statement/measure.mustache")
        let text = try String(contentsOf: partial, encoding: .utf8)
        let old = "{{offeredBy}} offered the family the following support"
        #expect(text.contains(old))
        try Data(text.replacingOccurrences(of: old, with: "{{offeredBy}} proposed to the family the following support").utf8).write(to: partial)

        let bundle = try Self.countyPlan()
        let standard = Self.elementTexts("paragraph", in: try Self.xml(of: bundle))
        let reworded = Self.elementTexts("paragraph", in: try Self.xml(of: bundle, resources: AttendocResources(root: root)))
        let measures = bundle.view.attendanceCase.supportiveMeasures.count
        #expect(standard.filter { $0.contains(" offered the family the following support: ") }.count == measures)
        #expect(reworded.filter { $0.contains(" proposed to the family the following support: ") }.count == measures)
        #expect(!reworded.contains { $0.contains(" offered the family the following support") })
        // Only those paragraphs change; the chronology, which has its own partial, does not.
        #expect(zip(standard, reworded).filter { $0 != $1 }.count == measures)
        #expect(Self.chronologyEvents(try Self.xml(of: bundle, resources: AttendocResources(root: root))) == Self.chronologyEvents(try Self.xml(of: bundle)))
    }

    @Test func aDefendantWhoIsNotAParentUnderSection576IsRefusedNamingTheField() throws {
        // The grandmother has no parental responsibility, is not a natural parent and has no care
        // of the child: not a parent, so she cannot be a defendant.
        #expect {
            _ = try ReadinessTests.variant("    - parent: father\n      basis: [natural_parent, parental_responsibility]\n", "    - parent: grandmother\n      basis: []\n")
        } throws: { error in
            "\(error)".contains("legal_route.defendants[1].parent: names parents[2], who is not recorded as a parent under section 576 Education Act 1996 (a natural parent, or someone with parental responsibility or care of the child)")
        }
        // A carer the child lives with is a parent (care of the child) and can be a defendant,
        // without parental responsibility.
        let carer = try ReadinessTests.variant([
            ("    relationship: grandmother\n    natural_parent: no\n    parental_responsibility: no\n    lives_with_pupil: no\n",
             "    relationship: grandmother\n    natural_parent: no\n    parental_responsibility: no\n    lives_with_pupil: yes\n"),
            ("    - parent: father\n      basis: [natural_parent, parental_responsibility]\n", "    - parent: grandmother\n      basis: [care_of_child]\n"),
        ])
        #expect(carer.attendanceCase.legalRoute?.defendantIDs == ["mother", "grandmother"])
        // A basis the parent's record does not show is refused.
        #expect {
            _ = try ReadinessTests.variant("      basis: [natural_parent, parental_responsibility]\n", "      basis: [care_of_child]\n")
        } throws: { error in
            "\(error)".contains("legal_route.defendants[1].basis: says parents[1] has care of the child, which their record under parents does not (natural_parent, parental_responsibility)")
        }
    }
}
