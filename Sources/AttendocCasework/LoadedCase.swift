import AttendocCaseModel
import AttendocEngine
import AttendocPolicy
import AttendocRegister
import AttendocValues
import AttendocYAML
import Foundation

/// A case file with what it refers to loaded: its policy and its pupil's register. Everything that
/// needs the case's figures (letters, `attendoc stats`, bundles) starts here.
public struct LoadedCase: Sendable {
    public var attendanceCase: AttendanceCase
    public var policy: Policy?
    /// The case pupil's marks, when the case has a register.
    public var pupilRegister: PupilRegister?

    public static func load(_ url: URL, resources: AttendocResources) throws(AttendocError) -> LoadedCase {
        let attendanceCase: AttendanceCase
        let policy: Policy?
        do {
            attendanceCase = try CaseFileReader.read(contentsOf: url)
        } catch {
            throw AttendocError(error)
        }
        if let name = attendanceCase.policyName,
           !FileManager.default.fileExists(atPath: resources.policies.appendingPathComponent("\(name).yaml").path) {
            let known = ((try? FileManager.default.contentsOfDirectory(atPath: resources.policies.path)) ?? [])
                .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
            throw AttendocError(.caseFile, "names a policy that is not in \(resources.policies.path)",
                                at: AttendocError.Location(file: url.path, field: "policy"),
                                suggestion: "give one of: \(known.joined(separator: ", "))")
        }
        do {
            policy = try attendanceCase.policyName.map { (name) throws(CaseFileError) in
                try PolicyReader.read(named: name, in: resources.policies)
            }
        } catch {
            throw AttendocError(error, kind: .policy)
        }
        guard let source = attendanceCase.register else {
            return LoadedCase(attendanceCase: attendanceCase, policy: policy, pupilRegister: nil)
        }
        let codes = try AttendanceCodeTable(resources: resources)
        let register: Register
        switch source {
        case .file(let reference):
            register = try RegisterImport.read(reference.url, codes: codes)
        case .inline(let csv, let file, let line):
            do {
                register = try RegisterCSVReader.read(csv, file: "\(file) (register.csv from line \(line))", codes: codes)
            } catch {
                throw error.attendocError
            }
        }
        guard let upn = attendanceCase.pupil.upn?.text, let pupil = register.pupil(upn: upn) else {
            throw AttendocError(.register, "the pupil is not in the register \(register.source) (\(register.pupils.count) pupils there)", at: AttendocError.Location(file: url.path, field: "pupil.upn"), suggestion: "check the UPN")
        }
        return LoadedCase(attendanceCase: attendanceCase, policy: policy, pupilRegister: pupil)
    }

    /// The engine's figures for the case's pupil, as of `date`: from the start of the academic
    /// year, or from `start` when given (the figures since a first warning or a meeting).
    public func figures(asOf date: CalendarDate, from start: CalendarDate? = nil) throws(AttendocError) -> PupilFigures {
        guard let pupilRegister, let policy else {
            throw AttendocError(.caseFile, "the case \(attendanceCase.reference) has no register to compute figures from; add register: to the case file")
        }
        return AttendanceEngine(policy: policy).figures(for: pupilRegister, asOf: date, from: start)
    }

    /// The school calendar for the case's deadlines: the policy's term dates, with the pupil's
    /// register deciding the days it covers.
    public func calendar() throws(AttendocError) -> SchoolCalendar {
        guard let policy else { throw AttendocError(.caseFile, "the case \(attendanceCase.reference) names no policy, so it has no term dates") }
        return pupilRegister.map { policy.calendar.using($0) } ?? policy.calendar
    }

    public func statsReport(asOf date: CalendarDate) throws(AttendocError) -> StatsReport {
        guard let policy else { throw AttendocError(.caseFile, "the case \(attendanceCase.reference) names no policy") }
        let pupil = attendanceCase.pupil
        return StatsReport(asOf: date, policy: policy, rows: [StatsReport.Row(name: pupil.fullName, figures: try figures(asOf: date))])
    }

    /// The case as letters dated `date` see it: with a register, the figures quoted are the
    /// engine's, from 1 August (or the first day on the register) to the last day on the register
    /// up to `date`.
    public func forLettersDated(_ date: CalendarDate) throws(AttendocError) -> AttendanceCase {
        var result = attendanceCase
        if pupilRegister != nil {
            result.quotedAttendance = QuotedAttendance(try figures(asOf: date))
        }
        return result
    }

    public init(attendanceCase: AttendanceCase, policy: Policy? = nil, pupilRegister: PupilRegister? = nil) {
        self.attendanceCase = attendanceCase
        self.policy = policy
        self.pupilRegister = pupilRegister
    }
}
