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

/// `attendoc issue`: renders each recipient's copy of a document, and records and archives the
/// exact files as one unit, with how and when each was sent, when it is deemed served, who issued
/// it, the template and policy versions and the figures it quoted.
public struct DocumentIssue {
    public struct Request: Sendable {
        public var reference: String
        public var kind: DocumentKind
        /// A recipient's id or case path (`parents[1]`); nil for every recipient.
        public var recipient: String?
        public var method: ServiceMethod
        public var date: CalendarDate
        public var issuedBy: String
        public var reissueReason: String?
        public var formats: [OutputFormat]
        public var options: LetterOptions
        /// The pupil's marks from a register export the caller read (a batch's whole-school
        /// export); nil: the register the case file names.
        public var pupilRegister: PupilRegister?

        public init(reference: String, kind: DocumentKind, recipient: String?, method: ServiceMethod, date: CalendarDate,
                    issuedBy: String, reissueReason: String?, formats: [OutputFormat], options: LetterOptions,
                    pupilRegister: PupilRegister? = nil) {
            self.pupilRegister = pupilRegister
            self.reference = reference
            self.kind = kind
            self.recipient = recipient
            self.method = method
            self.date = date
            self.issuedBy = issuedBy
            self.reissueReason = reissueReason
            self.formats = formats
            self.options = options
        }

        /// A request as a form gives it: the formats by name (`pdf,txt`), the meeting, the record
        /// and a reason to pass a deadline by their places in the case file or in words.
        public init(reference: String, kind: DocumentKind, recipient: String?, method: ServiceMethod, date: CalendarDate,
                    issuedBy: String, reissueReason: String?, formatNames: String, meeting: String?, record: String?,
                    deadlineOverrideReason: String?) throws(AttendocError) {
            self.init(reference: reference, kind: kind, recipient: recipient, method: method, date: date, issuedBy: issuedBy,
                      reissueReason: reissueReason, formats: try OutputFormat.list(formatNames),
                      options: LetterOptions(meeting: meeting, deadlineOverrideReason: deadlineOverrideReason, record: record))
        }

        /// The formats to archive, by name (`pdf`, `txt`).
        public var formatNames: [String] { formats.map(\.rawValue) }
    }

    public let workspace: Workspace
    public let resources: AttendocResources
    /// The templates, the schema and the templates' and policies' versions, made once and shared
    /// by every issue made with this value (a batch's hundreds of pupils).
    private let shared: SharedIssueResources

    public init(workspace: Workspace, resources: AttendocResources) {
        self.workspace = workspace
        self.resources = resources
        self.shared = SharedIssueResources(resources: resources)
    }

    /// Issues `request` as `attendoc issue` does, with Apache FOP when a PDF is asked for.
    public func issue(_ request: Request) throws(AttendocError) -> [IssuedDocument] {
        let fop = request.formats.contains(.pdf) ? try PDFTypesetter(configuration: resources.fopConfiguration) : nil
        return try issue(request, fop: fop)
    }

    /// Issues `request`: all its copies recorded, or none (and nothing archived).
    public func issue(_ request: Request, fop: PDFTypesetter?) throws(AttendocError) -> [IssuedDocument] {
        try issueKeepingDocuments(request, fop: fop).issued
    }

    /// Issues `request` as `issue` does, and gives each issued copy's document XML too, in the
    /// same order (a batch lays them out again for its print run).
    public func issueKeepingDocuments(_ request: Request, fop: PDFTypesetter?) throws(AttendocError) -> (issued: [IssuedDocument], documents: [RenderableDocument]) {
        let prepared = try prepare(request)
        let writer = try DocumentWriter(resources: resources, formats: request.formats)
        let rendered = try writer.render(prepared.documents, formats: request.formats, fop: fop)
        return (try record(prepared, rendered: rendered), prepared.documents)
    }

