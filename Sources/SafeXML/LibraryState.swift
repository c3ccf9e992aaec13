import CLibXSLT

/// What libxml2, libxslt and libexslt need once per process, before any thread uses them.
enum LibraryState {
    /// The security preferences every transform runs under: no file writes, no directories,
    /// no network in either direction. Reading local files stays allowed because it also governs
    /// `xsl:import` of the project's own stylesheets.
    nonisolated(unsafe) static let securityPreferences: xsltSecurityPrefsPtr = {
        xmlInitParser()
        exsltRegisterAll()
        guard let preferences = xsltNewSecurityPrefs() else {
            fatalError("libxslt could not allocate security preferences (out of memory)")
        }
        xsltSetSecurityPrefs(preferences, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid)
        xsltSetSecurityPrefs(preferences, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid)
        xsltSetSecurityPrefs(preferences, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid)
        xsltSetSecurityPrefs(preferences, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid)
        xsltSetDefaultSecurityPrefs(preferences)
        return preferences
    }()

    /// Makes sure the libraries are initialised. Cheap after the first call.
    static func ensureReady() {
        _ = securityPreferences
    }
}
