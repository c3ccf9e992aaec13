import AttendocRegister

/// A Common Transfer File's contacts for one pupil, written as the `parents:` section of a case file
/// (docs/case-file.md), for the officer to check and paste in.
public enum ContactsAsParents {
    public static func yaml(for pupil: PupilRegister) -> String {
        var lines = ["# Parents and carers of pupil \(pupil.upn), from the Common Transfer File. Check each entry:",
                     "# the relationship is as the export records it.",
                     "parents:"]
        for contact in pupil.contacts.sorted(by: { ($0.order ?? Int.max) < ($1.order ?? Int.max) }) {
            var entry: [(String, String)] = []
            if let title = contact.title { entry.append(("title", quoted(title))) }
            entry.append(("forename", quoted(contact.forename)))
            entry.append(("surname", quoted(contact.surname)))
            entry.append(("relationship", quoted(contact.relationship ?? "not recorded")))
            entry.append(("parental_responsibility", contact.hasParentalResponsibility ? "yes" : "no"))
            entry.append(("lives_with_pupil", contact.address == nil ? "yes" : "no"))
            for (index, (key, value)) in entry.enumerated() {
                lines.append("\(index == 0 ? "  - " : "    ")\(key): \(value)")
            }
            if let address = contact.address {
                lines.append("    address:")
                lines.append("      lines: [\(address.lines.map(quoted).joined(separator: ", "))]")
                lines.append("      postcode: \(quoted(address.postcode))")
            }
            if !contact.phones.isEmpty {
                lines.append("    phone: [\(contact.phones.map(quoted).joined(separator: ", "))]")
            }
            if let email = contact.email { lines.append("    email: \(quoted(email))") }
        }
        if pupil.contacts.isEmpty { lines.append("  []  # the file lists no contacts for this pupil") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted string: any name, with quotes, backslashes or `#`, reads back exactly.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
