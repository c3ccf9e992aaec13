import AttendocCaseModel
import AttendocEngine

extension QuotedAttendance {
    /// The engine's figures, as a letter quotes them.
    public init(_ figures: PupilFigures) {
        self.init(from: figures.from, to: figures.to, possibleSessions: figures.possibleSessions,
                  attendedSessions: figures.attendedSessions, authorisedAbsenceSessions: figures.authorisedAbsenceSessions,
                  unauthorisedAbsenceSessions: figures.unauthorisedAbsenceSessions)
    }
}
