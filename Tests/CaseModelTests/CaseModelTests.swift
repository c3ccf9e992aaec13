import AttendocCaseModel
import AttendocCasework
import AttendocDocuments
import AttendocTesting
import AttendocValues
import AttendocYAML
import Foundation
import Testing

/// The case model's sections beyond the first letter: identifiers, cohorts, siblings, parents'
/// contact details, supportive measures, meetings, letters issued, referrals and the legal route.
@Suite("The case model")
struct CaseModelTests {
    /// Read as if from the fixtures folder, so `evidence/...` paths resolve to the fixture's files.
    static let file = fixture("case-model.yaml").path
    static let valid = (try? String(contentsOf: fixture("case-model.yaml"), encoding: .utf8)) ?? ""

    /// The fixture with `old` replaced by `new`, which must occur exactly once.
    static func edited(_ old: String, _ new: String) -> String {
        precondition(valid.components(separatedBy: old).count == 2, "fixture edit must be unambiguous: \(old)")
        return valid.replacingOccurrences(of: old, with: new)
    }

    /// The 1-based line of the only line containing `text`.
    static func line(of text: String, in yaml: String) -> Int {
        let lines = yaml.components(separatedBy: "\n")
        precondition(lines.filter { $0.contains(text) }.count == 1, "line search must be unambiguous: \(text)")
        return (lines.firstIndex { $0.contains(text) } ?? -1) + 1
    }

    static func readError(_ yaml: String) -> CaseFileError? {
        #expect(throws: CaseFileError.self) { try CaseFileReader.read(yaml, file: file) }
    }

    // MARK: Reading every section

    @Test func readsTheSchoolAndPupil() throws {
        let attendanceCase = try CaseFileReader.read(Self.valid, file: Self.file)
        let school = attendanceCase.school
        #expect(school.urn == "140123")
        #expect(school.laNumber == "878")
        #expect(school.establishmentNumber == "4012")
        #expect(school.dfeNumber == "878/4012")
        let pupil = attendanceCase.pupil
        #expect(pupil.upn?.text == "Y878401221034")
        #expect(pupil.preferredSurname == "O'Brien")
        #expect(pupil.knownAs == "Shiv O'Brien")
        #expect(pupil.fullName == "Siobhán O'Brien-Ní Dhuibhir")
        #expect(pupil.priorityCohorts == [.youngCarer, .sendSupport])
        #expect(pupil.siblings.map(\.upn.text) == ["Y878401223117", "C87840122100A"])
        #expect(pupil.siblings[0].name == "Ronan O'Brien")
        #expect(pupil.siblings[0].school == nil)
        #expect(pupil.siblings[1].name == nil)
        #expect(pupil.siblings[1].school == "Heavitree Primary School")
    }

    @Test func readsParentsContactDetailsAndNeeds() throws {
        let attendanceCase = try CaseFileReader.read(Self.valid, file: Self.file)
        let mother = try #require(attendanceCase.parentOrCarer(id: "mother"))
        #expect(mother.casePath == "parents[0]")
        #expect(mother.addressConfidential)
        #expect(mother.phones == ["07700 900123", "01392 000 999"])
        #expect(mother.email == "zoe@example.org")
        #expect(mother.preferredLanguage == "Polish")
        #expect(mother.needs == [.interpreter, .largePrint])
        #expect(!mother.doNotContact)
        let father = try #require(attendanceCase.parentOrCarer(id: "father"))
        #expect(father.doNotContact)
        #expect(father.doNotContactReason?.hasPrefix("Non-molestation order") == true)
        #expect(father.ownAddress?.postcode == "EX4 6NN")
        let grandmother = attendanceCase.parentsAndCarers[2]
        #expect(grandmother.id == nil)
        #expect(grandmother.preferredLanguage == "English", "the default")
        #expect(grandmother.needs.isEmpty && grandmother.phones.isEmpty && !grandmother.addressConfidential)
        // The mother lives with the pupil at the pupil's address, which is hers and confidential.
        #expect(attendanceCase.isPupilAddressConfidential)
    }

