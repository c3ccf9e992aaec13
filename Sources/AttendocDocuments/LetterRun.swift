import AttendocCaseModel
import AttendocCasework
import AttendocPolicy
import AttendocValues
import AttendocYAML
import Foundation
import SafeXML

/// Renders one kind of letter for a case: one copy per recipient, in each asked-for format, written
/// all or nothing to `DIR/<case reference>/<kind>/<recipient>.<format>`.
public struct LetterRun {
    public let resources: AttendocResources
    private let templates: DocumentTemplates
    private let schema: DocumentSchema

    public init(resources: AttendocResources) throws(AttendocError) {
        self.resources = resources
        self.templates = try DocumentTemplates(folder: resources.templates)
        self.schema = try DocumentSchema(resources: resources)
    }

    /// One copy's document XML, checked against the schema, with who it is for.
    public struct Letter {
        /// The parent or carer this copy is for; nil for the agency copy of a record.
        public let recipient: Recipient?
        public let xml: Data
        /// Where it goes, relative to the output folder, without the format's extension.
        public let relativeStem: String
        /// The document's date: it dates the DOCX and PDF files too.
        public let date: CalendarDate
        /// The house style's stylesheet parameters (the policy's `letters: house_style:`); empty: the default style.
        public var stylesheetParameters: [String: String] = [:]
        /// The house style's logo for the letterhead; nil: none.
        public var logo: LetterheadLogo?
        /// A penalty notice's particulars for this parent, which the record keeps when it is issued.
        public var penaltyNotice: PenaltyNoticeTerms?

        /// The copy's file name without extension when it has no parent recipient: `agency-copy`, `gp-practice`.
        public var stemWithoutRecipient = LetterRun.agencyCopyStem

        /// Whether this is the head teacher's copy of the letter to `recipient`, whose address is
        /// confidential: the same letter with the address withheld. It is not a copy served on
        /// a parent: it is never issued into the record as one, nor exhibited.
        public var isHeadTeachersCopy = false

        /// The copy's file name without extension: the recipient's, or `agency-copy` (`gp-practice`);
        /// the head teacher's copy of a letter to a recipient `<recipient>-copy-for-head-teacher`.
        public var fileStem: String {
            guard let recipient else { return stemWithoutRecipient }
            return isHeadTeachersCopy ? recipient.fileStem + LetterRun.headTeachersCopySuffix : recipient.fileStem
        }

        /// The copy as the writers take it: document XML, where it goes and its date; no case.
        public var document: RenderableDocument {
            RenderableDocument(xml: xml, relativeStem: relativeStem, date: date, stylesheetParameters: stylesheetParameters, logo: logo)
        }
    }

    static let agencyCopyStem = "agency-copy"
    /// The single justice procedure papers' copy for the court.
    static let courtCopyStem = "court"
    static let headTeachersCopySuffix = "-copy-for-head-teacher"
    /// What a confidential address prints as in a copy for someone else.
    public static let withheldAddress = PostalAddress(lines: ["Address withheld"], postcode: "(confidential)")

    /// The document XML of `kind` for each recipient of a case without a register, under the
    /// policy it names (read from the resources' policies folder), if it names one.
    public func letters(_ kind: DocumentKind, for attendanceCase: AttendanceCase, dated date: CalendarDate) throws(AttendocError) -> [Letter] {
        let policy: Policy?
        do {
            policy = try attendanceCase.policyName.map { (name) throws(CaseFileError) in try PolicyReader.read(named: name, in: resources.policies) }
        } catch {
            throw AttendocError(.document, "\(error)")
        }
        return try letters(kind, for: LoadedCase(attendanceCase: attendanceCase, policy: policy, pupilRegister: nil), dated: date)
    }

    /// Dates of the case that cannot be right for a document dated `date` (docs/case-file.md,
    /// "Dates"): a pupil born on or after it, or, for the letters that quote the referral, a
    /// referral accepted after it.
    static func checkDates(of attendanceCase: AttendanceCase, for kind: DocumentKind, dated date: CalendarDate) throws(AttendocError) {
        if attendanceCase.pupil.dateOfBirth >= date {
            throw AttendocError(.document, "the case \(attendanceCase.reference): pupil.date_of_birth: \(attendanceCase.pupil.dateOfBirth.iso) is not before the \(kind.title.lowercased())'s date, \(date.iso); check the date of birth and the letter's date")
        }
        if kind == .firstWarningLetter || kind == .paceInterviewInvitation, let referral = attendanceCase.referral, referral.acceptedOn > date {
            throw AttendocError(.document, "the case \(attendanceCase.reference): referral.accepted_on: \(referral.acceptedOn.iso) is after the \(kind.title.lowercased())'s date, \(date.iso), which quotes the referral; check referral.accepted_on and the letter's date")
        }
    }

