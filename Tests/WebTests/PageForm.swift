import Foundation

/// The fields a browser would post from a page's form: each named input's value (a checkbox only
/// when checked), each textarea's text, each select's chosen option, in the page's order. A test
/// then changes the fields a person would change and posts the rest as they were.
struct PageForm {
    private(set) var fields: [(String, String)] = []

    init(_ page: String) {
        let pattern = #"<input [^>]*>|<textarea [^>]*>[^<]*</textarea>|<select [^>]*>.*?</select>"#
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        let text = page as NSString
        for match in regex.matches(in: page, range: NSRange(location: 0, length: text.length)) {
            let element = text.substring(with: match.range)
            guard let name = Self.attribute("name", in: element) else { continue }
            if element.hasPrefix("<input") {
                let type = Self.attribute("type", in: element) ?? "text"
                if type == "checkbox", !element.contains(" checked") { continue }
                if type == "file" || type == "submit" { continue }
                fields.append((name, Self.attribute("value", in: element) ?? ""))
            } else if element.hasPrefix("<textarea") {
                let start = element.range(of: ">")!.upperBound, end = element.range(of: "</textarea>", options: .backwards)!.lowerBound
                fields.append((name, Self.unescaped(String(element[start..<end]))))
            } else {
                let chosen = element.range(of: #"<option value="[^"]*" selected>"#, options: .regularExpression).map { String(element[$0]) }
                fields.append((name, chosen.flatMap { Self.attribute("value", in: $0) } ?? ""))
            }
        }
    }

    subscript(name: String) -> String? {
        get { fields.first { $0.0 == name }?.1 }
        set {
            fields.removeAll { $0.0 == name }
            if let newValue { fields.append((name, newValue)) }
        }
    }

    private static func attribute(_ name: String, in element: String) -> String? {
        guard let range = element.range(of: " \(name)=\"[^\"]*\"", options: .regularExpression) else { return nil }
        return unescaped(String(element[range].dropFirst(name.count + 3).dropLast()))
    }

    static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
