import AttendocCaseModel
import AttendocCasework
import AttendocPolicy
import AttendocValues
import AttendocWorkspace
import Foundation

/// What the record answers and keeps about penalty notices: every notice issued for a case's
/// pupil with what happened to it (the history the limit, the notice to improve and the
/// prosecution checks read), and a payment, a notice not paid, a withdrawal or a consideration,
/// each checked against the notice's own recorded particulars before it is recorded.
public enum PenaltyNoticeRecord {
    /// The penalty notices the record holds for the case's pupil (in any of the record's cases,
    /// by UPN), as the case work reads them.
    public static func history(of attendanceCase: AttendanceCase, in workspace: Workspace) throws(AttendocError) -> PenaltyNoticeHistory {
        let entries = try fromRecord { () throws(WorkspaceError) in
            try workspace.penaltyNotices(upn: attendanceCase.pupil.upn?.text, reference: attendanceCase.reference)
        }
        return PenaltyNoticeHistory(notices: entries.compactMap(recorded))
    }

    static func recorded(_ entry: RecordedPenaltyNoticeEntry) -> RecordedPenaltyNotice? {
        let document = entry.document
        guard let issuedOn = CalendarDate(iso: document.sentOn) else { return nil }
        let terms = entry.particulars.map { particulars in
            PenaltyNoticeTerms(number: particulars.number, amount: particulars.amount, reducedAmount: particulars.reducedAmount,
                               issuedOn: issuedOn, receivedOn: particulars.receivedOn, reducedBy: particulars.reducedBy,
                               payBy: particulars.payBy, reducedByGiven: particulars.reducedByGiven, payByGiven: particulars.payByGiven,
                               periodFrom: particulars.periodFrom, periodTo: particulars.periodTo,
                               unauthorisedSessions: particulars.unauthorisedSessions)
        }
        let outcomes: [RecordedPenaltyNotice.Outcome] = entry.outcomes.map { outcome in
            switch outcome.kind {
            case .paid: .paid(on: outcome.on, amount: outcome.amount ?? 0)
            case .unpaid: .unpaid(recordedOn: outcome.on)
            case .withdrawn: .withdrawn(on: outcome.on, reason: outcome.reason ?? "")
            }
        }
        return RecordedPenaltyNotice(issueID: document.id, reference: document.reference, upn: document.upn,
                                     recipientID: document.recipientID, recipientPath: document.recipientPath,
                                     issuedOn: issuedOn, terms: terms, outcomes: outcomes)
    }

    /// The particulars as the record keeps them.
    public static func particulars(_ terms: PenaltyNoticeTerms) -> PenaltyNoticeParticulars {
        PenaltyNoticeParticulars(number: terms.number, amount: terms.amount, reducedAmount: terms.reducedAmount,
                                 receivedOn: terms.receivedOn, reducedBy: terms.reducedBy, payBy: terms.payBy,
                                 reducedByGiven: terms.reducedByGiven, payByGiven: terms.payByGiven,
                                 periodFrom: terms.periodFrom, periodTo: terms.periodTo, unauthorisedSessions: terms.unauthorisedSessions)
    }

    /// The notice of case `reference` to the recipient `person` (id or place) that an outcome is
    /// about: the one issued on `issuedOn`, or the latest.
    public static func notice(of reference: String, to person: String, issuedOn: CalendarDate?, in workspace: Workspace) throws(AttendocError) -> RecordedPenaltyNoticeEntry {
        let entries = try fromRecord { () throws(WorkspaceError) in try workspace.penaltyNotices(upn: nil, reference: reference) }
        let theirs = entries.filter { $0.document.recipientID == person || $0.document.recipientPath == person }
        let chosen = issuedOn.map { day in theirs.filter { $0.document.sentOn == day.iso } } ?? theirs
        guard let entry = chosen.last else {
            let known = entries.map { "\($0.document.recipientID) (\($0.document.recipientPath)) on \($0.document.sentOn)" }
            throw AttendocError(.usage, "\(reference): the record holds no penalty notice to \(person)\(issuedOn.map { " issued on \($0.iso)" } ?? "")\(known.isEmpty ? "" : "; it holds: " + known.joined(separator: ", "))",
                                suggestion: "see attendoc penalty-notice list \(reference)")
        }
        return entry
    }

