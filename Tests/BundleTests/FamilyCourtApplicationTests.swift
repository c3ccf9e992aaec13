@testable import AttendocBundle
@testable import AttendocCasework
import AttendocTesting
import AttendocValues
import Foundation
import Testing

/// An application for an Education Supervision Order goes to the family court (section 36
/// Children Act 1989), so its bundle is the family court's: the applicant authority v the
/// respondents, the child, the grounds, the consultation with children's services (s36(8)), the
/// officer's statement ending in a statement of truth (FPR Part 17, PD 17A), never a section 9
/// Criminal Justice Act 1967 declaration, and none of the criminal court's papers. The example is
/// the county case applied for as an order: its invitations to an interview under caution are
/// taken out (they are only for a prosecution) and the consultation is recorded.
@Suite("Evidence bundle: an Education Supervision Order application", .serialized)
struct FamilyCourtApplicationTests {
    static let consultation = """
      children_services_consultation:
        on: 2027-01-06
        with: Sam Okafor, team manager, Northshire Children's Services
        authority: Northshire County Council
        child_in_care: no
        response: No child protection concerns; Early Help continue weekly visits and support an order.

    """

    /// The county example as an application for an Education Supervision Order, with the
    /// consultation recorded unless `consulted` is false.
    static func application(consulted: Bool = true, edits more: [(old: String, new: String)] = []) throws -> LoadedCase {
        var edits: [(old: String, new: String)] = [("  section: s444_1\n", "  section: education_supervision_order\n"),
                                                   ("  court: Exeter Magistrates' Court\n", "  court: The Family Court sitting at Exeter\n")]
        if consulted {
            edits.append(("  final_warning_on: 2027-01-11\n", consultation + "  final_warning_on: 2027-01-11\n"))
        }
        var text = try String(contentsOf: EvidenceBundleTests.riverside, encoding: .utf8)
        for (old, new) in edits + more {
            #expect(text.components(separatedBy: old).count == 2, "the edit must match once: \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        // The invitation to an interview under caution names an offence: not for an application.
        text = text.replacingOccurrences(of: "  - kind: pace_interview_invitation\n    date: [0-9-]+\n    recipient: [a-z]+\n    method: post\n",
                                         with: "", options: .regularExpression)
        #expect(!text.contains("pace_interview_invitation"))
        let folder = try temporaryFolder("eso-case")
        for item in ["registers", "evidence"] {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("examples/\(item)"), to: folder.appendingPathComponent(item))
        }
        let caseFile = folder.appendingPathComponent("case.yaml")
        try Data(text.utf8).write(to: caseFile)
        return try LoadedCase.load(caseFile, resources: resources)
    }

    static let made: Result<EvidenceBundleTests.MadeBundle, any Error> = Result {
        try EvidenceBundleTests.make(try application(), label: "evidence-eso")
    }

    @Test func theConsultationIsReadFromTheCaseFile() throws {
        let route = try #require(try Self.application().attendanceCase.legalRoute)
        let consultation = try #require(route.childrenServicesConsultation)
        #expect(consultation.on == date("2027-01-06"))
        #expect(consultation.with == "Sam Okafor, team manager, Northshire Children's Services")
        #expect(consultation.casePath == "legal_route.children_services_consultation")
    }

    @Test func theFrontSheetIsTheFamilyCourtsWithTheApplicantTheRespondentsAndTheChild() throws {
        let bundle = try Self.made.get()
        let front = flattened(bundle.pageTexts[0])
        #expect(front.contains("Court The Family Court sitting at Exeter"), "\(front)")
        #expect(!front.contains("Magistrates"))
        #expect(front.contains("Northshire County Council Applicant v Ms Zoë D'Souza and Mr Ciarán O'Brien Respondents"), "\(front)")
        #expect(front.contains("Application: Application for an Education Supervision Order under section 36 of the Children Act 1989"))
        #expect(front.contains("The child: Siobhán"), "\(front)")
        #expect(front.contains("Children's services consulted: 6 January 2027, Sam Okafor, team manager, Northshire Children's Services (section 36(8) Children Act 1989)"))
        for word in ["Prosecutor", "Defendant", "Offence:", "Information to be laid by", "Period of the offence"] {
            #expect(!front.contains(word), "\(word)")
        }
    }

    @Test func sectionAIsTheApplicationWithItsGroundsAndTheConsultation() throws {
        let bundle = try Self.made.get()
        let application = try #require(bundle.document("a1"))
        #expect((application["title"] as? String)?.hasPrefix("The application: grounds (section 36 Children Act 1989)") == true)
        let text = flattened(bundle.text(of: bundle.pages("a1")))
        #expect(text.contains("Northshire County Council applies to the family court under section 36 of the Children Act 1989 for an Education Supervision Order putting Siobhán"), "\(text)")
        #expect(text.contains("is of compulsory school age and is not being properly educated"))
        #expect(text.contains("efficient full-time education suitable to the child's age, ability and aptitude"))
        #expect(text.contains("is not attending that school regularly within the meaning of section 444 of the Education Act 1996"))
        #expect(text.contains("Before making this application, Northshire County Council consulted Sam Okafor, team manager, Northshire Children's Services on 6 January 2027."))
        #expect(text.contains("Their response, as recorded: No child protection concerns"))
        #expect(!text.contains("The charge"))
        // The section 447 consideration, as the decision records hold it.
        let decisions = flattened(bundle.text(of: bundle.pages("a3")))
        #expect(decisions.contains("Education Supervision Order considered (the section 447(1) Education Act 1996 consideration)"), "\(decisions)")
        #expect(decisions.contains("An order would add supervision the family already has"))
    }

