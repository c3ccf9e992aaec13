import AttendocCaseModel
import AttendocValues

/// Unused material in a prosecution (CPIA 1996; its Code of Practice): material the bundle
/// withholds from the family (a meeting's agency-only notes) is still material the investigation
/// holds, so each needs the disclosure officer's decision (`unused_material`) before the case goes
/// to court; the bundle's schedule of unused material lists it with that decision.
enum DisclosureReadiness {
    static func gaps(_ loaded: LoadedCase) -> [ProsecutionReadiness.Gap] {
        let attendanceCase = loaded.attendanceCase
        guard attendanceCase.legalRoute?.isProsecution ?? false else { return [] }
        let decided = Set(attendanceCase.unusedMaterial.compactMap(\.item))
        return attendanceCase.meetings.filter { $0.agencyOnlyNotes != nil }.compactMap { meeting in
            let place = "\(meeting.casePath).agency_only_notes"
            guard !decided.contains(place) else { return nil }
            return ProsecutionReadiness.Gap(
                place: place,
                problem: "is withheld from the bundle (agency-only notes) with no disclosure decision",
                toDo: "list it under unused_material (item: \(place)) with a decision (disclose, not_disclosable or sensitive) and the reason; material that might reasonably be considered capable of undermining the prosecution case or of assisting the defence is disclosed (section 3 Criminal Procedure and Investigations Act 1996)")
        }
    }
}
