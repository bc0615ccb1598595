// Which part of a message is its text, and that text decoded: the first text/plain part that
// is not an attachment, else the first text/html part turned into plain text; attachments and
// attached messages (message/rfc822) are never read.

extension MIMEPart {
    /// The message's text with LF line breaks.
    ///
    /// - Throws: `.invalidData` when there is no text part, its charset or transfer encoding is
    ///   unsupported, or the structure is broken (see `subparts(boundary:)`).
    func messageText() throws(FileFormatError) -> String {
        var firstHTML: MIMEPart? = nil
        let chosen: String
        if let plain = try firstPlainText(depth: 0, firstHTML: &firstHTML) {
            chosen = try plain.decodedText()
        } else if let html = firstHTML {
            chosen = HTMLText.plainText(fromHTML: try html.decodedText())
        } else {
            throw MailFailure.invalid("no text/plain or text/html part")
        }
        return chosen
    }

    /// The first text/plain part in document order, remembering the first text/html one.
    private func firstPlainText(depth: Int, firstHTML: inout MIMEPart?) throws(FileFormatError) -> MIMEPart? {
        guard depth < Self.maximumDepth else {
            throw MailFailure.invalid("MIME parts nested more than \(Self.maximumDepth) deep")
        }
        let type = contentType
        switch type.value {
        case "text/plain":
            return self
        case "text/html":
            if firstHTML == nil { firstHTML = self }
            return nil
        case _ where type.type == "multipart":
            for part in try subparts(boundary: type.parameters["boundary"]) where !part.isAttachment {
                if let found = try part.firstPlainText(depth: depth + 1, firstHTML: &firstHTML) { return found }
            }
            return nil
        default:
            return nil
        }
    }

    /// The body transfer-decoded and read in its charset, with LF line breaks.
    private func decodedText() throws(FileFormatError) -> String {
        let bytes = try TransferEncoding(header: headers["content-transfer-encoding"]).decode(body)
        return try MailCharset(name: contentType.parameters["charset"] ?? "").decode(Self.lineFeeds(bytes))
    }

    /// CRLF and a lone CR as LF; done on bytes, which is safe because every supported charset
    /// encodes CR and LF as ASCII does.
    private static func lineFeeds(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(13) else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() {
            if byte != 13 {
                output.append(byte)
            } else if index + 1 == bytes.count || bytes[index + 1] != 10 {
                output.append(10)
            }
        }
        return output
    }
}
