import AttendocCasework
import AttendocDocuments
import AttendocPrograms
import AttendocRendering
import AttendocTesting
import AttendocValues
import Foundation
import Testing

/// The documents of the school's steps (issue 17) in every format, rendered once (one FOP run for
/// all of them): each copy's figures, dates and words as its reader reads them in HTML, text, DOCX
/// and PDF. The figures are hand-worked in Tests/DocumentTests/SchoolStepDocumentsTests.swift.
struct RenderedStepDocuments: Sendable {
    /// One document: the kind, the example, the date, the options and the copy read, with what
    /// that copy must say.
    struct Job: Sendable {
        var kind: DocumentKind
        var example: String
        var date: String
        var record: String? = nil
        var meeting: String? = nil
        var copy: String
        var says: [String]
        var neverSays: [String] = []
        /// The Hillside example with an EHCP (`withEHCPInterimReviewRequest`).
        var withEHCP = false
    }

    static let jobs: [Job] = [
        Job(kind: .apdrRecord, example: "school-tier2-case.yaml", date: "2026-10-02", copy: "agnieszka-kowalczyk",
            says: ["Maisie Kowalczyk", "86.4%", "38", "44", "Friday 2 October 2026", "Thursday 5 November 2026",
                   "Assess: what we know", "In Maisie’s own words", "Mondays are the worst because we drive back late.",
                   "Mrs Helen Osei, attendance lead"]),
        Job(kind: .attendanceSupportPlan, example: "hillside-send-and-social-worker.yaml", date: "2026-11-20", copy: "agnieszka-nowak",
            says: ["Kacper Nowak-Williams", "65.7%", "67", "102", "Friday 20 November 2026", "Friday 18 December 2026",
                   "4 school weeks", "Ask the SEND outreach service for advice on morning anxiety", "Mrs Agnieszka Nowak",
                   // Priority cohorts (SEN support, a social worker): the policy's rules, the partial's words.
                   "Support for Kacpi’s needs", "reasonable adjustments", "SEND Information, Advice and Support Service",
                   "social worker about this",
                   // The mother's partner, who has care of Kacpi, is a parent (s576) and signs the plan too.
                   "Tomasz Zielinski"],
            neverSays: ["Gareth", "non-contact order"]),
        Job(kind: .reviewRecord, example: "riverside-first-warning.yaml", date: "2026-11-13", record: "reviews[0]", copy: "ciaran-obrien",
            says: ["Review of the attendance contract", "Attendance contract meeting", "Friday 2 October 2026", "Friday 16 October 2026", "14", "22", "63.6%",
                   "The target of 90% was not met.", "move to the next step of support"],
            neverSays: ["arenting contract"]),
        Job(kind: .gpConsentRequest, example: "hillside-send-and-social-worker.yaml", date: "2026-10-01", copy: "agnieszka-nowak",
            says: ["Mrs Agnieszka Nowak", "5 days", "Wednesday 30 September 2026", "Dr Ruth Penrose", "Newtown Medical Centre",
                   "withdraw your permission at any time"],
            neverSays: ["Gareth", "Monday 5 October"]),
        Job(kind: .gpEnquiryLetter, example: "hillside-send-and-social-worker.yaml", date: "2026-10-12", copy: "gp-practice",
            says: ["Dr Ruth Penrose, Newtown Medical Centre", "EX1 3AB", "Kacper Nowak-Williams", "9 October 2026", "7 days",
                   "Wednesday 7 October 2026"],
            neverSays: ["Orchard Way", "Gareth", "Zielinski"]),
        Job(kind: .earlyHelpPlan, example: "oakfield-early-help.yaml", date: "2026-12-18", copy: "danielle-marsh",
            says: ["Leo Marsh", "25.9%", "Friday 18 December 2026", "Friday 26 February 2027", "55%", "64", "90", "71.1%",
                   "handed back to Oakfield Primary School to monitor"]),
        Job(kind: .referralToLocalAuthority, example: "riverside-first-warning.yaml", date: "2026-11-13", copy: "local-authority",
            says: ["Referral to County Attendance Team for legal intervention", "72.8%", "15.2%", "92", "Consider a home visit",
                   "5 November 2026", "reviews[1]", "A daily check-in with the school", "young carer"],
            neverSays: ["EX1 2AB", "EX4 6NN", "EX3 0JA", "not yet"]),
        Job(kind: .improvedAttendanceLetter, example: "oakfield-early-help.yaml", date: "2026-12-18", copy: "danielle-marsh",
            says: ["Well done", "Dear Ms Marsh", "4 school weeks", "23 November 2026", "28", "40", "70.0%", "47.1%"]),
        Job(kind: .referralDeclinedLetter, example: "school-tier2-case.yaml", date: "2026-11-23", copy: "tomasz-kowalczyk",
            says: ["Dear Mr Kowalczyk", "20 November 2026", "Northshire Early Help, Level 3 keywork", "was not accepted",
                   "Northshire Parent Advice Line"],
            neverSays: ["Agnieszka"]),
        Job(kind: .homeVisitRecord, example: "riverside-first-warning.yaml", date: "2026-11-06", copy: "agency-copy",
            says: ["Thursday 5 November 2026", "Sam Okafor, locality worker", "mother and Siobhán", "75.0%", "Early Help worker to visit weekly"]),
        // Requests to other services (seed 002), each with only what that service needs: no
        // parent's address, never why a parent may not be contacted.
        Job(kind: .sendOutreachRequest, example: "hillside-send-and-social-worker.yaml", date: "2026-11-23", copy: "send-outreach-service",
            says: ["Request for SEND outreach support", "Northshire SEND Outreach Service", "Monday 23 November 2026", "Ms Rachel Ford, SENCo",
                   "anxious in the mornings", "65.7%", "67", "102", "Mr Gareth Williams, father", "not to be contacted", "SEN support",
                   "A quiet start in the Nurture Room"],
            neverSays: ["Orchard Way", "EX1 3RR", "court order", "07700", "Polish"]),
        Job(kind: .ehcpInterimReviewRequest, example: "hillside-send-and-social-worker.yaml", date: "2026-11-23", copy: "send-team",
            says: ["interim review", "Northshire SEND Team", "Education, Health and Care plan", "provision for the start of the day", "65.7%"],
            neverSays: ["Orchard Way", "court order"], withEHCP: true),
        Job(kind: .socialCareReferral, example: "hillside-send-and-social-worker.yaml", date: "2026-11-24", copy: "childrens-social-care",
            says: ["Referral to children’s social care", "22 Orchard Way", "EX1 3RR", "Tuesday 24 November 2026",
                   "join the next review of his attendance support plan", "child with a social worker", "65.7%"],
            neverSays: ["court order", "07700", "EX1 3AB"]),
        Job(kind: .safeguardingReferralNote, example: "hillside-send-and-social-worker.yaml", date: "2026-11-25", copy: "designated-safeguarding-lead",
            says: ["note for the designated safeguarding lead", "Northshire Children's Hub (CHUB)", "left at home alone", "Wednesday 25 November 2026",
                   "22 Orchard Way", "Designated safeguarding lead"],
            neverSays: ["court order", "07700"]),
        // Each parent's copy of the written record of reasonable adjustments (seed 002) and of the
        // Additional Needs Plan (seed 003, tier 2); never the father, who may not be contacted.
        Job(kind: .reasonableAdjustmentsRecord, example: "hillside-send-and-social-worker.yaml", date: "2026-11-23", copy: "agnieszka-nowak",
            says: ["The support the school gives Kacpi", "In lessons", "A visual timetable on his desk", "A quiet place to work",
                   "At other times of the day", "Kacpi can start the day in the Nurture Room", "Friday 11 December 2026",
                   "67 of 102 sessions", "65.7%"],
            neverSays: ["Gareth", "court order", "07700"]),
        Job(kind: .additionalNeedsPlan, example: "hillside-send-and-social-worker.yaml", date: "2026-10-16", copy: "tomasz-zielinski",
            says: ["Additional Needs Plan", "Kacper Nowak-Williams", "Anxiety at the start of the school day", "in class by 9:30",
                   "Check the Nurture Room start with Kacpi every Friday", "Friday 13 November 2026", "65.6%", "42", "64",
                   "Ms Rachel Ford, SENCo"],
            neverSays: ["Gareth", "court order", "07700"]),
    ]