    /// Records a payment of `amount` on `paidOn`: the reduced amount (where the notice has one) or
    /// the whole amount up to the law's last day for it, the whole amount after; refused once the
    /// payment period has ended (a notice cannot be paid then) or for any other amount.
    public static func recordPayment(of entry: RecordedPenaltyNoticeEntry, paidOn: CalendarDate, amount: Int, by person: String,
                                     in workspace: Workspace) throws(AttendocError) {
        guard let particulars = entry.particulars else {
            throw AttendocError(.usage, "\(entry.document.reference): the penalty notice to \(entry.document.recipientPath) of \(entry.document.sentOn) was recorded from the case file without its particulars (amounts, days to pay), so a payment against it cannot be checked; record what happened in the case file")
        }
        // The dates the notice stated (never earlier than the law's): the parent relied on them.
        if paidOn > particulars.payByGiven {
            throw AttendocError(.usage, "\(entry.document.reference): the payment period of the penalty notice to \(entry.document.recipientPath) ended on \(particulars.payByGiven.longForm) (\(particulars.payByGiven.iso), the date the notice stated); a penalty notice cannot be paid after it. Record it as not paid (attendoc penalty-notice record-unpaid) and decide whether to prosecute or withdraw")
        }
        var allowed = [particulars.amount]
        if let reduced = particulars.reducedAmount, let by = particulars.reducedByGiven ?? particulars.reducedBy, paidOn <= by { allowed.insert(reduced, at: 0) }
        guard allowed.contains(amount) else {
            let due = allowed.map { "£\($0)" }.joined(separator: " or ")
            throw AttendocError(.usage, "\(entry.document.reference): on \(paidOn.longForm) the penalty notice to \(entry.document.recipientPath) is paid with \(due), not £\(amount); a part payment does not discharge it")
        }
        try fromRecord { () throws(WorkspaceError) in
            try workspace.recordPenaltyNoticeOutcome(PenaltyNoticeOutcome(issueID: entry.document.id, kind: .paid, on: paidOn, amount: amount, recordedBy: person))
        }
    }

    /// Records that the notice was not paid in full by the end of its payment period; refused
    /// while it can still be paid.
    public static func recordUnpaid(_ entry: RecordedPenaltyNoticeEntry, on date: CalendarDate, by person: String, in workspace: Workspace) throws(AttendocError) {
        if let particulars = entry.particulars, date <= particulars.payByGiven {
            throw AttendocError(.usage, "\(entry.document.reference): the penalty notice to \(entry.document.recipientPath) can be paid until \(particulars.payByGiven.longForm) (\(particulars.payByGiven.iso), the date the notice stated); it can be recorded as not paid only after that")
        }
        try fromRecord { () throws(WorkspaceError) in
            try workspace.recordPenaltyNoticeOutcome(PenaltyNoticeOutcome(issueID: entry.document.id, kind: .unpaid, on: date, recordedBy: person))
        }
    }

    /// Records the notice's withdrawal, with the reason (the code of conduct's grounds: it should
    /// not have been issued, was issued to the wrong person, or has a material error).
    public static func withdraw(_ entry: RecordedPenaltyNoticeEntry, on date: CalendarDate, reason: String, by person: String, in workspace: Workspace) throws(AttendocError) {
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw AttendocError(.usage, "--reason: say why the notice is withdrawn (it should not have been issued, was issued to the wrong person, or has a material error)")
        }
        try fromRecord { () throws(WorkspaceError) in
            try workspace.recordPenaltyNoticeOutcome(PenaltyNoticeOutcome(issueID: entry.document.id, kind: .withdrawn, on: date, reason: reason, recordedBy: person))
        }
    }

    /// The decisions a consideration may record.
    public static let decisions = ["penalty_notice", "notice_to_improve", "not_appropriate", "other_route"]

    /// Records that a penalty notice was considered for the case on `date`, once the threshold
    /// was met (the day it was first met this school year, from the register).
    public static func recordConsideration(of loaded: LoadedCase, on date: CalendarDate, decision: String, reason: String, by person: String,
                                           in workspace: Workspace) throws(AttendocError) {
        guard decisions.contains(decision) else {
            throw AttendocError(.usage, "--decision: expected one of \(decisions.joined(separator: ", "))")
        }
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw AttendocError(.usage, "--reason: say why (the national framework asks that the decision be recorded with its reasons)")
        }
        guard let met = try loaded.figures(asOf: date).unauthorisedThresholdFirstMetOn else {
            throw AttendocError(.usage, "\(loaded.attendanceCase.reference): the unauthorised-absence threshold is not met by \(date.longForm), so there is no penalty notice to consider yet")
        }
        try fromRecord { () throws(WorkspaceError) in
            try workspace.recordPenaltyNoticeConsideration(PenaltyNoticeConsideration(
                reference: loaded.attendanceCase.reference, thresholdMetOn: met, consideredOn: date, decision: decision, reason: reason, recordedBy: person))
        }
    }
}
