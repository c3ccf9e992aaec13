import AttendocCaseModel

/// The letters issued, as the case form shows them: read, never typed. A letter is in the record
/// because it was issued (`attendoc issue`, the issue screen, the batch), with the copy sent
/// archived; the case file's `letters_issued` holds only letters sent before the workspace was in
/// use, and every version recorded records its entries as sent (docs/workspace.md). A form that
/// let them be typed would let anyone make the record say a letter was sent that never was, so the
/// form shows them, keeps them as written and sets none of them.
enum CaseFormLettersIssued {
    static func html(_ edit: CaseFileEdit, reference: String?) -> String {
        var out = "<section class=\"section\" id=\"letters-issued\" aria-labelledby=\"letters-issued-heading\">\n"
        out += "<h2 id=\"letters-issued-heading\">Letters and notices issued</h2>\n"
        out += "<p>Not typed here: a letter is recorded as sent when it is issued"
        if let reference {
            out += " (<a href=\"/issue?ref=\(HTML.query(reference))\">Issue a document</a>)"
        }
        out += ", with the copy sent kept in the archive; the case's screen lists them. So the record never shows a letter as sent that was not.</p>\n"
        let count = edit.count(at: "letters_issued")
        guard count > 0 else { return out + "</section>\n" }
        out += "<p>Sent before the workspace was in use, as the case file records them (each kept as it is; the record holds them without a copy):</p>\n"
        out += "<table><caption class=\"visually-hidden\">Letters the case file records as sent</caption>\n"
        out += "<thead><tr><th scope=\"col\">Letter</th><th scope=\"col\">Sent on</th><th scope=\"col\">To</th><th scope=\"col\">How</th></tr></thead>\n<tbody>\n"
        for index in 0..<count {
            let item = "letters_issued[\(index)]"
            func cell(_ key: String) -> String {
                guard edit.holdsText(at: "\(item).\(key)") else { return "" }
                return HTML.escaped((edit.value(at: "\(item).\(key)") ?? []).joined(separator: ", "))
            }
            let kind = cell("kind").replacingOccurrences(of: "_", with: " ")
            out += "<tr><td>\(kind)</td><td>\(cell("date"))</td><td>\(cell("recipient"))</td><td>\(cell("method"))</td></tr>\n"
        }
        return out + "</tbody></table>\n</section>\n"
    }
}