    @Test func theStatementEndsWithAStatementOfTruthAndNeverASection9Declaration() throws {
        let bundle = try Self.made.get()
        let statements = bundle.documents.filter { $0["section"] as? String == "C" }
        #expect(statements.count == 2, "the officer's and the school witness's, and no notice of the right to object")
        for statement in statements {
            let text = flattened(bundle.text(of: bundle.pages(statement["id"] as! String)))
            #expect(text.contains("Statement of truth I believe that the facts stated in this witness statement are true. I understand that proceedings for contempt of court may be brought against anyone who makes, or causes to be made, a false statement in a document verified by a statement of truth without an honest belief in its truth."), "\(text)")
            #expect(text.contains("Family Procedure Rules 2010, Part 22"))
            #expect(!text.contains("Criminal Justice Act"), "\(text)")
            #expect(!text.contains("liable to prosecution"))
        }
        // Nowhere in the bundle: no s9 declaration, no notice of objection, no CPIA schedule.
        let all = flattened(bundle.pageTexts.joined(separator: "\n"))
        #expect(!all.contains("Criminal Justice Act 1967"))
        #expect(!bundle.documents.contains { ($0["title"] as? String)?.contains("unused material") == true })
        #expect(!bundle.documents.contains { ($0["title"] as? String)?.hasPrefix("Notice of the right to object") == true })
    }

    @Test func withoutTheConsultationTheApplicationIsNotReadyAndTheBundleIsNeverFinal() throws {
        let loaded = try Self.application(consulted: false)
        let readiness = ProsecutionReadiness.check(loaded, asOf: EvidenceBundleTests.asOf)
        let gap = try #require(readiness.gaps.first { $0.problem.contains("consultation with children's services") })
        #expect(gap.place == "legal_route")
        #expect(gap.problem.contains("section 36(8) Children Act 1989"))
        #expect(gap.toDo.contains("legal_route.children_services_consultation"))
        let folder = try temporaryFolder("eso-unconsulted")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect {
            _ = try BundleRun(resources: resources).make(loaded, asOf: EvidenceBundleTests.asOf, draft: false, to: folder)
        } throws: { error in
            "\(error)".contains("consultation with children's services")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "nothing written")
        // With the consultation, that gap is gone.
        #expect(!ProsecutionReadiness.check(try Self.application(), asOf: EvidenceBundleTests.asOf).gaps.contains { $0.problem.contains("children's services") })
    }

    @Test func aConsultationAfterTheApplicationWentToCourtIsAGap() throws {
        let late = try Self.application(edits: [("    on: 2027-01-06\n", "    on: 2027-01-20\n"),
                                                ("  final_warning_on: 2027-01-11\n", "  final_warning_on: 2027-01-11\n  papers_to_court_on: 2027-01-12\n")])
        let gaps = ProsecutionReadiness.check(late, asOf: date("2027-01-21")).gaps.filter { $0.place == "legal_route.children_services_consultation" }
        #expect(gaps.count == 1)
        #expect(gaps.first?.problem.contains("consulted on 20 January 2027, after the application went to the court (papers_to_court_on, 12 January 2027)") == true, "\(gaps)")
    }

    @Test func anApplicationBundleWithASection9DeclarationIsRefused() throws {
        // A local authority's copy of the templates whose statement prints the s9 declaration
        // for every route.
        let root = try temporaryFolder("eso-s9")
        defer { try? FileManager.default.removeItem(at: root) }
        for folder in ["schema", "stylesheets", "fop", "data", "policies"] {
            try FileManager.default.createSymbolicLink(at: root.appendingPathComponent(folder),
                                                       withDestinationURL: repositoryRoot.appendingPathComponent(folder))
        }
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("templates"), to: root.appendingPathComponent("templates"))
        let partial = root.appendingPathComponent("templates/partials/bundle/witness-statement.mustache")
        var text = try String(contentsOf: partial, encoding: .utf8)
        let old = "{{^family}}\n{{> partials/statutory/s9-declaration}}\n{{/family}}\n"
        #expect(text.contains(old))
        text = text.replacingOccurrences(of: old, with: "{{> partials/statutory/s9-declaration}}\n")
        text = text.replacingOccurrences(of: "{{#family}}\n          <statement-of-truth>", with: "{{^family}}\n          <statement-of-truth>")
        try Data(text.utf8).write(to: partial)
        let out = try temporaryFolder("eso-s9-out")
        defer { try? FileManager.default.removeItem(at: out) }
        #expect {
            _ = try BundleRun(resources: AttendocResources(root: root)).make(try Self.application(), asOf: EvidenceBundleTests.asOf, draft: true, to: out)
        } throws: { error in
            "\(error)".contains("carries a section 9 Criminal Justice Act 1967 declaration")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty, "nothing written")
    }

    @Test func aProsecutionBundleKeepsItsCriminalPapers() throws {
        let county = try EvidenceBundleTests.countyBundle()
        let front = flattened(county.pageTexts[0])
        #expect(front.contains("Prosecutor v"))
        #expect(!front.contains("Applicant"))
        #expect(county.documents.contains { ($0["title"] as? String)?.hasPrefix("Notice of the right to object") == true })
    }
}
