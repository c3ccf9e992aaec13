import AttendocCasework
import AttendocDocuments
import AttendocPrograms
import AttendocRendering
import AttendocTesting
import AttendocValues
import Foundation
import Testing

/// Every document the county case's history calls for, in every format, read for what must not be
/// there: the father's confidential address in anyone else's copy, and the agencies' notes in any
/// parent's copy. One batch of FOP runs serves every check.
@Suite("Nothing private in the wrong copy", .serialized)
struct RedactionTests {
    static let riverside = repositoryRoot.appendingPathComponent("examples/riverside-first-warning.yaml")
    /// Ciarán's address is confidential (address_confidential: yes).
    static let confidential = ["Sidwell Street", "EX4 6NN"]
    /// From the Team Around the Family meeting's agency_only_notes.
    static let agencyOnly = "Possible young carer role at home"

    static let rendered: Result<URL, AttendocError> = Result { () throws(AttendocError) -> URL in
        do {
            let loaded = try LoadedCase.load(riverside, resources: resources)
            let run = try LetterRun(resources: resources)
            var letters: [LetterRun.Letter] = []
            for planned in CaseHistory.documents(in: loaded.attendanceCase) {
                letters += try run.letters(planned.kind, for: loaded, dated: planned.date,
                                           options: LetterOptions(meeting: planned.meeting), folder: planned.folder(in: loaded.attendanceCase))
            }
            let folder = try temporaryFolder("redaction")
            _ = try DocumentWriter(resources: resources, formats: OutputFormat.allCases).write(letters.map(\.document), formats: OutputFormat.allCases, to: folder, fop: try PDFTypesetter(configuration: resources.fopConfiguration))
            return folder
        } catch let error as AttendocError {
            throw error
        } catch {
            throw AttendocError("\(error)")
        }
    }

    @Test func theConfidentialAddressIsOnlyInItsOwnersCopies() throws {
        let folder = try Self.rendered.get()
        let files = filesUnder(folder)
        #expect(files.count > 60, "every document, every copy, four formats: \(files.count)")
        var ownCopiesChecked = 0
        for file in files {
            let text = try RecordTests.readable(folder.appendingPathComponent(file))
            let isCiaransCopy = file.contains("/ciaran-obrien.")
            for secret in Self.confidential where !isCiaransCopy {
                #expect(!text.contains(secret), "\(file) shows the confidential address")
            }
            // His own letters are addressed to him there.
            if isCiaransCopy && (file.contains("first-warning-letter") || file.contains("pace-interview-invitation")) {
                #expect(text.contains("Sidwell Street"), "\(file) is addressed to him")
                ownCopiesChecked += 1
            }
        }
        #expect(ownCopiesChecked == 8)
    }

    /// "Copy to: the head teacher" under a letter to a confidential address: the head teacher's
    /// copy is a document of its own, with the address withheld, in every format; the parent's
    /// own copy says that the copy went without their address.
    @Test func theHeadTeachersCopyOfALetterToAConfidentialAddressIsItsOwnDocumentWithoutIt() throws {
        let folder = try Self.rendered.get()
        let files = filesUnder(folder)
        let copies = files.filter { $0.contains("/ciaran-obrien-copy-for-head-teacher.") }
        // The first and the final warning letters (the letters with a copy to the head teacher
        // that the case records), in HTML, text, DOCX and PDF.
        #expect(Set(copies.map { $0.split(separator: "/")[1] }) == ["2026-11-23-first-warning-letter", "2027-01-11-final-warning-letter"], "\(copies)")
        #expect(Set(copies.map { $0.split(separator: ".").last! }) == ["html", "txt", "docx", "pdf"])
        #expect(copies.count == 8)
        for file in copies {
            let text = flattened(try RecordTests.readable(folder.appendingPathComponent(file)))
            #expect(text.contains("Mr Ciarán O'Brien") && text.contains("Address withheld"), "\(file)")
            #expect(text.contains("Mrs Janet Patel, Head Teacher, Riverside Academy (this copy: the recipient’s address is confidential and is withheld)"), "\(file)")
            for secret in Self.confidential { #expect(!text.contains(secret), "\(file)") }
        }
        for file in files where file.contains("warning-letter/") && !file.contains("copy-for-head-teacher") {
            let text = flattened(try RecordTests.readable(folder.appendingPathComponent(file)))
            if file.contains("/ciaran-obrien.") {
                #expect(text.contains("Mrs Janet Patel, Head Teacher, Riverside Academy (a copy without your address)"), "\(file)")
            } else {
                // The mother's address is not confidential: a plain copy line, and no copy of its own.
                #expect(text.contains("Mrs Janet Patel, Head Teacher, Riverside Academy") && !text.contains("(a copy without your address)"), "\(file)")
            }
        }
        #expect(!files.contains { $0.contains("zoe-dsouza-copy-for-head-teacher") })
    }

    @Test func agencyOnlyNotesAreOnlyInTheAgencyCopy() throws {
        let folder = try Self.rendered.get()
        var agencyCopiesWithNotes = 0
        for file in filesUnder(folder) {
            let text = try RecordTests.readable(folder.appendingPathComponent(file))
            if file.contains("/agency-copy.") {
                if text.contains(Self.agencyOnly) { agencyCopiesWithNotes += 1 }
            } else {
                #expect(!text.contains(Self.agencyOnly), "\(file) shows the agencies' notes")
            }
        }
        // The TAF meeting's agency copy, in each of the four formats.
        #expect(agencyCopiesWithNotes == 4)
    }

    @Test func recordsReadRightInThePDF() throws {
        let folder = try Self.rendered.get()
        let contract = try pdfText(folder.appendingPathComponent("CAT-2026-0142/2026-10-02-parenting-contract/zoe-dsouza.pdf"))
        #expect(flattened(contract).contains("It is not legally binding"))
        #expect(flattened(contract).contains("Attendance contract: school attendance"))
        let minutes = flattened(try pdfText(folder.appendingPathComponent("CAT-2026-0142/2026-10-21-meeting-minutes/zoe-dsouza.pdf")))
        #expect(minutes.contains("Team Around the Family meeting: minutes"))
        #expect(minutes.contains("Parent's copy"))
        #expect(minutes.contains("Page 1 of"))
        let certificate = flattened(try pdfText(folder.appendingPathComponent("CAT-2026-0142/2026-11-23-register-certificate/ciaran-obrien.pdf")))
        #expect(certificate.contains("Certificate of attendance"))
        #expect(certificate.contains("This certificate is given under section 566(1)(c) of the Education Act 1996."))
        #expect(certificate.contains("Mrs Janet Patel"))
        let finalWarning = flattened(try pdfText(folder.appendingPathComponent("CAT-2026-0142/2027-01-11-final-warning-letter/zoe-dsouza.pdf")))
        #expect(finalWarning.contains("fails to attend regularly at the school, his parent is guilty of an offence"))
    }
}
