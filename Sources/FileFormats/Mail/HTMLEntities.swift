// HTML character references in mail: numeric (`&#233;`, `&#xE9;`) and the named ones mail
// editors write; an unknown or unterminated reference stays as written.

/// Decodes one character reference.
enum HTMLEntities {
    /// The UTF-8 bytes the reference at `start` (an `&`) stands for, and the index after it.
    static func decode(_ bytes: [UInt8], at start: Int) -> ([UInt8], Int) {
        let limit = min(bytes.count, start + 34)
        guard let semicolon = bytes[(start + 1)..<limit].firstIndex(of: UInt8(ascii: ";")) else {
            return ([UInt8(ascii: "&")], start + 1)
        }
        let name = String(decoding: bytes[(start + 1)..<semicolon], as: UTF8.self)
        guard let scalar = scalar(named: name) else { return ([UInt8(ascii: "&")], start + 1) }
        return (Array(String(Character(scalar)).utf8), semicolon + 1)
    }

    private static func scalar(named name: String) -> Unicode.Scalar? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X"
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, value != 0 else { return nil }
            return Unicode.Scalar(value) ?? "\u{FFFD}"
        }
        return named[name].flatMap(Unicode.Scalar.init)
    }

    private static let named: [String: UInt32] = [
        "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0x20,
        "euro": 0x20AC, "pound": 0xA3, "yen": 0xA5, "cent": 0xA2, "copy": 0xA9, "reg": 0xAE, "trade": 0x2122,
        "hellip": 0x2026, "mdash": 0x2014, "ndash": 0x2013, "bull": 0x2022, "middot": 0xB7,
        "lsquo": 0x2018, "rsquo": 0x2019, "ldquo": 0x201C, "rdquo": 0x201D, "laquo": 0xAB, "raquo": 0xBB,
        "sect": 0xA7, "deg": 0xB0, "times": 0xD7, "shy": 0xAD, "zwnj": 0x200C, "zwj": 0x200D,
        "auml": 0xE4, "ouml": 0xF6, "uuml": 0xFC, "Auml": 0xC4, "Ouml": 0xD6, "Uuml": 0xDC, "szlig": 0xDF,
        "eacute": 0xE9, "egrave": 0xE8, "ecirc": 0xEA, "aacute": 0xE1, "agrave": 0xE0, "acirc": 0xE2,
        "iacute": 0xED, "oacute": 0xF3, "uacute": 0xFA, "ccedil": 0xE7, "ntilde": 0xF1, "Eacute": 0xC9,
    ]
}
