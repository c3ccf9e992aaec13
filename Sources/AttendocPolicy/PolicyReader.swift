import AttendocValues
import AttendocYAML
import Foundation

/// Reads `policies/<name>.yaml` and the term dates file it names (format in docs/policies.md),
/// as strictly as a case file: unknown keys, missing fields and bad values name the file, line and field.
public enum PolicyReader {
    /// The policy a case names, from the policies folder.
    public static func read(named identifier: String, in folder: URL) throws(CaseFileError) -> Policy {
        let url = folder.appendingPathComponent("\(identifier).yaml")
        guard FileManager.default.fileExists(atPath: url.path) else {
            let known = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
            throw CaseFileError(file: url.path, line: nil, column: nil, field: "",
                                message: "no such policy; the policies are: \(known.joined(separator: ", "))")
        }
        return try read(contentsOf: url)
    }

    public static func read(contentsOf url: URL) throws(CaseFileError) -> Policy {
        let top = try YAMLDocument.fields(of: url)
        let identifier = url.deletingPathExtension().lastPathComponent
        let thresholds = try top.fields("thresholds")
        let persistent = try percent(thresholds, "persistent_absence_percent") ?? Percentage(hundredths: 1000)
        let severe = try percent(thresholds, "severe_absence_percent") ?? Percentage(hundredths: 5000)
        let unauthorised = try thresholds.fields("unauthorised_absence")
        let sessions = try unauthorised.int("sessions", in: 1...1000)
        let weeks = try unauthorised.int("school_weeks", in: 1...52)
        try unauthorised.finish()
        let referral = try percent(thresholds, "referral_minimum_unauthorised_percent")
        let earlyHelpClosing = try percent(thresholds, "early_help_closing_percent")
        let improvedWeeks = try thresholds.optionalInt("improved_attendance_school_weeks", in: 1...39)
        let targetCountsIllness = try thresholds.optionalBool("target_counts_authorised_illness") ?? false
        try thresholds.finish()

        var tiers: [TierBand] = []
        for (node, path) in try top.list("tiers", required: false) {
            let fields = try YAMLFields(node, file: url.path, path: path)
            let band = TierBand(tier: try fields.int("tier", in: 1...9),
                                from: try percent(fields, "from_percent") ?? Percentage(hundredths: 0),
                                description: try fields.string("description"))
            try fields.finish()
            if let previous = tiers.last, band.from.hundredths >= previous.from.hundredths {
                throw fields.error("from_percent", "must be lower than the band above (\(previous.from)); list tiers from the highest attendance down")
            }
            tiers.append(band)
        }
        if let lowest = tiers.last, lowest.from.hundredths != 0 {
            throw top.error("tiers", "the lowest band must start at 0 so that every figure has a tier")
        }

        var deadlines: [DeadlineName: Deadline] = [:]
        var deadlinesLine: Int?
        if let section = try top.optionalFields("deadlines") {
            deadlinesLine = top.keyError("deadlines", "").line
            for key in section.keys {
                guard let name = DeadlineName(rawValue: key) else {
                    throw section.keyError(key, "is not a deadline Attendoc knows; the deadlines are: \(DeadlineName.allCases.map(\.rawValue).joined(separator: ", ")) (docs/policies.md)")
                }
                let fields = try section.fields(key)
                let unitText = try fields.string("unit")
                guard let unit = Deadline.Unit(rawValue: unitText) else {
                    throw fields.error("unit", "expected one of \(Deadline.Unit.allCases.map(\.rawValue).joined(separator: ", ")), found \(YAMLFields.shape(of: unitText))")
                }
                deadlines[name] = Deadline(count: try fields.int("within", in: 0...400), unit: unit,
                                           description: try fields.string("description"))
                try fields.finish()
            }
            try section.finish()
        }

        let termDatesName = try top.string("term_dates")
        let termDatesFile = url.deletingLastPathComponent().appendingPathComponent(termDatesName)
        guard FileManager.default.fileExists(atPath: termDatesFile.path) else {
            throw top.error("term_dates", "refers to a file that does not exist (term dates files are relative to the policy's folder)")
        }
        let calendar = try readTermDates(termDatesFile)
        var letters = LetterSettings()
        if let section = try top.optionalFields("letters") {
            letters.copiesForCarersWithoutParentalResponsibility = try section.optionalBool("copies_for_carers_without_parental_responsibility") ?? false
            letters.usePreferredNames = try section.optionalBool("use_preferred_names") ?? true
            if let name = try section.optionalString("house_style") {
                letters.houseStyle = try HouseStyleReader.read(named: name, in: HouseStyleReader.folder(besidePolicies: url.deletingLastPathComponent()))
            }
            try section.finish()
        }
        var policy = Policy(
            identifier: identifier, name: try top.string("name"), source: try top.string("source"),
            persistentAbsence: persistent, severeAbsence: severe, unauthorisedSessions: sessions,
            unauthorisedWindowSchoolWeeks: weeks, referralMinimumUnauthorised: referral, tiers: tiers,
            deadlines: deadlines, calendar: calendar)
        policy.letters = letters
        policy.earlyHelpClosing = earlyHelpClosing
        policy.improvedAttendanceSchoolWeeks = improvedWeeks
        policy.targetCountsAuthorisedIllness = targetCountsIllness
        policy.issuing = try top.optionalFields("issuing").map { (section) throws(CaseFileError) in
            try IssuingRules.read(section, folder: url.deletingLastPathComponent())
        }
        policy.penaltyNotices = try top.optionalFields("penalty_notices").map { (section) throws(CaseFileError) in
            try PenaltyNoticeRules.read(section)
        }
        if policy.penaltyNotices != nil, policy.issuing == nil {
            throw top.error("penalty_notices", "needs an issuing: section too: the days to pay count from the day a notice is received, which its deemed_service_working_days give")
        }
        policy.parentingOrders = try top.optionalFields("parenting_orders").map { (section) throws(CaseFileError) in
            try ParentingOrderRules.read(section)
        }
        policy.panel = try top.optionalFields("panel").map { (section) throws(CaseFileError) in
            try PanelCalendarReader.read(section, deadlines: deadlines, calendar: calendar, file: url.path)
        }
        policy.file = url.path
        policy.deadlinesLine = deadlinesLine
        policy.steps = try readSteps(top)
        for step in policy.steps {
            if let name = step.deadline, deadlines[name] == nil {
                throw top.error("steps", "\(step.policyPath) (\(step.name)) counts its deadline by \(name.rawValue), which the policy's deadlines: do not set; add it there")
            }
        }
        policy.illnessPattern = try readIllnessPattern(top)
        if policy.steps.contains(where: { $0.trigger == .illnessPattern }), policy.illnessPattern == nil {
            throw top.error("illness_pattern", "is required: a step is triggered by the illness pattern; set codes:, more_than_days: and same_weekday_at_least:")
        }
        policy.referralChecklist = try readReferralChecklist(top, steps: policy.steps)
        policy.cohortRules = try readCohortRules(top)
        policy.enforcementRoutes = try EnforcementRoute.readAll(top)
        policy.sentencing = try top.optionalFields("sentencing").map { (section) throws(CaseFileError) in try SentencingGuideline.read(section) }
        _ = try top.optionalString("notes")
        try top.finish()
        return policy
    }

