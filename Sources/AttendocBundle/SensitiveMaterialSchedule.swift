import AttendocCaseModel
import AttendocCasework
import AttendocDocuments
import AttendocValues

/// The schedule of sensitive unused material, in the shape of an MG6D (the CPIA 1996 Code of
/// Practice; the CPS Disclosure Manual, chapter 8): for the prosecutor only, never disclosed to
/// the defence, so never among the papers served (the bundle, the schedule of non-sensitive
/// material, the single justice procedure papers are all made from the court view, which holds
/// none of it). It lists each item the case records under `unused_material` with `decision:
/// sensitive`, and each safeguarding referral (`service: safeguarding`), which the court view
/// always withholds: with what it is, where it is kept and the reason for its sensitivity as the
/// case records it (a referral's from the `unused_material` entry whose `item` names it, else
/// "not recorded"); none at all, the endorsement that there is no sensitive material.
/// Made from the case itself (`templates/sensitive-material-schedule.mustache`), and written by
/// `attendoc sensitive-schedule` under `OUT/prosecutor-only/<case reference>/`, apart from the
/// served papers' `OUT/<case reference>/`.
public enum SensitiveMaterialSchedule {
    public static let templateName = "sensitive-material-schedule"
    /// The folder the schedule is written under, apart from every served paper.
    public static let folder = "prosecutor-only"

    public static func document(for loaded: LoadedCase, asOf date: CalendarDate, resources: AttendocResources) throws(AttendocError) -> RenderableDocument {
        let original = loaded.attendanceCase
        let route = original.legalRoute
        let defendants = (route?.defendants ?? []).compactMap { original.parentOrCarer(id: $0.parentID)?.fullName }
        let (sender, _) = LetterContext.senderAndSignatory(for: original, sentBy: .localAuthority)
        var schedule: [String: Any] = [
            "prosecutor": original.localAuthority.name,
            "defendants": BundleContext.names(defendants), "hasDefendants": !defendants.isEmpty,
            "hasCourt": route?.court != nil, "court": route?.court ?? "",
        ]
        let rows = Self.rows(original)
        schedule["items"] = rows
        schedule["hasItems"] = !rows.isEmpty
        let values: [String: Any] = [
            "document": [
                "kind": templateName, "language": "en-GB",
                "title": "Schedule of sensitive unused material: \(original.reference)",
                "author": [original.localAuthority.name, original.localAuthority.department].compactMap { $0 }.joined(separator: ", "),
                "reference": original.reference, "audience": "agency",
            ] as [String: Any],
            "date": LetterContext.dateValue(date),
            "sender": sender,
            "schedule": schedule,
        ]
        let templates = try DocumentTemplates(folder: resources.templates)
        let xml = try templates.render(templateName, with: values)
        try DocumentSchema(resources: resources).checkTemplateOutput(xml, templateName: templateName)
        return RenderableDocument(xml: xml, relativeStem: "\(folder)/\(FileName.caseFolder(original.reference))/\(templateName)", date: date)
    }

    /// The rows, numbered: the sensitive items the case lists, in its order, then each
    /// safeguarding referral no item names.
    static func rows(_ original: AttendanceCase) -> [[String: Any]] {
        let sensitive = original.unusedMaterial.filter { $0.decision == .sensitive }
        var rows: [[String: Any]] = sensitive.map { material in
            let meeting = material.item.flatMap { item in original.meetings.first { "\($0.casePath).agency_only_notes" == item } }
            let referral = material.item.flatMap { item in original.referrals.first { $0.casePath == item } }
            return row(meeting: meeting, referral: referral, description: material.description, location: material.location, reason: material.reason)
        }
        for referral in original.referrals where referral.service == .safeguarding
            && !sensitive.contains(where: { $0.item == referral.casePath }) {
            rows.append(row(meeting: nil, referral: referral, description: nil, location: nil, reason: nil))
        }
        return BundleContext.list(rows.enumerated().map { $0.element.merging(["number": String($0.offset + 1)]) { _, new in new } })
    }

    private static func row(meeting: Meeting?, referral: AgencyReferral?, description: String?, location: String?, reason: String?) -> [String: Any] {
        var row: [String: Any] = [
            "isNotes": meeting != nil, "meeting": meeting?.kind.description ?? "", "meetingDate": meeting?.date.longForm ?? "",
            "isReferral": referral != nil, "to": referral?.to ?? "", "referralDate": referral?.date.longForm ?? "",
            "place": referral?.casePath ?? "", "description": description ?? "",
        ]
        row.merge(BundleContext.optional("madeBy", referral?.madeBy)) { old, _ in old }
        row.merge(BundleContext.optional("location", location)) { old, _ in old }
        row.merge(BundleContext.optional("reason", reason)) { old, _ in old }
        return row
    }
}
