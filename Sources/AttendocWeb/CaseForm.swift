import AttendocCaseModel
import Foundation

/// The case form: the sections of the case file an office fills in, each field named by its path in
/// the YAML (docs/case-file.md), so that the case file reader's error for `parents[1].forename`
/// lands on that field. The form shows and writes these fields only; everything else in the file
/// (letters issued, reviews, referrals, the legal route, evidence...) is kept as it was.
struct CaseForm {
    struct Field {
        enum Kind {
            case text, longText, date, number, yesNo, lines, oneOrMore, time
            case choice([(value: String, label: String)])
            case checkboxes([(value: String, label: String)])
        }

        var key: String
        var label: String
        var hint: String? = nil
        var kind: Kind = .text
    }

    struct Section {
        var heading: String
        /// `pupil`, or for a list of items, `parents`.
        var path: String
        var fields: [Field]
        /// The heading of each item of a list section (`Parent or carer 2`); nil for one mapping.
        var item: String? = nil
    }

    static func sections(policies: [String]) -> [Section] {
        let address: [Field] = [
            Field(key: "address.lines", label: "Address", hint: "One line of the address per line, without the postcode", kind: .lines),
            Field(key: "address.postcode", label: "Postcode"),
        ]
        let yesNo = Field.Kind.yesNo
        return [
            Section(heading: "The case", path: "", fields: [
                Field(key: "reference", label: "Case reference", hint: "Printed on every document, for example CAT/2026/0142"),
                Field(key: "policy", label: "Policy", hint: "The thresholds, tier bands, deadlines and term dates the case follows (needed with a register)",
                      kind: .choice(policies.map { ($0, $0) })),
            ]),
            Section(heading: "Pupil", path: "pupil", fields: [
                Field(key: "upn", label: "Unique Pupil Number (UPN)", hint: "13 characters, for example A123456789012; needed with a register"),
                Field(key: "forename", label: "Legal forename"),
                Field(key: "surname", label: "Legal surname"),
                Field(key: "preferred_forename", label: "Preferred forename (optional)", hint: "The name letters use in the text"),
                Field(key: "date_of_birth", label: "Date of birth", hint: "Written YYYY-MM-DD, for example 2013-03-04", kind: .date),
                Field(key: "year_group", label: "Year group", hint: "0 (Reception) to 14", kind: .number),
                Field(key: "admitted_on", label: "Admitted on (optional)", hint: "The day the pupil was entered on the admission register, YYYY-MM-DD", kind: .date),
            ] + address + [
                Field(key: "priority_cohorts", label: "Priority cohorts (optional)", hint: "Select all that apply",
                      kind: .checkboxes(PriorityCohort.allCases.map { ($0.rawValue, $0.description) })),
            ]),
            Section(heading: "Parents and carers", path: "parents", fields: [
                Field(key: "id", label: "Short name", hint: "How other sections refer to this person, such as mother, father or carer-2 (lower-case letters, digits, - and _); not printed"),
                Field(key: "title", label: "Title (optional)", hint: "Ms, Mr, Mx, Dr..."),
                Field(key: "forename", label: "Forename"),
                Field(key: "surname", label: "Surname"),
                Field(key: "relationship", label: "Relationship to the pupil", hint: "In words: mother, father, grandmother, foster carer..."),
                Field(key: "natural_parent", label: "Natural (birth) parent", kind: yesNo),
                Field(key: "parental_responsibility", label: "Has parental responsibility", kind: yesNo),
                Field(key: "lives_with_pupil", label: "Lives with the pupil", kind: yesNo),
                Field(key: "care_of_child", label: "Has care of the child (optional)", hint: "Left out: the same as lives with the pupil", kind: yesNo),
            ] + address.map { var field = $0; field.label += " (when they do not live with the pupil)"; return field } + [
                Field(key: "address_confidential", label: "Address is confidential", hint: "Yes: only this person's own copy of a document shows the address they live at", kind: yesNo),
                Field(key: "phone", label: "Phone (optional)", hint: "One number per line", kind: .oneOrMore),
                Field(key: "email", label: "Email (optional)"),
                Field(key: "preferred_language", label: "Preferred language (optional)", hint: "Left out: English"),
                Field(key: "needs", label: "Communication needs (optional)", hint: "Select all that apply",
                      kind: .checkboxes(CommunicationNeed.allCases.map { ($0.rawValue, $0.description) })),
                Field(key: "do_not_contact", label: "Do not contact", hint: "Yes: they receive no letter at all", kind: yesNo),
                Field(key: "do_not_contact_reason", label: "Why not to contact them", hint: "Needed when they are not to be contacted; for officers only, never printed", kind: .longText),
            ], item: "Parent or carer"),
            Section(heading: "School", path: "school", fields: [
                Field(key: "name", label: "School name"),
                Field(key: "urn", label: "URN", hint: "The school's Unique Reference Number, 6 digits"),
                Field(key: "head_teacher", label: "Head teacher", hint: "Copies of letters go to the head teacher"),
            ] + address + [
                Field(key: "phone", label: "Office phone (optional)"),
                Field(key: "email", label: "Office email (optional)"),
            ]),
            Section(heading: "Local authority", path: "local_authority", fields: [
                Field(key: "name", label: "Local authority", hint: "Who sends the letters: their letterhead"),
                Field(key: "department", label: "Department (optional)"),
            ] + address + [
                Field(key: "phone", label: "Phone (optional)"),
                Field(key: "email", label: "Email (optional)"),
            ]),
            Section(heading: "Officer", path: "officer", fields: [
                Field(key: "name", label: "Officer's name", hint: "The officer who signs the local authority's letters"),
                Field(key: "role", label: "Officer's role"),
                Field(key: "phone", label: "Phone (optional)"),
                Field(key: "email", label: "Email (optional)"),
            ]),
            Section(heading: "Referral to the local authority (optional)", path: "referral", fields: [
                Field(key: "referred_on", label: "Referred on", hint: "The day the school referred the case, YYYY-MM-DD", kind: .date),
                Field(key: "accepted_on", label: "Accepted on", hint: "The day the local authority accepted the referral, YYYY-MM-DD", kind: .date),
            ]),
            Section(heading: "Register", path: "register", fields: [
                Field(key: "file", label: "Register export", hint: "The school's CSV or Common Transfer File, as a path relative to the case file's folder (registers/school.csv); every figure is computed from it"),
            ]),
            Section(heading: "Attendance figures, for a case without a register", path: "attendance", fields: [
                Field(key: "from", label: "From", kind: .date),
                Field(key: "to", label: "To", kind: .date),
                Field(key: "possible_sessions", label: "Possible sessions", kind: .number),
                Field(key: "attended", label: "Sessions attended", kind: .number),
                Field(key: "authorised_absence", label: "Sessions of authorised absence", kind: .number),
                Field(key: "unauthorised_absence", label: "Sessions of unauthorised absence", kind: .number),
            ]),
            Section(heading: "Meetings", path: "meetings", fields: [
                Field(key: "kind", label: "Kind of meeting", kind: .choice(Meeting.Kind.allCases.map { ($0.rawValue, $0.description) })),
                Field(key: "date", label: "Date", hint: "YYYY-MM-DD", kind: .date),
                Field(key: "time", label: "Time (optional)", hint: "24-hour clock, HH:MM", kind: .time),
                Field(key: "place", label: "Place (optional)"),
                Field(key: "discussion", label: "What was discussed (optional)", kind: .longText),
                Field(key: "attendance_target", label: "Attendance target (optional)", hint: "A percentage (90%) or the target in words"),
                Field(key: "review_date", label: "Review date (optional)", hint: "After the meeting, YYYY-MM-DD", kind: .date),
            ], item: "Meeting"),
            Section(heading: "Supportive measures", path: "supportive_measures", fields: [
                Field(key: "what", label: "What was offered", hint: "In the words a parent reads", kind: .longText),
                Field(key: "offered_by", label: "Offered by", hint: "A person, team or agency"),
                Field(key: "offered_on", label: "Offered on", hint: "YYYY-MM-DD", kind: .date),
                Field(key: "offered_to", label: "Offered to (optional)", hint: "The short names of the parents it was offered to, one per line", kind: .lines),
                Field(key: "response", label: "Response", kind: .choice(SupportiveMeasure.Response.allCases.map { ($0.rawValue, $0.rawValue.replacingOccurrences(of: "_", with: " ")) })),
                Field(key: "started_on", label: "Started on (optional)", kind: .date),
                Field(key: "ended_on", label: "Ended on (optional)", kind: .date),
                Field(key: "outcome", label: "Outcome (optional)", kind: .longText),
            ], item: "Supportive measure"),
            Section(heading: "Contacts with the family", path: "contacts", fields: [
                Field(key: "date", label: "Date", hint: "YYYY-MM-DD", kind: .date),
                Field(key: "method", label: "How", kind: .choice(Contact.Method.allCases.map { ($0.rawValue, $0.description) })),
                Field(key: "by", label: "Made by", hint: "Who made the contact, and their role"),
                Field(key: "with", label: "With (optional)", hint: "Who was spoken to or seen, in words"),
                Field(key: "reached", label: "Reached (optional)", hint: "No: an attempt nobody answered", kind: .yesNo),
                Field(key: "summary", label: "What was said or seen (optional)", kind: .longText),
                Field(key: "next_steps", label: "Next steps (optional)", hint: "One per line", kind: .lines),
            ], item: "Contact"),
        ]
    }

