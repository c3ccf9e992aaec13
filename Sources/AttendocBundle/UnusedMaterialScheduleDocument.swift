import AttendocCaseModel
import AttendocCasework
import AttendocDocuments
import AttendocValues

/// The schedule of non-sensitive unused material as a document of its own
/// (`templates/unused-material-schedule.mustache`), for a route whose papers file it apart from
/// the initial details of the prosecution case (`unused_material_schedule`): made from the court
/// view of the case, so nothing private is in it; written as `<case folder>/unused-material-schedule.pdf`.
public enum UnusedMaterialScheduleDocument {
    public static let templateName = "unused-material-schedule"

    public static func document(for loaded: LoadedCase, asOf date: CalendarDate, resources: AttendocResources) throws(AttendocError) -> RenderableDocument {
        let original = loaded.attendanceCase
        let view = CourtView(of: original).attendanceCase
        let route = original.legalRoute
        let defendants = (route?.defendants ?? []).compactMap { original.parentOrCarer(id: $0.parentID)?.fullName }
        let (sender, _) = LetterContext.senderAndSignatory(for: original, sentBy: .localAuthority)
        var schedule: [String: Any] = [
            "prosecutor": original.localAuthority.name,
            "defendants": defendants.enumerated().map { ["name": $0.element, "isLast": $0.offset == defendants.count - 1] as [String: Any] },
            "hasCourt": route?.court != nil,
        ]
        schedule["court"] = route?.court
        let values: [String: Any] = [
            "document": [
                "kind": templateName, "language": "en-GB",
                "title": "Schedule of non-sensitive unused material: \(original.reference)",
                "author": [original.localAuthority.name, original.localAuthority.department].compactMap { $0 }.joined(separator: ", "),
                "reference": original.reference, "audience": "court",
            ] as [String: Any],
            "date": LetterContext.dateValue(date),
            "sender": sender,
            "schedule": schedule,
            "unused": UnusedMaterialSchedule.values(courtView: view),
        ]
        let templates = try DocumentTemplates(folder: resources.templates)
        let xml = try templates.render(templateName, with: values)
        try DocumentSchema(resources: resources).checkTemplateOutput(xml, templateName: templateName)
        return RenderableDocument(xml: xml, relativeStem: "\(FileName.caseFolder(original.reference))/\(templateName)", date: date)
    }
}
