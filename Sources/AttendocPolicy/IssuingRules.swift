import AttendocValues
import AttendocYAML
import Foundation

/// How a policy treats documents once they are issued (its `issuing:` section, docs/policies.md):
/// when a document is deemed served by each method, and how soon the same document may go to
/// the same person again without a recorded reason.
public struct IssuingRules: Sendable, Equatable {
    /// Working days after sending on which a document is deemed served, by method (`post`,
    /// `hand`, `email`).
    public var deemedServiceWorkingDays: [String: Int]
    /// A second copy of the same kind to the same recipient within this many calendar days of
    /// the first is refused unless a reason is given.
    public var reissueWindowDays: Int
    /// Days that are not working days although they fall Monday to Friday (bank holidays).
    public var bankHolidays: Set<CalendarDate>
    /// School days after which a session still marked N (no reason yet) is shown as due in
    /// `attendoc due`; nil: not shown.
    public var unexplainedAbsenceSchoolDays: Int?

    public init(deemedServiceWorkingDays: [String: Int], reissueWindowDays: Int, bankHolidays: Set<CalendarDate>,
                unexplainedAbsenceSchoolDays: Int? = nil) {
        self.deemedServiceWorkingDays = deemedServiceWorkingDays
        self.reissueWindowDays = reissueWindowDays
        self.bankHolidays = bankHolidays
        self.unexplainedAbsenceSchoolDays = unexplainedAbsenceSchoolDays
    }

    /// Whether `date` is a working day: Monday to Friday and not a bank holiday.
    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        date.weekdayIndex < 5 && !bankHolidays.contains(date)
    }

    /// The day a document sent on `sent` by `method` is deemed served: that many working days
    /// later (a document sent on a day that is not a working day counts from the next one).
    /// Nil when the policy gives no rule for the method.
    public func deemedServed(sent: CalendarDate, method: String) -> CalendarDate? {
        guard let days = deemedServiceWorkingDays[method] else { return nil }
        var date = sent
        while !isWorkingDay(date) { date = date.adding(days: 1) }
        var remaining = days
        while remaining > 0 {
            date = date.adding(days: 1)
            if isWorkingDay(date) { remaining -= 1 }
        }
        return date
    }

    /// The first day of the window in which a document sent on `sent` counts as a second issue.
    public func reissueWindowStarts(before sent: CalendarDate) -> CalendarDate {
        sent.adding(days: -reissueWindowDays)
    }

    static let methods = ["post", "hand", "email"]

    /// Reads an `issuing:` section; `folder` is the policy's folder, where a bank holidays file
    /// it names is found.
    static func read(_ section: YAMLFields, folder: URL) throws(CaseFileError) -> IssuingRules {
        let service = try section.fields("deemed_service_working_days")
        var days: [String: Int] = [:]
        for method in service.keys {
            guard methods.contains(method) else {
                throw service.error(method, "is not a method of service; expected one of \(methods.joined(separator: ", "))")
            }
            days[method] = try service.int(method, in: 0...30)
        }
        try service.finish()
        let window = try section.int("reissue_window_days", in: 0...3650)
        var holidays: Set<CalendarDate> = []
        if let name = try section.optionalString("bank_holidays") {
            let url = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw section.error("bank_holidays", "refers to a file that does not exist (relative to the policy's folder)")
            }
            let file = try YAMLDocument.fields(of: url)
            for (node, path) in try file.list("dates") {
                let entry = try YAMLFields(node, file: file.file, path: path)
                holidays.insert(try entry.date("date"))
                _ = try entry.string("name")
                try entry.finish()
            }
            _ = try file.optionalString("source")
            try file.finish()
        }
        let unexplained = try section.optionalInt("unexplained_absence_school_days", in: 1...60)
        try section.finish()
        return IssuingRules(deemedServiceWorkingDays: days, reissueWindowDays: window, bankHolidays: holidays,
                            unexplainedAbsenceSchoolDays: unexplained)
    }
}
