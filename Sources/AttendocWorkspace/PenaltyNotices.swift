import AttendocValues
import Foundation
import GRDB

/// A penalty notice's particulars as the record keeps them beside the issued document: which
/// notice it was for the parent and child, the amounts, the day it was deemed received, the law's
/// last days to pay and the days the parent was given, the period of absence.
public struct PenaltyNoticeParticulars: Sendable, Equatable {
    public var number: Int
    public var amount: Int
    public var reducedAmount: Int?
    public var receivedOn: CalendarDate
    public var reducedBy: CalendarDate?
    public var payBy: CalendarDate
    public var reducedByGiven: CalendarDate?
    public var payByGiven: CalendarDate
    public var periodFrom: CalendarDate
    public var periodTo: CalendarDate
    public var unauthorisedSessions: Int

    public init(number: Int, amount: Int, reducedAmount: Int?, receivedOn: CalendarDate, reducedBy: CalendarDate?, payBy: CalendarDate,
                reducedByGiven: CalendarDate?, payByGiven: CalendarDate, periodFrom: CalendarDate, periodTo: CalendarDate, unauthorisedSessions: Int) {
        self.number = number
        self.amount = amount
        self.reducedAmount = reducedAmount
        self.receivedOn = receivedOn
        self.reducedBy = reducedBy
        self.payBy = payBy
        self.reducedByGiven = reducedByGiven
        self.payByGiven = payByGiven
        self.periodFrom = periodFrom
        self.periodTo = periodTo
        self.unauthorisedSessions = unauthorisedSessions
    }
}

/// What happened to a penalty notice after it was issued, as recorded.
public struct PenaltyNoticeOutcome: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case paid
        /// Not paid in full by the end of the payment period.
        case unpaid
        case withdrawn
    }

    public var issueID: String
    public var kind: Kind
    public var on: CalendarDate
    /// The amount paid (a payment only).
    public var amount: Int?
    /// Why it was withdrawn (a withdrawal only).
    public var reason: String?
    public var recordedAt: String
    public var recordedBy: String

    public init(issueID: String, kind: Kind, on: CalendarDate, amount: Int? = nil, reason: String? = nil, recordedAt: String = "", recordedBy: String) {
        self.issueID = issueID
        self.kind = kind
        self.on = on
        self.amount = amount
        self.reason = reason
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }
}

/// A penalty notice the record holds: the issued document (an `attendoc issue` of penalty-notice,
/// or a case file's `letters_issued` entry of kind penalty_notice), its particulars when recorded,
/// and its outcomes in order.
public struct RecordedPenaltyNoticeEntry: Sendable, Equatable {
    public var document: IssuedDocument
    public var particulars: PenaltyNoticeParticulars?
    public var outcomes: [PenaltyNoticeOutcome]
}

/// A recorded consideration of a penalty notice once the threshold was met (the national framework:
/// a penalty notice must be considered), with the decision and why.
public struct PenaltyNoticeConsideration: Sendable, Equatable {
    public var reference: String
    public var thresholdMetOn: CalendarDate
    public var consideredOn: CalendarDate
    /// In words from a fixed list: `penalty_notice`, `notice_to_improve`, `not_appropriate`, `other_route`.
    public var decision: String
    public var reason: String
    public var recordedAt: String
    public var recordedBy: String

    public init(reference: String, thresholdMetOn: CalendarDate, consideredOn: CalendarDate, decision: String, reason: String,
                recordedAt: String = "", recordedBy: String) {
        self.reference = reference
        self.thresholdMetOn = thresholdMetOn
        self.consideredOn = consideredOn
        self.decision = decision
        self.reason = reason
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }
}

extension Workspace {
    /// The kinds an issued penalty notice is recorded as: Attendoc's document, or a case file's entry.
    static let penaltyNoticeKinds = ["penalty-notice", "penalty_notice"]

    func insertPenaltyNotice(_ particulars: PenaltyNoticeParticulars, issueID: String, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO penalty_notice (issue_id, number, amount, reduced_amount, received_on, reduced_by, pay_by, reduced_by_given,
                pay_by_given, period_from, period_to, unauthorised_sessions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [issueID, particulars.number, particulars.amount, particulars.reducedAmount, particulars.receivedOn.iso,
                             particulars.reducedBy?.iso, particulars.payBy.iso, particulars.reducedByGiven?.iso, particulars.payByGiven.iso,
                             particulars.periodFrom.iso, particulars.periodTo.iso, particulars.unauthorisedSessions])
    }