    /// The HTML id of the field at `path`: `parents[1].address.lines` → `parents-1-address-lines`.
    static func id(_ path: String) -> String {
        "f-" + String(path.compactMap { $0 == "]" ? nil : $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "-" })
    }

    static func path(_ section: Section, index: Int?, _ field: Field) -> String {
        let base = section.path.isEmpty ? "" : section.path + (index.map { "[\($0)]" } ?? "") + "."
        return base + field.key
    }

    /// The paths of every field on the form, for `edit` with `slots` items of each list.
    static func paths(_ sections: [Section], slots: [String: Int]) -> [String] {
        sections.flatMap { section in
            section.item == nil ? section.fields.map { path(section, index: nil, $0) }
                : (0..<(slots[section.path] ?? 0)).flatMap { index in section.fields.map { path(section, index: index, $0) } }
        }
    }

    /// Applies the posted `form` to `edit`; `slots` is how many items of each list the form showed.
    static func apply(_ form: FormFields, to edit: inout CaseFileEdit, sections: [Section], editable: (String) -> Bool) {
        for section in sections {
            guard section.item != nil else {
                for field in section.fields where editable(path(section, index: nil, field)) {
                    edit.set(path(section, index: nil, field), value(form, field, at: path(section, index: nil, field)))
                }
                continue
            }
            let existing = edit.count(at: section.path)
            let shown = min(Int(form["\(section.path).slots"] ?? "") ?? 0, existing + 1)
            var removed: Set<Int> = []
            for index in 0..<shown {
                if form["\(section.path)[\(index)].remove"] != nil {
                    removed.insert(index)
                    continue
                }
                let values = section.fields.map { value(form, $0, at: path(section, index: index, $0)) }
                // A blank item at the end (the form's "add another") adds nothing.
                if index >= existing, values.allSatisfy({ $0 == nil }) { continue }
                for (field, value) in zip(section.fields, values) {
                    edit.set(path(section, index: index, field), value)
                }
            }
            edit.removeItems(section.path, removed)
        }
    }

