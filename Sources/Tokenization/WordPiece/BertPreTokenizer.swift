// BERT's pre-tokeniser as HF `tokenizers` runs it: split on white space (removed), then every
// punctuation character (ASCII punctuation or a Unicode P* category) becomes a word of its own.

/// HF `BertPreTokenizer`: words of normalised text.
public enum BertPreTokenizer {
    /// The words of `text`, in order, each as UTF-8 bytes.
    public static func words(_ text: String) -> [[UInt8]] {
        var words: [[UInt8]] = []
        var current: [UInt8] = []
        func flush() {
            if !current.isEmpty {
                words.append(current)
                current.removeAll(keepingCapacity: true)
            }
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    flush()
                } else if isASCIIPunctuation(byte) {
                    flush()
                    words.append([byte])
                } else {
                    current.append(byte)
                }
            } else if BertNormalizer.isWhitespace(scalar) {
                flush()
            } else if isPunctuation(scalar) {
                flush()
                words.append(Array(String(scalar).utf8))
            } else {
                current.append(contentsOf: String(scalar).utf8)
            }
        }
        flush()
        return words
    }

    /// !"#$%&'()*+,-./ :;<=>?@ [\]^_` {|}~
    @inline(__always)
    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (byte >= 0x21 && byte <= 0x2F) || (byte >= 0x3A && byte <= 0x40) || (byte >= 0x5B && byte <= 0x60)
            || (byte >= 0x7B && byte <= 0x7E)
    }

    /// The Unicode punctuation categories Pc, Pd, Ps, Pe, Pi, Pf, Po.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }
}
