import AttendocWorkspace

/// What can be done from a case's screen, by role: issue a document (the school office and the
/// attendance team), the evidence bundle (the attendance team).
extension AttendocSite {
    func caseActions(_ session: StaffSession, reference: String) -> String {
        var links: [String] = []
        if Self.issuingRoles.contains(session.account.role) {
            links.append("<a href=\"/issue?ref=\(HTML.query(reference))\">Issue a document</a>")
        }
        if Self.bundleRoles.contains(session.account.role) {
            links.append("<a href=\"/bundle?ref=\(HTML.query(reference))\">Evidence bundle for court</a>")
        }
        guard !links.isEmpty else { return "" }
        return "<ul class=\"nav actions\">\(links.map { "<li>\($0)</li>" }.joined())</ul>"
    }
}
