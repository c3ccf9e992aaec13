import AttendocCaseModel
import AttendocCasework
import AttendocDocuments
import AttendocEngine
import AttendocPolicy
import AttendocPrograms
import AttendocRegister
import AttendocRendering
import AttendocValues
import AttendocWorkspace
import Foundation

/// `attendoc batch`: a school's whole register export in, the letters it calls for out and into the
/// record (docs/batch.md). For each pupil of the export: the figures from the export, and, under the
/// policy of the pupil's case (or the one the office names), whether an attendance concern letter is
/// due: the pupil's absence has reached the policy's persistent-absence share and the record holds
/// no concern letter for the pupil since the figures' first day. A pupil with no case in the
/// workspace is listed as needing one. Each pupil's letter is issued as one unit; a pupil whose
/// letter cannot be made is reported with the reason and skipped, and the others are done.
public struct SchoolBatch {
    /// The document a batch issues: the school's concern letter (seed 004: under 90 %, "contact
    /// parents by phone, letter").
    public static let kind = DocumentKind.attendanceConcernLetter

    /// One pupil of the export and what the batch does for them.
    public struct Entry: Sendable {
        public var upn: String
        /// The pupil's case in the workspace, by reference; nil when there is none.
        public var reference: String?
        /// The figures from the export, when a policy judged them.
        public var figures: PupilFigures?
        public var decision: Decision
        /// Who would receive the letter, by case-file place (`parents[1]`), never by name.
        public var recipients: [String] = []
        /// For a pupil who needs a case: why the export's contacts cannot make one (`CaseFromContacts`);
        /// nil when they can (or the pupil needs none).
        public var contactsCannotMakeCase: String?
        /// The pupil's case was made by this run from the export's contacts.
        public var caseMadeFromContacts = false
    }

    public enum Decision: Sendable, Equatable {
        /// The letter is due.
        case due
        /// Under the threshold: nothing to send.
        case notDue
        /// The record already holds the letter, sent on that day.
        case alreadySent(on: String)
        /// Due by the figures, but the pupil has no case in the workspace to write it from.
        case needsCase
        /// No policy to judge the pupil's figures by (no case, and no `--policy`).
        case notJudged
        /// Left out by `--only` or `--skip`.
        case leftOut
        /// Due, but the case this run was to make from the export's contacts could not be made: why.
        case caseNotMade(String)
        /// The pupil's case file cannot be read now: why (by file and line, never its text).
        case caseCannotBeRead(String)
        /// The pupil's rows in the export cannot be read (an unknown mark): why, by line and column.
        case badRegisterRows(String)
    }

    /// What happened to one pupil in a run.
    public struct Outcome: Sendable {
        public var entry: Entry
        public var issued: [IssuedDocument] = []
        /// The issued copies' document XML, in the same order, for the print run.
        public var documents: [RenderableDocument] = []
        /// Why the pupil's due letter was not issued; nil when it was, or none was due.
        public var skippedBecause: String?
    }

    public let workspace: Workspace
    public let resources: AttendocResources

    public init(workspace: Workspace, resources: AttendocResources) {
        self.workspace = workspace
        self.resources = resources
    }

