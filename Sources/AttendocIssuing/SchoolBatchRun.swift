import AttendocPolicy
import AttendocPrograms
import AttendocRegister
import AttendocRendering
import AttendocValues
import AttendocWorkspace
import Foundation

/// One run of the school's batch from its register to its print PDF, as `attendoc batch` and the
/// batch screen both make it (docs/batch.md, docs/web.md): `list` reads the register and gives the
/// list for the office to check (the dry run); `run` then imports the export (when the register is
/// one), makes the cases the export's contacts can make (when asked), issues every due letter
/// into the record (`SchoolBatch.run`) and makes the summary CSV and the print PDF; with
/// `keepInRecord`, the run is recorded as running from its start (`begin`), with its progress,
/// and then as finished with its print PDF and summary archived (or as failed), so the batch
/// screen's history shows the screen's runs and the command line's alike, and a run whose program
/// stopped shows as interrupted.
public struct SchoolBatchRun {
    /// The register the batch judges.
    public enum Source: Sendable {
        /// A register export (CSV or Common Transfer File): read here, and imported into the record
        /// by the run (recorded as the school's when the settings name it).
        case export(URL)
        /// The school's latest register import in the record, with the marks the record holds for
        /// its pupils (nothing more is imported).
        case latestImport(school: String)
    }

    /// What the office asked for.
    public struct Settings: Sendable {
        /// The day the figures run to; the letters are dated and sent on it.
        public var asOf: CalendarDate
        /// Only the cases of this school (its URN); also the school an imported export is recorded as.
        public var school: String?
        /// The policy (a name in policies/) that judges the pupils who have no case yet.
        public var policy: String?
        public var only: Set<String>?
        public var skip: Set<String> = []
        public var method: ServiceMethod = .post
        public var formats: [OutputFormat] = [.pdf]
        public var by: String
        /// For a pupil with no case: make it from the export's contacts, in this folder.
        public var newCases: URL?
        /// Make the print PDF of every letter issued.
        public var print = false
        /// Record the run, from its start, with its print PDF and summary CSV archived at its end
        /// (the batch screen's history and downloads).
        public var keepInRecord = false
        /// Where the run is started, as the record names it: `command line` or `screen`.
        public var startedFrom = "command line"
        /// The export's name as the office knows it (an uploaded file's own name), for the record;
        /// nil: the export's file name.
        public var registerName: String?

        public init(asOf: CalendarDate, school: String?, by: String) {
            self.asOf = asOf
            self.school = school
            self.by = by
        }

        /// The formats to archive, by name (`pdf`, `html`, `txt`, `docx`).
        public mutating func choose(formats names: [String]) throws(AttendocError) {
            formats = try OutputFormat.list(names.joined(separator: ","))
        }

        public var formatNames: [String] { formats.map(\.rawValue) }
    }

    /// The list for the office to check, before anything is done.
    public struct Listing: Sendable {
        public var source: Source
        public var register: Register
        public var entries: [SchoolBatch.Entry]
        /// The pupils of the register, those whose rows could not be read included.
        public var pupils: Int
        /// The register import the list was made from (`latestImport` only).
        public var registerImport: RegisterImportRecord?
        /// What the export's reading found doubtful but did not refuse (each a sentence).
        public var warnings: [String]

        public var due: Int { entries.filter { $0.decision == .due }.count }
    }

    /// What a run did.
    public struct Outcome: Sendable {
        /// The list as the run carried it out (with the cases it made).
        public var entries: [SchoolBatch.Entry]
        public var outcomes: [SchoolBatch.Outcome]
        /// The export's import into the record (`export` only).
        public var imported: RegisterImportRecord?
        public var summaryCSV: String
        /// The print PDF (settings' `print`), nil when nothing was issued.
        public var printPDF: Data?
        /// Why the print PDF could not be made; the letters issued are recorded all the same.
        public var printProblem: AttendocError?
        /// The run as the record keeps it (settings' `keepInRecord`).
        public var recorded: BatchRunRecord?

        public var due: Int { entries.filter { $0.decision == .due }.count }
        public var issued: Int { outcomes.filter { !$0.issued.isEmpty }.count }
        public var skipped: Int { outcomes.filter { $0.skippedBecause != nil }.count }
    }

    public let workspace: Workspace
    public let resources: AttendocResources

    public init(workspace: Workspace, resources: AttendocResources) {
        self.workspace = workspace
        self.resources = resources
    }

