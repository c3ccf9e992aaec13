import AttendocValues
import Foundation
import SafeXML

/// Reads a DfE Common Transfer File (CTF) with the safe XML parser: any DOCTYPE or entity is refused.
///
/// For each `CTfile/CTFpupilData/Pupil`: UPN, names, date of birth, address, contacts, and each
/// `Attendance/YearData/AttendSessions`: an `AttendanceStartDate`, then `AttendanceMarks` with two
/// characters per calendar day from that date, morning then afternoon, `#` for no session. The
/// file's own totals (`SessionsPossible`, `SessionsAttended`, `SessionsAuthorised`,
/// `SessionsUnauthorised`) are compared with the marks. Any problem stops the import.
public enum CTFReader {
    public static func read(contentsOf url: URL, codes: AttendanceCodeTable) throws(RegisterError) -> Register {
        let tree: XMLTree
        do {
            tree = try XMLTree(contentsOf: url)
        } catch {
            throw RegisterError(file: url.path, line: error.problems.first?.line, message: "\(error)")
        }
        return try read(tree, file: url.path, codes: codes)
    }

    public static func read(_ data: Data, file: String, codes: AttendanceCodeTable) throws(RegisterError) -> Register {
        let tree: XMLTree
        do {
            tree = try XMLTree(data: data, source: file)
        } catch {
            throw RegisterError(file: file, line: error.problems.first?.line, message: "\(error)")
        }
        return try read(tree, file: file, codes: codes)
    }

    static func read(_ tree: XMLTree, file: String, codes: AttendanceCodeTable) throws(RegisterError) -> Register {
        let (register, refused) = try readKeepingGoodPupils(tree, file: file, codes: codes, keepGoing: false)
        if let first = refused.values.first { throw first }
        return register
    }

    /// Reads the file as `read` does, except that a pupil whose record cannot be read (an unknown
    /// mark, a date that is not one) is left out and returned by UPN with the reason, and the
    /// other pupils are read. A problem with the file itself, a pupil without a UPN that can be
    /// read, or a UPN twice still fails the whole file.
    public static func readKeepingGoodPupils(contentsOf url: URL, codes: AttendanceCodeTable) throws(RegisterError) -> (register: Register, refused: [String: RegisterError]) {
        let tree: XMLTree
        do {
            tree = try XMLTree(contentsOf: url)
        } catch {
            throw RegisterError(file: url.path, line: error.problems.first?.line, message: "\(error)")
        }
        return try readKeepingGoodPupils(tree, file: url.path, codes: codes, keepGoing: true)
    }

    static func readKeepingGoodPupils(_ tree: XMLTree, file: String, codes: AttendanceCodeTable,
                                      keepGoing: Bool) throws(RegisterError) -> (register: Register, refused: [String: RegisterError]) {
        guard let root = tree.root, root.name == "CTfile" else {
            throw RegisterError(file: file, line: tree.root?.line, message: "is not a Common Transfer File: the root element should be CTfile, found \(tree.root?.name ?? "nothing")")
        }
        guard let pupilData = root.child(named: "CTFpupilData") else {
            throw RegisterError(file: file, line: root.line, message: "has no CTFpupilData")
        }
        var pupils: [PupilRegister] = []
        var seen: Set<String> = []
        var doubtful: [(upn: String, line: Int)] = []
        var refused: [String: RegisterError] = [:]
        for pupil in pupilData.children(named: "Pupil") {
            let record: PupilRegister
            do {
                record = try readPupil(pupil, file: file, codes: codes)
            } catch {
                // Only a pupil the office can be told about by a UPN is skipped.
                guard keepGoing, let upn = pupil.text(of: "UPN"), UniquePupilNumber.shapeProblem(with: upn) == nil,
                      refused[upn] == nil, !seen.contains(upn) else { throw error }
                refused[upn] = error
                continue
            }
            guard seen.insert(record.upn).inserted, refused[record.upn] == nil else {
                throw RegisterError(file: file, line: pupil.line, message: "\(RegisterError.pupil(record.upn)) appears twice")
            }
            if !UniquePupilNumber.hasMatchingCheckLetter(record.upn) { doubtful.append((record.upn, pupil.child(named: "UPN")?.line ?? pupil.line)) }
            pupils.append(record)
        }
        return (Register(source: file, pupils: pupils, upnsFailingCheckLetter: doubtful), refused)
    }

