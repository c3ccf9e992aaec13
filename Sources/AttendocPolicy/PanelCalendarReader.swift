import AttendocValues
import AttendocYAML

/// Reads a policy's `panel:` section (docs/policies.md, "The attendance panel's calendar"): the start
/// time, the slot length and the panel dates, each with its published referral close, 4-week review
/// and termly review, the termly review given as a term of the policy's term dates. Where a date is not
/// published it is computed from the policy's deadlines `four_week_review` (after the panel),
/// `panel_termly_review` (the end of the first term at least that long after the panel) and
/// `panel_referrals_close` (that long before the panel).
enum PanelCalendarReader {
    static func read(_ section: YAMLFields, deadlines: [DeadlineName: Deadline], calendar: SchoolCalendar,
                     file: String) throws(CaseFileError) -> PanelCalendar {
        let startsAt = try section.string("starts_at")
        guard let start = PanelCalendar.minutes(startsAt) else {
            throw section.error("starts_at", "expected a time written HH:MM on the 24-hour clock (for example 13:30), found \(YAMLFields.shape(of: startsAt))")
        }
        let slot = try section.int("slot_minutes", in: 5...120)
        let age = try StatutorySchoolAge.read(try section.fields("statutory_school_age"))
        let host = try section.optionalFields("host").map(PanelHost.read)
        var panels: [PanelCalendar.Panel] = []
        for (node, path) in try section.list("dates") {
            let fields = try YAMLFields(node, file: file, path: path)
            let panel = try readPanel(fields, line: node.mark?.line, deadlines: deadlines, calendar: calendar)
            if let previous = panels.last, panel.date <= previous.date {
                throw fields.error("date", "must be after the panel before it (\(previous.date.iso)); list the panels in date order, each once")
            }
            panels.append(panel)
        }
        try section.finish()
        var calendar = PanelCalendar(startsAt: startsAt, startMinutes: start, slotMinutes: slot, panels: panels, statutoryAge: age, file: file)
        calendar.host = host
        return calendar
    }

    private static func readPanel(_ fields: YAMLFields, line: Int?, deadlines: [DeadlineName: Deadline],
                                  calendar: SchoolCalendar) throws(CaseFileError) -> PanelCalendar.Panel {
        let date = try fields.date("date")
        guard calendar.isSchoolDay(date) else {
            throw fields.error("date", "is not a school day in the policy's term dates; a panel meets on a school day")
        }
        let close = try referralsClose(fields, panel: date, deadlines: deadlines, calendar: calendar)
        let fourWeek = try fourWeekReview(fields, panel: date, deadlines: deadlines, calendar: calendar)
        let termly = try termlyReview(fields, panel: date, deadlines: deadlines, calendar: calendar)
        if termly.date <= date {
            throw fields.error("termly_review", "falls on or before the panel (\(termly.date.iso)); a review comes after the panel")
        }
        try fields.finish()
        return PanelCalendar.Panel(date: date, referralsClose: close, fourWeekReview: fourWeek, termlyReview: termly, line: line)
    }

    private static func referralsClose(_ fields: YAMLFields, panel: CalendarDate, deadlines: [DeadlineName: Deadline],
                                       calendar: SchoolCalendar) throws(CaseFileError) -> PanelCalendar.Fixed {
        if let given = try fields.optionalFields("referrals_close") {
            let date = try given.date("date")
            let published = try given.string("published")
            try given.finish()
            guard date < panel else {
                throw given.error("date", "is not before the panel; the referral form closes before the panel meets")
            }
            return PanelCalendar.Fixed(date: date, published: published, reading: "as published")
        }
        let rule = try rule(.panelReferralsClose, deadlines, fields, for: "the referral close date of a panel whose close date is not published")
        guard rule.unit == .schoolDays else {
            throw fields.error("referrals_close", "is not published, and the policy's panel_referrals_close deadline is not in school_days; give it in school days")
        }
        do {
            let date = try calendar.subtracting(schoolDays: rule.count, from: panel)
            return PanelCalendar.Fixed(date: date, published: nil, reading: "\(rule.lengthInWords) before the panel, the policy's panel_referrals_close")
        } catch {
            throw fields.error("date", error.summary)
        }
    }

