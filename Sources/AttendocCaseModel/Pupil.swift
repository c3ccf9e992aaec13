import AttendocValues
import AttendocYAML

public struct Pupil: Sendable {
    public var forename: String
    public var surname: String
    /// The name the pupil is known by, when it differs from the legal forename.
    public var preferredForename: String?
    public var dateOfBirth: CalendarDate
    public var yearGroup: Int
    public var address: PostalAddress
    /// Optional for now, so that case files written before it was added still read.
    public var upn: UniquePupilNumber? = nil
    /// The surname the pupil is known by, when it differs from the legal surname.
    public var preferredSurname: String? = nil
    /// The priority cohorts of seed 001 that apply, in the order the case file lists them.
    public var priorityCohorts: [PriorityCohort] = []
    /// The day the pupil was entered on the school's admission register (`admitted_on`): the
    /// register certificate states that they were a registered pupil throughout its period.
    public var admittedOn: CalendarDate? = nil
    /// Other pupils in the household.
    public var siblings: [Sibling] = []

    /// The legal name: `Siobhán O'Brien-Ní Dhuibhir`.
    public var fullName: String { "\(forename) \(surname)" }

    /// The name the pupil is known by: preferred forename and surname where recorded.
    public var knownAs: String { "\(preferredForename ?? forename) \(preferredSurname ?? surname)" }
}

extension CaseFileReader {
    static func readPupil(_ fields: YAMLFields) throws(CaseFileError) -> Pupil {
        var result = Pupil(
            forename: try fields.string("forename"),
            surname: try fields.string("surname"),
            preferredForename: try fields.optionalString("preferred_forename"),
            dateOfBirth: try fields.date("date_of_birth"),
            yearGroup: try fields.int("year_group", in: 0...14),
            address: try address(fields.fields("address")))
        result.upn = try fields.optionalUniquePupilNumber("upn")
        result.preferredSurname = try fields.optionalString("preferred_surname")
        result.priorityCohorts = try fields.fixedValues("priority_cohorts")
        result.admittedOn = try fields.optionalDate("admitted_on")
        var seen: [UniquePupilNumber: String] = [:]
        for (item, itemPath) in try fields.list("siblings", required: false) {
            let siblingFields = try YAMLFields(item, file: fields.file, path: itemPath)
            let sibling = try readSibling(siblingFields)
            let upnNode = siblingFields.node("upn") ?? item
            if sibling.upn == result.upn {
                throw fields.itemError("\(itemPath).upn", "is the pupil's own UPN; list only the other pupils in the household", at: upnNode)
            }
            if let earlier = seen[sibling.upn] {
                throw fields.itemError("\(itemPath).upn", "is the same UPN as \(earlier).upn; list each sibling once", at: upnNode)
            }
            seen[sibling.upn] = itemPath
            result.siblings.append(sibling)
        }
        try fields.finish()
        return result
    }
}
