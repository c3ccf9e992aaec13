import AttendocCaseModel
import AttendocCasework
import AttendocDocuments
import AttendocValues

/// A register certificate the case records as sent to the parents (seed 004: "Reg cert sent
/// with invite"), in section E: exhibited only as the copy the workspace archived when it was
/// issued (`attendoc issue REF --document register-certificate`), exactly as sent, never made
/// again from today's register (whose marks may have been corrected since). Without an archived
/// copy it is left out, in a draft too, and the bundle says so; section D's certificate, made to
/// the bundle's date, is the certificate the court reads for the offence. Returns the entry that
/// proves each `letters_issued` entry of the certificate.
enum RegisterCertificateSent {
    static func exhibit(_ planned: CaseHistory.PlannedDocument, archived: [(offset: Int, element: EvidenceBundle.RecordedCopy)],
                        in original: AttendanceCase, used: inout Set<Int>, leftOut: inout [CourtView.LeftOut],
                        add: (EvidenceBundle.RecordedCopy) throws(AttendocError) -> String?) throws(AttendocError) -> [(letter: String, entry: String)] {
        var proofs: [(letter: String, entry: String)] = []
        let letters = original.lettersIssued.filter { $0.date == planned.date && CaseHistory.documentKind(forIssued: $0) == .registerCertificate }
        for letter in letters {
            guard let (index, copy) = archived.first(where: { !used.contains($0.offset) && $0.element.kind == planned.kind.rawValue
                && $0.element.recipientPath == letter.recipientPath && $0.element.sentOn == letter.date }) else {
                leftOut.append(CourtView.LeftOut(place: letter.casePath,
                    why: "the workspace holds no archived copy of the register certificate sent to \(letter.recipientPath) on \(letter.date.iso), so it is not exhibited: a certificate sent is exhibited only as the copy that was sent, never made again from today's register (section D's certificate is made to the bundle's date)"))
                continue
            }
            used.insert(index)
            if let id = try add(copy) { proofs.append((letter.casePath, id)) }
        }
        return proofs
    }
}
