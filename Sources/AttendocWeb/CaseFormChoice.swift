import AttendocCaseModel
import AttendocValues

/// A choice on the case form among the case's own items (its meetings, its parents, what the
/// bundle withholds), so that a person picks "Meeting 2: Team Around the Family meeting on
/// 21 October 2026" rather than typing its place in the case file (`meetings[1]`) or a parent's
/// short name. The value posted is what the case file holds (`meetings[1]`, `mother`); each
/// option's words come from the case as the form was opened.
enum CaseFormChoice {
    /// A meeting, by its place: `meetings[1]`.
    case meeting
    /// A parent or carer, by their place: `parents[0]`.
    case parentPlace
    /// A parent or carer, by their short name (`id`): `mother`. Those without one cannot be chosen.
    case parentID
    /// What the evidence bundle withholds and so needs a disclosure decision: a meeting's
    /// agency-only notes (`meetings[1].agency_only_notes`) or a safeguarding referral (`referrals[3]`).
    case withheldMaterial

    /// The options the case `edit` holds, in its order.
    func options(_ edit: CaseFileEdit) -> [(value: String, label: String)] {
        switch self {
        case .meeting:
            return (0..<edit.count(at: "meetings")).map { index in ("meetings[\(index)]", Self.meeting(index, edit)) }
        case .parentPlace:
            return (0..<edit.count(at: "parents")).map { index in ("parents[\(index)]", Self.parent(index, edit)) }
        case .parentID:
            return (0..<edit.count(at: "parents")).compactMap { index in
                guard let id = Self.text("parents[\(index)].id", edit) else { return nil }
                return (id, Self.parent(index, edit))
            }
        case .withheldMaterial:
            let notes = (0..<edit.count(at: "meetings")).compactMap { index -> (String, String)? in
                guard Self.text("meetings[\(index)].agency_only_notes", edit) != nil else { return nil }
                return ("meetings[\(index)].agency_only_notes", "The notes for the agencies only of \(Self.lowerFirst(Self.meeting(index, edit)))")
            }
            let referrals = (0..<edit.count(at: "referrals")).compactMap { index -> (String, String)? in
                guard Self.text("referrals[\(index)].service", edit) == AgencyReferral.Service.safeguarding.rawValue else { return nil }
                let to = Self.text("referrals[\(index)].to", edit).map { " to \($0)" } ?? ""
                let date = Self.date("referrals[\(index)].date", edit).map { " on \($0)" } ?? ""
                return ("referrals[\(index)]", "Referral \(index + 1): the safeguarding referral\(to)\(date)")
            }
            return notes + referrals
        }
    }

    /// `Meeting 2: Team Around the Family meeting on 21 October 2026`.
    private static func meeting(_ index: Int, _ edit: CaseFileEdit) -> String {
        let kind = text("meetings[\(index)].kind", edit).map { Meeting.Kind(rawValue: $0)?.description ?? $0 } ?? "a meeting of no kind yet"
        let date = date("meetings[\(index)].date", edit).map { " on \($0)" } ?? ""
        return "Meeting \(index + 1): \(kind)\(date)"
    }

    /// `Parent or carer 1: Zoë D'Souza (mother)`.
    private static func parent(_ index: Int, _ edit: CaseFileEdit) -> String {
        let name = ["forename", "surname"].compactMap { text("parents[\(index)].\($0)", edit) }.joined(separator: " ")
        let relationship = text("parents[\(index)].relationship", edit).map { " (\($0))" } ?? ""
        return "Parent or carer \(index + 1): \(name.isEmpty ? "no name yet" : name)\(relationship)"
    }

    private static func text(_ path: String, _ edit: CaseFileEdit) -> String? {
        guard edit.holdsText(at: path), let value = edit.value(at: path), value.count == 1 else { return nil }
        let text = value[0].trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// A date as a person reads it (21 October 2026), or as written when it is not a date.
    private static func date(_ path: String, _ edit: CaseFileEdit) -> String? {
        text(path, edit).map { CalendarDate(iso: $0)?.longForm ?? $0 }
    }

    private static func lowerFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
