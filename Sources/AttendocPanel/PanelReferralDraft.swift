import AttendocCaseModel
import AttendocDocuments
import AttendocValues

/// A referral file (docs/panel.md) made from a case in the workspace (`attendoc panel referral`):
/// what the record shows, written out; what it does not show (what is stuck, the state of any
/// multi-agency involvement, whether legal intervention was judged not appropriate, the parent's
/// consent) is left for the referrer to fill in, each with a comment saying what is needed, so that
/// the intake refuses the draft until they have.
public struct PanelReferralDraft: Sendable {
    /// A document the record holds as issued for the case: its kind and the day it was sent.
    public struct Sent: Sendable {
        public var kind: String
        public var sentOn: CalendarDate
        public init(kind: String, sentOn: CalendarDate) {
            self.kind = kind
            self.sentOn = sentOn
        }
    }

    public var reference: String
    public var receivedOn: CalendarDate
    public var attendanceCase: AttendanceCase
    public var sent: [Sent]

    public init(reference: String, receivedOn: CalendarDate, attendanceCase: AttendanceCase, sent: [Sent]) {
        self.reference = reference
        self.receivedOn = receivedOn
        self.attendanceCase = attendanceCase
        self.sent = sent
    }

    /// What has been tried, from the record: each meeting held by `receivedOn`, each support
    /// offered and how the family responded, each document sent. Oldest first.
    public var tried: [String] {
        var entries: [(CalendarDate, String)] = []
        for meeting in attendanceCase.meetings where meeting.date <= receivedOn {
            entries.append((meeting.date, "\(meeting.kind.description), \(meeting.date.longForm)"))
        }
        for measure in attendanceCase.supportiveMeasures where measure.offeredOn <= receivedOn {
            let response = switch measure.response {
            case .accepted: "accepted"
            case .declined: "declined"
            case .notEngaged: "the family did not take part"
            case .notYetKnown: "the response is not yet known"
            }
            entries.append((measure.offeredOn, "\(measure.offeredInWords) (\(response))"))
        }
        for document in sent where document.sentOn <= receivedOn {
            let kind = DocumentKind(rawValue: document.kind)?.title.lowercased() ?? document.kind.replacingOccurrences(of: "_", with: " ")
            entries.append((document.sentOn, "\(kind) sent \(document.sentOn.longForm)"))
        }
        // By day, then in words, so the same record always gives the same file.
        return entries.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.1)
    }

    /// The barriers recorded at the case's meetings, each once, in the order first recorded.
    public var barriers: [String] {
        var seen: Set<String> = []
        return attendanceCase.meetings.filter { $0.date <= receivedOn }.flatMap(\.barriers).filter { seen.insert($0.lowercased()).inserted }
    }

    /// The referral file's text.
    public var yaml: String {
        let pupil = attendanceCase.pupil
        let school = attendanceCase.school
        let officer = attendanceCase.officer
        var lines = [
            "# A referral to the multi-agency attendance panel, made by attendoc panel referral from the",
            "# workspace case \(attendanceCase.reference). It holds what the record shows. Before the intake will",
            "# take it, fill in each field marked FILL IN, and check the rest (docs/panel.md).",
            "reference: \(Self.quoted(reference))",
            "received_on: \(receivedOn.iso)",
            "# The referrer: the officer the case names. Change it if someone else refers.",
            "referrer:",
            "  name: \(Self.quoted(officer.name))",
            "  role: \(Self.quoted(officer.role))",
        ]
        if let email = officer.email { lines.append("  email: \(Self.quoted(email))") }
        if let phone = officer.phone { lines.append("  phone: \(Self.quoted(phone))") }
        lines += ["school:", "  name: \(Self.quoted(school.name))"]
        if let urn = school.urn { lines.append("  urn: \(Self.quoted(urn))") }
        lines += ["  address:", "    lines: [\(school.address.lines.map(Self.quoted).joined(separator: ", "))]",
                  "    postcode: \(Self.quoted(school.address.postcode))"]
        lines += ["children:"]
        var child = pupil.upn.map { ["    upn: \($0.text)"] } ?? []
        child += ["    forename: \(Self.quoted(pupil.forename))", "    surname: \(Self.quoted(pupil.surname))",
                  "    date_of_birth: \(pupil.dateOfBirth.iso)", "    year_group: \(pupil.yearGroup)"]
        child[0] = "  - " + child[0].dropFirst(4)
        if !pupil.priorityCohorts.isEmpty { child.append("    priority_cohorts: [\(pupil.priorityCohorts.map(\.rawValue).joined(separator: ", "))]") }
        lines += child
        lines += ["# FILL IN: what is stuck, in the referrer's words.", "# reason: "]
        if barriers.isEmpty {
            lines += ["# FILL IN: the barriers (none is recorded at the case's meetings).", "# barriers: []"]
        } else {
            lines += ["# The barriers recorded at the case's meetings.", "barriers: [\(barriers.map(Self.quoted).joined(separator: ", "))]"]
        }
        let agencies = attendanceCase.referrals.filter { $0.decision == .accepted && $0.date <= receivedOn }.map(\.to)
        lines += ["# FILL IN the state: none_below_thresholds, closed, not_progressing or progressing.",
                  "multi_agency_involvement:"]
        lines += agencies.isEmpty ? ["  agencies: []"] : ["  # The services the record shows accepted a referral.", "  agencies: [\(agencies.map(Self.quoted).joined(separator: ", "))]"]
        let tried = self.tried
        lines += tried.isEmpty ? ["# FILL IN: what has been tried (the record shows nothing yet).", "tried: []"]
            : ["# What the record shows was tried: meetings held, support offered, documents sent.", "tried:"] + tried.map { "  - \(Self.quoted($0))" }
        lines += ["# FILL IN: not_appropriate (with why) or not_successful (with what was done).",
                  "# legal_intervention: {judged: not_appropriate, details: }",
                  "# Not signed until the parent or guardian signs the consent disclaimer (attendoc panel consent-form).",
                  "consent: {signed: no}",
                  "case: \(Self.quoted(attendanceCase.reference))"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` as a YAML double-quoted scalar: every character kept, whatever it is.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 { result += String(format: "\\x%02X", scalar.value) } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }
}
