import AttendocValues

extension PupilRegister {
    /// A pupil's register from marks as the workspace's record holds them (the latest import's mark
    /// for each session), so that the engine computes the same figures as from the export itself.
    /// A mark the code table does not know is an error naming the pupil by UPN, the day and session.
    public init(upn: String, recordedMarks marks: [(day: CalendarDate, morning: Bool, code: String)],
                codes: AttendanceCodeTable) throws(AttendocError) {
        var byDay: [CalendarDate: (UInt8, UInt8)] = [:]
        for mark in marks {
            guard let number = codes.number(of: mark.code) else {
                throw AttendocError(.register, "the record holds a mark the code table does not know for \(upn) on \(mark.day.iso) (\(mark.morning ? "AM" : "PM"))",
                                    suggestion: "import the school's register again")
            }
            var day = byDay[mark.day] ?? (RegisterDay.noMark, RegisterDay.noMark)
            if mark.morning { day.0 = number } else { day.1 = number }
            byDay[mark.day] = day
        }
        self.init(upn: upn, days: byDay.keys.sorted().map { RegisterDay(date: $0, morning: byDay[$0]!.0, afternoon: byDay[$0]!.1) }, codes: codes)
    }
}

extension Register {
    /// A register of pupils made from the record's marks (`PupilRegister(upn:recordedMarks:codes:)`),
    /// such as a school's latest import as the record holds it; `source` names it in messages.
    public init(source: String, recordedPupils pupils: [PupilRegister]) {
        self.init(source: source, pupils: pupils)
    }
}