    /// The document XML of `kind` for each recipient, each validated against the schema. With a
    /// register, the figures quoted are the engine's as of `date`.
    /// `folder` is where the copies go inside the output folder: by default `<case reference>/<kind>`.
    public func letters(_ kind: DocumentKind, for loaded: LoadedCase, dated date: CalendarDate,
                        options: LetterOptions = LetterOptions(), folder explicitFolder: String? = nil) throws(AttendocError) -> [Letter] {
        try Self.checkDates(of: loaded.attendanceCase, for: kind, dated: date)
        let attendanceCase = try loaded.forLettersDated(date)
        let settings = loaded.policy?.letters ?? LetterSettings()
        let recipients = Recipient.recipients(in: attendanceCase, settings: settings)
            .filter { !kind.isForParentalResponsibilityOnly || $0.person.hasParentalResponsibility }
        guard !recipients.isEmpty || kind.singleCopyStem != nil else {
            throw AttendocError(.document, "the case \(attendanceCase.reference) has no parent (under section 576: a natural parent, or someone with parental responsibility or care of the child) who may be contacted to send a \(kind.title.lowercased()) to")
        }
        guard let attendance = attendanceCase.quotedAttendance else {
            throw AttendocError(.document, "the case \(attendanceCase.reference) has no attendance figures for the letter: give it a register (or an attendance section)")
        }
        let folder = explicitFolder ?? "\(FileName.caseFolder(attendanceCase.reference))/\(kind.rawValue)"
        // Each audience's values are computed from its own view of the case: the parent's view
        // never holds agency-only notes, so no parent copy can show them.
        let parentFacts = try KindFacts.values(for: kind, case: loaded, dated: date, options: options, audience: .parent)
        var copies: [(recipient: Recipient?, audience: Audience, facts: [String: Any], forHeadTeacher: Bool)] = recipients.map { ($0, .parent, parentFacts, false) }
        // A letter to the GP, a referral to the local authority and a record for the school's file
        // have one copy, for an agency, made from the agency's view (the GP's addressed by its facts).
        if kind.singleCopyStem != nil {
            copies = [(nil, .agency, try KindFacts.values(for: kind, case: loaded, dated: date, options: options, audience: .agency), false)]
        }
        if kind == .parentingContract {
            // A contract of their own for each parent who agreed it, signed by its parties only.
            let parties = try ParentingContractFacts.parties(case: loaded, dated: date, options: options)
            copies = recipients.filter { parties.contains($0.person.casePath) }.map { ($0, .parent, ParentingContractFacts.forParty($0.person, parentFacts), false) }
        }
        if kind == .recordOfInterview {
            // Each interviewee's own record, as their copy.
            let meeting = try RecordOfInterviewFacts.meeting(case: loaded, dated: date, options: options)
            copies = recipients.compactMap { recipient in
                guard let record = meeting.interviews.first(where: { $0.intervieweePath == recipient.person.casePath }) else { return nil }
                return (recipient, .parent, RecordOfInterviewFacts.forInterviewee(record, parentFacts), false)
            }
        }
        if kind == .singleJusticeProcedureNotice {
            // Each defendant's own papers, and one copy for the court (SingleJusticeProcedureFacts).
            let defendants = SingleJusticeProcedureFacts.defendantPaths(in: attendanceCase)
            copies = recipients.filter { defendants.contains($0.person.casePath) }
                .filter { recipient in options.recipient.map { $0 == (recipient.person.id ?? recipient.person.casePath) || $0 == recipient.person.casePath } ?? true }
                .map { ($0, .parent, SingleJusticeProcedureFacts.forDefendant($0, parentFacts, case: loaded, dated: date, options: options), false) }
            if options.recipient == nil {
                copies.append((nil, .agency, SingleJusticeProcedureFacts.forCourt(parentFacts), false))
            }
        }
        var penaltyTerms: [String: PenaltyNoticeTerms] = [:]
        if kind == .penaltyNotice {
            // One notice for each parent, each counted against that parent's own notices for this child.
            let history = options.penaltyNotices ?? PenaltyNoticeHistory.listed(in: loaded.attendanceCase)
            let chosen = recipients.filter { recipient in
                options.recipient.map { $0 == (recipient.person.id ?? recipient.person.casePath) || $0 == recipient.person.casePath } ?? true
            }
            if chosen.isEmpty, let wanted = options.recipient {
                let known = recipients.map { "\($0.person.id ?? $0.person.casePath) (\($0.person.casePath))" }.joined(separator: ", ")
                throw AttendocError(.document, "the case \(attendanceCase.reference): --to \(wanted): no recipient of this \(kind.rawValue) has that id or place; the recipients are: \(known)")
            }
            copies = []
            for recipient in chosen {
                let terms = try PenaltyNoticeTerms.compute(for: recipient.person, case: loaded, dated: date, method: options.serviceMethod, history: history)
                penaltyTerms[recipient.person.casePath] = terms
                copies.append((recipient, .parent, PenaltyNoticeFacts.forParent(terms, parentFacts), false))
            }
        }
        if kind == .noticeToImprove {
            // Each parent is told of the penalty notice it warns of: their first, or their second.
            let history = options.penaltyNotices ?? PenaltyNoticeHistory.listed(in: loaded.attendanceCase)
            copies = try copies.map { (copy) throws(AttendocError) in
                guard let recipient = copy.recipient,
                      let warning = try PenaltyNoticeFacts.warning(for: recipient.person, case: loaded, dated: date, history: history) else { return copy }
                return (recipient, copy.audience, copy.facts.merging(["penalty": warning]) { _, new in new }, copy.forHeadTeacher)
            }
        }
        if kind.hasAgencyCopy {
            copies.append((nil, .agency, try KindFacts.values(for: kind, case: loaded, dated: date, options: options, audience: .agency), false))
        }
        if kind.copiesToHeadTeacher {
            // The head teacher's copy of a letter to a confidential address is a document of its
            // own, with that address withheld; the parent's own copy says so.
            for (index, copy) in copies.enumerated().reversed() {
                guard var recipient = copy.recipient, recipient.addressIsConfidential else { continue }
                recipient.address = Self.withheldAddress
                copies.insert((recipient, copy.audience, copy.facts, true), at: index + 1)
            }
        }
        var letters: [Letter] = []
        for copy in copies {
            var values = LetterContext.common(for: attendanceCase, attendance: attendance, to: copy.recipient, audience: copy.audience,
                                              dated: date, kind: kind, settings: settings)
                .merging(copy.facts) { _, kindValue in kindValue }
                .merging(CohortFacts.values(for: attendanceCase, policy: loaded.policy)) { value, _ in value }
            values["headTeachersCopy"] = copy.forHeadTeacher
            if kind == .singleJusticeProcedureNotice, copy.recipient == nil, var document = values["document"] as? [String: Any] {
                document["audience"] = "court"
                values["document"] = document
            }
            let xml = try templates.render(kind, with: values)
            let stem = copy.recipient.map { $0.fileStem + (copy.forHeadTeacher ? Self.headTeachersCopySuffix : "") }
                ?? (kind == .singleJusticeProcedureNotice ? Self.courtCopyStem : kind.singleCopyStem) ?? Self.agencyCopyStem
            let source = "\(kind.rawValue) for \(copy.recipient?.person.casePath ?? "the agencies") (from templates/\(kind.templateName).mustache)"
            try schema.checkTemplateOutput(xml, templateName: kind.templateName, source: source)
            var letter = Letter(recipient: copy.recipient, xml: xml, relativeStem: "\(folder)/\(stem)", date: date,
                                stylesheetParameters: settings.houseStyle?.stylesheetParameters ?? [:],
                                logo: settings.houseStyle?.logo)
            letter.stemWithoutRecipient = stem
            letter.penaltyNotice = copy.recipient.flatMap { penaltyTerms[$0.person.casePath] }
            letter.isHeadTeachersCopy = copy.forHeadTeacher
            letters.append(letter)
        }
        return letters
    }

