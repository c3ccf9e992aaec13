import AttendocCaseModel
import AttendocTesting
import AttendocValues
import AttendocWeb
import AttendocWorkspace
import Foundation
import Testing

/// The sections of a case the form edits beyond its meetings: siblings, reasonable adjustments,
/// Additional Needs Plans, an APDR record's pupil voice, a school attendance order, the legal
/// route's defendants (their basis as a parent under section 576 and its evidence), offence period,
/// signed statements and parenting order request, unused material and evidence files; meetings and
/// parents chosen by what they are, never typed as places; and the letters issued, which the form
/// shows and never lets anyone type. Each is read back from the exported YAML by the case file
/// reader; a bad entry is refused on its field with nothing recorded.
@Suite("Web: the case form's other sections")
struct CaseFormSectionsTests {
    static let riverside = "CAT%2F2026%2F0142"

    func site(_ fixture: WebFixture) -> AttendocSite {
        AttendocSite(workspace: fixture.workspace, resources: AttendocTesting.resources, settings: WebSettings(port: 0),
                     clock: TestClock(WebFixture.moment).webClock)
    }

    func openForm(_ visitor: Visitor, _ reference: String = riverside) async throws -> (page: String, form: PageForm) {
        let opened = try await visitor.get("/case/edit?ref=\(reference)")
        #expect(opened.status == .ok)
        return (opened.text, PageForm(opened.text))
    }

    func exported(_ visitor: Visitor, _ fixture: WebFixture, _ reference: String = riverside) async throws -> (yaml: String, read: AttendanceCase) {
        let export = try await visitor.get("/case/yaml?ref=\(reference)")
        #expect(export.status == .ok)
        let file = fixture.folder.appendingPathComponent("examples/exported.yaml")
        try export.body.write(to: file)
        return (String(decoding: export.body, as: UTF8.self), try CaseFileReader.read(contentsOf: file))
    }

    func previewText(_ visitor: Visitor, _ document: String, _ choices: String) async throws -> String {
        let reply = try await visitor.get("/issue/copy?ref=\(Self.riverside)&document=\(document)&method=hand&date=2026-12-10&format-html=yes&\(choices)&copy=0")
        if reply.status != .ok {
            let page = try await visitor.get("/issue?ref=\(Self.riverside)&preview=1&document=\(document)&method=hand&date=2026-12-10&format-html=yes&\(choices)")
            Issue.record("\(document): \(reply.status): \(htmlText(page.text).prefix(1500))")
        }
        return htmlText(reply.text)
    }

    func slot(_ form: PageForm, _ list: String) throws -> Int {
        try #require(Int(form["\(list).slots"] ?? "")) - 1
    }

    /// The option of a select on the page, as HTML.
    func option(_ value: String, _ label: String, selected: Bool = false) -> String {
        "<option value=\"\(WebServerTests.escaped(value))\"\(selected ? " selected" : "")>\(WebServerTests.escaped(label))</option>"
    }

