import AttendocWorkspace

/// The frame of every screen, after the GOV.UK design system's patterns: a skip link, a header
/// naming the service and who is signed in, one `h1` per page, a main landmark, an error summary
/// that links to each field in error. Works without JavaScript; the page has none.
struct PageLayout {
    /// A problem with one field of a form, linked from the error summary.
    struct FieldError {
        var field: String
        var message: String
    }

    var title: String
    var session: StaffSession?
    var errors: [FieldError] = []

    func render(_ body: String) -> String {
        var navigation = ""
        if let session {
            var links: [(String, String)] = []
            switch session.account.role {
            case .administrator:
                links = [("/access-log", "Access log"), ("/staff", "Staff accounts")]
            case .schoolOffice:
                links = [("/due", "Due list"), ("/pupils", "Pupils"), ("/register", "Import a register"), ("/case/new", "Add a case"), ("/batch", "Batch")]
            case .attendanceTeam:
                links = [("/due", "Due list"), ("/pupils", "Pupils"), ("/register", "Import a register"), ("/case/new", "Add a case")]
            case .panelClerk:
                links = [("/due", "Due list"), ("/panel", "The panel"), ("/panel/reviews", "Reviews due")]
            }
            navigation = """
            <nav aria-label="Menu"><ul class="nav">\(links.map { "<li><a href=\"\($0.0)\">\(HTML.escaped($0.1))</a></li>" }.joined())</ul></nav>
            <form method="post" action="/logout" class="signout"><input type="hidden" name="csrf" value="\(HTML.escaped(session.csrfToken))">\
            <span>Signed in as \(HTML.escaped(session.account.username)) (\(HTML.escaped(Self.roleName(session.account.role))))</span> \
            <button type="submit" class="button secondary">Sign out</button></form>
            """
        }
        let title = (errors.isEmpty ? "" : "Error: ") + self.title
        return """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escaped(title)) – Attendoc</title>
        <link rel="stylesheet" href="/style.css">
        </head>
        <body>
        <a href="#main" class="skip-link">Skip to main content</a>
        <header class="header"><div class="width"><a href="/" class="service">Attendoc</a>\(navigation)</div></header>
        <main id="main" class="width" tabindex="-1">
        \(errorSummary)\(body)
        </main>
        </body>
        </html>
        """
    }

    private var errorSummary: String {
        guard !errors.isEmpty else { return "" }
        return """
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
        <h2 id="error-summary-title">There is a problem</h2>
        <ul>\(errors.map { "<li><a href=\"#\(HTML.escaped($0.field))\">\(HTML.escaped($0.message))</a></li>" }.joined())</ul>
        </div>

        """
    }

    static func roleName(_ role: StaffRole) -> String {
        switch role {
        case .schoolOffice: "school office"
        case .attendanceTeam: "attendance team"
        case .panelClerk: "panel clerk"
        case .administrator: "administrator"
        }
    }

