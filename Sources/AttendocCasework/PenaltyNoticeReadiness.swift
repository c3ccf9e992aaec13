import AttendocCaseModel
import AttendocValues

/// Penalty notices that stand in the way of a prosecution for the charge period: one paid (payment
/// discharges liability for the offence in its period, section 444A Education Act 1996; the
/// complaint that matters most is a council prosecuting a parent who paid), or one that can still
/// be paid (no proceedings during the payment period).
public enum PenaltyNoticeReadiness {
    /// Why papers for a prosecution of `loaded` as of `date` must not be made at all: the paid
    /// notices whose period overlaps the charge, in words; empty when there are none.
    public static func refusals(_ loaded: LoadedCase, asOf date: CalendarDate, history: PenaltyNoticeHistory, sent: [SentLetter]? = nil) -> [String] {
        guard let route = loaded.attendanceCase.legalRoute, route.isProsecution,
              let charge = ChargePeriod.of(loaded, asOf: date, sent: sent) else { return [] }
        return history.paid(overlapping: charge.from, charge.to).compactMap { notice in
            guard let terms = notice.terms, let paidOn = notice.paidOn else { return nil }
            return "the penalty notice to \(notice.recipientPath) issued on \(notice.issuedOn.longForm) for \(terms.periodFrom.longForm) to \(terms.periodTo.longForm) was paid on \(paidOn.longForm); payment discharges liability for the offence in that period (section 444A Education Act 1996), and the charge (\(charge.from.longForm) to \(charge.to.longForm)) overlaps it"
        }
    }

    static func gaps(_ loaded: LoadedCase, asOf date: CalendarDate, history: PenaltyNoticeHistory, sent: [SentLetter]?) -> [ProsecutionReadiness.Gap] {
        guard let route = loaded.attendanceCase.legalRoute, route.isProsecution,
              let charge = ChargePeriod.of(loaded, asOf: date, sent: sent) else { return [] }
        var gaps = refusals(loaded, asOf: date, history: history, sent: sent).map {
            ProsecutionReadiness.Gap(place: "legal_route.offence_period", problem: $0,
                                     toDo: "charge only days after the paid notice's period, or do not prosecute for this absence")
        }
        for notice in history.stillPayable(overlapping: charge.from, charge.to, on: date) {
            guard let terms = notice.terms else { continue }
            gaps.append(.init(place: "legal_route.offence_period",
                              problem: "the penalty notice to \(notice.recipientPath) issued on \(notice.issuedOn.longForm) for \(terms.periodFrom.longForm) to \(terms.periodTo.longForm) can still be paid until \(terms.payByGiven.longForm); no proceedings are brought for the offence while it can be",
                              toDo: "wait until the payment period has ended, then record the outcome (attendoc penalty-notice record-payment or record-unpaid)"))
        }
        return gaps
    }
}
