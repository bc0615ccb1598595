// Writes an intent in the intents-folder format (docs/FORMATS.md "Intents"): the keys in the
// documented order, every string double-quoted with YAML escapes, optional comment lines on top.
// `chatbot propose-intents` writes its drafts with it; `IntentCatalog` reads them back.

import Foundation

/// Encodes intents as YAML files.
public enum IntentFileWriter {
    /// The YAML text of an intent file.
    ///
    /// - Parameters:
    ///   - comments: lines written first as `# …` comments (for the people who review the file).
    ///   - responses: may be empty: the file then has `responses: []`, which the loader refuses
    ///     until someone writes one.
    public static func yaml(name: String, description: String, examples: [String], responses: [String],
                            comments: [String] = []) -> String {
        var lines = comments.map { "# " + $0.replacingOccurrences(of: "\n", with: " ") }
        lines.append("name: \(quoted(name))")
        lines.append("description: \(quoted(description))")
        lines.append("examples:")
        lines += examples.map { "  - \(quoted($0))" }
        if responses.isEmpty {
            lines.append("responses: []")
        } else {
            lines.append("responses:")
            lines += responses.map { "  - \(quoted($0))" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` as a YAML double-quoted scalar: `\` and `"` escaped, control characters and the
    /// Unicode line breaks as escapes, everything else as written.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            case "\u{FEFF}": out += "\\uFEFF"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16, uppercase: true)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