    private static func value(_ form: FormFields, _ field: Field, at path: String) -> CaseFileEdit.Value? {
        switch field.kind {
        case .checkboxes(let options):
            let chosen = options.map(\.value).filter { form["\(path)#\($0)"] != nil }
            return chosen.isEmpty ? nil : .list(chosen)
        default:
            break
        }
        guard let text = form[path]?.replacingOccurrences(of: "\r\n", with: "\n"), !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return nil
        }
        switch field.kind {
        case .date, .number, .yesNo: return .plain(text)
        case .lines: return .list(text.components(separatedBy: "\n"))
        case .oneOrMore: return .oneOrMore(text.components(separatedBy: "\n"))
        case .choice: return .plain(text)
        default: return .text(text)
        }
    }

    // MARK: the HTML

    /// The form's sections as HTML, showing the values `edit` holds and `errors` by field.
    static func html(_ sections: [Section], _ edit: CaseFileEdit, errors: [PageLayout.FieldError], editable: (String) -> Bool) -> String {
        var out = ""
        for section in sections {
            out += "<fieldset class=\"section\"><legend><h2>\(HTML.escaped(section.heading))</h2></legend>\n"
            if let item = section.item {
                let existing = edit.count(at: section.path)
                for index in 0...existing {
                    out += "<fieldset class=\"item\"><legend><h3>\(HTML.escaped(index < existing ? "\(item) \(index + 1)" : "Add a \(item.lowercased())"))</h3></legend>\n"
                    if index == existing {
                        out += "<p class=\"hint\">Leave these empty to add none. Save to add another after it.</p>\n"
                    }
                    for field in section.fields {
                        out += fieldHTML(field, path: path(section, index: index, field), edit, errors, editable: true)
                    }
                    if index < existing {
                        let remove = "\(section.path)[\(index)].remove"
                        out += "<div class=\"form-group\"><input type=\"checkbox\" id=\"\(id(remove))\" name=\"\(HTML.escaped(remove))\" value=\"yes\"> <label class=\"inline\" for=\"\(id(remove))\">Remove \(HTML.escaped(item.lowercased())) \(index + 1) from the case</label></div>\n"
                    }
                    out += "</fieldset>\n"
                }
                out += "<input type=\"hidden\" name=\"\(HTML.escaped(section.path)).slots\" value=\"\(existing + 1)\">\n"
            } else {
                for field in section.fields {
                    let path = path(section, index: nil, field)
                    out += fieldHTML(field, path: path, edit, errors, editable: editable(path))
                }
            }
            out += "</fieldset>\n"
        }
        return out
    }

    private static func fieldHTML(_ field: Field, path: String, _ edit: CaseFileEdit, _ errors: [PageLayout.FieldError], editable: Bool) -> String {
        let id = id(path)
        let current = edit.value(at: path) ?? []
        let error = errors.first { $0.field == id }
        var described: [String] = []
        var out = "<div class=\"form-group\(error == nil ? "" : " error")\">\n"
        let isGroup: Bool
        if case .checkboxes = field.kind { isGroup = true } else { isGroup = false }
        out += isGroup ? "<fieldset class=\"checkboxes\"><legend class=\"label\">\(HTML.escaped(field.label))</legend>\n"
            : "<label for=\"\(id)\">\(HTML.escaped(field.label))</label>\n"
        if let hint = field.hint {
            out += "<div id=\"\(id)-hint\" class=\"hint\">\(HTML.escaped(hint))</div>\n"
            described.append("\(id)-hint")
        }
        if let error {
            out += "<span id=\"\(id)-error\" class=\"error-message\"><span class=\"visually-hidden\">Error:</span> \(HTML.escaped(error.message))</span>\n"
            described.append("\(id)-error")
        }
        let describedBy = described.isEmpty ? "" : " aria-describedby=\"\(described.joined(separator: " "))\""
        let name = "name=\"\(HTML.escaped(path))\""
        let invalid = error == nil ? "" : " aria-invalid=\"true\""
        let text = current.joined(separator: "\n")
        guard editable else {
            out += "<input type=\"text\" id=\"\(id)\" value=\"\(HTML.escaped(text))\" readonly\(describedBy)>\n</div>\n"
            return out
        }
        switch field.kind {
        case .text, .date, .number, .time:
            let mode = switch field.kind {
            case .number: " inputmode=\"numeric\""
            default: ""
            }
            out += "<input type=\"text\" id=\"\(id)\" \(name) value=\"\(HTML.escaped(text))\"\(mode)\(describedBy)\(invalid)>\n"
        case .longText, .lines, .oneOrMore:
            out += "<textarea id=\"\(id)\" \(name) rows=\"\(field.kind.isLongText ? 4 : 3)\"\(describedBy)\(invalid)>\(HTML.escaped(text))</textarea>\n"
        case .yesNo:
            let value = text.lowercased() == "true" ? "yes" : text.lowercased() == "false" ? "no" : text.lowercased()
            out += select(id: id, name: name, describedBy + invalid, options: [("", "Not given"), ("yes", "Yes"), ("no", "No")], chosen: value)
        case .choice(let options):
            out += select(id: id, name: name, describedBy + invalid, options: [("", "Choose")] + options, chosen: text)
        case .checkboxes(let options):
            for (offset, option) in options.enumerated() {
                let box = offset == 0 ? id : "\(id)-\(option.value)"
                let checked = current.contains(option.value) ? " checked" : ""
                out += "<div class=\"checkbox\"><input type=\"checkbox\" id=\"\(box)\" name=\"\(HTML.escaped(path))#\(HTML.escaped(option.value))\" value=\"yes\"\(checked)\(offset == 0 ? describedBy : "")> <label class=\"inline\" for=\"\(box)\">\(HTML.escaped(option.label))</label></div>\n"
            }
            out += "</fieldset>\n"
        }
        return out + "</div>\n"
    }

    private static func select(id: String, name: String, _ attributes: String, options: [(value: String, label: String)], chosen: String) -> String {
        var known = options
        // A value the list does not hold (a hand-written file's) is shown as it is, not lost.
        if !chosen.isEmpty, !options.contains(where: { $0.value == chosen }) { known.append((chosen, chosen)) }
        let items = known.map { "<option value=\"\(HTML.escaped($0.value))\"\($0.value == chosen ? " selected" : "")>\(HTML.escaped($0.label))</option>" }
        return "<select id=\"\(id)\" \(name)\(attributes)>\(items.joined())</select>\n"
    }

    /// The field a reader's problem at `problem` (a path such as `parents[0].address.lines[1]`)
    /// belongs to: the deepest field on the form it lies in, else the first field inside it.
    static func field(for problem: String, among paths: [String]) -> String? {
        guard !problem.isEmpty else { return nil }
        func within(_ inner: String, _ outer: String) -> Bool {
            inner == outer || inner.hasPrefix(outer + ".") || inner.hasPrefix(outer + "[")
        }
        if let deepest = paths.filter({ within(problem, $0) }).max(by: { $0.count < $1.count }) { return deepest }
        return paths.first { within($0, problem) }
    }
}

extension CaseForm.Field.Kind {
    var isLongText: Bool {
        if case .longText = self { return true }
        return false
    }
}
