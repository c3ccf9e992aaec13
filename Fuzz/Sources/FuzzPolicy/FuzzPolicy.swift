import AttendocPolicy
import Foundation

/// The policy reader reads files (a policy names its term dates beside it), so each input is
/// written to one file in a private folder holding a copy of policies/term-dates.
let folder: URL = {
    let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("attendoc-fuzz-policy-\(getpid())")
    try? FileManager.default.removeItem(at: folder)
    try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try! FileManager.default.copyItem(at: URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/policies/term-dates"),
                                      to: folder.appendingPathComponent("term-dates"))
    return folder
}()

/// One input: a policy file. Success or a CaseFileError; anything else is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPolicy(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let file = folder.appendingPathComponent("policy.yaml")
    try! Data(UnsafeBufferPointer(start: start, count: count)).write(to: file)
    _ = try? PolicyReader.read(contentsOf: file)
    return 0
}
