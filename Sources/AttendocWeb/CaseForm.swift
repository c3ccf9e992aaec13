import AttendocCaseModel
import Foundation

/// The case form: the sections of the case file an office fills in, each field named by its path in
/// the YAML (docs/case-file.md), so that the case file reader's error for `parents[1].forename`
/// lands on that field. The form shows and writes these fields only; everything else in the file
/// is kept as it was, and so is the letters issued: a letter is in the record when it was issued
/// (`attendoc issue`, the issue screen), never typed here (`CaseFormLettersIssued`). A list's items
/// may hold lists of their own (a meeting's attendees and actions), named by their whole path
/// (`meetings[2].attendees[0].name`).
struct CaseForm {
    struct Field {
        enum Kind {
            case text, longText, date, number, yesNo, lines, oneOrMore, time
            case choice([(value: String, label: String)])
            case checkboxes([(value: String, label: String)])
            /// A choice among the case's own items (its meetings, its parents), by what they hold.
            case choiceFrom(CaseFormChoice)
            /// Several of the case's own items (parents by their short names).
            case checkboxesFrom(CaseFormChoice)
        }

        var key: String
        var label: String
        var hint: String? = nil
        var kind: Kind = .text
    }

    struct Section {
        var heading: String
        /// `pupil`, or for a list of items, `parents`.
        var path: String
        var fields: [Field]
        /// The heading of each item of a list section (`Parent or carer 2`); nil for one mapping.
        var item: String? = nil
        /// Lists inside each item (a meeting's attendees and actions), their `path` relative to the item.
        var lists: [Section] = []
        /// Shown only in an item whose field holds this value (a meeting's interviews: only in a
        /// `pace_interview`); nil: in every item, the empty "Add a ..." one included.
        var onlyWhen: (key: String, value: String)? = nil
    }

