import AttendocDocuments
import AttendocPolicy
import AttendocValues
import Foundation

/// The panel's documents as document XML, through the templates and the schema like every other
/// document: the consent form for a referral's parent or guardian, the agenda of a panel's slots, and
/// the slot letter to each referrer. Files go under `panel-<date>/` in the output folder.
public struct PanelDocuments {
    let templates: DocumentTemplates
    let schema: DocumentSchema
    let calendar: PanelCalendar
    let host: PanelHost

    public init(resources: AttendocResources, calendar: PanelCalendar) throws(AttendocError) {
        guard let host = calendar.host else {
            throw AttendocError(.policy, "\(calendar.file): panel: has no host: section (who holds the panel, the clerk, how referrers join, the agencies), which the panel's documents need",
                                suggestion: "add panel: host: to the policy (docs/panel.md)")
        }
        self.templates = try DocumentTemplates(folder: resources.templates)
        self.schema = try DocumentSchema(resources: resources)
        self.calendar = calendar
        self.host = host
    }

    /// The consent form for `referral`'s parent or guardian, for `panel`, dated `date`.
    public func consentForm(_ referral: PanelReferral, panel: PanelCalendar.Panel, dated date: CalendarDate) throws(AttendocError) -> RenderableDocument {
        let names = referral.children.map { child in [child.forename, child.surname].compactMap { $0 }.joined(separator: " ") }
        var consent: [String: Any] = [:]
        if referral.consent?.signed == true {
            consent["signed"] = true
            if let on = referral.consent?.signedOn { consent["signedOn"] = LetterContext.dateValue(on) }
        }
        if let by = referral.consent?.signedBy { consent["signedBy"] = by }
        let values: [String: Any] = common(kind: "panel-consent-form", title: "Attendance Referral Consent Disclaimer: \(referral.reference)",
                                           reference: referral.reference, audience: "parent", date: date, panel: panel).merging([
            "referral": [
                "reference": referral.reference,
                "school": referral.school.name ?? "The school",
                "children": referral.children.map { child -> [String: Any] in
                    var value: [String: Any] = ["name": [child.forename, child.surname].compactMap { $0 }.joined(separator: " "),
                                                "yearGroup": child.yearGroup.map(String.init) ?? "not given"]
                    if let setting = child.setting?.name { value["setting"] = setting }
                    return value
                },
                "childrenInWords": Self.possessive(names),
                "childOrChildren": referral.children.count > 1 ? "children" : "child",
                "eachChild": referral.children.count > 1 ? "each child’s" : "your child’s",
            ],
            "consent": consent,
        ]) { $1 }
        return try document("panel-consent-form", values, stem: "\(folder(panel))/consent-forms/\(FileName.slug(referral.reference))", date: date)
    }

    /// The agenda of `intake`'s slots, dated `date`.
    public func agenda(_ intake: PanelIntake, dated date: CalendarDate) throws(AttendocError) -> RenderableDocument {
        var values = common(kind: "panel-agenda", title: "Multi-agency attendance panel: agenda, \(intake.panel.date.longForm)",
                            reference: "Panel \(intake.panel.date.iso)", audience: "agency", date: date, panel: intake.panel)
        values["slots"] = intake.slots.map { slot -> [String: Any] in
            let years = slot.referral.children.map { "year \($0.yearGroup.map(String.init) ?? "?")" }
            return ["starts": slot.starts, "ends": slot.ends, "reference": slot.referral.reference,
                    "school": slot.referral.settings.compactMap(\.name).joined(separator: "; "),
                    "children": "\(years.count == 1 ? "1 child" : "\(years.count) children"): \(years.joined(separator: ", "))",
                    "referrer": slot.referral.referrer.role ?? "not given"]
        }
        var panel = values["panel"] as? [String: Any] ?? [:]
        panel["slotCount"] = "\(intake.slots.count)"
        values["panel"] = panel
        return try document("panel-agenda", values, stem: "\(folder(intake.panel))/agenda", date: date)
    }

