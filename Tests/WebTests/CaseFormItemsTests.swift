import AttendocCaseModel
import AttendocTesting
import AttendocValues
import AttendocWeb
import AttendocWorkspace
import Foundation
import Testing

/// The parts of a case an office records through the form item by item: a meeting with who came
/// and the actions agreed, a review, a referral to another agency, GP consent, an APDR record, the
/// legal route's decision and a record of interview. Each is read back from the exported YAML by
/// the case file reader and shown in the document made from it; a bad entry is refused on its
/// field; a hand-written file keeps its comments; a form opened on an older version is refused.
@Suite("Web: the case form, item by item")
struct CaseFormItemsTests {
    @Test func aMeetingWithWhoCameAndTheActionsIsInItsMinutes() async throws {
        let fixture = try WebFixture("web-case-meeting")
        defer { fixture.remove() }
        try await serving(fixture.site()) { client in
            let office = Visitor(client)
            try await office.signIn("office")
            var form = try await office.caseForm().form
            let meeting = try #require(Int(form["meetings.slots"] ?? "")) - 1
            let m = "meetings[\(meeting)]"
            // The "Add a meeting" item holds its own "Add an attendee" and "Add an action".
            #expect(form["\(m).attendees.slots"] == "1" && form["\(m).actions.slots"] == "1")
            form["\(m).kind"] = "team_around_the_family"
            form["\(m).date"] = "2026-12-01"
            form["\(m).time"] = "10:00"
            form["\(m).place"] = "Riverside Academy"
            form["\(m).discussion"] = "Mornings are still the difficulty."
            form["\(m).attendees[0].name"] = "Ms Laura Hughes"
            form["\(m).attendees[0].role"] = "head of year 8"
            form["\(m).attendees[0].agency"] = "Riverside Academy"
            form["\(m).actions[0].owner"] = "Ms Laura Hughes"
            form["\(m).actions[0].action"] = "Ring home at 8.45 on Mondays"
            form["\(m).actions[0].due_date"] = "2026-12-07"
            let saved = try await office.post("/case/save", form: form.fields)
            #expect(saved.status == .seeOther, "\(saved.text)")

            // Save to add another: the meeting now shows an empty attendee and action after its own.
            form = try await office.caseForm().form
            #expect(form["\(m).attendees[0].name"] == "Ms Laura Hughes")
            #expect(form["\(m).attendees.slots"] == "2")
            form["\(m).attendees[1].name"] = "Zoë D'Souza"
            form["\(m).attendees[1].role"] = "mother"
            form["\(m).actions[1].owner"] = "Zoë D'Souza"
            form["\(m).actions[1].action"] = "Walk Siobhán to the gate"
            #expect(try await office.post("/case/save", form: form.fields).status == .seeOther)

            let (yaml, read) = try await office.exportedCase(fixture)
            #expect(yaml.contains("attendees:\n  - name: \"Ms Laura Hughes\"") || yaml.contains("- name: \"Ms Laura Hughes\""), "\(yaml)")
            let added = try #require(read.meetings.last)
            #expect(added.kind == .teamAroundTheFamily && added.date.iso == "2026-12-01")
            #expect(added.attendees.map(\.name) == ["Ms Laura Hughes", "Zoë D'Souza"])
            #expect(added.attendees.first?.agency == "Riverside Academy")
            #expect(added.actions.map(\.owner) == ["Ms Laura Hughes", "Zoë D'Souza"])
            #expect(added.actions.first?.dueDate?.iso == "2026-12-07")

            // The minutes of the meeting, as its first copy reads: who came and what each will do.
            let minutes = try await office.previewText("meeting-minutes", "meeting=\(m.replacingOccurrences(of: "[", with: "%5B").replacingOccurrences(of: "]", with: "%5D"))")
            for words in ["Ms Laura Hughes", "head of year 8", "Zoë D'Souza", "Ring home at 8.45 on Mondays", "Walk Siobhán to the gate", "7 December 2026"] {
                #expect(minutes.contains(words), "the minutes show \(words)")
            }

            // Taken out again with its box: the attendee goes, the rest stays.
            form = try await office.caseForm().form
            form["\(m).attendees[0].remove"] = "yes"
            #expect(try await office.post("/case/save", form: form.fields).status == .seeOther)
            let after = try await office.exportedCase(fixture).read
            #expect(after.meetings.last?.attendees.map(\.name) == ["Zoë D'Souza"])
            #expect(after.meetings.last?.actions.count == 2)
            #expect(after.meetings.count == read.meetings.count)
        }
        let versions = try fixture.workspace.versions(of: WebFixture.riverside)
        #expect(versions.suffix(3).allSatisfy { $0.recordedBy == "office" && $0.change == "changed" }, "a version for each change")
        let log = try fixture.workspace.accessLog().filter { $0.action == "change" && $0.caseReference == WebFixture.riverside }
        #expect(log.count == 3 && log.allSatisfy { $0.what.hasPrefix("recorded version") })
    }