    static func sections(policies: [String]) -> [Section] {
        let address: [Field] = [
            Field(key: "address.lines", label: "Address", hint: "One line of the address per line, without the postcode", kind: .lines),
            Field(key: "address.postcode", label: "Postcode"),
        ]
        let yesNo = Field.Kind.yesNo
        // Files already in the case's folder, which the case cites; a hand-written entry with more
        // about it (its `from:`, `consent:`, `pages:`) makes the field read-only, kept as written.
        let evidence = Field(key: "evidence", label: "Evidence files (optional)",
                             hint: "Files in the case's folder that show it, one per line, as a path from that folder (evidence/home-visit-2026-11-05.pdf); each must be there",
                             kind: .lines)
        let actions: [Field] = [
            Field(key: "owner", label: "Who will do it", hint: "A name or a role"),
            Field(key: "action", label: "What they will do", kind: .longText),
            Field(key: "due_date", label: "Due by (optional)", hint: "Not before the meeting, YYYY-MM-DD", kind: .date),
            Field(key: "done_on", label: "Done on (optional)", hint: "When the record shows it done, YYYY-MM-DD", kind: .date),
        ]
        return [
            Section(heading: "The case", path: "", fields: [
                Field(key: "reference", label: "Case reference", hint: "Printed on every document, for example CAT/2026/0142"),
                Field(key: "policy", label: "Policy", hint: "The thresholds, tier bands, deadlines and term dates the case follows (needed with a register)",
                      kind: .choice(policies.map { ($0, $0) })),
            ]),
            Section(heading: "Pupil", path: "pupil", fields: [
                Field(key: "upn", label: "Unique Pupil Number (UPN)", hint: "13 characters, for example A123456789012; needed with a register"),
                Field(key: "forename", label: "Legal forename"),
                Field(key: "surname", label: "Legal surname"),
                Field(key: "preferred_forename", label: "Preferred forename (optional)", hint: "The name letters use in the text"),
                Field(key: "date_of_birth", label: "Date of birth", hint: "Written YYYY-MM-DD, for example 2013-03-04", kind: .date),
                Field(key: "year_group", label: "Year group", hint: "0 (Reception) to 14", kind: .number),
                Field(key: "admitted_on", label: "Admitted on (optional)", hint: "The day the pupil was entered on the admission register, YYYY-MM-DD", kind: .date),
            ] + address + [
                Field(key: "priority_cohorts", label: "Priority cohorts (optional)", hint: "Select all that apply",
                      kind: .checkboxes(PriorityCohort.allCases.map { ($0.rawValue, $0.description) })),
            ], lists: [
                Section(heading: "Brothers and sisters in the household (optional)", path: "siblings", fields: [
                    Field(key: "upn", label: "Their UPN", hint: "13 characters; not the pupil's own (a panel counts the household's children as one referral)"),
                    Field(key: "name", label: "Their name (optional)"),
                    Field(key: "school", label: "Their school (optional)", hint: "When it is not the pupil's school"),
                ], item: "Sibling"),
            ]),
            Section(heading: "Parents and carers", path: "parents", fields: [
                Field(key: "id", label: "Short name", hint: "How other sections refer to this person, such as mother, father or carer-2 (lower-case letters, digits, - and _); not printed"),
                Field(key: "title", label: "Title (optional)", hint: "Ms, Mr, Mx, Dr..."),
                Field(key: "forename", label: "Forename"),
                Field(key: "surname", label: "Surname"),
                Field(key: "relationship", label: "Relationship to the pupil", hint: "In words: mother, father, grandmother, foster carer..."),
                Field(key: "natural_parent", label: "Natural (birth) parent", kind: yesNo),
                Field(key: "parental_responsibility", label: "Has parental responsibility", kind: yesNo),
                Field(key: "lives_with_pupil", label: "Lives with the pupil", kind: yesNo),
                Field(key: "care_of_child", label: "Has care of the child (optional)", hint: "Left out: the same as lives with the pupil", kind: yesNo),
            ] + address.map { var field = $0; field.label += " (when they do not live with the pupil)"; return field } + [
                Field(key: "address_confidential", label: "Address is confidential", hint: "Yes: only this person's own copy of a document shows the address they live at", kind: yesNo),
                Field(key: "phone", label: "Phone (optional)", hint: "One number per line", kind: .oneOrMore),
                Field(key: "email", label: "Email (optional)"),
                Field(key: "preferred_language", label: "Preferred language (optional)", hint: "Left out: English"),
                Field(key: "needs", label: "Communication needs (optional)", hint: "Select all that apply",
                      kind: .checkboxes(CommunicationNeed.allCases.map { ($0.rawValue, $0.description) })),
                Field(key: "do_not_contact", label: "Do not contact", hint: "Yes: they receive no letter at all", kind: yesNo),
                Field(key: "do_not_contact_reason", label: "Why not to contact them", hint: "Needed when they are not to be contacted; for officers only, never printed", kind: .longText),
            ], item: "Parent or carer"),
            Section(heading: "School", path: "school", fields: [
                Field(key: "name", label: "School name"),
                Field(key: "urn", label: "URN", hint: "The school's Unique Reference Number, 6 digits"),
                Field(key: "head_teacher", label: "Head teacher", hint: "Copies of letters go to the head teacher"),
            ] + address + [
                Field(key: "phone", label: "Office phone (optional)"),
                Field(key: "email", label: "Office email (optional)"),
            ]),
            Section(heading: "Local authority", path: "local_authority", fields: [
                Field(key: "name", label: "Local authority", hint: "Who sends the letters: their letterhead"),
                Field(key: "department", label: "Department (optional)"),
            ] + address + [
                Field(key: "phone", label: "Phone (optional)"),
                Field(key: "email", label: "Email (optional)"),
            ]),
            Section(heading: "Officer", path: "officer", fields: [
                Field(key: "name", label: "Officer's name", hint: "The officer who signs the local authority's letters"),
                Field(key: "role", label: "Officer's role"),
                Field(key: "phone", label: "Phone (optional)"),
                Field(key: "email", label: "Email (optional)"),
            ]),
            Section(heading: "Referral to the local authority (optional)", path: "referral", fields: [
                Field(key: "referred_on", label: "Referred on", hint: "The day the school referred the case, YYYY-MM-DD", kind: .date),
                Field(key: "accepted_on", label: "Accepted on", hint: "The day the local authority accepted the referral, YYYY-MM-DD", kind: .date),
            ]),
            Section(heading: "Register", path: "register", fields: [
                Field(key: "file", label: "Register export", hint: "The school's CSV or Common Transfer File, as a path relative to the case file's folder (registers/school.csv); every figure is computed from it"),
            ]),
            Section(heading: "Attendance figures, for a case without a register", path: "attendance", fields: [
                Field(key: "from", label: "From", kind: .date),
                Field(key: "to", label: "To", kind: .date),
                Field(key: "possible_sessions", label: "Possible sessions", kind: .number),
                Field(key: "attended", label: "Sessions attended", kind: .number),
                Field(key: "authorised_absence", label: "Sessions of authorised absence", kind: .number),
                Field(key: "unauthorised_absence", label: "Sessions of unauthorised absence", kind: .number),
            ]),
            Section(heading: "Meetings", path: "meetings", fields: [
                Field(key: "kind", label: "Kind of meeting", kind: .choice(Meeting.Kind.allCases.map { ($0.rawValue, $0.description) })),
                Field(key: "date", label: "Date", hint: "YYYY-MM-DD", kind: .date),
                Field(key: "time", label: "Time (optional)", hint: "24-hour clock, HH:MM", kind: .time),
                Field(key: "place", label: "Place (optional)"),
                Field(key: "apologies", label: "Apologies (optional)", hint: "The names of those who sent apologies, one per line", kind: .lines),
                Field(key: "discussion", label: "What was discussed (optional)", kind: .longText),
                Field(key: "barriers", label: "Barriers to attendance identified (optional)", hint: "One per line", kind: .lines),
                Field(key: "contact_arrangements", label: "Keeping in touch (optional)", hint: "How contact with the parent and pupil will be kept, and by whom", kind: .longText),
                Field(key: "attendance_target", label: "Attendance target (optional)", hint: "A percentage (90%) or the target in words"),
                Field(key: "review_date", label: "Review date (optional)", hint: "After the meeting, YYYY-MM-DD", kind: .date),
                Field(key: "agency_only_notes", label: "Notes for the agencies only (optional)", hint: "Never in a parent's copy of the minutes", kind: .longText),
            ], item: "Meeting", lists: [
                Section(heading: "Who came", path: "attendees", fields: [
                    Field(key: "name", label: "Name"),
                    Field(key: "role", label: "Their part", hint: "mother, pupil, head of year 8, attendance officer..."),
                    Field(key: "agency", label: "Organisation (optional)", hint: "For professionals: Riverside Academy, Early Help..."),
                ], item: "Attendee"),
                Section(heading: "Actions agreed", path: "actions", fields: actions, item: "Action"),
                Section(heading: "Records of interview under caution", path: "interviews", fields: [
                    Field(key: "interviewee", label: "Interviewee", hint: "The parent or carer interviewed (to be chosen here, a parent needs a short name)", kind: .choiceFrom(.parentID)),
                    Field(key: "start", label: "Started at", hint: "HH:MM", kind: .time),
                    Field(key: "end", label: "Ended at", hint: "HH:MM, after the start", kind: .time),
                    Field(key: "caution_given", label: "Caution given", kind: .yesNo),
                    Field(key: "caution_understood", label: "Caution understood", kind: .yesNo),
                    Field(key: "legal_advice", label: "Legal advice", kind: .choice(InterviewRecord.LegalAdvice.allCases.map { ($0.rawValue, $0.description) })),
                    Field(key: "adviser", label: "Solicitor or adviser (optional)"),
                    Field(key: "interpreter", label: "Interpreter (optional)", hint: "Name and language"),
                    Field(key: "appropriate_adult", label: "Appropriate adult (optional)"),
                    Field(key: "period_put.from", label: "Absences put to them: from", hint: "YYYY-MM-DD, before the interview", kind: .date),
                    Field(key: "period_put.to", label: "Absences put to them: to", hint: "YYYY-MM-DD, before the interview", kind: .date),
                    Field(key: "transcript", label: "Where the full transcript is (optional)", hint: "In words; a summary of questions and answers, or this, is needed"),
                    Field(key: "recording_exhibit", label: "Recording's exhibit number (optional)", hint: "JM/1"),
                ], item: "Interview", lists: [
                    Section(heading: "Everyone in the room", path: "present", fields: [
                        Field(key: "name", label: "Name", hint: "The interviewee by their name as recorded under parents"),
                        Field(key: "role", label: "Their part", hint: "interviewee (mother), interviewing officer..."),
                        Field(key: "agency", label: "Organisation (optional)"),
                    ], item: "Person present"),
                    Section(heading: "Questions and answers", path: "summary", fields: [
                        Field(key: "question", label: "Question put", kind: .longText),
                        Field(key: "answer", label: "Answer given", kind: .longText),
                    ], item: "Question"),
                ], onlyWhen: (key: "kind", value: Meeting.Kind.paceInterview.rawValue)),
            ]),
            Section(heading: "Reviews of a meeting's plan", path: "reviews", fields: [
                Field(key: "of", label: "Meeting reviewed", hint: "The meeting whose plan, contract or target this reviews (a meeting added above: save it first)", kind: .choiceFrom(.meeting)),
                Field(key: "date", label: "Date", hint: "After the meeting, YYYY-MM-DD", kind: .date),
                Field(key: "decision", label: "Decision", kind: .choice(PlanReview.Decision.allCases.map { ($0.rawValue, $0.description) })),
                Field(key: "attendees", label: "Who came (optional)", hint: "One name per line", kind: .lines),
                Field(key: "discussion", label: "What was discussed (optional)", kind: .longText),
                Field(key: "next_review_date", label: "Next review (needed when the plan is extended)", hint: "After the review, YYYY-MM-DD", kind: .date),
                evidence,
            ], item: "Review"),
            Section(heading: "Supportive measures", path: "supportive_measures", fields: [
                Field(key: "what", label: "What was offered", hint: "In the words a parent reads", kind: .longText),
                Field(key: "offered_by", label: "Offered by", hint: "A person, team or agency"),
                Field(key: "offered_on", label: "Offered on", hint: "YYYY-MM-DD", kind: .date),
                Field(key: "offered_to", label: "Offered to (optional)", hint: "The parents and carers it was offered to (to be chosen here, a parent needs a short name)", kind: .checkboxesFrom(.parentID)),
                Field(key: "response", label: "Response", kind: .choice(SupportiveMeasure.Response.allCases.map { ($0.rawValue, $0.rawValue.replacingOccurrences(of: "_", with: " ")) })),
                Field(key: "started_on", label: "Started on (optional)", kind: .date),
                Field(key: "ended_on", label: "Ended on (optional)", kind: .date),
                Field(key: "outcome", label: "Outcome (optional)", kind: .longText),
                evidence,
            ], item: "Supportive measure"),
            Section(heading: "Contacts with the family", path: "contacts", fields: [
                Field(key: "date", label: "Date", hint: "YYYY-MM-DD", kind: .date),
                Field(key: "method", label: "How", kind: .choice(Contact.Method.allCases.map { ($0.rawValue, $0.description) })),
                Field(key: "by", label: "Made by", hint: "Who made the contact, and their role"),
                Field(key: "with", label: "With (optional)", hint: "Who was spoken to or seen, in words"),
                Field(key: "reached", label: "Reached (optional)", hint: "No: an attempt nobody answered", kind: .yesNo),
                Field(key: "summary", label: "What was said or seen (optional)", kind: .longText),
                Field(key: "next_steps", label: "Next steps (optional)", hint: "One per line", kind: .lines),
                evidence,
            ], item: "Contact"),
            Section(heading: "Referrals to other services and agencies", path: "referrals", fields: [
                Field(key: "to", label: "Referred to", hint: "The service or agency: Northshire Early Help, CAMHS..."),
                Field(key: "date", label: "Date of the referral", hint: "YYYY-MM-DD", kind: .date),
                Field(key: "accepted", label: "Accepted", kind: .choice(AgencyReferral.Decision.allCases.map { ($0.rawValue, $0.description) })),
                Field(key: "made_by", label: "Made by (optional)", hint: "The school's name, or the person who made it"),
                Field(key: "service", label: "A request Attendoc writes (optional)", hint: "Only for a request letter Attendoc makes",
                      kind: .choice(AgencyReferral.Service.allCases.map { ($0.rawValue, $0.rawValue.replacingOccurrences(of: "_", with: " ")) })),
                Field(key: "reason", label: "What is asked of the service, and why (needed with a request)", kind: .longText),
                evidence,
            ], item: "Referral"),
            Section(heading: "Consent to contact the GP (optional)", path: "gp_consent", fields: [
                Field(key: "practice", label: "GP practice"),
                Field(key: "doctor", label: "Doctor (optional)"),
            ] + address + [
                Field(key: "parent", label: "Who answered", hint: "Needed once answered", kind: .choiceFrom(.parentPlace)),
                Field(key: "answer", label: "Answer", hint: "Left out: not yet known", kind: .choice(GPConsent.Answer.allCases.map { ($0.rawValue, $0.rawValue.replacingOccurrences(of: "_", with: " ")) })),
                Field(key: "answered_on", label: "Answered on", hint: "The day the signed form came back, YYYY-MM-DD; needed once answered", kind: .date),
                Field(key: "withdrawn_on", label: "Withdrawn on (optional)", kind: .date),
                Field(key: "evidence", label: "The signed form and other evidence (optional)", hint: evidence.hint, kind: .lines),
            ]),
            Section(heading: "Assess, Plan, Do, Review records", path: "apdr", fields: [
                Field(key: "date", label: "Completed on", hint: "YYYY-MM-DD", kind: .date),
                Field(key: "completed_by", label: "Completed by", hint: "Name and role"),
                Field(key: "assess", label: "Assess: what the school found", hint: "One point per line", kind: .lines),
                Field(key: "plan", label: "Plan: what will be done", hint: "One point per line", kind: .lines),
                Field(key: "do", label: "Do: what has been done (optional)", hint: "One point per line", kind: .lines),
                Field(key: "review", label: "Review: what the review found (optional)", hint: "One point per line", kind: .lines),
                Field(key: "review_date", label: "Review date (optional)", hint: "After the record's date, YYYY-MM-DD", kind: .date),
                Field(key: "pupil_voice.gathered_on", label: "The pupil's voice: heard on (optional)", hint: "Not after the record's date, YYYY-MM-DD; needed with the pupil's words", kind: .date),
                Field(key: "pupil_voice.gathered_by", label: "The pupil's voice: heard by", hint: "Name and role; needed with the pupil's words"),
                Field(key: "pupil_voice.how", label: "The pupil's voice: how (optional)", hint: "A talk at lunchtime, a drawing, a questionnaire..."),
                Field(key: "pupil_voice.words", label: "The pupil's own words", hint: "As the pupil said or wrote them, printed as given; one per line", kind: .lines),
                evidence,
            ], item: "APDR record"),
            Section(heading: "Reasonable adjustments for a pupil with SEND", path: "reasonable_adjustments", fields: [
                Field(key: "what", label: "The adjustment", hint: "In the words a parent reads", kind: .longText),
                Field(key: "area", label: "Academic or pastoral", kind: .choice(ReasonableAdjustment.Area.allCases.map { ($0.rawValue, $0.rawValue) })),
                Field(key: "from", label: "In place from", hint: "YYYY-MM-DD", kind: .date),
                Field(key: "agreed_with", label: "Agreed with (optional)", hint: "The parent, the pupil, the SENCo, in words"),
                Field(key: "review_on", label: "Review on (optional)", hint: "After it starts, YYYY-MM-DD", kind: .date),
            ], item: "Adjustment"),
            Section(heading: "Additional Needs Plans", path: "additional_needs_plans", fields: [
                Field(key: "date", label: "Written on", hint: "YYYY-MM-DD", kind: .date),
                Field(key: "completed_by", label: "Written by", hint: "Name and role"),
                Field(key: "needs", label: "Needs identified", hint: "The complex or additional needs, one per line", kind: .lines),
                Field(key: "attendance_priority", label: "Attendance, the plan's key priority", hint: "What the plan aims for in the pupil's attendance, in words", kind: .longText),
                Field(key: "agreed_with", label: "Agreed with (optional)", hint: "In words: Mrs Nowak and Kacpi"),
                Field(key: "review_date", label: "Review date (optional)", hint: "After the plan's date, YYYY-MM-DD", kind: .date),
                evidence,
            ], item: "Additional Needs Plan", lists: [
                Section(heading: "The support: who will do what", path: "support", fields: actions.map { field in
                    var field = field
                    if field.key == "due_date" { field.hint = "YYYY-MM-DD" }
                    return field
                }, item: "Support"),
            ]),
            Section(heading: "School attendance order (optional)", path: "school_attendance_order", fields: [
                Field(key: "notice.served_on", label: "Notice (section 437(1)) served on", hint: "YYYY-MM-DD", kind: .date),
                Field(key: "notice.method", label: "How the notice was served", kind: .choice(IssuedLetter.Method.allCases.map { ($0.rawValue, $0.rawValue) })),
                Field(key: "notice.period_ends_on", label: "Last day the notice gave the parent (optional)", hint: "At least 15 days beginning with the day it was served, YYYY-MM-DD", kind: .date),
                Field(key: "response.on", label: "The parent answered on (optional)", kind: .date),
                Field(key: "response.summary", label: "What the parent said or sent", hint: "In the officer's words; needed with the answer's date", kind: .longText),
                Field(key: "intention.served_on", label: "Notice of intention (section 438(2)) served on (optional)", hint: "After the notice's period, YYYY-MM-DD", kind: .date),
                Field(key: "intention.schools", label: "Schools in the notice of intention", hint: "The school the authority intends to name, then any alternatives, one per line", kind: .lines),
                Field(key: "parent_choice.on", label: "The parent chose a school on (optional)", kind: .date),
                Field(key: "parent_choice.school", label: "The school the parent chose"),
                Field(key: "order.made_on", label: "Order (section 437(3)) made on (optional)", kind: .date),
                Field(key: "order.school", label: "The school the order names"),
                Field(key: "order.served_on", label: "Order served on (optional)", hint: "Not before it was made; a prosecution under section 443 needs it", kind: .date),
                Field(key: "failed_to_comply_from", label: "Failed to comply from (optional)", hint: "The first day the parent failed to comply with the order, YYYY-MM-DD", kind: .date),
            ]),
            Section(heading: "The legal route (optional)", path: "legal_route", fields: [
                Field(key: "section", label: "Route", kind: .choice(LegalRoute.Section.allCases.map { ($0.rawValue, $0.description) })),
                Field(key: "decided_on", label: "Considered on", hint: "The day the route was considered, at referral, YYYY-MM-DD", kind: .date),
                Field(key: "decided_by", label: "Considered by"),
                Field(key: "reasons", label: "Why this route, at referral", kind: .longText),
                Field(key: "first_warning_on", label: "First warning letter sent on (optional)", kind: .date),
                Field(key: "decision.on", label: "Decided to proceed on", hint: "On or after the target's review, YYYY-MM-DD", kind: .date),
                Field(key: "decision.by", label: "Decided by", hint: "Who decided, and their role"),
                Field(key: "decision.education_supervision_order", label: "Whether an Education Supervision Order would be appropriate, and why", kind: .longText),
                Field(key: "decision.support_first", label: "Why the support offered has not worked", kind: .longText),
                Field(key: "decision.public_interest", label: "Why the proceedings are in the public interest", kind: .longText),
                Field(key: "final_warning_on", label: "Final warning sent on (optional)", kind: .date),
                Field(key: "papers_to_court_on", label: "Papers sent to court on (optional)", kind: .date),
                Field(key: "court", label: "Court (optional)"),
                Field(key: "hearing_on", label: "First hearing on (optional)", kind: .date),
                Field(key: "hearing_time", label: "Hearing time (optional)", hint: "HH:MM, only with the hearing's date", kind: .time),
                Field(key: "school_witness.name", label: "School's witness (optional)", hint: "The attendance lead or head of year whose statement produces the school's records"),
                Field(key: "school_witness.role", label: "School witness's role"),
                Field(key: "offence_period.from", label: "Offence period: from (optional)", hint: "The dates of the information laid, YYYY-MM-DD; left out, from the day the first warning was deemed served", kind: .date),
                Field(key: "offence_period.to", label: "Offence period: to", hint: "YYYY-MM-DD, needed with the start", kind: .date),
                Field(key: "signed_statement", label: "The officer's signed statement (optional)", hint: "The PDF scan of the statement as signed, a path from the case's folder (evidence/statement-signed.pdf)"),
                Field(key: "signed_certificate", label: "The signed register certificate (optional)", hint: "The PDF scan the head teacher signed, a path from the case's folder"),
                Field(key: "signed_school_statement", label: "The school witness's signed statement (optional)", hint: "A PDF scan, a path from the case's folder; only with the school's witness"),
                Field(key: "children_services_consultation.on", label: "Children's services consulted on (optional)", hint: "Only for an Education Supervision Order (section 36(8) Children Act 1989), before the papers go to court, YYYY-MM-DD", kind: .date),
                Field(key: "children_services_consultation.with", label: "Who was consulted", hint: "Name, role and team"),
                Field(key: "children_services_consultation.authority", label: "The local authority consulted"),
                Field(key: "children_services_consultation.child_in_care", label: "The child is in the care of a local authority", hint: "As children's services said", kind: yesNo),
                Field(key: "children_services_consultation.response", label: "What children's services said (optional)", hint: "In their words; the application quotes it", kind: .longText),
                Field(key: "parenting_order_request.parents", label: "Parenting order: asked for on the conviction of (optional)",
                      hint: "Only with a prosecution; each must be a defendant below (section 8(1)(d) Crime and Disorder Act 1998)", kind: .checkboxesFrom(.parentID)),
                Field(key: "parenting_order_request.requirements", label: "What the order would require the parent to do", hint: "One requirement per line", kind: .lines),
                Field(key: "parenting_order_request.months", label: "For how many months", hint: "At most the policy's limit (12)", kind: .number),
                Field(key: "parenting_order_request.programme", label: "Counselling or guidance programme (optional)"),
                Field(key: "parenting_order_request.programme_months", label: "The programme's months (optional)", kind: .number),
                Field(key: "parenting_order_request.responsible_officer", label: "Responsible officer (optional)"),
                Field(key: "parenting_order_request.reasons", label: "Why the order would help prevent a further offence", kind: .longText),
                Field(key: "parenting_order_request.family_circumstances", label: "The family's circumstances and the order's likely effect on them", kind: .longText),
            ], lists: [
                Section(heading: "Defendants", path: "defendants", fields: [
                    Field(key: "parent", label: "Parent prosecuted", hint: "A parent under section 576 (to be chosen here, a parent needs a short name)", kind: .choiceFrom(.parentID)),
                    Field(key: "basis", label: "A parent under section 576 Education Act 1996 because they", hint: "Each must be true of their record above",
                          kind: .checkboxes([(ParentOrCarer.ParentBasis.naturalParent.rawValue, "are a natural parent"),
                                             (ParentOrCarer.ParentBasis.parentalResponsibility.rawValue, "have parental responsibility"),
                                             (ParentOrCarer.ParentBasis.careOfChild.rawValue, "have care of the child")])),
                    Field(key: "evidence", label: "Evidence of it (optional)", hint: "A birth certificate, a parental responsibility order, the school's contact record: files in the case's folder, one path per line", kind: .lines),
                    Field(key: "reasons", label: "Why this parent is prosecuted", kind: .longText),
                ], item: "Defendant"),
            ]),
            Section(heading: "Unused material (for a prosecution)", path: "unused_material", fields: [
                Field(key: "item", label: "What the bundle withholds (optional)", hint: "Leave it unchosen for other material, and describe it", kind: .choiceFrom(.withheldMaterial)),
                Field(key: "description", label: "What it is (needed without a choice above)", kind: .longText),
                Field(key: "location", label: "Where it is kept (optional)"),
                Field(key: "decision", label: "Disclosure decision", kind: .choice(UnusedMaterial.Decision.allCases.map { ($0.rawValue, $0.description) })),
                Field(key: "reason", label: "Why", hint: "Printed in the bundle's schedule of unused material (a sensitive item's: on the prosecutor's schedule only)", kind: .longText),
            ], item: "Item of unused material"),
        ]
    }

