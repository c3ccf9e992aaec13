import Foundation

/// Checks, before a template is rendered, that every value it prints exists in the case's values.
///
/// Mustache prints nothing for a missing value, so a misspelt key or a fact the case does not have
/// would leave a silent gap in a letter. Here a value tag (`{{pupil.forename}}`) whose key is
/// missing is an error naming the template, its line and the key. A section (`{{#officer.phone}}
/// …{{/officer.phone}}`) is how a template says a fact is optional: a missing key there simply skips
/// the section. Unescaped tags (`{{{…}}}`, `{{& …}}`) are refused outright: every value must be
/// escaped for XML. Partials (`{{> partials/letterhead}}`) are checked where they are used.
struct TemplateFactCheck {
    /// Template name → its text.
    let sources: [String: String]

    struct Problem: Error {
        let template: String
        let line: Int
        let message: String
    }

    func check(_ template: String, with values: [String: Any]) throws(Problem) {
        try check(template, stack: [values], depth: 0)
    }

    private func check(_ template: String, stack: [Any], depth: Int) throws(Problem) {
        guard let text = sources[template] else {
            throw Problem(template: template, line: 1, message: "there is no template or partial named \(template)")
        }
        guard depth < 20 else { throw Problem(template: template, line: 1, message: "partials include each other too deeply") }
        var stack = stack
        // Open sections: name, whether their content is checked, and the stack depth to return to.
        var open: [(name: String, checked: Bool, stackCount: Int)] = []
        var index = text.startIndex
        var line = 1
        while let start = text[index...].range(of: "{{") {
            line += text[index..<start.lowerBound].filter(\.isNewline).count
            guard let end = text[start.upperBound...].range(of: "}}") else {
                throw Problem(template: template, line: line, message: "a tag opened with {{ is never closed")
            }
            var tag = String(text[start.upperBound..<end.lowerBound])
            let tagLines = tag.filter(\.isNewline).count
            index = end.upperBound
            defer { line += tagLines }
            if tag.hasPrefix("{") || tag.hasPrefix("&") {
                throw Problem(template: template, line: line, message: "unescaped tag {{\(tag)}}: every value must be escaped for XML; use {{name}}")
            }
            guard let sigil = tag.first else { continue }
            if "!#^/>=".contains(sigil) { tag.removeFirst() }
            let name = tag.trimmingCharacters(in: .whitespacesAndNewlines)
            let checking = open.last?.checked ?? true
            switch sigil {
            case "!":
                continue
            case "=":
                throw Problem(template: template, line: line, message: "changing delimiters ({{=…=}}) is not supported in Attendoc templates")
            case ">":
                if checking { try check(name, stack: stack, depth: depth + 1) }
            case "#", "^":
                let value = checking ? resolve(name, in: stack) : nil
                var checkedInside = false
                let stackCount = stack.count
                if sigil == "#", checking, let value {
                    switch value {
                    case let list as [Any]:
                        if let first = list.first { stack.append(first); checkedInside = true }
                    case let flag as Bool:
                        checkedInside = flag
                    default:
                        stack.append(value)
                        checkedInside = true
                    }
                } else if sigil == "^", checking {
                    // An inverted section renders when the value is missing, false or empty; its
                    // content sees the same values as outside it.
                    checkedInside = value == nil || (value as? Bool) == false || ((value as? [Any])?.isEmpty ?? false)
                }
                open.append((name, checkedInside, stackCount))
            case "/":
                guard let last = open.popLast(), last.name == name else {
                    throw Problem(template: template, line: line, message: "{{/\(name)}} closes a section that is not open")
                }
                stack.removeSubrange(last.stackCount...)
            default:
                if checking, resolve(name, in: stack) == nil {
                    throw Problem(template: template, line: line,
                                  message: "the case has no value for \(name); give the case that fact, or wrap the words in {{#\(name)}}…{{/\(name)}} if it is optional")
                }
            }
        }
        if let unclosed = open.last {
            throw Problem(template: template, line: line, message: "the section {{#\(unclosed.name)}} is never closed")
        }
    }

    /// Looks a dotted name up as Mustache does: the first part in the innermost value that has it,
    /// the rest inside that.
    private func resolve(_ name: String, in stack: [Any]) -> Any? {
        if name == "." { return stack.last }
        let parts = name.split(separator: ".").map(String.init)
        guard let first = parts.first else { return nil }
        for object in stack.reversed() {
            guard let found = (object as? [String: Any])?[first] else { continue }
            var value: Any? = found
            for part in parts.dropFirst() {
                value = (value as? [String: Any])?[part]
            }
            return value
        }
        return nil
    }
}
