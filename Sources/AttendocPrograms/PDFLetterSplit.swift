import AttendocValues
import Foundation

/// Splits the PDF of one FOP run over many letters (one page-sequence each) into one PDF per
/// letter, each a complete PDF/A-1b file of its own: its pages, its part of the structure tree
/// (tagged for screen readers), its own page labels, title, author and dates, the output intent.
///
/// A single letter is typeset the same way, as a run of one letter split into one file, so a
/// letter's file is the same bytes whichever run it was typeset in (docs/batch.md, "One FOP run"):
///
/// - the fonts are embedded whole (`fop/fop.xconf`, `embedding-mode="full"`): a subset would hold
///   the glyphs of every letter of the run, so would differ from run to run;
/// - each page keeps only the resources its content uses (qpdf, before the split);
/// - objects are numbered in the order the split meets them, starting from the letter's catalog,
///   so the numbers FOP gave them in a larger run do not matter;
/// - the title, author and dates are the letter's own; the file identifier is derived from the
///   file's other bytes (`PDFNormaliser`).
///
/// The letters are found by the PDF's page labels (each page-sequence restarts at page 1) and the
/// structure tree (one Part per page-sequence); both must count as many letters as were given,
/// else the split fails rather than lose or merge a letter.
enum PDFLetterSplit {
    typealias Letter = PDFTypesetter.Letter
    static let runTitle = PDFTypesetter.runTitle
    static let runAuthor = PDFTypesetter.runAuthor

    static func split(_ pdf: Data, into letters: [Letter], name: String) throws(AttendocError) -> [Data] {
        let objects = try PDFObjects(pdf, name: name)
        func failure(_ what: String) -> AttendocError {
            AttendocError(.programFailed, "the typeset PDF of \(name) cannot be split into its \(letters.count) letter\(letters.count == 1 ? "" : "s"): \(what); no letter was written")
        }
        guard case .reference(let catalogNumber)? = objects.trailer["Root"], let catalog = objects[catalogNumber]?.value else { throw failure("no catalog") }
        guard case .reference(let pagesRoot)? = catalog["Pages"] else { throw failure("no page tree") }
        var pages: [Int] = []
        var intermediate: Set<Int> = []
        func collect(_ number: Int) {
            guard let node = objects[number]?.value else { return }
            if node["Type"] == .name("Pages") {
                intermediate.insert(number)
                for kid in node["Kids"]?.items ?? [] { if case .reference(let kid) = kid { collect(kid) } }
            } else {
                pages.append(number)
            }
        }
        collect(pagesRoot)

        // Where each letter starts: its page-label range.
        let labelNumbers = objects.resolved(objects.resolved(catalog["PageLabels"])?["Nums"])?.items ?? []
        var starts: [Int] = []
        var labels: [PDFValue] = []
        for index in stride(from: 0, to: labelNumbers.count - 1, by: 2) {
            guard let start = labelNumbers[index].integer else { throw failure("a page label that is not a page number") }
            starts.append(start)
            labels.append(labelNumbers[index + 1])
        }
        guard starts.count == letters.count, starts.first == 0, zip(starts, starts.dropFirst()).allSatisfy({ $0 < $1 }),
              (starts.last ?? 0) < pages.count else {
            throw failure("FOP's PDF has \(starts.count) page-number ranges and \(pages.count) pages")
        }
        let ranges = (0..<letters.count).map { index in starts[index]..<(index + 1 < starts.count ? starts[index + 1] : pages.count) }

        // The structure tree: StructTreeRoot → one Document → one Part per letter.
        var structRoot: Int?
        var document: Int?
        var parts: [PDFValue] = []
        var parentTree: [Int: PDFValue] = [:]
        if case .reference(let root)? = catalog["StructTreeRoot"], let rootValue = objects[root]?.value {
            structRoot = root
            let kids = objects.resolved(rootValue["K"]).map { $0.items ?? [$0] } ?? []
            guard kids.count == 1, case .reference(let documentNumber) = kids[0], let documentValue = objects[documentNumber]?.value,
                  documentValue["S"] == .name("Document") else { throw failure("the structure tree does not hold one Document") }
            document = documentNumber
            parts = objects.resolved(documentValue["K"]).map { $0.items ?? [$0] } ?? []
            guard parts.count == letters.count else { throw failure("the structure tree holds \(parts.count) parts") }
            func flatten(_ node: PDFValue?) {
                guard let node = objects.resolved(node) else { return }
                let numbers = objects.resolved(node["Nums"])?.items ?? []
                for index in stride(from: 0, to: numbers.count - 1, by: 2) {
                    if let key = numbers[index].integer { parentTree[key] = numbers[index + 1] }
                }
                for kid in objects.resolved(node["Kids"])?.items ?? [] { flatten(kid) }
            }
            flatten(rootValue["ParentTree"])
        }

        var files: [Data] = []
        for (index, letter) in letters.enumerated() {
            var split = OneLetter(objects: objects, name: name)
            let own = Array(pages[ranges[index]])
            split.prefill(own: own, allPages: pages, intermediate: intermediate, catalog: catalogNumber,
                          structRoot: structRoot, document: document)
            let bytes = try split.write(letter: letter, catalog: catalog, label: labels[index], part: parts.isEmpty ? nil : parts[index],
                                        parentTree: parentTree)
            files.append(Data(bytes))
        }
        return files
    }

