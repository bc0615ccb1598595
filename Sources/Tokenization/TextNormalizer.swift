// Normalisation before tokenising: Unicode NFKC, optional lower-casing, whitespace runs collapsed
// to one space. Works on UTF-8 bytes with an ASCII fast path; mirrors HF's Sequence normalizer.
import Foundation

/// Which normalisation steps run, in the fixed order NFKC → lowercase → collapse whitespace.
public struct TextNormalizer: Codable, Sendable, Equatable {
    /// Unicode compatibility composition (full-width → ASCII, ligatures split, NBSP → space).
    public var nfkc = true
    /// Lower-case every scalar with its full Unicode lower-case mapping (no context rules).
    public var lowercase = false
    /// Replace every run of Unicode white space with one U+0020.
    public var collapseWhitespace = true

    /// The given steps; the defaults are NFKC on, lower-casing off, whitespace collapsed.
    public init(nfkc: Bool = true, lowercase: Bool = false, collapseWhitespace: Bool = true) {
        self.nfkc = nfkc
        self.lowercase = lowercase
        self.collapseWhitespace = collapseWhitespace
    }

    /// No normalisation at all (what a plain HF ByteLevel BPE file without a normalizer does).
    public static let identity = TextNormalizer(nfkc: false, lowercase: false, collapseWhitespace: false)

    /// Whether any step runs.
    public var isIdentity: Bool { !nfkc && !lowercase && !collapseWhitespace }

    /// Normalises valid UTF-8 `input`, appending the result to `output`.
    func normalize(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        if isIdentity {
            output.append(contentsOf: input)
            return
        }
        var isASCII = true
        for byte in input where byte >= 0x80 {
            isASCII = false
            break
        }
        if isASCII {
            normalizeASCII(input, into: &output)
            return
        }
        var text = String(decoding: input, as: UTF8.self)
        if nfkc { text = text.precomposedStringWithCompatibilityMapping }
        if lowercase { text = Self.lowercased(text) }
        if collapseWhitespace {
            var previousWasSpace = false
            for scalar in text.unicodeScalars {
                if ScalarClass.isWhitespace(scalar) {
                    if !previousWasSpace { output.append(0x20) }
                    previousWasSpace = true
                } else {
                    output.append(contentsOf: String(scalar).utf8)
                    previousWasSpace = false
                }
            }
        } else {
            output.append(contentsOf: text.utf8)
        }
    }

    /// The ASCII-only path: NFKC is the identity on ASCII, so only case and spaces change.
    private func normalizeASCII(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var previousWasSpace = false
        for var byte in input {
            if collapseWhitespace, byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                if !previousWasSpace { output.append(0x20) }
                previousWasSpace = true
                continue
            }
            previousWasSpace = false
            if lowercase, byte >= 0x41, byte <= 0x5A { byte += 0x20 }
            output.append(byte)
        }
    }

    /// Per-scalar full lower-case mapping, as Rust's `char::to_lowercase` (HF `Lowercase`) does.
    static func lowercased(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let value = scalar.value
                result.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
            } else {
                result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(result)
    }

    /// Normalises a string (convenience over the byte path).
    public func normalize(_ text: String) -> String {
        var output: [UInt8] = []
        var copy = text
        copy.withUTF8 { normalize($0, into: &output) }
        return String(decoding: output, as: UTF8.self)
    }
}
