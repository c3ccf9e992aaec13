import Foundation

/// Readable, portable file and folder names made from people's names and case references
/// (the rules are in docs/case-file.md, "Output file names").
public enum FileName {
    /// The longest name made in full; a longer one is cut and given a hash (`longHashed`).
    static let longest = 64
    /// How much of a long or lossy name is kept before its hash.
    static let kept = 40

    /// Lower-case ASCII letters and digits joined by hyphens: `Zoë D'Souza` → `zoe-dsouza`,
    /// `CAT/2026/0142` → `cat-2026-0142`. Never empty, never longer than 64 characters: a name
    /// with no ASCII letter or digit becomes `unnamed-` and a hash of the name, a longer one its
    /// first 40 characters, `-` and a hash, so different names still give different stems.
    public static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_GB"))
        var result = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if scalar == "'" || scalar == "\u{2019}" { continue }
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if pendingHyphen && !result.isEmpty { result += "-" }
                result.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        result = result.lowercased()
        if result.isEmpty { return "unnamed-\(hash(text))" }
        if result.count > longest { return "\(trimmed(result))-\(hash(text))" }
        return result
    }

    /// A case reference as a folder name: keeps its capitals so it reads as the reference does
    /// (`CAT/2026/0142` → `CAT-2026-0142`). Distinct references give distinct folders, even on a
    /// file system that ignores case: a reference made only of capitals, digits, `.` and `_`,
    /// in parts separated by single `/`, starting with a letter or digit and at most 64
    /// characters long, is kept as it is with `/` written `-`; any other (lower-case letters, a
    /// hyphen, a space, other punctuation, letters outside ASCII, too long) keeps what it can, at
    /// most 40 characters, then `--` and a hash of the whole reference (`CAT-2026-0142` →
    /// `CAT-2026-0142--` and 10 hex digits). `--` never occurs in a folder kept as it is.
    public static func caseFolder(_ reference: String) -> String {
        var result = ""
        var pendingHyphen = false
        var exact = true
        var previous: Unicode.Scalar?
        for scalar in reference.unicodeScalars {
            let upperOrDigit = ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) || scalar == "." || scalar == "_" {
                if pendingHyphen && !result.isEmpty { result += "-" }
                if !upperOrDigit && !(scalar == "." || scalar == "_") || (result.isEmpty && !upperOrDigit) { exact = false }
                result.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else {
                // A single `/` between two parts is the one separator written back exactly.
                if scalar != "/" || previous == nil || previous == "/" { exact = false }
                pendingHyphen = true
            }
            previous = scalar
        }
        if previous == "/" { exact = false }
        while result.hasPrefix(".") { result.removeFirst() }
        if exact && !result.isEmpty && result.count <= longest { return result }
        let start = result.isEmpty ? "case" : trimmed(result)
        return "\(start)--\(hash(reference))"
    }

    /// The first `kept` characters of a name, without a hyphen at either end.
    static func trimmed(_ name: String) -> String {
        var start = String(name.prefix(kept))
        while start.hasSuffix("-") || start.hasSuffix(".") { start.removeLast() }
        return start.isEmpty ? "x" : start
    }

    /// Ten hex digits of the SHA-256 of `text`, for telling apart names that read the same.
    static func hash(_ text: String) -> String {
        String(SHA256.hex(Data(text.utf8)).prefix(10))
    }
}
