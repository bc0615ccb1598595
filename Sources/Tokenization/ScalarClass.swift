// The character classes of the GPT-2 pre-tokenisation regex (\p{L}, \p{N}, \s, the rest), plus
// CJK ideographs, with a table for ASCII and Unicode properties for the rest.

/// The class of one Unicode scalar as the pre-tokenizer sees it.
enum ScalarClass: UInt8 {
    case letter, number, whitespace, other, ideograph

    /// The class of an ASCII byte, from bit masks (no table, so no lazy-global check per call).
    @inline(__always)
    static func ascii(_ byte: UInt8) -> ScalarClass {
        // Bits 0-63 and 64-127 of each class.
        let lettersHigh: UInt64 = 0x07FF_FFFE_07FF_FFFE, digitsLow: UInt64 = 0x03FF_0000_0000_0000
        let spacesLow: UInt64 = 0x0000_0001_0000_3E00
        if byte >= 64 { return (lettersHigh >> UInt64(byte - 64)) & 1 == 1 ? .letter : .other }
        if (digitsLow >> UInt64(byte)) & 1 == 1 { return .number }
        if (spacesLow >> UInt64(byte)) & 1 == 1 { return .whitespace }
        return .other
    }

    /// Classifies a non-ASCII scalar; ideographs are `.letter` unless `splitIdeographs`.
    @inline(__always)
    static func of(_ value: UInt32, splitIdeographs: Bool) -> ScalarClass {
        if value < 0x80 { return ascii(UInt8(value)) }
        if splitIdeographs, isIdeograph(value) { return .ideograph }
        guard let scalar = Unicode.Scalar(value) else { return .other }
        if isWhitespace(scalar) { return .whitespace }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return .letter
        case .decimalNumber, .letterNumber, .otherNumber: return .number
        default: return .other
        }
    }

    /// White space as Oniguruma's `\s` sees it: 0009–000D, 0085 and the Zs, Zl, Zp categories.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85: return true
        case 0..<0xA0: return false
        default:
            switch scalar.properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
            default: return false
            }
        }
    }

    /// The CJK unified and compatibility ideograph blocks (the ranges in `ideographPattern`).
    @inline(__always)
    static func isIdeograph(_ value: UInt32) -> Bool {
        switch value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F, 0x30000...0x323AF: true
        default: false
        }
    }

    /// The same ranges as an Oniguruma character class, for HF's `Split` pre-tokenizer.
    static let ideographPattern =
        #"[\x{3400}-\x{4DBF}\x{4E00}-\x{9FFF}\x{F900}-\x{FAFF}\x{20000}-\x{2FA1F}\x{30000}-\x{323AF}]"#
}