    /// The HTML id of the field at `path`: `parents[1].address.lines` → `parents-1-address-lines`.
    static func id(_ path: String) -> String {
        "f-" + String(path.compactMap { $0 == "]" ? nil : $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "-" })
    }

    static func path(_ section: Section, index: Int?, _ field: Field) -> String {
        let base = section.path.isEmpty ? "" : section.path + (index.map { "[\($0)]" } ?? "") + "."
        return base + field.key
    }

    /// `section` with its path made whole inside the item at `item` (`meetings[0]` + `attendees`).
    private static func within(_ item: String, _ section: Section) -> Section {
        var inner = section
        inner.path = item + "." + section.path
        return inner
    }

    /// The nested lists shown in the item at `item`: those without a condition, and those whose
    /// condition the item's field meets (in the "Add a ..." item, where nothing is chosen yet, only
    /// those without one).
    private static func lists(_ section: Section, item: String, _ edit: CaseFileEdit) -> [Section] {
        section.lists.filter { list in
            list.onlyWhen.map { edit.value(at: item + "." + $0.key) == [$0.value] } ?? true
        }.map { within(item, $0) }
    }

    /// The paths of every field on the form as it shows `edit`: each list with its items and one
    /// empty item more.
    static func paths(_ sections: [Section], edit: CaseFileEdit) -> [String] {
        sections.flatMap { section -> [String] in
            guard section.item != nil else {
                return section.fields.map { path(section, index: nil, $0) }
                    + section.lists.flatMap { paths([within(section.path, $0)], edit: edit) }
            }
            return (0...edit.count(at: section.path)).flatMap { index in
                section.fields.map { path(section, index: index, $0) }
                    + paths(lists(section, item: "\(section.path)[\(index)]", edit), edit: edit)
            }
        }
    }