    @Test func readsSupportiveMeasuresWithEvidenceResolvedBesideTheCaseFile() throws {
        let attendanceCase = try CaseFileReader.read(Self.valid, file: Self.file)
        let measures = attendanceCase.supportiveMeasures
        #expect(measures.count == 2)
        let contract = measures[0]
        #expect(contract.what == "Parenting contract")
        #expect(contract.offeredBy == "Riverside Academy")
        #expect(contract.offeredOn.iso == "2026-10-02")
        #expect(contract.response == .accepted)
        #expect(contract.startedOn?.iso == "2026-10-02")
        #expect(contract.endedOn?.iso == "2026-10-30")
        #expect(contract.outcome == "Target of 90% not met")
        #expect(contract.tierAtTheTime == 3)
        #expect(contract.evidence.map(\.path) == ["evidence/parenting-contract.txt"])
        #expect(contract.evidence[0].url.path == fixture("evidence/parenting-contract.txt").standardizedFileURL.path)
        #expect(measures[1].response == .notEngaged)
        #expect(measures[1].startedOn == nil && measures[1].tierAtTheTime == nil)
        #expect(measures[1].casePath == "supportive_measures[1]")
    }

    @Test func readsMeetings() throws {
        let attendanceCase = try CaseFileReader.read(Self.valid, file: Self.file)
        let meeting = try #require(attendanceCase.meetings.first)
        #expect(meeting.kind == .teamAroundTheFamily)
        #expect(meeting.date.iso == "2026-10-21")
        #expect(meeting.time?.description == "15:30", "written without quotes, which YAML 1.1 would read as a number")
        #expect(meeting.place == "Riverside Academy")
        #expect(meeting.attendees.map(\.role) == ["mother", "head teacher"])
        #expect(meeting.attendees[0].agency == nil)
        #expect(meeting.attendees[1].agency == "Riverside Academy")
        #expect(meeting.apologies == ["Dr Amir Khan"])
        #expect(meeting.barriers == ["Caring for a younger sibling", "Anxiety about PE lessons"])
        #expect(meeting.actions.map(\.owner) == ["Riverside Academy", "Ms D'Souza"])
        #expect(meeting.actions[0].dueDate?.iso == "2026-10-23")
        #expect(meeting.actions[1].dueDate == nil)
        #expect(meeting.attendanceTarget == .percent(tenths: 900))
        #expect(meeting.attendanceTarget?.display == "90%")
        #expect(meeting.reviewDate?.iso == "2026-11-11")
        #expect(meeting.agencyOnlyNotes == "Social worker to be told of the outcome.")
        #expect(meeting.parentCopy.agencyOnlyNotes == nil)
        #expect(meeting.parentCopy.discussion == meeting.discussion)
    }

    @Test func readsLettersReferralsAndTheLegalRoute() throws {
        let attendanceCase = try CaseFileReader.read(Self.valid, file: Self.file)
        let letters = attendanceCase.lettersIssued
        #expect(letters.count == 2)
        #expect(letters[0].kind == .known(.firstWarningLetter))
        #expect(letters[0].recipientID == "mother")
        #expect(letters[0].recipientPath == "parents[0]")
        #expect(letters[0].method == .post)
        #expect(letters[0].evidence.map(\.path) == ["evidence/first-warning-copy.txt"])
        #expect(letters[1].kind == .other("Letter confirming the home visit"))
        #expect(letters[1].method == .hand)

        #expect(attendanceCase.referrals.map(\.to) == ["Early Help", "CAMHS"])
        #expect(attendanceCase.referrals.map(\.decision) == [.accepted, .pending])
        #expect(attendanceCase.referrals[0].evidence.count == 1)

        let route = try #require(attendanceCase.legalRoute)
        #expect(route.section == .s444_1)
        #expect(route.decidedOn.iso == "2026-11-16")
        #expect(route.decidedBy == "Alex Brennan")
        #expect(route.firstWarningOn?.iso == "2026-11-16")
        #expect(route.finalWarningOn == nil && route.papersToCourtOn == nil)
    }

