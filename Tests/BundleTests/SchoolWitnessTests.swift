@testable import AttendocBundle
@testable import AttendocCaseModel
import AttendocCasework
import AttendocTesting
import Foundation
import Testing

/// Two witnesses (issue 13): the officer's statement covers the local authority's own acts, the
/// school witness's (`legal_route.school_witness`) produces the school's letters, meetings,
/// support, referrals and the register certificate. Each exhibit is numbered from its producer's
/// initials, separately, and each statement refers to it by that label; one rule (`Producers`)
/// decides both.
@Suite("Evidence bundle: the school witness")
struct SchoolWitnessTests {
    static func exhibits(_ bundle: EvidenceBundle) -> [EvidenceBundle.Entry] {
        bundle.entries.filter(\.content.isExhibit).filter { ["D", "E", "F"].contains($0.id.prefix(1).uppercased()) }
    }

    @Test func eachProducersExhibitsAreNumberedFromTheirOwnInitialsSeparately() throws {
        let bundle = try EvidenceBundlePlanTests.countyPlan()
        let exhibits = Self.exhibits(bundle)
        let school = exhibits.filter { $0.producer == .school }.map(\.exhibit)
        let officer = exhibits.filter { $0.producer == .officer }.map(\.exhibit)
        #expect(school == (1...school.count).map { "LH/\($0)" })
        #expect(officer == (1...officer.count).map { "AB/\($0)" })
        // The school's register certificate is the school witness's first exhibit.
        let certificate = try #require(bundle.entriesFor["register"]?.first.flatMap { bundle.entry($0) })
        #expect(certificate.exhibit == "LH/1")
        // The school's letters and minutes are the school's; the warnings and records of interview
        // the officer's.
        for entry in exhibits {
            switch entry.documentKind {
            case .attendanceConcernLetter, .meetingInvitation, .meetingMinutes, .parentingContract, .registerCertificate:
                #expect(entry.producer == .school, "\(entry.id)")
            case .firstWarningLetter, .paceInterviewInvitation, .finalWarningLetter, .recordOfInterview:
                #expect(entry.producer == .officer, "\(entry.id)")
            default: break
            }
        }
        // A measure offered by a third party (Early Help) is the officer's, from the records; a
        // measure the school offered is the school's.
        let visits = try #require(exhibits.first { $0.source.hasSuffix("early-help-home-visits-november-2026.pdf") })
        #expect(visits.producer == .officer)
        let mentor = try #require(exhibits.first { $0.source.hasSuffix("mentor-check-in-log-october-2026.txt") })
        #expect(mentor.producer == .school)
    }

    /// The statements' paragraphs, as the bundle's XML words them, by witness.
    static func statements(_ bundle: EvidenceBundle) throws -> [String: String] {
        let (xml, _) = try BundleRun(resources: resources).bundleXML(bundle)
        let text = String(decoding: xml, as: UTF8.self)
        var result: [String: String] = [:]
        for part in text.components(separatedBy: "<witness-statement>").dropFirst() {
            let statement = part.components(separatedBy: "</witness-statement>")[0]
            let name = statement.components(separatedBy: "<name>")[1].components(separatedBy: "</name>")[0]
            result[name] = statement
        }
        return result
    }

    @Test func eachStatementProducesItsOwnExhibitsAndRefersToTheOthersByTheirLabels() throws {
        let bundle = try EvidenceBundlePlanTests.countyPlan()
        let statements = try Self.statements(bundle)
        let officer = try #require(statements["Alex Brennan"])
        let school = try #require(statements["Ms Laura Hughes"])
        // Every exhibit is referred to by a statement, by its label.
        for entry in Self.exhibits(bundle) {
            let label = try #require(entry.exhibit)
            #expect(officer.contains(label) || school.contains(label), "\(label) (\(entry.source)) is in no statement")
        }
        // The officer produces no LH exhibit, and the school witness no AB exhibit: a sentence that
        // produces one holds only its producer's labels.
        for sentence in officer.components(separatedBy: ". ") where sentence.contains("I produce") {
            #expect(!sentence.contains("LH/"), "\(sentence)")
        }
        for sentence in school.components(separatedBy: ". ") where sentence.contains("I produce") {
            #expect(!sentence.contains("AB/"), "\(sentence)")
        }
        // The officer reads the certificate the school witness produces.
        #expect(officer.contains("I have read the certificate of the head teacher, Mrs Janet Patel, under section 566 of the Education Act 1996, of the attendance recorded in the register, which Ms Laura Hughes produces as exhibit LH/1"))
        #expect(school.contains("Dhuibhir has been a registered pupil at Riverside Academy since 4 September 2024."))
        #expect(school.contains("under section 566 of the Education Act 1996, of the attendance recorded in the register as exhibit LH/1."))
        // The school's acts are in the school's statement only; the local authority's in the officer's.
        #expect(school.contains("I am employed by Riverside Academy as head of year 8."))
        #expect(school.contains("a parenting contract meeting was held at Riverside Academy"))
        #expect(!officer.contains("a parenting contract meeting was held"))
        #expect(school.contains("Riverside Academy referred the family to Northshire Early Help"))
        #expect(officer.contains("the County Attendance Team sent a first warning letter"))
        #expect(!school.contains("first warning letter"))
        // The register certificate sent with the invitation is the County Attendance Team's
        // (letters_issued sent_by), though the certificate bears the school's letterhead.
        #expect(officer.contains("the County Attendance Team sent a register certificate"))
        #expect(!school.contains("sent a register certificate"))
        // The officer speaks for the local authority's records only.
        #expect(officer.contains("from the records of the County Attendance Team of Northshire County Council, which are made and kept in the ordinary course of its work"))
        // A third party's record the officer produces, with the school's referral it cites.
        #expect(officer.contains("Northshire Early Help offered the family the following support"))
    }