    /// What the person running Attendoc must know about a run, by place in the case file, never by
    /// name: who gets no copy and why, copies that need translating or large print before they go.
    /// With `letters`, the notes about parents' copies are only for the parents the run made a
    /// copy for: a document with one copy (to the GP, a service, the school's file) has no parent's
    /// copy to translate, enlarge or send without an address; nil: every recipient of the case.
    public func notes(for loaded: LoadedCase, letters: [Letter]? = nil, options: LetterOptions = LetterOptions()) -> [String] {
        let settings = loaded.policy?.letters ?? LetterSettings()
        let copiedTo = letters.map { Set($0.compactMap { $0.isHeadTeachersCopy ? nil : $0.recipient?.person.casePath }) }
        var notes = copiedTo?.isEmpty == true ? [] : Recipient.skipped(in: loaded.attendanceCase, settings: settings).map(\.description)
        for recipient in Recipient.recipients(in: loaded.attendanceCase, settings: settings)
        where copiedTo?.contains(recipient.person.casePath) ?? true {
            let person = recipient.person
            if person.preferredLanguage.lowercased() != "english" {
                notes.append("\(person.casePath) (\(recipient.fileStem)): prefers \(person.preferredLanguage); this copy needs translating before it is sent (Attendoc does not machine-translate)")
            }
            if recipient.addressIsConfidential {
                notes.append("\(person.casePath) (\(recipient.fileStem)): the address is confidential; a letter copied to the head teacher has a head teacher's copy of its own without it (\(recipient.fileStem)\(Self.headTeachersCopySuffix))")
            }
            if person.needs.contains(.largePrint) {
                notes.append("\(person.casePath) (\(recipient.fileStem)): a large-print copy (16 pt)")
            }
        }
        if let reason = options.deadlineOverrideReason {
            notes.append("--override-deadline given, with the reason: \(reason) (it applies only where a deadline was passed)")
        }
        return notes
    }
}