    @Test func meetingsAndParentsAreChosenByWhatTheyAreNotTypedAsPlaces() async throws {
        let fixture = try WebFixture("web-case-choices")
        defer { fixture.remove() }
        try await serving(site(fixture)) { client in
            let office = Visitor(client)
            try await office.signIn("office")
            let (page, form) = try await openForm(office)
            // The review of the parenting contract meeting shows it chosen by its kind and date.
            #expect(page.contains(option("meetings[0]", "Meeting 1: parenting contract meeting on 2 October 2026", selected: true)), "\(page.prefix(0))")
            #expect(page.contains(option("meetings[1]", "Meeting 2: Team Around the Family meeting on 21 October 2026")))
            #expect(!page.contains("By its place: meetings[0]"), "no place to type")
            #expect(page.contains(option("mother", "Parent or carer 1: Zoë D'Souza (mother)")), "a defendant or interviewee chosen by name")
            #expect(page.contains(option("parents[0]", "Parent or carer 1: Zoë D'Souza (mother)")), "who answered the GP consent, by name")
            // Unused material: what the bundle withholds, in words.
            #expect(page.contains(option("meetings[1].agency_only_notes", "The notes for the agencies only of meeting 2: Team Around the Family meeting on 21 October 2026", selected: true)))
            // Every field has its label.
            let ids = try NSRegularExpression(pattern: #"<(?:input|select|textarea) [^>]*id="([^"]+)""#).matches(in: page, range: NSRange(page.startIndex..., in: page))
                .map { (page as NSString).substring(with: $0.range(at: 1)) }
            let named = ids.filter { !$0.hasSuffix("-remove") && $0 != "username" }
            #expect(named.count > 300)
            for id in named where !page.contains("for=\"\(id)\"") {
                // A box of a group is labelled by its own label; a group's first box too.
                Issue.record("no label for #\(id)")
            }
            // Whom a measure was offered to: ticked by name.
            #expect(form["supportive_measures[0].offered_to#mother"] == "yes" && form["supportive_measures[0].offered_to#father"] == nil)
            #expect(page.contains(#"<label class="inline" for="f-supportive_measures-0-offered_to-father">Parent or carer 2: Ciarán O&#39;Brien (father)</label>"#))
            // Choosing another meeting from the list records its place.
            var changed = form
            changed["supportive_measures[0].offered_to#father"] = "yes"
            let review = try slot(form, "reviews")
            changed["reviews[\(review)].of"] = "meetings[1]"
            changed["reviews[\(review)].date"] = "2026-11-25"
            changed["reviews[\(review)].decision"] = "end"
            let saved = try await office.post("/case/save", form: changed.fields)
            #expect(saved.status == .seeOther, "\(htmlText(saved.text).prefix(1500))")
            let read = try await exported(office, fixture).read
            #expect(read.reviews.last?.of == "meetings[1]")
            #expect(read.supportiveMeasures[0].offeredToIDs == ["mother", "father"])
        }
    }

    @Test func siblingsAdjustmentsNeedsPlansAndThePupilsVoiceAreRecorded() async throws {
        let fixture = try WebFixture("web-case-school-records")
        defer { fixture.remove() }
        try await serving(site(fixture)) { client in
            let office = Visitor(client)
            try await office.signIn("office")
            var form = try await openForm(office).form
            let sibling = try slot(form, "pupil.siblings")
            form["pupil.siblings[\(sibling)].upn"] = "B801200005001"
            form["pupil.siblings[\(sibling)].name"] = "Aoife O'Brien"
            #expect(sibling == 1, "the sibling the file holds, then the empty one")
            form["pupil.siblings[\(sibling)].school"] = "Heavitree Primary School"
            form["pupil.priority_cohorts#send_support"] = "yes"
            let adjustment = try slot(form, "reasonable_adjustments")
            form["reasonable_adjustments[\(adjustment)].what"] = "A quiet room to start the day in"
            form["reasonable_adjustments[\(adjustment)].area"] = "pastoral"
            form["reasonable_adjustments[\(adjustment)].from"] = "2026-11-02"
            form["reasonable_adjustments[\(adjustment)].agreed_with"] = "Ms D'Souza and Siobhán"
            let plan = try slot(form, "additional_needs_plans")
            let p = "additional_needs_plans[\(plan)]"
            #expect(form["\(p).support.slots"] == "1", "a new plan holds its first support")
            form["\(p).date"] = "2026-11-04"
            form["\(p).completed_by"] = "Ms Rachel Ford, SENCo"
            form["\(p).needs"] = "Anxiety at the start of the day\r\nCaring for a younger brother"
            form["\(p).attendance_priority"] = "Siobhán is in class by 9:00 every day."
            form["\(p).support[0].owner"] = "Ms Rachel Ford"
            form["\(p).support[0].action"] = "Meet Siobhán at the gate on Mondays"
            form["\(p).support[0].due_date"] = "2026-11-09"
            form["\(p).evidence"] = "evidence/school-contact-record-2026-09-01.txt"
            let record = try slot(form, "apdr")
            let a = "apdr[\(record)]"
            for (name, value) in [("date", "2026-10-02"), ("completed_by", "Mrs Helen Osei, attendance lead"), ("assess", "Mondays are missed"),
                                  ("plan", "A parenting contract meeting"), ("pupil_voice.gathered_on", "2026-10-01"),
                                  ("pupil_voice.gathered_by", "Mr Rhys Evans, class teacher"), ("pupil_voice.how", "a talk at lunchtime"),
                                  ("pupil_voice.words", "I like school when I'm not tired.\r\nMondays are hard.")] {
                form["\(a).\(name)"] = value
            }
            let saved = try await office.post("/case/save", form: form.fields)
            #expect(saved.status == .seeOther, "\(htmlText(saved.text).prefix(2000))")

            let read = try await exported(office, fixture).read
            #expect(read.pupil.siblings.count == sibling + 1 && read.pupil.siblings.last?.upn.text == "B801200005001")
            #expect(read.pupil.siblings.last?.name == "Aoife O'Brien" && read.pupil.siblings.last?.school == "Heavitree Primary School")
            let adjusted = try #require(read.reasonableAdjustments.last)
            #expect(adjusted.area == .pastoral && adjusted.from.iso == "2026-11-02" && adjusted.agreedWith == "Ms D'Souza and Siobhán")
            let needs = try #require(read.additionalNeedsPlans.last)
            #expect(needs.needs == ["Anxiety at the start of the day", "Caring for a younger brother"])
            #expect(needs.support.map(\.action) == ["Meet Siobhán at the gate on Mondays"] && needs.evidence.map(\.path) == ["evidence/school-contact-record-2026-09-01.txt"])
            let voice = try #require(read.apdr.last?.pupilVoice)
            #expect(voice.words == ["I like school when I'm not tired.", "Mondays are hard."] && voice.gatheredBy == "Mr Rhys Evans, class teacher")

            // The documents made from them, as a parent reads them.
            let planText = try await previewText(office, "additional-needs-plan", "record=additional_needs_plans%5B\(plan)%5D")
            #expect(planText.contains("Anxiety at the start of the day") && planText.contains("Meet Siobhán at the gate on Mondays"), "\(planText)")
            let apdr = try await previewText(office, "apdr-record", "record=apdr%5B\(record)%5D")
            #expect(apdr.contains("I like school when I'm not tired."), "\(apdr)")
            let adjustments = try await previewText(office, "reasonable-adjustments-record", "")
            #expect(adjustments.contains("A quiet room to start the day in"), "\(adjustments)")
        }
    }

    @Test func theLegalRoutesDefendantsParentingOrderAndUnusedMaterialAreRecorded() async throws {
        let fixture = try WebFixture("web-case-legal")
        defer { fixture.remove() }
        // A signed statement, as a PDF scan in the case's folder.
        let caseFolder = URL(fileURLWithPath: try fixture.workspace.recordedCase(WebFixture.riverside).sourcePath).deletingLastPathComponent()
        try FileManager.default.copyItem(at: caseFolder.appendingPathComponent("evidence/early-help-home-visits-november-2026.pdf"),
                                         to: caseFolder.appendingPathComponent("evidence/statement-signed.pdf"))
        try await serving(site(fixture)) { client in
            let team = Visitor(client)
            try await team.signIn("team")
            var form = try await openForm(team).form
            // The defendants as the file holds them, each a field of its own.
            #expect(form["legal_route.defendants[0].parent"] == "mother" && form["legal_route.defendants[1].parent"] == "father")
            #expect(form["legal_route.defendants[1].basis#parental_responsibility"] == "yes" && form["legal_route.defendants[1].basis#care_of_child"] == nil)
            form["legal_route.defendants[1].reasons"] = "Mr O'Brien agreed to take on the morning school run and has not."
            form["legal_route.offence_period.from"] = "2026-11-26"
            form["legal_route.signed_statement"] = "evidence/statement-signed.pdf"
            form["legal_route.parenting_order_request.parents#mother"] = "yes"
            form["legal_route.parenting_order_request.requirements"] = "Make sure Siobhán arrives at school by 8.40am on every school day."
            form["legal_route.parenting_order_request.months"] = "12"
            form["legal_route.parenting_order_request.reasons"] = "Support has not secured attendance."
            let item = try slot(form, "unused_material")
            form["unused_material[\(item)].description"] = "The attendance mentor's notes, November 2026"
            form["unused_material[\(item)].location"] = "Riverside Academy, attendance office"
            form["unused_material[\(item)].decision"] = "not_disclosable"
            form["unused_material[\(item)].reason"] = "They repeat the check-in log exhibited."
            let saved = try await team.post("/case/save", form: form.fields)
            #expect(saved.status == .seeOther, "\(htmlText(saved.text).prefix(2000))")

            let read = try await exported(team, fixture).read
            let route = try #require(read.legalRoute)
            #expect(route.defendants.map(\.parentID) == ["mother", "father"])
            #expect(route.defendants.last?.basis == [.naturalParent, .parentalResponsibility])
            #expect(route.defendants.last?.evidence.map(\.path) == ["evidence/school-contact-record-2026-09-01.txt"])
            #expect(route.defendants.last?.reasons == "Mr O'Brien agreed to take on the morning school run and has not.")
            #expect(route.offenceFrom?.iso == "2026-11-26" && route.offenceTo?.iso == "2027-01-08")
            #expect(route.signedStatement?.path == "evidence/statement-signed.pdf")
            #expect(route.parentingOrderRequest?.parentIDs == ["mother"] && route.parentingOrderRequest?.months == 12)
            #expect(read.unusedMaterial.last?.decision == .notDisclosable && read.unusedMaterial.first?.item == "meetings[1].agency_only_notes")

            // A defendant taken out with its box; the other kept.
            form = try await openForm(team).form
            form["legal_route.defendants[1].remove"] = "yes"
            form["legal_route.parenting_order_request.parents#mother"] = "yes"
            #expect(try await team.post("/case/save", form: form.fields).status == .seeOther)
            #expect(try await exported(team, fixture).read.legalRoute?.defendants.map(\.parentID) == ["mother"])
        }
    }

    /// An older case file's `defendants: [mother, father]` (ids alone) is shown, not as fields, and
    /// kept as written through a save of another change.
    @Test func anOlderFilesDefendantsWrittenAsIdsAreKept() async throws {
        let fixture = try WebFixture("web-case-older-defendants")
        defer { fixture.remove() }
        let recorded = try fixture.workspace.recordedCase(WebFixture.riverside)
        let text = try String(contentsOfFile: recorded.sourcePath, encoding: .utf8)
        let start = try #require(text.range(of: "  defendants:\n"))
        let end = try #require(text.range(of: "  # For the evidence bundle (attendoc bundle)"))
        let older = String(text[..<start.lowerBound]) + "  defendants: [mother, father]\n" + String(text[end.lowerBound...])
        try Data(older.utf8).write(to: URL(fileURLWithPath: recorded.sourcePath))
        try WebFixture.attendoc(["case", "add", recorded.sourcePath, "--workspace", fixture.workspaceFolder.path, "--by", "A. Officer"])
        try await serving(site(fixture)) { client in
            let team = Visitor(client)
            try await team.signIn("team")
            var (page, form) = try await openForm(team)
            #expect(page.contains("Written in the case file as \u{201C}mother\u{201D}, not as fields"))
            #expect(form["legal_route.defendants[0].parent"] == nil && form["legal_route.defendants.slots"] == "3")
            form["legal_route.court"] = "Plymouth Magistrates' Court"
            let saved = try await team.post("/case/save", form: form.fields)
            #expect(saved.status == .seeOther, "\(htmlText(saved.text).prefix(1500))")
            let (yaml, read) = try await exported(team, fixture)
            #expect(read.legalRoute?.defendants.map(\.parentID) == ["mother", "father"] && read.legalRoute?.court == "Plymouth Magistrates' Court")
            #expect(yaml.contains("defendants:\n  - mother\n  - father\n") || yaml.contains("defendants: [mother, father]") || yaml.contains("defendants:\n    - mother"), "\(yaml)")
        }
    }

    @Test func aSchoolAttendanceOrderIsRecordedStepByStep() async throws {
        let fixture = try WebFixture("web-case-sao")
        defer { fixture.remove() }
        try await serving(site(fixture)) { client in
            let team = Visitor(client)
            try await team.signIn("team")
            var form = try await openForm(team).form
            for (name, value) in [("notice.served_on", "2026-12-08"), ("notice.method", "post"), ("notice.period_ends_on", "2027-01-04"),
                                  ("response.on", "2026-12-15"), ("response.summary", "Mr O'Brien said a place is being sought."),
                                  ("intention.served_on", "2027-01-06"), ("intention.schools", "Riverside Academy\r\nExe Valley School")] {
                form["school_attendance_order.\(name)"] = value
            }
            let saved = try await team.post("/case/save", form: form.fields)
            #expect(saved.status == .seeOther, "\(htmlText(saved.text).prefix(2000))")
            let order = try #require(try await exported(team, fixture).read.schoolAttendanceOrder)
            #expect(order.notice?.servedOn.iso == "2026-12-08" && order.notice?.method == .post && order.notice?.periodEndsOn?.iso == "2027-01-04")
            #expect(order.intention?.schools == ["Riverside Academy", "Exe Valley School"])
            #expect(order.response?.summary == "Mr O'Brien said a place is being sought.")
        }
    }

    @Test func evidenceFilesAreListedAndAHandWrittenEntryIsKeptAsWritten() async throws {
        let fixture = try WebFixture("web-case-evidence")
        defer { fixture.remove() }
        try await serving(site(fixture)) { client in
            let office = Visitor(client)
            try await office.signIn("office")
            let (page, opened) = try await openForm(office)
            // The Early Help referral's evidence names whose record it is: kept as written, read-only.
            #expect(page.contains(#"id="f-supportive_measures-2-evidence-kept""#))
            #expect(!page.contains(#"name="supportive_measures[2].evidence""#))
            #expect(opened["supportive_measures[1].evidence"] == "evidence/mentor-check-in-log-october-2026.txt")
            var form = opened
            form["supportive_measures[1].evidence"] = "evidence/mentor-check-in-log-october-2026.txt\r\nevidence/school-contact-record-2026-09-01.txt"
            form["contacts[0].evidence"] = "evidence/school-contact-record-2026-09-01.txt"
            #expect(try await office.post("/case/save", form: form.fields).status == .seeOther)
            let read = try await exported(office, fixture).read
            #expect(read.supportiveMeasures[1].evidence.map(\.path) == ["evidence/mentor-check-in-log-october-2026.txt", "evidence/school-contact-record-2026-09-01.txt"])
            #expect(read.supportiveMeasures[2].evidence.map(\.from) == ["Riverside Academy", "Northshire Early Help"], "the hand-written entries kept")
            #expect(read.contacts[0].evidence.map(\.path) == ["evidence/school-contact-record-2026-09-01.txt"])
        }
    }

    @Test func aBadEntryInTheNewSectionsIsRefusedOnItsField() async throws {
        let fixture = try WebFixture("web-case-section-errors")
        defer { fixture.remove() }
        let before = try fixture.workspace.versions(of: WebFixture.riverside).count
        try await serving(site(fixture)) { client in
            let team = Visitor(client)
            try await team.signIn("team")
            let form = try await openForm(team).form
            let unused = try slot(form, "unused_material")
            let record = try slot(form, "apdr")
            let cases: [(changes: [(String, String)], field: String, message: String)] = [
                ([("legal_route.defendants[1].basis#care_of_child", "yes")], "f-legal_route-defendants-1-basis",
                 "legal_route.defendants[1].basis: says parents[1] has care of the child, which their record under parents does not"),
                ([("school_attendance_order.notice.served_on", "2026-12-08"), ("school_attendance_order.notice.method", "post"),
                  ("school_attendance_order.notice.period_ends_on", "2026-12-15")], "f-school_attendance_order-notice-period_ends_on",
                 "school_attendance_order.notice.period_ends_on: is 2026-12-15, less than 15 days"),
                ([("unused_material[\(unused)].decision", "disclose"), ("unused_material[\(unused)].reason", "It may assist the defence.")],
                 "f-unused_material-\(unused)-description", "unused_material[\(unused)].description: is required when there is no item"),
                ([("apdr[\(record)].date", "2026-10-02"), ("apdr[\(record)].completed_by", "Mrs Helen Osei"), ("apdr[\(record)].assess", "Mondays"),
                  ("apdr[\(record)].plan", "A meeting"), ("apdr[\(record)].pupil_voice.gathered_on", "2026-10-01")],
                 "f-apdr-\(record)-pupil_voice-gathered_by", "apdr[\(record)].pupil_voice.gathered_by: is required but missing"),
                ([("contacts[0].evidence", "evidence/no-such-visit.pdf")], "f-contacts-0-evidence",
                 "contacts[0].evidence[0]: refers to a file that does not exist (paths are relative to the case file's folder, the folder the case file is kept in)"),
                ([("pupil.siblings[0].upn", "B801200005002")], "f-pupil-siblings-0-upn", "pupil.siblings[0].upn:"),
            ]
            for (changes, field, message) in cases {
                var posted = form
                for (name, value) in changes { posted[name] = value }
                let refused = try await team.post("/case/save", form: posted.fields)
                #expect(refused.status == .unprocessableContent, "\(field): \(refused.status)")
                #expect(refused.text.contains(##"<li><a href="#\##(field)">"##), "the summary links to \(field): \(htmlText(refused.text).prefix(1500))")
                #expect(refused.text.contains(#"<span id="\#(field)-error" class="error-message">"#), "the error is on \(field)")
                #expect(refused.text.contains(WebServerTests.escaped(message)), "\(field): \(message)")
                #expect(!refused.text.contains(fixture.folder.path), "no server path in the message: \(field)")
            }
        }
        #expect(try fixture.workspace.versions(of: WebFixture.riverside).count == before, "nothing recorded")
    }

    /// A letter is recorded as sent only when it is issued: the form shows the letters a case file
    /// records from before the workspace, and a post that names them (crafted, since the form has
    /// no such field) records no letter and changes none.
    @Test func lettersIssuedAreShownAndCannotBeTyped() async throws {
        let fixture = try WebFixture("web-case-letters")
        defer { fixture.remove() }
        let hillside = "HPS%2F2026%2F017"
        let issuedBefore = try fixture.workspace.issuedDocuments(for: WebFixture.hillside).count
        let yamlBefore = try #require(try fixture.workspace.versions(of: WebFixture.hillside).last).yaml
        try await serving(site(fixture)) { client in
            let office = Visitor(client)
            try await office.signIn("hillside")
            let (page, form) = try await openForm(office, hillside)
            #expect(page.contains("<h2 id=\"letters-issued-heading\">Letters and notices issued</h2>"))
            #expect(page.contains("<td>gp consent request</td>"), "\(htmlText(page).suffix(1500))")
            #expect(page.contains("href=\"/issue?ref=HPS%2F2026%2F017\""))
            #expect(!page.contains("name=\"letters_issued"), "no field for a letter sent")
            var crafted = form
            crafted["letters_issued[0].kind"] = "final_warning_letter"
            crafted["letters_issued[0].date"] = "2026-12-01"
            crafted["letters_issued[5].kind"] = "final_warning_letter"
            crafted["letters_issued[5].date"] = "2026-12-01"
            crafted["letters_issued[5].recipient"] = "mother"
            crafted["letters_issued[5].method"] = "post"
            crafted["letters_issued.slots"] = "9"
            crafted["school.phone"] = "01392 000 777"
            let saved = try await office.post("/case/save", form: crafted.fields)
            #expect(saved.status == .seeOther, "\(htmlText(saved.text).prefix(1500))")
        }
        let after = try #require(try fixture.workspace.versions(of: WebFixture.hillside).last).yaml
        #expect(after != yamlBefore && after.contains("01392 000 777"))
        func letters(_ yaml: String) -> Substring {
            let start = yaml.range(of: "\nletters_issued:")!.lowerBound
            let rest = yaml[yaml.index(after: start)...]
            let end = rest.range(of: "\n[a-z_]+:", options: .regularExpression)?.lowerBound ?? rest.endIndex
            return rest[..<end]
        }
        #expect(letters(after) == letters(yamlBefore), "the letters issued as written")
        #expect(!after.contains("final_warning_letter"))
        #expect(try fixture.workspace.issuedDocuments(for: WebFixture.hillside).count == issuedBefore, "no letter recorded as sent")
    }
}
