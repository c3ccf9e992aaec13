import AttendocCaseModel
import AttendocCasework
import AttendocDocuments
import AttendocValues

extension EvidenceBundle {
    /// Whose witness statement produces an exhibit and states the step it proves: the officer's
    /// (the local authority's own acts) or the school witness's (the school's).
    public enum Producer: Sendable, Hashable {
        case officer
        case school
    }

    /// The one place that decides who produces what (docs/evidence-bundle.md, "Who produces
    /// what"). The plan numbers each exhibit from its producer's initials with it, and the
    /// statements take each step's paragraph by it, so the two can never disagree. Every rule
    /// reads the record: the workspace's issued-by for a recorded copy, the letterhead a document
    /// bears for one Attendoc makes, `offered_by` for a supportive measure, `made_by` for a
    /// referral. Without a school witness the officer produces everything (and `check --for
    /// prosecution` names the missing witness).
    public struct Producers: Sendable {
        public var schoolWitness: LegalRoute.Witness?
        var organisations: CaseOrganisations
        var meetings: [Meeting]
        var officerName: String

        public init(_ attendanceCase: AttendanceCase) {
            meetings = attendanceCase.meetings
            officerName = attendanceCase.officer.name
            schoolWitness = attendanceCase.legalRoute?.schoolWitness
            organisations = CaseOrganisations(attendanceCase)
        }

        private func resolved(_ producer: Producer) -> Producer { schoolWitness == nil ? .officer : producer }

        func isSchool(_ organisation: String) -> Bool { organisations.isSchool(organisation) }
        func isAuthority(_ organisation: String) -> Bool { organisations.isAuthority(organisation) }

        /// A document Attendoc makes: whoever's letterhead it bears (`DocumentKind.sentBy`).
        public func ofDocument(_ kind: DocumentKind) -> Producer {
            resolved(kind.sentBy == .school ? .school : .officer)
        }

        /// A copy the workspace's record holds: the school witness when its issued-by names them
        /// or the school; otherwise the officer, who produces it from the record.
        public func ofRecordedCopy(_ copy: RecordedCopy) -> Producer {
            resolved(isSchool(copy.issuedBy) ? .school : .officer)
        }

        /// A letter the case file records as sent (`letters_issued`): its `sent_by` when the
        /// record gives it; else the letterhead of its kind; a parent's copy of minutes is the
        /// producer of the meeting it copies (the last minuted before it was sent); a kind
        /// Attendoc does not make is the officer's, from the records.
        public func ofIssuedLetter(_ letter: IssuedLetter) -> Producer {
            switch sender(ofIssued: letter) {
            case .school: resolved(.school)
            case .localAuthority, nil: .officer
            }
        }

        /// Who sent a letter the case file records, by the rules of `ofIssuedLetter`, whether or
        /// not there is a school witness; nil when the record does not say.
        public func sender(ofIssued letter: IssuedLetter) -> IssuedLetter.Sender? {
            if let sentBy = letter.sentBy { return sentBy }
            if letter.kind == .known(.minutesParentCopy) {
                let meeting = meetings.filter { $0.date <= letter.date && CaseHistory.hasBeenMinuted($0) }.max { $0.date < $1.date }
                guard let meeting else { return nil }
                return Self.isSchools(meeting) ? .school : .localAuthority
            }
            return CaseHistory.documentKind(forIssued: letter).map { $0.sentBy == .school ? .school : .localAuthority }
        }

        /// The name of the witness who produces as `producer`.
        public func name(of producer: Producer) -> String {
            producer == .school ? schoolWitness?.name ?? officerName : officerName
        }

        /// A meeting and the records made at it: an interview under caution and an attendance
        /// panel are the local authority's; any other meeting's minutes and contract bear the
        /// school's letterhead.
        public func ofMeeting(_ meeting: Meeting) -> Producer {
            resolved(Self.isSchools(meeting) ? .school : .officer)
        }

        static func isSchools(_ meeting: Meeting) -> Bool {
            if meeting.kind == .paceInterview || meeting.kind == .attendancePanel || !meeting.interviews.isEmpty { return false }
            return DocumentKind.meetingMinutes.sentBy == .school
        }

        /// A supportive measure and its evidence: the school witness when `offered_by` is the
        /// school (or the witness); otherwise the officer (the local authority's own support, or
        /// a third party's, which the officer states from the records).
        public func ofMeasure(_ measure: SupportiveMeasure) -> Producer {
            resolved(isSchool(measure.offeredBy) ? .school : .officer)
        }

        /// A referral to a service: the school witness when `made_by` names the school (or the
        /// witness), or when it is not recorded and the referral is to the local authority itself
        /// (the school's referral, `referral.referred_on`); otherwise the officer.
        public func ofReferral(_ referral: AgencyReferral) -> Producer {
            if let by = referral.madeBy { return resolved(isSchool(by) ? .school : .officer) }
            return resolved(isAuthority(referral.to) ? .school : .officer)
        }

        /// The initials of each producer's exhibit numbers: the officer's (`Alex Brennan` → `AB`)
        /// and the school witness's (`Ms Laura Hughes` → `LH`); when both would have the same
        /// initials, the school witness's take the second letter of their surname too (`LHU`).
        public func prefix(_ producer: Producer, officer: String) -> String {
            let officerPrefix = EvidenceBundle.exhibitPrefix(for: officer)
            guard producer == .school, let witness = schoolWitness else { return officerPrefix }
            let prefix = EvidenceBundle.exhibitPrefix(for: witness.name)
            guard prefix == officerPrefix else { return prefix }
            let surname = witness.name.split(separator: " ").last.map(String.init) ?? ""
            return prefix + (surname.dropFirst().first.map { String($0).uppercased() } ?? "S")
        }
    }
}
