import AttendocPolicy
import AttendocValues
import AttendocWorkspace
import Foundation

/// What the themes count for one case, as the record keeps it (`panel_case.themes_json`): the
/// barriers the panel agreed, each child's priority cohorts (seed 001), the number of children,
/// and the actions agreed, by agency. Taken from the clerk's minutes and the referral, never
/// inferred from free text.
public struct PanelCaseFigures: Codable, Sendable, Equatable {
    public var barriers: [String]
    /// One entry per child and cohort (two siblings who are young carers count twice).
    public var priorityCohorts: [String]
    public var children: Int
    public var actionsByAgency: [String: Int]

    public init(_ minutes: PanelMinutes) {
        barriers = minutes.barriers
        priorityCohorts = minutes.referral.children.flatMap { $0.priorityCohorts.map(\.rawValue) }
        children = minutes.referral.children.count
        actionsByAgency = minutes.actions.reduce(into: [:]) { $0[$1.agency, default: 0] += 1 }
    }

    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }

    public static func from(json: String) -> PanelCaseFigures? {
        try? JSONDecoder().decode(PanelCaseFigures.self, from: Data(json.utf8))
    }

    /// The record of the case `minutes` minutes, at `panel`.
    public static func caseRecord(_ minutes: PanelMinutes, panel: PanelCalendar.Panel) -> PanelCaseRecord {
        PanelCaseRecord(panelDate: panel.date.iso, referral: minutes.referral.reference, schoolURN: minutes.referral.school.urn,
                        upns: minutes.referral.pupilNumbers.map(\.text), caseReference: minutes.referral.caseReference,
                        fourWeekReview: panel.fourWeekReview.date.iso, termlyReview: panel.termlyReview.date.iso,
                        themesJSON: PanelCaseFigures(minutes).json)
    }
}
