import Foundation

/// Text for an HTML page: every value from the record or the request passes through `escaped`, so
/// a name holding `<script>`, `"` or `'` prints as the text it is.
enum HTML {
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// A value for a query string, percent-encoded and escaped for an attribute.
    static func query(_ text: String) -> String {
        escaped(text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "")
    }
}
