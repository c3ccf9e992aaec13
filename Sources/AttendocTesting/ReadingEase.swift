import Foundation

/// The Flesch reading ease of a document's own words, for tests that hold the letters to plain
/// English: 206.835 − 1.015 × (words per sentence) − 84.6 × (syllables per word). 60 to 70 is
/// plain English (about age 13 to 15); 30 to 50 is hard (about university level).
///
/// A document's own words are its subject and body as the document XML holds them: without tables
/// (figures, not sentences) and without statutory quotations (a paragraph that is only an
/// emphasised quotation, `<para><em>“…”</em></para>`, as the statutory partials print them), which
/// a letter must quote word for word. Each paragraph, list item and heading ends a sentence.
public enum ReadingEase {
    /// The Flesch reading ease of `text`.
    public static func score(_ text: String) -> Double {
        let words = self.words(in: text)
        let sentences = self.sentences(in: text)
        guard !words.isEmpty, sentences > 0 else { return 0 }
        let syllables = words.reduce(0) { $0 + self.syllables(in: $1) }
        return 206.835 - 1.015 * Double(words.count) / Double(sentences) - 84.6 * Double(syllables) / Double(words.count)
    }

    /// The words of a document's subject and body (see the type's description), as plain text.
    public static func ownWords(ofDocumentXML xml: String) -> String {
        var text = replacing(#"<table>.*?</table>"#, in: xml, with: "")
        text = replacing(#"<para><em>“.*?</em></para>"#, in: text, with: "")
        var parts: [String] = []
        for tag in ["subject", "body"] {
            parts += matches(#"<\#(tag)[^>]*>(.*?)</\#(tag)>"#, in: text)
        }
        text = parts.joined(separator: "\n")
        text = replacing(#"</(para|item|heading|subject)>"#, in: text, with: ". ")
        text = replacing(#"<[^>]+>"#, in: text, with: " ")
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    static func words(in text: String) -> [String] {
        matches(#"([A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’\-]*)"#, in: text)
    }

    /// Sentences: runs of text ending in `.`, `!` or `?` followed by a space or the end, that hold a letter.
    static func sentences(in text: String) -> Int {
        let pieces = replacing(#"[.!?]+(\s|$)"#, in: text, with: "\u{1}").split(separator: "\u{1}")
        return pieces.count { $0.contains { $0.isLetter } }
    }

    /// Syllables, by the usual rule of thumb: groups of vowels, less a silent final e or -ed/-es.
    public static func syllables(in word: String) -> Int {
        var letters = word.lowercased().folding(options: .diacriticInsensitive, locale: nil).filter { $0.isLetter && $0.isASCII }
        guard letters.count > 3 else { return 1 }
        for ending in ["es", "ed", "e"] where letters.hasSuffix(ending) && !letters.hasSuffix("le") {
            letters.removeLast(ending.count)
            break
        }
        if letters.hasPrefix("y") { letters.removeFirst() }
        var groups = 0
        var inGroup = false
        for character in letters {
            let vowel = "aeiouy".contains(character)
            if vowel && !inGroup { groups += 1 }
            inGroup = vowel
        }
        return max(1, groups)
    }

    private static func matches(_ pattern: String, in text: String) -> [String] {
        let expression = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    private static func replacing(_ pattern: String, in text: String, with replacement: String) -> String {
        let expression = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return expression.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: replacement)
    }
}
