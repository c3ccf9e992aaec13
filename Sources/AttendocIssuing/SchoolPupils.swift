import AttendocCaseModel
import AttendocEngine
import AttendocPolicy
import AttendocRegister
import AttendocValues
import AttendocWorkspace
import Foundation

/// A school's pupils from its latest register import, each with the engine's figures from the
/// marks the record holds, under the policy the school's cases follow (or the one asked for), the
/// priority cohorts their case records, and their attendance week by week for a chart.
public struct SchoolPupils: Sendable {
    public struct Pupil: Sendable {
        public var upn: String
        public var forename: String?
        public var surname: String?
        public var yearGroup: Int?
        /// The pupil's case in the workspace, by reference; nil when there is none.
        public var reference: String?
        public var figures: PupilFigures?
        /// The priority cohorts the pupil's case records; nil when there is no case to say.
        public var cohorts: [PriorityCohort]?
        /// The unauthorised sessions in the policy's window have reached its threshold (the 10-in-10).
        public var meetsUnauthorisedThreshold: Bool { figures.map { $0.unauthorisedInWindow >= $0.unauthorisedThresholdSessions } ?? false }
        /// Attendance from the start of the figures to the end of each school week (the engine's
        /// figures as of that Friday, or the last day on the register).
        public var weekly: [(weekEnding: CalendarDate, attendance: Percentage)]
    }

    public var record: RegisterImportRecord
    public var schoolURN: String
    /// The policy the figures follow; nil when none is known (no figures then).
    public var policyName: String?
    public var asOf: CalendarDate
    public var pupils: [Pupil]

    /// The school's latest import, or nil when the record holds none for it.
    public static func latest(school urn: String, in workspace: Workspace, resources: AttendocResources, policy asked: String?,
                              asOf date: CalendarDate) throws(AttendocError) -> SchoolPupils? {
        guard let held = try fromRecord({ () throws(WorkspaceError) in try workspace.latestRegisterImport(school: urn) }) else { return nil }
        let cases = try fromRecord { () throws(WorkspaceError) in try workspace.recordedCases() }.filter { $0.schoolURN == urn }
        var caseByUPN: [String: (reference: String, cohorts: [PriorityCohort]?)] = [:]
        var policies: [String] = []
        for recorded in cases {
            let read = try? CaseFileReader.read(contentsOf: URL(fileURLWithPath: recorded.sourcePath))
            if let name = read?.policyName { policies.append(name) }
            if let upn = recorded.upn, caseByUPN[upn] == nil { caseByUPN[upn] = (recorded.reference, read?.pupil.priorityCohorts) }
        }
        let policyName = asked ?? policies.first
        var policy: Policy?
        if let policyName {
            do { policy = try PolicyReader.read(named: policyName, in: resources.policies) } catch { throw AttendocError(error, kind: .policy) }
        }
        let codes = try AttendanceCodeTable(resources: resources)
        var pupils: [Pupil] = []
        for pupil in held.pupils {
            var figures: PupilFigures?
            var weekly: [(CalendarDate, Percentage)] = []
            if let policy {
                let marks = try fromRecord { () throws(WorkspaceError) in try workspace.marks(for: pupil.upn) }
                let register = try PupilRegister(upn: pupil.upn, recordedMarks: marks.map { ($0.day, $0.session == Session.morning.rawValue, $0.mark) }, codes: codes)
                if !register.days.isEmpty {
                    let engine = AttendanceEngine(policy: policy)
                    let found = engine.figures(for: register, asOf: date)
                    figures = found
                    var day = found.from
                    while day <= found.to {
                        let friday = day.adding(days: (4 - day.weekdayIndex + 7) % 7)
                        let end = min(friday, found.to)
                        let week = engine.figures(for: register, asOf: end, from: found.from)
                        if week.possibleSessions > 0 { weekly.append((end, week.attendance)) }
                        day = friday.adding(days: 3)
                    }
                }
            }
            let known = caseByUPN[pupil.upn]
            pupils.append(Pupil(upn: pupil.upn, forename: pupil.forename, surname: pupil.surname, yearGroup: pupil.yearGroup,
                                reference: known?.reference, figures: figures, cohorts: known?.cohorts ?? nil, weekly: weekly))
        }
        return SchoolPupils(record: held.record, schoolURN: urn, policyName: policyName, asOf: date, pupils: pupils)
    }
}