    /// Every penalty notice the record holds for the pupil `upn` (in any case), or for the case
    /// `reference` when the pupil has no UPN: oldest first, with particulars and outcomes.
    public func penaltyNotices(upn: String?, reference: String) throws(WorkspaceError) -> [RecordedPenaltyNoticeEntry] {
        do {
            return try read { db in
                let kinds = Self.penaltyNoticeKinds.map { "'\($0)'" }.joined(separator: ", ")
                let documents = upn == nil
                    ? try Self.issued(db, whereClause: "kind IN (\(kinds)) AND reference = ?", arguments: [reference])
                    : try Self.issued(db, whereClause: "kind IN (\(kinds)) AND (upn = ? OR reference = ?)", arguments: [upn, reference])
                return try documents.map { document in
                    let row = try Row.fetchOne(db, sql: "SELECT * FROM penalty_notice WHERE issue_id = ?", arguments: [document.id])
                    let particulars = row.map { row in
                        PenaltyNoticeParticulars(
                            number: row["number"], amount: row["amount"], reducedAmount: row["reduced_amount"],
                            receivedOn: Self.day(row["received_on"]), reducedBy: (row["reduced_by"] as String?).map(Self.day),
                            payBy: Self.day(row["pay_by"]), reducedByGiven: (row["reduced_by_given"] as String?).map(Self.day),
                            payByGiven: Self.day(row["pay_by_given"]), periodFrom: Self.day(row["period_from"]),
                            periodTo: Self.day(row["period_to"]), unauthorisedSessions: row["unauthorised_sessions"])
                    }
                    let outcomes = try Row.fetchAll(db, sql: "SELECT * FROM penalty_notice_outcome WHERE issue_id = ? ORDER BY id", arguments: [document.id]).map { row in
                        PenaltyNoticeOutcome(issueID: row["issue_id"], kind: PenaltyNoticeOutcome.Kind(rawValue: row["outcome"]) ?? .unpaid,
                                             on: Self.day(row["on_day"]), amount: row["amount"], reason: row["reason"],
                                             recordedAt: row["recorded_at"], recordedBy: row["recorded_by"])
                    }
                    return RecordedPenaltyNoticeEntry(document: document, particulars: particulars, outcomes: outcomes)
                }
            }
        } catch {
            throw WorkspaceError("the record's penalty notices for \(reference) cannot be read (\(Self.reason(error)))")
        }
    }

    /// Records an outcome of the penalty notice `outcome.issueID`. Refused when the record has no
    /// such notice, or it is already paid or withdrawn (nothing follows either), or it is recorded
    /// as not paid twice.
    public func recordPenaltyNoticeOutcome(_ outcome: PenaltyNoticeOutcome, recordedAt: Date = Date()) throws(WorkspaceError) {
        do {
            try writeImmediately { db in
                let kinds = Self.penaltyNoticeKinds.map { "'\($0)'" }.joined(separator: ", ")
                guard let sentOn = try String.fetchOne(db, sql: "SELECT sent_on FROM issued_document WHERE id = ? AND kind IN (\(kinds))", arguments: [outcome.issueID]) else {
                    throw WorkspaceError("the record holds no penalty notice \(outcome.issueID); see attendoc penalty-notice list")
                }
                guard outcome.on.iso >= sentOn else {
                    throw WorkspaceError("the penalty notice \(outcome.issueID) was issued on \(sentOn), after \(outcome.on.iso); check the date")
                }
                let earlier = try String.fetchAll(db, sql: "SELECT outcome FROM penalty_notice_outcome WHERE issue_id = ?", arguments: [outcome.issueID])
                if let final = earlier.first(where: { $0 == "paid" || $0 == "withdrawn" }) {
                    throw WorkspaceError("the penalty notice \(outcome.issueID) is already recorded as \(final); nothing more can be recorded against it")
                }
                if outcome.kind == .unpaid, earlier.contains("unpaid") {
                    throw WorkspaceError("the penalty notice \(outcome.issueID) is already recorded as not paid")
                }
                if outcome.kind == .paid, earlier.contains("unpaid") {
                    throw WorkspaceError("the penalty notice \(outcome.issueID) is recorded as not paid by the end of its payment period; a penalty notice cannot be paid after that")
                }
                try db.execute(sql: """
                    INSERT INTO penalty_notice_outcome (issue_id, outcome, on_day, amount, reason, recorded_at, recorded_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [outcome.issueID, outcome.kind.rawValue, outcome.on.iso, outcome.amount, outcome.reason,
                                     Self.timestamp(recordedAt), outcome.recordedBy])
            }
        } catch let error as WorkspaceError {
            throw error
        } catch {
            throw WorkspaceError("the penalty notice's outcome was not recorded (\(Self.reason(error))); nothing was changed")
        }
    }

    /// Records that a penalty notice was considered for a case once the threshold was met.
    public func recordPenaltyNoticeConsideration(_ consideration: PenaltyNoticeConsideration, recordedAt: Date = Date()) throws(WorkspaceError) {
        do {
            try writeImmediately { db in
                guard try caseExists(consideration.reference, db) else {
                    throw WorkspaceError("the case \(consideration.reference) is not in the workspace; add it first with `attendoc case add CASE.yaml`")
                }
                try db.execute(sql: """
                    INSERT INTO penalty_notice_consideration (reference, threshold_met_on, considered_on, decision, reason, recorded_at, recorded_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [consideration.reference, consideration.thresholdMetOn.iso, consideration.consideredOn.iso,
                                     consideration.decision, consideration.reason, Self.timestamp(recordedAt), consideration.recordedBy])
            }
        } catch let error as WorkspaceError {
            throw error
        } catch {
            throw WorkspaceError("the consideration was not recorded (\(Self.reason(error))); nothing was changed")
        }
    }

    /// The considerations recorded for `reference`, oldest first.
    public func penaltyNoticeConsiderations(_ reference: String) throws(WorkspaceError) -> [PenaltyNoticeConsideration] {
        do {
            return try read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM penalty_notice_consideration WHERE reference = ? ORDER BY considered_on, id", arguments: [reference]).map { row in
                    PenaltyNoticeConsideration(reference: row["reference"], thresholdMetOn: Self.day(row["threshold_met_on"]),
                                               consideredOn: Self.day(row["considered_on"]), decision: row["decision"], reason: row["reason"],
                                               recordedAt: row["recorded_at"], recordedBy: row["recorded_by"])
                }
            }
        } catch {
            throw WorkspaceError("the record's considerations for \(reference) cannot be read (\(Self.reason(error)))")
        }
    }

    /// A day the record wrote itself (always YYYY-MM-DD).
    static func day(_ iso: String) -> CalendarDate {
        CalendarDate(iso: iso) ?? CalendarDate(daysSinceEpoch: 0)
    }
}
