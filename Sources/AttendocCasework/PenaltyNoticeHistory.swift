import AttendocCaseModel
import AttendocPolicy
import AttendocValues

/// A penalty notice the record shows was issued to a parent, with what has happened to it since:
/// paid, not paid by the end of the payment period, or withdrawn. From the workspace's record
/// (`attendoc issue`, `attendoc penalty-notice`), or for a notice sent before the workspace, a case
/// file's `letters_issued` entry of kind `penalty_notice` (then only who and when are known).
public struct RecordedPenaltyNotice: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        case paid(on: CalendarDate, amount: Int)
        case unpaid(recordedOn: CalendarDate)
        case withdrawn(on: CalendarDate, reason: String)
    }

    /// The record's id of the issued notice; nil for a case file's `letters_issued` entry.
    public var issueID: String?
    public var reference: String
    public var upn: String?
    /// The parent's id in the case file (or their place, `parents[1]`, when they have none).
    public var recipientID: String
    public var recipientPath: String
    public var issuedOn: CalendarDate
    /// The particulars it was issued with; nil for a notice recorded without them.
    public var terms: PenaltyNoticeTerms?
    /// What the record shows since, in order.
    public var outcomes: [Outcome] = []

    public init(issueID: String?, reference: String, upn: String?, recipientID: String, recipientPath: String,
                issuedOn: CalendarDate, terms: PenaltyNoticeTerms?, outcomes: [Outcome] = []) {
        self.issueID = issueID
        self.reference = reference
        self.upn = upn
        self.recipientID = recipientID
        self.recipientPath = recipientPath
        self.issuedOn = issuedOn
        self.terms = terms
        self.outcomes = outcomes
    }

    public var isWithdrawn: Bool { outcomes.contains { if case .withdrawn = $0 { true } else { false } } }
    public var paidOn: CalendarDate? {
        for outcome in outcomes { if case .paid(let on, _) = outcome { return on } }
        return nil
    }

    /// The outcome in words, for lists and errors (never a name).
    public var status: String {
        switch outcomes.last {
        case .paid(let on, let amount): "paid £\(amount) on \(on.iso)"
        case .unpaid(let on): "recorded as not paid on \(on.iso)"
        case .withdrawn(let on, _): "withdrawn on \(on.iso)"
        case nil: terms == nil ? "issued (recorded without its particulars)" : "issued, no payment recorded"
        }
    }
}

/// Every penalty notice the record shows for a case's pupil, with their outcomes: what the third-
/// notice limit, the notice to improve and the prosecution checks read.
public struct PenaltyNoticeHistory: Sendable, Equatable {
    public var notices: [RecordedPenaltyNotice]

    public init(notices: [RecordedPenaltyNotice]) {
        self.notices = notices.sorted { ($0.issuedOn, $0.recipientPath) < ($1.issuedOn, $1.recipientPath) }
    }

    /// The penalty notices a case file's `letters_issued` lists (before the workspace existed).
    public static func listed(in attendanceCase: AttendanceCase) -> PenaltyNoticeHistory {
        PenaltyNoticeHistory(notices: attendanceCase.lettersIssued.compactMap { (letter: IssuedLetter) -> RecordedPenaltyNotice? in
            guard letter.kind == .known(.penaltyNotice) else { return nil }
            return RecordedPenaltyNotice(issueID: nil, reference: attendanceCase.reference, upn: attendanceCase.pupil.upn?.text,
                                         recipientID: letter.recipientID, recipientPath: letter.recipientPath, issuedOn: letter.date, terms: nil)
        })
    }

    /// The notices to one parent for one child (the child by UPN, or the case when it has none),
    /// not withdrawn, issued in the rolling period ending with `date`: what the limit counts.
    /// Withdrawn notices do not count; unpaid ones do (the national framework).
    public func counted(parent recipientID: String, upn: String?, reference: String, endingWith date: CalendarDate,
                        rules: PenaltyNoticeRules) -> [RecordedPenaltyNotice] {
        let since = rules.countingFrom(endingWith: date)
        return notices.filter { notice in
            notice.recipientID == recipientID && (upn.map { notice.upn == $0 } ?? (notice.reference == reference))
                && !notice.isWithdrawn && notice.issuedOn >= since && notice.issuedOn <= date
        }
    }

    /// Paid notices whose period overlaps `from`...`to`: payment discharges liability for the
    /// offence in that period (section 444A), so no prosecution may be brought for it.
    public func paid(overlapping from: CalendarDate, _ to: CalendarDate) -> [RecordedPenaltyNotice] {
        notices.filter { notice in
            guard notice.paidOn != nil, !notice.isWithdrawn, let terms = notice.terms else { return false }
            return terms.periodFrom <= to && from <= terms.periodTo
        }
    }

    /// Notices not withdrawn, paid or recorded unpaid whose payment period has not ended by `date`
    /// and whose period overlaps `from`...`to`: proceedings for it must wait.
    public func stillPayable(overlapping from: CalendarDate, _ to: CalendarDate, on date: CalendarDate) -> [RecordedPenaltyNotice] {
        notices.filter { notice in
            guard notice.outcomes.isEmpty, let terms = notice.terms else { return false }
            return terms.periodFrom <= to && from <= terms.periodTo && date <= terms.payByGiven
        }
    }
}
