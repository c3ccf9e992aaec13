import AttendocRegister
import AttendocValues

/// The marks of a pupil's last possible sessions up to a date, for a referral checklist's "no
/// unexplained N codes in the last 60 sessions": which of them carry a given code.
public struct RecentSessions: Sendable, Equatable {
    public struct Marked: Sendable, Equatable {
        public var date: CalendarDate
        public var session: Session
    }

    /// How many possible sessions were looked at (fewer than asked when the register is shorter).
    public var counted: Int
    /// The sessions among them marked with one of the codes, oldest first.
    public var marked: [Marked]

    public init(register: PupilRegister, last count: Int, through: CalendarDate, codes: Set<String>) {
        var counted = 0
        var marked: [Marked] = []
        let last = Int32(through.daysSinceEpoch)
        outer: for registerDay in register.days.reversed() where registerDay.dayNumber <= last {
            for session in Session.allCases.reversed() {
                let number = registerDay.code(session)
                guard number != RegisterDay.noMark else { continue }
                let code = register.codes.code(number: number)
                guard code.category.isPossibleSession else { continue }
                if counted == count { break outer }
                counted += 1
                if codes.contains(code.code) { marked.append(Marked(date: registerDay.date, session: session)) }
            }
        }
        self.counted = counted
        self.marked = marked.reversed()
    }
}
