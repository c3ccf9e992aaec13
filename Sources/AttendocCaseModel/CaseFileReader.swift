import AttendocValues
import AttendocYAML
import Foundation
import Yams

/// Reads a case file (YAML, documented in docs/case-file.md) into an `AttendanceCase`.
///
/// Every problem is a `CaseFileError` naming the file, the line and the field: a missing required
/// field, a key that is not part of the format, a bad date, a value of the wrong type, figures that
/// do not add up.
public enum CaseFileReader {
    public static func read(contentsOf url: URL) throws(CaseFileError) -> AttendanceCase {
        try read(YAMLDocument.fields(of: url))
    }

    public static func read(_ text: String, file: String) throws(CaseFileError) -> AttendanceCase {
        try read(YAMLDocument.fields(of: text, file: file))
    }

    static func read(_ top: YAMLFields) throws(CaseFileError) -> AttendanceCase {
        let reference = try top.string("reference")
        let localAuthority = try organisation(top.fields("local_authority"))
        let school = try readSchool(top.fields("school"))
        let pupil = try readPupil(top.fields("pupil"))
        let parents = try readParents(top)
        let officer = try readOfficer(top.fields("officer"))
        let referral = try top.optionalFields("referral").map { (fields) throws(CaseFileError) in try readReferral(fields) }
        let policyName = try top.optionalString("policy")
        let register = try readRegisterSource(top)
        let attendance = try top.optionalFields("attendance").map { (fields) throws(CaseFileError) in try quotedAttendance(fields) }
        if register == nil && attendance == nil {
            throw top.error("register", "is missing: a case needs its pupil's register (see docs/case-file.md), or at least an attendance section with the figures to quote")
        }
        if register != nil {
            if pupil.upn == nil {
                throw top.error("pupil", "needs a upn when the case has a register: it is how the pupil is found in the register")
            }
            if policyName == nil {
                throw top.error("policy", "is required with a register: name the policy whose thresholds and term dates apply (a file in policies/, such as county-attendance-team)")
            }
        }
        let support = try top.strings("support_offered", required: false)
        let measures = try top.mappings("supportive_measures") { (fields) throws(CaseFileError) in try readSupportiveMeasure(fields, parents: parents) }
        let meetings = try top.mappings("meetings") { (fields) throws(CaseFileError) in try readMeeting(fields, parents: parents) }
        let letters = try readLettersIssued(top, parents: parents)
        let referrals = try top.mappings("referrals", readAgencyReferral)
        let legalRoute = try top.optionalFields("legal_route").map { (fields) throws(CaseFileError) in try readLegalRoute(fields, parents: parents) }
        let contacts = try top.mappings("contacts", readContact)
        let reviews = try top.mappings("reviews") { (fields) throws(CaseFileError) in try readPlanReview(fields, meetings: meetings) }
        let gpConsent = try top.optionalFields("gp_consent").map { (fields) throws(CaseFileError) in try readGPConsent(fields, parents: parents) }
        let apdr = try top.mappings("apdr", readAPDRRecord)
        let adjustments = try top.mappings("reasonable_adjustments", readReasonableAdjustment)
        let needsPlans = try top.mappings("additional_needs_plans", readAdditionalNeedsPlan)
        let unused = try top.mappings("unused_material") { (fields) throws(CaseFileError) in try readUnusedMaterial(fields, meetings: meetings, referrals: referrals) }
        let schoolAttendanceOrder = try top.optionalFields("school_attendance_order").map { (fields) throws(CaseFileError) in try readSchoolAttendanceOrder(fields) }
        try top.finish()
        var result = AttendanceCase(
            reference: reference, localAuthority: localAuthority, school: school, pupil: pupil,
            parentsAndCarers: parents, officer: officer, referral: referral,
            quotedAttendance: attendance, policyName: policyName, register: register,
            supportOffered: support.isEmpty ? measures.map(\.offeredInWords) : support)
        result.supportiveMeasures = measures
        result.meetings = meetings
        result.lettersIssued = letters
        result.referrals = referrals
        result.legalRoute = legalRoute
        result.contacts = contacts
        result.reviews = reviews
        result.gpConsent = gpConsent
        result.apdr = apdr
        result.reasonableAdjustments = adjustments
        result.additionalNeedsPlans = needsPlans
        result.unusedMaterial = unused
        result.schoolAttendanceOrder = schoolAttendanceOrder
        return result
    }

    static func address(_ fields: YAMLFields) throws(CaseFileError) -> PostalAddress {
        let lines = try fields.strings("lines")
        if lines.isEmpty { throw fields.error("lines", "must have at least one line") }
        let address = PostalAddress(lines: lines, postcode: try fields.string("postcode"))
        try fields.finish()
        return address
    }

    static func organisation(_ fields: YAMLFields) throws(CaseFileError) -> Organisation {
        let result = Organisation(
            name: try fields.string("name"),
            department: try fields.optionalString("department"),
            address: try address(fields.fields("address")),
            phone: try fields.optionalString("phone"),
            email: try fields.optionalString("email"),
            website: try fields.optionalString("website"),
            adviceForParents: try fields.strings("advice_for_parents", required: false))
        try fields.finish()
        return result
    }

    static func readOfficer(_ fields: YAMLFields) throws(CaseFileError) -> Officer {
        let result = Officer(
            name: try fields.string("name"),
            role: try fields.string("role"),
            phone: try fields.optionalString("phone"),
            email: try fields.optionalString("email"))
        try fields.finish()
        return result
    }

    static func readReferral(_ fields: YAMLFields) throws(CaseFileError) -> Referral {
        // The deadline is the policy's (pace_interview); a stated number is only checked against it
        // (LoadedCase.load).
        let stated = try fields.optionalInt("interview_within_weeks", in: 1...52).map { ($0, fields.node("interview_within_weeks")?.mark?.line) }
        let acceptedOn = try fields.date("accepted_on")
        let referredOn = try fields.optionalDate("referred_on")
        if let referredOn, referredOn > acceptedOn {
            throw fields.error("referred_on", "is \(referredOn.iso), after accepted_on (\(acceptedOn.iso)); a referral is made before it is accepted", at: fields.node("referred_on"))
        }
        let result = Referral(acceptedOn: acceptedOn, referredOn: referredOn, statedInterviewWithinWeeks: stated)
        try fields.finish()
        return result
    }

    static func quotedAttendance(_ fields: YAMLFields) throws(CaseFileError) -> QuotedAttendance {
        let result = QuotedAttendance(
            from: try fields.date("from"),
            to: try fields.date("to"),
            possibleSessions: try fields.int("possible_sessions", in: 1...1000),
            attendedSessions: try fields.int("attended", in: 0...1000),
            authorisedAbsenceSessions: try fields.int("authorised_absence", in: 0...1000),
            unauthorisedAbsenceSessions: try fields.int("unauthorised_absence", in: 0...1000))
        try fields.finish()
        if result.to < result.from {
            throw fields.error("to", "is before `from` (\(result.from.iso)); the period must run forwards")
        }
        let total = result.attendedSessions + result.authorisedAbsenceSessions + result.unauthorisedAbsenceSessions
        if total != result.possibleSessions {
            throw fields.error("possible_sessions", "is \(result.possibleSessions) but attended + authorised_absence + unauthorised_absence is \(total); they must add up")
        }
        return result
    }
}
