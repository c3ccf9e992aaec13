import AttendocValues
import Foundation
import GRDB

/// A case taken to a panel, as the record holds it: its referral, its review dates, and the
/// figures the themes count (barriers, priority cohorts, actions by agency) as JSON.
public struct PanelCaseRecord: Sendable, Codable, Equatable {
    /// `<panel date>/<referral reference>`.
    public var id: String
    public var panelDate: String
    public var referral: String
    public var schoolURN: String?
    public var upns: [String]
    public var caseReference: String?
    public var fourWeekReview: String
    public var termlyReview: String
    public var themesJSON: String

    public init(panelDate: String, referral: String, schoolURN: String?, upns: [String], caseReference: String?,
                fourWeekReview: String, termlyReview: String, themesJSON: String) {
        self.id = "\(panelDate)/\(referral)"
        self.panelDate = panelDate
        self.referral = referral
        self.schoolURN = schoolURN
        self.upns = upns
        self.caseReference = caseReference
        self.fourWeekReview = fourWeekReview
        self.termlyReview = termlyReview
        self.themesJSON = themesJSON
    }
}

/// A review of a panel case that was held: which (`four-week`, `termly`), when, and its outcome
/// (`progressing`, `stuck`, `closed`).
public struct PanelReviewRecord: Sendable, Codable, Equatable {
    public var caseID: String
    public var kind: String
    public var reviewedOn: String
    public var outcome: String

    public init(caseID: String, kind: String, reviewedOn: String, outcome: String) {
        self.caseID = caseID
        self.kind = kind
        self.reviewedOn = reviewedOn
        self.outcome = outcome
    }
}

/// A panel document to record with its exact files: the agencies' minutes (no case) or a family's
/// copy (its case's referral).
public struct PanelDocumentToIssue: Sendable {
    public var kind: String
    public var audience: String
    public var referral: String?
    public var files: [DocumentToIssue.File]

    public init(kind: String, audience: String, referral: String?, files: [DocumentToIssue.File]) {
        self.kind = kind
        self.audience = audience
        self.referral = referral
        self.files = files
    }
}

/// A panel document the record holds.
public struct PanelDocumentRecord: Sendable, Equatable {
    public var id: String
    public var panelDate: String
    public var caseID: String?
    public var kind: String
    public var audience: String
    public var issuedOn: String
    public var issuedBy: String
    public var files: [IssuedDocument.File]
}

extension Workspace {
    /// Records a panel's minuted cases and the documents issued for them as one unit: every row
    /// with every archived file, or nothing. A case already recorded for the panel is refused.
    public func recordPanel(date panelDate: CalendarDate, cases: [PanelCaseRecord], documents: [PanelDocumentToIssue],
                            issuedOn: CalendarDate, issuedBy: String, recordedAt: Date = Date()) throws(WorkspaceError) -> [PanelDocumentRecord] {
        let stamp = Self.timestamp(recordedAt)
        let files = FileManager.default
        var placed: [URL] = []
        do {
            return try writeImmediately { db in
                for record in cases where try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM panel_case WHERE id = ?", arguments: [record.id]) ?? 0 > 0 {
                    throw WorkspaceError("the referral \(record.referral) is already recorded for the panel of \(record.panelDate); its minutes were not issued again")
                }
                for record in cases {
                    try db.execute(sql: """
                        INSERT INTO panel_case (id, panel_date, referral_reference, school_urn, upns, case_reference, four_week_review,
                            termly_review, themes_json, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [record.id, record.panelDate, record.referral, record.schoolURN, record.upns.joined(separator: ","),
                                         record.caseReference, record.fourWeekReview, record.termlyReview, record.themesJSON, stamp, issuedBy])
                }
                var records: [PanelDocumentRecord] = []
                for document in documents {
                    let id = UUID().uuidString.lowercased()
                    let recorded = try archivePending(document.files, id: id, placed: &placed)
                    let caseID = document.referral.map { "\(panelDate.iso)/\($0)" }
                    try db.execute(sql: """
                        INSERT INTO panel_document (id, panel_date, panel_case_id, kind, audience, issued_on, issued_by, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [id, panelDate.iso, caseID, document.kind, document.audience, issuedOn.iso, issuedBy, stamp])
                    for file in recorded {
                        try db.execute(sql: "INSERT INTO panel_document_file (document_id, format, archive_path, sha256, bytes) VALUES (?, ?, ?, ?, ?)",
                                       arguments: [id, file.format, file.archivePath, file.sha256, file.bytes])
                    }
                    records.append(PanelDocumentRecord(id: id, panelDate: panelDate.iso, caseID: caseID, kind: document.kind, audience: document.audience,
                                                       issuedOn: issuedOn.iso, issuedBy: issuedBy, files: recorded))
                }
                for (index, pending) in placed.enumerated() {
                    let final = location.archive.appendingPathComponent(records[index].id)
                    try files.moveItem(at: pending, to: final)
                    placed[index] = final
                }
                return records
            }
        } catch {
            for folder in placed { try? files.removeItem(at: folder) }
            if let workspace = error as? WorkspaceError { throw workspace }
            throw WorkspaceError("the panel's minutes were not recorded (\(Self.reason(error))); nothing was changed")
        }
    }