    /// The objects of one letter's file, numbered as they are met.
    private struct OneLetter {
        let objects: PDFObjects
        let name: String
        /// Old object number → new, for every object met so far.
        var numbers: [Int: Int] = [:]
        var queue: [Int] = []
        var queueStart = 0
        var written: [Int: (value: PDFValue, stream: [UInt8]?)] = [:]
        var next = 7
        var ownPages: [Int] = []
        var pageIndex: [Int: Int] = [:]
        var oldStructRoot: Int?
        var oldDocument: Int?
        var foreign: Set<Int> = []
        var nextStructParent = 0
        var parentTreeEntries: [(key: Int, old: Int)] = []

        // Fixed numbers: 1 catalog, 2 information, 3 metadata, 4 page tree, 5 structure tree root, 6 Document.
        static let catalog = 1, info = 2, metadata = 3, pageTree = 4, structRoot = 5, document = 6

        init(objects: PDFObjects, name: String) {
            self.objects = objects
            self.name = name
        }

        mutating func prefill(own: [Int], allPages: [Int], intermediate: Set<Int>, catalog: Int, structRoot: Int?, document: Int?) {
            ownPages = own
            for (index, page) in own.enumerated() { pageIndex[page] = index }
            oldStructRoot = structRoot
            oldDocument = document
            for node in intermediate { numbers[node] = Self.pageTree }
            numbers[catalog] = Self.catalog
            if let structRoot { numbers[structRoot] = Self.structRoot }
            if let document { numbers[document] = Self.document }
            let mine = Set(own)
            foreign = Set(allPages.filter { !mine.contains($0) })
        }

        private func failure(_ what: String) -> AttendocError {
            AttendocError(.programFailed, "the typeset PDF of \(name) cannot be split into its letters: \(what); no letter was written")
        }

        mutating func number(for old: Int) throws(AttendocError) -> Int {
            if let known = numbers[old] { return known }
            guard !foreign.contains(old) else { throw failure("one letter's content refers to another letter's page") }
            guard objects[old] != nil else { throw failure("object \(old) is missing") }
            let new = next
            next += 1
            numbers[old] = new
            queue.append(old)
            return new
        }

        mutating func mapped(_ value: PDFValue) throws(AttendocError) -> PDFValue {
            switch value {
            case .reference(let old): return .reference(try number(for: old))
            case .array(let items):
                var result: [PDFValue] = []
                for item in items { result.append(try mapped(item)) }
                return .array(result)
            case .dictionary(let entries):
                var result: [(key: String, value: PDFValue)] = []
                for entry in entries {
                    if entry.key == "StructParent", let old = entry.value.integer {
                        // An annotation's place in the parent tree, numbered after the pages'.
                        parentTreeEntries.append((nextStructParent, old))
                        result.append((entry.key, .number(String(nextStructParent))))
                        nextStructParent += 1
                        continue
                    }
                    result.append((entry.key, try mapped(entry.value)))
                }
                return .dictionary(result)
            default: return value
            }
        }

