import AttendocCaseModel
import AttendocValues
import AttendocYAML
import Foundation

/// Reads a referral file (docs/panel.md) strictly: an unknown key, a value of the wrong shape or a
/// date that is not a date is an error naming the file, line and field; a field the panel needs but
/// the file leaves out is read as absent, for the intake to refuse with what is missing.
public enum PanelReferralReader {
    public static func read(contentsOf url: URL) throws(AttendocError) -> PanelReferral {
        do {
            return try read(try YAMLDocument.fields(of: url), file: url.path)
        } catch {
            throw AttendocError(error, kind: .caseFile)
        }
    }

    /// The referral in `url`, named `name` in its messages and in the intake (the file as the
    /// clerk gave it, or its place among a panel's papers), never by another path.
    public static func read(contentsOf url: URL, named name: String) throws(AttendocError) -> PanelReferral {
        do throws(AttendocError) {
            var referral = try read(contentsOf: url)
            referral.file = name
            return referral
        } catch {
            throw error.naming(url.path, as: name)
        }
    }

    static func read(_ top: YAMLFields, file: String) throws(CaseFileError) -> PanelReferral {
        let referrer = try top.optionalFields("referrer").map { (fields) throws(CaseFileError) in
            let result = PanelReferral.Referrer(name: try fields.optionalString("name"), role: try fields.optionalString("role"),
                                                email: try fields.optionalString("email"), phone: try fields.optionalString("phone"))
            try fields.finish()
            return result
        } ?? PanelReferral.Referrer()
        let school = try top.optionalFields("school").map(setting) ?? PanelReferral.Setting()
        var children: [PanelReferral.Child] = []
        var seen: [UniquePupilNumber: String] = [:]
        for (node, path) in try top.list("children", required: false) {
            let fields = try YAMLFields(node, file: file, path: path)
            let child = try self.child(fields)
            if let upn = child.upn {
                if let earlier = seen[upn] {
                    throw fields.error("upn", "is the same UPN as \(earlier).upn; list each child once")
                }
                seen[upn] = path
            }
            children.append(child)
        }
        let involvement = try top.optionalFields("multi_agency_involvement").map { (fields) throws(CaseFileError) in
            let result = PanelReferral.Involvement(state: try fields.optionalFixedValue("state"), agencies: try fields.strings("agencies", required: false))
            try fields.finish()
            return result
        }
        let legal = try top.optionalFields("legal_intervention").map { (fields) throws(CaseFileError) in
            let result = PanelReferral.LegalIntervention(judged: try fields.optionalFixedValue("judged"), details: try fields.optionalString("details"))
            try fields.finish()
            return result
        }
        let consent = try top.optionalFields("consent").map { (fields) throws(CaseFileError) in
            let result = PanelReferral.Consent(signed: try fields.optionalBool("signed"), signedOn: try fields.optionalDate("signed_on"),
                                               signedBy: try fields.optionalString("signed_by"))
            try fields.finish()
            return result
        }
        let result = PanelReferral(
            reference: try top.string("reference"), receivedOn: try top.date("received_on"), referrer: referrer,
            school: school, children: children, reason: try top.optionalString("reason"),
            barriers: try top.strings("barriers", required: false), involvement: involvement,
            tried: try top.strings("tried", required: false), legalIntervention: legal, consent: consent,
            caseReference: try top.optionalString("case"), file: file)
        guard result.reference.range(of: "^[A-Za-z0-9/_.-]{1,40}$", options: .regularExpression) != nil else {
            throw top.error("reference", "expected letters, digits and / _ . - only (up to 40), found \(YAMLFields.shape(of: result.reference))")
        }
        try top.finish()
        return result
    }

    private static func setting(_ fields: YAMLFields) throws(CaseFileError) -> PanelReferral.Setting {
        var result = PanelReferral.Setting(name: try fields.optionalString("name"), urn: try fields.optionalDigits("urn", count: 6))
        if let address = try fields.optionalFields("address") {
            let lines = try address.strings("lines")
            if lines.isEmpty { throw address.error("lines", "must have at least one line") }
            result.address = PostalAddress(lines: lines, postcode: try address.string("postcode"))
            try address.finish()
        }
        try fields.finish()
        return result
    }

    private static func child(_ fields: YAMLFields) throws(CaseFileError) -> PanelReferral.Child {
        var upn: UniquePupilNumber?
        if let text = try fields.optionalString("upn") {
            if let problem = UniquePupilNumber.problem(with: text) { throw fields.error("upn", "is not a valid UPN: \(problem)") }
            upn = UniquePupilNumber(text)
        }
        let result = PanelReferral.Child(
            upn: upn, forename: try fields.optionalString("forename"), surname: try fields.optionalString("surname"),
            dateOfBirth: try fields.optionalDate("date_of_birth"), yearGroup: try fields.optionalInt("year_group", in: 0...14),
            setting: try fields.optionalFields("school").map(setting),
            priorityCohorts: try fields.fixedValues("priority_cohorts"), path: fields.path)
        try fields.finish()
        return result
    }
}
