import AttendocPanel
import AttendocPolicy
import AttendocTesting
import AttendocValues
import Foundation
import Testing

/// The intake against seed 000's criteria: each refusal, explained; slots from 13:30; siblings,
/// household members and several settings as one referral.
@Suite struct PanelIntakeTests {
    let panel: PanelPolicy
    let december: PanelCalendar.Panel

    init() throws {
        panel = try PanelPolicy.read(resources: resources)
        december = try panel.calendar.panel(on: date("2025-12-01"))
    }

    /// A complete referral, with `changes` (a line's start → its replacement, or nil to remove it).
    static func referral(_ reference: String, received: String = "2025-11-12", urn: String = "140101",
                         upn: String = "W801200025001", born: String = "2016-03-14",
                         changes: [String: String?] = [:]) -> String {
        var lines = [
            "reference: \(reference)",
            "received_on: \(received)",
            "referrer: {name: Ms Priya Natarajan, role: Attendance lead, email: a@example.org}",
            "school: {name: Brookfield Primary School, urn: \"\(urn)\"}",
            "children:",
            "  - upn: \(upn)",
            "    forename: Siobhán",
            "    surname: O'Brien-Ní Dhuibhir",
            "    date_of_birth: \(born)",
            "    year_group: 4",
            "reason: Attendance has fallen since September.",
            "barriers: [caring responsibilities]",
            "multi_agency_involvement: {state: closed, agencies: [Early Help]}",
            "tried: [parenting contract meeting]",
            "legal_intervention: {judged: not_appropriate}",
            "consent: {signed: yes, signed_on: 2025-11-10, signed_by: Mrs Áine O'Brien}",
        ]
        for (start, replacement) in changes {
            guard let index = lines.firstIndex(where: { $0.hasPrefix(start) }) else {
                lines.append(replacement ?? "")
                continue
            }
            if let replacement { lines[index] = replacement } else { lines.remove(at: index) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func read(_ texts: [String]) throws -> [PanelReferral] {
        let folder = try temporaryFolder("panel-intake")
        return try texts.enumerated().map { index, text in
            let url = folder.appendingPathComponent("referral-\(index).yaml")
            try text.write(to: url, atomically: true, encoding: .utf8)
            return try PanelReferralReader.read(contentsOf: url)
        }
    }

    func intake(_ texts: [String], on panel: PanelCalendar.Panel? = nil, order: [String] = []) throws -> PanelIntake {
        try PanelIntake.take(read(texts), for: panel ?? december, calendar: self.panel.calendar, order: order)
    }

    func reasons(_ text: String, on panel: PanelCalendar.Panel? = nil) throws -> [PanelIntake.Reason] {
        let result = try intake([text], on: panel)
        #expect(result.slots.isEmpty)
        return try #require(result.refusals.first).reasons
    }

    @Test func slotsOfFifteenMinutesFromHalfPastOneInTheOrderReceived() throws {
        let result = try intake([
            Self.referral("PR-3", received: "2025-11-14", urn: "140303", upn: "Z801200025003"),
            Self.referral("PR-1", received: "2025-11-10", urn: "140101", upn: "W801200025001"),
            Self.referral("PR-2", received: "2025-11-12", urn: "140202", upn: "K801200025002"),
        ])
        #expect(result.refusals.isEmpty)
        #expect(result.slots.map(\.referral.reference) == ["PR-1", "PR-2", "PR-3"])
        #expect(result.slots.map(\.starts) == ["13:30", "13:45", "14:00"])
        #expect(result.slots.map(\.ends) == ["13:45", "14:00", "14:15"])
    }

    @Test func theClerksOrderDecidesTheSlots() throws {
        let result = try intake([
            Self.referral("PR-1", received: "2025-11-10", urn: "140101", upn: "W801200025001"),
            Self.referral("PR-2", received: "2025-11-12", urn: "140202", upn: "K801200025002"),
            Self.referral("PR-3", received: "2025-11-14", urn: "140303", upn: "Z801200025003"),
        ], order: ["PR-3"])
        #expect(result.slots.map(\.referral.reference) == ["PR-3", "PR-1", "PR-2"])
        #expect(result.slots.map(\.starts) == ["13:30", "13:45", "14:00"])
        #expect(throws: AttendocError.self) { try intake([Self.referral("PR-1")], order: ["PR-9"]) }
    }

    @Test func siblingsAtSeveralSettingsAreOneReferralAndOneSlot() throws {
        let household = Self.referral("PR-1", changes: ["reason:": """
              - upn: K801200025002
                forename: Ciarán
                surname: O'Brien-Ní Dhuibhir
                date_of_birth: 2012-10-02
                year_group: 8
                school: {name: Northshire Academy, urn: "140202"}
            reason: Both children's attendance has fallen.
            """])
        let result = try intake([household])
        #expect(result.slots.count == 1)
        let referral = try #require(result.slots.first).referral
        #expect(referral.pupilNumbers.map(\.text) == ["W801200025001", "K801200025002"])
        #expect(referral.settings.compactMap(\.urn) == ["140101", "140202"])
    }

    @Test func aSecondReferralOfTheSameHouseholdFromAnotherSettingIsRefused() throws {
        let result = try intake([
            Self.referral("PR-1", urn: "140101", upn: "W801200025001"),
            Self.referral("PR-2", received: "2025-11-13", urn: "140202", upn: "W801200025001"),
        ])
        #expect(result.slots.map(\.referral.reference) == ["PR-1"])
        let reasons = try #require(result.refusals.first).reasons
        #expect(reasons.map(\.kind) == [.householdAlreadyReferred])
        #expect(reasons[0].explanation.contains("UPN W801200025001 is already in the referral PR-1"))
    }

    @Test func oneReferralPerSchoolPerPanelTheFirstReceivedTaken() throws {
        let result = try intake([
            Self.referral("PR-2", received: "2025-11-18", upn: "K801200025002"),
            Self.referral("PR-1", received: "2025-11-12", upn: "W801200025001"),
        ])
        #expect(result.slots.map(\.referral.reference) == ["PR-1"])
        let refusal = try #require(result.refusals.first)
        #expect(refusal.referral.reference == "PR-2")
        #expect(refusal.reasons.map(\.kind) == [.schoolAlreadyReferred])
        #expect(refusal.reasons[0].explanation.contains("the school (URN 140101) already has the referral PR-1 on this panel, received 12 November 2025"))
    }

    @Test func aRefusedReferralDoesNotTakeTheSchoolsPlace() throws {
        let result = try intake([
            Self.referral("PR-1", received: "2025-11-10", upn: "W801200025001", changes: ["consent:": "consent: {signed: no}"]),
            Self.referral("PR-2", received: "2025-11-12", upn: "K801200025002"),
        ])
        #expect(result.slots.map(\.referral.reference) == ["PR-2"])
        #expect(result.refusals.map(\.referral.reference) == ["PR-1"])
    }

    @Test func noConsentIsRefused() throws {
        let refused = try reasons(Self.referral("PR-1", changes: ["consent:": "consent: {signed: no}"]))
        #expect(refused.map(\.kind) == [.noConsent])
        #expect(refused[0].explanation.contains("has not agreed to the Attendance Referral Consent Disclaimer"))
        let missing = try reasons(Self.referral("PR-1", changes: ["consent:": nil]))
        #expect(missing.map(\.kind) == [.noConsent])
        let late = try reasons(Self.referral("PR-1", changes: ["consent:": "consent: {signed: yes, signed_on: 2025-12-02}"]))
        #expect(late.map(\.kind) == [.noConsent])
        #expect(late[0].explanation.contains("consent.signed_on is 2 December 2025, after the panel"))
    }

    @Test func aChildNotYetOfStatutorySchoolAgeIsRefused() throws {
        // Fifth birthday 1 September 2025; the next prescribed day is 31 December 2025, after the
        // 1 December panel, before the 26 January one.
        let text = Self.referral("PR-1", born: "2020-09-01")
        let refused = try reasons(text)
        #expect(refused.map(\.kind) == [.notOfStatutorySchoolAge])
        #expect(refused[0].explanation.contains("children[0] (UPN W801200025001) is of statutory school age only from 31 December 2025"))
        let january = try panel.calendar.panel(on: date("2026-01-26"))
        let later = try intake([Self.referral("PR-1", received: "2026-01-10", born: "2020-09-01")], on: january)
        #expect(later.refusals.isEmpty)
    }

    @Test func aChildPastStatutorySchoolAgeIsRefused() throws {
        // Sixteen on 1 August 2025, in the school year 2024/25: the leaving date was the last
        // Friday in June 2025, 27 June.
        let refused = try reasons(Self.referral("PR-1", born: "2009-08-01"))
        #expect(refused.map(\.kind) == [.notOfStatutorySchoolAge])
        #expect(refused[0].explanation.contains("ceased to be of statutory school age on 28 June 2025"))
        // Sixteen on 1 September 2025 (school year 2025/26): of statutory school age until June 2026.
        #expect(try intake([Self.referral("PR-1", born: "2009-09-01")]).refusals.isEmpty)
    }

    @Test func aReferralAfterTheWindowClosedIsRefused() throws {
        let october = try panel.calendar.panel(on: date("2025-10-13"))
        let onTime = try intake([Self.referral("PR-1", received: "2025-10-01", changes: ["consent:": "consent: {signed: yes, signed_on: 2025-09-30}"])], on: october)
        #expect(onTime.refusals.isEmpty)
        let refused = try reasons(Self.referral("PR-1", received: "2025-10-02", changes: ["consent:": "consent: {signed: yes, signed_on: 2025-09-30}"]), on: october)
        #expect(refused.map(\.kind) == [.afterTheWindowClosed])
        #expect(refused[0].explanation.contains("received on 2 October 2025, after the referral form for this panel closed on 1 October 2025"))
    }

    @Test func missingInformationIsRefusedNamingEachField() throws {
        let refused = try reasons(Self.referral("PR-1", changes: ["reason:": nil, "tried:": nil, "    date_of_birth:": nil, "referrer:": "referrer: {name: Ms Priya Natarajan}"]))
        #expect(refused.map(\.kind) == [.missingInformation])
        let text = refused[0].explanation
        for field in ["referrer.role", "referrer.email or referrer.phone", "children[0].date_of_birth", "reason", "tried (what has been tried already)"] {
            #expect(text.contains(field), "names \(field)")
        }
        #expect(!text.contains("school.urn"))
    }

    @Test func casesThatAreNotForThePanelAreRefused() throws {
        let progressing = try reasons(Self.referral("PR-1", changes: ["multi_agency_involvement:": "multi_agency_involvement: {state: progressing}"]))
        #expect(progressing.map(\.kind) == [.involvementProgressing])
        let legal = try reasons(Self.referral("PR-1", changes: ["legal_intervention:": "legal_intervention: {judged: not_considered}"]))
        #expect(legal.map(\.kind) == [.legalInterventionNotJudged])
    }

    @Test func neitherRefusalsNorErrorsPrintANameOrAFilesContents() throws {
        let result = try intake([
            Self.referral("PR-1", changes: ["consent:": "consent: {signed: no}", "reason:": nil]),
            Self.referral("PR-2", received: "2025-11-13", born: "2009-08-01"),
        ])
        let text = PanelIntakeListing.lines(result).joined(separator: "\n")
        #expect(text.contains("refused: PR-1"))
        for secret in ["Siobhán", "O'Brien", "Natarajan", "Áine", "caring responsibilities", "Brookfield"] {
            #expect(!text.contains(secret))
        }
        #expect {
            _ = try read([Self.referral("PR-1", changes: ["    date_of_birth:": "    date_of_birth: Siobhán's birthday"])])
        } throws: { error in
            let message = "\(error)"
            return message.contains("children[0].date_of_birth") && message.contains("referral-0.yaml:9") && !message.contains("Siobhán")
        }
    }
}