        /// Copies every object queued (and those they refer to) under its new number.
        mutating func drain() throws(AttendocError) {
            while queueStart < queue.count {
                let old = queue[queueStart]
                queueStart += 1
                guard let object = objects[old] else { throw failure("object \(old) is missing") }
                var value = object.value
                if let page = pageIndex[old] {
                    value = value.setting("Parent", .reference(Self.pageTree))
                    if value["StructParents"] != nil { value = value.setting("StructParents", .number(String(page))) }
                }
                var copy = try mapped(value)
                if let stream = object.stream { copy = copy.setting("Length", .number(String(stream.count))) }
                written[numbers[old]!] = (copy, object.stream)
            }
        }

        mutating func write(letter: Letter, catalog: PDFValue, label: PDFValue, part: PDFValue?,
                            parentTree: [Int: PDFValue]) throws(AttendocError) -> [UInt8] {
            // The pages first, in order, so that they are objects 7, 8, ...
            var kids: [PDFValue] = []
            for page in ownPages { kids.append(.reference(try number(for: page))) }
            nextStructParent = ownPages.count
            try drain()
            written[Self.pageTree] = (.dictionary([("Type", .name("Pages")), ("Kids", .array(kids)), ("Count", .number(String(kids.count)))]), nil)

            var newCatalog: [(key: String, value: PDFValue)] = []
            guard case .dictionary(let entries) = catalog else { throw failure("the catalog is not a dictionary") }
            for entry in entries {
                switch entry.key {
                case "Type", "Lang", "MarkInfo", "ViewerPreferences":
                    newCatalog.append((entry.key, try mapped(entry.value)))
                case "OutputIntents":
                    newCatalog.append((entry.key, try mapped(entry.value)))
                    try drain()
                case "Pages": newCatalog.append((entry.key, .reference(Self.pageTree)))
                case "Metadata": newCatalog.append((entry.key, .reference(Self.metadata)))
                case "PageLabels": newCatalog.append((entry.key, .dictionary([("Nums", .array([.number("0"), try mapped(label)]))])))
                case "StructTreeRoot": if part != nil { newCatalog.append((entry.key, .reference(Self.structRoot))) }
                default: throw failure("its catalog has /\(entry.key), which a letter's PDF does not have")
                }
            }
            written[Self.catalog] = (.dictionary(newCatalog), nil)

            if let part, let rootNumber = oldStructRoot, let documentNumber = oldDocument {
                let newPart = try mapped(part)
                try drain()
                var tree: [PDFValue] = []
                for (page, old) in ownPages.enumerated() {
                    guard let key = objects[old]?.value["StructParents"]?.integer, let entry = parentTree[key] else { continue }
                    tree += [.number(String(page)), try mapped(entry)]
                }
                for (key, old) in parentTreeEntries {
                    guard let entry = parentTree[old] else { continue }
                    tree += [.number(String(key)), try mapped(entry)]
                }
                try drain()
                var root = try mapped(objects[rootNumber]!.value.setting("K", nil).setting("ParentTree", nil))
                    .setting("K", .array([.reference(Self.document)]))
                    .setting("ParentTree", .dictionary([("Nums", .array(tree))]))
                if root["ParentTreeNextKey"] != nil { root = root.setting("ParentTreeNextKey", .number(String(nextStructParent))) }
                written[Self.structRoot] = (root, nil)
                try drain()
                let document = objects[documentNumber]!.value
                written[Self.document] = (try mapped(document.setting("K", nil).setting("P", nil))
                    .setting("P", .reference(Self.structRoot)).setting("K", .array([newPart])), nil)
                try drain()
            }

            // The information dictionary and XMP metadata, with the letter's own title and author.
            guard case .reference(let infoNumber)? = objects.trailer["Info"], let info = objects[infoNumber]?.value,
                  case .reference(let metadataNumber)? = catalog["Metadata"], let metadata = objects[metadataNumber],
                  let xmp = metadata.stream, metadata.value["Filter"] == nil else {
                throw failure("it has no document information or XMP metadata as FOP writes them")
            }
            // Dates: the letter's own, at midnight UTC (FOP writes the time of the run).
            let day = String(format: "%04d%02d%02d", letter.date.year, letter.date.month, letter.date.day)
            var newInfo = info.setting("Title", Self.textString(letter.title)).setting("Author", Self.textString(letter.author))
            for key in ["CreationDate", "ModDate"] where info[key] != nil {
                newInfo = newInfo.setting(key, .string(Array("(D:\(day)000000Z)".utf8)))
            }
            written[Self.info] = (newInfo, nil)
            var packet = String(decoding: xmp, as: UTF8.self)
            guard packet.contains(runTitle), packet.contains(runAuthor) else { throw failure("its XMP metadata has not the run's title and author") }
            packet = packet.replacingOccurrences(of: runTitle, with: Self.xmlEscaped(letter.title))
                .replacingOccurrences(of: runAuthor, with: Self.xmlEscaped(letter.author))
            let xmpDay = String(format: "%04d-%02d-%02dT00:00:00Z", letter.date.year, letter.date.month, letter.date.day)
            for element in ["xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"] {
                packet = packet.replacingOccurrences(of: "<\(element)>[^<]*</\(element)>", with: "<\(element)>\(xmpDay)</\(element)>",
                                                     options: .regularExpression)
            }
            let packetBytes = Array(packet.utf8)
            written[Self.metadata] = (metadata.value.setting("Length", .number(String(packetBytes.count))), packetBytes)

            return Self.file(written)
        }

