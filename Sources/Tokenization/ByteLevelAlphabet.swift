// The GPT-2 byte-to-unicode map: every byte 0…255 gets a printable character so byte-level
// tokens can be stored as JSON strings in tokenizer.json, and back.

/// The reversible map between bytes and the printable characters GPT-2 and HF `ByteLevel` use.
public enum ByteLevelAlphabet {
    /// `scalar(for: b)` for every byte, indexed by byte.
    public static let scalars: [Unicode.Scalar] = {
        var printable = Array(33...126) + Array(161...172) + Array(174...255)
        var mapped = printable
        var extra = 0
        for byte in 0..<256 where !printable.contains(byte) {
            printable.append(byte)
            mapped.append(256 + extra)
            extra += 1
        }
        var table = [Unicode.Scalar](repeating: " ", count: 256)
        for (byte, code) in zip(printable, mapped) {
            table[byte] = Unicode.Scalar(UInt32(code)) ?? " "
        }
        return table
    }()

    /// Byte for each mapped scalar value (0…323), -1 where no byte maps there.
    static let bytesByScalar: [Int16] = {
        var table = [Int16](repeating: -1, count: 324)
        for (byte, scalar) in scalars.enumerated() { table[Int(scalar.value)] = Int16(byte) }
        return table
    }()

    /// The printable string for raw bytes, e.g. `[0x20, 0x68]` → `"Ġh"`.
    public static func string(for bytes: some Sequence<UInt8>) -> String {
        var text = String.UnicodeScalarView()
        for byte in bytes { text.append(scalars[Int(byte)]) }
        return String(text)
    }

    /// The raw bytes of a byte-level string, or nil if a character is outside the alphabet.
    public static func bytes(for text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = Int(scalar.value)
            guard value < bytesByScalar.count, bytesByScalar[value] >= 0 else { return nil }
            bytes.append(UInt8(bytesByScalar[value]))
        }
        return bytes
    }
}