    let folder: URL

    static let shared: Result<RenderedStepDocuments, AttendocError> = Result { () throws(AttendocError) -> RenderedStepDocuments in
        do {
            let folder = try temporaryFolder("step-documents-rendered")
            let run = try LetterRun(resources: resources)
            var documents: [RenderableDocument] = []
            for (index, job) in jobs.enumerated() {
                var loaded = try LoadedCase.load(repositoryRoot.appendingPathComponent("examples/\(job.example)"), resources: resources)
                if job.withEHCP { loaded = withEHCPInterimReviewRequest(loaded) }
                let letters = try run.letters(job.kind, for: loaded, dated: date(job.date),
                                              options: LetterOptions(meeting: job.meeting, record: job.record), folder: "\(index)-\(job.kind.rawValue)")
                documents += letters.map(\.document)
            }
            let fop = try PDFTypesetter(configuration: resources.fopConfiguration)
            _ = try DocumentWriter(resources: resources, formats: OutputFormat.allCases).write(documents, formats: OutputFormat.allCases, to: folder, fop: fop)
            return RenderedStepDocuments(folder: folder)
        } catch {
            throw AttendocError("\(error)")
        }
    }

    func file(_ index: Int, _ format: OutputFormat) -> URL {
        let job = Self.jobs[index]
        return folder.appendingPathComponent("\(index)-\(job.kind.rawValue)/\(job.copy).\(format.fileExtension)")
    }

    func readableText(_ index: Int, _ format: OutputFormat) throws -> String {
        try AttendocTesting.readableText(of: file(index, format))
    }
}

@Suite("Documents of the school's steps in every format", .serialized)
struct SchoolStepDocumentsRenderingTests {
    static let arguments = RenderedStepDocuments.jobs.indices.flatMap { index in OutputFormat.allCases.map { (index, $0) } }

    @Test(arguments: arguments)
    func eachCopySaysWhatItsReaderNeeds(_ index: Int, _ format: OutputFormat) throws {
        let job = RenderedStepDocuments.jobs[index]
        let text = try RenderedStepDocuments.shared.get().readableText(index, format)
        for expected in job.says {
            #expect(text.contains(expected), "\(job.kind.rawValue) \(format): \(expected)")
        }
        for unexpected in job.neverSays {
            #expect(!text.contains(unexpected), "\(job.kind.rawValue) \(format) must not say: \(unexpected)")
        }
    }

    @Test func everyPDFHasItsTitleAndPageNumbers() throws {
        let rendered = try RenderedStepDocuments.shared.get()
        for (index, job) in RenderedStepDocuments.jobs.enumerated() {
            let info = try run("pdfinfo", [rendered.file(index, .pdf).path]).output
            #expect(info.contains(job.kind.title), "\(job.kind.rawValue): \(info)")
            #expect(try pdfText(rendered.file(index, .pdf)).contains("Page 1 of"))
        }
    }
}
