// RFC 2047 encoded words in header values (`=?charset?B|Q?text?=`): decoded in place; the
// whitespace between two adjacent encoded words is dropped, and adjacent words in one charset
// are decoded together so that a UTF-8 character split across two words survives.

/// Decodes the encoded words of a header value.
package enum EncodedWords {
    /// `value` with every well-formed encoded word decoded; malformed ones stay as written.
    ///
    /// - Throws: `.invalidData` for an encoded word in an unsupported charset.
    package static func decode(_ value: String) throws(FileFormatError) -> String {
        guard value.contains("=?") else { return value }
        var output = ""
        var pending: (charset: String, bytes: [UInt8])? = nil
        var gap = ""  // whitespace seen after an encoded word, dropped if another one follows
        var rest = Substring(value)
        while !rest.isEmpty {
            if let (word, after) = parseWord(rest) {
                if let open = pending, open.charset == word.charset.lowercased() {
                    pending?.bytes += word.bytes
                } else {
                    if let open = pending { output += try MailCharset(name: open.charset).decode(open.bytes) }
                    pending = (word.charset.lowercased(), word.bytes)
                }
                gap = ""
                rest = after
                continue
            }
            let character = rest.removeFirst()
            if pending != nil, character.isWhitespace {
                gap.append(character)
                continue
            }
            if let open = pending {
                output += try MailCharset(name: open.charset).decode(open.bytes)
                pending = nil
            }
            output += gap
            gap = ""
            output.append(character)
        }
        if let open = pending { output += try MailCharset(name: open.charset).decode(open.bytes) }
        return output + gap
    }

    /// The encoded word at the start of `text` (charset and decoded bytes) and the text after it.
    private static func parseWord(_ text: Substring) -> ((charset: String, bytes: [UInt8]), Substring)? {
        guard text.hasPrefix("=?") else { return nil }
        let parts = text.dropFirst(2).split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[3].hasPrefix("="), !parts[0].isEmpty, parts[1].count == 1 else { return nil }
        let payload = parts[2]
        guard !payload.contains(where: { $0 == " " || $0 == "\t" }) else { return nil }
        // RFC 2231 allows a language after the charset: `utf-8*en`.
        guard let charsetName = parts[0].split(separator: "*", maxSplits: 1).first else { return nil }
        let charset = String(charsetName)
        let bytes: [UInt8]
        switch parts[1].lowercased() {
        case "b":
            guard let decoded = try? Base64Body.decode(payload.utf8) else { return nil }
            bytes = decoded
        case "q":
            bytes = QuotedPrintable.decode(payload.utf8, underscoreIsSpace: true)
        default:
            return nil
        }
        return ((charset, bytes), parts[3].dropFirst())
    }
}
