import AttendocCasework
import AttendocIssuing
import AttendocValues
import AttendocWorkspace

/// A case's readiness, as `attendoc check` gives it: for a referral (the policy's referral
/// checklist, counting the documents the record holds as sent) and for court (what a court would
/// find missing, the letters sent being the record's). Each gap with what to do.
extension AttendocSite {
    func readinessSection(_ loaded: LoadedCase, reference: String, issued: [IssuedDocument], asOf date: CalendarDate) throws -> String {
        let sentDocuments = DueList.sentDocuments(issued, case: loaded.attendanceCase, through: date)
        let forReferral: String
        switch Result(catching: { () throws(AttendocError) in try ReferralReadiness.check(loaded, asOf: date, sent: sentDocuments) }) {
        case .success(let referral):
            forReferral = readiness("For a referral", referral.gaps, purpose: "referral", date: date)
        case .failure where loaded.policy == nil:
            // A case without a policy (one that quotes its figures instead of naming a register).
            forReferral = "<h3>For a referral</h3>\n<p>Cannot be checked: the case names no policy, so no referral checklist applies. Name its policy in the case to check it.</p>"
        case .failure(let error):
            guard error.kind == .policy else { throw error }
            // A policy without a referral checklist: what a referral needs is not known (the
            // message names a file on the server, so it is not shown).
            forReferral = """
            <h3>For a referral</h3>
            <p>Cannot be checked here: the case's policy does not say what a referral needs (it has no referral checklist). \
            <code>attendoc check --for referral --policy</code> checks it against the receiving authority's policy.</p>
            """
        }
        let sentLetters = try RecordForBundle.copies(of: reference, in: workspace).compactMap(\.sentLetter)
        let court = ProsecutionReadiness.check(loaded, asOf: date, sent: sentLetters)
        return """
        <h2 id="readiness">Readiness</h2>
        \(forReferral)
        \(readiness("For court", court.gaps, purpose: "prosecution", date: date))

        """
    }

    func readiness(_ heading: String, _ gaps: [ProsecutionReadiness.Gap], purpose: String, date: CalendarDate) -> String {
        guard !gaps.isEmpty else {
            return "<h3>\(heading)</h3>\n<p>Ready for \(purpose): nothing missing as of \(HTML.escaped(date.longForm)).</p>"
        }
        let items = gaps.map { "<li>\(HTML.escaped($0.place)): \(HTML.escaped($0.problem)).<div class=\"hint\">To do: \(HTML.escaped($0.toDo))</div></li>" }
        return """
        <h3>\(heading)</h3>
        <p>Not ready for \(purpose): \(gaps.count) thing\(gaps.count == 1 ? "" : "s") missing as of \(HTML.escaped(date.longForm)).</p>
        <ul class="gaps">\(items.joined(separator: "\n"))</ul>
        """
    }
}
