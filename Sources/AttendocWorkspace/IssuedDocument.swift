import AttendocValues
import Foundation

/// How a document was given to its recipient; `file`: a record kept on the school's file, not sent
/// to anyone (a home visit record).
public enum ServiceMethod: String, Sendable, CaseIterable, Codable {
    case post
    case hand
    case email
    case file
}

/// One recipient's copy of a document as it is to be recorded: who, what, how, when, by whom,
/// the figures it quoted and the exact files sent.
public struct DocumentToIssue: Sendable {
    public struct File: Sendable {
        /// `pdf`, `html`, `txt`, `docx`.
        public var format: String
        /// The file's name in the archive, such as `zoe-dsouza.pdf`.
        public var name: String
        public var bytes: Data

        public init(format: String, name: String, bytes: Data) {
            self.format = format
            self.name = name
            self.bytes = bytes
        }
    }

    public var reference: String
    public var upn: String?
    public var kind: String
    public var recipientID: String
    public var recipientPath: String
    public var method: ServiceMethod
    public var sentOn: CalendarDate
    public var deemedServedOn: CalendarDate?
    public var issuedBy: String
    public var caseVersion: Int?
    public var templateSHA256: String?
    public var policySHA256: String?
    /// The figures the document quoted, as JSON (docs/workspace.md).
    public var figuresJSON: String?
    public var reissueReason: String?
    public var files: [File]
    /// Issues of the same kind to the same recipient sent on or after this day are a second
    /// issue inside the policy's window: refused unless there is a reissue reason.
    public var duplicateWindowStarts: CalendarDate?
    /// A penalty notice's particulars, recorded with it (docs/workspace.md); nil for other documents.
    public var penaltyNotice: PenaltyNoticeParticulars? = nil

    public init(reference: String, upn: String?, kind: String, recipientID: String, recipientPath: String,
                method: ServiceMethod, sentOn: CalendarDate, deemedServedOn: CalendarDate?, issuedBy: String,
                caseVersion: Int?, templateSHA256: String?, policySHA256: String?, figuresJSON: String?,
                reissueReason: String?, files: [File], duplicateWindowStarts: CalendarDate?) {
        self.reference = reference
        self.upn = upn
        self.kind = kind
        self.recipientID = recipientID
        self.recipientPath = recipientPath
        self.method = method
        self.sentOn = sentOn
        self.deemedServedOn = deemedServedOn
        self.issuedBy = issuedBy
        self.caseVersion = caseVersion
        self.templateSHA256 = templateSHA256
        self.policySHA256 = policySHA256
        self.figuresJSON = figuresJSON
        self.reissueReason = reissueReason
        self.files = files
        self.duplicateWindowStarts = duplicateWindowStarts
    }
}

/// A document the record says was issued.
public struct IssuedDocument: Sendable, Codable, Equatable {
    public struct File: Sendable, Codable, Equatable {
        public var format: String
        /// Relative to the workspace's archive folder.
        public var archivePath: String
        public var sha256: String
        public var bytes: Int
    }

    public var id: String
    public var reference: String
    public var upn: String?
    public var kind: String
    public var recipientID: String
    public var recipientPath: String
    public var method: String
    public var sentOn: String
    public var deemedServedOn: String?
    public var issuedBy: String
    public var recordedAt: String
    public var caseVersion: Int?
    public var templateSHA256: String?
    public var policySHA256: String?
    public var figuresJSON: String?
    public var reissueReason: String?
    /// False for an issue recorded before the workspace existed (a case file's `letters_issued`):
    /// the record has no copy of what was sent.
    public var archived: Bool
    /// `attendoc issue`, or the case-file entry it was imported from.
    public var source: String
    public var files: [File]
}
