import AttendocRegister
import AttendocValues
import AttendocWorkspace
import Foundation

/// `attendoc register import`: a register export (CSV or CTF), read and checked in full, recorded
/// with its file's SHA-256, and its marks merged into the record's, keeping every changed mark.
public enum RegisterIntake {
    /// `register`: the file as the caller has already read it (a batch, which leaves out pupils
    /// whose marks cannot be read); nil: read it here, whole. `school`: the URN of the school the
    /// export came from, recorded with the pupils it held (the school's pupils screen lists them).
    public static func importRegister(_ file: URL, into workspace: Workspace, resources: AttendocResources,
                                      by person: String, register alreadyRead: Register? = nil,
                                      school: String? = nil) throws(AttendocError) -> RegisterImportRecord {
        if let school, school.count != 6 || !school.allSatisfy(\.isASCII) || !school.allSatisfy(\.isNumber) {
            throw AttendocError(.usage, "the school's URN must be exactly 6 digits", suggestion: "give the school's Unique Reference Number, such as 149876")
        }
        let codes = try AttendanceCodeTable(resources: resources)
        let register: Register
        if let alreadyRead { register = alreadyRead } else { register = try RegisterImport.read(file, codes: codes) }
        guard let bytes = FileManager.default.contents(atPath: file.path) else {
            throw AttendocError(.register, "\(file.path): cannot be read again to record it")
        }
        var marks: [SessionMark] = []
        for pupil in register.pupils {
            for day in pupil.days {
                for session in Session.allCases {
                    let code = day.code(session)
                    guard code != RegisterDay.noMark else { continue }
                    marks.append(SessionMark(upn: pupil.upn, day: day.date, session: session.rawValue, mark: pupil.codes.code(number: code).code))
                }
            }
        }
        return try fromRecord { () throws(WorkspaceError) in
            try workspace.importRegister(fileName: file.lastPathComponent, sha256: SHA256.hex(bytes), pupils: register.pupils.count,
                                         marks: marks, by: person, schoolURN: school,
                                         held: register.pupils.map { RegisterPupil(upn: $0.upn, forename: $0.forename, surname: $0.surname, yearGroup: $0.yearGroup) })
        }
    }
}