    /// The screens' style: GOV.UK's colours (text #0b0c0c on white, links #1d70b8, focus #ffdd00,
    /// errors #d4351c), all above WCAG AA contrast; a visible focus for keyboard users.
    static let styleSheet = """
    body { margin: 0; font-family: Arial, Helvetica, sans-serif; font-size: 19px; line-height: 1.32; color: #0b0c0c; background: #fff; }
    .width { max-width: 960px; margin: 0 auto; padding: 0 15px; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    .skip-link { position: absolute; left: -9999px; }
    .skip-link:focus { left: 0; background: #ffdd00; color: #0b0c0c; padding: 10px; }
    .header { background: #0b0c0c; color: #fff; padding: 10px 0; border-bottom: 10px solid #1d70b8; }
    .header .width { display: flex; flex-wrap: wrap; align-items: center; gap: 10px 20px; }
    .header a, .header span { color: #fff; }
    .service { font-weight: bold; font-size: 24px; text-decoration: none; }
    .nav { display: inline; list-style: none; padding: 0; margin: 0; }
    .nav li { display: inline; margin-right: 15px; }
    .signout { margin-left: auto; display: flex; align-items: center; gap: 10px; }
    .date { white-space: nowrap; }
    a { color: #1d70b8; }
    a:focus, button:focus, input:focus, select:focus { outline: 3px solid #ffdd00; outline-offset: 0; background-color: #ffdd00; color: #0b0c0c; box-shadow: 0 -2px #ffdd00, 0 4px #0b0c0c; }
    h1 { font-size: 36px; margin: 30px 0 20px; }
    h2 { font-size: 27px; margin: 30px 0 15px; }
    h3 { font-size: 24px; margin: 20px 0 10px; }
    .gaps li { margin-bottom: 10px; }
    table { border-collapse: collapse; width: 100%; margin-bottom: 20px; }
    th, td { text-align: left; padding: 10px 20px 10px 0; border-bottom: 1px solid #b1b4b6; vertical-align: top; }
    label { display: block; font-weight: bold; margin-bottom: 5px; }
    .hint { color: #505a5f; margin-bottom: 10px; }
    input[type=text], input[type=password] { font-size: 19px; padding: 5px; border: 2px solid #0b0c0c; width: 100%; max-width: 20em; }
    input[type=file] { font-size: 19px; }
    .form-group { margin-bottom: 30px; }
    .form-group.error { border-left: 5px solid #d4351c; padding-left: 15px; }
    .error-message { color: #d4351c; font-weight: bold; display: block; margin-bottom: 10px; }
    .error-summary { border: 5px solid #d4351c; padding: 20px; margin: 30px 0; }
    .error-summary h2 { margin-top: 0; }
    .error-summary a { color: #d4351c; font-weight: bold; }
    .button { font-size: 19px; background: #00703c; color: #fff; border: 0; padding: 8px 10px; box-shadow: 0 2px 0 #002d18; cursor: pointer; }
    .button.secondary { background: #f3f2f1; color: #0b0c0c; box-shadow: 0 2px 0 #929191; }
    .overdue { color: #d4351c; font-weight: bold; }
    .panel { background: #f3f2f1; padding: 15px 20px; margin-bottom: 20px; }
    textarea, select { font-size: 19px; padding: 5px; border: 2px solid #0b0c0c; width: 100%; max-width: 30em; }
    textarea:focus { outline: 3px solid #ffdd00; box-shadow: inset 0 0 0 2px #0b0c0c; }
    input[readonly] { background: #f3f2f1; }
    fieldset { border: 0; padding: 0; margin: 0 0 20px; }
    fieldset.item { border-left: 5px solid #b1b4b6; padding-left: 15px; }
    legend h2, legend h3 { margin-bottom: 10px; }
    legend.label { font-weight: bold; margin-bottom: 5px; }
    label.inline { display: inline; font-weight: normal; }
    .checkbox { margin-bottom: 5px; }
    .filters { display: flex; flex-wrap: wrap; gap: 0 20px; align-items: flex-end; background: #f3f2f1; padding: 15px; margin-bottom: 20px; }
    .filters .form-group { margin-bottom: 15px; }
    .filters select { width: auto; }
    table.pupils { font-size: 16px; }
    table.pupils th, table.pupils td { padding-right: 8px; }
    table.pupils th:last-child, table.pupils td:last-child { padding-right: 0; }
    input[type=checkbox] { width: 24px; height: 24px; vertical-align: middle; }
    legend { font-weight: bold; margin-bottom: 5px; }
    .choice { display: flex; align-items: center; gap: 10px; margin-bottom: 10px; }
    .choice input { width: 24px; height: 24px; margin: 0; }
    .choice label { font-weight: normal; margin: 0; }
    .change { margin-left: 20px; }
    iframe.preview { width: 100%; height: 900px; border: 2px solid #0b0c0c; background: #fff; }
    """
}