    private static func fourWeekReview(_ fields: YAMLFields, panel: CalendarDate, deadlines: [DeadlineName: Deadline],
                                       calendar: SchoolCalendar) throws(CaseFileError) -> PanelCalendar.Fixed {
        if let given = try fields.optionalFields("four_week_review") {
            let date = try given.date("date")
            let published = try given.string("published")
            try given.finish()
            guard date > panel else { throw given.error("date", "is not after the panel") }
            guard calendar.isSchoolDay(date) else {
                throw given.error("date", "is not a school day in the policy's term dates; a review date a family is given falls on a school day")
            }
            return PanelCalendar.Fixed(date: date, published: published, reading: "as published")
        }
        let rule = try rule(.fourWeekReview, deadlines, fields, for: "the 4-week review of a panel whose review date is not published")
        do {
            let date = try rule.date(from: panel, calendar: calendar)
            return PanelCalendar.Fixed(date: date, published: nil, reading: "\(rule.lengthInWords) after the panel, the policy's four_week_review")
        } catch {
            throw fields.error("date", error.summary)
        }
    }

    private static func termlyReview(_ fields: YAMLFields, panel: CalendarDate, deadlines: [DeadlineName: Deadline],
                                     calendar: SchoolCalendar) throws(CaseFileError) -> PanelCalendar.Fixed {
        if let given = try fields.optionalFields("termly_review") {
            let name = try given.string("term")
            let point = try given.optionalString("at") ?? "end"
            let published = try given.string("published")
            try given.finish()
            guard let term = calendar.terms.first(where: { $0.name == name }) else {
                throw given.error("term", "is not a term of the policy's term dates; the terms are: \(calendar.terms.map(\.name).joined(separator: ", "))")
            }
            switch point {
            case "end":
                guard let date = calendar.lastSchoolDay(onOrBefore: term.ends, in: term) else {
                    throw given.error("term", "has no school day in the policy's term dates")
                }
                return PanelCalendar.Fixed(date: date, published: published, reading: "the last day of \(name)")
            case "before_half_term":
                guard let half = term.halfTerm, let date = calendar.lastSchoolDay(onOrBefore: half.lowerBound.adding(days: -1), in: term) else {
                    throw given.error("at", "is before_half_term, but \(name) has no half-term break (or no school day before it) in the policy's term dates")
                }
                return PanelCalendar.Fixed(date: date, published: published, reading: "the last day before \(name)'s half-term break")
            default:
                throw given.error("at", "expected end or before_half_term, found \(YAMLFields.shape(of: point))")
            }
        }
        let rule = try rule(.panelTermlyReview, deadlines, fields, for: "the termly review of a panel whose termly review is not published")
        let earliest: CalendarDate
        do {
            earliest = try rule.date(from: panel, calendar: calendar)
        } catch {
            throw fields.error("date", error.summary)
        }
        for term in calendar.terms {
            if let end = calendar.lastSchoolDay(onOrBefore: term.ends, in: term), end >= earliest {
                return PanelCalendar.Fixed(date: end, published: nil, reading: "the last day of \(term.name), the first term to end at least \(rule.lengthInWords) after the panel, the policy's panel_termly_review")
            }
        }
        throw fields.error("date", "no term in the policy's term dates ends \(rule.lengthInWords) or more after the panel; add the next term's dates")
    }

    private static func rule(_ name: DeadlineName, _ deadlines: [DeadlineName: Deadline], _ fields: YAMLFields, for purpose: String) throws(CaseFileError) -> Deadline {
        guard let rule = deadlines[name] else {
            throw fields.error("date", "\(purpose) is computed from the policy's \(name.rawValue) deadline, which it does not set; add it under deadlines: (within:, unit:, description:) or publish the date here")
        }
        return rule
    }
}
