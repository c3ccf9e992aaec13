import AttendocCaseModel
import Foundation

/// One input: a case file's text, read as if it were examples/fuzz.yaml (so relative evidence
/// paths resolve against the examples). Success or a CaseFileError; anything else is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCaseFile(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    let file = FileManager.default.currentDirectoryPath + "/examples/fuzz.yaml"
    _ = try? CaseFileReader.read(text, file: file)
    return 0
}
