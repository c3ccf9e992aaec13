import AttendocPolicy
import AttendocValues
import Foundation

/// The minutes files of one panel, read and checked together: each is of that panel, and no case
/// is minuted twice.
public enum PanelMinutesSet {
    public static func read(_ files: [URL], panel: PanelCalendar.Panel) throws(AttendocError) -> [PanelMinutes] {
        var result: [PanelMinutes] = []
        for file in files {
            let minutes = try PanelMinutesReader.read(contentsOf: file)
            guard minutes.panelDate == panel.date else {
                throw AttendocError(.caseFile, "\(file.path): panel: is \(minutes.panelDate.iso), not the panel of \(panel.date.iso) these minutes are made for",
                                    suggestion: "give only the minutes of that panel")
            }
            if let earlier = result.first(where: { $0.referral.reference == minutes.referral.reference }) {
                throw AttendocError(.caseFile, "\(file.path): the referral \(minutes.referral.reference) is already minuted in \(earlier.file); one minutes file per case")
            }
            result.append(minutes)
        }
        return result
    }
}