    @Test func reviewsReferralsGPConsentAPDRAndTheLegalRoutesDecisionAreRecorded() async throws {
        let fixture = try WebFixture("web-case-items")
        defer { fixture.remove() }
        let earlier = try CaseFileReader.read(contentsOf: URL(fileURLWithPath: try fixture.workspace.recordedCase(WebFixture.riverside).sourcePath))
        try await serving(fixture.site()) { client in
            let office = Visitor(client)
            try await office.signIn("office")
            var form = try await office.caseForm().form
            let review = try #require(Int(form["reviews.slots"] ?? "")) - 1
            form["reviews[\(review)].of"] = "meetings[1]"
            form["reviews[\(review)].date"] = "2026-11-25"
            form["reviews[\(review)].decision"] = "extend"
            form["reviews[\(review)].attendees"] = "Ms Laura Hughes\r\nSam Okafor"
            form["reviews[\(review)].next_review_date"] = "2026-12-09"
            let referral = try #require(Int(form["referrals.slots"] ?? "")) - 1
            form["referrals[\(referral)].to"] = "Northshire Children's Social Care"
            form["referrals[\(referral)].date"] = "2026-11-26"
            form["referrals[\(referral)].accepted"] = "pending"
            form["referrals[\(referral)].service"] = "childrens_social_care"
            form["referrals[\(referral)].reason"] = "Advice on settling at the start of the day."
            form["gp_consent.practice"] = "Sidwell Street Surgery"
            form["gp_consent.doctor"] = "Dr Ruth Penrose"
            form["gp_consent.address.lines"] = "31 Sidwell Street\r\nExeter"
            form["gp_consent.address.postcode"] = "EX4 6NN"
            form["apdr[0].date"] = "2026-10-02"
            form["apdr[0].completed_by"] = "Mrs Helen Osei, attendance lead"
            form["apdr[0].assess"] = "Mondays are missed\r\nLate on Tuesdays"
            form["apdr[0].plan"] = "A parenting contract meeting"
            form["legal_route.decision.by"] = "Alex Brennan, Senior County Attendance Officer (reviewed)"
            form["legal_route.court"] = "Plymouth Magistrates' Court"
            let saved = try await office.post("/case/save", form: form.fields)
            #expect(saved.status == .seeOther, "\(saved.text)")

            let (_, read) = try await office.exportedCase(fixture)
            let newReview = try #require(read.reviews.last)
            #expect(newReview.of == "meetings[1]" && newReview.decision == .extend && newReview.nextReviewDate?.iso == "2026-12-09")
            #expect(newReview.attendees == ["Ms Laura Hughes", "Sam Okafor"])
            let newReferral = try #require(read.referrals.last)
            #expect(newReferral.to == "Northshire Children's Social Care" && newReferral.decision == .pending && newReferral.service == .childrensSocialCare)
            #expect(read.gpConsent?.practice == "Sidwell Street Surgery" && read.gpConsent?.answer == .notYetKnown)
            #expect(read.apdr.first?.assess == ["Mondays are missed", "Late on Tuesdays"])
            #expect(read.legalRoute?.decision?.by == "Alex Brennan, Senior County Attendance Officer (reviewed)")
            #expect(read.legalRoute?.court == "Plymouth Magistrates' Court")
            #expect(read.legalRoute?.defendants.map(\.parentID) == earlier.legalRoute?.defendants.map(\.parentID) && read.legalRoute?.defendants.isEmpty == false,
                    "the defendants the form does not show are kept")

            // The documents made from them.
            let request = try await office.previewText("gp-consent-request", "to=")
            #expect(request.contains("Dr Ruth Penrose at Sidwell Street Surgery"), "\(request)")
            let socialCare = try await office.previewText("social-care-referral", "record=referrals%5B\(referral)%5D")
            #expect(socialCare.contains("Advice on settling at the start of the day."), "\(socialCare)")
        }
    }

    @Test func aRecordOfInterviewIsAddedToAnInterviewUnderCaution() async throws {
        let fixture = try WebFixture("web-case-interview")
        defer { fixture.remove() }
        try await serving(fixture.site()) { client in
            // The attendance team, who make the record of interview.
            let office = Visitor(client)
            try await office.signIn("team")
            var form = try await office.caseForm().form
            let meeting = try #require(Int(form["meetings.slots"] ?? "")) - 1
            let m = "meetings[\(meeting)]"
            #expect(form["\(m).interviews.slots"] == nil, "no interview until the meeting is an interview under caution")
            form["\(m).kind"] = "pace_interview"
            form["\(m).date"] = "2026-12-08"
            #expect(try await office.post("/case/save", form: form.fields).status == .seeOther)
            form = try await office.caseForm().form
            #expect(form["\(m).interviews.slots"] == "1")
            let i = "\(m).interviews[0]"
            for (name, value) in [("interviewee", "father"), ("start", "10:05"), ("end", "10:40"), ("caution_given", "yes"),
                                  ("caution_understood", "yes"), ("legal_advice", "offered_and_declined"),
                                  ("period_put.from", "2026-09-03"), ("period_put.to", "2026-12-04"),
                                  ("present[0].name", "Ciarán O'Brien"), ("present[0].role", "interviewee (father)"),
                                  ("summary[0].question", "Why are Monday mornings missed?"), ("summary[0].answer", "I work early on Mondays.")] {
                form["\(i).\(name)"] = value
            }
            let saved = try await office.post("/case/save", form: form.fields)
            #expect(saved.status == .seeOther, "\(saved.text)")
            let read = try await office.exportedCase(fixture).read
            let interview = try #require(read.meetings.last?.interviews.first)
            #expect(interview.intervieweeID == "father" && interview.legalAdvice == .offeredAndDeclined)
            #expect(interview.present.map(\.name) == ["Ciarán O'Brien"])
            #expect(interview.exchanges.first?.answer == "I work early on Mondays.")
            let record = try await office.previewText("record-of-interview", "meeting=\(m.replacingOccurrences(of: "[", with: "%5B").replacingOccurrences(of: "]", with: "%5D"))")
            #expect(record.contains("Why are Monday mornings missed?") && record.contains("I work early on Mondays."), "\(record)")
        }
    }

    @Test func aBadItemIsRefusedOnItsFieldAndNothingIsRecorded() async throws {
        let fixture = try WebFixture("web-case-item-errors")
        defer { fixture.remove() }
        let before = try fixture.workspace.versions(of: WebFixture.riverside).count
        try await serving(fixture.site()) { client in
            let office = Visitor(client)
            try await office.signIn("office")
            let form = try await office.caseForm().form
            let meeting = try #require(Int(form["meetings.slots"] ?? "")) - 1
            let m = "meetings[\(meeting)]"
            var newMeeting = form
            newMeeting["\(m).kind"] = "team_around_the_family"
            newMeeting["\(m).date"] = "2026-12-01"
            let cases: [(changes: [(String, String)], field: String, message: String)] = [
                ([("\(m).attendees[0].name", "Sam Okafor")], "f-meetings-\(meeting)-attendees-0-role",
                 "\(m).attendees[0].role: is required but missing"),
                ([("\(m).actions[0].owner", "Sam Okafor"), ("\(m).actions[0].action", "Visit"), ("\(m).actions[0].due_date", "2026-11-30")],
                 "f-meetings-\(meeting)-actions-0-due_date", "\(m).actions[0].due_date: is 2026-11-30, before the meeting (2026-12-01)"),
                ([("gp_consent.practice", "Sidwell Street Surgery"), ("gp_consent.address.lines", "31 Sidwell Street"), ("gp_consent.address.postcode", "EX4 6NN"),
                  ("gp_consent.answer", "given"), ("gp_consent.parent", "parents[0]")],
                 "f-gp_consent-answered_on", "gp_consent.answered_on: is required when the answer is given"),
                ([("legal_route.decision.on", "2026-11-01")], "f-legal_route-decision-on", "legal_route.decision.on: is 2026-11-01, before first_warning_on (2026-11-23)"),
                ([("referrals[\(try #require(Int(form["referrals.slots"] ?? "")) - 1)].to", "CAMHS")], "f-referrals-\(try #require(Int(form["referrals.slots"] ?? "")) - 1)-date",
                 "is required but missing"),
            ]
            for (changes, field, message) in cases {
                var posted = changes.first?.0.hasPrefix(m) == true ? newMeeting : form
                for (name, value) in changes { posted[name] = value }
                let refused = try await office.post("/case/save", form: posted.fields)
                #expect(refused.status == .unprocessableContent, "\(field): \(refused.status)")
                #expect(refused.text.contains(##"<li><a href="#\##(field)">"##), "the summary links to \(field): \(refused.text.prefix(3000))")
                #expect(refused.text.contains(#"<span id="\#(field)-error" class="error-message">"#), "the error is on \(field)")
                #expect(refused.text.contains(WebServerTests.escaped(message)), "\(field): \(message)")
            }
        }
        #expect(try fixture.workspace.versions(of: WebFixture.riverside).count == before, "nothing recorded")
    }

    @Test func aHandWrittenCaseFileKeepsItsCommentsWhereTheFormDidNotChangeIt() async throws {
        let fixture = try WebFixture("web-case-comments")
        defer { fixture.remove() }
        let before = try #require(try fixture.workspace.versions(of: WebFixture.riverside).last).yaml
        try await serving(fixture.site()) { client in
            let office = Visitor(client)
            try await office.signIn("office")
            var form = try await office.caseForm().form
            // Saved as opened: nothing changed, nothing recorded, the file as written.
            #expect(try await office.post("/case/save", form: form.fields).status == .seeOther)
            let unchanged = try fixture.workspace.versions(of: WebFixture.riverside).last?.yaml
            #expect(unchanged == before)
            form = try await office.caseForm().form
            form["legal_route.court"] = "Plymouth Magistrates' Court"
            #expect(try await office.post("/case/save", form: form.fields).status == .seeOther)
        }
        let after = try #require(try fixture.workspace.versions(of: WebFixture.riverside).last).yaml
        #expect(after != before)
        // Everything before the legal route is as it was written, comments and all.
        let route = try #require(before.range(of: "\nlegal_route:\n"))
        let untouched = String(before[..<route.lowerBound])
        #expect(after.hasPrefix(untouched))
        #expect(after.contains("# An example case: a county attendance team has accepted a school's referral"))
        #expect(after.contains("# Contacts with the family, as recorded at the time.\ncontacts:"))
        #expect(after.contains("court: \"Plymouth Magistrates' Court\""))
    }

    /// Another server, or the command line, records a version after this form was opened: the
    /// save is refused on the form with what to do, what was typed is shown again, and the other
    /// change is kept.
    @Test func aFormOpenedOnAVersionSinceReplacedIsRefusedAndTheOtherChangeKept() async throws {
        let fixture = try WebFixture("web-case-stale")
        defer { fixture.remove() }
        try await serving(fixture.site()) { client in
            let office = Visitor(client)
            try await office.signIn("office")
            var form = try await office.caseForm().form
            form["legal_route.court"] = "Plymouth Magistrates' Court"
            // Meanwhile, from the command line: the case file changed by hand and recorded.
            let recorded = try fixture.workspace.recordedCase(WebFixture.riverside)
            let text = try String(contentsOfFile: recorded.sourcePath, encoding: .utf8).replacingOccurrences(of: "  year_group: 8\n", with: "  year_group: 9\n")
            try Data(text.utf8).write(to: URL(fileURLWithPath: recorded.sourcePath))
            try WebFixture.attendoc(["case", "add", recorded.sourcePath, "--workspace", fixture.workspaceFolder.path, "--by", "A. Officer"])
            let stale = try await office.post("/case/save", form: form.fields)
            #expect(stale.status == .unprocessableContent)
            #expect(stale.text.contains("since this form was opened"), "\(stale.text.prefix(2000))")
            #expect(stale.text.contains(#"value="Plymouth Magistrates&#39; Court""#), "what was typed is shown again")
            let latest = try #require(try fixture.workspace.versions(of: WebFixture.riverside).last)
            #expect(latest.recordedBy == "A. Officer" && latest.yaml == text, "the command line's change is kept")
            #expect(try String(contentsOfFile: recorded.sourcePath, encoding: .utf8) == text)
        }
    }
}
