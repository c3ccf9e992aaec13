import AttendocValues

/// Choosing the case-file record a document is about (`--record apdr[1]`, or by default the latest
/// on or before the document's date), for the kinds made from one record: an APDR, a review, a
/// home visit.
enum ChosenRecord {
    static func choose<Record>(_ records: [Record], path: String?, dated date: CalendarDate, section: String, what: String,
                               place: (Record) -> String, day: (Record) -> CalendarDate) throws(AttendocError) -> Record {
        let listed = records.isEmpty ? "none" : records.map { "\(place($0)) (\(day($0).iso))" }.joined(separator: ", ")
        if let path {
            guard let record = records.first(where: { place($0) == path }) else {
                throw AttendocError(.document, "--record \(path) names no \(what) in the case; its \(section) are: \(listed)")
            }
            guard day(record) <= date else {
                throw AttendocError(.document, "--record \(path) is dated \(day(record).longForm), after the document's date (\(date.longForm))")
            }
            return record
        }
        guard let latest = records.enumerated().filter({ day($0.element) <= date }).max(by: { (day($0.element), $0.offset) < (day($1.element), $1.offset) })?.element else {
            throw AttendocError(.document, "the case has no \(what) on or before \(date.longForm); add it under \(section): (its \(section) are: \(listed))")
        }
        return latest
    }
}
