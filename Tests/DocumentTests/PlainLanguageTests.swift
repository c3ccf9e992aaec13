import AttendocCasework
import AttendocDocuments
import AttendocTesting
import Foundation
import Testing

/// Letters a parent can read: every parent-facing kind's own words (statutory quotations and
/// tables left out) score 60 or more on the Flesch reading ease, and each term of art a letter
/// uses is explained in it.
@Suite("Plain language in every parent-facing document")
struct PlainLanguageTests {
    /// The kinds a parent reads, each for the example GoldenDocumentTests pins. Not the register
    /// certificate (a statutory certificate for the court, s566), nor a document with one copy for an
    /// agency or the school's file (the enquiry to the GP, the home visit record, the referral to the
    /// local authority, the requests to other services).
    static let parentFacing = GoldenDocumentTests.cases.filter {
        $0.kind != .registerCertificate && $0.kind.singleCopyAddressee == nil
    }

    static func documentXML(_ entry: (kind: DocumentKind, example: String, date: String, meeting: String?, copy: String)) throws -> String {
        let example = GoldenDocumentTests.examples.appendingPathComponent(entry.example)
        let loaded = try GoldenDocumentTests.adjusted(try LoadedCase.load(example, resources: resources), for: entry.kind, example: example)
        let letters = try LetterRun(resources: resources).letters(entry.kind, for: loaded, dated: date(entry.date), options: LetterOptions(meeting: entry.meeting))
        let letter = try #require(entry.copy.isEmpty ? letters.first : letters.first { $0.fileStem == entry.copy })
        return String(decoding: letter.xml, as: UTF8.self)
    }

    @Test func theReadingEaseCounterReadsKnownText() {
        // 6 words, 1 sentence, 6 syllables: 206.835 - 1.015 × 6 - 84.6 × 1 = 116.145.
        #expect(abs(ReadingEase.score("The cat sat on the mat.") - 116.145) < 0.001)
        // The old first warning's duty sentence reads as hard, university-level English.
        let hard = "When a child of compulsory school age who is registered at a school does not attend regularly, the parent may be guilty of an offence under section 444 of the Education Act 1996."
        #expect(ReadingEase.score(hard) < 50)
        #expect(ReadingEase.syllables(in: "attendance") == 3)
        #expect(ReadingEase.syllables(in: "sessions") == 2)
    }

    @Test func statutoryQuotationsAndTablesAreLeftOut() {
        let xml = "<subject>A letter</subject><body><para>Plain words here.</para><para><em>“The statutory words.”</em></para><table><row><cell>Possible sessions</cell></row></table></body>"
        let own = ReadingEase.ownWords(ofDocumentXML: xml)
        #expect(own.contains("Plain words here."))
        #expect(!own.contains("statutory"))
        #expect(!own.contains("Possible"))
    }

    @Test(arguments: parentFacing.indices)
    func everyParentFacingDocumentReadsAt60OrMore(_ index: Int) throws {
        let entry = Self.parentFacing[index]
        let score = ReadingEase.score(ReadingEase.ownWords(ofDocumentXML: try Self.documentXML(entry)))
        #expect(score >= 60, "\(entry.kind.rawValue): Flesch reading ease \(String(format: "%.1f", score)), below 60")
    }

    @Test(arguments: parentFacing.indices)
    func everyParentFacingDocumentOffersOtherFormatsWithAContact(_ index: Int) throws {
        let entry = Self.parentFacing[index]
        let text = ReadingEase.ownWords(ofDocumentXML: try Self.documentXML(entry)).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("You can ask for a copy in another language, in large print, in easy read, in braille or as audio."), "\(entry.kind.rawValue)")
        #expect(text.range(of: #"as audio\. (Phone [0-9 ]+\.)?( Email \S+@\S+\.)?"#, options: .regularExpression).map { text[$0].count > "as audio.".count } == true,
                "\(entry.kind.rawValue): a phone number or email to ask")
    }

    /// Each term of art a document uses, and the words that explain it there.
    static let terms: [(term: String, explained: String)] = [
        ("session", "Each school day has two sessions, morning and afternoon"),
        ("possible sessions", "The “possible sessions” are all the sessions when"),
        ("PACE", "Police and Criminal Evidence Act 1984"),
        ("Early Help", "Early Help (the council’s support for families)"),
    ]

    /// The partials' text (statutory and bundle partials left out), where a kind's words also come from.
    func partialsText() throws -> String {
        let folder = resources.templates.appendingPathComponent("partials")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }.sorted()
            .map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
    }

    @Test(arguments: parentFacing.indices)
    func everyTermOfArtIsExplainedWhereItIsUsed(_ index: Int) throws {
        let entry = Self.parentFacing[index]
        // The whole text, tables included: a table's "Possible sessions" needs explaining too.
        let text = ReadingEase.ownWords(ofDocumentXML: try Self.documentXML(entry).replacingOccurrences(of: "<table>", with: "<tabular>").replacingOccurrences(of: "</table>", with: "</tabular>"))
            .replacingOccurrences(of: "\n", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        // A term in the template's own words (not only in what the case file says, such as a
        // supportive measure's name) is the template's to explain.
        let template = try String(contentsOf: resources.templates.appendingPathComponent("\(entry.kind.rawValue).mustache"), encoding: .utf8)
            + (try partialsText())
        let templateWords = template.replacingOccurrences(of: #"(?s)\{\{!.*?\}\}"#, with: "", options: .regularExpression)
        for (term, explained) in Self.terms where text.contains(term) && (term != "Early Help" || templateWords.contains(term)) {
            #expect(text.contains(explained), "\(entry.kind.rawValue) uses “\(term)” without explaining it (“\(explained)…”)")
        }
    }
}