    /// The list for the office to check: every pupil of `register`, in the export's order.
    /// `school` keeps to the cases of that URN; `only` and `skip` are UPNs; `policy` judges the
    /// pupils who have no case.
    /// `refused`: pupils of the export whose rows could not be read, listed (by UPN, in UPN order,
    /// after the others) as skipped with the reason.
    public func plan(_ register: Register, refused: [String: AttendocError] = [:], asOf date: CalendarDate, school: String?,
                     only: Set<String>?, skip: Set<String>, policy fallback: Policy?) throws(AttendocError) -> [Entry] {
        let cases = try fromRecord { () throws(WorkspaceError) in try workspace.recordedCases() }
            .filter { school == nil || $0.schoolURN == school }
        var caseByUPN: [String: RecordedCase] = [:]
        for recorded in cases {
            guard let upn = recorded.upn else { continue }
            if let other = caseByUPN[upn] {
                throw AttendocError(.document, "the workspace holds two cases for pupil \(upn), \(other.reference) and \(recorded.reference); a batch cannot tell which one writes to the family: give --school, or close one")
            }
            caseByUPN[upn] = recorded
        }
        // Each case of a pupil in the export, read once; a case that cannot be read is reported
        // for its pupil when the run reaches it.
        var loadedByUPN: [String: LoadedCase] = [:]
        var unreadable: [String: String] = [:]
        for pupil in register.pupils {
            guard let recorded = caseByUPN[pupil.upn] else { continue }
            do {
                var found = try LoadedCase.load(URL(fileURLWithPath: recorded.sourcePath), resources: resources)
                found.pupilRegister = pupil
                loadedByUPN[pupil.upn] = found
            } catch {
                unreadable[pupil.upn] = String(describing: error)
            }
        }
        // Pupils with no case are judged by the policy given, else by the one policy the school's cases share.
        let shared = Dictionary(grouping: loadedByUPN.values.compactMap(\.policy), by: \.identifier)
        let forPupilsWithoutCase = fallback ?? (shared.count == 1 ? shared.first?.value.first : nil)
        var entries: [Entry] = []
        for pupil in register.pupils {
            var entry = Entry(upn: pupil.upn, reference: caseByUPN[pupil.upn]?.reference, figures: nil, decision: .notJudged)
            if skip.contains(pupil.upn) || only.map({ !$0.contains(pupil.upn) }) ?? false {
                entry.decision = .leftOut
                entries.append(entry)
                continue
            }
            let loaded = loadedByUPN[pupil.upn]
            if let problem = unreadable[pupil.upn] {
                entry.decision = .caseCannotBeRead(problem)
                entries.append(entry)
                continue
            }
            let policy = loaded?.policy ?? forPupilsWithoutCase
            guard let policy else { entries.append(entry); continue }
            let figures = AttendanceEngine(policy: policy).figures(for: pupil, asOf: date)
            entry.figures = figures
            guard figures.isPersistentlyAbsent else { entry.decision = .notDue; entries.append(entry); continue }
            guard let recorded = caseByUPN[pupil.upn], let loaded else {
                entry.decision = .needsCase
                entry.contactsCannotMakeCase = CaseFromContacts.problem(for: pupil)
                entries.append(entry)
                continue
            }
            let sent = try fromRecord { () throws(WorkspaceError) in try workspace.issuedDocuments(for: recorded.reference) }
                .filter { $0.kind == Self.kind.rawValue && $0.sentOn >= figures.from.iso && $0.sentOn <= date.iso }
                .map(\.sentOn).sorted()
            if let last = sent.last {
                entry.decision = .alreadySent(on: last)
            } else {
                entry.decision = .due
                entry.recipients = Recipient.recipients(in: loaded.attendanceCase, settings: loaded.policy?.letters ?? LetterSettings())
                    .map(\.person.casePath)
            }
            entries.append(entry)
        }
        for (upn, problem) in refused.sorted(by: { $0.key < $1.key }) where !skip.contains(upn) && (only?.contains(upn) ?? true) {
            entries.append(Entry(upn: upn, reference: caseByUPN[upn]?.reference, figures: nil, decision: .badRegisterRows(String(describing: problem))))
        }
        return entries
    }

    /// For each pupil of `entries` who needs a case and whose record in the export can make one
    /// (`CaseFromContacts`): a case file written into `folder` as `<UPN>.yaml` (never over a file
    /// already there), added to the workspace, and the pupil's letter then due, under a reference
    /// made from another case of the school's (its last part replaced by the UPN). The local
    /// authority, school, officer and policy come from that case. A pupil whose case cannot be
    /// made is given the reason (and skipped by `run`). The other entries are as they were.
    public func makeCases(_ entries: [Entry], register: Register, in folder: URL, school: String?, by person: String) -> [Entry] {
        var result = entries
        let needing = entries.indices.filter { entries[$0].decision == .needsCase && entries[$0].contactsCannotMakeCase == nil }
        guard !needing.isEmpty else { return result }
        let template: (reference: String, yaml: String)?
        do {
            let cases = try fromRecord { () throws(WorkspaceError) in try workspace.recordedCases() }
                .filter { school == nil || $0.schoolURN == school }
            template = cases.lazy.compactMap { recorded in
                (try? String(contentsOfFile: recorded.sourcePath, encoding: .utf8)).map { (recorded.reference, $0) }
            }.first
        } catch {
            for index in needing { result[index].decision = .caseNotMade(String(describing: error)) }
            return result
        }
        guard let template else {
            for index in needing {
                result[index].decision = .caseNotMade("the workspace holds no case of the school to take the local authority, school, officer and policy from; add one with attendoc case add")
            }
            return result
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            for index in needing { result[index].decision = .caseNotMade("\(folder.path): cannot be made to hold the new case files") }
            return result
        }
        let prefix = template.reference.contains("/") ? String(template.reference[...template.reference.lastIndex(of: "/")!]) : template.reference + "-"
        for index in needing {
            let upn = entries[index].upn
            guard let pupil = register.pupil(upn: upn) else { continue }
            let file = folder.appendingPathComponent("\(upn).yaml")
            guard !FileManager.default.fileExists(atPath: file.path) else {
                result[index].decision = .caseNotMade("\(file.path) is already there and is not in the workspace; add it with attendoc case add, or move it")
                continue
            }
            let yaml = CaseFromContacts.yaml(for: pupil, reference: prefix + upn, schoolCase: template.yaml)
            do {
                try Data(yaml.utf8).write(to: file, options: .withoutOverwriting)
                let intake = try CaseIntake.add(file, to: workspace, resources: resources, by: person, change: "made by attendoc batch from the register export's contacts")
                result[index].reference = intake.reference
                result[index].decision = .due
                result[index].caseMadeFromContacts = true
                result[index].recipients = Recipient.recipients(in: intake.loaded.attendanceCase, settings: intake.loaded.policy?.letters ?? LetterSettings())
                    .map(\.person.casePath)
            } catch {
                try? FileManager.default.removeItem(at: file)
                result[index].decision = .caseNotMade(String(describing: error))
            }
        }
        return result
    }