    static func percent(_ fields: YAMLFields, _ key: String) throws(CaseFileError) -> Percentage? {
        guard let text = try fields.optionalString(key) else { return nil }
        guard let value = Percentage(percentText: text) else {
            throw fields.error(key, "expected a percentage from 0 to 100 with at most two decimals, found \(YAMLFields.shape(of: text))")
        }
        return value
    }

    /// A term dates file: the terms with their half-terms, and the closures inside them.
    public static func readTermDates(_ url: URL) throws(CaseFileError) -> SchoolCalendar {
        let top = try YAMLDocument.fields(of: url)
        _ = try top.string("name")
        var terms: [SchoolCalendar.Term] = []
        for (node, path) in try top.list("terms") {
            let fields = try YAMLFields(node, file: url.path, path: path)
            let term = SchoolCalendar.Term(
                name: try fields.string("name"), starts: try fields.date("starts"), ends: try fields.date("ends"),
                halfTerm: try fields.optionalFields("half_term").map { (half) throws(CaseFileError) in
                    let range = try half.date("starts")...half.date("ends")
                    try half.finish()
                    return range
                })
            try fields.finish()
            if term.ends < term.starts { throw fields.error("ends", "is before the term starts") }
            terms.append(term)
        }
        var closures: [CalendarDate: String] = [:]
        for (node, path) in try top.list("closures", required: false) {
            let fields = try YAMLFields(node, file: url.path, path: path)
            closures[try fields.date("date")] = try fields.string("reason")
            try fields.finish()
        }
        try top.finish()
        return SchoolCalendar(terms: terms, closures: closures)
    }
}
