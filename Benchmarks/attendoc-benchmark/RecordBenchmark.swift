import AttendocCasework
import AttendocDocuments
import AttendocIssuing
import AttendocPrograms
import AttendocRendering
import AttendocValues
import AttendocWorkspace
import Foundation

/// The casework record (issue: the record of every document issued). Measures, in one run:
/// rendering letters (HTML + PDF) against the record's own work of archiving and recording them,
/// and `due` over a workspace holding a whole school's register.
///
///     attendoc-benchmark record [--letters 1000] [--rendered 20] [--pupils 1200]
///
/// `--rendered` distinct letters are rendered for real (HTML and PDF, PDFs through FOP as a run
/// makes them) to measure rendering per letter; `--letters` copies of them are then issued into a
/// fresh workspace, in issues of two recipients as `attendoc issue` makes them, to measure the
/// record's own work per letter. Last lines: `record-vs-rendering: R` (target R < 0.05) and
/// `due-ms-for-N-pupils: T` (target T < 100).
enum RecordBenchmark {
    static func run(_ arguments: [String]) throws {
        let values = integerOptions(arguments, ["--letters": 1000, "--rendered": 20, "--pupils": 1200],
                                    usage: "attendoc-benchmark record [--letters N] [--rendered N] [--pupils N]")
        let letters = values["--letters"]!, rendered = values["--rendered"]!, pupils = values["--pupils"]!
        let resources = try AttendocResources.locate()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attendoc-record-benchmark-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        // Rendering: the county example's first warning letter, HTML and PDF, `rendered` times.
        let example = resources.root.appendingPathComponent("examples/riverside-first-warning.yaml")
        let loaded = try LoadedCase.load(example, resources: resources)
        let run = try LetterRun(resources: resources)
        let writer = try DocumentWriter(resources: resources, formats: [.html, .pdf])
        let fop = try PDFTypesetter(configuration: resources.fopConfiguration)
        let one = try run.letters(.firstWarningLetter, for: loaded, dated: CalendarDate(iso: "2026-11-23")!)
        var documents: [RenderableDocument] = []
        for index in 0..<max(1, rendered / one.count) {
            documents += one.map { RenderableDocument(xml: $0.xml, relativeStem: "\($0.relativeStem)-\(index)", date: $0.date) }
        }
        var files: [DocumentWriter.RenderedFile] = []
        let rendering = try seconds { files = try writer.render(documents, formats: [.html, .pdf], fop: fop) }
        let renderingPerLetter = rendering / Double(documents.count)
        print("rendering: \(documents.count) letters (HTML + PDF) in \(format(rendering)) s, \(format(renderingPerLetter * 1000, 1)) ms a letter")

        // The record's own work: `letters` copies archived and recorded, two recipients an issue.
        let location = WorkspaceLocation(folder: folder.appendingPathComponent("ws"))
        let workspace = try Workspace.create(at: location)
        _ = try CaseIntake.add(example, to: workspace, resources: resources, by: "benchmark")
        let reference = loaded.attendanceCase.reference
        let pairs = files.count / 2
        let recording = try seconds {
            for index in 0..<(letters / 2) {
                let copies = (0..<2).map { recipient in
                    let html = files[(2 * ((index * 2 + recipient) % pairs))], pdf = files[(2 * ((index * 2 + recipient) % pairs)) + 1]
                    return DocumentToIssue(
                        reference: reference, upn: "Y878401219052", kind: "first-warning-letter", recipientID: recipient == 0 ? "mother" : "father",
                        recipientPath: "parents[\(recipient)]", method: .post, sentOn: CalendarDate(iso: "2026-11-23")!.adding(days: index),
                        deemedServedOn: nil, issuedBy: "benchmark", caseVersion: 1, templateSHA256: nil, policySHA256: nil,
                        figuresJSON: "{}", reissueReason: "benchmark", files: [
                            .init(format: "html", name: "letter.html", bytes: html.bytes), .init(format: "pdf", name: "letter.pdf", bytes: pdf.bytes),
                        ], duplicateWindowStarts: nil)
                }
                _ = try workspace.issue(copies)
            }
        }
        let recordingPerLetter = recording / Double(letters)
        print("record: \(letters) letters archived and recorded in \(format(recording)) s, \(format(recordingPerLetter * 1000, 2)) ms a letter, \(format(Double(letters) / recording, 0)) letters a second")
        print("record-vs-rendering: \(format(recordingPerLetter / renderingPerLetter, 3))")

        // due over a school's register: `pupils` pupils, a school year of marks, some N codes.
        let csv = folder.appendingPathComponent("school.csv")
        var text = "upn,date,am,pm\n"
        let calendar = loaded.policy!.calendar
        var day = CalendarDate(iso: "2026-09-03")!
        var days: [CalendarDate] = []
        while day <= CalendarDate(iso: "2026-12-18")! {
            if calendar.isSchoolDay(day) { days.append(day) }
            day = day.adding(days: 1)
        }
        for pupil in 0..<pupils {
            let upn = pupil == 0 ? "Y878401219052" : syntheticUPN(pupil)
            for (index, date) in days.enumerated() {
                let am = (pupil + index) % 37 == 0 ? "N" : (pupil + index) % 11 == 0 ? "I" : "/"
                text += "\(upn),\(date.iso),\(am),\\\n"
            }
        }
        try Data(text.utf8).write(to: csv)
        _ = try RegisterIntake.importRegister(csv, into: workspace, resources: resources, by: "benchmark")
        let due = DueList(workspace: workspace, resources: resources)
        var count = 0
        _ = try due.items(asOf: CalendarDate(iso: "2026-12-10")!)
        let timing = try seconds { count = try due.items(asOf: CalendarDate(iso: "2026-12-10")!).count }
        print("due: \(count) items for \(pupils) pupils in \(format(timing * 1000, 1)) ms")
        print("due-ms-for-\(pupils)-pupils: \(format(timing * 1000, 1))")
    }

    /// A valid UPN (DfE check letter) for pupil `number`: LA 878, school 4012, year 26.
    static func syntheticUPN(_ number: Int) -> String {
        let body = String(format: "8784012%05d", number)
        let letters = Array("ABCDEFGHJKLMNPQRTUVWXYZ")
        let digits = body.compactMap { $0.wholeNumberValue }
        var sum = 0
        for (index, digit) in digits.enumerated() { sum += digit * (index + 2) }
        return "\(letters[sum % 23])\(body)"
    }
}