    /// The list (the dry run): nothing is imported, issued or written. Nil when the source is the
    /// school's latest import and the record holds none for it.
    public func list(_ source: Source, _ settings: Settings) throws(AttendocError) -> Listing? {
        if let school = settings.school, school.count != 6 || !school.allSatisfy({ $0.isASCII && $0.isNumber }) {
            throw AttendocError(.usage, "--school: the school's URN must be exactly 6 digits", suggestion: "give the school's Unique Reference Number, such as 149876")
        }
        let codes = try AttendanceCodeTable(resources: resources)
        let register: Register
        var refused: [String: AttendocError] = [:]
        var registerImport: RegisterImportRecord?
        switch source {
        case .export(let file):
            let read = try RegisterImport.readKeepingGoodPupils(file, codes: codes)
            register = read.register
            refused = read.refused
        case .latestImport(let school):
            guard let held = try fromRecord({ () throws(WorkspaceError) in try workspace.latestRegisterImport(school: school) }) else { return nil }
            registerImport = held.record
            var pupils: [PupilRegister] = []
            for pupil in held.pupils {
                let marks = try fromRecord { () throws(WorkspaceError) in try workspace.marks(for: pupil.upn) }
                do {
                    var found = try PupilRegister(upn: pupil.upn, recordedMarks: marks.map { ($0.day, $0.session == Session.morning.rawValue, $0.mark) },
                                                  codes: codes)
                    found.forename = pupil.forename
                    found.surname = pupil.surname
                    found.yearGroup = pupil.yearGroup
                    pupils.append(found)
                } catch {
                    refused[pupil.upn] = error
                }
            }
            register = Register(source: "register import \(held.record.id) (\(held.record.fileName))", recordedPupils: pupils)
        }
        var fallback: Policy?
        if let name = settings.policy {
            do { fallback = try PolicyReader.read(named: name, in: resources.policies) } catch { throw AttendocError(error, kind: .policy) }
        }
        let entries = try SchoolBatch(workspace: workspace, resources: resources)
            .plan(register, refused: refused, asOf: settings.asOf, school: settings.school, only: settings.only, skip: settings.skip, policy: fallback)
        return Listing(source: source, register: register, entries: entries, pupils: register.pupils.count + refused.count,
                       registerImport: registerImport, warnings: register.warnings)
    }

    /// Records the run of `listing` as running (settings' `keepInRecord`), before `run` carries it
    /// out: refused while another batch of the same school is running.
    public func begin(_ listing: Listing, _ settings: Settings) throws(AttendocError) -> BatchRunUnderWay {
        let name: String? = if case .export(let file) = listing.source { settings.registerName ?? file.lastPathComponent } else { nil }
        let start = BatchRunStart(schoolURN: settings.school, asOf: settings.asOf, runBy: settings.by, startedFrom: settings.startedFrom, registerName: name)
        return try fromRecord { () throws(WorkspaceError) in try workspace.startBatchRun(start) }
    }

    /// Carries out `listing`: the export imported (once; a second run imports the same marks and
    /// changes nothing), the cases made, every due letter issued, each pupil's copies as one unit,
    /// `progress` told after each pupil; then the summary and the print PDF. With `keepInRecord`
    /// the run is recorded under `underWay` (from `begin`; begun here when nil) and ended as
    /// finished, or as failed with why.
    public func run(_ listing: Listing, _ settings: Settings, underWay given: BatchRunUnderWay? = nil,
                    progress: (_ done: Int, _ of: Int) -> Void = { _, _ in }) throws(AttendocError) -> Outcome {
        var underWay = given
        if settings.keepInRecord, underWay == nil { underWay = try begin(listing, settings) }
        do {
            return try carryOut(listing, settings, underWay: underWay) { done, total in
                progress(done, total)
                underWay?.progress(done, of: total)
            }
        } catch {
            underWay?.fail(Self.words(error))
            throw error
        }
    }

    /// An error as the record keeps it for the history: the field, the summary and what to do.
    public static func words(_ error: AttendocError) -> String {
        var words = error.summary
        if let field = error.location?.field { words = "\(field): " + words }
        if let suggestion = error.suggestion { words += "; " + suggestion }
        return words
    }

    private func carryOut(_ listing: Listing, _ settings: Settings, underWay: BatchRunUnderWay?,
                          progress: (_ done: Int, _ of: Int) -> Void) throws(AttendocError) -> Outcome {
        let batch = SchoolBatch(workspace: workspace, resources: resources)
        var entries = listing.entries
        var imported: RegisterImportRecord?
        if case .export(let file) = listing.source {
            imported = try RegisterIntake.importRegister(file, into: workspace, resources: resources, by: settings.by, register: listing.register,
                                                         school: settings.school)
        }
        if let folder = settings.newCases {
            entries = batch.makeCases(entries, register: listing.register, in: folder, school: settings.school, by: settings.by)
        }
        let due = entries.filter { $0.decision == .due }.count
        underWay?.progress(0, of: due)
        let fop = (settings.formats.contains(.pdf) || settings.print) && due > 0 ? try PDFTypesetter(configuration: resources.fopConfiguration) : nil
        let outcomes = batch.run(entries, register: listing.register, method: settings.method, date: settings.asOf, by: settings.by,
                                 formats: settings.formats, fop: fop, keepDocuments: settings.print, progress: progress)
        var outcome = Outcome(entries: entries, outcomes: outcomes, imported: imported, summaryCSV: SchoolBatch.summaryCSV(outcomes))
        if settings.print, let fop {
            do {
                outcome.printPDF = try batch.printPDF(outcomes, date: settings.asOf, fop: fop)
            } catch {
                outcome.printProblem = error
            }
        }
        if let underWay {
            var files = [DocumentToIssue.File(format: "csv", name: "batch-summary-\(settings.asOf.iso).csv", bytes: Data(outcome.summaryCSV.utf8))]
            if let pdf = outcome.printPDF { files.append(DocumentToIssue.File(format: "pdf", name: "batch-print-\(settings.asOf.iso).pdf", bytes: pdf)) }
            let run = BatchRunToRecord(registerImportID: imported?.id ?? listing.registerImport?.id, pupils: listing.pupils, due: due,
                                       issued: outcome.issued, skipped: outcome.skipped, files: files,
                                       problem: outcome.printProblem.map { "the letters were issued, but the print PDF could not be made: " + Self.words($0) })
            outcome.recorded = try fromRecord { () throws(WorkspaceError) in try underWay.finish(run) }
        }
        return outcome
    }
}