    /// Applies the posted `form` to `edit`; each list's `.slots` is how many items the form showed.
    static func apply(_ form: FormFields, to edit: inout CaseFileEdit, sections: [Section], editable: (String) -> Bool) {
        apply(form, to: &edit, opened: edit, sections: sections, editable: editable)
    }

    /// `opened`: the case as the form showed it, whose meetings and parents its choices listed.
    private static func apply(_ form: FormFields, to edit: inout CaseFileEdit, opened: CaseFileEdit, sections: [Section], editable: (String) -> Bool) {
        for section in sections {
            guard section.item != nil else {
                for field in section.fields where editable(path(section, index: nil, field)) && edit.holdsText(at: path(section, index: nil, field)) {
                    edit.set(path(section, index: nil, field), value(form, field, at: path(section, index: nil, field), opened))
                }
                apply(form, to: &edit, opened: opened, sections: section.lists.map { within(section.path, $0) }, editable: editable)
                continue
            }
            let existing = edit.count(at: section.path)
            let shown = min(Int(form["\(section.path).slots"] ?? "") ?? 0, existing + 1)
            var removed: Set<Int> = []
            for index in 0..<shown {
                let item = "\(section.path)[\(index)]"
                if form["\(item).remove"] != nil {
                    removed.insert(index)
                    continue
                }
                // An item written as more than fields (an older file's `defendants: [mother]`) is
                // shown read-only and kept as written.
                if index < existing, !edit.holdsFields(at: item) { continue }
                let values = section.fields.map { value(form, $0, at: path(section, index: index, $0), opened) }
                // A blank item at the end (the form's "add another") adds nothing.
                if index >= existing, values.allSatisfy({ $0 == nil }) { continue }
                // The lists the form showed in this item, by what the item held when it was shown.
                let nested = lists(section, item: item, edit)
                for (field, value) in zip(section.fields, values) where edit.holdsText(at: path(section, index: index, field)) {
                    edit.set(path(section, index: index, field), value)
                }
                apply(form, to: &edit, opened: opened, sections: nested, editable: editable)
            }
            edit.removeItems(section.path, removed)
        }
    }

