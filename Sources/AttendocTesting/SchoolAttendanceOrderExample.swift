import AttendocCaseModel
import AttendocCasework
import Foundation

/// A school attendance order process for the county example (no example records one): the
/// section 437(1) notice served on 8 December 2026 (its period to Monday 4 January 2027, the
/// 15th day being in the Christmas holiday), the section 438 notice of intention, the parent's
/// choice of school and the order of 25 January 2027 naming it.
public let schoolAttendanceOrderExample = """

school_attendance_order:
  notice: {served_on: 2026-12-08, method: post, period_ends_on: 2027-01-04}
  intention: {served_on: 2027-01-06, schools: [Riverside Academy, Exe Valley School]}
  parent_choice: {on: 2027-01-12, school: Exe Valley School}
  order: {made_on: 2027-01-25, school: Exe Valley School, served_on: 2027-01-27}

"""

/// `loaded` (read from `example`) with `schoolAttendanceOrderExample` recorded.
public func withSchoolAttendanceOrder(_ loaded: LoadedCase, example: URL) throws -> LoadedCase {
    let text = try String(contentsOf: example, encoding: .utf8) + schoolAttendanceOrderExample
    var loaded = loaded
    loaded.attendanceCase.schoolAttendanceOrder = try CaseFileReader.read(text, file: example.path).schoolAttendanceOrder
    return loaded
}
