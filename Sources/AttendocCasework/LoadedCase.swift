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
        if let stated = attendanceCase.referral?.statedInterviewWithinWeeks {
            let place = "\(url.path):\(stated.line.map(String.init) ?? "1"): referral.interview_within_weeks"
            guard let policy else {
                throw AttendocError(.caseFile, "\(place): the interview deadline is the policy's pace_interview, and the case names no policy; add policy: to the case file, or remove interview_within_weeks")
            }
            let deadline = try policy.deadline(.paceInterview, for: "referral.interview_within_weeks")
            guard deadline.unit == .weeks, deadline.count == stated.weeks else {
                throw AttendocError(.caseFile, "\(place): says \(stated.weeks) weeks, but the policy \(policy.identifier)'s pace_interview is \(deadline.lengthInWords); the policy sets the deadline, so remove interview_within_weeks from the case file")
            }
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
        // A UPN one mistyped character (or two swapped) away from the pupil's, failing its check
        // letter, is the pupil's own row typed wrongly: counting it for nobody would drop it.
        if let typo = register.upnsFailingCheckLetter.first(where: { UniquePupilNumber.isOneTypoAway($0.upn, from: upn) }) {
            throw AttendocError(.caseFile, "\(register.source):\(typo.line): upn: this row's UPN fails its check letter and is one mistyped character away from the case pupil's (pupil.upn in \(url.path)); it is probably the pupil's, and its rows would be left out of the pupil's figures: correct the UPN in the MIS and export the register again")
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

    /// The date the policy's deadline `name` falls on, counted from `start` in the case's calendar
    /// (`calendar()`): how every document and check that needs a deadline computes it. `purpose`
    /// (the document or check) is named in the error when the policy does not set the deadline.
    public func deadline(_ name: DeadlineName, from start: CalendarDate, for purpose: String) throws(AttendocError) -> CalendarDate {
        guard let policy else {
            throw AttendocError(.caseFile, "the case \(attendanceCase.reference) names no policy, so its \(name.rawValue) deadline, which \(purpose) needs, is not known; add policy: to the case file")
        }
        return try policy.deadline(name, from: start, calendar: try calendar(), for: purpose)
    }

    /// The deadline for the attendance panel meeting or PACE interview (seed 004: "within 5 weeks
    /// of referral"): the policy's `pace_interview` from the day the school referred the case
    /// (`referral.referred_on`), or from the day the referral was accepted when the case does not
    /// record the referral's own date; always a school day. The first warning letter, the PACE
    /// invitation, the due list and the readiness check all use this date. `from` is the day it
    /// counts from; `fromReferral` whether that is the referral (not its acceptance).
    public func interviewDeadline(for purpose: String) throws(AttendocError) -> (deadline: Deadline, date: CalendarDate, from: CalendarDate, fromReferral: Bool) {
        guard let referral = attendanceCase.referral else {
            throw AttendocError(.caseFile, "the case \(attendanceCase.reference) has no referral, so the deadline for the interview, which \(purpose) needs, is not known; add referral: accepted_on: to the case file")
        }
        guard let policy else {
            throw AttendocError(.caseFile, "the case \(attendanceCase.reference) names no policy, so the deadline for the interview, which \(purpose) needs, is not known; add policy: to the case file")
        }
        let deadline = try policy.deadline(.paceInterview, for: purpose)
        let from = referral.interviewCountsFrom
        return (deadline, try deadline.date(from: from, calendar: try calendar()), from, referral.referredOn != nil)
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
