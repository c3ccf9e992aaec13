import AttendocCaseModel
import AttendocValues

/// The schedule of non-sensitive unused material, in the shape of an MG6C (CPIA 1996 Code of
/// Practice): each item the case records under `unused_material`, numbered, with what it is,
/// where it is kept, the disclosure decision and its reason. Sensitive items go on the
/// prosecutor's separate schedule, never in the bundle served on the family. An item that names a
/// meeting's agency-only notes is described from the meeting, never by the notes' words.
/// The words are `templates/partials/bundle/unused-material.mustache` (in section A) and
/// `templates/unused-material-schedule.mustache` (the document of its own,
/// `UnusedMaterialScheduleDocument`); both print the rows with `partials/unused-material-rows`.
enum UnusedMaterialSchedule {
    static func values(_ bundle: EvidenceBundle) -> [String: Any] {
        values(courtView: bundle.view.attendanceCase)
    }

    /// From the court view of the case (`CourtView`): it has dropped the notes, not the meetings.
    static func values(courtView attendanceCase: AttendanceCase) -> [String: Any] {
        let meetings = attendanceCase.meetings
        let items = attendanceCase.unusedMaterial.filter { $0.decision != .sensitive }
        let rows: [[String: Any]] = items.enumerated().map { offset, material in
            let meeting = material.item.flatMap { item in meetings.first { "\($0.casePath).agency_only_notes" == item } }
            var row: [String: Any] = [
                "number": String(offset + 1),
                "isNotes": meeting != nil, "meeting": meeting?.kind.description ?? "", "date": meeting?.date.longForm ?? "",
                "description": material.description ?? "",
                "disclose": material.decision == .disclose, "notDisclosable": material.decision == .notDisclosable,
                "reason": material.reason,
            ]
            row.merge(BundleContext.optional("location", material.location)) { old, _ in old }
            return row
        }
        return ["items": rows, "hasItems": !rows.isEmpty]
    }
}
