import AttendocRegister

/// A case file for a pupil who has none yet, made from what a Common Transfer File says of the
/// pupil and their contacts (`attendoc batch --new-cases`, docs/batch.md): the pupil's names, date
/// of birth, year group and address, its marks (as the case's register), and the contacts as its `parents:` (as `attendoc contacts`
/// prints them), with the local authority, school, officer and policy taken from another case of
/// the same school. The contacts are as the export records them; the office checks the file.
public enum CaseFromContacts {
    /// The top-level sections taken from the school's other case.
    static let schoolSections: Set<String> = ["local_authority", "school", "officer", "policy"]

    /// Why no case can be made for `pupil` from the export, in words that name no one; nil when
    /// one can: the export gives the pupil's names, date of birth, year group and address, and at
    /// least one contact with parental responsibility who has an address (their own, or the
    /// pupil's when they live at it).
    public static func problem(for pupil: PupilRegister) -> String? {
        guard !pupil.contacts.isEmpty else { return "the export lists no contacts for the pupil" }
        var missing: [String] = []
        if pupil.forename == nil || pupil.surname == nil { missing.append("names") }
        if pupil.dateOfBirth == nil { missing.append("date of birth (DOB)") }
        if pupil.yearGroup == nil { missing.append("year group (NCyearActual)") }
        if pupil.address == nil { missing.append("address") }
        guard missing.isEmpty else { return "the export does not give the pupil's \(missing.joined(separator: ", "))" }
        guard pupil.contacts.contains(where: { $0.hasParentalResponsibility && ($0.address != nil || pupil.address != nil) }) else {
            return "none of the pupil's contacts in the export has parental responsibility and an address"
        }
        return nil
    }

    /// The case file's text. `reference`: the new case's reference; `schoolCase`: the YAML of
    /// another case of the school, whose local authority, school, officer and policy are copied.
    public static func yaml(for pupil: PupilRegister, reference: String, schoolCase: String) -> String {
        var lines = ["# Made by attendoc batch from the Common Transfer File's record of pupil \(pupil.upn) and its",
                     "# contacts, with the school's details from another of its cases. Check it, and add what it lacks.",
                     "reference: \(ContactsAsParents.quoted(reference))"]
        lines += sections(schoolSections, of: schoolCase)
        lines.append("pupil:")
        lines.append("  upn: \(pupil.upn)")
        lines.append("  forename: \(ContactsAsParents.quoted(pupil.forename ?? ""))")
        lines.append("  surname: \(ContactsAsParents.quoted(pupil.surname ?? ""))")
        if let birth = pupil.dateOfBirth { lines.append("  date_of_birth: \(birth.iso)") }
        if let year = pupil.yearGroup { lines.append("  year_group: \(year)") }
        if let address = pupil.address {
            lines.append("  address:")
            lines.append("    lines: [\(address.lines.map(ContactsAsParents.quoted).joined(separator: ", "))]")
            lines.append("    postcode: \(ContactsAsParents.quoted(address.postcode))")
        }
        // The pupil's marks as the export gave them, kept in the case as its register.
        lines.append("register:")
        lines.append("  csv: |")
        lines.append("    upn,date,am,pm")
        for day in pupil.days {
            let marks = [day.code(.morning), day.code(.afternoon)].map { $0 == RegisterDay.noMark ? "#" : pupil.codes.code(number: $0).code }
            lines.append("    \(pupil.upn),\(day.date.iso),\(marks[0]),\(marks[1])")
        }
        let parents = ContactsAsParents.yaml(for: pupil).split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("#") }
        return (lines + parents.map(String.init)).joined(separator: "\n")
    }

    /// The top-level sections `names` of a YAML text, each with the lines below it, in order.
    static func sections(_ names: Set<String>, of yaml: String) -> [String] {
        var kept: [String] = []
        var keeping = false
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let first = line.first, first != " ", first != "#", first != "-" {
                let key = String(line.prefix { $0 != ":" })
                keeping = names.contains(key)
            }
            if keeping { kept.append(line) }
        }
        while kept.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { kept.removeLast() }
        return kept
    }
}
