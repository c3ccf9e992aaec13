import AttendocValues
import AttendocYAML
import Foundation

/// A parent or carer of the pupil. Who is a parent is decided by section 576 Education Act 1996:
/// "parent" includes every natural parent, any individual who has parental responsibility, and
/// any individual who has care of the child (`isParent`). Each such parent is sent the letters
/// (unless the case records why they must not be contacted), and each may be warned and
/// prosecuted.
public struct ParentOrCarer: Sendable {
    public var title: String?
    public var forename: String
    public var surname: String
    /// How they are related to the pupil, in words: `mother`, `father`, `grandmother`, `carer`.
    public var relationship: String
    public var hasParentalResponsibility: Bool
    public var livesWithPupil: Bool
    /// A natural (birth) parent, as the case file records it (`natural_parent`); nil when the case
    /// file does not say.
    public var isNaturalParent: Bool? = nil
    /// Has care of the child (s576): the case file's `care_of_child`, else whether the child lives
    /// with them.
    public var hasCareOfChild: Bool = false
    /// Their own address; absent when they live at the pupil's address.
    public var ownAddress: PostalAddress?
    /// The field path in the case file, for messages (`parents[1]`).
    public var casePath: String
    /// A short, stable name for them that other sections use (`letters_issued[0].recipient: father`);
    /// chosen by whoever writes the case file, unique among the parents. Not shown in documents.
    public var id: String? = nil
    /// The address they live at is shown to nobody but them: only their own copy of a document may
    /// carry it. When they live with the pupil, the pupil's address is confidential too
    /// (`AttendanceCase.isPupilAddressConfidential`).
    public var addressConfidential: Bool = false
    public var phones: [String] = []
    public var email: String? = nil
    /// The language to write and speak to them in: `English` unless recorded.
    public var preferredLanguage: String = "English"
    public var needs: [CommunicationNeed] = []
    /// Why they must not be contacted, when they must not be: they then receive no letter.
    /// The reason is for officers; it never appears in a document or a message.
    public var doNotContactReason: String? = nil

    /// They must not be contacted (and receive no letter).
    public var doNotContact: Bool { doNotContactReason != nil }

    /// Why someone is a parent under section 576 Education Act 1996.
    public enum ParentBasis: String, CaseIterable, Sendable, CustomStringConvertible, FixedValue {
        case naturalParent = "natural_parent"
        case parentalResponsibility = "parental_responsibility"
        case careOfChild = "care_of_child"

        /// In words, as a court reads it: `has parental responsibility`.
        public var description: String {
            switch self {
            case .naturalParent: "is a natural parent"
            case .parentalResponsibility: "has parental responsibility"
            case .careOfChild: "has care of the child"
            }
        }
    }

    /// The grounds on which the case records them as a parent under section 576, in order.
    public var basesAsParent: [ParentBasis] {
        [(isNaturalParent == true, ParentBasis.naturalParent), (hasParentalResponsibility, .parentalResponsibility), (hasCareOfChild, .careOfChild)]
            .filter(\.0).map(\.1)
    }

    /// A parent under section 576 Education Act 1996: a natural parent, someone with parental
    /// responsibility, or someone who has care of the child.
    public var isParent: Bool { !basesAsParent.isEmpty }

    /// Whether `name` (as a meeting's attendee list writes it) is this person: their full name,
    /// their forename and surname, or their formal name, ignoring case.
    public func answersTo(_ name: String) -> Bool {
        let given = name.trimmingCharacters(in: .whitespaces).lowercased()
        return [fullName, formalName, "\(forename) \(surname)"].map { $0.lowercased() }.contains(given)
    }

    /// Title, forename and surname as recorded: `Ms Zoë D'Souza`.
    public var fullName: String {
        [title, forename, surname].compactMap { $0 }.joined(separator: " ")
    }

    /// How a letter greets them: `Ms D'Souza`, or forename and surname when no title is recorded.
    public var formalName: String {
        if let title { return "\(title) \(surname)" }
        return "\(forename) \(surname)"
    }
}

