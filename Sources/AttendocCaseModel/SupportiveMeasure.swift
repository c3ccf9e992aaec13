import AttendocValues
import AttendocYAML

/// Support offered to the pupil or the family: the evidence a referral and a court bundle need that
/// every step was tried (seed 004: "a referral will only be accepted when all steps above have been
/// attempted and evidence provided"; seed 003: "compile all the supportive measures offered and provided").
public struct SupportiveMeasure: Sendable {
    /// What was offered, in the words a parent reads: `Daily check-in with the attendance mentor`.
    public var what: String
    /// Who offered it: a person, a team or an agency.
    public var offeredBy: String
    public var offeredOn: CalendarDate
    public var response: Response
    public var startedOn: CalendarDate?
    /// Not before `startedOn`.
    public var endedOn: CalendarDate?
    public var outcome: String?
    public var evidence: [FileReference]
    /// The attendance tier (seed 003: 1 to 4) when it was offered.
    public var tierAtTheTime: Int?
    /// Where it is in the case file (`supportive_measures[2]`).
    public var casePath: String
    /// The parents it was offered to, by their `id` under `parents` (`offered_to`); empty when
    /// the case file does not say. The readiness check needs support offered to each defendant.
    public var offeredToIDs: [String] = []

    /// How the family responded to the offer.
    public enum Response: String, CaseIterable, Sendable, FixedValue {
        case accepted
        case declined
        /// Agreed or not, but the family did not take part.
        case notEngaged = "not_engaged"
        case notYetKnown = "not_yet_known"
    }

    /// One line for the letters' "support already offered" list when the case file has no
    /// `support_offered` of its own: `Daily check-in with the attendance mentor, offered by
    /// Riverside Academy on 5 October 2026`.
    public var offeredInWords: String {
        "\(what), offered by \(offeredBy) on \(offeredOn.longForm)"
    }
}

extension CaseFileReader {
    static func readSupportiveMeasure(_ fields: YAMLFields, parents: [ParentOrCarer]) throws(CaseFileError) -> SupportiveMeasure {
        var result = SupportiveMeasure(
            what: try fields.string("what"),
            offeredBy: try fields.string("offered_by"),
            offeredOn: try fields.date("offered_on"),
            response: try fields.fixedValue("response"),
            startedOn: try fields.optionalDate("started_on"),
            endedOn: try fields.optionalDate("ended_on"),
            outcome: try fields.optionalString("outcome"),
            evidence: try fields.fileReferences("evidence"),
            tierAtTheTime: try fields.optionalInt("tier_at_the_time", in: 1...4),
            casePath: fields.path)
        result.offeredToIDs = try fields.strings("offered_to", required: false)
        for id in result.offeredToIDs where !parents.contains(where: { $0.id == id }) {
            throw fields.error("offered_to", "does not match the id of any parent or carer (ids are set with `id:` under parents)", at: fields.node("offered_to"))
        }
        try fields.finish()
        if let started = result.startedOn, let ended = result.endedOn, ended < started {
            throw fields.error("ended_on", "is \(ended.iso), before started_on (\(started.iso)); a measure cannot end before it starts", at: fields.node("ended_on"))
        }
        return result
    }
}