    /// The slot letter to the referrer of `slot`, dated `date`.
    public func slotLetter(_ slot: PanelIntake.Slot, panel: PanelCalendar.Panel, dated date: CalendarDate) throws(AttendocError) -> RenderableDocument {
        let referral = slot.referral
        guard let name = referral.referrer.name, let address = referral.school.address else {
            throw AttendocError(.caseFile, "\(referral.file): \(referral.referrer.name == nil ? "referrer.name" : "school.address") is missing, which the slot letter to the referrer of \(referral.reference) needs",
                                suggestion: "add it to the referral (docs/panel.md)")
        }
        var values = common(kind: "panel-slot-letter", title: "Attendance panel slot: \(referral.reference), \(panel.date.longForm) \(slot.starts)",
                            reference: referral.reference, audience: "agency", date: date, panel: panel)
        values["recipient"] = ["name": name, "address": ["lines": address.lines, "postcode": address.postcode]]
        values["referral"] = ["reference": referral.reference]
        values["slot"] = ["starts": slot.starts, "ends": slot.ends]
        return try document("panel-slot-letter", values, stem: "\(folder(panel))/slot-letters/\(FileName.slug(referral.reference))", date: date)
    }

    /// The agencies' minutes of the panel: every case in `minutes`, in that order, with the notes
    /// for the agencies only.
    public func agencyMinutes(_ minutes: [PanelMinutes], intake: PanelIntake?, panel: PanelCalendar.Panel, dated date: CalendarDate) throws(AttendocError) -> RenderableDocument {
        var values = common(kind: "panel-minutes", title: "Multi-agency attendance panel: minutes, \(panel.date.longForm)",
                            reference: "Panel \(panel.date.iso)", audience: "agency", date: date, panel: panel)
        values["copy"] = ["isAgency": true, "label": "The agencies' minutes"]
        values["cases"] = minutes.map { Self.caseValues($0, intake: intake, forAgencies: true) }
        return try document("panel-minutes", values, stem: "\(folder(panel))/minutes/agency-minutes", date: date)
    }

    /// The family's copy of the minutes of one case: that case only, without the notes for the
    /// agencies. Their values never hold another case or the notes, so neither can reach the copy.
    public func parentCopy(_ minutes: PanelMinutes, intake: PanelIntake?, panel: PanelCalendar.Panel, dated date: CalendarDate) throws(AttendocError) -> RenderableDocument {
        let reference = minutes.referral.reference
        var values = common(kind: "panel-minutes", title: "Attendance panel minutes: \(reference), \(panel.date.longForm)",
                            reference: reference, audience: "parent", date: date, panel: panel)
        var copy: [String: Any] = ["label": "The family's copy"]
        if let name = minutes.referral.consent?.signedBy { copy["recipient"] = name }
        values["copy"] = copy
        values["cases"] = [Self.caseValues(minutes, intake: intake, forAgencies: false)]
        return try document("panel-minutes", values, stem: "\(folder(panel))/minutes/\(FileName.slug(reference))-family-copy", date: date)
    }

    /// The themes across the cases `themes` counted, for the agencies, as of `date`. Written to
    /// `panel-themes/<scope>`.
    public func themes(_ themes: PanelThemes, asOf date: CalendarDate, stem: String) throws(AttendocError) -> RenderableDocument {
        var values = common(kind: "panel-themes", title: "Multi-agency attendance panel: themes, \(themes.scope)",
                            reference: "Panel themes: \(themes.scope)", audience: "agency", date: date, panel: nil)
        func counts(_ list: [PanelThemes.Count]) -> [[String: Any]] { list.map { ["what": $0.what, "count": "\($0.count)"] } }
        values["themes"] = [
            "scope": themes.scope,
            "panels": themes.panelDates.isEmpty ? "none recorded"
                : themes.panelDates.compactMap { CalendarDate(iso: $0)?.longForm }.joined(separator: "; "),
            "cases": "\(themes.cases)", "children": "\(themes.children)",
            "asOf": LetterContext.dateValue(date),
            "hasBarriers": !themes.barriers.isEmpty, "barriers": counts(themes.barriers),
            "hasCohorts": !themes.priorityCohorts.isEmpty, "priorityCohorts": counts(themes.priorityCohorts),
            "hasActions": !themes.actionsByAgency.isEmpty, "actionsByAgency": counts(themes.actionsByAgency),
            "hasStuck": !themes.stuck.isEmpty,
            "stuck": themes.stuck.map { ["referral": $0.referral, "panel": CalendarDate(iso: $0.panelDate)?.longForm ?? $0.panelDate, "why": $0.why] },
        ] as [String: Any]
        return try document("panel-themes", values, stem: "panel-themes/\(FileName.slug(stem))", date: date)
    }

