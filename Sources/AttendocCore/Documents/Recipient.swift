/// One person a letter is addressed to, at the address their copy goes to.
public struct Recipient: Sendable {
    public var person: ParentOrCarer
    public var address: PostalAddress
    /// A stable, readable file name for their copy: `zoe-dsouza`.
    public var fileStem: String

    /// Everyone with parental responsibility who may be contacted, each at their own address (or the
    /// pupil's, when they live with the pupil and no other address is recorded). Separated parents
    /// both receive a copy; a parent marked do-not-contact receives none (see `skipped(in:)`).
    public static func withParentalResponsibility(in attendanceCase: AttendanceCase) -> [Recipient] {
        var stems: [String: Int] = [:]
        return attendanceCase.parentsAndCarers.compactMap { person in
            guard person.hasParentalResponsibility, !person.doNotContact else { return nil }
            // The reader guarantees one of these exists for a parent with parental responsibility.
            guard let address = person.ownAddress ?? (person.livesWithPupil ? attendanceCase.pupil.address : nil) else { return nil }
            var stem = FileName.slug("\(person.forename) \(person.surname)")
            stems[stem, default: 0] += 1
            if let count = stems[stem], count > 1 { stem += "-\(count)" }
            return Recipient(person: person, address: address, fileStem: stem)
        }
    }

    /// The parents and carers `withParentalResponsibility(in:)` leaves out, in case-file order, each
    /// with the reason.
    public static func skipped(in attendanceCase: AttendanceCase) -> [SkippedRecipient] {
        attendanceCase.parentsAndCarers.compactMap { person in
            if !person.hasParentalResponsibility {
                return SkippedRecipient(casePath: person.casePath, reason: .noParentalResponsibility)
            }
            if person.doNotContact {
                return SkippedRecipient(casePath: person.casePath, reason: .doNotContact)
            }
            return nil
        }
    }
}
