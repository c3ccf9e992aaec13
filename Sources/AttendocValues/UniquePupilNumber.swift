import Foundation

/// A pupil's Unique Pupil Number (UPN): 13 characters, a check letter and then 12 characters.
///
/// The 12 characters are the issuing local authority's number (3 digits), the school's establishment
/// number (4 digits), the last two digits of the year of issue and a 3-digit serial; a temporary UPN
/// ends in a letter instead of its last digit. The check letter is the DfE's modulus 23 rule (UK
/// Government Data Standards Catalogue, "Unique Pupil Number" v2.0; the school census's validation
/// 1510 describes the same steps): multiply the character in position 2 by 2, position 3 by 3, ...,
/// position 13 by 13 (a final letter counts as its value in the table below), add them up, and take the
/// remainder after dividing by 23. 0 to 22 are the letters A to Z without I, O and S.
///
/// Worked example: B801200005001 is 8×2 + 0×3 + 1×4 + 2×5 + 0×6 + 0×7 + 0×8 + 0×9 + 5×10 + 0×11
/// + 0×12 + 1×13 = 16 + 4 + 10 + 50 + 13 = 93; 93 = 4 × 23 + 1, and 1 is B.
public struct UniquePupilNumber: Hashable, Sendable, CustomStringConvertible {
    /// The 13 characters, in capitals.
    public let text: String

    /// The letters a check letter (and a temporary UPN's last character) can be, by value 0 to 22.
    public static let letters = Array("ABCDEFGHJKLMNPQRTUVWXYZ")

    /// A valid UPN, or nil. Lower-case letters are read as capitals; surrounding spaces are ignored.
    public init?(_ text: String) {
        guard Self.problem(with: text) == nil else { return nil }
        self.text = text.trimmingCharacters(in: .whitespaces).uppercased()
    }

    public var description: String { text }

    /// What is wrong with `text` as a UPN, in words that do not repeat it; nil when it is valid.
    public static func problem(with text: String) -> String? {
        if let problem = shapeProblem(with: text) { return problem }
        guard hasMatchingCheckLetter(text) else {
            return "the check letter does not match the 12 characters after it; a character is probably mistyped"
        }
        return nil
    }

    /// What is wrong with `text` as a UPN apart from its check letter: its length and which
    /// characters are letters and digits. Lower-case letters are read as capitals.
    public static func shapeProblem(with text: String) -> String? {
        let characters = Array(text.trimmingCharacters(in: .whitespaces).uppercased())
        guard characters.count == 13 else {
            return "a UPN has 13 characters (a check letter, then 12 digits); this one has \(characters.count)"
        }
        guard letters.contains(characters[0]) else {
            return "a UPN starts with its check letter (A to Z, but not I, O or S)"
        }
        for position in 2...12 where !(characters[position - 1].isASCII && characters[position - 1].isNumber) {
            return "character \(position) of a UPN must be a digit (a UPN is a check letter, then 12 digits; a temporary one ends in a letter)"
        }
        let last = characters[12]
        guard (last.isASCII && last.isNumber) || letters.contains(last) else {
            return "the last character of a UPN must be a digit, or for a temporary UPN a letter (A to Z, but not I, O or S)"
        }
        return nil
    }

    /// Whether the check letter of `text`, a UPN of the right shape, matches the rest.
    public static func hasMatchingCheckLetter(_ text: String) -> Bool {
        let characters = Array(text.trimmingCharacters(in: .whitespaces).uppercased())
        return characters.count == 13 && checkLetter(for: characters[1...]) == characters[0]
    }

    /// Whether `text` differs from `other` by one character, or by two neighbouring characters
    /// swapped: the typing mistakes the check letter is there to catch.
    public static func isOneTypoAway(_ text: String, from other: String) -> Bool {
        let a = Array(text), b = Array(other)
        guard a.count == b.count, a != b else { return false }
        let differing = a.indices.filter { a[$0] != b[$0] }
        if differing.count == 1 { return true }
        return differing.count == 2 && differing[1] == differing[0] + 1
            && a[differing[0]] == b[differing[1]] && a[differing[1]] == b[differing[0]]
    }

    /// The check letter for the 12 characters after it (positions 2 to 13).
    static func checkLetter(for body: ArraySlice<Character>) -> Character {
        var sum = 0
        for (offset, character) in body.enumerated() {
            let value = character.wholeNumberValue ?? letters.firstIndex(of: character) ?? 0
            sum += value * (offset + 2)
        }
        return letters[sum % 23]
    }
}
