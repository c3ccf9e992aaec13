import AttendocCaseModel
import AttendocValues
import Foundation

/// The case as the evidence bundle may show it. The bundle is served on every defendant, so it is
/// made from this view, never from the case itself:
/// - a confidential address is withheld (from every copy, its owner's included: the other parent
///   is served the same bundle);
/// - agency-only notes of meetings are left out (they are about other people, or not for the
///   family);
/// - a safeguarding referral is left out (sensitive material, for the prosecutor's sensitive schedule);
/// - siblings, who are not named in the proceedings, are left out: their UPN and school are
///   never printed, and their names in the case's free text (minutes, outcomes) become
///   "a sibling".
/// `leftOut` says what was left out and why, by place in the case file, never by the detail
/// itself; `attendoc bundle` prints it and writes it into the manifest.
public struct CourtView: Sendable {
    public struct LeftOut: Sendable, Equatable, CustomStringConvertible {
        /// Where in the case file (`parents[1].address`, `meetings[1].agency_only_notes`).
        public var place: String
        public var why: String
        public var description: String { "\(place): \(why)" }
    }

    /// What a withheld address prints as, in its two lines.
    public static let withheldAddress = PostalAddress(lines: ["Address withheld"], postcode: "(confidential)")
    /// What a sibling's name becomes in free text.
    public static let siblingWords = "a sibling"

    public var attendanceCase: AttendanceCase
    public var leftOut: [LeftOut]

    public init(of original: AttendanceCase) {
        var view = original
        var leftOut: [LeftOut] = []

        for index in view.parentsAndCarers.indices where view.parentsAndCarers[index].addressConfidential {
            let parent = view.parentsAndCarers[index]
            if parent.ownAddress != nil {
                view.parentsAndCarers[index].ownAddress = Self.withheldAddress
                leftOut.append(LeftOut(place: "\(parent.casePath).address",
                                       why: "withheld from every document: the address is confidential (address_confidential: yes)"))
            }
        }
        if original.isPupilAddressConfidential {
            view.pupil.address = Self.withheldAddress
            leftOut.append(LeftOut(place: "pupil.address",
                                   why: "withheld from every document: a parent with a confidential address lives there"))
        }

        for index in view.meetings.indices where view.meetings[index].agencyOnlyNotes != nil {
            view.meetings[index].agencyOnlyNotes = nil
            leftOut.append(LeftOut(place: "\(view.meetings[index].casePath).agency_only_notes",
                                   why: "left out of the minutes: agency-only notes are not served on the family"))
        }

        // A safeguarding referral (a referrals: entry with service: safeguarding) is sensitive
        // material: it is never listed in the bundle or a statement served on the parents, nor on
        // the schedule served with them; it is for the prosecutor's sensitive schedule.
        for referral in original.referrals where referral.service == .safeguarding {
            leftOut.append(LeftOut(place: referral.casePath,
                                   why: "withheld from the bundle and the statements: a safeguarding referral is sensitive unused material, for the prosecutor's schedule of sensitive material (not served on the family)"))
        }
        view.referrals.removeAll { $0.service == .safeguarding }

        // Siblings: the list itself, then their names wherever the case's own words use them.
        let siblingNames = original.pupil.siblings.compactMap(\.name)
        for (index, _) in original.pupil.siblings.enumerated() {
            leftOut.append(LeftOut(place: "pupil.siblings[\(index)]",
                                   why: "UPN and school left out: a sibling is not named in the proceedings"))
        }
        view.pupil.siblings = []
        if !siblingNames.isEmpty {
            var replacer = SiblingNames(names: siblingNames)
            for index in view.meetings.indices {
                let path = view.meetings[index].casePath
                var meeting = view.meetings[index]
                meeting.discussion = meeting.discussion.map { replacer.replace(in: $0, at: "\(path).discussion") }
                meeting.barriers = meeting.barriers.map { replacer.replace(in: $0, at: "\(path).barriers") }
                meeting.apologies = meeting.apologies.map { replacer.replace(in: $0, at: "\(path).apologies") }
                meeting.contactArrangements = meeting.contactArrangements.map { replacer.replace(in: $0, at: "\(path).contact_arrangements") }
                for (actionIndex, action) in meeting.actions.enumerated() {
                    meeting.actions[actionIndex].action = replacer.replace(in: action.action, at: "\(path).actions[\(actionIndex)]")
                    meeting.actions[actionIndex].owner = replacer.replace(in: action.owner, at: "\(path).actions[\(actionIndex)]")
                }
                for (attendeeIndex, attendee) in meeting.attendees.enumerated() {
                    meeting.attendees[attendeeIndex].name = replacer.replace(in: attendee.name, at: "\(path).attendees[\(attendeeIndex)]")
                }
                view.meetings[index] = meeting
            }
            for index in view.supportiveMeasures.indices {
                let path = view.supportiveMeasures[index].casePath
                view.supportiveMeasures[index].what = replacer.replace(in: view.supportiveMeasures[index].what, at: "\(path).what")
                view.supportiveMeasures[index].outcome = view.supportiveMeasures[index].outcome.map { replacer.replace(in: $0, at: "\(path).outcome") }
            }
            view.supportOffered = view.supportOffered.enumerated().map { replacer.replace(in: $0.element, at: "support_offered[\($0.offset)]") }
            for place in replacer.places {
                leftOut.append(LeftOut(place: place, why: "a sibling's name replaced by \"\(Self.siblingWords)\": a sibling is not named in the proceedings"))
            }
        }
        self.attendanceCase = view
        self.leftOut = leftOut
    }
}

/// Finds siblings' names in free text: the full name first, then the forename alone, as whole
/// words (so "Ronan" is found in "Take Ronan to school" but not in "Ronanstown").
private struct SiblingNames {
    let patterns: [String]
    private(set) var places: [String] = []

    init(names: [String]) {
        var patterns: [String] = []
        for name in names {
            patterns.append(name)
            if let forename = name.split(separator: " ").first, forename.count > 1, String(forename) != name {
                patterns.append(String(forename))
            }
        }
        // Longest first, so a full name is replaced whole before its forename is looked for.
        self.patterns = patterns.sorted { $0.count > $1.count }
    }

    mutating func replace(in text: String, at place: String) -> String {
        var result = text
        for pattern in patterns {
            result = Self.replaceWholeWords(pattern, in: result, with: CourtView.siblingWords)
        }
        if result != text && !places.contains(place) { places.append(place) }
        return result
    }

    static func replaceWholeWords(_ word: String, in text: String, with replacement: String) -> String {
        var result = ""
        var rest = text[...]
        while let range = rest.range(of: word) {
            let before = range.lowerBound == rest.startIndex ? (result.last) : rest[rest.index(before: range.lowerBound)]
            let after = range.upperBound == rest.endIndex ? nil : rest[range.upperBound]
            let isWholeWord = !(before.map(Self.isWordCharacter) ?? false) && !(after.map(Self.isWordCharacter) ?? false)
            result += rest[..<range.lowerBound]
            result += isWholeWord ? replacement : String(rest[range])
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }
}
