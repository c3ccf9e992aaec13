import AttendocPolicy
import AttendocRegister
import AttendocValues
import Foundation

public let codeTable: AttendanceCodeTable = try! AttendanceCodeTable(resources: resources)

public func policy(_ name: String) throws -> Policy {
    try PolicyReader.read(named: name, in: resources.policies)
}

public func date(_ iso: String) -> CalendarDate {
    guard let date = CalendarDate(iso: iso) else { fatalError("bad test date \(iso)") }
    return date
}

/// A register CSV for one pupil: every school day of `calendar` from `from` to `through` marked
/// present (`/` and `\`), except the days in `marks` (date → (morning, afternoon)), and closures,
/// which get `#`. Days before `from` are not on the register (the pupil was not on roll).
public func registerCSV(upn: String = "A123456789012", calendar: SchoolCalendar, from: CalendarDate, through: CalendarDate,
                 marks: [String: (String, String)] = [:]) -> String {
    var lines = ["upn,date,am,pm"]
    var day = from
    while day <= through {
        if let special = marks[day.iso] {
            lines.append("\(upn),\(day.iso),\(special.0),\(special.1)")
        } else if calendar.isSchoolDay(day) {
            lines.append("\(upn),\(day.iso),/,\\")
        } else if calendar.closures[day] != nil {
            lines.append("\(upn),\(day.iso),#,#")
        }
        day = day.adding(days: 1)
    }
    return lines.joined(separator: "\n") + "\n"
}

/// The same register as a Common Transfer File: marks for every calendar day from `start`, `##` on
/// days with no row. `totals` overrides the stated SessionsPossible/Attended/Authorised/Unauthorised.
public func ctf(from csv: String, start: CalendarDate, through: CalendarDate, totals: (Int, Int, Int, Int)? = nil,
         doctype: String = "", contacts: String = "") -> String {
    var byPupil: [String: [String: (String, String)]] = [:]
    var order: [String] = []
    for line in csv.split(separator: "\n").dropFirst() {
        let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        if byPupil[fields[0]] == nil { order.append(fields[0]) }
        byPupil[fields[0], default: [:]][fields[1]] = (fields[2], fields[3])
    }
    var pupils = ""
    for upn in order {
        var marks = ""
        var counted = (possible: 0, attended: 0, authorised: 0, unauthorised: 0)
        var day = start
        while day <= through {
            let pair = byPupil[upn]?[day.iso] ?? ("#", "#")
            for mark in [pair.0, pair.1] {
                marks += mark.isEmpty ? "#" : mark
                guard let category = codeTable[mark]?.category, category.isPossibleSession else { continue }
                counted.possible += 1
                if category.countsAsAttendance { counted.attended += 1 }
                if category == .authorisedAbsence { counted.authorised += 1 }
                if category == .unauthorisedAbsence { counted.unauthorised += 1 }
            }
            day = day.adding(days: 1)
        }
        let stated = totals ?? (counted.possible, counted.attended, counted.authorised, counted.unauthorised)
        pupils += """
        <Pupil><UPN>\(upn)</UPN><Surname>Pupil</Surname><Forename>Test</Forename><DOB>2013-03-04</DOB>\(contacts)
        <Attendance><YearData><Year>2026</Year><LEA>878</LEA><Estab>4001</Estab>
        <SessionsPossible>\(stated.0)</SessionsPossible><SessionsAuthorised>\(stated.2)</SessionsAuthorised>
        <SessionsAttended>\(stated.1)</SessionsAttended><SessionsUnauthorised>\(stated.3)</SessionsUnauthorised>
        <AttendSessions><AttendanceStartDate>\(start.iso)</AttendanceStartDate><AttendanceMarks>\(xmlEscaped(marks))</AttendanceMarks></AttendSessions>
        </YearData></Attendance></Pupil>

        """
    }
    return """
    <?xml version="1.0" encoding="UTF-8"?>
    \(doctype)<CTfile><Header><DocumentName>Common Transfer File</DocumentName><CTFversion>25.0</CTFversion></Header>
    <CTFpupilData>
    \(pupils)</CTFpupilData></CTfile>
    """
}

public func xmlEscaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
}

public func readCSV(_ text: String) throws -> PupilRegister {
    try RegisterCSVReader.read(text, file: "register.csv", codes: codeTable).pupils[0]
}
