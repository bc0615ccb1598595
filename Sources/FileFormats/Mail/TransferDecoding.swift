// Content-Transfer-Encoding: base64 and quoted-printable decoders (lenient where mail clients
// are, strict where a body was evidently cut off), and identity for 7bit, 8bit and binary.

/// A MIME body's transfer encoding.
enum TransferEncoding: Sendable {
    case identity, base64, quotedPrintable

    /// The encoding a `Content-Transfer-Encoding` value names (nil: identity).
    init(header: String?) throws(FileFormatError) {
        switch header?.trimmingBlanks().lowercased() ?? "" {
        case "", "7bit", "8bit", "binary": self = .identity
        case "base64": self = .base64
        case "quoted-printable": self = .quotedPrintable
        case let other:
            throw MailFailure.invalid("unsupported Content-Transfer-Encoding \"\(other.prefix(40))\"")
        }
    }

    /// The decoded bytes.
    func decode(_ bytes: ArraySlice<UInt8>) throws(FileFormatError) -> [UInt8] {
        switch self {
        case .identity: return Array(bytes)
        case .base64: return try Base64Body.decode(bytes)
        case .quotedPrintable: return QuotedPrintable.decode(bytes, underscoreIsSpace: false)
        }
    }
}

/// Base64 as in mail bodies: line breaks and other characters outside the alphabet are
/// skipped, padding is optional, and a single dangling character means the body was cut.
package enum Base64Body {
    package static func decode(_ bytes: some Collection<UInt8>) throws(FileFormatError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 3 / 4)
        var accumulator: UInt32 = 0
        var count = 0
        for byte in bytes {
            if byte == UInt8(ascii: "=") { break }
            guard let value = sextet(byte) else { continue }
            accumulator = accumulator << 6 | UInt32(value)
            count += 1
            if count == 4 {
                output += [UInt8(accumulator >> 16), UInt8(accumulator >> 8 & 0xFF), UInt8(accumulator & 0xFF)]
                accumulator = 0
                count = 0
            }
        }
        switch count {
        case 0: break
        case 2: output.append(UInt8(accumulator >> 4))
        case 3: output += [UInt8(accumulator >> 10), UInt8(accumulator >> 2 & 0xFF)]
        default: throw MailFailure.invalid("base64 body ends in the middle of a byte (truncated?)")
        }
        return output
    }

    private static func sextet(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}

/// Quoted-printable (RFC 2045) and the Q encoding of encoded words (RFC 2047, `_` is a space).
package enum QuotedPrintable {
    /// Decodes `=XX` escapes and soft line breaks (`=` at a line's end); an `=` that starts
    /// neither is kept as written, as mail clients do.
    package static func decode(_ bytes: some Collection<UInt8>, underscoreIsSpace: Bool) -> [UInt8] {
        let input = Array(bytes)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "=") {
                if index + 2 < input.count, let high = hex(input[index + 1]), let low = hex(input[index + 2]) {
                    output.append(high << 4 | low)
                    index += 3
                    continue
                }
                if let lineEnd = softBreakEnd(input, after: index + 1) {
                    index = lineEnd
                    continue
                }
            } else if byte == UInt8(ascii: "_"), underscoreIsSpace {
                output.append(32)
                index += 1
                continue
            } else if byte == 10 || byte == 13 {
                // Trailing whitespace before a hard line break is padding added in transit.
                while let last = output.last, last == 32 || last == 9 { output.removeLast() }
            }
            output.append(byte)
            index += 1
        }
        return output
    }

    /// The index after `=`, optional whitespace and a line break (or the end), when that is what follows.
    private static func softBreakEnd(_ input: [UInt8], after start: Int) -> Int? {
        var index = start
        while index < input.count, input[index] == 32 || input[index] == 9 { index += 1 }
        if index == input.count { return index }
        if input[index] == 13, index + 1 < input.count, input[index + 1] == 10 { return index + 2 }
        if input[index] == 10 { return index + 1 }
        return nil
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
