import AttendocCaseModel
import AttendocCasework
import AttendocDocuments
import AttendocValues
import Foundation

/// What goes into a case's evidence bundle, and where: the sections A to F, each entry with its
/// id, title, date and exhibit number, and what the entry holds. Made from the court view of the
/// case (`CourtView`), so nothing in it is private. `BundleFacts` turns it into the template's
/// values; `BundleRun` lays it out.
///
/// The sections (issue 6, and the prosecution file conventions in docs/evidence-bundle.md):
/// A summary and chronology; B schedule of supportive measures; C the officer's witness
/// statement; D the register certificate and the attendance figures for the period of the
/// offence; E the letters and notices sent and the minutes of meetings; F the exhibits the
/// officer supplies. Every entry of D, E and F has an exhibit number (`AB/1`, from the officer's
/// initials), numbered in bundle order.
public struct EvidenceBundle {
    public struct Section {
        public var letter: String
        public var entries: [Entry]
        /// The title, as `partials/bundle/section-title` words it: empty in a plan, until
        /// `BundleRun` has made the bundle's XML (`titled(from:)`).
        public var title: String = ""
    }

    public struct Entry {
        public var id: String
        /// What the entry is, as facts, for its title (`Title`).
        public var about: Title
        public var date: CalendarDate?
        public var exhibit: String?
        public var content: Content
        /// Where it comes from: a case file entry (`letters_issued[7]`) or a supplied file's path.
        public var source: String
        /// The kind of document Attendoc made for a `.document` entry (the statement tells a
        /// meeting's minutes from its parenting contract by it).
        public var documentKind: DocumentKind? = nil
        /// The title, as `partials/bundle/entry-title` words it: empty in a plan, until
        /// `BundleRun` has made the bundle's XML (`titled(from:)`).
        public var title: String = ""
        /// Whose statement produces it, for an exhibit (`Producers`); its exhibit number starts
        /// with that witness's initials.
        public var producer: Producer? = nil
        /// For a supplied PDF of which only some pages are relevant: those pages, in order.
        public var pageSelection: [Int]? = nil
    }

    public enum Content {
        case summary
        case chronology
        /// The decision records: the route considered at referral and the decision to proceed.
        case decisions
        /// The request for a parenting order on conviction, with the sentencing information
        /// (`ParentingOrderPapers`).
        case parentingOrderRequest
        /// Matters relevant to the defence and to sentence (`DefenceMatters`).
        case defenceMatters
        /// The schedule of non-sensitive unused material (`UnusedMaterialSchedule`).
        case unusedMaterial
        /// The notice of the right to object to the section 9 statements (s9(2)(d) CJA 1967).
        case objectionNotice
        case measures
        case figures
        /// A witness statement drafted from the case: the officer's, or the school witness's.
        case statement(Producer)
        /// A document Attendoc makes (letter, minutes, register certificate), as document XML.
        case document(Data)
        case suppliedPDF(URL, pages: Int)
        case suppliedImage(URL)
        case suppliedText(URL, text: String)
    }

    /// A file the officer supplies, and every case entry that cites it.
    public struct SuppliedFile {
        public var file: FileReference
        public var citedBy: [String]
        public var entryID: String
    }

    public var view: LoadedCase
    public var leftOut: [CourtView.LeftOut]
    public var gaps: [ProsecutionReadiness.Gap]
    public var isDraft: Bool
    public var asOf: CalendarDate
    public var route: LegalRoute
    public var offenceFrom: CalendarDate
    public var offenceTo: CalendarDate
    public var defendants: [ParentOrCarer]
    public var sections: [Section]
    /// Entry ids of documents made from a case entry (`letters_issued[3]`, `meetings[1]`), and of
    /// the register certificate (`register`).
    public var entriesFor: [String: [String]]
    /// Entry ids of the supplied files each case entry cites.
    public var exhibitsFor: [String: [String]]
    /// The casework record's copies of the case's documents (attendoc issue); nil when the bundle
    /// is made without a workspace.
    public var record: [RecordedCopy]? = nil
    /// Who produces what: the one rule the exhibit numbers and the statements share.
    public var producers: Producers

