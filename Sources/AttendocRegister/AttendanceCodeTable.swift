import AttendocValues
import Foundation

/// How an attendance code counts in the figures.
public enum CodeCategory: String, CaseIterable, Sendable {
    case present
    case approvedEducationalActivity = "approved_educational_activity"
    case authorisedAbsence = "authorised_absence"
    case unauthorisedAbsence = "unauthorised_absence"
    /// Attendance not possible (unavoidable cause): not a possible session.
    case notPossible = "not_possible"
    /// Not a session the pupil could attend (dual registration, closures, not yet on roll).
    case administrative

    /// Whether a session with this code is one the pupil could have attended.
    public var isPossibleSession: Bool {
        switch self {
        case .present, .approvedEducationalActivity, .authorisedAbsence, .unauthorisedAbsence: true
        case .notPossible, .administrative: false
        }
    }

    public var countsAsAttendance: Bool { self == .present || self == .approvedEducationalActivity }
}

/// The attendance codes, read from `data/attendance-codes.csv`: the one place they are defined.
public struct AttendanceCodeTable: Sendable {
    public struct Code: Sendable {
        public let code: String
        public let category: CodeCategory
        public let meaning: String
    }

    /// The national code for illness (not medical or dental appointments), an authorised absence
    /// that a policy may leave out when it checks an attendance target (sickness is a defence).
    public static let illness = "I"

    public let codes: [String: Code]
    /// Each code's number, for compact storage: marks are kept as these small numbers.
    let numbers: [String: UInt8]
    let byNumber: [Code]
    /// For a one-byte mark (as in a Common Transfer File): its number, `RegisterDay.noMark` for `#`,
    /// or `unknownMark`. Indexed by the byte.
    let singleByteNumbers: [UInt8]
    /// Each code's category, by number.
    let categories: [CodeCategory]

    static let unknownMark: UInt8 = 254

    public init(contentsOf url: URL) throws(AttendocError) {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw AttendocError(.resources, "cannot read the attendance code table \(url.path): \(error.localizedDescription)")
        }
        var codes: [String: Code] = [:]
        var ordered: [Code] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where index > 0 && !line.isEmpty {
            let fields = line.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3, !fields[0].isEmpty, let category = CodeCategory(rawValue: fields[1]) else {
                throw AttendocError(.resources, "\(url.path):\(index + 1): expected code,category,meaning with a category from \(CodeCategory.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard codes[fields[0]] == nil else {
                throw AttendocError(.resources, "\(url.path):\(index + 1): the code \(fields[0]) appears twice")
            }
            let code = Code(code: fields[0], category: category, meaning: fields[2])
            codes[fields[0]] = code
            ordered.append(code)
        }
        guard ordered.count < Int(Self.unknownMark) else { throw AttendocError(.resources, "\(url.path): too many codes") }
        self.codes = codes
        self.byNumber = ordered
        self.numbers = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($0.element.code, UInt8($0.offset)) })
        self.categories = ordered.map(\.category)
        var singleByte = [UInt8](repeating: Self.unknownMark, count: 256)
        for (number, code) in ordered.enumerated() where code.code.utf8.count == 1 {
            singleByte[Int(code.code.utf8.first!)] = UInt8(number)
        }
        singleByte[Int(UInt8(ascii: "#"))] = RegisterDay.noMark
        self.singleByteNumbers = singleByte
    }

    /// The table shipped with Attendoc.
    public init(resources: AttendocResources) throws(AttendocError) {
        try self.init(contentsOf: resources.attendanceCodes)
    }

    public subscript(code: String) -> Code? { codes[code] }

    func number(of code: String) -> UInt8? { numbers[code] }

    public func code(number: UInt8) -> Code { byNumber[Int(number)] }

    /// Every code, sorted, for messages: `#, /, B, C, C1, …`.
    var allCodes: String { byNumber.map(\.code).joined(separator: " ") }
}
