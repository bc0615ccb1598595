// The character sets mail is decoded from: UTF-8, US-ASCII, ISO-8859-1, ISO-8859-15 and
// Windows-1252, the single-byte ones through our own tables (no platform converter quirks);
// any other charset is a clear per-message error.

/// A supported mail charset.
package enum MailCharset: Sendable {
    /// UTF-8; invalid sequences become U+FFFD.
    case utf8
    /// US-ASCII or no charset given: UTF-8 when the bytes are valid UTF-8, else Windows-1252
    /// (8-bit text in unlabelled mail is one or the other in practice).
    case unlabelled
    /// ISO-8859-1, read as Windows-1252 as browsers do (WHATWG): its 0x80–0x9F range holds
    /// control characters no one types, and mislabelled Windows mail uses it for € and quotes.
    case latin1
    /// ISO-8859-15 (Latin-9): Latin-1 with eight code points replaced (€, Š, š, Ž, ž, Œ, œ, Ÿ).
    case latin9
    /// Windows-1252.
    case windows1252

    /// The charset called `name` (case-insensitive, common aliases), or an error naming it.
    package init(name: String) throws(FileFormatError) {
        let key = name.trimmingBlanks().lowercased()
        switch key {
        case "utf-8", "utf8": self = .utf8
        case "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "": self = .unlabelled
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819", "iso-ir-100":
            self = .latin1
        case "iso-8859-15", "iso8859-15", "iso_8859-15", "latin-9", "latin9", "l9": self = .latin9
        case "windows-1252", "cp1252", "x-cp1252", "win-1252": self = .windows1252
        default:
            throw MailFailure.invalid(
                "unsupported charset \"\(name.prefix(40))\" (supported: UTF-8, US-ASCII, ISO-8859-1, ISO-8859-15, Windows-1252)")
        }
    }

    /// The text the bytes encode.
    package func decode(_ bytes: some Collection<UInt8>) -> String {
        switch self {
        case .utf8:
            return String(decoding: bytes, as: UTF8.self)
        case .unlabelled:
            return String(validating: bytes, as: UTF8.self) ?? Self.decodeSingleByte(bytes, latin9: false)
        case .latin1, .windows1252:
            return Self.decodeSingleByte(bytes, latin9: false)
        case .latin9:
            return Self.decodeSingleByte(bytes, latin9: true)
        }
    }

    private static func decodeSingleByte(_ bytes: some Collection<UInt8>, latin9: Bool) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            let value: UInt32
            if latin9 {
                value = latin9Replacements[byte] ?? UInt32(byte)
            } else if (0x80...0x9F).contains(byte) {
                value = windows1252High[Int(byte - 0x80)]
            } else {
                value = UInt32(byte)
            }
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// Windows-1252's 0x80–0x9F; the five unassigned bytes keep their C1 code points (WHATWG).
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The eight bytes where ISO-8859-15 differs from ISO-8859-1.
    private static let latin9Replacements: [UInt8: UInt32] = [
        0xA4: 0x20AC, 0xA6: 0x0160, 0xA8: 0x0161, 0xB4: 0x017D,
        0xB8: 0x017E, 0xBC: 0x0152, 0xBD: 0x0153, 0xBE: 0x0178,
    ]
}
