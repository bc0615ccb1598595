// Escaping for text placed in HTML and SVG: element content and quoted attribute values alike.

/// HTML/XML escaping of untrusted text (intent names, customer messages).
enum HTMLText {
    /// The five characters that are markup, and their entities.
    private static let entities: [Unicode.Scalar: String] = [
        "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;",
    ]

    /// `text` with `& < > " '` replaced by entities, safe in content and in quoted attributes.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let entity = entities[scalar] {
                escaped += entity
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
