import AttendocValues

/// What a certificate of service states about one recorded issue: the document, who it was
/// served on and at what address (a confidential one never: "Address withheld (confidential)"),
/// how and when it was sent, when it is deemed served, who sent it, and the SHA-256 of each
/// archived file. Made from the workspace's record by `CertificateOfService` (AttendocIssuing);
/// the certificate itself and the single justice procedure pack's court copy both print it with
/// `partials/certificate-of-service-body`.
public struct ServiceParticulars: Sendable, Equatable {
    public struct ArchivedFile: Sendable, Equatable {
        public var format: String
        public var sha256: String
        public init(format: String, sha256: String) {
            self.format = format
            self.sha256 = sha256
        }
    }

    /// The kind recorded (`single-justice-procedure-notice`) and its title in words.
    public var kind: String
    public var documentTitle: String
    /// The recipient's place in the case file (`parents[0]`) and name.
    public var recipientPath: String
    public var recipientName: String
    public var address: String
    public var method: String
    public var sent: CalendarDate
    public var deemed: CalendarDate?
    public var issuedBy: String
    public var archived: Bool
    public var files: [ArchivedFile]
    public var reissueReason: String?

    public init(kind: String, documentTitle: String, recipientPath: String, recipientName: String, address: String, method: String,
                sent: CalendarDate, deemed: CalendarDate?, issuedBy: String, archived: Bool, files: [ArchivedFile], reissueReason: String?) {
        self.kind = kind
        self.documentTitle = documentTitle
        self.recipientPath = recipientPath
        self.recipientName = recipientName
        self.address = address
        self.method = method
        self.sent = sent
        self.deemed = deemed
        self.issuedBy = issuedBy
        self.archived = archived
        self.files = files
        self.reissueReason = reissueReason
    }

    /// As the templates read it (`{{service.recipientName}}`, `{{service.deemed.long}}` ...).
    public var values: [String: Any] {
        var service: [String: Any] = [
            "documentTitle": documentTitle,
            "recipientName": recipientName,
            "address": address,
            "method": method,
            "sent": LetterContext.dateValue(sent),
            "issuedBy": issuedBy,
            "archived": archived,
            "files": files.map { ["format": $0.format, "sha256": $0.sha256] },
        ]
        if let deemed { service["deemed"] = LetterContext.dateValue(deemed) }
        if let reissueReason { service["reissueReason"] = reissueReason }
        return service
    }
}