    /// How many pupils' letters are rendered together: their PDFs in FOP runs of their own (two
    /// at once, in the warm FOP workers), their other formats on both cores; then each pupil's
    /// copies are split, recorded and let go before the next group is made. The files of one such
    /// group are all the run holds at once, so its memory does not grow with the size of the
    /// school. Few enough that a group's files are a few megabytes (a PDF is about 480 KB); enough
    /// to keep both cores busy. With the warm workers a small FOP run costs no JVM start.
    public static let pupilsRenderedTogether = 8

    /// Issues each due letter of `entries` into the record, each pupil's copies as one unit, in
    /// list order: the letters of `pupilsRenderedTogether` pupils at a time are made, rendered
    /// together, then issued one pupil after another. A pupil whose letter fails is reported and
    /// skipped. `progress` is told after each pupil. `keepDocuments`: keep each issued copy's
    /// document XML in its outcome (for the print run).
    public func run(_ entries: [Entry], register: Register, method: ServiceMethod, date: CalendarDate, by person: String,
                    formats: [OutputFormat], fop: PDFTypesetter?, keepDocuments: Bool = true,
                    progress: (_ done: Int, _ of: Int) -> Void = { _, _ in }) -> [Outcome] {
        let issue = DocumentIssue(workspace: workspace, resources: resources)
        var outcomes = entries.map { entry in
            var outcome = Outcome(entry: entry)
            if case .caseCannotBeRead(let problem) = entry.decision { outcome.skippedBecause = problem }
            if case .badRegisterRows(let problem) = entry.decision { outcome.skippedBecause = problem }
            if case .caseNotMade(let problem) = entry.decision { outcome.skippedBecause = problem }
            return outcome
        }
        let due = entries.indices.filter { entries[$0].decision == .due }
        let writer: DocumentWriter
        do {
            writer = try DocumentWriter(resources: resources, formats: formats)
        } catch {
            for index in due { outcomes[index].skippedBecause = String(describing: error) }
            return outcomes
        }
        var done = 0
        for start in stride(from: 0, to: due.count, by: Self.pupilsRenderedTogether) {
            let group = Array(due[start..<min(start + Self.pupilsRenderedTogether, due.count)])
            // Each pupil's copies made (the case recorded as it is now).
            var prepared: [(index: Int, issue: DocumentIssue.Prepared)] = []
            for index in group {
                let entry = entries[index]
                guard let reference = entry.reference, let pupil = register.pupil(upn: entry.upn) else {
                    outcomes[index].skippedBecause = "the pupil has no case in the workspace"
                    continue
                }
                let request = DocumentIssue.Request(reference: reference, kind: Self.kind, recipient: nil, method: method, date: date,
                                                    issuedBy: person, reissueReason: nil, formats: formats,
                                                    options: LetterOptions(), pupilRegister: pupil)
                do {
                    prepared.append((index, try issue.prepare(request)))
                } catch {
                    outcomes[index].skippedBecause = String(describing: error)
                }
            }
            // Rendered together; should that fail, each pupil on its own, so only a pupil whose
            // letter cannot be rendered is skipped.
            var rendered: [Int: [DocumentWriter.RenderedFile]] = [:]
            do {
                let files = try writer.render(prepared.flatMap(\.issue.documents), formats: formats, fop: fop)
                var offset = 0
                for item in prepared {
                    let count = item.issue.documents.count * formats.count
                    rendered[item.index] = Array(files[offset..<offset + count])
                    offset += count
                }
            } catch {
                for item in prepared {
                    do {
                        rendered[item.index] = try writer.render(item.issue.documents, formats: formats, fop: fop)
                    } catch {
                        outcomes[item.index].skippedBecause = String(describing: error)
                    }
                }
            }
            // Issued one pupil at a time, each as one unit.
            for item in prepared {
                guard let files = rendered[item.index] else { continue }
                do {
                    outcomes[item.index].issued = try issue.record(item.issue, rendered: files)
                    if keepDocuments { outcomes[item.index].documents = item.issue.documents }
                } catch {
                    outcomes[item.index].skippedBecause = String(describing: error)
                }
                rendered[item.index] = nil
                done += 1
                progress(done, due.count)
            }
            // The pupils of the group that were skipped before they could be issued.
            while done < start + group.count {
                done += 1
                progress(done, due.count)
            }
        }
        return outcomes
    }
}

