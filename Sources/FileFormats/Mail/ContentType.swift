// A parsed Content-Type (or Content-Disposition) header: the lower-cased value before the first
// `;` and its parameters (`charset`, `boundary`, `filename`…), quoted strings unquoted.

/// A header value with parameters, e.g. `text/plain; charset="iso-8859-1"`.
struct ContentType: Sendable {
    /// The value before the parameters, lower-cased: `text/plain`, `multipart/mixed`, `attachment`.
    var value: String
    /// Parameters by lower-cased name.
    var parameters: [String: String]

    /// `text/plain; charset=us-ascii`, the default of RFC 2045 when the header is missing.
    static let plainText = ContentType(value: "text/plain", parameters: [:])

    /// The top-level type: `text` of `text/plain`.
    var type: Substring { value.split(separator: "/", maxSplits: 1).first ?? "" }

    /// Parses a header value; a value without a `/` where one is expected is the caller's concern.
    init(value: String, parameters: [String: String]) {
        self.value = value
        self.parameters = parameters
    }

    /// Parses `header` (e.g. `multipart/alternative; boundary="=_b1"`).
    init(parsing header: String) {
        var pieces = Self.splitOutsideQuotes(header)
        value = pieces.isEmpty ? "" : pieces.removeFirst().trimmingBlanks().lowercased()
        var parameters: [String: String] = [:]
        for piece in pieces {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let name = piece[..<equals].trimmingBlanks().lowercased()
            var raw = piece[piece.index(after: equals)...].trimmingBlanks()
            if raw.hasPrefix("\""), raw.hasSuffix("\""), raw.count >= 2 {
                raw = Self.unquote(raw.dropFirst().dropLast())
            }
            if parameters[name] == nil { parameters[name] = raw }
        }
        self.parameters = parameters
    }

    /// Splits at `;` outside double quotes.
    private static func splitOutsideQuotes(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in text {
            if escaped {
                escaped = false
            } else if character == "\\", quoted {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
            } else if character == ";", !quoted {
                pieces.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        pieces.append(current)
        return pieces
    }

    /// A quoted string's content with `\x` escapes resolved.
    static func unquote(_ text: Substring) -> String {
        var output = ""
        var escaped = false
        for character in text {
            if !escaped, character == "\\" {
                escaped = true
                continue
            }
            escaped = false
            output.append(character)
        }
        return output
    }
}
