import AttendocCaseModel
import AttendocPolicy
import AttendocValues

/// One person a letter is addressed to, at the address their copy goes to.
public struct Recipient: Sendable {
    public var person: ParentOrCarer
    public var address: PostalAddress
    /// A stable, readable file name for their copy: `zoe-dsouza`.
    public var fileStem: String
    /// Whether the address their copy goes to is confidential (their own, marked
    /// `address_confidential`, or the pupil's when a parent with a confidential address lives
    /// there): no copy for anyone else may carry it.
    public var addressIsConfidential = false

    /// Every parent under section 576 Education Act 1996 (a natural parent, or someone with
    /// parental responsibility or care of the child), each at their own address (or the pupil's,
    /// when they live with the pupil and no other address is recorded). Separated parents both
    /// receive a copy. Nobody marked do-not-contact (the recorded safeguarding or other reason).
    public static func parents(in attendanceCase: AttendanceCase) -> [Recipient] {
        recipients(in: attendanceCase, settings: LetterSettings())
    }

    /// Who receives a copy under `settings`: every parent under section 576, and, where the
    /// policy says so, other carers who have an address to send one to. Nobody marked
    /// do-not-contact.
    public static func recipients(in attendanceCase: AttendanceCase, settings: LetterSettings) -> [Recipient] {
        var stems: [String: Int] = [:]
        return attendanceCase.parentsAndCarers.compactMap { person in
            guard reasonForNoCopy(person, settings: settings) == nil, let address = address(of: person, in: attendanceCase) else { return nil }
            var stem = FileName.slug("\(person.forename) \(person.surname)")
            stems[stem, default: 0] += 1
            if let count = stems[stem], count > 1 { stem += "-\(count)" }
            var recipient = Recipient(person: person, address: address, fileStem: stem)
            recipient.addressIsConfidential = person.ownAddress == address
                ? person.addressConfidential
                : attendanceCase.isPupilAddressConfidential
            return recipient
        }
    }

    /// The parents and carers `recipients(in:settings:)` leaves out, in case-file order, each
    /// with the reason.
    public static func skipped(in attendanceCase: AttendanceCase, settings: LetterSettings = LetterSettings()) -> [SkippedRecipient] {
        attendanceCase.parentsAndCarers.compactMap { person in
            if let reason = reasonForNoCopy(person, settings: settings) {
                return SkippedRecipient(casePath: person.casePath, reason: reason)
            }
            return address(of: person, in: attendanceCase) == nil ? SkippedRecipient(casePath: person.casePath, reason: .noAddress) : nil
        }
    }

    static func reasonForNoCopy(_ person: ParentOrCarer, settings: LetterSettings) -> SkippedRecipient.Reason? {
        if person.doNotContact { return .doNotContact }
        if !person.isParent && !settings.copiesForCarersWithoutParentalResponsibility { return .notAParent }
        return nil
    }

    /// Their own address, or the pupil's when they live with the pupil. (The case file reader
    /// requires one for every contactable parent.)
    static func address(of person: ParentOrCarer, in attendanceCase: AttendanceCase) -> PostalAddress? {
        person.ownAddress ?? (person.livesWithPupil ? attendanceCase.pupil.address : nil)
    }
}
