// Escaping for text placed in HTML and SVG: element content and quoted attribute values alike.

/// HTML/XML escaping of untrusted text (intent names, customer messages).
enum HTMLText {
    /// `text` with `& < > " '` replaced by entities, safe in content and in quoted attributes.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}
