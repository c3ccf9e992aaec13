/// The records of a CSV file as RFC 4180 and spreadsheets write them: fields separated by commas,
/// records ended by CRLF, LF or CR, a UTF-8 byte-order mark at the start skipped, fields in double
/// quotes holding commas, line breaks and `""` for a quote.
///
/// It works on bytes and keeps each field as a byte range, so a field is decoded (and its UTF-8
/// checked) only when it is asked for: a column the reader does not use is never looked at. Each
/// record knows the line it starts on; a problem names the line and column, never the text.
///
/// yaslab/CSV.swift (on this machine) also reads quotes, CRLF and a BOM, but reports neither lines
/// nor columns and takes a quote that is never closed as the rest of the file, without an error.
struct CSVRecords {
    struct Record {
        /// The line the record starts on, counting from 1.
        let line: Int
        /// Where each field's text is; a quoted field's range holds its inside, `""` not yet undone.
        let fields: [Field]
        let bytes: [UInt8]

        struct Field {
            let range: Range<Int>
            let quoted: Bool
            /// The line the field starts on.
            let line: Int
        }

        var count: Int { fields.count }

        /// Whether every field is empty (a line of commas, as a spreadsheet writes under its data).
        var isBlank: Bool {
            fields.allSatisfy { field in bytes[field.range].allSatisfy { $0 == 0x20 || $0 == 0x09 } }
        }

        /// The field's text without surrounding spaces, or nil when it is not UTF-8.
        func text(_ index: Int) -> String? {
            let field = fields[index]
            var slice = bytes[field.range]
            if field.quoted {
                var unescaped: [UInt8] = []
                unescaped.reserveCapacity(slice.count)
                var previousWasQuote = false
                for byte in slice {
                    if byte == quote && previousWasQuote { previousWasQuote = false; continue }
                    previousWasQuote = byte == quote
                    unescaped.append(byte)
                }
                return String(validating: unescaped, as: UTF8.self)?.trimmingSpaces
            }
            while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
            while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
            return String(validating: slice, as: UTF8.self)
        }
    }

    /// A file that is not CSV at some place: its line, its column (counting fields from 1), what.
    struct SyntaxError: Error {
        let line: Int
        let column: Int
        let problem: String
    }

    private let bytes: [UInt8]
    private var position: Int
    private var line = 1

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// The next record, or nil at the end of the file.
    mutating func next() throws(SyntaxError) -> Record? {
        guard position < bytes.count else { return nil }
        let recordLine = line
        var fields: [Record.Field] = []
        while true {
            let fieldLine = line
            var start = position
            while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
            if position < bytes.count, bytes[position] == quote {
                position += 1
                start = position
                var end: Int?
                while position < bytes.count {
                    let byte = bytes[position]
                    if byte == quote {
                        if position + 1 < bytes.count, bytes[position + 1] == quote { position += 2; continue }
                        end = position
                        position += 1
                        break
                    }
                    countLineBreak(at: position)
                    position += 1
                }
                guard let end else {
                    throw SyntaxError(line: fieldLine, column: fields.count + 1,
                                      problem: "a field opens a double quote that is never closed; each quoted field needs its closing quote (a quote inside a field is written twice)")
                }
                while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
                if position < bytes.count, bytes[position] != comma, bytes[position] != lineFeed, bytes[position] != carriageReturn {
                    throw SyntaxError(line: line, column: fields.count + 1,
                                      problem: "a quoted field has more text after its closing quote; a quote inside a field is written twice")
                }
                fields.append(Record.Field(range: start..<end, quoted: true, line: fieldLine))
            } else {
                position = start
                while position < bytes.count, bytes[position] != comma, bytes[position] != lineFeed, bytes[position] != carriageReturn {
                    if bytes[position] == quote {
                        throw SyntaxError(line: line, column: fields.count + 1,
                                          problem: "a field that does not start with a double quote has one inside it; such a field must be quoted as a whole, with its quote written twice")
                    }
                    position += 1
                }
                fields.append(Record.Field(range: start..<position, quoted: false, line: fieldLine))
            }
            guard position < bytes.count else { break }
            if bytes[position] == comma { position += 1; continue }
            // The end of the record: CRLF, LF or CR.
            line += 1
            position += bytes[position] == carriageReturn && position + 1 < bytes.count && bytes[position + 1] == lineFeed ? 2 : 1
            break
        }
        return Record(line: recordLine, fields: fields, bytes: bytes)
    }

    /// Counts a line ending at `index`: LF, or CR not followed by LF.
    private mutating func countLineBreak(at index: Int) {
        if bytes[index] == lineFeed || (bytes[index] == carriageReturn && (index + 1 == bytes.count || bytes[index + 1] != lineFeed)) {
            line += 1
        }
    }
}

private let quote = UInt8(ascii: "\"")
private let comma = UInt8(ascii: ",")
private let lineFeed = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")

private extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while scalars.first == " " || scalars.first == "\t" { scalars = scalars.dropFirst() }
        while scalars.last == " " || scalars.last == "\t" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
