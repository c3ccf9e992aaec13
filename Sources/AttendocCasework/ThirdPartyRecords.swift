import AttendocCaseModel
import AttendocValues

/// Records from a third party (an agency that is neither the school nor the local authority: Early
/// Help's home-visit notes, say) that the case cites as evidence. The bundle exhibits one only when
/// the case records the lawful basis or the consent for using it (`lawful_basis:` or `consent:` on
/// the evidence entry, docs/case-file.md), and then only its relevant pages when `pages:` says
/// which; otherwise it is left out of the bundle, and `check --for prosecution` names it.
public enum ThirdPartyRecords {
    /// One third party's record, where the case cites it.
    public struct Use: Sendable {
        /// The evidence entry (`supportive_measures[2].evidence[1]`).
        public var place: String
        /// The entry citing it (`supportive_measures[2]`).
        public var citedBy: String
        public var file: FileReference
        /// Whose record it is: its `from:`, or the agency that offered the measure.
        public var holder: String
    }

    /// Every third party's record the case cites, in the case file's order.
    public static func uses(in attendanceCase: AttendanceCase) -> [Use] {
        let organisations = CaseOrganisations(attendanceCase)
        var uses: [Use] = []
        func add(_ files: [FileReference], citedBy: String, defaultHolder: String?) {
            for (index, file) in files.enumerated() {
                guard let holder = file.from ?? defaultHolder, organisations.isThirdParty(holder) else { continue }
                uses.append(Use(place: "\(citedBy).evidence[\(index)]", citedBy: citedBy, file: file, holder: holder))
            }
        }
        for measure in attendanceCase.supportiveMeasures {
            add(measure.evidence, citedBy: measure.casePath, defaultHolder: measure.offeredBy)
        }
        for letter in attendanceCase.lettersIssued { add(letter.evidence, citedBy: letter.casePath, defaultHolder: nil) }
        for referral in attendanceCase.referrals { add(referral.evidence, citedBy: referral.casePath, defaultHolder: nil) }
        for defendant in attendanceCase.legalRoute?.defendants ?? [] { add(defendant.evidence, citedBy: defendant.casePath, defaultHolder: nil) }
        return uses
    }

    /// The third parties' records that may not be exhibited: no lawful basis or consent recorded.
    public static func withoutBasis(in attendanceCase: AttendanceCase) -> [Use] {
        uses(in: attendanceCase).filter { !$0.file.hasLawfulBasisOrConsent }
    }

    static func gaps(_ loaded: LoadedCase) -> [ProsecutionReadiness.Gap] {
        withoutBasis(in: loaded.attendanceCase).map { use in
            ProsecutionReadiness.Gap(
                place: use.place,
                problem: "is a third party's record (\(use.holder)) with no lawful basis or consent recorded for using it, so the bundle does not exhibit it",
                toDo: "write the entry as {file: \(use.file.path), from: \(use.holder), lawful_basis: ...} with the lawful basis for using it in the proceedings (or consent: who agreed and when), and pages: [...] for only its relevant pages; or, if it is not to be relied on, take it out of the evidence and describe it under unused_material with a disclosure decision")
        }
    }
}

/// The school's and the local authority's names as a case records them, to tell whose act or
/// record something is: the school (its name, or its witness's) and the local authority (its name,
/// its department, its officer). Anyone else is a third party.
public struct CaseOrganisations: Sendable {
    var schoolNames: [String]
    var authorityNames: [String]

    public init(_ attendanceCase: AttendanceCase) {
        schoolNames = [attendanceCase.school.name] + (attendanceCase.legalRoute?.schoolWitness.map { [$0.name] } ?? [])
        let authority = attendanceCase.localAuthority
        authorityNames = [authority.name, authority.department, attendanceCase.officer.name].compactMap { $0 }
    }

    static func names(_ words: String, oneOf names: [String]) -> Bool {
        let key = words.trimmingCharacters(in: .whitespaces).lowercased()
        return names.contains { $0.lowercased() == key }
    }

    /// Whether `name` is the school or its witness.
    public func isSchool(_ name: String) -> Bool { Self.names(name, oneOf: schoolNames) }
    /// Whether `name` is the local authority, its department or its officer.
    public func isAuthority(_ name: String) -> Bool { Self.names(name, oneOf: authorityNames) }
    /// Whether `name` is neither.
    public func isThirdParty(_ name: String) -> Bool { !isSchool(name) && !isAuthority(name) }
}
