import AttendocCaseModel
import AttendocCasework
import AttendocValues

/// The schedule of non-sensitive unused material, in the shape of an MG6C (CPIA 1996 Code of
/// Practice): each item the case records under `unused_material`, numbered, with what it is,
/// where it is kept, the disclosure decision and its reason. Sensitive items go on the
/// prosecutor's separate schedule, never in the bundle served on the family. An item that names a
/// meeting's agency-only notes is described from the meeting, never by the notes' words.
/// Then, without anyone listing them, the third parties' records the case cites as evidence that
/// the bundle leaves out (`ThirdPartyRecords`: no lawful basis or consent recorded), each with
/// why, from the record, and "not yet decided" for its disclosure (`check --for prosecution`
/// names each such record, so only a draft holds one).
/// The words are `templates/partials/bundle/unused-material.mustache` (in section A) and
/// `templates/unused-material-schedule.mustache` (the document of its own,
/// `UnusedMaterialScheduleDocument`); both print the rows with `partials/unused-material-rows`.
enum UnusedMaterialSchedule {
    static func values(_ bundle: EvidenceBundle) -> [String: Any] {
        values(courtView: bundle.view.attendanceCase)
    }

    /// From the court view of the case (`CourtView`): it has dropped the notes, not the meetings,
    /// and the safeguarding referrals (and so their evidence) altogether.
    static func values(courtView attendanceCase: AttendanceCase) -> [String: Any] {
        let meetings = attendanceCase.meetings
        let items = attendanceCase.unusedMaterial.filter { $0.decision != .sensitive }
        var rows: [[String: Any]] = items.map { material in
            let meeting = material.item.flatMap { item in meetings.first { "\($0.casePath).agency_only_notes" == item } }
            var row = row(isNotes: meeting != nil)
            row.merge([
                "meeting": meeting?.kind.description ?? "", "date": meeting?.date.longForm ?? "",
                "description": material.description ?? "",
                "disclose": material.decision == .disclose, "notDisclosable": material.decision == .notDisclosable,
                "reason": material.reason,
            ]) { _, new in new }
            row.merge(BundleContext.optional("location", material.location)) { _, new in new }
            return row
        }
        rows += thirdPartyRows(attendanceCase)
        for index in rows.indices { rows[index]["number"] = String(index + 1) }
        return ["items": rows, "hasItems": !rows.isEmpty]
    }

    /// Each third party's record the bundle does not exhibit, for want of a recorded lawful basis
    /// or consent (the same rule as the bundle's, `ThirdPartyRecords.withoutBasis`).
    static func thirdPartyRows(_ attendanceCase: AttendanceCase) -> [[String: Any]] {
        ThirdPartyRecords.withoutBasis(in: attendanceCase).map { use in
            var row = row(isNotes: false)
            row.merge([
                "isThirdParty": true, "holder": use.holder, "file": use.file.path, "place": use.place, "undecided": true,
            ]) { _, new in new }
            return row
        }
    }

    /// Every key a row's template reads, false or empty but for the row's own kind.
    private static func row(isNotes: Bool) -> [String: Any] {
        [
            "isNotes": isNotes, "meeting": "", "date": "", "description": "", "hasLocation": false, "location": "",
            "disclose": false, "notDisclosable": false, "undecided": false, "reason": "",
            "isThirdParty": false, "holder": "", "file": "", "place": "",
        ]
    }
}
