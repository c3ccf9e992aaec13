import AttendocTesting
import AttendocWeb
import AttendocWorkspace
import Foundation
import HTTPTypes
import Testing

/// The panel clerk's screens over HTTP: the intake of the referrals received by upload, checked
/// against seed 000's criteria; the slots of the day; the minutes entered through the form (a bad
/// field named in the error summary, nothing kept); the minutes issued into the record through the
/// library, each copy previewed and archived byte for byte as previewed; the reviews due, soonest
/// first; every view and change in the access log; and nobody but the panel clerk let in.
@Suite("Web: the panel clerk's screens")
struct PanelScreenTests {
    static let panel = "2025-12-01"
    static let referrals = ["PR-2025-031", "PR-2025-034", "PR-2025-036", "PR-2025-037"]

    static func referral(_ reference: String) throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent("examples/panel/\(reference).yaml"), encoding: .utf8)
    }

    static func papers(_ fixture: WebFixture) -> URL {
        fixture.workspaceFolder.appendingPathComponent("panel/\(panel)")
    }

    /// Receives each example referral through the intake's upload form, as the clerk does.
    static func receiveTheReferrals(_ clerk: Visitor) async throws {
        let form = try await clerk.get("/panel/intake?date=\(panel)")
        let token = try #require(Visitor.csrf(in: form))
        for reference in referrals {
            let response = try await clerk.upload("/panel/referral", fields: [("csrf", token), ("date", panel)],
                                                  file: (field: "referral", name: "\(reference).yaml", bytes: try referral(reference)))
            #expect(IssueAndBundleScreenTests.got(response) == "303 /panel/intake?date=\(panel)&received=\(reference)", "\(reference)")
        }
    }

    @Test func onlyThePanelClerkHasThePanelsScreensAndEveryFormNeedsItsToken() async throws {
        let fixture = try WebFixture("web-panel-routes")
        defer { fixture.remove() }
        let paths = ["/panel", "/panel/intake?date=\(Self.panel)", "/panel/slots?date=\(Self.panel)", "/panel/issue?date=\(Self.panel)",
                     "/panel/minutes?date=\(Self.panel)&ref=PR-2025-031", "/panel/issue/copy?date=\(Self.panel)&copy=0",
                     "/panel/download?date=\(Self.panel)&id=x&format=txt", "/panel/reviews"]
        try await serving(fixture.site(slowWorkLimit: 600)) { client in
            var visitors: [String: Visitor] = ["nobody": Visitor(client)]
            for name in ["office", "team", "clerk", "admin"] {
                visitors[name] = Visitor(client)
                try await visitors[name]!.signIn(name)
            }
            try await Self.receiveTheReferrals(visitors["clerk"]!)
            for path in paths {
                for (name, wanted) in [("nobody", "303 /login"), ("office", "403"), ("team", "403"), ("admin", "403")] {
                    let response = try await visitors[name]!.get(path)
                    #expect(IssueAndBundleScreenTests.got(response) == wanted, "\(name) GET \(path)")
                    #expect(!response.text.contains("PR-2025-031") && !response.text.contains("W801200025001"), "a refusal shows nothing of a referral")
                }
            }
            let clerk = visitors["clerk"]!
            for path in paths.prefix(5) + ["/panel/reviews"] {
                let page = try await clerk.get(path)
                #expect(page.status == .ok, "clerk GET \(path)")
                #expect(!page.text.contains("GRDB") && !page.text.contains("SQL("), "every value of the page printed as text: \(path)")
            }
            // The calendar: each panel with its close and its reviews.
            #expect(words(try await clerk.get("/panel").text).contains("Monday 1 December 2025 19 November 2025 12 January 2026 27 March 2026 Intake for 1 December 2025"))
            // A day with no panel, a referral refused at the intake, a copy or a document that is not there: 404.
            for path in ["/panel/intake?date=2025-12-02", "/panel/slots?date=nonsense", "/panel/minutes?date=\(Self.panel)&ref=PR-2025-036",
                         "/panel/minutes?date=\(Self.panel)&ref=PR-9999-999", "/panel/issue/copy?date=\(Self.panel)&copy=0",
                         "/panel/download?date=\(Self.panel)&id=x&format=txt"] {
                #expect(try await clerk.get(path).status == .notFound, "clerk GET \(path)")
            }
            // The panel is in the clerk's menu, and in no one else's.
            #expect(try await clerk.get("/due").text.contains("<a href=\"/panel\">The panel</a>"))
            #expect(!(try await visitors["office"]!.get("/due").text.contains("href=\"/panel\"")))

            // Every form: another role is refused before the token is looked at; the clerk without it is refused.
            let minutes = [("date", Self.panel), ("ref", "PR-2025-031"), ("present-0-name", "Ms A"), ("present-0-role", "Lead"), ("discussion", "Agreed")]
            let issue = [("date", Self.panel), ("dated", "2026-12-10"), ("format-txt", "yes")]
            for (name, wanted) in [("nobody", "303 /login"), ("office", "403"), ("team", "403"), ("admin", "403"), ("clerk", "403")] {
                #expect(IssueAndBundleScreenTests.got(try await visitors[name]!.post("/panel/minutes", form: minutes)) == wanted, "\(name) POST /panel/minutes")
                #expect(IssueAndBundleScreenTests.got(try await visitors[name]!.post("/panel/minutes", form: [("csrf", String(repeating: "0", count: 64))] + minutes)) == wanted,
                        "\(name) POST /panel/minutes with another token")
                #expect(IssueAndBundleScreenTests.got(try await visitors[name]!.post("/panel/issue", form: issue)) == wanted, "\(name) POST /panel/issue")
                let upload = try await visitors[name]!.upload("/panel/referral", fields: [("date", Self.panel)],
                                                              file: (field: "referral", name: "x.yaml", bytes: try Self.referral("PR-2025-031")))
                #expect(IssueAndBundleScreenTests.got(upload) == wanted, "\(name) POST /panel/referral")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: Self.papers(fixture).appendingPathComponent("minutes").path), "no minutes written by a refused form")
        #expect(try fixture.workspace.panelCases().isEmpty, "nothing issued by a refused form")
        #expect(try FileManager.default.contentsOfDirectory(atPath: Self.papers(fixture).appendingPathComponent("referrals").path).sorted()
            == Self.referrals.map { "\($0.lowercased()).yaml" }, "only the clerk's own uploads are kept")
    }

    @Test func theClerkTakesInReferralsWritesAndIssuesTheMinutesAndSeesTheReviewsDue() async throws {
        let fixture = try WebFixture("web-panel-flow")
        defer { fixture.remove() }
        let day = Self.panel
        try await serving(fixture.site(slowWorkLimit: 600)) { client in
            let clerk = Visitor(client)
            try await clerk.signIn("clerk")
            try await Self.receiveTheReferrals(clerk)

            // The intake: two slots from 13:30 in the order received; the others refused, with why.
            let intake = try await clerk.get("/panel/intake?date=\(day)&received=PR-2025-037")
            #expect(intake.status == .ok)
            let text = words(intake.text)
            #expect(text.contains("Referral received") && text.contains("The referral PR-2025-037 was received"))
            #expect(text.contains("Taken forward (2)") && text.contains("Refused (2)"))
            #expect(text.contains("13:30–13:45 PR-2025-031 URN 140101 UPN W801200025001 (year 4), UPN K801200025002 (year 8)"))
            #expect(text.contains("13:45–14:00 PR-2025-034"))
            #expect(text.contains("PR-2025-036 School URN") && text.contains("PR-2025-037 School URN"))
            #expect(intake.text.contains("<li><strong>") && !intake.text.contains("GRDB"), "each refusal's reasons listed")
            #expect(!intake.text.contains("Siobh") && !intake.text.contains("O&#39;Brien"), "the intake names no child")

            // A bad referral file: refused on its field, linked from the summary, nothing kept; a second copy of one refused too.
            let token = try #require(Visitor.csrf(in: intake))
            let bad = try Self.referral("PR-2025-031").replacingOccurrences(of: "reference: PR-2025-031", with: "reference: PR-2025-099")
                .replacingOccurrences(of: "received_on: 2025-11-12", with: "received_on: 12/11/2025")
            let refused = try await clerk.upload("/panel/referral", fields: [("csrf", token), ("date", day)], file: (field: "referral", name: "bad.yaml", bytes: bad))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("<a href=\"#referral\">The referral was not received: received_on: "), "\(words(refused.text))")
            #expect(refused.text.contains("aria-describedby=\"referral-hint referral-error\""))
            #expect(!refused.text.contains(fixture.workspaceFolder.path), "the server's paths are not shown")
            let again = try await clerk.upload("/panel/referral", fields: [("csrf", token), ("date", day)],
                                               file: (field: "referral", name: "again.yaml", bytes: try Self.referral("PR-2025-034")))
            #expect(again.status == .unprocessableContent && words(again.text).contains("already has the referral PR-2025-034"))
            let kept = try FileManager.default.contentsOfDirectory(atPath: Self.papers(fixture).appendingPathComponent("referrals").path).sorted()
            #expect(kept == Self.referrals.map { "\($0.lowercased()).yaml" }, "nothing kept of a refused file: \(kept)")

            // The slots of the day, each with its minutes to write.
            let slots = try await clerk.get("/panel/slots?date=\(day)")
            #expect(words(slots.text).contains("13:30–13:45 PR-2025-031 Brookfield Primary School (URN 140101); Northshire Academy (URN 140202)"))
            #expect(slots.text.contains("href=\"/panel/minutes?date=\(day)&amp;ref=PR-2025-031\">Write the minutes"))

            // Minutes entry: what the referral says, then the fields.
            let form = try await clerk.get("/panel/minutes?date=\(day)&ref=PR-2025-031")
            #expect(form.text.contains("<label for=\"present-0-name\">Name</label>") && form.text.contains("<label for=\"discussion\">"))
            #expect(words(form.text).contains("Tried already first-day calls; parenting contract meeting"))
            var fields = PageForm(form.text)
            fields["present-0-name"] = "Ms Priya Natarajan"
            fields["present-0-role"] = "Attendance lead"
            fields["present-0-agency"] = "Brookfield Primary School"
            fields["present-1-name"] = "Ms Grace Obi"
            fields["present-1-role"] = "Young carers' worker"
            fields["discussion"] = "Both children care for their mother most mornings."
            fields["barriers"] = "caring responsibilities\r\ntransport"
            fields["action-0-owner"] = "Ms Grace Obi"
            fields["action-0-agency"] = "Young carers' service"
            fields["action-0-action"] = "Complete a young carers' assessment"
            fields["action-0-due"] = "12/12/2025"
            fields["agency_only_notes"] = "Adult social care may need to be asked"
            // A date not written YYYY-MM-DD: on its field, what was typed kept, nothing written.
            let wrongDate = try await clerk.post("/panel/minutes", form: fields.fields)
            #expect(wrongDate.status == .unprocessableContent)
            #expect(wrongDate.text.contains("<a href=\"#action-0-due\">actions[0].due: "), "\(words(wrongDate.text).prefix(600))")
            #expect(wrongDate.text.contains("id=\"action-0-due\" name=\"action-0-due\" value=\"12/12/2025\""))
            #expect(!wrongDate.text.contains("correct the file"), "the form's message does not send the clerk to a file")
            #expect(!FileManager.default.fileExists(atPath: Self.papers(fixture).appendingPathComponent("minutes/pr-2025-031.yaml").path))
            // The discussion left out: on its field.
            var noDiscussion = fields
            noDiscussion["discussion"] = ""
            noDiscussion["action-0-due"] = "2025-12-12"
            let missing = try await clerk.post("/panel/minutes", form: noDiscussion.fields)
            #expect(missing.status == .unprocessableContent && missing.text.contains("<a href=\"#discussion\">discussion: is required but missing"))
            // Corrected: saved, and the slot says so.
            fields["action-0-due"] = "2025-12-12"
            #expect(IssueAndBundleScreenTests.got(try await clerk.post("/panel/minutes", form: fields.fields)) == "303 /panel/slots?date=\(day)&saved=PR-2025-031")
            let written = try String(contentsOf: Self.papers(fixture).appendingPathComponent("minutes/pr-2025-031.yaml"), encoding: .utf8)
            #expect(written.contains("referral: \"../referrals/pr-2025-031.yaml\"") && written.contains("due: 2025-12-12"))
            #expect(words(try await clerk.get("/panel/slots?date=\(day)&saved=PR-2025-031").text).contains("Minutes saved"))
            let reopened = try await clerk.get("/panel/minutes?date=\(day)&ref=PR-2025-031")
            #expect(reopened.text.contains("value=\"Young carers&#39; worker\"") && reopened.text.contains(">Adult social care may need to be asked</textarea>"))

            // The copies before the issue: the agencies' minutes with their notes; the family's without.
            let preview = try await clerk.get("/panel/issue?date=\(day)")
            #expect(preview.status == .ok)
            #expect(preview.text.components(separatedBy: "<iframe class=\"preview\"").count - 1 == 2)
            let agencies = try await clerk.get("/panel/issue/copy?date=\(day)&copy=0")
            let family = try await clerk.get("/panel/issue/copy?date=\(day)&copy=1")
            #expect(words(agencies.text).contains("Adult social care may need to be asked"))
            #expect(words(family.text).contains("Both children care for their mother most mornings."))
            #expect(!family.text.contains("Adult social care"), "the family's copy holds no note for the agencies")
            #expect(agencies.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)

            // Issued: recorded with both copies, each archived byte for byte as previewed.
            var issue = PageForm(preview.text)
            issue["format-docx"] = nil
            issue["format-pdf"] = nil
            let issued = try await clerk.post("/panel/issue", form: issue.fields)
            #expect(issued.status == .ok && words(issued.text).contains("Minutes issued 2 documents recorded as issued"))
            #expect(words(issued.text).contains("The family's copy of PR-2025-031 2026-12-10 clerk Download HTML"), "\(words(issued.text))")
            let records = try fixture.workspace.panelDocuments(on: date(day))
            #expect(records.map(\.audience) == ["agency", "parent"] && records.allSatisfy { $0.issuedBy == "clerk" && $0.issuedOn == "2026-12-10" })
            #expect(records.allSatisfy { Set($0.files.map(\.format)) == ["html", "txt"] })
            let agencyHTML = try #require(records[0].files.first { $0.format == "html" })
            #expect(try fixture.workspace.archivedBytes(of: agencyHTML) == agencies.body, "the archived copy is the copy previewed")
            let familyText = try #require(records[1].files.first { $0.format == "txt" })
            let download = try await clerk.get("/panel/download?date=\(day)&id=\(Visitor.encode(records[1].id))&format=txt")
            let archivedText = try fixture.workspace.archivedBytes(of: familyText)
            #expect(download.status == .ok && download.body == archivedText)
            #expect(!download.text.contains("Adult social care"))
            #expect(try fixture.workspace.panelCases().map(\.id) == ["\(day)/PR-2025-031"])
            // Issued minutes cannot be changed here, nor issued again.
            #expect(try await clerk.get("/panel/minutes?date=\(day)&ref=PR-2025-031").status == .conflict)
            #expect(words(try await clerk.get("/panel/issue?date=\(day)").text).contains("No minutes are waiting to be issued"))

            // The reviews due as of the site's day, 10 December 2026: both overdue, the 4-week first.
            let reviews = words(try await clerk.get("/panel/reviews").text)
            let fourWeek = try #require(reviews.range(of: "Monday 12 January 2026 overdue by"))
            let termly = try #require(reviews.range(of: "Friday 27 March 2026 overdue by"))
            #expect(fourWeek.lowerBound < termly.lowerBound, "soonest first")
            #expect(reviews.contains("panel 4-week review of PR-2025-031 (panel of 2025-12-01) W801200025001, K801200025002"))

            // A review held, recorded from its row: a day not written YYYY-MM-DD, a day after today
            // and no outcome are each refused on their field, nothing recorded; then recorded.
            let reviewsPage = try await clerk.get("/panel/reviews")
            #expect(reviewsPage.text.contains("<label for=\"review-0-on\">Held on") && reviewsPage.text.contains("<label for=\"review-0-outcome\">What it found"))
            let firstForm = try #require(reviewsPage.text.range(of: "<form method=\"post\" action=\"/panel/review\">"))
            var held = PageForm(String(reviewsPage.text[firstForm.lowerBound...].prefix { $0 != "\u{0}" }.split(separator: "</form>", maxSplits: 1)[0]))
            #expect(held["case"] == "\(day)/PR-2025-031" && held["kind"] == "four-week", "the first row's form is the soonest review's")
            held["on"] = "12/01/2026"
            held["outcome"] = "stuck"
            let badDay = try await clerk.post("/panel/review", form: held.fields)
            #expect(badDay.status == .unprocessableContent && badDay.text.contains("<a href=\"#review-0-on\">Enter the day the review was held as YYYY-MM-DD"))
            #expect(badDay.text.contains("value=\"12/01/2026\"") && badDay.text.contains("<option value=\"stuck\" selected>"), "what was typed is kept")
            held["on"] = "2026-12-11"
            #expect(try await clerk.post("/panel/review", form: held.fields).text.contains("<a href=\"#review-0-on\">The day the review was held cannot be after today (2026-12-10)"))
            held["on"] = "2025-11-28"
            #expect(words(try await clerk.post("/panel/review", form: held.fields).text).contains("before the panel of 2025-12-01"))
            held["on"] = "2026-01-12"
            held["outcome"] = ""
            #expect(try await clerk.post("/panel/review", form: held.fields).text.contains("<a href=\"#review-0-outcome\">Choose what the review found"))
            #expect(try fixture.workspace.panelReviews().isEmpty, "nothing recorded by a refused form")
            for name in ["office", "team", "admin"] {
                let other = Visitor(client)
                try await other.signIn(name)
                #expect(IssueAndBundleScreenTests.got(try await other.post("/panel/review", form: held.fields)) == "403", "\(name) POST /panel/review")
            }
            held["outcome"] = "stuck"
            let recorded = try await clerk.post("/panel/review", form: held.fields)
            #expect(IssueAndBundleScreenTests.got(recorded).hasPrefix("303 /panel/reviews?recorded="))
            #expect(try fixture.workspace.panelReviews() == [PanelReviewRecord(caseID: "\(day)/PR-2025-031", kind: "four-week", reviewedOn: "2026-01-12", outcome: "stuck")])
            let after = words(try await clerk.get(try #require(recorded.headers[.location])).text)
            #expect(after.contains("Review recorded Recorded the 4-week review of PR-2025-031 (panel of 2025-12-01) held on 2026-01-12: stuck."))
            #expect(!after.contains("panel 4-week review of PR-2025-031") && after.contains("panel termly review of PR-2025-031"), "only the termly review is still due")
            // A review no longer due cannot be recorded again from here.
            #expect(try await clerk.post("/panel/review", form: held.fields).status == .notFound)
        }
        // The access log: each view and change, naming the referral and its children's UPNs, never a name.
        let log = try fixture.workspace.accessLog().filter { $0.username == "clerk" }
        for (action, what) in [("view", "the intake of the panel of 2025-12-01: taken forward, slot 13:30: referral PR-2025-031"),
                               ("change", "received for the panel of 2025-12-01 as referrals/pr-2025-031.yaml: referral PR-2025-031"),
                               ("view", "the minutes form of the panel of 2025-12-01: referral PR-2025-031"),
                               ("change", "minutes for the panel of 2025-12-01 were refused; nothing kept: referral PR-2025-031"),
                               ("change", "wrote the minutes of the panel of 2025-12-01: referral PR-2025-031"),
                               ("change", "issued the minutes of the panel of 2025-12-01 (html, txt): referral PR-2025-031")] {
            #expect(log.contains { $0.action == action && $0.what == what && $0.upn == "W801200025001, K801200025002" }, "\(action): \(what)")
        }
        #expect(log.contains { $0.action == "download" && $0.upn == "W801200025001, K801200025002" })
        #expect(log.contains { $0.action == "change" && $0.what == "recorded the 4-week review of PR-2025-031 (panel of 2025-12-01) held on 2026-01-12: stuck" && $0.upn == "W801200025001, K801200025002" })
        #expect(log.contains { $0.action == "view" && $0.what.hasPrefix("the panel's reviews due as of 2026-12-10") })
        #expect(!log.contains { $0.what.contains("Siobh") || $0.what.contains("Brien") })
    }
}

