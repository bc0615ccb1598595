// Reply texts from other tools write their placeholders in double braces and words
// (`{{Order Number}}`, Bitext's data); the project has one slot syntax, `{order_number}`.
import Foundation

extension ResponseTemplate {
    /// `text` with every `{{Some Name}}` written as `{some_name}`: the name lower-cased, each run
    /// of characters other than letters, digits and `_` made one `_`, and `_` trimmed at both ends
    /// (the spelling `../shared/bench/reply_score.py` compares in). Single-brace placeholders and
    /// other braces are left as they are; an empty name stays as written.
    public static func singleBraced(_ text: String) -> String {
        guard text.contains("{{") else { return text }
        let pattern = /\{\{\s*([^{}]+?)\s*\}\}/
        return text.replacing(pattern) { match in
            let name = slotName(String(match.output.1))
            return name.isEmpty ? String(match.output.0) : "{\(name)}"
        }
    }

    /// `words` as a placeholder name: lower case, non-word runs as one `_`, no `_` at either end.
    static func slotName(_ words: String) -> String {
        var name = ""
        var pendingSeparator = false
        for character in words.lowercased() {
            if character.isLetter || character.isNumber || character == "_" {
                if pendingSeparator && !name.isEmpty { name.append("_") }
                pendingSeparator = false
                name.append(character)
            } else {
                pendingSeparator = true
            }
        }
        return name.trimmingCharacters(in: ["_"])
    }
}