    public var entries: [Entry] { sections.flatMap(\.entries) }

    /// Whether the statement and the certificate are the signed copies: only then is the bundle
    /// "final"; otherwise every page says `unsignedMark`.
    public var isSigned: Bool { route.isSigned }
    public static let unsignedMark = "UNSIGNED \u{2013} NOT FOR SERVICE"
    /// What the manifest and the command line call the bundle: `draft`, `unsigned` or `final`.
    public var status: String { isDraft ? "draft" : isSigned ? "final" : "unsigned" }

    public func entry(_ id: String) -> Entry? { entries.first { $0.id == id } }

    /// Titles a name may begin with, which its initials leave out.
    static let titles: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "dr", "prof"]

    /// The initials exhibit numbers start with: a witness's (`Alex Brennan` → `AB`, `Ms Laura
    /// Hughes` → `LH`), a title left out.
    public static func exhibitPrefix(for officer: String) -> String {
        let words = officer.split(separator: " ").filter { $0.first?.isLetter == true }
            .filter { !titles.contains($0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))) }
        let initials = [words.first, words.count > 1 ? words.last : nil].compactMap { $0?.first.map { String($0).uppercased() } }
        return initials.isEmpty ? "EX" : initials.joined()
    }

    /// Plans the bundle of `loaded` as of `asOf`. `gaps` are what `ProsecutionReadiness` found
    /// missing (printed on a draft's front sheet); `documents` makes the copies of one kind of
    /// document from the court view (LetterRun.letters); `pageCount` counts a supplied PDF's pages.
    /// With `record` (the workspace's copies of the case's documents), section E exhibits each
    /// letter as the archive holds it; a letter with no archived copy is left out, or in a draft
    /// included marked as a reconstruction on every page.
    public static func plan(
        _ loaded: LoadedCase, asOf: CalendarDate, isDraft: Bool, gaps: [ProsecutionReadiness.Gap],
        documents: (DocumentKind, LoadedCase, CalendarDate, LetterOptions) throws(AttendocError) -> [LetterRun.Letter],
        pageCount: (URL) throws(AttendocError) -> Int, record: [RecordedCopy]? = nil,
        unusedMaterialApart: Bool = false
    ) throws(AttendocError) -> EvidenceBundle {
        let original = loaded.attendanceCase
        guard let route = original.legalRoute else {
            throw AttendocError(.evidence, "the case \(original.reference) has no legal_route; the bundle names the offence or the application, so add legal_route with its section (docs/case-file.md)")
        }
        guard loaded.pupilRegister != nil else {
            throw AttendocError(.evidence, "the case \(original.reference) has no register; the bundle's certificate and figures come from it, so add register: to the case file")
        }
        let courtView = CourtView(of: original)
        let view = LoadedCase(attendanceCase: courtView.attendanceCase, policy: loaded.policy, pupilRegister: loaded.pupilRegister)
        let withResponsibility = Recipient.parents(in: original).map(\.person)
        let defendants = route.defendantIDs.isEmpty
            ? withResponsibility
            : route.defendantIDs.compactMap { original.parentOrCarer(id: $0) }
        guard let (offenceFrom, offenceTo) = ChargePeriod.of(loaded, asOf: asOf, sent: record.map { $0.compactMap(\.sentLetter) }) else {
            throw AttendocError(.evidence, "the case \(original.reference) has no legal_route")
        }
        if offenceTo < offenceFrom {
            throw AttendocError(.evidence, "the period of the offence would run from \(offenceFrom.longForm) to \(offenceTo.longForm), backwards; set legal_route.offence_period (from, to) or check the bundle's --as-of date")
        }

        var entriesFor: [String: [String]] = [:]
        var counter: [String: Int] = [:]
        func nextID(_ letter: String) -> String {
            counter[letter, default: 0] += 1
            return "\(letter.lowercased())\(counter[letter]!)"
        }

        // A: summary and chronology. B: the schedule. C: the statement.
        var sectionA = Section(letter: "A", entries: [
            Entry(id: nextID("A"), about: .summary, date: asOf, content: .summary, source: "legal_route"),
            Entry(id: nextID("A"), about: .chronology, content: .chronology, source: "the whole case"),
            Entry(id: nextID("A"), about: .decisions, date: route.decision?.on ?? route.decidedOn, content: .decisions, source: "legal_route"),
            Entry(id: nextID("A"), about: .defenceMatters, date: asOf, content: .defenceMatters,
                  source: "pupil.priority_cohorts, the register, meetings, supportive_measures"),
        ])
        // The unused material schedule: in section A, or (as the court's platform files it,
        // apart from the initial details of the prosecution case) a document of its own.
        if !unusedMaterialApart {
            sectionA.entries.append(Entry(id: nextID("A"), about: .unusedMaterial, date: asOf, content: .unusedMaterial, source: "unused_material"))
        }
        let sectionB = Section(letter: "B", entries: [
            Entry(id: nextID("B"), about: .measures, content: .measures, source: "supportive_measures"),
        ])
        // The statement: the officer's signed copy when supplied, else the draft to sign; with it,
        // the notice of the right to object to it (s9(2)(d) CJA 1967).
        // With a school witness, their statement follows the officer's (signed, or the draft).
        let producers = Producers(original)
        var sectionC = Section(letter: "C", entries: [])
        var witnesses: [(Producer, LegalRoute.Witness, FileReference?, String)] = [
            (.officer, LegalRoute.Witness(name: original.officer.name, role: original.officer.role), route.signedStatement, "legal_route.signed_statement"),
        ]
        if let school = route.schoolWitness {
            witnesses.append((.school, school, route.signedSchoolStatement, "legal_route.signed_school_statement"))
        }
        for (producer, witness, signed, field) in witnesses {
            let content: Content = try signed.map { (file) throws(AttendocError) in try suppliedContent(file, citedBy: field, pageCount: pageCount) }
                ?? .statement(producer)
            sectionC.entries.append(Entry(id: nextID("C"), about: .statement(officer: witness.name, role: witness.role), date: asOf,
                                          content: content, source: signed?.path ?? (producer == .officer ? "officer" : "legal_route.school_witness")))
        }
        sectionC.entries.append(Entry(id: nextID("C"), about: .objectionNotice, date: asOf, content: .objectionNotice,
                                      source: "section 9(2)(d) Criminal Justice Act 1967"))

        // D: the register certificate as of the bundle's date, and the figures.
        var sectionD = Section(letter: "D", entries: [])
        let certificate = try documents(.registerCertificate, view, asOf, LetterOptions())
        guard let certificateCopy = certificate.first(where: { $0.recipient == nil }) ?? certificate.first else {
            throw AttendocError(.evidence, "the register certificate for the bundle could not be made")
        }
        let certificateID = nextID("D")
        if let signed = route.signedCertificate {
            // The head teacher's signed certificate, as supplied, in place of the one to sign.
            sectionD.entries.append(Entry(id: certificateID, about: .registerCertificate, date: asOf,
                                          content: try suppliedContent(signed, citedBy: "legal_route.signed_certificate", pageCount: pageCount),
                                          source: signed.path, documentKind: .registerCertificate, producer: producers.ofDocument(.registerCertificate)))
        } else {
            sectionD.entries.append(Entry(id: certificateID, about: .registerCertificate, date: asOf,
                                          content: .document(certificateCopy.xml), source: "register", documentKind: .registerCertificate,
                                          producer: producers.ofDocument(.registerCertificate)))
        }
        entriesFor["register", default: []].append(certificateID)
        sectionD.entries.append(Entry(id: nextID("D"), about: .figures, date: asOf,
                                      content: .figures, source: "register"))

        // E: each document of the case's history, as each parent with parental responsibility
        // received it (records: the agency copy), from the court view.
        var sectionE = Section(letter: "E", entries: [])
        let parentPaths = Set(withResponsibility.map(\.casePath))
        /// A copy the record holds, to a parent with parental responsibility, that the case's
        /// history does not plan: exhibited as sent.
        @discardableResult
        func addArchived(_ copy: RecordedCopy) throws(AttendocError) -> String? {
            guard parentPaths.contains(copy.recipientPath), let kind = DocumentKind(rawValue: copy.kind), let pdf = copy.pdf else { return nil }
            let person = original.parentsAndCarers.first { $0.casePath == copy.recipientPath }
            let id = nextID("E")
            sectionE.entries.append(Entry(id: id, about: .sentCopy(kind: kind, meeting: nil, to: person?.fullName, copy: copy), date: copy.sentOn,
                                          content: .suppliedPDF(pdf, pages: try pageCount(pdf)), source: archivePath(pdf),
                                          documentKind: kind, producer: producers.ofRecordedCopy(copy)))
            entriesFor["record:\(copy.kind):\(copy.recipientPath):\(copy.sentOn.iso)", default: []].append(id)
            return id
        }
        var leftOut = courtView.leftOut
        var usedCopies: Set<Int> = []
        /// Each parent's copy of a meeting's minutes, by the meeting's and the parent's places.
        var minutesCopies: [String: String] = [:]
        let plannedDocuments = CaseHistory.documents(in: view.attendanceCase)
        let archived = (record ?? []).enumerated().filter { $0.element.pdf != nil && $0.element.sentOn <= asOf }
        for planned in plannedDocuments {
            // Copies the record holds that no planned document stands for come first, by date.
            for (index, copy) in archived where !usedCopies.contains(index) && copy.sentOn < planned.date
                && !plannedDocuments.contains(where: { $0.kind.rawValue == copy.kind && $0.date == copy.sentOn }) {
                usedCopies.insert(index)
                try addArchived(copy)
            }
            if planned.kind == .registerCertificate {
                // A certificate sent to the parents (with the invitation to interview, seed 004)
                // is exhibited only as the archived copy that was sent, never made again.
                let proofs = try RegisterCertificateSent.exhibit(planned, archived: archived, in: original, used: &usedCopies,
                                                                 leftOut: &leftOut, add: addArchived)
                for proof in proofs { entriesFor[proof.letter, default: []].append(proof.entry) }
                continue
            }
            let copies: [LetterRun.Letter]
            do {
                copies = try documents(planned.kind, view, planned.date, LetterOptions(meeting: planned.meeting))
            } catch {
                throw AttendocError(while: "the \(planned.kind.title.lowercased()) of \(planned.date.longForm), which \(planned.calledForBy) calls for", error)
            }
            let meeting = planned.meeting.flatMap { path in view.attendanceCase.meetings.first { $0.casePath == path } }
            let chosen = bundleCopies(of: planned, from: copies, meeting: meeting, parents: parentPaths, in: original)
            for copy in chosen {
                var about = Title.document(kind: planned.kind, meeting: meeting?.kind.description, to: copy.recipient?.person.fullName)
                var content = Content.document(copy.xml)
                var source = planned.calledForBy
                var producer = planned.meeting != nil ? meeting.map(producers.ofMeeting) ?? producers.ofDocument(planned.kind)
                    : producers.ofDocument(planned.kind)
                if record != nil, let recipient = copy.recipient {
                    // A meeting's minutes were sent after it: the parent's copy sent before the
                    // next meeting was minuted.
                    let sentWithin: (CalendarDate) -> Bool = { day in
                        guard planned.kind == .meetingMinutes, let meeting else { return day == planned.date }
                        let next = original.meetings.filter { $0.date > meeting.date && CaseHistory.hasBeenMinuted($0) }.map(\.date).min()
                        return day >= meeting.date && next.map { day < $0 } ?? true
                    }
                    if let (index, sent) = archived.first(where: { $0.element.kind == planned.kind.rawValue
                        && $0.element.recipientPath == recipient.person.casePath && sentWithin($0.element.sentOn) }) {
                        // The copy exactly as sent, from the archive.
                        usedCopies.insert(index)
                        producer = producers.ofRecordedCopy(sent)
                        about = .sentCopy(kind: planned.kind, meeting: meeting?.kind.description, to: recipient.person.fullName, copy: sent)
                        content = .suppliedPDF(sent.pdf!, pages: try pageCount(sent.pdf!))
                        source = "\(archivePath(sent.pdf!)), \(planned.calledForBy)"
                    } else if planned.kind == .recordOfInterview {
                        // A record the interviewing officer made, not a letter sent: exhibited as
                        // made from the interview's record, without an archived copy.
                    } else if isDraft {
                        about = .reconstruction(kind: planned.kind, meeting: meeting?.kind.description, to: recipient.person.fullName)
                    } else {
                        leftOut.append(CourtView.LeftOut(place: planned.calledForBy,
                            why: "the workspace holds no archived copy of the \(planned.kind.rawValue) sent to \(recipient.person.casePath) on \(planned.date.iso), so it is not exhibited (a --draft bundle includes it, marked as a reconstruction)"))
                        continue
                    }
                }
                let id = nextID("E")
                sectionE.entries.append(Entry(id: id, about: about, date: planned.date, content: content, source: source,
                                              documentKind: planned.kind, producer: producer))
                if planned.kind == .meetingMinutes, let meeting, let recipient = copy.recipient {
                    minutesCopies["\(meeting.casePath) \(recipient.person.casePath)"] = id
                }
                // The letters_issued entries this copy proves: the same kind and date, to this
                // recipient. A record made from a meeting proves the meeting.
                var proves = false
                for letter in original.lettersIssued where letter.date == planned.date
                    && CaseHistory.documentKind(forIssued: letter) == planned.kind
                    && (copy.recipient == nil || letter.recipientPath == copy.recipient?.person.casePath) {
                    entriesFor[letter.casePath, default: []].append(id)
                    proves = true
                }
                if !proves {
                    entriesFor[planned.calledForBy, default: []].append(id)
                }
            }
        }
        for (index, copy) in archived where !usedCopies.contains(index) {
            try addArchived(copy)
        }


        // A parent's copy of minutes is proved by that parent's copy of the minutes of the last
        // meeting before it was sent.
        for letter in original.lettersIssued where letter.kind == .known(.minutesParentCopy) {
            if let meeting = minutedMeeting(copiedBy: letter, in: original),
               let minutes = minutesCopies["\(meeting.casePath) \(letter.recipientPath)"] {
                entriesFor[letter.casePath, default: []].append(minutes)
            }
        }

        // F: every file the case cites as evidence, in the order of the events that cite it.
        var citations: [(date: CalendarDate, order: Int, casePath: String, about: (String) -> Title, file: FileReference, producer: Producer)] = []
        for measure in original.supportiveMeasures {
            for file in measure.evidence {
                citations.append((measure.offeredOn, citations.count, measure.casePath, { .evidenceOfOffer(what: measure.what, file: $0) }, file,
                                  producers.ofMeasure(measure)))
            }
        }
        for letter in original.lettersIssued {
            for file in letter.evidence {
                citations.append((letter.date, citations.count, letter.casePath, { .copyOfLetter(kind: "\(letter.kind)", date: letter.date, file: $0) }, file,
                                  producers.ofIssuedLetter(letter)))
            }
        }
        for referral in original.referrals where referral.service != .safeguarding {
            for file in referral.evidence {
                citations.append((referral.date, citations.count, referral.casePath, { .referral(to: referral.to, date: referral.date, file: $0) }, file,
                                  producers.ofReferral(referral)))
            }
        }
        // Each defendant's evidence of being a parent (s576), with the decision to prosecute.
        for defendant in route.defendants {
            guard let person = original.parentOrCarer(id: defendant.parentID) else { continue }
            for file in defendant.evidence {
                citations.append((route.decision?.on ?? route.decidedOn, citations.count, defendant.casePath,
                                  { .evidenceOfParent(name: person.fullName, file: $0) }, file, .officer))
            }
        }
        citations.sort { ($0.date, $0.order) < ($1.date, $1.order) }
        // A third party's record with no lawful basis or consent recorded is not exhibited.
        let withoutBasis = ThirdPartyRecords.withoutBasis(in: original)
        for use in withoutBasis {
            leftOut.append(CourtView.LeftOut(place: use.place,
                why: "not exhibited: a third party's record (\(use.holder)) with no lawful basis or consent recorded for using it (docs/case-file.md, evidence)"))
        }
        citations.removeAll { citation in withoutBasis.contains { $0.citedBy == citation.casePath && $0.file == citation.file } }
        var sectionF = Section(letter: "F", entries: [])
        var exhibitsFor: [String: [String]] = [:]
        var fileEntries: [URL: String] = [:]
        for citation in citations {
            let url = citation.file.url.standardizedFileURL
            if let existing = fileEntries[url] {
                if !(exhibitsFor[citation.casePath] ?? []).contains(existing) { exhibitsFor[citation.casePath, default: []].append(existing) }
                continue
            }
            let id = nextID("F")
            fileEntries[url] = id
            exhibitsFor[citation.casePath, default: []].append(id)
            var content = try suppliedContent(citation.file, citedBy: citation.casePath, pageCount: pageCount)
            // Only the relevant pages, when the record says which.
            if case .suppliedPDF(let pdf, let pages) = content, !citation.file.pages.isEmpty {
                if let beyond = citation.file.pages.first(where: { $0 > pages }) {
                    throw AttendocError(.evidence, "\(citation.casePath).evidence: \(citation.file.path) has \(pages) page\(pages == 1 ? "" : "s"), so it has no page \(beyond); correct its pages:")
                }
                content = .suppliedPDF(pdf, pages: citation.file.pages.count)
            }
            var entry = Entry(id: id, about: citation.about(url.lastPathComponent), date: citation.date,
                              content: content, source: citation.file.path, producer: citation.producer)
            entry.pageSelection = citation.file.pages.isEmpty ? nil : citation.file.pages
            sectionF.entries.append(entry)
        }

        // Exhibit numbers: D, E and F in bundle order, each producer's from their own initials
        // and numbered separately (the officer's AB/1, AB/2 ...; the school witness's LH/1 ...).
        var numbers: [Producer: Int] = [:]
        var sections = [sectionA, sectionB, sectionC, sectionD, sectionE, sectionF].filter { !$0.entries.isEmpty }
        for s in sections.indices where ["D", "E", "F"].contains(sections[s].letter) {
            for e in sections[s].entries.indices where sections[s].entries[e].content.isExhibit {
                let producer = sections[s].entries[e].producer ?? .officer
                sections[s].entries[e].producer = producer
                numbers[producer, default: 0] += 1
                sections[s].entries[e].exhibit = "\(producers.prefix(producer, officer: original.officer.name))/\(numbers[producer]!)"
            }
        }
        return EvidenceBundle(
            view: view, leftOut: leftOut, gaps: gaps, isDraft: isDraft, asOf: asOf, route: route,
            offenceFrom: offenceFrom, offenceTo: offenceTo, defendants: defendants, sections: sections,
            entriesFor: entriesFor, exhibitsFor: exhibitsFor, record: record, producers: producers)
            .papers(for: route.section)
    }

    /// An archived file as the manifest names it: `archive/<issue id>/<file>`.
    static func archivePath(_ url: URL) -> String {
        "archive/\(url.deletingLastPathComponent().lastPathComponent)/\(url.lastPathComponent)"
    }

    /// The meeting whose minutes a parent's copy sent (`minutes_parent_copy`) copies: the last
    /// meeting minuted on or before the day it was sent.
    static func minutedMeeting(copiedBy letter: IssuedLetter, in original: AttendanceCase) -> Meeting? {
        original.meetings.filter { $0.date <= letter.date && CaseHistory.hasBeenMinuted($0) }.max { $0.date < $1.date }
    }

    /// The copies of a planned document the bundle holds, as served: never an agency copy (it
    /// is not what the family was sent). Each copy to a parent with parental responsibility that
    /// the case records as sent (a letter; for minutes, each parent's copy `minutes_parent_copy`
    /// records); otherwise, for a record made at a meeting (minutes, a parenting contract), each
    /// such parent who was at the meeting (all of them, if none was).
    static func bundleCopies(of planned: CaseHistory.PlannedDocument, from copies: [LetterRun.Letter], meeting: Meeting?,
                             parents: Set<String>, in original: AttendanceCase) -> [LetterRun.Letter] {
        // (The head teacher's copy of a letter to a confidential address was not sent to a parent.)
        let toParents = copies.filter { !$0.isHeadTeachersCopy && ($0.recipient.map { parents.contains($0.person.casePath) } ?? false) }
        if planned.kind == .meetingMinutes, let meeting {
            let sent = original.lettersIssued.filter { $0.kind == .known(.minutesParentCopy)
                && minutedMeeting(copiedBy: $0, in: original)?.casePath == meeting.casePath }
            if !sent.isEmpty {
                return toParents.filter { copy in sent.contains { $0.recipientPath == copy.recipient?.person.casePath } }
            }
        }
        let sent = original.lettersIssued.filter { $0.date == planned.date && CaseHistory.documentKind(forIssued: $0) == planned.kind }
        if !sent.isEmpty {
            return toParents.filter { copy in sent.contains { $0.recipientPath == copy.recipient?.person.casePath } }
        }
        if let meeting {
            let present = toParents.filter { copy in
                guard let person = copy.recipient?.person else { return false }
                return meeting.attendees.contains { $0.name == "\(person.forename) \(person.surname)" || $0.name == person.fullName }
            }
            return present.isEmpty ? toParents : present
        }
        return toParents
    }

    /// What a supplied file becomes, by its kind: a PDF's pages, an image on a page of its own,
    /// or a text file's lines.
    static func suppliedContent(_ file: FileReference, citedBy casePath: String,
                                pageCount: (URL) throws(AttendocError) -> Int) throws(AttendocError) -> Content {
        let url = file.url
        // The case file was read a while ago: the file must still be one the bundle may take.
        if let problem = file.problem {
            throw AttendocError(.evidence, "\(casePath).evidence: \(problem)")
        }
        switch url.pathExtension.lowercased() {
        case "pdf":
            return .suppliedPDF(url, pages: try pageCount(url))
        case "png", "jpg", "jpeg":
            // FOP only logs an image it cannot read and lays out an empty page, so look first.
            guard let handle = FileHandle(forReadingAtPath: url.path) else {
                throw AttendocError(.evidence, "\(casePath).evidence: \(file.path) cannot be read")
            }
            let start = [UInt8](handle.readData(ofLength: 8))
            try? handle.close()
            let isPNG = start.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            let isJPEG = start.starts(with: [0xFF, 0xD8, 0xFF])
            guard url.pathExtension.lowercased() == "png" ? isPNG : isJPEG else {
                throw AttendocError(.evidence, "\(casePath).evidence: \(file.path) is not a \(url.pathExtension.lowercased() == "png" ? "PNG" : "JPEG") image (its first bytes are not an image's); save the scan again, or as PDF")
            }
            return .suppliedImage(url)
        case "txt", "text":
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw AttendocError(.evidence, "\(casePath).evidence: \(file.path) cannot be read")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw AttendocError(.evidence, "\(casePath).evidence: \(file.path) is not UTF-8 text; save it as UTF-8, or as PDF")
            }
            return .suppliedText(url, text: text)
        default:
            throw AttendocError(.evidence, "\(casePath).evidence: \(file.path) is a .\(url.pathExtension) file; the bundle takes PDF, PNG, JPEG or plain text (.txt) exhibits, so save it as PDF")
        }
    }
}

extension EvidenceBundle.Content {
    /// Documents and supplied files are exhibits; the bundle's own summary, schedule, statement
    /// and figures are not.
    var isExhibit: Bool {
        switch self {
        case .document, .suppliedPDF, .suppliedImage, .suppliedText: true
        case .summary, .chronology, .decisions, .parentingOrderRequest, .defenceMatters, .unusedMaterial, .objectionNotice, .measures, .figures, .statement: false
        }
    }
}

extension CaseHistory {
    /// The document kind that renders a letters_issued entry, where Attendoc has one.
    public static func documentKind(forIssued letter: IssuedLetter) -> DocumentKind? {
        guard case .known(let known) = letter.kind else { return nil }
        return documentKind(for: known)
    }
}
