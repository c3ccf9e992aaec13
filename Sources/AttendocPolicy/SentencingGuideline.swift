import AttendocValues
import AttendocYAML

/// The sentencing information a prosecutor gives the court for an offence (the policy's
/// `sentencing:` section, docs/policies.md): the Sentencing Council's guideline for school
/// non-attendance, its categories with their starting points and ranges, and the fine bands as
/// shares of the offender's relevant weekly income. Printed in the single justice procedure
/// pack; never a figure in Swift.
public struct SentencingGuideline: Sendable, Equatable {
    /// The guideline, in words (`Sentencing Council, School non-attendance (revised 2017)`).
    public var guideline: String
    public var source: String?
    public var fineBands: [FineBand]
    /// By `legal_route.section` (`s444_1`, `s444_1a`, `s443`).
    public var offences: [String: Offence]

    /// A fine band: its starting point and range as percentages of relevant weekly income.
    public struct FineBand: Sendable, Equatable {
        public var band: String
        public var startingPercent: Int
        public var rangeFromPercent: Int
        public var rangeToPercent: Int
    }

    /// What the guideline says for one offence: the most the court may impose, and each
    /// category of seriousness with its starting point and range.
    public struct Offence: Sendable, Equatable {
        public var maximum: String
        /// The largest fine, in pounds (a level 3 fine: £1,000); letters print it from here.
        public var maximumFine: Int
        /// Empty for an offence the guideline does not cover (section 443).
        public var categories: [Category]
    }

    public struct Category: Sendable, Equatable {
        public var category: Int
        public var description: String
        public var startingPoint: String
        public var range: String
    }

    static func read(_ section: YAMLFields) throws(CaseFileError) -> SentencingGuideline {
        var bands: [FineBand] = []
        for (node, path) in try section.list("fine_bands") {
            let fields = try YAMLFields(node, file: section.file, path: path)
            let range = try fields.fields("range_percent")
            let band = FineBand(band: try fields.string("band"), startingPercent: try fields.int("starting_percent", in: 1...1000),
                                rangeFromPercent: try range.int("from", in: 0...1000), rangeToPercent: try range.int("to", in: 0...1000))
            try range.finish()
            try fields.finish()
            guard band.rangeFromPercent <= band.startingPercent, band.startingPercent <= band.rangeToPercent else {
                throw fields.error("starting_percent", "is \(band.startingPercent), outside its range (\(band.rangeFromPercent) to \(band.rangeToPercent))")
            }
            bands.append(band)
        }
        var offences: [String: Offence] = [:]
        let offencesSection = try section.fields("offences")
        for key in offencesSection.keys {
            let fields = try offencesSection.fields(key)
            var categories: [Category] = []
            // Optional: an offence the guideline does not cover (section 443) has its maximum only.
            for (node, path) in try fields.list("categories", required: false) {
                let item = try YAMLFields(node, file: section.file, path: path)
                categories.append(Category(category: try item.int("category", in: 1...9), description: try item.string("description"),
                                           startingPoint: try item.string("starting_point"), range: try item.string("range")))
                try item.finish()
            }
            offences[key] = Offence(maximum: try fields.string("maximum"), maximumFine: try fields.int("maximum_fine", in: 1...1_000_000),
                                    categories: categories)
            try fields.finish()
        }
        try offencesSection.finish()
        let guideline = SentencingGuideline(guideline: try section.string("guideline"), source: try section.optionalString("source"),
                                            fineBands: bands, offences: offences)
        try section.finish()
        return guideline
    }
}
