// Plain text from an HTML mail body: tags removed, entities decoded, white space collapsed as a
// browser would, line breaks where block elements and <br> put them, invisible elements (head,
// style, script) dropped, and <blockquote> content marked with `> ` so that the request
// cleaner removes quoted history from HTML mail as from plain text.

/// Turns HTML into readable plain text.
package enum HTMLText {
    /// The text a reader sees in `html`, lines separated by LF, at most one empty line in a row.
    package static func plainText(fromHTML html: String) -> String {
        var builder = TextBuilder()
        let bytes = Array(html.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                index = handleMarkup(bytes, at: index, into: &builder)
            } else if byte == UInt8(ascii: "&") {
                let (text, next) = HTMLEntities.decode(bytes, at: index)
                builder.appendText(text)
                index = next
            } else if byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 12 {
                builder.appendSpace()
                index += 1
            } else {
                builder.appendText(CollectionOfOne(byte))
                index += 1
            }
        }
        return builder.finish()
    }

    /// Reads the tag, comment or declaration at `start` and returns the index after it.
    private static func handleMarkup(_ bytes: [UInt8], at start: Int, into builder: inout TextBuilder) -> Int {
        if bytes[start...].starts(with: Array("<!--".utf8)) {
            return find(Array("-->".utf8), in: bytes, from: start + 4).map { $0 + 3 } ?? bytes.count
        }
        var index = start + 1
        let closing = index < bytes.count && bytes[index] == UInt8(ascii: "/")
        if closing { index += 1 }
        let nameStart = index
        while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
        if name.isEmpty, !closing, index < bytes.count, bytes[index] != UInt8(ascii: "!"), bytes[index] != UInt8(ascii: "?") {
            builder.appendText(CollectionOfOne(UInt8(ascii: "<")))  // a lone "<" in text
            return start + 1
        }
        let end = tagEnd(bytes, from: index)
        if !closing, invisible.contains(name) {
            return find(Array("</\(name)".utf8), in: bytes, from: end, ignoringCase: true)
                .map { tagEnd(bytes, from: $0 + 2) } ?? bytes.count
        }
        switch name {
        case "br": builder.breakLine(forced: true)
        case "blockquote":
            builder.breakLine(forced: false)
            builder.quoteDepth = max(0, builder.quoteDepth + (closing ? -1 : 1))
        case _ where paragraphs.contains(name): builder.breakParagraph()
        case _ where blocks.contains(name): builder.breakLine(forced: false)
        case "td", "th": builder.appendSpace()
        default: break
        }
        return end
    }

    /// The index after the `>` that ends a tag, skipping quoted attribute values.
    private static func tagEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        var quote: UInt8? = nil
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index + 1
            }
            index += 1
        }
        return bytes.count
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int, ignoringCase: Bool = false) -> Int? {
        guard needle.count <= bytes.count, start <= bytes.count - needle.count else { return nil }
        let fold: (UInt8) -> UInt8 = { ignoringCase && $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        for index in start...(bytes.count - needle.count)
        where zip(bytes[index..<(index + needle.count)], needle).allSatisfy({ fold($0) == fold($1) }) {
            return index
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte == 45 || byte == 58
    }

    /// Elements whose content is not shown.
    private static let invisible: Set<String> = ["head", "style", "script", "title", "template", "noscript"]
    /// Elements that stand apart from the text around them by an empty line.
    private static let paragraphs: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "hr", "pre"]
    /// Elements that start on a line of their own.
    private static let blocks: Set<String> = [
        "div", "li", "tr", "dl", "dt", "dd", "section", "article", "header", "footer", "address", "center", "form",
        "body", "html",
    ]
}

/// Collects the output text: pending spaces, line and paragraph breaks, quote marks.
private struct TextBuilder {
    var quoteDepth = 0
    private var output: [UInt8] = []
    private var pendingSpace = false
    private var pendingBreaks = 0
    private var atLineStart = true

    mutating func appendSpace() { if !atLineStart { pendingSpace = true } }

    mutating func breakLine(forced: Bool) {
        if forced { pendingBreaks += 1 } else if !atLineStart { pendingBreaks = max(pendingBreaks, 1) }
        pendingSpace = false
        atLineStart = true
    }

    mutating func breakParagraph() {
        if !output.isEmpty { pendingBreaks = max(pendingBreaks, 2) }
        pendingSpace = false
        atLineStart = true
    }

    mutating func appendText(_ bytes: some Collection<UInt8>) {
        guard !bytes.isEmpty else { return }
        if !output.isEmpty {
            for _ in 0..<min(pendingBreaks, 2) { newline() }
        }
        pendingBreaks = 0
        if atLineStart, quoteDepth > 0 { output += Array(repeating: UInt8(ascii: ">"), count: quoteDepth) + [32] }
        if pendingSpace, !atLineStart { output.append(32) }
        pendingSpace = false
        atLineStart = false
        output += bytes
    }

    private mutating func newline() {
        while output.last == 32 { output.removeLast() }
        output.append(10)
    }

    func finish() -> String {
        String(decoding: output, as: UTF8.self).trimmingWhitespace()
    }
}