    /// A request made ready to issue: the case recorded as it is now, each recipient's document
    /// made (not yet rendered), and what the record keeps with them.
    public struct Prepared {
        public let request: Request
        let letters: [LetterRun.Letter]
        let upn: String?
        let caseVersion: Int
        let figuresJSON: String?
        let templateSHA: String
        let policySHA: String
        let deemed: CalendarDate?
        let duplicateWindowStarts: CalendarDate

        /// The documents to render, one per recipient, in order.
        public var documents: [RenderableDocument] { letters.map(\.document) }
    }

    /// Records the case as it is now and makes each recipient's document for `request`; nothing
    /// is issued until `record` is given the rendered files.
    public func prepare(_ request: Request) throws(AttendocError) -> Prepared {
        let recorded = try fromRecord { () throws(WorkspaceError) in try workspace.recordedCase(request.reference) }
        let caseFile = URL(fileURLWithPath: recorded.sourcePath)
        // The case as it is now is recorded first, so the issue names the version it was made from.
        let intake = try CaseIntake.add(caseFile, to: workspace, resources: resources, by: request.issuedBy,
                                        change: "recorded at an issue of \(request.kind.rawValue)")
        guard intake.reference == request.reference else {
            throw AttendocError(.document, "\(caseFile.path): now holds the case \(intake.reference), not \(request.reference); add it again with `attendoc case add`")
        }
        var loaded = intake.loaded
        if let register = request.pupilRegister {
            guard register.upn == loaded.attendanceCase.pupil.upn?.text else {
                throw AttendocError(.document, "\(caseFile.path): pupil.upn is not \(register.upn), the pupil whose register was given for this issue")
            }
            loaded.pupilRegister = register
        }
        let (policy, rules) = try Self.issuingRules(of: loaded, caseFile: caseFile)
        let letters = try copies(request, of: loaded, caseFile: caseFile)
        let figures = try? loaded.figures(asOf: request.date)
        return Prepared(request: request, letters: letters, upn: loaded.attendanceCase.pupil.upn?.text,
                        caseVersion: intake.recording.currentVersion, figuresJSON: figures.map(Self.figuresJSON),
                        templateSHA: try shared.templateSHA(), policySHA: try shared.policySHA(policy),
                        deemed: rules.deemedServed(sent: request.date, method: request.method.rawValue),
                        duplicateWindowStarts: rules.reissueWindowStarts(before: request.date))
    }

    /// The case's policy and its issuing rules; a policy without an `issuing:` section cannot issue.
    static func issuingRules(of loaded: LoadedCase, caseFile: URL) throws(AttendocError) -> (Policy, IssuingRules) {
        guard let policy = loaded.policy, let rules = policy.issuing else {
            throw AttendocError(.document, "\(caseFile.path): policy: the case's policy has no issuing: section (deemed service, reissue window), so its documents cannot be issued into the record; see docs/policies.md")
        }
        return (policy, rules)
    }

