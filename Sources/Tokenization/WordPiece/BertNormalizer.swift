// BERT's normaliser as Hugging Face `tokenizers` runs it, step by step in its order: clean text
// (drop NUL, U+FFFD and control characters, white space → one space each), space out CJK
// ideographs, strip accents (NFD, drop non-spacing marks), lowercase (full mapping, no context).
import Foundation

/// HF `BertNormalizer`: which of its four steps run.
public struct BertNormalizer: Sendable, Equatable {
    /// Drop control characters and turn each white-space character into a space.
    public var cleanText: Bool
    /// Put a space before and after every CJK ideograph (BERT's ranges).
    public var handleChineseCharacters: Bool
    /// Decompose (NFD) and drop non-spacing marks.
    public var stripAccents: Bool
    /// Lower-case every scalar.
    public var lowercase: Bool

    /// The given steps; `stripAccents` nil follows `lowercase`, as in HF.
    public init(cleanText: Bool = true, handleChineseCharacters: Bool = true, stripAccents: Bool? = nil,
                lowercase: Bool = true) {
        self.cleanText = cleanText
        self.handleChineseCharacters = handleChineseCharacters
        self.stripAccents = stripAccents ?? lowercase
        self.lowercase = lowercase
    }

    /// No step at all (a `tokenizer.json` whose normalizer is null).
    public static let identity = BertNormalizer(cleanText: false, handleChineseCharacters: false,
                                                stripAccents: false, lowercase: false)

    /// Normalises `text`.
    public func normalize(_ text: String) -> String {
        var ascii = true
        for byte in text.utf8 where byte >= 0x80 {
            ascii = false
            break
        }
        return ascii ? normalizeASCII(text) : normalizeUnicode(text)
    }

    /// The same steps on ASCII text: no ideographs, no accents, so one pass over the bytes.
    private func normalizeASCII(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if cleanText {
                if byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    bytes.append(0x20)
                    continue
                }
                if byte < 0x20 || byte == 0x7F { continue }
            }
            bytes.append(lowercase && byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func normalizeUnicode(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if cleanText {
                if scalar.value == 0 || scalar.value == 0xFFFD || Self.isControl(scalar) { continue }
                if Self.isWhitespace(scalar) {
                    scalars.append(" ")
                    continue
                }
            }
            if handleChineseCharacters && Self.isChineseCharacter(scalar.value) {
                scalars.append(" ")
                scalars.append(scalar)
                scalars.append(" ")
            } else {
                scalars.append(scalar)
            }
        }
        var result = String(scalars)
        if stripAccents {
            var kept = String.UnicodeScalarView()
            for scalar in result.decomposedStringWithCanonicalMapping.unicodeScalars
            where scalar.properties.generalCategory != .nonspacingMark {
                kept.append(scalar)
            }
            result = String(kept)
        }
        if lowercase { result = TextNormalizer.lowercased(result) }
        return result
    }

    /// Rust's `char::is_whitespace` (Unicode White_Space) plus tab, newline and return.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace
    }

    /// Control, format, unassigned, private-use and surrogate scalars, except tab, newline, return.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        default:
            switch scalar.properties.generalCategory {
            case .control, .format, .unassigned, .privateUse, .surrogate: return true
            default: return false
            }
        }
    }

    /// BERT's CJK ranges (narrower than the BPE pre-tokenizer's `ScalarClass.isIdeograph`).
    static func isChineseCharacter(_ value: UInt32) -> Bool {
        switch value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F,
             0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F: return true
        default: return false
        }
    }
}
