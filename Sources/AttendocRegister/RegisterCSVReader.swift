import AttendocValues
import Foundation

/// Reads a register exported as CSV (documented in docs/register.md):
///
///     upn,date,am,pm
///     A123456789012,2026-09-03,/,\
///
/// One row per pupil per school day; `am` and `pm` are attendance codes from the code table, or
/// empty (or `#`) for no session. Any problem stops the import and names the line.
public enum RegisterCSVReader {
    public static let columns = ["upn", "date", "am", "pm"]

    public static func read(contentsOf url: URL, codes: AttendanceCodeTable) throws(RegisterError) -> Register {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw RegisterError(file: url.path, line: nil, message: FileProblem.reason(reading: url))
        }
        return try read(text, file: url.path, codes: codes)
    }

    public static func read(_ text: String, file: String, codes: AttendanceCodeTable) throws(RegisterError) -> Register {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let header = lines.first else {
            throw RegisterError(file: file, line: nil, message: "is empty; expected a header line \(columns.joined(separator: ","))")
        }
        let names = header.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        guard names == columns else {
            throw RegisterError(file: file, line: 1, message: "expected the header \(columns.joined(separator: ",")), found a first line with \(names.count) field\(names.count == 1 ? "" : "s") that is not it")
        }
        var order: [String] = []
        var byPupil: [String: [CalendarDate: (UInt8, UInt8, Int)]] = [:]
        for (offset, line) in lines.enumerated().dropFirst() {
            let lineNumber = offset + 1
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 4 else {
                throw RegisterError(file: file, line: lineNumber, message: "expected 4 fields (upn,date,am,pm), found \(fields.count)")
            }
            let upn = fields[0]
            guard !upn.isEmpty else { throw RegisterError(file: file, line: lineNumber, message: "upn is empty") }
            if let problem = RegisterChecks.upnProblem(upn) {
                throw RegisterError(file: file, line: lineNumber, message: "upn: \(problem)")
            }
            guard let date = CalendarDate(iso: fields[1]) else {
                throw RegisterError(file: file, line: lineNumber, message: "\(RegisterError.pupil(upn)): the date is not a date written YYYY-MM-DD")
            }
            if let problem = RegisterChecks.yearProblem(date) {
                throw RegisterError(file: file, line: lineNumber, message: "pupil \(upn): date \(date.iso): \(problem)")
            }
            var marks: [UInt8] = []
            for (session, field) in zip(Session.allCases, fields[2...3]) {
                marks.append(try number(of: field, codes: codes, place: "\(file):\(lineNumber)", upn: upn, date: date, session: session))
            }
            if byPupil[upn] == nil { order.append(upn) }
            if let earlier = byPupil[upn]?[date] {
                throw RegisterError(file: file, line: lineNumber, message: "\(RegisterError.pupil(upn)): \(date.iso) already has a row (line \(earlier.2)); one row per pupil per day")
            }
            byPupil[upn, default: [:]][date] = (marks[0], marks[1], lineNumber)
        }
        try checkOneAcademicYear(byPupil, file: file)
        let pupils = order.map { upn in
            let days = byPupil[upn, default: [:]]
                .filter { $0.value.0 != RegisterDay.noMark || $0.value.1 != RegisterDay.noMark }
                .map { RegisterDay(date: $0.key, morning: $0.value.0, afternoon: $0.value.1) }
                .sorted { $0.dayNumber < $1.dayNumber }
            return PupilRegister(upn: upn, days: days, codes: codes)
        }
        let doubtful = order.filter { !UniquePupilNumber.hasMatchingCheckLetter($0) }
            .map { upn in (upn: upn, line: byPupil[upn]?.values.map(\.2).min() ?? 0) }
        return Register(source: file, pupils: pupils, upnsFailingCheckLetter: doubtful)
    }

    /// A CSV register covers one academic year: the one most of its rows are in (the later, if two
    /// have as many). A row outside it is an error naming the row's line.
    static func checkOneAcademicYear(_ byPupil: [String: [CalendarDate: (UInt8, UInt8, Int)]], file: String) throws(RegisterError) {
        var rowsByYear: [CalendarDate: Int] = [:]
        for days in byPupil.values {
            for date in days.keys { rowsByYear[RegisterChecks.academicYearStart(of: date), default: 0] += 1 }
        }
        guard rowsByYear.count > 1, let year = rowsByYear.max(by: { ($0.value, $0.key) < ($1.value, $1.key) })?.key else { return }
        var outside: (line: Int, upn: String, date: CalendarDate)?
        for (upn, days) in byPupil {
            for (date, row) in days where RegisterChecks.academicYearStart(of: date) != year && row.2 < (outside?.line ?? .max) {
                outside = (row.2, upn, date)
            }
        }
        guard let outside else { return }
        throw RegisterError(file: file, line: outside.line,
                            message: "pupil \(outside.upn): date \(outside.date.iso) is outside the academic year the register covers, \(RegisterChecks.academicYear(starting: year)) (most of its rows are in it); a register holds one academic year: check the date, or export each year to its own file")
    }

    /// A mark's number in the code table; empty and `#` mean no session.
    static func number(of mark: String, codes: AttendanceCodeTable, place: String, upn: String,
                       date: CalendarDate, session: Session) throws(RegisterError) -> UInt8 {
        if mark.isEmpty || mark == "#" { return RegisterDay.noMark }
        guard let number = codes.number(of: mark) else {
            throw RegisterError(file: place, line: nil, message: "\(RegisterError.pupil(upn)), \(date.iso) \(session.rawValue): unknown attendance mark \(RegisterError.mark(mark)); the known marks are \(codes.allCodes)")
        }
        return number
    }
}