    /// Each recipient's copy of `request` made from `loaded`, exactly the copies an issue records
    /// (and a preview shows): the head teacher's copy of a letter to a confidential address is not
    /// one of them; one recipient when the request names one.
    func copies(_ request: Request, of loaded: LoadedCase, caseFile: URL) throws(AttendocError) -> [LetterRun.Letter] {
        let run = try shared.letterRun()
        var options = request.options
        // A notice's periods count from the day it is received by this method; a penalty notice
        // is counted against the notices the record holds, for the one parent it goes to.
        options.method = request.method.rawValue
        if [.penaltyNotice, .noticeToImprove].contains(request.kind) {
            options.penaltyNotices = try PenaltyNoticeRecord.history(of: loaded.attendanceCase, in: workspace)
            if request.kind == .penaltyNotice { options.recipient = request.recipient }
        }
        // The head teacher's copy of a letter to a confidential address is not served on a
        // parent, so it is not issued into the record as one (docs/workspace.md).
        // What the record shows was sent counts as a step taken (the referral lists them).
        options.recordedDocuments = DueList.recordedDocuments(
            try fromRecord { () throws(WorkspaceError) in try workspace.issuedDocuments(for: request.reference) }.filter(\.archived))
        let all = try run.letters(request.kind, for: loaded, dated: request.date, options: options).filter { !$0.isHeadTeachersCopy }
        var letters = all
        let addressee = request.kind.singleCopyAddressee
        try Self.checkMethod(request.method, for: request.kind)
        if let addressee {
            // One copy, for an agency or the school's file, recorded under its addressee.
            if let wanted = request.recipient, wanted != addressee.id {
                throw AttendocError(.usage, "--to \(wanted): a \(request.kind.rawValue) has one copy, for \(addressee.place) (--to \(addressee.id), or no --to)")
            }
        } else if let wanted = request.recipient {
            letters = all.filter { $0.recipient.map { Self.recipientID(of: $0) == wanted || $0.person.casePath == wanted } ?? false }
            guard !letters.isEmpty else {
                let known = all
                    .compactMap { $0.recipient.map { "\(Self.recipientID(of: $0)) (\($0.person.casePath))" } }
                throw AttendocError(.document, "\(caseFile.path): --to \(wanted): no recipient of this \(request.kind.rawValue) has that id or place; the recipients are: \(known.joined(separator: ", "))")
            }
        } else {
            // The agency copy of a record is not served on anyone.
            letters = letters.filter { $0.recipient != nil }
        }
        return letters
    }

    /// Issues `prepared` with its documents' `rendered` files (each document's, in the request's
    /// formats, in order, as `DocumentWriter.render` gives them): all its copies recorded and
    /// archived, or none.
    public func record(_ prepared: Prepared, rendered: [DocumentWriter.RenderedFile]) throws(AttendocError) -> [IssuedDocument] {
        let request = prepared.request
        guard rendered.count == prepared.letters.count * request.formats.count else {
            throw AttendocError(.output, "\(rendered.count) files were rendered for \(prepared.letters.count) copies in \(request.formats.count) formats; nothing was issued")
        }
        let documents = prepared.letters.enumerated().map { index, letter in
            let files = rendered[(index * request.formats.count)..<((index + 1) * request.formats.count)].map {
                DocumentToIssue.File(format: $0.format.fileExtension, name: "\(letter.fileStem).\($0.format.fileExtension)", bytes: $0.bytes)
            }
            let (recipientID, recipientPath) = Self.recordedUnder(letter, kind: request.kind)
            var document = DocumentToIssue(reference: request.reference, upn: prepared.upn, kind: request.kind.rawValue,
                                   recipientID: recipientID, recipientPath: recipientPath,
                                   method: request.method, sentOn: request.date, deemedServedOn: prepared.deemed, issuedBy: request.issuedBy,
                                   caseVersion: prepared.caseVersion, templateSHA256: prepared.templateSHA, policySHA256: prepared.policySHA,
                                   figuresJSON: prepared.figuresJSON, reissueReason: request.reissueReason, files: files,
                                   duplicateWindowStarts: prepared.duplicateWindowStarts)
            document.penaltyNotice = letter.penaltyNotice.map(PenaltyNoticeRecord.particulars)
            return document
        }
        return try fromRecord { () throws(WorkspaceError) in try workspace.issue(documents) }
    }

    /// A record for the school's file is kept there (`--method file`), never sent; every other
    /// document is sent by post, by hand or by email.
    static func checkMethod(_ method: ServiceMethod, for kind: DocumentKind) throws(AttendocError) {
        if kind.isForTheFileOnly, method != .file {
            throw AttendocError(.usage, "--method \(method.rawValue): a \(kind.rawValue) is a record for the school's file, not sent to anyone; give --method file")
        }
        if !kind.isForTheFileOnly, method == .file {
            throw AttendocError(.usage, "--method file: a \(kind.rawValue) is sent to \(kind.singleCopyAddressee?.place ?? "each parent"); give --method post, hand or email")
        }
    }

