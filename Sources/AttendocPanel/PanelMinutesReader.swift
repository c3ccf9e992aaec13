import AttendocValues
import AttendocYAML
import Foundation

/// Reads the clerk's minutes of one case (docs/panel.md), with the referral file it names
/// (`referral:`, relative to the minutes file).
public enum PanelMinutesReader {
    public static func read(contentsOf url: URL) throws(AttendocError) -> PanelMinutes {
        do {
            let top = try YAMLDocument.fields(of: url)
            let referralName = try top.string("referral")
            let referralURL = URL(fileURLWithPath: referralName, relativeTo: url.deletingLastPathComponent()).standardizedFileURL
            guard FileManager.default.fileExists(atPath: referralURL.path) else {
                throw top.error("referral", "names a referral file that does not exist (the path is relative to the minutes file)")
            }
            let referral = try PanelReferralReader.read(contentsOf: referralURL)
            let present = try top.mappings("present") { (fields) throws(CaseFileError) in
                let person = PanelMinutes.Person(name: try fields.string("name"), role: try fields.string("role"), agency: try fields.optionalString("agency"))
                try fields.finish()
                return person
            }
            if present.isEmpty { throw top.error("present", "is required: list who was present for the case") }
            let actions = try top.mappings("actions") { (fields) throws(CaseFileError) in
                let action = PanelMinutes.Action(owner: try fields.string("owner"), agency: try fields.string("agency"),
                                                 action: try fields.string("action"), due: try fields.optionalDate("due"))
                try fields.finish()
                return action
            }
            let barriers = try top.strings("barriers", required: false)
            let minutes = PanelMinutes(
                panelDate: try top.date("panel"), referral: referral, present: present,
                discussion: try top.string("discussion"), barriers: barriers.isEmpty ? referral.barriers : barriers,
                actions: actions, actionPlan: try top.strings("action_plan", required: false),
                agencyOnlyNotes: try top.optionalString("agency_only_notes"), file: url.path)
            try top.finish()
            return minutes
        } catch let error as CaseFileError {
            throw AttendocError(error, kind: .caseFile)
        } catch let error as AttendocError {
            throw error
        } catch {
            throw AttendocError(.caseFile, "\(url.path): cannot be read")
        }
    }
}