extension SchoolBatch.Entry {
    /// The entry's line of the list, by UPN and case reference, never by name:
    /// `A123456789012  CAT/2026/0142  87.5 % (140 possible, 6 unauthorised)  attendance-concern-letter  to parents[0], parents[1]`.
    public var line: String {
        let figures = self.figures.map { "\($0.attendance.display) (\($0.possibleSessions) possible, \($0.unauthorisedAbsenceSessions) unauthorised)" } ?? "not judged"
        return [upn, reference ?? "(no case)", figures, what].joined(separator: "  ")
    }

    /// What the batch does for the pupil, in words.
    public var what: String {
        switch decision {
        case .due: "\(SchoolBatch.kind.rawValue) to \(recipients.isEmpty ? "its recipients" : recipients.joined(separator: ", "))"
            + (caseMadeFromContacts ? " (a new case, made from the export's contacts)" : "")
        case .notDue: "nothing due"
        case .alreadySent(let day): "nothing: the \(SchoolBatch.kind.rawValue) was sent on \(day)"
        case .needsCase:
            "\(SchoolBatch.kind.rawValue) due, but the pupil has no case in the workspace: "
                + (contactsCannotMakeCase.map { "make one (attendoc contacts, attendoc case add); none can be made from the export: \($0)" }
                    ?? "make one (attendoc contacts, attendoc case add), or give --new-cases FOLDER to make it from the export's contacts")
        case .caseNotMade(let problem): "\(SchoolBatch.kind.rawValue) due, but no case could be made from the export's contacts: \(problem)"
        case .notJudged: "not judged: no case, and no --policy to judge by"
        case .leftOut: "left out (--only / --skip)"
        case .caseCannotBeRead(let problem): "the case cannot be read: \(problem)"
        case .badRegisterRows(let problem): "the pupil's rows in the export cannot be read: \(problem)"
        }
    }
}

extension SchoolBatch {
    /// The print-ready PDF of every letter the run issued, in list order, in one FOP run, each
    /// letter starting on a new sheet printed duplex; nil when nothing was issued.
    public func printPDF(_ outcomes: [Outcome], date: CalendarDate, fop: PDFTypesetter) throws(AttendocError) -> Data? {
        let documents = outcomes.flatMap(\.documents)
        guard !documents.isEmpty else { return nil }
        return try PrintReadyPDF(resources: resources).make(documents, title: "Attendance concern letters, \(date.longForm)", date: date, fop: fop)
    }

    /// The run's summary as CSV (docs/batch.md): one row per pupil of the export, so every pupil in
    /// is a row out, with the files issued or the reason none were.
    public static func summaryCSV(_ outcomes: [Outcome]) -> String {
        var lines = ["upn,case,attendance_percent,possible_sessions,unauthorised_sessions,outcome,recipients,files"]
        for outcome in outcomes {
            let entry = outcome.entry
            let result: String
            if !outcome.issued.isEmpty {
                result = "issued \(kind.rawValue)"
            } else if let reason = outcome.skippedBecause {
                result = "skipped: \(reason)"
            } else {
                result = entry.what
            }
            var figures = ["", "", ""]
            if let known = entry.figures {
                figures = [String(known.attendance.display.dropLast()).trimmingCharacters(in: .whitespaces),
                           String(known.possibleSessions), String(known.unauthorisedAbsenceSessions)]
            }
            let files: [String] = outcome.issued.flatMap { document in document.files.map { "archive/" + $0.archivePath } }
            let fields: [String] = [entry.upn, entry.reference ?? ""] + figures
                + [result, outcome.issued.map(\.recipientPath).joined(separator: " "), files.joined(separator: " ")]
            lines.append(fields.map(csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func csvField(_ text: String) -> String {
        let special: Set<Character> = [",", "\"", "\n", "\r", "\r\n"]
        guard text.contains(where: special.contains) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
