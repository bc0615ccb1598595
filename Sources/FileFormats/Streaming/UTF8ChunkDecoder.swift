// Turns byte chunks into Unicode scalars without splitting a multi-byte character across two
// chunks; bytes that are not UTF-8 become U+FFFD (the streamed readers report rows, not files).

/// Decodes UTF-8 chunk by chunk, carrying an incomplete trailing character to the next chunk.
struct UTF8ChunkDecoder {
    private var carry: [UInt8] = []
    private var atStart = true

    /// The scalars of `chunk` (after any bytes carried over), or of the carried bytes alone at the
    /// end (`chunk` nil); nil when nothing is left. A leading byte-order mark is dropped.
    mutating func decode(_ chunk: [UInt8]?) -> [Unicode.Scalar]? {
        var bytes = carry + (chunk ?? [])
        carry = []
        if chunk != nil { carry = Self.incompleteTail(of: bytes); bytes.removeLast(carry.count) }
        if atStart, bytes.count >= 3 || chunk == nil {
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            atStart = false
        }
        if bytes.isEmpty { return chunk == nil ? nil : [] }
        return Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
    }

    /// The bytes at the end of `bytes` that start a character not yet complete (at most 3).
    static func incompleteTail(of bytes: [UInt8]) -> [UInt8] {
        for back in 1...min(3, bytes.count) {
            let byte = bytes[bytes.count - back]
            if byte & 0xC0 == 0x80 { continue }  // a continuation byte: look further back
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            return length > back ? Array(bytes.suffix(back)) : []
        }
        return []
    }
}
