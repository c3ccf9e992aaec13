import Foundation
import Yams

/// Reads a case file (YAML, documented in docs/case-file.md) into an `AttendanceCase`.
///
/// Every problem is a `CaseFileError` naming the file, the line and the field: a missing required
/// field, a key that is not part of the format, a bad date, a value of the wrong type, figures that
/// do not add up.
public enum CaseFileReader {
    public static func read(contentsOf url: URL) throws(CaseFileError) -> AttendanceCase {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw CaseFileError(file: url.path, line: nil, column: nil, field: "",
                                message: "cannot be read as UTF-8 text: \(error.localizedDescription)")
        }
        return try read(text, file: url.path)
    }

    public static func read(_ text: String, file: String) throws(CaseFileError) -> AttendanceCase {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw CaseFileError(file: file, line: nil, column: nil, field: "", message: "is empty; a case file needs the fields described in docs/case-file.md")
            }
            root = node
        } catch let error as CaseFileError {
            throw error
        } catch let error as YamlError {
            throw Self.describe(error, file: file)
        } catch {
            throw CaseFileError(file: file, line: nil, column: nil, field: "", message: "is not valid YAML: \(error)")
        }
        let top = try YAMLFields(root, file: file, path: "")
        let reference = try top.string("reference")
        let localAuthority = try organisation(top.fields("local_authority"))
        let school = try readSchool(top.fields("school"))
        let pupil = try readPupil(top.fields("pupil"))
        var parents: [ParentOrCarer] = []
        for (node, path) in try top.list("parents") {
            parents.append(try parent(YAMLFields(node, file: file, path: path)))
        }
        if parents.isEmpty {
            throw top.error("parents", "must list at least one parent or carer")
        }
        let officer = try readOfficer(top.fields("officer"))
        let referral = try readReferral(top.fields("referral"))
        let attendance = try quotedAttendance(top.fields("attendance"))
        let support = try top.strings("support_offered", required: false)
        try top.finish()
        return AttendanceCase(
            reference: reference, localAuthority: localAuthority, school: school, pupil: pupil,
            parentsAndCarers: parents, officer: officer, referral: referral,
            quotedAttendance: attendance, supportOffered: support)
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

    static func readSchool(_ fields: YAMLFields) throws(CaseFileError) -> School {
        let result = School(
            name: try fields.string("name"),
            address: try address(fields.fields("address")),
            headTeacher: try fields.string("head_teacher"))
        try fields.finish()
        return result
    }

    static func readPupil(_ fields: YAMLFields) throws(CaseFileError) -> Pupil {
        let result = Pupil(
            forename: try fields.string("forename"),
            surname: try fields.string("surname"),
            preferredForename: try fields.optionalString("preferred_forename"),
            dateOfBirth: try fields.date("date_of_birth"),
            yearGroup: try fields.int("year_group", in: 0...14),
            address: try address(fields.fields("address")))
        try fields.finish()
        return result
    }

    static func parent(_ fields: YAMLFields) throws(CaseFileError) -> ParentOrCarer {
        let result = ParentOrCarer(
            title: try fields.optionalString("title"),
            forename: try fields.string("forename"),
            surname: try fields.string("surname"),
            relationship: try fields.string("relationship"),
            hasParentalResponsibility: try fields.bool("parental_responsibility"),
            livesWithPupil: try fields.bool("lives_with_pupil"),
            ownAddress: try fields.optionalFields("address").map { (fields) throws(CaseFileError) in try address(fields) },
            casePath: fields.path)
        try fields.finish()
        if !result.livesWithPupil && result.ownAddress == nil && result.hasParentalResponsibility {
            throw fields.error("address", "is required for a parent with parental responsibility who does not live with the pupil (their letter goes to their own address)")
        }
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
        let result = Referral(
            acceptedOn: try fields.date("accepted_on"),
            interviewWithinWeeks: try fields.optionalInt("interview_within_weeks", in: 1...52) ?? 5)
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

    static func describe(_ error: YamlError, file: String) -> CaseFileError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return CaseFileError(file: file, line: mark.line, column: mark.column, field: "", message: "is not valid YAML: \(what)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().joined(separator: ", ")
            return CaseFileError(file: file, line: context.mark.line, column: context.mark.column, field: keys,
                                 message: "appears more than once in the same mapping")
        default:
            return CaseFileError(file: file, line: nil, column: nil, field: "", message: "is not valid YAML: \(error)")
        }
    }
}
