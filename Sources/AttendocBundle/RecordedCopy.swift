import AttendocCaseModel
import AttendocCasework
import AttendocDocuments
import AttendocValues
import Foundation

extension EvidenceBundle {
    /// One copy of a document as the casework record holds it (attendoc issue): what was sent,
    /// to whom, how and when, by whom, and the archived PDF exactly as sent. The bundle exhibits
    /// that file, never a copy made again from today's case file.
    public struct RecordedCopy: Sendable, Equatable {
        /// The document kind (`first-warning-letter`).
        public var kind: String
        /// The recipient's place in the case file (`parents[1]`).
        public var recipientPath: String
        public var sentOn: CalendarDate
        /// `post`, `hand` or `email`.
        public var method: String
        public var deemedServedOn: CalendarDate?
        public var issuedBy: String
        /// The archived PDF, checked against the record's SHA-256 when it was read; nil when the
        /// record holds the issue without an archived PDF.
        public var pdf: URL?
        public var sha256: String?

        public init(kind: String, recipientPath: String, sentOn: CalendarDate, method: String, deemedServedOn: CalendarDate?,
                    issuedBy: String, pdf: URL?, sha256: String?) {
            self.kind = kind
            self.recipientPath = recipientPath
            self.sentOn = sentOn
            self.method = method
            self.deemedServedOn = deemedServedOn
            self.issuedBy = issuedBy
            self.pdf = pdf
            self.sha256 = sha256
        }

        /// How it was sent, in the words a court reads: "by first class post on 23 November 2026,
        /// deemed served on 25 November 2026".
        public var serviceWords: String {
            let how = ["post": "by first class post", "hand": "by hand", "email": "by email", "file": "kept on the school's file"][method] ?? "by \(method)"
            let deemed = deemedServedOn.map { ", deemed served on \($0.longForm)" } ?? ""
            return "\(how) on \(sentOn.longForm)\(deemed)"
        }
    }

    /// The words printed on every page of a document included in a draft without an archived
    /// copy: it was made again from the case, and is not the document that was sent.
    public static let reconstructionMark = "RECONSTRUCTION FROM THE CASE RECORD, NOT THE DOCUMENT SENT"
}

extension EvidenceBundle.RecordedCopy {
    /// The copy as the readiness check counts a letter sent: its kind as the case file names it
    /// (a meeting invitation stands for the invitation to any meeting), nil for a kind the check
    /// does not count.
    public var sentLetter: SentLetter? {
        let kind: SentLetter.Kind
        if self.kind == DocumentKind.meetingInvitation.rawValue {
            kind = .meetingInvitation
        } else if let known = IssuedLetter.KnownKind.allCases.first(where: {
            CaseHistory.documentKind(for: $0)?.rawValue == self.kind || $0.rawValue == self.kind
        }) {
            kind = .known(known)
        } else {
            return nil
        }
        return SentLetter(kind: kind, recipientPath: recipientPath, sentOn: sentOn, deemedServedOn: deemedServedOn)
    }
}
