import AttendocCaseModel
import AttendocCasework
import AttendocDocuments
import AttendocValues
import AttendocWorkspace
import Foundation

/// The certificate of service for a recorded issue: who received what, how, when it was sent and
/// when it is deemed served, with the SHA-256 of the archived copy. Made from the record (the
/// workspace's row), with the case only for the letterhead and the names.
public enum CertificateOfService {
    public static let templateName = "certificate-of-service"

    /// What the certificate states about `issued`, from the record, with the case only for the
    /// names and the address (never a confidential one).
    public static func particulars(for issued: IssuedDocument, in attendanceCase: AttendanceCase) throws(AttendocError) -> ServiceParticulars {
        guard let sent = CalendarDate(iso: issued.sentOn) else {
            throw AttendocError(.document, "the record of \(issued.reference) holds a date it cannot read for the issue \(issued.id)")
        }
        let kind = DocumentKind(rawValue: issued.kind)
        let person = attendanceCase.parentsAndCarers.first { ($0.id ?? $0.casePath) == issued.recipientID || $0.casePath == issued.recipientPath }
        guard let person else {
            throw AttendocError(.document, "\(issued.reference): the recipient \(issued.recipientPath) of the \(issued.kind) sent on \(issued.sentOn) is no longer in the case file; a certificate of service needs their name")
        }
        let address: String
        if person.addressConfidential {
            address = "Address withheld (confidential)"
        } else if let postal = Recipient.recipients(in: attendanceCase, settings: .init(copiesForCarersWithoutParentalResponsibility: true))
            .first(where: { $0.person.casePath == person.casePath })?.address {
            address = (postal.lines + [postal.postcode]).joined(separator: ", ")
        } else {
            address = "No postal address recorded"
        }
        let methods = ["post": "First class post", "hand": "By hand", "email": "Email"]
        return ServiceParticulars(
            kind: issued.kind, documentTitle: kind?.title ?? issued.kind, recipientPath: person.casePath, recipientName: person.fullName,
            address: address, method: methods[issued.method] ?? issued.method, sent: sent,
            deemed: issued.deemedServedOn.flatMap(CalendarDate.init(iso:)), issuedBy: issued.issuedBy, archived: issued.archived,
            files: issued.files.map { ServiceParticulars.ArchivedFile(format: $0.format.uppercased(), sha256: $0.sha256) },
            reissueReason: issued.reissueReason)
    }

    /// The certificate's document XML (validated) for `issued`, as a `RenderableDocument` filed
    /// under `<case folder>/certificates-of-service/`.
    public static func document(for issued: IssuedDocument, in attendanceCase: AttendanceCase,
                                resources: AttendocResources) throws(AttendocError) -> RenderableDocument {
        let particulars = try particulars(for: issued, in: attendanceCase)
        let sent = particulars.sent
        let kind = DocumentKind(rawValue: issued.kind)
        let (sender, _) = LetterContext.senderAndSignatory(for: attendanceCase, sentBy: kind?.sentBy ?? .localAuthority)
        let service = particulars.values
        let values: [String: Any] = [
            "document": [
                "kind": templateName, "language": "en-GB",
                "title": "Certificate of service: \(kind?.title ?? issued.kind), \(sent.longForm)",
                "author": sender["organisation"] as? String ?? attendanceCase.localAuthority.name,
                "reference": attendanceCase.reference, "audience": "court",
            ],
            "date": LetterContext.dateValue(sent),
            "sender": sender,
            "pupil": ["fullName": attendanceCase.pupil.fullName],
            "service": service,
        ]
        let templates = try DocumentTemplates(folder: resources.templates)
        let xml = try templates.render(templateName, with: values)
        do {
            _ = try DocumentSchema(resources: resources).checkedDocument(xml, source: "templates/\(templateName).mustache")
        } catch {
            throw AttendocError(.document, "the template \(templateName).mustache made a document that Attendoc cannot use: \(error)")
        }
        // The record id keeps two issues of one day apart (a reissue, or an earlier record).
        let stem = "\(FileName.caseFolder(attendanceCase.reference))/certificates-of-service/\(issued.sentOn)-\(issued.kind)-\(FileName.slug(issued.recipientID))-\(issued.id.prefix(8))"
        return RenderableDocument(xml: xml, relativeStem: stem, date: sent)
    }
}
