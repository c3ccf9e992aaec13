import AttendocCaseModel
import AttendocEngine
import AttendocValues

/// Section A's matters relevant to the defence and to sentence: what the record holds that may
/// explain the absence or bear on the penalty, stated whether it helps the prosecution or not
/// (CPIA 1996 s3; CrimPR r8.3). Every figure is the engine's (`AbsenceByReason`), every other fact
/// the case's own record, from the court view:
/// - the priority cohorts recorded for the pupil (seed 001: a young carer, a child with a social
///   worker...);
/// - authorised and unauthorised absence by reason, over the charge and the school year, with the
///   days of the week a reason falls on most (an illness every Thursday);
/// - sessions whose reason was never established (code N);
/// - the barriers recorded in the minutes of each meeting;
/// - actions the school or an agency promised at a meeting, due by the bundle's date, that the
///   record does not show done (`done_on`);
/// - support accepted and still running at the bundle's date.
/// The words are `templates/partials/bundle/defence-matters.mustache`.
enum DefenceMatters {
    static func values(_ bundle: EvidenceBundle, year: (from: CalendarDate, to: CalendarDate)) -> [String: Any] {
        let attendanceCase = bundle.view.attendanceCase
        let cohorts = attendanceCase.pupil.priorityCohorts.map { ["name": $0.description] }

        var reasons: [[String: Any]] = []
        var unresolved: [String: Any] = ["charge": "0", "year": "0"]
        if let register = bundle.view.pupilRegister {
            let charge = AbsenceByReason(register: register, from: bundle.offenceFrom, through: bundle.offenceTo)
            let year = AbsenceByReason(register: register, from: year.from, through: year.to)
            for reason in year.reasons {
                let inCharge = charge.reasons.first { $0.code == reason.code }?.sessions ?? 0
                let days = BundleContext.names(reason.mostOn.map { $0 + "s" })
                reasons.append([
                    "code": reason.code, "meaning": reason.meaning, "isAuthorised": reason.isAuthorised,
                    "charge": String(inCharge), "year": String(reason.sessions),
                    "hasPattern": !days.isEmpty, "days": days, "onDays": String(reason.sessionsOnMost),
                ])
            }
            unresolved = [
                "charge": String(charge.reasons.first { $0.code == AbsenceByReason.notYetEstablished }?.sessions ?? 0),
                "year": String(year.reasons.first { $0.code == AbsenceByReason.notYetEstablished }?.sessions ?? 0),
            ]
            unresolved["any"] = unresolved["year"] as? String != "0"
        }
        unresolved["any"] = unresolved["any"] ?? false

        let barriers: [[String: Any]] = attendanceCase.meetings.filter { !$0.barriers.isEmpty && $0.date <= bundle.asOf }.map { meeting in
            ["date": meeting.date.longForm, "meeting": meeting.kind.description, "barriers": meeting.barriers.map { ["text": $0] }]
        }

        // Promised by someone other than the family, due by the bundle's date, not recorded done.
        let family = attendanceCase.parentsAndCarers
        let pupilNames = [attendanceCase.pupil.fullName, attendanceCase.pupil.knownAs]
        var notDone: [[String: Any]] = []
        for meeting in attendanceCase.meetings where meeting.date <= bundle.asOf {
            for action in meeting.actions {
                guard let due = action.dueDate, due <= bundle.asOf, action.doneOn == nil,
                      !family.contains(where: { $0.answersTo(action.owner) }), !pupilNames.contains(action.owner) else { continue }
                notDone.append(["owner": action.owner, "action": action.action, "due": due.longForm,
                                "meeting": meeting.kind.description, "date": meeting.date.longForm])
            }
        }

        let running: [[String: Any]] = attendanceCase.supportiveMeasures.filter { measure in
            measure.response == .accepted && (measure.startedOn.map { $0 <= bundle.asOf } ?? false)
                && (measure.endedOn.map { $0 > bundle.asOf } ?? true)
        }.map { measure in
            ["what": measure.what, "offeredBy": measure.offeredBy, "started": measure.startedOn?.longForm ?? ""]
        }

        // Under section 443, the defence section 443(1) gives, and the parent's response to the
        // section 437(1) notice as the record holds it.
        var order: Any = false
        if bundle.route.section == .s443 {
            let response = attendanceCase.schoolAttendanceOrder?.response
            order = ["hasResponse": response != nil, "on": response?.on.longForm ?? "", "summary": response?.summary ?? ""] as [String: Any]
        }
        return [
            "s443": order,
            "pupil": attendanceCase.pupil.preferredForename ?? attendanceCase.pupil.forename,
            "cohorts": cohorts, "hasCohorts": !cohorts.isEmpty,
            "charge": ["from": bundle.offenceFrom.longForm, "to": bundle.offenceTo.longForm],
            "year": ["from": year.from.longForm, "to": year.to.longForm],
            "asOf": bundle.asOf.longForm,
            "reasons": reasons, "hasReasons": !reasons.isEmpty,
            "unresolved": unresolved,
            "barriers": barriers, "hasBarriers": !barriers.isEmpty,
            "notDone": notDone, "hasNotDone": !notDone.isEmpty,
            "running": running, "hasRunning": !running.isEmpty,
        ]
    }
}
