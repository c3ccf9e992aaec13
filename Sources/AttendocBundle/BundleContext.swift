import AttendocCaseModel
import AttendocValues

/// Helpers that turn the bundle's typed values into the values its templates read, so that the
/// templates in `templates/partials/bundle/` hold every word and Swift only the facts.
enum BundleContext {
    /// A list as a template joins it: each item with `isLast`, `isBeforeLast` (the one before the
    /// last, where a template writes " and ") and `isEarlier` (any before that, where it writes
    /// ", "), so that "A, B and C" is the template's punctuation, not Swift's.
    static func list(_ items: [[String: Any]]) -> [[String: Any]] {
        items.enumerated().map { offset, item in
            item.merging([
                "isLast": offset == items.count - 1,
                "isBeforeLast": offset == items.count - 2,
                "isEarlier": offset < items.count - 2,
            ]) { old, _ in old }
        }
    }

    /// Names as a list of `{name}` (see `list`).
    static func names(_ names: [String]) -> [[String: Any]] {
        list(names.map { ["name": $0] })
    }

    /// Whether "an" rather than "a" goes before `words`, by the sound of its first letter (good
    /// enough for the case's words); the template prints the article.
    static func takesAn(_ words: String) -> Bool {
        guard let first = words.lowercased().first else { return false }
        return "aeio".contains(first)
    }

    /// Exhibit numbers a sentence produces (`AB/5`), each once, in exhibit-number order (`LH/2,
    /// LH/3 and LH/14`, whatever order the steps cite them in): `any`, `several` and
    /// `numbers` (`number` with the `list` flags), printed by `partials/bundle/statement/exhibits`.
    /// In a witness statement (`producer` given), `numbers` holds only the exhibits that witness
    /// produces, and `others` (with `hasOthers`, `severalOthers`) those another witness produces,
    /// which the statement refers to by their labels without producing them.
    struct Exhibits {
        var numbers: [String] = []
        var others: [String] = []
        /// Who produces `others` (a statement has one other witness at most).
        var othersBy = ""

        init(_ ids: [String], in bundle: EvidenceBundle, producer: EvidenceBundle.Producer? = nil) {
            for id in ids {
                guard let entry = bundle.entry(id), let number = entry.exhibit else { continue }
                if producer == nil || entry.producer == producer {
                    if !numbers.contains(number) { numbers.append(number) }
                } else if !others.contains(number) {
                    others.append(number)
                    othersBy = bundle.producers.name(of: entry.producer ?? .officer)
                }
            }
            numbers.sort(by: Self.precedes)
            others.sort(by: Self.precedes)
        }

        /// Exhibit-number order: by the witness's initials, then by the number as a number
        /// (`LH/2`, `LH/3`, `LH/14`; never `LH/14` before `LH/2`, as strings would sort).
        static func precedes(_ a: String, _ b: String) -> Bool {
            func parts(_ label: String) -> (String, Int) {
                guard let slash = label.lastIndex(of: "/"), let number = Int(label[label.index(after: slash)...]) else { return (label, 0) }
                return (String(label[..<slash]), number)
            }
            let (x, y) = (parts(a), parts(b))
            return x.0 != y.0 ? x.0 < y.0 : x.1 < y.1
        }

        var context: [String: Any] {
            ["any": !numbers.isEmpty, "several": numbers.count > 1, "numbers": list(numbers.map { ["number": $0] }),
             "hasOthers": !others.isEmpty, "severalOthers": others.count > 1, "others": list(others.map { ["number": $0] }), "othersBy": othersBy]
        }
    }

    /// The words of a legal route, in `partials/bundle/route`: which section it is.
    static func route(_ section: LegalRoute.Section) -> [String: Any] {
        [
            "s444_1": section == .s444_1, "s444_1a": section == .s444_1a, "s443": section == .s443,
            "educationSupervisionOrder": section == .educationSupervisionOrder,
        ]
    }

    /// An optional value as `has<Name>` and the value (empty when absent), so a template can test
    /// it and the strict check still finds the key.
    static func optional(_ name: String, _ value: String?) -> [String: Any] {
        ["has" + name.prefix(1).uppercased() + name.dropFirst(): value != nil, name: value ?? ""]
    }
}
