// The one JSON string escaper of the package, byte for byte as serde_json writes strings (what
// the safetensors header and Hugging Face's tokenizer.json are written with), so that files we
// write compare equal to theirs.

/// JSON string literals.
public enum JSONString {
    /// `text` as a JSON string literal, escaped as serde_json escapes it.
    ///
    /// `"` and `\` get a backslash; `\n`, `\r`, `\t`, `\b` (U+0008) and `\f` (U+000C) their
    /// short escapes; the other control characters below U+0020 become `\u00xx` (lower-case
    /// hex). Everything else is written as it is, DEL (U+007F) and the line and paragraph
    /// separators U+2028/U+2029 included: they are valid in JSON, and our JSON Lines readers
    /// split lines on `\n` only.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case let control where control.value < 0x20:
                out += "\\u00" + hexDigits[Int(control.value >> 4)] + hexDigits[Int(control.value & 0xF)]
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
        return out
    }

    private static let hexDigits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"]
}
