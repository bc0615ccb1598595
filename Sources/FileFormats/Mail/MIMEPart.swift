// MIME structure (RFC 2045/2046): a part is headers and a body; a multipart body is split at
// its boundary lines into parts, recursively, and must end with the closing boundary (a body
// cut off before it is reported as truncated rather than half read).

/// One MIME entity: a whole message or one part of a multipart body.
struct MIMEPart {
    /// Nesting deeper than this is refused (no real mail comes close; a crafted one could).
    static let maximumDepth = 16

    /// The part's header fields.
    var headers: MailHeaders
    /// The part's body, still transfer-encoded.
    var body: ArraySlice<UInt8>

    /// Splits `bytes` into headers and body (`isMessage`: see `MailHeaders.split`).
    init(_ bytes: ArraySlice<UInt8>, isMessage: Bool) throws(FileFormatError) {
        (headers, body) = try MailHeaders.split(bytes, isMessage: isMessage)
    }

    /// The parsed Content-Type; `text/plain` when missing or unreadable.
    var contentType: ContentType {
        guard let header = headers["content-type"] else { return .plainText }
        let parsed = ContentType(parsing: header)
        return parsed.value.contains("/") ? parsed : .plainText
    }

    /// Whether the part is an attachment rather than part of the message text.
    var isAttachment: Bool {
        guard let header = headers["content-disposition"] else { return false }
        return ContentType(parsing: header).value == "attachment"
    }

    /// The parts of a multipart body, in order.
    ///
    /// - Throws: `.invalidData` when the boundary parameter is missing, no part is found, or the
    ///   closing boundary never comes (truncated); errors of nested parts propagate.
    func subparts(boundary: String?) throws(FileFormatError) -> [MIMEPart] {
        guard let boundary, !boundary.isEmpty else {
            throw MailFailure.invalid("multipart body without a boundary parameter")
        }
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [MIMEPart] = []
        var partStart: Int? = nil
        var previousLineEnd = body.startIndex
        for line in ByteLines(body) {
            let content = body[line.content]
            if content.starts(with: delimiter) {
                let tail = content.dropFirst(delimiter.count)
                let closing = tail.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")])
                let rest = closing ? tail.dropFirst(2) : tail
                if rest.allSatisfy({ $0 == 32 || $0 == 9 }) {
                    // The line break before a delimiter belongs to the delimiter.
                    if let start = partStart { parts.append(try MIMEPart(body[start..<max(start, previousLineEnd)], isMessage: false)) }
                    if closing {
                        guard !parts.isEmpty else { throw MailFailure.invalid("multipart body has no parts") }
                        return parts
                    }
                    partStart = line.next
                }
            }
            previousLineEnd = line.content.upperBound
        }
        throw MailFailure.invalid("multipart body ends without its closing boundary (truncated?)")
    }
}
