import AttendocValues
import AttendocYAML

/// The school attendance order process (sections 437 to 443 Education Act 1996), as the case
/// records it, step by step:
/// - the notice under section 437(1): the local authority is not satisfied that the child is
///   receiving suitable education, and the parent must satisfy it within the period the notice
///   gives (not less than 15 days beginning with the day it is served);
/// - the parent's response, if any;
/// - the notice of intention under section 438(2): the school the authority intends to name, and
///   any alternatives; the parent may choose one within 15 days (section 438(3)-(4));
/// - the order under section 437(3), naming the school, and when it was served;
/// - the day from which the parent failed to comply, for a prosecution under section 443.
/// Each step is optional (it is recorded once it happens); the dates are checked to run in order.
public struct SchoolAttendanceOrder: Sendable {
    /// The section 437(1) notice once served: the day, how, and the last day it gave the parent.
    public var notice: Notice?
    /// What the parent said or sent in answer to the notice, in the officer's words.
    public var response: Response?
    /// The section 438(2) notice of intention to serve an order.
    public var intention: Intention?
    /// The school the parent chose under section 438(3), if they did.
    public var parentChoice: Choice?
    /// The order made under section 437(3).
    public var order: Order?
    /// The first day the parent failed to comply with the order (section 443(1)).
    public var failedToComplyFrom: CalendarDate?
    /// Where it is in the case file (`school_attendance_order`).
    public var casePath: String

    public struct Notice: Sendable {
        public var servedOn: CalendarDate
        public var method: IssuedLetter.Method
        /// The last day the notice gave the parent to satisfy the authority, as the notice said.
        public var periodEndsOn: CalendarDate?
        public var casePath: String
    }

    public struct Response: Sendable {
        public var on: CalendarDate
        public var summary: String
    }

    public struct Intention: Sendable {
        public var servedOn: CalendarDate
        /// The school the authority intends to name, then any alternatives (section 438(2)).
        public var schools: [String]
        public var casePath: String
    }

    public struct Choice: Sendable {
        public var on: CalendarDate
        public var school: String
    }

    public struct Order: Sendable {
        public var madeOn: CalendarDate
        /// The school the order names (section 437(3)).
        public var school: String
        public var servedOn: CalendarDate?
        public var casePath: String
    }
}

extension CaseFileReader {
    static func readSchoolAttendanceOrder(_ fields: YAMLFields) throws(CaseFileError) -> SchoolAttendanceOrder {
        var result = SchoolAttendanceOrder(casePath: fields.path)
        if let notice = try fields.optionalFields("notice") {
            result.notice = SchoolAttendanceOrder.Notice(
                servedOn: try notice.date("served_on"), method: try notice.fixedValue("method"),
                periodEndsOn: try notice.optionalDate("period_ends_on"), casePath: notice.path)
            if let ends = result.notice?.periodEndsOn, let served = result.notice?.servedOn, ends < served.adding(days: 14) {
                throw notice.error("period_ends_on", "is \(ends.iso), less than 15 days beginning with the day the notice was served (\(served.iso)); section 437(1) Education Act 1996 gives the parent at least 15 days, so the earliest it can be is \(served.adding(days: 14).iso)", at: notice.node("period_ends_on"))
            }
            try notice.finish()
        }
        if let response = try fields.optionalFields("response") {
            result.response = SchoolAttendanceOrder.Response(on: try response.date("on"), summary: try response.string("summary"))
            try response.finish()
        }
        if let intention = try fields.optionalFields("intention") {
            let schools = try intention.strings("schools")
            if schools.isEmpty {
                throw intention.error("schools", "is empty; name the school the local authority intends to name in the order (section 438(2) Education Act 1996), then any alternatives", at: intention.node("schools"))
            }
            result.intention = SchoolAttendanceOrder.Intention(servedOn: try intention.date("served_on"), schools: schools, casePath: intention.path)
            try intention.finish()
        }
        if let choice = try fields.optionalFields("parent_choice") {
            result.parentChoice = SchoolAttendanceOrder.Choice(on: try choice.date("on"), school: try choice.string("school"))
            try choice.finish()
            if result.intention == nil {
                throw fields.error("parent_choice", "is given without intention; the parent chooses a school after the notice of intention under section 438, so record intention (served_on, schools) too", at: fields.node("parent_choice"))
            }
        }
        if let order = try fields.optionalFields("order") {
            result.order = SchoolAttendanceOrder.Order(
                madeOn: try order.date("made_on"), school: try order.string("school"),
                servedOn: try order.optionalDate("served_on"), casePath: order.path)
            if let served = result.order?.servedOn, let made = result.order?.madeOn, served < made {
                throw order.error("served_on", "is \(served.iso), before made_on (\(made.iso)); an order is served after it is made", at: order.node("served_on"))
            }
            try order.finish()
        }
        result.failedToComplyFrom = try fields.optionalDate("failed_to_comply_from")
        if result.failedToComplyFrom != nil && result.order == nil {
            throw fields.error("failed_to_comply_from", "is given without order; a parent can only fail to comply with an order that was made, so record order (made_on, school, served_on) too", at: fields.node("failed_to_comply_from"))
        }
        try fields.finish()
        // Each step comes after the ones before it that are recorded.
        let steps: [(key: String, date: CalendarDate?)] = [
            ("notice.served_on", result.notice?.servedOn), ("intention.served_on", result.intention?.servedOn),
            ("parent_choice.on", result.parentChoice?.on), ("order.made_on", result.order?.madeOn),
            ("failed_to_comply_from", result.failedToComplyFrom),
        ]
        var latestKey = ""
        var latestDate: CalendarDate?
        for (key, date) in steps {
            guard let date else { continue }
            if let previous = latestDate, date < previous {
                throw fields.error(key, "is \(date.iso), before \(latestKey) (\(previous.iso)); the steps of a school attendance order run in order (sections 437 and 438 Education Act 1996)")
            }
            latestKey = key
            latestDate = date
        }
        if let ends = result.notice?.periodEndsOn, let intention = result.intention, intention.servedOn <= ends {
            throw fields.error("intention.served_on", "is \(intention.servedOn.iso), within the period the section 437(1) notice gave the parent (to \(ends.iso)); the notice of intention may be served only once that period has ended without the parent satisfying the authority (section 437(3))")
        }
        return result
    }
}