    static func readPupil(_ pupil: XMLTree.Element, file: String, codes: AttendanceCodeTable) throws(RegisterError) -> PupilRegister {
        guard let upn = pupil.text(of: "UPN") else {
            throw RegisterError(file: file, line: pupil.line, message: "\(pupil.path) has no UPN")
        }
        if let problem = RegisterChecks.upnProblem(upn) {
            throw RegisterError(file: file, line: pupil.child(named: "UPN")?.line ?? pupil.line, message: "\(pupil.path)/UPN: \(problem)")
        }
        var dateOfBirth: CalendarDate?
        if let text = pupil.text(of: "DOB") {
            guard let date = CalendarDate(iso: text) else {
                throw RegisterError(file: file, line: pupil.child(named: "DOB")?.line, message: "\(RegisterError.pupil(upn)): DOB is not a date written YYYY-MM-DD")
            }
            dateOfBirth = date
        }
        var marksByDay: [Int32: (UInt8, UInt8)] = [:]
        for yearData in pupil.child(named: "Attendance")?.children(named: "YearData") ?? [] {
            try readYear(yearData, upn: upn, file: file, codes: codes, into: &marksByDay)
        }
        let days = marksByDay.map { RegisterDay(date: CalendarDate(daysSinceEpoch: Int($0.key)), morning: $0.value.0, afternoon: $0.value.1) }
            .sorted { $0.dayNumber < $1.dayNumber }
        var record = PupilRegister(
            upn: upn, forename: pupil.text(of: "Forename"), surname: pupil.text(of: "Surname"),
            dateOfBirth: dateOfBirth, days: days, codes: codes,
            contacts: try pupil.child(named: "Contacts")?.children(named: "Contact").map { (contact) throws(RegisterError) in
                try readContact(contact, upn: upn, file: file)
            } ?? [],
            address: pupil.child(named: "Address").flatMap(readAddress))
        // NCyearActual: "R" for reception, a number for years 1 to 14 (nursery and other values: not a year group).
        if let year = pupil.text(of: "NCyearActual") {
            record.yearGroup = year == "R" ? 0 : Int(year).flatMap { (1...14).contains($0) ? $0 : nil }
        }
        return record
    }

