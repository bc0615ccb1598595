// Placeholder handling for response templates: finding `{slot}` names (for validation and for
// the engine's "which slots are missing" step) and filling them in.

/// Helpers for `{slot}` placeholders in response texts.
public enum ResponseTemplate {
    /// The placeholder names in `text`, in order of appearance, duplicates kept.
    ///
    /// A placeholder is `{` followed by one or more of `a-z`, `A-Z`, `0-9`, `_` and `}`; other
    /// braces are ordinary text.
    public static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var current: String? = nil
        for scalar in text.unicodeScalars {
            if scalar == "{" {
                current = ""
            } else if scalar == "}" {
                if let name = current, !name.isEmpty { names.append(name) }
                current = nil
            } else if current != nil {
                if isNameScalar(scalar) { current?.unicodeScalars.append(scalar) } else { current = nil }
            }
        }
        return names
    }

    /// `text` with each `{name}` whose name is a key of `values` replaced by its value.
    public static func fill(_ text: String, with values: [String: String]) -> String {
        var result = ""
        var pending: String? = nil
        for scalar in text.unicodeScalars {
            if scalar == "{" {
                if let open = pending { result += "{" + open }
                pending = ""
            } else if scalar == "}", let name = pending {
                result += values[name] ?? "{\(name)}"
                pending = nil
            } else if pending != nil {
                if isNameScalar(scalar) {
                    pending?.unicodeScalars.append(scalar)
                } else {
                    result += "{" + (pending ?? "")
                    result.unicodeScalars.append(scalar)
                    pending = nil
                }
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        if let open = pending { result += "{" + open }
        return result
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_")
    }
}
