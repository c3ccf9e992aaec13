import AttendocValues
import Foundation

/// Makes FOP's PDF output depend only on its input.
///
/// FOP writes the time of the run into the document information dictionary (`/CreationDate`,
/// `/ModDate`) and the XMP metadata stream (`xmp:CreateDate` and friends), and a random `/ID`.
/// Each is replaced by a value of exactly the same length (the document's own date at midnight
/// UTC; an identifier derived from the file's other bytes), so every cross-reference offset stays
/// valid and the file needs no rewriting.
enum PDFNormaliser {
    static func normalise(_ pdf: Data, creationDate date: CalendarDate, name: String) throws(AttendocError) -> Data {
        var bytes = [UInt8](pdf)
        let pdfDate = Array(String(format: "%04d%02d%02d000000", date.year, date.month, date.day).utf8)
        let xmpDate = Array(String(format: "%04d-%02d-%02dT00:00:00", date.year, date.month, date.day).utf8)
        var replaced = 0
        // Info dictionary: /CreationDate (D:20261123121314Z) — the 14 digits after "D:".
        for key in ["/CreationDate", "/ModDate"] {
            replaced += replaceAll(in: &bytes, after: Array("\(key)(D:".utf8), alternative: Array("\(key) (D:".utf8), with: pdfDate)
        }
        // XMP: <xmp:CreateDate>2026-11-23T12:13:14Z</xmp:CreateDate> (and <dc:date>, which FOP writes outside PDF/A mode) — the 19 characters after ">".
        for element in ["xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate", "dc:date"] {
            replaced += replaceAll(in: &bytes, after: Array("<\(element)>".utf8), alternative: nil, with: xmpDate)
        }
        guard replaced > 0 else {
            throw AttendocError(.programFailed, "the PDF of \(name) has no creation date where Apache FOP normally writes one; cannot make it reproducible")
        }
        replaceFileIdentifier(in: &bytes)
        return Data(bytes)
    }

    /// Overwrites the bytes following each occurrence of `marker` (or `alternative`) with `value`.
    private static func replaceAll(in bytes: inout [UInt8], after marker: [UInt8], alternative: [UInt8]?, with value: [UInt8]) -> Int {
        var count = 0
        for pattern in [marker] + (alternative.map { [$0] } ?? []) {
            var index = 0
            while let found = find(pattern, in: bytes, from: index) {
                let start = found + pattern.count
                guard start + value.count <= bytes.count,
                      bytes[start..<start + value.count].allSatisfy({ isDateByte($0) }) else {
                    index = start
                    continue
                }
                bytes.replaceSubrange(start..<start + value.count, with: value)
                count += 1
                index = start + value.count
            }
        }
        return count
    }

    private static func isDateByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "T")
    }

    /// `/ID [<hex><hex>]`: both halves become a digest of the file with the identifier blanked.
    private static func replaceFileIdentifier(in bytes: inout [UInt8]) {
        let marker = Array("/ID [<".utf8)
        guard let found = find(marker, in: bytes, from: 0) else { return }
        let firstStart = found + marker.count
        guard let firstEnd = bytes[firstStart...].firstIndex(of: UInt8(ascii: ">")) else { return }
        let length = firstEnd - firstStart
        guard let secondOpen = bytes[firstEnd...].firstIndex(of: UInt8(ascii: "<")) else { return }
        let secondStart = secondOpen + 1
        guard secondStart + length <= bytes.count, bytes[secondStart + length] == UInt8(ascii: ">") else { return }
        let zero = [UInt8](repeating: UInt8(ascii: "0"), count: length)
        bytes.replaceSubrange(firstStart..<firstEnd, with: zero)
        bytes.replaceSubrange(secondStart..<secondStart + length, with: zero)
        let hex = Array(digestHex(bytes, length: length).utf8)
        bytes.replaceSubrange(firstStart..<firstEnd, with: hex)
        bytes.replaceSubrange(secondStart..<secondStart + length, with: hex)
    }

    /// `length` hex digits of a 64-bit FNV-1a digest of `bytes`, repeated with different seeds.
    private static func digestHex(_ bytes: [UInt8], length: Int) -> String {
        var text = ""
        var seed: UInt64 = 0xcbf2_9ce4_8422_2325
        while text.count < length {
            var hash = seed
            for byte in bytes {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
            text += String(format: "%016llX", hash)
            seed = hash
        }
        return String(text.prefix(length))
    }

    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !pattern.isEmpty, bytes.count >= pattern.count, start <= bytes.count - pattern.count else { return nil }
        var index = start
        let first = pattern[0]
        while index <= bytes.count - pattern.count {
            if bytes[index] == first && bytes[index..<index + pattern.count].elementsEqual(pattern) {
                return index
            }
            index += 1
        }
        return nil
    }
}