    /// Records a review of a panel case that was held.
    public func recordPanelReview(_ review: PanelReviewRecord, by person: String, recordedAt: Date = Date()) throws(WorkspaceError) {
        do {
            try writeImmediately { db in
                guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM panel_case WHERE id = ?", arguments: [review.caseID]) ?? 0 > 0 else {
                    throw WorkspaceError("there is no panel case \(review.caseID) in the workspace; record the panel's minutes first (attendoc panel minutes --issue)")
                }
                try db.execute(sql: """
                    INSERT INTO panel_review (panel_case_id, kind, reviewed_on, outcome, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [review.caseID, review.kind, review.reviewedOn, review.outcome, Self.timestamp(recordedAt), person])
            }
        } catch let error as WorkspaceError {
            throw error
        } catch {
            throw WorkspaceError("the review was not recorded (\(Self.reason(error))); nothing was changed")
        }
    }

    /// Every panel case recorded, by panel date then referral.
    public func panelCases() throws(WorkspaceError) -> [PanelCaseRecord] {
        do {
            return try read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM panel_case ORDER BY panel_date, referral_reference").map { row in
                    let upns: String = row["upns"]
                    return PanelCaseRecord(panelDate: row["panel_date"], referral: row["referral_reference"], schoolURN: row["school_urn"],
                                           upns: upns.split(separator: ",").map(String.init), caseReference: row["case_reference"],
                                           fourWeekReview: row["four_week_review"], termlyReview: row["termly_review"], themesJSON: row["themes_json"])
                }
            }
        } catch {
            throw WorkspaceError("the panel record cannot be read (\(Self.reason(error)))")
        }
    }

    /// Every review of a panel case recorded, oldest first.
    public func panelReviews() throws(WorkspaceError) -> [PanelReviewRecord] {
        do {
            return try read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM panel_review ORDER BY reviewed_on, id").map {
                    PanelReviewRecord(caseID: $0["panel_case_id"], kind: $0["kind"], reviewedOn: $0["reviewed_on"], outcome: $0["outcome"])
                }
            }
        } catch {
            throw WorkspaceError("the panel record cannot be read (\(Self.reason(error)))")
        }
    }

    /// Every panel document recorded for the panel of `date`.
    public func panelDocuments(on date: CalendarDate) throws(WorkspaceError) -> [PanelDocumentRecord] {
        do {
            return try read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM panel_document WHERE panel_date = ? ORDER BY recorded_at, kind, panel_case_id, id", arguments: [date.iso]).map { row in
                    let id: String = row["id"]
                    let files = try Row.fetchAll(db, sql: "SELECT * FROM panel_document_file WHERE document_id = ? ORDER BY format", arguments: [id]).map {
                        IssuedDocument.File(format: $0["format"], archivePath: $0["archive_path"], sha256: $0["sha256"], bytes: $0["bytes"])
                    }
                    return PanelDocumentRecord(id: id, panelDate: row["panel_date"], caseID: row["panel_case_id"], kind: row["kind"],
                                               audience: row["audience"], issuedOn: row["issued_on"], issuedBy: row["issued_by"], files: files)
                }
            }
        } catch {
            throw WorkspaceError("the panel record cannot be read (\(Self.reason(error)))")
        }
    }
}
