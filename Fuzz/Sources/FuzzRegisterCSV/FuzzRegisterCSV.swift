import AttendocRegister
import AttendocValues
import Foundation

let codes = try! AttendanceCodeTable(resources: AttendocResources(root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)))

/// One input: a register export in CSV. Success or a RegisterError; anything else is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRegisterCSV(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    _ = try? RegisterCSVReader.read(bytes: Array(UnsafeBufferPointer(start: start, count: count)), file: "fuzz.csv", codes: codes)
    return 0
}
