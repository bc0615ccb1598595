// Sparse TF-IDF features of a message: hashed character 3-, 4- and 5-grams of the lower-cased,
// digit-masked text (word boundaries included) plus whole words; robust to typos and slang.

/// Turns text into hashed n-gram counts (feature index → count).
enum CharacterNGrams {
    /// Number of hash buckets (2^18): collisions are rare at a few thousand examples.
    static let bucketCount = 1 << 18

    /// The text as matched: lower-case letters and digits (every digit becomes `0`, so order
    /// numbers match each other), other characters as word breaks, one space around each word.
    static func normalised(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = [0x20]
        for scalar in text.lowercased().unicodeScalars {
            if ("0"..."9").contains(scalar) {
                bytes.append(0x30)
            } else if scalar.properties.isAlphabetic || scalar == "'" {
                if scalar == "'" { continue }  // "where's" = "wheres"
                bytes.append(contentsOf: Array(String(scalar).utf8))
            } else if scalar.properties.isEmojiPresentation {
                bytes.append(contentsOf: Array(String(scalar).utf8))
            } else if bytes.last != 0x20 {
                bytes.append(0x20)
            }
        }
        if bytes.last != 0x20 { bytes.append(0x20) }
        return bytes
    }

    /// Counts of the hashed features of `text`.
    static func counts(_ text: String) -> [Int: Int] {
        let bytes = normalised(text)
        var counts: [Int: Int] = [:]
        guard bytes.count > 1 else { return counts }
        for length in 3...5 where bytes.count >= length {
            for start in 0...(bytes.count - length) {
                counts[bucket(bytes[start..<(start + length)], salt: UInt64(length)), default: 0] += 1
            }
        }
        var wordStart = 1
        for index in 1..<bytes.count where bytes[index] == 0x20 {
            if index > wordStart { counts[bucket(bytes[wordStart..<index], salt: 99), default: 0] += 1 }
            wordStart = index + 1
        }
        return counts
    }

    /// FNV-1a over the bytes, seeded by `salt` so n-grams and words of the same text differ.
    private static func bucket(_ bytes: ArraySlice<UInt8>, salt: UInt64) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ salt
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return Int(hash % UInt64(bucketCount))
    }
}
