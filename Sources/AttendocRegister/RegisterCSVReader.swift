import AttendocValues
import Foundation

/// Reads a register exported as CSV, as an MIS or a spreadsheet writes it (docs/register.md):
///
///     UPN,Surname,Forename,Date,AM,PM
///     A123456789012,Pupil,Test,03/09/2026,/,\
///
/// Columns are found by the header's names, in any order and case; other columns are ignored.
/// One row per pupil per school day; `am` and `pm` are attendance codes from the code table, or
/// empty (or `#`) for no session; a two-character code may be split into a code and an `am sub-code`
/// / `pm sub-code` column (`Y` and `1` for `Y1`). Any problem stops the import and names the line,
/// the column, the pupil by UPN and the session, never the row's text.
public enum RegisterCSVReader {
    public static let columns = ["upn", "date", "am", "pm"]

    public static func read(contentsOf url: URL, codes: AttendanceCodeTable) throws(RegisterError) -> Register {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw RegisterError(file: url.path, line: nil, message: FileProblem.reason(reading: url))
        }
        return try read(bytes: [UInt8](data), file: url.path, codes: codes)
    }

    public static func read(_ text: String, file: String, codes: AttendanceCodeTable) throws(RegisterError) -> Register {
        try read(bytes: Array(text.utf8), file: file, codes: codes)
    }

    public static func read(bytes: [UInt8], file: String, codes: AttendanceCodeTable) throws(RegisterError) -> Register {
        var refused: [String: RegisterError]?
        return try read(bytes: bytes, file: file, codes: codes, refusing: &refused)
    }

    /// Reads a whole school's export keeping the pupils whose marks are all known: a pupil with an
    /// unknown mark is left out, with the error, in `refused` (by UPN). Anything wrong with the file
    /// itself (its header, quoting, a UPN or a date) still stops the import.
    public static func readKeepingGoodPupils(bytes: [UInt8], file: String, codes: AttendanceCodeTable) throws(RegisterError) -> (register: Register, refused: [String: RegisterError]) {
        var refused: [String: RegisterError]? = [:]
        let register = try read(bytes: bytes, file: file, codes: codes, refusing: &refused)
        return (register, refused ?? [:])
    }

    /// `refusing`: nil, every problem stops the import; a dictionary, a pupil with an unknown mark
    /// is left out and recorded there.
    static func read(bytes: [UInt8], file: String, codes: AttendanceCodeTable, refusing refused: inout [String: RegisterError]?) throws(RegisterError) -> Register {
        var records = CSVRecords(bytes)
        var header: CSVRecords.Record?
        while header == nil, let record = try next(&records, file: file) {
            if !record.isBlank { header = record }
        }
        guard let header else {
            throw RegisterError(file: file, line: nil, message: "is empty; expected a header line naming the columns \(columns.joined(separator: ","))")
        }
        let layout = try RegisterCSVColumns(header: header, file: file)
        var order: [String] = []
        var byPupil: [String: [CalendarDate: (UInt8, UInt8, Int)]] = [:]
        var details: [String: PupilDetails] = [:]
        while let record = try next(&records, file: file) {
            if record.isBlank { continue }
            let row = Row(record: record, columns: layout, file: file)
            guard record.count == layout.count else {
                throw RegisterError(file: file, line: record.line,
                                    message: "has \(record.count) field\(record.count == 1 ? "" : "s") but the header has \(layout.count) columns; a field holding a comma must be in double quotes")
            }
            let upn = try row.text(.upn)
            guard !upn.isEmpty else { throw row.error(at: .upn, "upn is empty") }
            if let problem = RegisterChecks.upnProblem(upn) { throw row.error(at: .upn, "upn: \(problem)") }
            guard let date = RegisterDate(try row.text(.date)) else {
                throw row.error(at: .date, "\(RegisterError.pupil(upn)): the date is not a date written YYYY-MM-DD or DD/MM/YYYY")
            }
            if let problem = RegisterChecks.yearProblem(date.date) {
                throw row.error(at: .date, "pupil \(upn): date \(date.date.iso): \(problem)")
            }
            let morning: UInt8, afternoon: UInt8
            do {
                morning = try row.mark(.morning, codes: codes, upn: upn, date: date.date)
                afternoon = try row.mark(.afternoon, codes: codes, upn: upn, date: date.date)
            } catch {
                guard refused != nil else { throw error }
                if refused?[upn] == nil { refused?[upn] = error }
                continue
            }
            if byPupil[upn] == nil {
                order.append(upn)
                details[upn] = try PupilDetails(row: row)
            }
            if let earlier = byPupil[upn]?[date.date] {
                throw RegisterError(file: file, line: record.line, message: "\(RegisterError.pupil(upn)): \(date.date.iso) already has a row (line \(earlier.2)); one row per pupil per day")
            }
            byPupil[upn, default: [:]][date.date] = (morning, afternoon, record.line)
        }
        try checkOneAcademicYear(byPupil, file: file)
        if let refused, !refused.isEmpty {
            order.removeAll { refused[$0] != nil }
            for upn in refused.keys { byPupil[upn] = nil }
        }
        let pupils = order.map { upn in
            let days = byPupil[upn, default: [:]]
                .filter { $0.value.0 != RegisterDay.noMark || $0.value.1 != RegisterDay.noMark }
                .map { RegisterDay(date: $0.key, morning: $0.value.0, afternoon: $0.value.1) }
                .sorted { $0.dayNumber < $1.dayNumber }
            let known = details[upn]
            return PupilRegister(upn: upn, forename: known?.forename, surname: known?.surname,
                                 dateOfBirth: known?.dateOfBirth, days: days, codes: codes)
        }
        let doubtful = order.filter { !UniquePupilNumber.hasMatchingCheckLetter($0) }
            .map { upn in (upn: upn, line: byPupil[upn]?.values.map(\.2).min() ?? 0) }
        return Register(source: file, pupils: pupils, upnsFailingCheckLetter: doubtful)
    }

    private static func next(_ records: inout CSVRecords, file: String) throws(RegisterError) -> CSVRecords.Record? {
        do {
            return try records.next()
        } catch {
            throw RegisterError(file: file, line: error.line, column: error.column,
                                message: "column \(RegisterCSVColumns.letters(error.column)): \(error.problem)")
        }
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

    /// One record read through the header's columns.
    struct Row {
        let record: CSVRecords.Record
        let columns: RegisterCSVColumns
        let file: String

        /// The text of a column the header has (a required one, or an optional one that is there).
        func text(_ column: RegisterCSVColumns.Column) throws(RegisterError) -> String {
            guard let index = columns[column] else { return "" }
            guard let text = record.text(index) else {
                throw error(at: column, "is not UTF-8 text; save the export as CSV UTF-8")
            }
            return text
        }

        func error(at column: RegisterCSVColumns.Column, _ message: String) -> RegisterError {
            let index = columns[column] ?? 0
            return RegisterError(file: file, line: record.fields[index].line, column: index + 1,
                                 message: "column \(RegisterCSVColumns.letters(index + 1)) (\(column.rawValue)): \(message)")
        }

        /// A session's mark as its number in the code table: the code, with its sub-code when the
        /// export splits them; empty and `#` mean no session.
        func mark(_ session: Session, codes: AttendanceCodeTable, upn: String, date: CalendarDate) throws(RegisterError) -> UInt8 {
            let (column, subcodeColumn): (RegisterCSVColumns.Column, RegisterCSVColumns.Column) =
                session == .morning ? (.am, .amSubcode) : (.pm, .pmSubcode)
            let code = try text(column)
            let subcode = try text(subcodeColumn)
            let place = "\(RegisterError.pupil(upn)), \(date.iso) \(session.rawValue)"
            if subcode.isEmpty {
                if code.isEmpty || code == "#" { return RegisterDay.noMark }
                guard let number = codes.number(of: code) else {
                    throw error(at: column, "\(place): unknown attendance mark \(RegisterError.mark(code)); the known marks are \(codes.allCodes)")
                }
                return number
            }
            guard !code.isEmpty else {
                throw error(at: subcodeColumn, "\(place): a sub-code with no code in the \(column.rawValue) column")
            }
            // `Y` and `1` make `Y1`; a sub-code column that repeats the code (`Y` and `Y1`) is the whole code.
            let whole = subcode.hasPrefix(code) ? subcode : code + subcode
            guard let number = codes.number(of: whole) else {
                throw error(at: subcodeColumn, "\(place): unknown attendance mark \(RegisterError.mark(whole)) (the code \(RegisterError.mark(code)) with the sub-code \(RegisterError.mark(subcode))); the known marks are \(codes.allCodes)")
            }
            return number
        }
    }

    /// What a register CSV may say about a pupil besides the marks, from the pupil's first row.
    struct PupilDetails {
        var forename: String?
        var surname: String?
        var dateOfBirth: CalendarDate?

        init(row: Row) throws(RegisterError) {
            let forename = try row.text(.forename), surname = try row.text(.surname), born = try row.text(.dateOfBirth)
            self.forename = forename.isEmpty ? nil : forename
            self.surname = surname.isEmpty ? nil : surname
            if !born.isEmpty {
                guard let date = RegisterDate(born) else {
                    throw row.error(at: .dateOfBirth, "the date of birth is not a date written YYYY-MM-DD or DD/MM/YYYY")
                }
                self.dateOfBirth = date.date
            }
        }
    }
}

/// A date as a register export writes it: `2026-09-03`, or as a UK spreadsheet does, `03/09/2026`
/// (day first; `3/9/2026` too). A two-digit year is not a date here.
struct RegisterDate {
    let date: CalendarDate

    init?(_ text: String) {
        if let iso = CalendarDate(iso: text) {
            date = iso
            return
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              parts.allSatisfy({ $0.allSatisfy { ("0"..."9").contains($0) } }),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
              let date = CalendarDate(year: year, month: month, day: day) else { return nil }
        self.date = date
    }
}