    private static func value(_ form: FormFields, _ field: Field, at path: String, _ opened: CaseFileEdit) -> CaseFileEdit.Value? {
        if let options = boxes(field.kind, at: path, opened) {
            let chosen = options.map(\.value).filter { form["\(path)#\($0)"] != nil }
            // In the order the file holds them, then the newly ticked, so a save that changes
            // nothing writes nothing new.
            let held = (opened.value(at: path) ?? []).filter(chosen.contains)
            let ordered = held + chosen.filter { !held.contains($0) }
            return ordered.isEmpty ? nil : .list(ordered)
        }
        guard let text = form[path]?.replacingOccurrences(of: "\r\n", with: "\n"), !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return nil
        }
        switch field.kind {
        case .date, .number, .yesNo: return .plain(text)
        case .lines: return .list(text.components(separatedBy: "\n"))
        case .oneOrMore: return .oneOrMore(text.components(separatedBy: "\n"))
        case .choice, .choiceFrom: return .plain(text)
        default: return .text(text)
        }
    }

    /// The boxes of a field of boxes, as the form shows them for `edit`: a fixed list, or the case's
    /// own items, with any value the file holds that they do not (a hand-written one) as it is, so
    /// that it is not lost; nil for any other field.
    static func boxes(_ kind: Field.Kind, at path: String, _ edit: CaseFileEdit) -> [(value: String, label: String)]? {
        switch kind {
        case .checkboxes(let options): return options
        case .checkboxesFrom(let choice):
            let options = choice.options(edit)
            let others = (edit.value(at: path) ?? []).filter { value in !options.contains { $0.value == value } }
            return options + others.map { ($0, $0) }
        default: return nil
        }
    }

    // MARK: the HTML

    /// The form's sections as HTML, showing the values `edit` holds and `errors` by field.
    static func html(_ sections: [Section], _ edit: CaseFileEdit, errors: [PageLayout.FieldError], editable: (String) -> Bool, level: Int = 2) -> String {
        var out = ""
        for section in sections {
            out += "<fieldset class=\"section\"><legend><h\(level)>\(HTML.escaped(section.heading))</h\(level)></legend>\n"
            if let item = section.item {
                let existing = edit.count(at: section.path)
                for index in 0...existing {
                    let itemPath = "\(section.path)[\(index)]"
                    out += "<fieldset class=\"item\"><legend><h\(level + 1)>\(HTML.escaped(index < existing ? "\(item) \(index + 1)" : "Add \(article(item)) \(lowerFirst(item))"))</h\(level + 1)></legend>\n"
                    if index == existing {
                        out += "<p class=\"hint\">Leave these empty to add none. Save to add another after it.</p>\n"
                    }
                    if index < existing, !edit.holdsFields(at: itemPath) {
                        let written = (edit.value(at: itemPath) ?? []).joined(separator: ", ")
                        out += "<p class=\"hint\" id=\"\(id(itemPath))\">Written in the case file as \u{201C}\(HTML.escaped(written))\u{201D}, not as fields; kept as it is (change it in the YAML, or remove it and add it again here)</p>\n"
                    } else {
                        for field in section.fields {
                            out += fieldHTML(field, path: path(section, index: index, field), edit, errors, editable: true)
                        }
                        out += html(lists(section, item: itemPath, edit), edit, errors: errors, editable: editable, level: level + 2)
                    }
                    if index < existing {
                        let remove = "\(itemPath).remove"
                        out += "<div class=\"form-group\"><input type=\"checkbox\" id=\"\(id(remove))\" name=\"\(HTML.escaped(remove))\" value=\"yes\"> <label class=\"inline\" for=\"\(id(remove))\">Remove \(HTML.escaped(lowerFirst(item))) \(index + 1)\(level == 2 ? " from the case" : "")</label></div>\n"
                    }
                    out += "</fieldset>\n"
                }
                out += "<input type=\"hidden\" name=\"\(HTML.escaped(section.path)).slots\" value=\"\(existing + 1)\">\n"
            } else {
                for field in section.fields {
                    let path = path(section, index: nil, field)
                    out += fieldHTML(field, path: path, edit, errors, editable: editable(path))
                }
                out += html(section.lists.map { within(section.path, $0) }, edit, errors: errors, editable: editable, level: level + 1)
            }
            out += "</fieldset>\n"
        }
        return out
    }

    /// `Meeting` → `meeting`, but `APDR record` and `Additional Needs Plan` stay as they are.
    private static func lowerFirst(_ text: String) -> String {
        guard let first = text.first, !text.dropFirst().contains(where: \.isUppercase) else { return text }
        return first.lowercased() + text.dropFirst()
    }

    private static func article(_ item: String) -> String {
        guard let first = item.first else { return "a" }
        if item.hasPrefix("APDR") { return "an" }
        return "AEIOU".contains(first.uppercased()) ? "an" : "a"
    }

    private static func fieldHTML(_ field: Field, path: String, _ edit: CaseFileEdit, _ errors: [PageLayout.FieldError], editable: Bool) -> String {
        let id = id(path)
        let current = edit.value(at: path) ?? []
        let error = errors.first { $0.field == id }
        var described: [String] = []
        var out = "<div class=\"form-group\(error == nil ? "" : " error")\">\n"
        let boxes = Self.boxes(field.kind, at: path, edit)
        let isGroup = boxes != nil
        out += isGroup ? "<fieldset class=\"checkboxes\"><legend class=\"label\">\(HTML.escaped(field.label))</legend>\n"
            : "<label for=\"\(id)\">\(HTML.escaped(field.label))</label>\n"
        if let hint = field.hint {
            out += "<div id=\"\(id)-hint\" class=\"hint\">\(HTML.escaped(hint))</div>\n"
            described.append("\(id)-hint")
        }
        if let error {
            out += "<span id=\"\(id)-error\" class=\"error-message\"><span class=\"visually-hidden\">Error:</span> \(HTML.escaped(error.message))</span>\n"
            described.append("\(id)-error")
        }
        let describedBy = described.isEmpty ? "" : " aria-describedby=\"\(described.joined(separator: " "))\""
        let name = "name=\"\(HTML.escaped(path))\""
        let invalid = error == nil ? "" : " aria-invalid=\"true\""
        let text = current.joined(separator: "\n")
        guard editable, edit.holdsText(at: path) else {
            if !edit.holdsText(at: path) {
                out += "<div id=\"\(id)-kept\" class=\"hint\">Written in the case file as more than text; kept as it is (change it in the YAML)</div>\n"
                described.append("\(id)-kept")
            }
            let describedBy = described.isEmpty ? "" : " aria-describedby=\"\(described.joined(separator: " "))\""
            out += "<input type=\"text\" id=\"\(id)\" value=\"\(HTML.escaped(text))\" readonly\(describedBy)>\n</div>\n"
            return out
        }
        switch field.kind {
        case .text, .date, .number, .time:
            let mode = switch field.kind {
            case .number: " inputmode=\"numeric\""
            default: ""
            }
            out += "<input type=\"text\" id=\"\(id)\" \(name) value=\"\(HTML.escaped(text))\"\(mode)\(describedBy)\(invalid)>\n"
        case .longText, .lines, .oneOrMore:
            out += "<textarea id=\"\(id)\" \(name) rows=\"\(field.kind.isLongText ? 4 : 3)\"\(describedBy)\(invalid)>\(HTML.escaped(text))</textarea>\n"
        case .yesNo:
            let value = text.lowercased() == "true" ? "yes" : text.lowercased() == "false" ? "no" : text.lowercased()
            out += select(id: id, name: name, describedBy + invalid, options: [("", "Not given"), ("yes", "Yes"), ("no", "No")], chosen: value)
        case .choice(let options):
            out += select(id: id, name: name, describedBy + invalid, options: [("", "Choose")] + options, chosen: text)
        case .choiceFrom(let choice):
            out += select(id: id, name: name, describedBy + invalid, options: [("", "Choose")] + choice.options(edit), chosen: text)
        case .checkboxes, .checkboxesFrom:
            let options = boxes ?? []
            if options.isEmpty {
                out += "<p class=\"hint\" id=\"\(id)\">None to choose from yet: give the parents and carers their short names above, and save</p>\n"
            }
            for (offset, option) in options.enumerated() {
                let box = offset == 0 ? id : "\(id)-\(option.value)"
                let checked = current.contains(option.value) ? " checked" : ""
                out += "<div class=\"checkbox\"><input type=\"checkbox\" id=\"\(box)\" name=\"\(HTML.escaped(path))#\(HTML.escaped(option.value))\" value=\"yes\"\(checked)\(offset == 0 ? describedBy : "")> <label class=\"inline\" for=\"\(box)\">\(HTML.escaped(option.label))</label></div>\n"
            }
            out += "</fieldset>\n"
        }
        return out + "</div>\n"
    }

    private static func select(id: String, name: String, _ attributes: String, options: [(value: String, label: String)], chosen: String) -> String {
        var known = options
        // A value the list does not hold (a hand-written file's) is shown as it is, not lost.
        if !chosen.isEmpty, !options.contains(where: { $0.value == chosen }) { known.append((chosen, chosen)) }
        let items = known.map { "<option value=\"\(HTML.escaped($0.value))\"\($0.value == chosen ? " selected" : "")>\(HTML.escaped($0.label))</option>" }
        return "<select id=\"\(id)\" \(name)\(attributes)>\(items.joined())</select>\n"
    }

    /// The field a reader's problem at `problem` (a path such as `parents[0].address.lines[1]`)
    /// belongs to: the deepest field on the form it lies in, else the first field inside it.
    static func field(for problem: String, among paths: [String]) -> String? {
        guard !problem.isEmpty else { return nil }
        func within(_ inner: String, _ outer: String) -> Bool {
            inner == outer || inner.hasPrefix(outer + ".") || inner.hasPrefix(outer + "[")
        }
        if let deepest = paths.filter({ within(problem, $0) }).max(by: { $0.count < $1.count }) { return deepest }
        return paths.first { within($0, problem) }
    }
}

extension CaseForm.Field.Kind {
    var isLongText: Bool {
        if case .longText = self { return true }
        return false
    }
}