extension PanelScreenTests {
    @Test func theClerkMovesASlotUpOrDownAndTheOrderIsKept() async throws {
        let fixture = try WebFixture("web-panel-order")
        defer { fixture.remove() }
        let day = Self.panel
        try await serving(fixture.site(slowWorkLimit: 600)) { client in
            let clerk = Visitor(client)
            try await clerk.signIn("clerk")
            try await Self.receiveTheReferrals(clerk)
            let slots = try await clerk.get("/panel/slots?date=\(day)")
            // The first slot can only go down, the last only up.
            #expect(slots.text.components(separatedBy: "action=\"/panel/slots/move\"").count - 1 == 2)
            #expect(slots.text.contains("Move down<span class=\"visually-hidden\">: PR-2025-031</span>") && slots.text.contains("Move up<span class=\"visually-hidden\">: PR-2025-034</span>"))
            #expect(!slots.text.contains("Move up<span class=\"visually-hidden\">: PR-2025-031</span>"))
            let token = try #require(Visitor.csrf(in: slots))
            let move = [("csrf", token), ("date", day), ("ref", "PR-2025-034"), ("direction", "up")]
            for name in ["office", "team", "admin"] {
                let other = Visitor(client)
                try await other.signIn(name)
                #expect(IssueAndBundleScreenTests.got(try await other.post("/panel/slots/move", form: move)) == "403", "\(name) POST /panel/slots/move")
            }
            #expect(IssueAndBundleScreenTests.got(try await clerk.post("/panel/slots/move", form: Array(move.dropFirst()))) == "403", "no token, refused")
            #expect(IssueAndBundleScreenTests.got(try await Visitor(client).post("/panel/slots/move", form: move)) == "303 /login")
            #expect(!FileManager.default.fileExists(atPath: Self.papers(fixture).appendingPathComponent("slot-order.txt").path), "nothing moved by a refused form")
            // A referral refused at the intake has no slot to move; a direction not up or down is not a move.
            #expect(try await clerk.post("/panel/slots/move", form: [("csrf", token), ("date", day), ("ref", "PR-2025-036"), ("direction", "up")]).status == .notFound)
            #expect(try await clerk.post("/panel/slots/move", form: [("csrf", token), ("date", day), ("ref", "PR-2025-034"), ("direction", "top")]).status == .notFound)

            #expect(IssueAndBundleScreenTests.got(try await clerk.post("/panel/slots/move", form: move)) == "303 /panel/slots?date=\(day)&moved=PR-2025-034")
            let moved = words(try await clerk.get("/panel/slots?date=\(day)&moved=PR-2025-034").text)
            #expect(moved.contains("Slots reordered PR-2025-034 is now at 13:30"))
            let first = try #require(moved.range(of: "13:30–13:45 PR-2025-034")), second = try #require(moved.range(of: "13:45–14:00 PR-2025-031"))
            #expect(first.lowerBound < second.lowerBound)
            // The intake and the minutes form take the same order.
            #expect(words(try await clerk.get("/panel/intake?date=\(day)").text).contains("13:30–13:45 PR-2025-034"))
            #expect(words(try await clerk.get("/panel/minutes?date=\(day)&ref=PR-2025-031").text).contains("PR-2025-031, 13:45–14:00"))
        }
        #expect(try String(contentsOf: Self.papers(fixture).appendingPathComponent("slot-order.txt"), encoding: .utf8) == "PR-2025-034\nPR-2025-031\n")
        #expect(try fixture.workspace.accessLog().contains { $0.username == "clerk" && $0.action == "change"
            && $0.what == "moved up in the slots of the panel of 2025-12-01: from 13:45 to 13:30: referral PR-2025-034" })
    }
}

/// A page's visible text, each run of whitespace one space.
private func words(_ html: String) -> String {
    flattened(htmlText(html))
}
