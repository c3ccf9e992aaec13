import AttendocValues

/// A school's attendance register for one or more pupils, as imported from a CSV or DfE Common
/// Transfer File export: for each pupil, each school day's morning and afternoon marks.
public struct Register: Sendable {
    /// The file it was read from, for messages.
    public var source: String
    public var pupils: [PupilRegister]
    /// Pupils whose UPN's check letter does not match, with the line of their first row
    /// (docs/register.md): imported as written, reported, and refused by a case whose pupil's UPN
    /// is one typo away.
    public var upnsFailingCheckLetter: [(upn: String, line: Int)] = []

    /// What the import found doubtful but did not refuse, for a run over the whole register to
    /// report: each a sentence naming the file and the lines.
    public var warnings: [String] {
        RegisterChecks.checkLetterWarning(file: source, firstLines: upnsFailingCheckLetter.map(\.line)).map { [$0] } ?? []
    }

    public func pupil(upn: String) -> PupilRegister? {
        pupils.first { $0.upn == upn }
    }
}

/// Morning or afternoon.
public enum Session: String, Sendable, CaseIterable {
    case morning = "AM"
    case afternoon = "PM"
}

/// One pupil's marks, day by day, in date order, with what the export said about the pupil.
public struct PupilRegister: Sendable {
    public var upn: String
    public var forename: String?
    public var surname: String?
    public var dateOfBirth: CalendarDate?
    /// Days with at least one mark, in date order. Marks are kept compactly, as their numbers in
    /// `codes`, so a whole school's year fits in little memory.
    public var days: [RegisterDay]
    /// The code table the marks refer to.
    public var codes: AttendanceCodeTable
    /// Parents and carers listed in a Common Transfer File.
    public var contacts: [RegisterContact] = []
    public var address: PostalAddress?
    /// The pupil's National Curriculum year as a Common Transfer File gives it (`NCyearActual`;
    /// reception is 0); nil when the export does not say.
    public var yearGroup: Int? = nil
}

public struct RegisterDay: Sendable, Equatable {
    /// Days since 1970-01-01.
    public var dayNumber: Int32
    /// The code's number in the table, or `RegisterDay.noMark`.
    var morningCode: UInt8
    var afternoonCode: UInt8

    public static let noMark = UInt8.max

    init(date: CalendarDate, morning: UInt8, afternoon: UInt8) {
        self.dayNumber = Int32(date.daysSinceEpoch)
        self.morningCode = morning
        self.afternoonCode = afternoon
    }

    public var date: CalendarDate { CalendarDate(daysSinceEpoch: Int(dayNumber)) }

    public func code(_ session: Session) -> UInt8 {
        session == .morning ? morningCode : afternoonCode
    }
}

extension PupilRegister {
    /// The mark for one session (`/`, `N`, `Y2` ...), or nil when there was none.
    public func mark(on date: CalendarDate, _ session: Session) -> String? {
        let target = Int32(date.daysSinceEpoch)
        guard let day = days.first(where: { $0.dayNumber == target }) else { return nil }
        let code = day.code(session)
        return code == RegisterDay.noMark ? nil : codes.code(number: code).code
    }
}

/// A contact from a Common Transfer File (`Contacts/Contact`).
public struct RegisterContact: Sendable, Equatable {
    public var order: Int?
    public var title: String?
    public var forename: String
    public var surname: String
    public var relationship: String?
    public var hasParentalResponsibility: Bool
    /// nil when the file says the contact lives at the pupil's address.
    public var address: PostalAddress?
    public var phones: [String]
    public var email: String?
}

/// A problem in a register file: the file, the line, and for marks the pupil, date and session.
/// Nothing is imported from a file with a problem.
public struct RegisterError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    /// The column (counting from 1) in a CSV file.
    public let column: Int?
    public let message: String

    public init(file: String, line: Int?, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        "\(AttendocError.Location(file: file, line: line, column: line == nil ? nil : column)): \(message)"
    }
}

extension RegisterError: AttendocErrorConvertible {
    /// A register problem, keeping its file and line.
    public var attendocError: AttendocError {
        AttendocError(kind: .register, location: AttendocError.Location(file: file, line: line, column: line == nil ? nil : column), summary: message,
                      suggestion: "export the register again from the school's MIS, or correct that line (docs/register.md describes the formats)",
                      underlying: self, description: description)
    }

    /// How a message names a pupil: "pupil A123456789012" when the text is shaped like a UPN (up to
    /// 13 letters and digits), otherwise "a pupil whose upn is not a UPN", never other text from the file.
    static func pupil(_ upn: String) -> String {
        upn.count <= 13 && upn.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) })
            ? "pupil \(upn)" : "a pupil whose upn is not a UPN (13 letters and digits)"
    }

    /// An attendance mark as a message shows it: a code of one or two printable ASCII characters in
    /// quotes, as written; anything else by its length only.
    static func mark(_ text: String) -> String {
        if text.count <= 2, text.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) && $0 != "\"" }) {
            return "\"\(text)\""
        }
        if text.count == 1, let scalar = text.unicodeScalars.first {
            return "U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4))"
        }
        return "of \(text.count) characters"
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
