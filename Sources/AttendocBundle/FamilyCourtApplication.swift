import AttendocCaseModel
import AttendocCasework
import AttendocEngine
import AttendocValues
import SafeXML

/// The family court's application bundle for an Education Supervision Order (section 36
/// Children Act 1989), made from the same plan as a prosecution file but with the family court's
/// papers: the front sheet names the family court, the applicant authority, the respondents and
/// the child; section A opens with the application (its grounds under section 36(3) to (5), the
/// consultation with children's services under section 36(8)) instead of a charge; the officer's
/// statement ends with a statement of truth (Family Procedure Rules Part 17, PD 17A), never a
/// section 9 Criminal Justice Act 1967 declaration; and the criminal papers (the notice of the
/// right to object to section 9 statements, the schedule of unused material under the Criminal
/// Procedure and Investigations Act 1996) are not in it. The evidence (sections B, D, E, F) and
/// the decision records, with the section 447 consideration, are the prosecution file's.
///
/// Which papers a bundle holds is chosen by the case's `legal_route.section` (`papers(for:)`),
/// so that a `--route` chosen on the command line can choose them the same way.
enum FamilyCourtApplication {
    /// Whether the route's papers are the family court's.
    static func isFamilyCourt(_ section: LegalRoute.Section) -> Bool {
        section == .educationSupervisionOrder
    }

    /// The criminal court's papers that an application to the family court does not hold.
    static func isCriminalOnly(_ content: EvidenceBundle.Content) -> Bool {
        switch content {
        case .objectionNotice, .unusedMaterial: true
        default: false
        }
    }

    /// The template's `family` value: `false` for a prosecution; for an application, the
    /// parties, the child, the grounds' figures and the consultation (docs/evidence-bundle.md).
    static func values(_ bundle: EvidenceBundle, offence: PupilFigures) -> Any {
        guard isFamilyCourt(bundle.route.section) else { return false }
        let attendanceCase = bundle.view.attendanceCase
        let pupil = attendanceCase.pupil
        let consultation: Any = bundle.route.childrenServicesConsultation.map { consultation in
            (["on": consultation.on.longForm, "with": consultation.with] as [String: Any])
                .merging(BundleContext.optional("response", consultation.response)) { old, _ in old }
        } ?? false
        let decisions = bundle.entries.first { if case .decisions = $0.content { true } else { false } }
        return [
            "applicant": attendanceCase.localAuthority.name,
            "respondents": BundleContext.names(bundle.defendants.map(\.fullName)),
            "oneRespondent": bundle.defendants.count == 1,
            "child": pupil.fullName, "born": pupil.dateOfBirth.longForm, "school": attendanceCase.school.name,
            "from": bundle.offenceFrom.longForm, "to": bundle.offenceTo.longForm,
            "attended": String(offence.attendedSessions), "possible": String(offence.possibleSessions),
            "attendance": offence.attendance.display, "unauthorised": String(offence.unauthorisedAbsenceSessions),
            "consultation": consultation,
            "hasDecisions": decisions != nil, "decisions": decisions?.id ?? "",
        ] as [String: Any]
    }
}

extension FamilyCourtApplication {
    static let bundleNamespace = "urn:attendoc:bundle:1"

    /// An application to the family court with a section 9 Criminal Justice Act 1967 declaration,
    /// or a statement without its statement of truth, is refused: a local authority's templates
    /// can change the words, not the form the court requires.
    static func refuseCriminalDeclaration(in tree: XMLTree, of bundle: EvidenceBundle) throws(AttendocError) {
        guard isFamilyCourt(bundle.route.section), let root = tree.root else { return }
        var statements: [XMLTree.Element] = []
        func walk(_ element: XMLTree.Element) {
            if element.name == "witness-statement" && element.namespace == bundleNamespace { statements.append(element) }
            element.children.forEach(walk)
        }
        walk(root)
        for statement in statements {
            let name = "a witness statement"
            if statement.child(named: "declaration") != nil {
                throw AttendocError(.template, "the case \(bundle.view.attendanceCase.reference) is an application for an Education Supervision Order, but \(name) in its bundle (line \(statement.line) of the bundle's XML) carries a section 9 Criminal Justice Act 1967 declaration; the family court takes a statement ending with a statement of truth (Family Procedure Rules Part 17, Practice Direction 17A)",
                                    suggestion: "print partials/statutory/statement-of-truth, not partials/statutory/s9-declaration, in partials/bundle/witness-statement when family is set")
            }
            if statement.child(named: "statement-of-truth") == nil {
                throw AttendocError(.template, "the case \(bundle.view.attendanceCase.reference) is an application for an Education Supervision Order, but \(name) in its bundle (line \(statement.line) of the bundle's XML) has no statement of truth (Family Procedure Rules Part 17, Practice Direction 17A)",
                                    suggestion: "print partials/statutory/statement-of-truth in partials/bundle/witness-statement when family is set")
            }
        }
    }
}

extension EvidenceBundle {
    /// The papers of the bundle for `section`: a prosecution file as planned (with the request
    /// for a parenting order when the case records one, `ParentingOrderPapers`), or for an
    /// Education Supervision Order the family court's application (`FamilyCourtApplication`).
    func papers(for section: LegalRoute.Section) -> EvidenceBundle {
        var bundle = self
        guard FamilyCourtApplication.isFamilyCourt(section) else {
            if let a = bundle.sections.firstIndex(where: { $0.letter == "A" }),
               let request = ParentingOrderPapers.entry(in: bundle.sections[a], route: route, asOf: asOf) {
                bundle.sections[a].entries.append(request)
            }
            return bundle
        }
        bundle.sections = sections.map { section in
            var section = section
            section.entries = section.entries.filter { !FamilyCourtApplication.isCriminalOnly($0.content) }.map { entry in
                var entry = entry
                if case .summary = entry.content { entry.about = .application }
                return entry
            }
            return section
        }.filter { !$0.entries.isEmpty }
        return bundle
    }
}
