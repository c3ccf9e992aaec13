import AttendocBundle
import AttendocCaseModel
import AttendocCasework
import AttendocDocuments
import AttendocEngine
import AttendocPrograms
import AttendocRegister
import AttendocRendering
import AttendocValues
import Foundation

/// The evidence bundle (issue 6): a bundle of about 300 pages with 20 supplied PDF exhibits, made
/// whole by `BundleRun`, against FOP alone on the same two XSL-FO files plus qpdf alone on the same
/// merge, timed in the same run. The difference is Attendoc's own work: planning, the template,
/// the schema check, the two XSLT runs, reading bookmarks, the stamp sheet, hashing and writing.
enum BundleBenchmark {
    static func run(_ arguments: [String]) throws {
        let values = integerOptions(arguments, ["--exhibits": 20, "--exhibit-pages": 12],
                                    usage: "attendoc-benchmark bundle [--exhibits 20] [--exhibit-pages 12]")
        let exhibits = values["--exhibits"]!, exhibitPages = values["--exhibit-pages"]!
        let resources = try AttendocResources.locate()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attendoc-bundle-benchmark-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        // The county example, with `exhibits` supplied PDFs of `exhibitPages` pages each added as
        // evidence of its supportive measures.
        let example = resources.root.appendingPathComponent("examples/riverside-first-warning.yaml")
        for item in ["registers", "evidence"] {
            try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent(item),
                                                       withDestinationURL: resources.root.appendingPathComponent("examples/\(item)"))
        }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("scans"), withIntermediateDirectories: true)
        var files: [String] = []
        for number in 1...exhibits {
            let pages = (1...exhibitPages).map { page in
                ["Scanned exhibit \(number), page \(page) of \(exhibitPages)", ""]
                    + (1...40).map { "Line \($0): a record of the support offered to the family, as kept by the agency." }
            }
            let path = "scans/exhibit-\(number).pdf"
            try TextPagesPDF.plainPages(pages).write(to: folder.appendingPathComponent(path))
            files.append(path)
        }
        var text = try String(contentsOf: example, encoding: .utf8)
        let marker = "      - evidence/early-help-home-visits-november-2026.pdf   # the family worker's record, as a PDF\n"
        guard text.contains(marker) else { fatalError("the county example no longer cites the home-visit record") }
        text = text.replacingOccurrences(of: marker, with: marker + files.map { "      - \($0)\n" }.joined())
        let caseFile = folder.appendingPathComponent("case.yaml")
        try Data(text.utf8).write(to: caseFile)

        let loaded = try LoadedCase.load(caseFile, resources: resources)
        let run = try BundleRun(resources: resources)
        let asOf = CalendarDate(iso: "2027-01-11")!
        var kept: BundleRun.Intermediates?
        var outcome: BundleRun.Outcome?
        let output = folder.appendingPathComponent("out")
        let before = memory().resident
        resetPeakMemory()
        let ours = try seconds {
            outcome = try run.make(loaded, asOf: asOf, draft: false, to: output) { kept = $0 }
        }
        let peak = memory().peak
        guard let outcome, let kept else { fatalError("the bundle was not made") }
        print("bundle: \(outcome.pageCount) pages, \(exhibits) supplied PDFs of \(exhibitPages) pages; made in \(format(ours)) s")

        // The baseline: FOP alone on the same FO files, then qpdf alone on the same merge.
        let fop = try fopProgram()
        let configuration = resources.fopConfiguration.path
        var fopSeconds = 0.0
        for (name, fo) in [("documents", kept.documentsFO), ("pages", kept.pagesFO)] {
            guard let fo else { continue }
            let input = folder.appendingPathComponent("\(name).fo"), pdf = folder.appendingPathComponent("\(name).pdf")
            try fo.write(to: input)
            var status: Int32 = 0
            fopSeconds += try seconds {
                status = try runProgram(fop, ["-q", "-c", configuration, "-fo", input.path, "-pdf", pdf.path], environment: ["TZ": "UTC", "JAVA_ARGS": PDFTypesetter.javaArguments])
            }
            guard status == 0 else { fatalError("fop failed on the \(name) FO (exit \(status))") }
        }
        let qpdf = try QPDF()
        let merge = folder.appendingPathComponent("merge")
        try FileManager.default.createDirectory(at: merge, withIntermediateDirectories: true)
        let pages = merge.appendingPathComponent("pages.pdf"), stamps = merge.appendingPathComponent("stamps.pdf")
        try kept.pagesPDF.write(to: pages)
        try BundleStamps.sheet(labels: kept.labels, draft: kept.draft).write(to: stamps)
        var underlays: [QPDF.Underlay] = []
        for (index, underlay) in kept.underlays.enumerated() {
            switch underlay.source {
            case .file(let url):
                underlays.append(QPDF.Underlay(file: url, sourcePages: underlay.sourcePages, targetPages: underlay.targetPages))
            case .data(let data, _):
                let file = merge.appendingPathComponent("underlay-\(index).pdf")
                try data.write(to: file)
                underlays.append(QPDF.Underlay(file: file, sourcePages: underlay.sourcePages, targetPages: underlay.targetPages))
            }
        }
        let qpdfSeconds = try seconds {
            _ = try qpdf.assemble(pages: pages, underlays: underlays, overlay: stamps, to: merge.appendingPathComponent("bundle.pdf"))
        }
        let children = childrenPeakMemory()
        print("fop alone (\(kept.documentsFO == nil ? 1 : 2) runs): \(format(fopSeconds)) s; qpdf alone: \(format(qpdfSeconds)) s")
        print("peak memory: this process added \(max(0, peak - before) / 1024 / 1024) MiB; the largest child (FOP's JVM) \(children / 1024 / 1024) MiB (target: under 1 GiB)")
        print("bundle-vs-fop-plus-qpdf: \(format(ours / (fopSeconds + qpdfSeconds)))")
    }

    static func fopProgram() throws -> String {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(folder)/fop"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        fatalError("fop is not installed; run scripts/setup")
    }

    /// The peak resident memory of the largest child process waited for so far (getrusage).
    static func childrenPeakMemory() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
}
