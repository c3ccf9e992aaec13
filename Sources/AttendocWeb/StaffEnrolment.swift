import AttendocValues
import AttendocWorkspace
import Foundation
import HummingbirdBcrypt

/// `attendoc user add`: an administrator makes a staff account. The password is kept only as its
/// bcrypt hash (cost 12 unless a test asks for less).
public enum StaffEnrolment {
    /// Passwords shorter than this are refused (NCSC: length over complexity).
    public static let shortestPassword = 12

    public static func add(username: String, role: StaffRole, schoolURN: String?, password: String, to workspace: Workspace,
                           by administrator: String, at date: Date, cost: UInt8 = 12) throws(AttendocError) {
        let name = username.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 64, name.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || ".-_@".unicodeScalars.contains($0) }) else {
            throw AttendocError(.usage, "the username must be 1 to 64 letters, digits or . - _ @", suggestion: "for example: j.smith")
        }
        switch (role, schoolURN) {
        case (.schoolOffice, nil):
            throw AttendocError(.usage, "a school office account needs its school's URN", suggestion: "add --school URN (six digits)")
        case (.schoolOffice, let urn?) where urn.count != 6 || !urn.allSatisfy(\.isNumber):
            throw AttendocError(.usage, "--school \(urn): a school's URN is six digits")
        case (.schoolOffice, _): break
        case (_, _?):
            throw AttendocError(.usage, "only a school office account belongs to one school", suggestion: "leave out --school for the \(role.rawValue) role")
        case (_, nil): break
        }
        guard password.count >= shortestPassword else {
            throw AttendocError(.usage, "the password is too short: at least \(shortestPassword) characters", suggestion: "three random words make a strong password")
        }
        guard password.utf8.count <= 72 else {
            // bcrypt reads only the first 72 bytes; a longer password would be silently cut.
            throw AttendocError(.usage, "the password is too long: at most 72 bytes (bcrypt reads no more)")
        }
        let account = StaffAccount(username: name, role: role, schoolURN: schoolURN, passwordHash: Bcrypt.hash(password, cost: cost),
                                   createdAt: recordTime(date), createdBy: administrator)
        do {
            try workspace.addStaffAccount(account)
        } catch {
            throw AttendocError(.workspace, "\(error)")
        }
    }

    /// Whether `password` is the account's.
    static func verify(_ password: String, of account: StaffAccount) -> Bool {
        Bcrypt.verify(password, hash: account.passwordHash)
    }
}