    @Test func supportOfferedComesFromTheMeasuresWhenTheCaseFileHasNone() throws {
        let attendanceCase = try CaseFileReader.read(Self.valid, file: Self.file)
        #expect(attendanceCase.supportOffered == [
            "Parenting contract, offered by Riverside Academy on 2 October 2026",
            "Daily check-in with the attendance mentor, offered by Mr Dev Shah, attendance mentor on 5 October 2026",
        ])
        let explicit = Self.edited("supportive_measures:\n", "support_offered: [A parenting course]\nsupportive_measures:\n")
        #expect(try CaseFileReader.read(explicit, file: Self.file).supportOffered == ["A parenting course"])
    }

    @Test func theFirstCaseFilesStillRead() throws {
        // Written before the case model grew: no UPN, ids or measures.
        let old = try CaseFileReader.read(contentsOf: fixture("separated-parents.yaml"))
        #expect(old.pupil.upn == nil && old.supportiveMeasures.isEmpty && old.legalRoute == nil)
        #expect(old.supportOffered.isEmpty)
    }

    @Test func theBundledExampleUsesEverySection() throws {
        let example = try CaseFileReader.read(contentsOf: repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml"))
        #expect(example.pupil.upn != nil)
        #expect(!example.supportiveMeasures.isEmpty && !example.meetings.isEmpty && !example.lettersIssued.isEmpty)
        #expect(!example.referrals.isEmpty && example.legalRoute != nil)
        #expect(example.supportiveMeasures.allSatisfy { $0.evidence.allSatisfy { FileManager.default.fileExists(atPath: $0.url.path) } })
        #expect(Set(example.meetings.map(\.kind)) == [.parentingContract, .teamAroundTheFamily, .paceInterview])
    }

    // MARK: Who receives a letter

    @Test func aDoNotContactParentGetsNoLetterAndIsReportedAsSkipped() throws {
        let attendanceCase = try CaseFileReader.read(Self.valid, file: Self.file)
        #expect(Recipient.parents(in: attendanceCase).map(\.person.casePath) == ["parents[0]"])
        let skipped = Recipient.skipped(in: attendanceCase)
        #expect(skipped == [
            SkippedRecipient(casePath: "parents[1]", reason: .doNotContact),
            SkippedRecipient(casePath: "parents[2]", reason: .notAParent),
        ])
        let described = skipped.map(\.description).joined(separator: "\n")
        #expect(described.contains("parents[1]: no letter (do not contact"))
        #expect(!described.contains("O'Brien") && !described.contains("molestation"), "no names, no reasons")

        // The same parent, contactable, gets a copy at their address.
        let contactable = Self.edited("""
                do_not_contact: yes
                do_not_contact_reason: Non-molestation order; all contact through the family's social worker

            """, "")
        let both = try CaseFileReader.read(contactable, file: Self.file)
        #expect(Recipient.parents(in: both).map(\.person.casePath) == ["parents[0]", "parents[1]"])
        #expect(Recipient.skipped(in: both) == [SkippedRecipient(casePath: "parents[2]", reason: .notAParent)])
    }

    @Test func everyParentUnderSection576GetsALetter() throws {
        // s576 Education Act 1996: a natural parent, anyone with parental responsibility, anyone
        // with care of the child. The grandmother (parents[2]) has none of them.
        let grandmother = "    relationship: grandmother\n    parental_responsibility: no\n    lives_with_pupil: no\n"
        #expect(Self.valid.contains(grandmother))
        // A step-grandparent the child lives with has care of the child: a parent, with a letter.
        let withCare = try CaseFileReader.read(Self.edited(grandmother, grandmother.replacingOccurrences(of: "lives_with_pupil: no", with: "lives_with_pupil: yes")), file: Self.file)
        #expect(Recipient.parents(in: withCare).map(\.person.casePath) == ["parents[0]", "parents[2]"])
        #expect(withCare.parentsAndCarers[2].basesAsParent == [.careOfChild])
        // Unless the case file records that they do not have care of the child.
        let noCare = try CaseFileReader.read(Self.edited(grandmother, grandmother.replacingOccurrences(of: "lives_with_pupil: no", with: "lives_with_pupil: yes\n    care_of_child: no")), file: Self.file)
        #expect(Recipient.parents(in: noCare).map(\.person.casePath) == ["parents[0]"])
        // A natural parent without parental responsibility, living elsewhere, is a parent: they
        // need an address to be sent their letter.
        let natural = grandmother.replacingOccurrences(of: "parental_responsibility: no", with: "natural_parent: yes\n    parental_responsibility: no")
        let error = #expect(throws: CaseFileError.self) { _ = try CaseFileReader.read(Self.edited(grandmother, natural), file: Self.file) }
        #expect(error?.field == "parents[2].address")
        let addressed = try CaseFileReader.read(Self.edited(grandmother, natural + "    address:\n      lines: [8 Church Lane, Topsham]\n      postcode: EX3 0JA\n"), file: Self.file)
        #expect(Recipient.parents(in: addressed).map(\.person.casePath) == ["parents[0]", "parents[2]"])
        #expect(Recipient.skipped(in: addressed) == [SkippedRecipient(casePath: "parents[1]", reason: .doNotContact)])
    }

    @Test func aParentWhoMustNotBeContactedNeedsNoAddress() throws {
        let noAddress = Self.edited("""
                address:
                  lines: [Flat 3, 27 Sidwell Street, Exeter]
                  postcode: EX4 6NN

            """, "")
        let attendanceCase = try CaseFileReader.read(noAddress, file: Self.file)
        #expect(attendanceCase.parentsAndCarers[1].ownAddress == nil)
        // Contactable again, the same parent needs one: their letter goes there.
        let contactable = noAddress.replacingOccurrences(of: "    do_not_contact: yes\n", with: "")
            .replacingOccurrences(of: "    do_not_contact_reason: Non-molestation order; all contact through the family's social worker\n", with: "")
        let error = try #require(Self.readError(contactable))
        #expect(error.field == "parents[1].address")
    }

    @Test func theLetterRunWritesNoCopyForADoNotContactParent() throws {
        let attendanceCase = try CaseFileReader.read(Self.valid, file: Self.file)
        let run = try LetterRun(resources: resources)
        let letters = try run.letters(.firstWarningLetter, for: attendanceCase, dated: CalendarDate(iso: "2026-11-23")!)
        // (A parent with a confidential address lives at the pupil's address, so the head teacher's
        // copy of Zoë's letter is a document of its own, without it.)
        #expect(letters.map(\.relativeStem) == ["CAT-2026-0150/first-warning-letter/zoe-dsouza", "CAT-2026-0150/first-warning-letter/zoe-dsouza-copy-for-head-teacher"])
    }

    // MARK: Errors name the file, the line and the field

    @Test func anUnknownCohortListsTheAllowedOnes() throws {
        let yaml = Self.edited("    - send_support\n", "    - send\n")
        let error = try #require(Self.readError(yaml))
        #expect(error.file == Self.file)
        #expect(error.line == Self.line(of: "    - send", in: yaml))
        #expect(error.field == "pupil.priority_cohorts[1]")
        #expect(error.message == "expected one of: child_with_a_social_worker, send_support, ehcp, autistic_or_social_communication_needs, semh, adverse_childhood_experiences, known_to_youth_justice, young_carer, parent_facing_barriers_to_engagement; found text of 4 characters that is none of them")
    }

    @Test func aCohortListedTwiceIsAnError() throws {
        let yaml = Self.edited("    - send_support\n", "    - young_carer\n")
        let error = try #require(Self.readError(yaml))
        #expect(error.field == "pupil.priority_cohorts[1]")
        #expect(error.line == Self.line(of: "  priority_cohorts:", in: yaml) + 2)
        #expect(error.message.contains("more than once"))
    }

    /// A bad value of each fixed list, and the field and allowed values its error names.
    static let badValues: [(old: String, new: String, field: String, allowed: String)] = [
        ("    response: not_engaged", "    response: ignored", "supportive_measures[1].response", "accepted, declined, not_engaged, not_yet_known"),
        ("  - kind: team_around_the_family", "  - kind: taf", "meetings[0].kind", "parenting_contract, attendance_improvement_plan, team_around_the_family, attendance_panel, pace_interview"),
        ("    method: post", "    method: fax", "letters_issued[0].method", "post, hand, email"),
        ("    accepted: pending", "    accepted: maybe", "referrals[1].accepted", "yes, no, pending"),
        ("  section: s444_1", "  section: s444", "legal_route.section", "s444_1, s444_1a, s443, education_supervision_order"),
        ("needs: [interpreter, large_print]", "needs: [interpreter, giant_print]", "parents[0].needs[1]", "interpreter, sign_language_interpreter, large_print"),
        ("  - kind: first_warning_letter", "  - kind: first_warning_leter", "letters_issued[0].kind", "concern_letter, parenting_contract_invitation"),
    ]

    @Test func anOlderCaseFilesParentingOrderRouteSaysWhatToWriteInstead() throws {
        let yaml = Self.edited("  section: s444_1", "  section: parenting_order")
        let error = try #require(Self.readError(yaml))
        #expect(error.file == Self.file)
        #expect(error.line == Self.line(of: "  section: parenting_order", in: yaml))
        #expect(error.field == "legal_route.section")
        #expect(error.message.contains("is parenting_order, which is not a route of its own"))
        #expect(error.message.contains("section 8(1)(d) Crime and Disorder Act 1998"))
        #expect(error.message.contains("write section: s444_1 (or s444_1a)"), "\(error.message)")
    }

    @Test func theChildrenServicesConsultationIsOnlyForAnEducationSupervisionOrder() throws {
        let consultation = "  section: s444_1\n  children_services_consultation: {on: 2027-01-06, with: Sam Okafor, Children's Services}"
        let error = try #require(Self.readError(Self.edited("  section: s444_1", consultation)))
        #expect(error.field == "legal_route.children_services_consultation")
        #expect(error.message.contains("only with section: education_supervision_order"), "\(error.message)")
        // Without `with`, it says what is missing.
        let eso = "  section: education_supervision_order\n  children_services_consultation: {on: 2027-01-06}"
        let missing = try #require(Self.readError(Self.edited("  section: s444_1", eso)))
        #expect(missing.field == "legal_route.children_services_consultation.with")
        #expect(missing.message.contains("is required but missing"))
    }

    @Test(arguments: badValues.indices)
    func aBadFixedValueNamesFileLineFieldAndTheAllowedValues(_ index: Int) throws {
        let bad = Self.badValues[index]
        let yaml = Self.edited(bad.old, bad.new)
        let error = try #require(Self.readError(yaml))
        #expect(error.file == Self.file)
        #expect(error.line == Self.line(of: bad.new, in: yaml))
        #expect(error.field == bad.field)
        #expect(error.message.hasPrefix("expected one of: \(bad.allowed)"), "\(error.message)")
    }

    @Test(arguments: [
        // written, what the message says: each wrong in one way.
        ("Y87840122103", "has 12"),             // too short
        ("Y8784012210345", "has 14"),           // too long
        ("1878401221034", "starts with its check letter"),
        ("I878401221034", "starts with its check letter"),   // I is never a check letter
        ("Y8784O1221034", "character 6 of a UPN must be a digit"),
        ("Y87840122103S", "the last character"),             // S is never used
        ("A878401221034", "check letter does not match"),
        ("Y878401221043", "check letter does not match"),    // two digits swapped
    ])
    func aBadUPNSaysWhatIsWrongWithoutRepeatingIt(_ written: String, _ words: String) throws {
        let yaml = Self.edited("  upn: Y878401221034", "  upn: \(written)")
        let error = try #require(Self.readError(yaml))
        #expect(error.file == Self.file)
        #expect(error.line == Self.line(of: "  upn: \(written)", in: yaml))
        #expect(error.field == "pupil.upn")
        #expect(error.message.contains(words), "\(error.message)")
        #expect(!error.description.contains(written))
    }

    @Test func theUPNCheckLetterFollowsTheDfERule() {
        // B801200005001: 8×2 + 1×4 + 2×5 + 5×10 + 1×13 = 16 + 4 + 10 + 50 + 13 = 93 = 4 × 23 + 1 → B.
        #expect(UniquePupilNumber("B801200005001") != nil)
        #expect(UniquePupilNumber("A801200005001") == nil)
        // Y878401221034: 8×2 + 7×3 + 8×4 + 4×5 + 0×6 + 1×7 + 2×8 + 2×9 + 1×10 + 0×11 + 3×12 + 4×13
        // = 16 + 21 + 32 + 20 + 7 + 16 + 18 + 10 + 36 + 52 = 228 = 9 × 23 + 21 → Y (A..Z without I, O, S: 21 is Y).
        #expect(UniquePupilNumber("Y878401221034")?.text == "Y878401221034")
        // Temporary UPN, ending in a letter valued as in the same table: C87840122100A, A = 0.
        // 16 + 21 + 32 + 20 + 7 + 16 + 18 + 10 + 0 + 0 + 0 = 140 = 6 × 23 + 2 → C.
        #expect(UniquePupilNumber("C87840122100A") != nil)
        #expect(UniquePupilNumber("c87840122100a")?.text == "C87840122100A", "read in capitals")
        // 2,0,7,0,0,0,0,1,6,0,4,9: 4 + 28 + 9 + 60 + 48 + 117 = 266 = 11 × 23 + 13 → P.
        #expect(UniquePupilNumber("P207000016049") != nil)
        #expect(UniquePupilNumber("Q207000016049") == nil)
    }

    @Test func aMissingEvidenceFileNamesTheFieldAndItsLine() throws {
        let yaml = Self.edited("    evidence: [evidence/mentor-log.txt]", "    evidence:\n      - evidence/mentor-log.txt\n      - evidence/home-visit-notes.pdf")
        let error = try #require(Self.readError(yaml))
        #expect(error.file == Self.file)
        #expect(error.line == Self.line(of: "home-visit-notes.pdf", in: yaml))
        #expect(error.field == "supportive_measures[1].evidence[1]")
        #expect(error.message.hasPrefix("refers to a file that does not exist"), "\(error.message)")
    }

    @Test func evidenceForLettersAndReferralsIsCheckedToo() throws {
        let letter = try #require(Self.readError(Self.edited("[evidence/first-warning-copy.txt]", "[evidence/first-warning.pdf]")))
        #expect(letter.field == "letters_issued[0].evidence[0]")
        #expect(letter.line == Self.line(of: "evidence/first-warning.pdf", in: Self.edited("[evidence/first-warning-copy.txt]", "[evidence/first-warning.pdf]")))
        let referral = try #require(Self.readError(Self.edited("[evidence/early-help-referral.txt]", "[evidence]")))
        #expect(referral.field == "referrals[0].evidence[0]")
        #expect(referral.message.contains("is a folder"))
        let absolute = try #require(Self.readError(Self.edited("[evidence/early-help-referral.txt]", "[/etc/hostname]")))
        #expect(absolute.field == "referrals[0].evidence[0]")
        #expect(absolute.message.contains("relative to the case file's folder"))
    }

    @Test func aMeasureThatEndsBeforeItStartsIsRefused() throws {
        let yaml = Self.edited("    ended_on: 2026-10-30", "    ended_on: 2026-09-30")
        let error = try #require(Self.readError(yaml))
        #expect(error.file == Self.file)
        #expect(error.line == Self.line(of: "ended_on: 2026-09-30", in: yaml))
        #expect(error.field == "supportive_measures[0].ended_on")
        #expect(error.message == "is 2026-09-30, before started_on (2026-10-02); a measure cannot end before it starts")
    }

    @Test func doNotContactNeedsAReasonAndTheMessageQuotesNoOne() throws {
        let yaml = Self.edited("    do_not_contact_reason: Non-molestation order; all contact through the family's social worker\n", "")
        let error = try #require(Self.readError(yaml))
        #expect(error.file == Self.file)
        #expect(error.line == Self.line(of: "do_not_contact: yes", in: yaml))
        #expect(error.field == "parents[1].do_not_contact_reason")
        #expect(error.message.contains("is required when do_not_contact is yes"))
        #expect(!error.description.contains("O'Brien") && !error.description.contains("Ciarán"))

        let reasonOnly = Self.edited("    do_not_contact: yes\n", "")
        let second = try #require(Self.readError(reasonOnly))
        #expect(second.field == "parents[1].do_not_contact_reason")
        #expect(second.line == Self.line(of: "do_not_contact_reason:", in: reasonOnly))
    }

    @Test func anUnknownKeyInsideAMeetingActionIsReportedWhereItIs() throws {
        let yaml = Self.edited("        action: Refer to Early Help\n", "        action: Refer to Early Help\n        priority: high\n")
        let error = try #require(Self.readError(yaml))
        #expect(error.file == Self.file)
        #expect(error.line == Self.line(of: "priority: high", in: yaml))
        #expect(error.field == "meetings[0].actions[0].priority")
        #expect(error.message == "is not a known field here; known fields are: action, done_on, due_date, owner")
    }

    @Test func aLetterToAnUnknownRecipientIsRefusedWithoutQuotingTheID() throws {
        let yaml = Self.edited("    recipient: mother\n    method: post", "    recipient: zoe\n    method: post")
        let error = try #require(Self.readError(yaml))
        #expect(error.line == Self.line(of: "recipient: zoe", in: yaml))
        #expect(error.field == "letters_issued[0].recipient")
        #expect(error.message.contains("does not match the id of any parent"))
        #expect(!error.message.contains("zoe"))
    }

    @Test func twoParentsCannotShareAnID() throws {
        let yaml = Self.edited("  - id: father", "  - id: mother")
        let error = try #require(Self.readError(yaml))
        #expect(error.field == "parents[1].id")
        #expect(error.line == Self.line(of: "  - id: father", in: Self.valid), "the second parent's id, on the same line as before the edit")
        #expect(error.message.contains("same as the id of parents[0]"))
    }

    /// Other checks: what to change, the field named, and words the message must contain.
    static let otherProblems: [(old: String, new: String, field: String, words: String)] = [
        ("  urn: \"140123\"", "  urn: 14012", "school.urn", "exactly 6 digits"),
        ("  la_number: 878", "  la_number: 8780", "school.la_number", "exactly 3 digits"),
        ("  establishment_number: 4012", "  establishment_number: 40a2", "school.establishment_number", "exactly 4 digits"),
        ("    - upn: Y878401223117", "    - upn: Y878401221034", "pupil.siblings[0].upn", "the pupil's own UPN"),
        ("    - upn: C87840122100A", "    - upn: Y878401223117", "pupil.siblings[1].upn", "same UPN as pupil.siblings[0].upn"),
        ("    preferred_language: Polish", "    preferred_language: English", "parents[0].needs", "preferred_language is English"),
        ("    email: zoe@example.org", "    email: zoe at example.org", "parents[0].email", "email address"),
        ("  - id: mother", "  - id: Mother", "parents[0].id", "lower-case"),
        ("    tier_at_the_time: 3", "    tier_at_the_time: 5", "supportive_measures[0].tier_at_the_time", "from 1 to 4"),
        ("    time: 15:30", "    time: 3.30pm", "meetings[0].time", "HH:MM"),
        ("    review_date: 2026-11-11", "    review_date: 2026-10-21", "meetings[0].review_date", "after the meeting"),
        ("        due_date: 2026-10-23", "        due_date: 2026-10-20", "meetings[0].actions[0].due_date", "before the meeting"),
        ("    attendance_target: 90%", "    attendance_target: 90", "meetings[0].attendance_target", "with %"),
        ("    attendance_target: 90%", "    attendance_target: 101%", "meetings[0].attendance_target", "more than 100%"),
        ("  first_warning_on: 2026-11-16", "  first_warning_on: 2026-11-13", "legal_route.first_warning_on", "before decided_on"),
        ("    offered_on: 2026-10-05", "    offered_on: 5 October", "supportive_measures[1].offered_on", "YYYY-MM-DD"),
        ("  - name: Zoë D'Souza\n        role: mother\n", "  - name: Zoë D'Souza\n", "meetings[0].attendees[0].role", "required"),
    ]

    @Test(arguments: otherProblems.indices)
    func eachOtherProblemNamesItsField(_ index: Int) throws {
        let problem = Self.otherProblems[index]
        let yaml = Self.edited(problem.old, problem.new)
        let error = try #require(Self.readError(yaml))
        #expect(error.file == Self.file)
        #expect(error.line != nil)
        #expect(error.field == problem.field, "\(error)")
        #expect(error.message.contains(problem.words), "\(error.message)")
        #expect(!error.description.contains("D'Souza") && !error.description.contains("Zoë"))
    }

    @Test func attendanceTargetsInWordsAndWithADecimal() throws {
        let decimal = try CaseFileReader.read(Self.edited("attendance_target: 90%", "attendance_target: 92.5%"), file: Self.file)
        #expect(decimal.meetings[0].attendanceTarget == .percent(tenths: 925))
        #expect(decimal.meetings[0].attendanceTarget?.display == "92.5%")
        let words = try CaseFileReader.read(Self.edited("attendance_target: 90%", "attendance_target: No unauthorised absence before half term"), file: Self.file)
        #expect(words.meetings[0].attendanceTarget == .words("No unauthorised absence before half term"))
    }

    @Test func theLegalRoutesDatesMustRunInOrder() throws {
        let yaml = Self.edited("  first_warning_on: 2026-11-16\n", "  first_warning_on: 2026-11-16\n  final_warning_on: 2027-01-08\n  papers_to_court_on: 2027-01-07\n")
        let error = try #require(Self.readError(yaml))
        #expect(error.field == "legal_route.papers_to_court_on")
        #expect(error.line == Self.line(of: "papers_to_court_on", in: yaml))
        #expect(error.message == "is 2027-01-07, before final_warning_on (2027-01-08); the steps of the legal route run in order")
    }
}
