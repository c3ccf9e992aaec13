import AttendocCaseModel
import AttendocValues

/// Whether a case may be tried under the single justice procedure (section 16A Magistrates'
/// Courts Act 1980; Criminal Procedure Rules r24.9(1)(a)): an offence triable only summarily and
/// not punishable with imprisonment. Of the school attendance offences, s444(1) only: an offence
/// under s444(1A) carries up to three months' imprisonment. One rule for the check (a gap), the
/// papers (an error) and `attendoc bundle --route`.
public enum SingleJusticeEligibility {
    /// Why the case cannot be tried under the procedure, with what to do; nil: it can.
    public static func refusal(for attendanceCase: AttendanceCase) -> (problem: String, toDo: String)? {
        guard let section = attendanceCase.legalRoute?.section else {
            return ("the case has no legal_route; the single justice procedure is for a prosecution under section 444(1)",
                    "record legal_route: with section: s444_1 (docs/case-file.md)")
        }
        switch section {
        case .s444_1:
            return nil
        case .s444_1a:
            return ("legal_route.section is s444_1a: an offence under section 444(1A) is punishable with imprisonment (up to three months), so it cannot be tried under the single justice procedure (section 16A Magistrates' Courts Act 1980; Criminal Procedure Rules r24.9(1)(a))",
                    "prosecute at a hearing (attendoc bundle --route s444-1a), or, if the charge is under section 444(1), correct legal_route.section")
        default:
            return ("legal_route.section is \(section.rawValue) (\(section)), not a prosecution; the single justice procedure is for an offence under section 444(1)",
                    "take the route for the case's section (attendoc check --for prosecution)")
        }
    }

    /// The refusal as an error about the case `reference`, or nil.
    public static func error(for attendanceCase: AttendanceCase) -> AttendocError? {
        refusal(for: attendanceCase).map {
            AttendocError(.document, "the case \(attendanceCase.reference): no single justice procedure papers: \($0.problem)", suggestion: $0.toDo)
        }
    }
}
