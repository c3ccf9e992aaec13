/// Which column of a register CSV holds what, found by the header's names (docs/register.md):
/// names are matched whatever their case, spaces, `_` and `-` (`UPN`, `Upn`, `AM Sub-code`,
/// `am_subcode`), in any order; columns with other names are ignored.
struct RegisterCSVColumns {
    /// A column Attendoc reads: the names a header may give it (written without case, spaces,
    /// `_` or `-`), and whether a register must have it.
    enum Column: String, CaseIterable {
        case upn, date, am, pm
        case amSubcode = "am sub-code", pmSubcode = "pm sub-code"
        case surname, forename
        case dateOfBirth = "date of birth"

        var names: [String] {
            switch self {
            case .upn: ["upn"]
            case .date: ["date"]
            case .am: ["am"]
            case .pm: ["pm"]
            case .amSubcode: ["amsubcode"]
            case .pmSubcode: ["pmsubcode"]
            case .surname: ["surname", "legalsurname"]
            case .forename: ["forename", "legalforename"]
            case .dateOfBirth: ["dob", "dateofbirth"]
            }
        }

        static let required: [Column] = [.upn, .date, .am, .pm]
    }

    /// Each column's place in a record, counting from 0.
    private(set) var places: [Column: Int] = [:]
    /// How many columns the header has: every record must have as many.
    let count: Int

    /// The columns of the header `record`, or the problem with it. The problem never repeats the
    /// header's text: a file with no header would have a pupil's row there.
    init(header record: CSVRecords.Record, file: String) throws(RegisterError) {
        count = record.count
        var byName: [String: Column] = [:]
        for column in Column.allCases { for name in column.names { byName[name] = column } }
        for index in 0..<record.count {
            guard let text = record.text(index), let column = byName[Self.normalised(text)] else { continue }
            if let earlier = places[column] {
                throw RegisterError(file: file, line: record.line, column: index + 1,
                                    message: "the header names the column \(column.rawValue) twice (columns \(Self.letters(earlier + 1)) and \(Self.letters(index + 1))); remove one of them")
            }
            places[column] = index
        }
        let missing = Column.required.filter { places[$0] == nil }
        guard missing.isEmpty else {
            throw RegisterError(file: file, line: record.line,
                                message: "the header has no column named \(missing.map(\.rawValue).joined(separator: ", ")); the first line must name the columns upn, date, am and pm (in any order and case; other columns are ignored)")
        }
    }

    subscript(column: Column) -> Int? { places[column] }

    /// `AM Sub-code` → `amsubcode`.
    static func normalised(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0 != " " && $0 != "_" && $0 != "-" && $0 != "\t" })
    }

    /// A column's letters as a spreadsheet shows them: 1 → A, 27 → AA.
    static func letters(_ number: Int) -> String {
        var number = number
        var letters = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return letters
    }
}
