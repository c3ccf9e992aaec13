import Foundation

/// Readable, portable file and folder names made from people's names and case references.
public enum FileName {
    /// Lower-case ASCII letters and digits joined by hyphens: `Zoë D'Souza` → `zoe-dsouza`,
    /// `CAT/2026/0142` → `cat-2026-0142`. Never empty.
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
        return result.isEmpty ? "unnamed" : result.lowercased()
    }

    /// A case reference as a folder name: keeps its capitals so it reads as the reference does
    /// (`CAT/2026/0142` → `CAT-2026-0142`).
    public static func caseFolder(_ reference: String) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in reference.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) || scalar == "." || scalar == "_" {
                if pendingHyphen && !result.isEmpty { result += "-" }
                result.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        while result.hasPrefix(".") { result.removeFirst() }
        return result.isEmpty ? "case" : result
    }
}
