import AttendocCaseModel
import AttendocCasework
import AttendocEngine
import AttendocValues

/// The APDR record's values (seed 003, tier 2: "complete an Assess Plan Do Review (APDR) form and
/// pupil voice for pupils with attendance 92% and below"): the record's four parts as the school
/// wrote them, the pupil's own words in a part of their own, and the engine's figures and tier on
/// the record's date, which must be below the threshold of the policy's APDR step where it has one.
///
/// Keys (docs/templates.md): `apdr.*`, `voice.*`, `figures.*`, `tier`.
enum APDRFacts {
    static func values(case loaded: LoadedCase, dated date: CalendarDate, options: LetterOptions) throws(AttendocError) -> [String: Any] {
        let record = try ChosenRecord.choose(loaded.attendanceCase.apdr, path: options.record, dated: date, section: "apdr",
                                             what: "APDR record", place: \.casePath, day: \.date)
        let figures = try StepThreshold.figures(for: .apdrRecord, case: loaded, on: record.date, record: "\(record.casePath) of \(record.date.longForm)")
        var apdr: [String: Any] = [
            "date": LetterContext.dateValue(record.date),
            "completedBy": record.completedBy,
            "assess": record.assess,
            "plan": record.plan,
            "do": record.doing,
            "hasDo": !record.doing.isEmpty,
            "review": record.review,
            "hasReview": !record.review.isEmpty,
        ]
        apdr["reviewDate"] = record.reviewDate.map(LetterContext.dateValue)
        var values: [String: Any] = [
            "apdr": apdr,
            "figures": LetterContext.attendanceValue(QuotedAttendance(figures)),
        ]
        values["tier"] = figures.tier
        if let voice = record.pupilVoice {
            var heard: [String: Any] = [
                "gatheredOn": LetterContext.dateValue(voice.gatheredOn),
                "gatheredBy": voice.gatheredBy,
                "words": voice.words,
            ]
            heard["how"] = voice.how
            values["voice"] = heard
        }
        return values
    }
}