    /// Who a copy is recorded as sent to (id, place): a parent's copy under the parent; a single
    /// copy under its addressee.
    static func recordedUnder(_ letter: LetterRun.Letter, kind: DocumentKind) -> (id: String, path: String) {
        let addressee = kind.singleCopyAddressee
        return (letter.recipient.map(Self.recipientID) ?? addressee?.id ?? letter.fileStem,
                letter.recipient?.person.casePath ?? addressee?.place ?? letter.fileStem)
    }

    /// The id a recipient is recorded under: the case file's id for the person, else their place.
    public static func recipientID(of recipient: Recipient) -> String {
        recipient.person.id ?? recipient.person.casePath
    }

    /// The kind a case file's `letters_issued` entry is recorded as: Attendoc's document kind where
    /// it has one (so a later `attendoc issue` of it is seen as the same kind), else the entry's own.
    public static func recordedKind(of letter: IssuedLetter) -> String {
        if case .known(let known) = letter.kind, let kind = CaseHistory.documentKind(for: known) { return kind.rawValue }
        switch letter.kind {
        case .known(let known): return known.rawValue
        case .other(let words): return words
        }
    }

    /// The figures a document quoted, as the record keeps them (docs/workspace.md).
    static func figuresJSON(_ figures: PupilFigures) -> String {
        let fields: [(String, String)] = [
            ("from", "\"\(figures.from.iso)\""), ("to", "\"\(figures.to.iso)\""),
            ("possible_sessions", "\(figures.possibleSessions)"), ("attended_sessions", "\(figures.attendedSessions)"),
            ("authorised_absence_sessions", "\(figures.authorisedAbsenceSessions)"),
            ("unauthorised_absence_sessions", "\(figures.unauthorisedAbsenceSessions)"),
            ("attendance_percent", "\"\(figures.attendance.display.dropLast())\""),
        ]
        return "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// One SHA-256 over every file in `folder` (names and bytes, in name order): the version of
    /// the templates a document was made with.
    static func folderSHA256(_ folder: URL) throws(AttendocError) -> String {
        var paths: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String { paths.append(path) }
        var combined = Data()
        for path in paths.sorted() {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            guard let bytes = FileManager.default.contents(atPath: url.path) else {
                throw AttendocError(.document, "\(url.path): cannot be read to record the templates' version")
            }
            combined.append(Data("\(path)\n\(SHA256.hex(bytes))\n".utf8))
        }
        return SHA256.hex(combined)
    }

    static func policySHA256(_ policy: Policy, resources: AttendocResources) throws(AttendocError) -> String {
        let file = resources.policies.appendingPathComponent("\(policy.identifier).yaml")
        guard let bytes = FileManager.default.contents(atPath: file.path) else {
            throw AttendocError(.document, "\(file.path): cannot be read to record the policy's version")
        }
        let termDates = try folderSHA256(resources.policies.appendingPathComponent("term-dates"))
        return SHA256.hex(Data("\(SHA256.hex(bytes))\n\(termDates)\n".utf8))
    }
}

/// What every issue made by one `DocumentIssue` shares, each made the first time it is needed:
/// the templates and schema (`LetterRun`), and the versions of the templates and of each policy
/// the record names. Read once, not once per pupil: the templates folder is parsed and hashed
/// when the first document is made, so every document of a run names the templates it was made
/// with.
final class SharedIssueResources {
    let resources: AttendocResources
    private var run: LetterRun?
    private var templates: String?
    private var policies: [String: String] = [:]

    init(resources: AttendocResources) {
        self.resources = resources
    }

    func letterRun() throws(AttendocError) -> LetterRun {
        if let run { return run }
        let made = try LetterRun(resources: resources)
        templates = try DocumentIssue.folderSHA256(resources.templates)
        run = made
        return made
    }

    func templateSHA() throws(AttendocError) -> String {
        if let templates { return templates }
        let made = try DocumentIssue.folderSHA256(resources.templates)
        templates = made
        return made
    }

    func policySHA(_ policy: Policy) throws(AttendocError) -> String {
        if let known = policies[policy.identifier] { return known }
        let made = try DocumentIssue.policySHA256(policy, resources: resources)
        policies[policy.identifier] = made
        return made
    }
}