    /// One case's values; the notes for the agencies only when `forAgencies`.
    static func caseValues(_ minutes: PanelMinutes, intake: PanelIntake?, forAgencies: Bool) -> [String: Any] {
        let referral = minutes.referral
        var value: [String: Any] = [
            "reference": referral.reference,
            "children": referral.children.map { child -> [String: Any] in
                ["name": [child.forename, child.surname].compactMap { $0 }.joined(separator: " "),
                 "yearGroup": child.yearGroup.map(String.init) ?? "not given",
                 "setting": child.setting?.name ?? referral.school.name ?? "not given"]
            },
            "present": minutes.present.map { person -> [String: Any] in
                var entry: [String: Any] = ["name": person.name, "role": person.role]
                if let agency = person.agency { entry["agency"] = agency }
                return entry
            },
            "discussion": minutes.discussion,
            "hasBarriers": !minutes.barriers.isEmpty, "barriers": minutes.barriers,
            "hasActions": !minutes.actions.isEmpty,
            "actions": minutes.actions.map { action -> [String: Any] in
                var entry: [String: Any] = ["owner": action.owner, "agency": action.agency, "action": action.action]
                if let due = action.due { entry["due"] = LetterContext.dateValue(due) }
                return entry
            },
            "hasPlan": !minutes.actionPlan.isEmpty, "plan": minutes.actionPlan,
        ]
        if let slot = intake?.slots.first(where: { $0.referral.reference == referral.reference }) {
            value["slot"] = "\(slot.starts) to \(slot.ends)"
        }
        if forAgencies, let notes = minutes.agencyOnlyNotes { value["agencyOnlyNotes"] = notes }
        return value
    }

    func folder(_ panel: PanelCalendar.Panel) -> String { "panel-\(panel.date.iso)" }

    /// The values every panel document shares: its metadata, date, letterhead, host and panel.
    func common(kind: String, title: String, reference: String, audience: String, date: CalendarDate,
                panel: PanelCalendar.Panel?) -> [String: Any] {
        var sender: [String: Any] = ["organisation": host.organisation,
                                     "address": ["lines": host.address.lines, "postcode": host.address.postcode]]
        if let department = host.department { sender["department"] = department }
        if let phone = host.phone { sender["phone"] = phone }
        if let email = host.email { sender["email"] = email }
        var hostValues: [String: Any] = ["agencies": host.agencies, "joining": host.joining,
                                         "clerkName": host.clerkName, "clerkRole": host.clerkRole]
        if let phone = host.phone { hostValues["phone"] = phone }
        if let email = host.email { hostValues["email"] = email }
        var values: [String: Any] = [
            "document": ["kind": kind, "language": "en-GB", "title": title, "author": host.organisation,
                         "reference": reference, "audience": audience],
            "date": LetterContext.dateValue(date),
            "sender": sender,
            "host": hostValues,
        ]
        if let panel {
            values["panel"] = ["date": LetterContext.dateValue(panel.date), "startsAt": calendar.startsAt,
                               "slotMinutes": "\(calendar.slotMinutes)",
                               "fourWeekReview": LetterContext.dateValue(panel.fourWeekReview.date),
                               "termlyReview": LetterContext.dateValue(panel.termlyReview.date)]
        }
        return values
    }

    func document(_ template: String, _ values: [String: Any], stem: String, date: CalendarDate) throws(AttendocError) -> RenderableDocument {
        let xml = try templates.render(template, with: values)
        do {
            _ = try schema.checkedDocument(xml, source: "templates/\(template).mustache")
        } catch {
            throw AttendocError(.document, "the template \(template).mustache made a document that Attendoc cannot use: \(error)")
        }
        return RenderableDocument(xml: xml, relativeStem: stem, date: date)
    }

    /// `Siobhán’s`, `Siobhán and Ciarán’s`, `A, B and C’s`: the children's forenames as the
    /// possessive a sentence needs.
    static func possessive(_ names: [String]) -> String {
        let forenames = names.map { $0.split(separator: " ").first.map(String.init) ?? $0 }
        guard let last = forenames.last else { return "the children’s" }
        let joined = forenames.count == 1 ? last : forenames.dropLast().joined(separator: ", ") + " and " + last
        return joined + "’s"
    }
}