        /// The objects as a PDF file: header, objects in number order, cross-reference table, trailer.
        static func file(_ written: [Int: (value: PDFValue, stream: [UInt8]?)]) -> [UInt8] {
            var out: [UInt8] = Array("%PDF-1.4\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
            let count = (written.keys.max() ?? 0) + 1
            var offsets = [Int](repeating: 0, count: count)
            for number in written.keys.sorted() {
                let object = written[number]!
                offsets[number] = out.count
                out += Array("\(number) 0 obj\n".utf8)
                object.value.write(to: &out)
                if let stream = object.stream {
                    out += Array("\nstream\n".utf8)
                    out += stream
                    out += Array("\nendstream".utf8)
                }
                out += Array("\nendobj\n".utf8)
            }
            let xref = out.count
            out += Array("xref\n0 \(count)\n0000000000 65535 f \n".utf8)
            for number in 1..<count {
                out += Array(String(format: "%010d 00000 n \n", offsets[number]).utf8)
            }
            // The file identifier: a digest of everything before it.
            let identifier = digest(out)
            out += Array("trailer\n<< /Size \(count) /Root 1 0 R /Info 2 0 R /ID [<\(identifier)> <\(identifier)>] >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
            return out
        }

        /// 32 hexadecimal digits: two 64-bit FNV-1a digests of `bytes`, with different seeds.
        static func digest(_ bytes: [UInt8]) -> String {
            bytes.withUnsafeBufferPointer { buffer in
                var first: UInt64 = 0xcbf2_9ce4_8422_2325
                var second: UInt64 = 0x8422_2325_cbf2_9ce4
                for byte in buffer {
                    first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
                    second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
                }
                return String(format: "%016llX%016llX", first, second)
            }
        }

        /// A PDF text string: UTF-16BE with its byte-order mark, in hexadecimal.
        static func textString(_ text: String) -> PDFValue {
            var hex = "<FEFF"
            for unit in text.utf16 { hex += String(format: "%04X", unit) }
            return .string(Array((hex + ">").utf8))
        }

        static func xmlEscaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
    }
}
