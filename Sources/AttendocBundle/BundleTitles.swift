import AttendocDocuments
import AttendocValues
import SafeXML

extension EvidenceBundle {
    /// What an entry is, as facts. Its title's words are `templates/partials/bundle/entry-title`;
    /// the bundle's XML carries the title, and `titled(from:)` takes it back for the manifest.
    public enum Title {
        case summary
        /// An application to the family court: its grounds and the consultation before it
        /// (`FamilyCourtApplication`), in place of the summary of a charge.
        case application
        case chronology
        case decisions
        case parentingOrderRequest
        case defenceMatters
        case unusedMaterial
        case objectionNotice
        case measures
        case statement(officer: String, role: String)
        case registerCertificate
        case figures
        /// A document Attendoc made: its kind, the meeting it is of (`parenting contract
        /// meeting`), and the person the copy was sent to.
        case document(kind: DocumentKind, meeting: String?, to: String?)
        /// A copy as the workspace's archive holds it, with how and when it was sent.
        case sentCopy(kind: DocumentKind, meeting: String?, to: String?, copy: EvidenceBundle.RecordedCopy)
        /// A document made again from the case for a draft, because the record holds no copy.
        case reconstruction(kind: DocumentKind, meeting: String?, to: String?)
        case evidenceOfOffer(what: String, file: String)
        case copyOfLetter(kind: String, date: CalendarDate, file: String)
        case referral(to: String, date: CalendarDate, file: String)
        /// A defendant's evidence of being a parent under section 576 Education Act 1996.
        case evidenceOfParent(name: String, file: String)

        static let kinds = ["summary", "application", "chronology", "decisions", "parentingOrderRequest", "defenceMatters", "unusedMaterial", "objectionNotice", "measures", "statement", "registerCertificate", "figures",
                            "document", "sentCopy", "reconstruction", "evidenceOfOffer", "copyOfLetter", "referral", "evidenceOfParent"]

        /// The title as the template reads it: one key per kind, `false` but for its own.
        var context: [String: Any] {
            var context: [String: Any] = Dictionary(uniqueKeysWithValues: Self.kinds.map { ($0, false as Any) })
            switch self {
            case .summary: context["summary"] = true
            case .application: context["application"] = true
            case .chronology: context["chronology"] = true
            case .decisions: context["decisions"] = true
            case .parentingOrderRequest: context["parentingOrderRequest"] = true
            case .defenceMatters: context["defenceMatters"] = true
            case .unusedMaterial: context["unusedMaterial"] = true
            case .objectionNotice: context["objectionNotice"] = true
            case .measures: context["measures"] = true
            case .statement(let officer, let role): context["statement"] = ["officer": officer, "role": role]
            case .registerCertificate: context["registerCertificate"] = true
            case .figures: context["figures"] = true
            case .document(let kind, let meeting, let to):
                let isMinutes = kind == .meetingMinutes && meeting != nil
                let isInvitation = kind == .meetingInvitation && meeting != nil
                let isInterview = kind == .recordOfInterview
                context["document"] = [
                    "isMinutes": isMinutes, "isInvitation": isInvitation, "isInterview": isInterview,
                    "isOther": !isMinutes && !isInvitation && !isInterview,
                    "kindTitle": kind.title, "meeting": meeting ?? "", "sentTo": kind == .meetingInvitation,
                    "plainTo": kind != .meetingInvitation && !isInterview && !isMinutes, "copyTo": isMinutes,
                ].merging(BundleContext.optional("to", to)) { old, _ in old }
            case .sentCopy(let kind, let meeting, let to, let copy):
                context["sentCopy"] = [
                    "kindTitle": kind.title, "meeting": meeting ?? "", "isPost": copy.method == "post", "isHand": copy.method == "hand",
                    "isEmail": copy.method == "email", "sent": copy.sentOn.longForm,
                ].merging(BundleContext.optional("to", to)) { old, _ in old }
                    .merging(BundleContext.optional("deemed", copy.deemedServedOn?.longForm)) { old, _ in old }
            case .reconstruction(let kind, let meeting, let to):
                context["reconstruction"] = ["kindTitle": kind.title, "meeting": meeting ?? ""]
                    .merging(BundleContext.optional("to", to)) { old, _ in old }
            case .evidenceOfOffer(let what, let file): context["evidenceOfOffer"] = ["what": what, "file": file]
            case .copyOfLetter(let kind, let date, let file): context["copyOfLetter"] = ["kind": kind, "date": date.longForm, "file": file]
            case .referral(let to, let date, let file): context["referral"] = ["to": to, "date": date.longForm, "file": file]
            case .evidenceOfParent(let name, let file): context["evidenceOfParent"] = ["name": name, "file": file]
            }
            return context
        }
    }

    /// The bundle with each section's and entry's title as the bundle's XML words it (from
    /// `partials/bundle/section-title` and `entry-title`).
    func titled(from tree: XMLTree) throws(AttendocError) -> EvidenceBundle {
        var sectionTitles: [String: String] = [:]
        var entryTitles: [String: String] = [:]
        for section in tree.root?.children(named: "section") ?? [] {
            if let letter = section.attribute("letter") { sectionTitles[letter] = section.attribute("title") }
            for entry in section.children(named: "entry") {
                if let id = entry.attribute("id") { entryTitles[id] = entry.attribute("title") }
            }
        }
        var titled = self
        for s in titled.sections.indices {
            guard let title = sectionTitles[titled.sections[s].letter] else {
                throw AttendocError(.document, "templates/evidence-bundle.mustache made no section \(titled.sections[s].letter) with a title")
            }
            titled.sections[s].title = title
            for e in titled.sections[s].entries.indices {
                guard let title = entryTitles[titled.sections[s].entries[e].id] else {
                    throw AttendocError(.document, "templates/evidence-bundle.mustache made no entry \(titled.sections[s].entries[e].id) with a title")
                }
                titled.sections[s].entries[e].title = title
            }
        }
        return titled
    }
}
