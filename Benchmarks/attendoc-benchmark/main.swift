import Foundation

// Attendoc's benchmarks. Each prints its figures as ratios against a baseline measured in the same
// run on the same input, so the result means the same on a fast or a slow machine.
//
//     swift run -c release attendoc-benchmark rendering [--letters 5000] [--pdf-letters 100]
//     swift run -c release attendoc-benchmark ctf [--pupils 1200]
//     swift run -c release attendoc-benchmark bundle [--exhibits 20] [--exhibit-pages 12]
//     swift run -c release attendoc-benchmark record [--letters 1000] [--rendered 20] [--pupils 1200]
//     swift run -c release attendoc-benchmark batch [--pupils 1200] [--small 300]
//
// rendering: HTML from document XML, in process, against xsltproc on the same files; text and DOCX
//   per letter against HTML in the same run (CPU time, each letter through the writer on its own):
//   `text-vs-html: R` (target R <= 1.1) and `docx-vs-html: R` (target R <= 2.2), the 1 ms
//   and 2 ms against the 0.9 ms HTML took; PDF per letter in one FOP run against one run per letter.
//   Last line: `xslt-stage-vs-xsltproc: R` (target R <= 1.2).
// ctf: a generated Common Transfer File of N pupils over a full school year, imported with every
//   pupil's figures computed, against `xmllint --noout` on the same file; and the peak memory the
//   import adds, against the file's size; and the whole `attendoc stats --register FILE --json`
//   process against a whole `xmllint --noout` process (`stats-json-vs-xmllint: R`, target R <= 3;
//   needs attendoc built beside the benchmark); and the school's pupils as the web pupils screen
//   reads them (SchoolPupils.latest: figures and weekly chart for every pupil) from a fresh
//   workspace holding the import (`pupils-screen-ms: T`, target T < 50, issue 19).
//   Last line: `ctf-stats-vs-xmllint: R` (target R <= 3).
// bundle: an evidence bundle of about 300 pages with 20 supplied PDF exhibits, made whole, against
//   FOP alone on the same two XSL-FO files plus qpdf alone on the same merge; and the peak memory
//   of this process and of FOP. Last line: `bundle-vs-fop-plus-qpdf: R` (target R <= 1.3).
// record: letters rendered (HTML + PDF) against the record's own work of archiving and recording
//   them in a fresh workspace, and `due` over a 1,200-pupil register. Last lines:
//   `record-vs-rendering: R` (target R < 0.05) and `due-ms-for-1200-pupils: T` (target T < 100).
// batch: `attendoc batch` over a generated CTF of 1,200 pupils (and of 300, for memory), every due
//   concern letter issued as PDF and DOCX into a fresh workspace: letters a second, the peak memory
//   of each (attendoc's and FOP's warm workers', their heap capped), and the same letters as one
//   bare `fop` command over the same combined XSL-FO; then `attendoc render --all` of the county
//   case in every format, with the warm FOP workers and with one `fop` command a run (needs
//   attendoc built beside the benchmark). Last line: `batch-vs-fop: R` (target R <= 1.3).

var arguments = Array(CommandLine.arguments.dropFirst())
let mode = arguments.first.map { $0.hasPrefix("--") ? "rendering" : arguments.removeFirst() } ?? "rendering"
switch mode {
case "rendering": try RenderingBenchmark.run(arguments)
case "ctf": try CTFBenchmark.run(arguments)
case "bundle": try BundleBenchmark.run(arguments)
case "record": try RecordBenchmark.run(arguments)
case "batch": try BatchBenchmark.run(arguments)
case "batch-school": try BatchBenchmark.school(arguments)
default:
    FileHandle.standardError.write(Data("usage: attendoc-benchmark [rendering|ctf|bundle|record|batch] [options]\n".utf8))
    exit(2)
}