    static func readYear(_ yearData: XMLTree.Element, upn: String, file: String, codes: AttendanceCodeTable,
                         into marksByDay: inout [Int32: (UInt8, UInt8)]) throws(RegisterError) {
        guard let sessions = yearData.child(named: "AttendSessions") else { return }
        guard let startText = sessions.text(of: "AttendanceStartDate"), let start = CalendarDate(iso: startText) else {
            throw RegisterError(file: file, line: sessions.line, message: "\(RegisterError.pupil(upn)): AttendanceStartDate is missing or not a date written YYYY-MM-DD")
        }
        if let problem = RegisterChecks.yearProblem(start) {
            throw RegisterError(file: file, line: sessions.child(named: "AttendanceStartDate")?.line ?? sessions.line,
                                message: "pupil \(upn): AttendanceStartDate \(start.iso): \(problem)")
        }
        let marksElement = sessions.child(named: "AttendanceMarks")
        // Marks are one byte each (codes of two characters cannot appear in a CTF); work on bytes,
        // which is what keeps a whole school's import fast.
        let marks = Array((marksElement?.text ?? "").utf8.filter { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") })
        guard marks.count % 2 == 0 else {
            throw RegisterError(file: file, line: marksElement?.line ?? sessions.line,
                                message: "\(RegisterError.pupil(upn)): AttendanceMarks has \(marks.count) characters; it needs two per day (morning and afternoon), so an even number")
        }
        // One YearData holds one academic year: its marks end by 31 July after its start.
        let yearStart = RegisterChecks.academicYearStart(of: start)
        let yearEnd = CalendarDate(year: yearStart.year + 1, month: 7, day: 31)!
        if marks.count / 2 > yearEnd.daysSinceEpoch - start.daysSinceEpoch + 1 {
            throw RegisterError(file: file, line: marksElement?.line ?? sessions.line,
                                message: "pupil \(upn): AttendanceMarks from \(start.iso) has \(marks.count / 2) days, which run past 31 July \(yearEnd.year), the end of the academic year it starts in (\(RegisterChecks.academicYear(starting: yearStart))); a YearData holds one academic year")
        }
        var counted = (possible: 0, attended: 0, authorised: 0, unauthorised: 0)
        let firstDay = Int32(start.daysSinceEpoch)
        for dayIndex in 0..<(marks.count / 2) {
            var numbers: (UInt8, UInt8) = (RegisterDay.noMark, RegisterDay.noMark)
            for session in Session.allCases {
                let position = dayIndex * 2 + (session == .morning ? 0 : 1)
                let number = codes.singleByteNumbers[Int(marks[position])]
                if number == AttendanceCodeTable.unknownMark {
                    // Report the mark as written, which may not even be ASCII.
                    let written = String(decoding: marks[position..<min(position + 4, marks.count)], as: UTF8.self).first.map(String.init) ?? "?"
                    throw RegisterError(file: file, line: marksElement?.line,
                                        message: "\(RegisterError.pupil(upn)), \(start.adding(days: dayIndex).iso) \(session.rawValue): unknown attendance mark \(RegisterError.mark(written)); the known marks are \(codes.allCodes)")
                }
                if session == .morning { numbers.0 = number } else { numbers.1 = number }
                guard number != RegisterDay.noMark else { continue }
                let category = codes.categories[Int(number)]
                if category.isPossibleSession { counted.possible += 1 }
                if category.countsAsAttendance { counted.attended += 1 }
                if category == .authorisedAbsence { counted.authorised += 1 }
                if category == .unauthorisedAbsence { counted.unauthorised += 1 }
            }
            guard numbers.0 != RegisterDay.noMark || numbers.1 != RegisterDay.noMark else { continue }
            let key = firstDay + Int32(dayIndex)
            if marksByDay[key] != nil {
                let date = start.adding(days: dayIndex)
                throw RegisterError(file: file, line: marksElement?.line, message: "\(RegisterError.pupil(upn)): \(date.iso) has marks in two YearData records")
            }
            marksByDay[key] = numbers
        }
        let totals: [(String, Int)] = [
            ("SessionsPossible", counted.possible), ("SessionsAttended", counted.attended),
            ("SessionsAuthorised", counted.authorised), ("SessionsUnauthorised", counted.unauthorised),
        ]
        for (element, count) in totals {
            guard let stated = yearData.text(of: element) else { continue }
            guard let number = Int(stated) else {
                throw RegisterError(file: file, line: yearData.child(named: element)?.line, message: "\(RegisterError.pupil(upn)): \(element) is not a whole number")
            }
            if number != count {
                throw RegisterError(file: file, line: yearData.child(named: element)?.line,
                                    message: "\(RegisterError.pupil(upn)): the file's \(element) is \(number) but its AttendanceMarks (from \(start.iso)) give \(count); the export disagrees with itself, so nothing was imported")
            }
        }
    }

    static func readContact(_ contact: XMLTree.Element, upn: String, file: String) throws(RegisterError) -> RegisterContact {
        guard let forename = contact.text(of: "Forename"), let surname = contact.text(of: "Surname") else {
            throw RegisterError(file: file, line: contact.line, message: "\(RegisterError.pupil(upn)): a contact has no Forename or Surname")
        }
        let responsibility = contact.text(of: "Responsibility")?.lowercased()
        let phones = contact.child(named: "Phones")?.children(named: "Phone").compactMap { $0.text(of: "PhoneNo") } ?? []
        let asPupil = contact.child(named: "AddressAsPupil").map { ["true", "1", "yes"].contains($0.text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()) } ?? false
        return RegisterContact(
            order: contact.text(of: "Order").flatMap { Int($0) },
            title: contact.text(of: "Title"), forename: forename, surname: surname,
            relationship: contact.text(of: "Relationship"),
            hasParentalResponsibility: responsibility == "true" || responsibility == "1",
            address: asPupil ? nil : contact.child(named: "Address").flatMap(readAddress),
            phones: phones, email: contact.text(of: "Email"))
    }

    /// A CTF address: BS7666 parts or plain AddressLines, then the postcode.
    static func readAddress(_ address: XMLTree.Element) -> PostalAddress? {
        var lines: [String] = []
        if let bs7666 = address.child(named: "BS7666Address") {
            // "Flat 3" (SAON), "27" (PAON) and "Sidwell Street" make "Flat 3 27 Sidwell Street".
            let firstLine = ["SAON", "PAON", "Street"].compactMap { bs7666.text(of: $0) }.joined(separator: " ")
            if !firstLine.isEmpty { lines.append(firstLine) }
            lines.append(contentsOf: ["Locality", "Town", "AdministrativeArea", "PostTown"].compactMap { bs7666.text(of: $0) })
        }
        if let plain = address.child(named: "AddressLines") {
            lines.append(contentsOf: plain.children.compactMap { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty })
        }
        guard let postcode = address.text(of: "PostCode"), !lines.isEmpty else { return nil }
        return PostalAddress(lines: lines, postcode: postcode)
    }
}
