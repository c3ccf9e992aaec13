import AttendocRegister
import AttendocValues
import Foundation

let codes = try! AttendanceCodeTable(resources: AttendocResources(root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)))

/// One input: a DfE Common Transfer File (XML). Success or a RegisterError; anything else is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCTF(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    _ = try? CTFReader.read(Data(UnsafeBufferPointer(start: start, count: count)), file: "fuzz.xml", codes: codes)
    return 0
}