extension AttendanceCase {
    /// The pupil's address must not be shown to anyone else: a parent with a confidential address
    /// lives there (they live with the pupil and have no other address recorded).
    public var isPupilAddressConfidential: Bool {
        parentsAndCarers.contains { $0.addressConfidential && $0.livesWithPupil && $0.ownAddress == nil }
    }

    /// The parent or carer a section refers to by `id`.
    public func parentOrCarer(id: String) -> ParentOrCarer? {
        parentsAndCarers.first { $0.id == id }
    }
}

extension CaseFileReader {
    /// Every parent and carer (at least one), with ids unique among them.
    static func readParents(_ top: YAMLFields) throws(CaseFileError) -> [ParentOrCarer] {
        var parents: [ParentOrCarer] = []
        var ids: [String: String] = [:]
        for (node, path) in try top.list("parents") {
            let fields = try YAMLFields(node, file: top.file, path: path)
            let person = try parent(fields)
            if let id = person.id {
                if let earlier = ids[id] {
                    throw fields.error("id", "is the same as the id of \(earlier); each parent's id must be different", at: fields.node("id"))
                }
                ids[id] = path
            }
            parents.append(person)
        }
        if parents.isEmpty {
            throw top.error("parents", "must list at least one parent or carer")
        }
        return parents
    }

    static func parent(_ fields: YAMLFields) throws(CaseFileError) -> ParentOrCarer {
        var result = ParentOrCarer(
            title: try fields.optionalString("title"),
            forename: try fields.string("forename"),
            surname: try fields.string("surname"),
            relationship: try fields.string("relationship"),
            hasParentalResponsibility: try fields.bool("parental_responsibility"),
            livesWithPupil: try fields.bool("lives_with_pupil"),
            ownAddress: try fields.optionalFields("address").map { (fields) throws(CaseFileError) in try address(fields) },
            casePath: fields.path)
        if let id = try fields.optionalString("id") {
            let allowed = id.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_" || $0 == "-") }
            guard allowed, id.first?.isLowercase == true, id.count <= 40 else {
                throw fields.error("id", "expected a short id in lower-case letters, digits, - and _, starting with a letter (for example mother, father, carer-2)", at: fields.node("id"))
            }
            result.id = id
        }
        result.isNaturalParent = try fields.optionalBool("natural_parent")
        result.hasCareOfChild = try fields.optionalBool("care_of_child") ?? result.livesWithPupil
        result.addressConfidential = try fields.optionalBool("address_confidential") ?? false
        result.phones = try fields.oneOrMoreStrings("phone")
        if let email = try fields.optionalString("email") {
            guard email.contains("@"), !email.contains(where: \.isWhitespace) else {
                throw fields.error("email", "expected an email address (name@example.org)", at: fields.node("email"))
            }
            result.email = email
        }
        result.preferredLanguage = try fields.optionalString("preferred_language") ?? "English"
        result.needs = try fields.fixedValues("needs")
        if result.needs.contains(.interpreter) && result.preferredLanguage.lowercased() == "english" {
            throw fields.error("needs", "lists interpreter, but preferred_language is English; record the language to interpret into as preferred_language", at: fields.node("needs"))
        }
        let doNotContact = try fields.optionalBool("do_not_contact") ?? false
        let reason = try fields.optionalString("do_not_contact_reason")
        if doNotContact && reason == nil {
            throw fields.error("do_not_contact_reason", "is required when do_not_contact is yes: say why (for officers only; it is never printed)", at: fields.node("do_not_contact"))
        }
        if !doNotContact && reason != nil {
            throw fields.error("do_not_contact_reason", "is given but do_not_contact is not yes; set do_not_contact: yes, or remove the reason", at: fields.node("do_not_contact_reason"))
        }
        result.doNotContactReason = doNotContact ? reason : nil
        try fields.finish()
        // A parent who must not be contacted gets no letter, so their address may be unknown.
        if !result.livesWithPupil && result.ownAddress == nil && result.isParent && !result.doNotContact {
            throw fields.error("address", "is required for a parent (a natural parent, or someone with parental responsibility or care of the child) who does not live with the pupil (their letter goes to their own address)")
        }
        return result
    }
}