    @Test func withoutASchoolWitnessTheOfficerProducesEverythingAndTheCheckNamesTheWitness() throws {
        let loaded = try ReadinessTests.variant("  school_witness:\n    name: Ms Laura Hughes\n    role: head of year 8\n", "")
        let gaps = ProsecutionReadiness.check(loaded, asOf: ReadinessTests.asOf).gaps
        #expect(gaps.map(\.place) == ["legal_route.school_witness"], "\(gaps)")
        #expect(gaps.first?.toDo.contains("add legal_route.school_witness with the name and role") == true)
        let bundle = try EvidenceBundlePlanTests.plan(loaded, draft: true)
        let labels = Self.exhibits(bundle).compactMap(\.exhibit)
        #expect(labels == (1...labels.count).map { "AB/\($0)" })
        #expect(!bundle.entries.contains { if case .statement(.school) = $0.content { true } else { false } })
    }

    @Test func theSchoolStatementMustBeSignedForAFinalBundle() throws {
        let county = try LoadedCase.load(EvidenceBundlePlanTests.riverside, resources: resources)
        var route = try #require(county.attendanceCase.legalRoute)
        let file = FileReference(path: "x.pdf", url: URL(fileURLWithPath: "/x.pdf"), caseFolder: URL(fileURLWithPath: "/"))
        route.signedStatement = file
        route.signedCertificate = file
        #expect(!route.isSigned, "the school witness's statement is not signed yet")
        route.signedSchoolStatement = file
        #expect(route.isSigned)
        #expect {
            _ = try ReadinessTests.variant("  school_witness:\n    name: Ms Laura Hughes\n    role: head of year 8\n",
                                           "  signed_school_statement: evidence/early-help-home-visits-november-2026.pdf\n")
        } throws: { error in
            "\(error)".contains("legal_route.signed_school_statement: is given without school_witness")
        }
    }

    @Test func initialsLeaveOutTitlesAndTwoWitnessesNeverShareThem() throws {
        #expect(EvidenceBundle.exhibitPrefix(for: "Ms Laura Hughes") == "LH")
        #expect(EvidenceBundle.exhibitPrefix(for: "Alex Brennan") == "AB")
        let loaded = try ReadinessTests.variant("    name: Ms Laura Hughes\n    role: head of year 8\n", "    name: Mrs Anna Barker\n    role: attendance lead\n")
        let producers = EvidenceBundle.Producers(loaded.attendanceCase)
        #expect(producers.prefix(.school, officer: "Alex Brennan") == "ABA")
        #expect(producers.prefix(.officer, officer: "Alex Brennan") == "AB")
    }

    @Test func theExhibitsASentenceProducesAreCitedInExhibitNumberOrder() throws {
        let bundle = try EvidenceBundlePlanTests.countyPlan()
        // Each list of exhibit numbers a statement prints ("LH/2, LH/3 and LH/14"), in the words
        // the court reads, runs up by number: a letter sent to both parents, with the copy of it
        // the school kept, is one sentence citing exhibits from sections E and F.
        let list = try Regex("(AB|LH)/[0-9]+((, | and )(AB|LH)/[0-9]+)+")
        var lists: [String] = []
        for (name, statement) in try Self.statements(bundle) {
            let words = EvidenceBundlePlanTests.unescaped(statement.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression))
            for match in flattened(words).matches(of: list) {
                let run = String(flattened(words)[match.range])
                lists.append(run)
                let labels = run.replacingOccurrences(of: " and ", with: ", ").components(separatedBy: ", ")
                let numbers = labels.compactMap { Int($0.split(separator: "/").last ?? "") }
                #expect(Set(labels.map { $0.prefix(2) }).count == 1 && numbers == numbers.sorted(), "\(name): \(run)")
            }
        }
        #expect(lists.count >= 5, "\(lists)")
        // By number, not as text: LH/14 comes after LH/3, whatever order they are cited in.
        let school = Self.exhibits(bundle).filter { $0.producer == .school }
        let ids = ["LH/14", "LH/3", "LH/2"].compactMap { label in school.first { $0.exhibit == label }?.id }
        #expect(ids.count == 3)
        #expect(BundleContext.Exhibits(ids, in: bundle, producer: .school).numbers == ["LH/2", "LH/3", "LH/14"])
    }
}
