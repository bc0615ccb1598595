// The header block of a message or MIME part (RFC 5322): split from the body at the first
// empty line, folded lines unfolded, field names matched ignoring case, values kept raw
// (encoded words are decoded by whoever reads a field that may hold them).

/// The header fields of one message or MIME part.
struct MailHeaders: Sendable {
    /// Fields in order: lower-cased name and unfolded value (leading and trailing spaces removed).
    private(set) var fields: [(name: String, value: String)] = []

    /// The first value of the field `name` (any case), or nil.
    subscript(name: String) -> String? {
        let key = name.lowercased()
        return fields.first { $0.name == key }?.value
    }

    /// Splits `bytes` into its headers and body.
    ///
    /// Lines that are neither a field nor a continuation are skipped, as mail clients do.
    /// - Parameter isMessage: a whole message must hold a header and the empty line that ends
    ///   the headers; a MIME part may be empty or headers only (its multipart's closing
    ///   boundary tells whether it was cut off).
    /// - Throws: `.invalidData` when a message is empty or ends before the line that closes the
    ///   headers (a message cut off in its headers).
    static func split(
        _ bytes: ArraySlice<UInt8>, isMessage: Bool
    ) throws(FileFormatError) -> (MailHeaders, body: ArraySlice<UInt8>) {
        var headers = MailHeaders()
        var current: [UInt8]? = nil
        for line in ByteLines(bytes) {
            if bytes.isBlank(line.content) {
                if let current { headers.append(current) }
                return (headers, bytes[line.next...])
            }
            let first = bytes[line.content.lowerBound]
            if first == 32 || first == 9 {
                current?.append(contentsOf: bytes[line.content])
                continue
            }
            if let current { headers.append(current) }
            current = Array(bytes[line.content])
        }
        if let current { headers.append(current) }
        if !isMessage { return (headers, bytes[bytes.endIndex...]) }
        if bytes.allSatisfy({ [9, 10, 13, 32].contains($0) }) { throw MailFailure.invalid("empty message") }
        throw MailFailure.invalid("message ends inside its headers, without the empty line before the body (truncated?)")
    }

    /// Adds one unfolded field line; lines without a colon are ignored.
    private mutating func append(_ line: [UInt8]) {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > 0 else { return }
        let name = String(decoding: line[..<colon], as: UTF8.self).trimmingBlanks().lowercased()
        guard !name.isEmpty, !name.contains(" ") else { return }
        // Raw 8-bit headers are UTF-8 (RFC 6532) or, from older clients, Windows-1252.
        let value = MailCharset.unlabelled.decode(line[(colon + 1)...])
        fields.append((name, value.trimmingBlanks()))
    }
}
