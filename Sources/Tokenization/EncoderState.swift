// Working memory of one encoding thread: buffers reused across texts and the cache of
// pre-token → ids that makes repeated words cost one hash lookup instead of a BPE run.

/// Reusable buffers and the pre-token cache of one encoder thread.
struct EncoderState {
    /// Pre-tokens longer than this are not cached.
    static let longestCachedWord = 64
    /// The cache is emptied when it holds this many words, bounding memory on hostile input.
    static let cacheLimit = 200_000

    private var words = ByteStringTable(capacity: 4096)
    private var idStarts: [Int] = [0]
    private var cachedIDs: [Int32] = []
    private var scratch: [Int32] = []
    private var normalized: [UInt8] = []
    private var ends: [Int] = []

    /// Appends the ids of one stretch of ordinary text (normalised here) to `out`.
    mutating func encodeSegment(_ segment: UnsafeBufferPointer<UInt8>, tokenizer: Tokenizer, into out: inout [Int32]) {
        normalized.removeAll(keepingCapacity: true)
        if tokenizer.preTokenizer.addPrefixSpace, segment.first != 0x20 { normalized.append(0x20) }
        tokenizer.normalizer.normalize(segment, into: &normalized)
        ends.removeAll(keepingCapacity: true)
        normalized.withUnsafeBufferPointer { text in
            tokenizer.preTokenizer.split(text, ends: &ends)
            var start = 0
            for end in ends {
                encodeWord(UnsafeBufferPointer(rebasing: text[start..<end]), model: tokenizer.model, into: &out)
                start = end
            }
        }
    }

    /// Appends the ids of one pre-token, from the cache when possible.
    @inline(__always)
    private mutating func encodeWord(_ word: UnsafeBufferPointer<UInt8>, model: BPEModel, into out: inout [Int32]) {
        guard word.count <= Self.longestCachedWord else {
            model.encodeWord(word, into: &out, scratch: &scratch)
            return
        }
        let key = UnsafeRawBufferPointer(word)
        let found = words.find(key)
        if found >= 0 {
            out.append(contentsOf: cachedIDs[idStarts[found]..<idStarts[found + 1]])
            return
        }
        let before = out.count
        model.encodeWord(word, into: &out, scratch: &scratch)
        if words.count >= Self.cacheLimit {
            words = ByteStringTable(capacity: 4096)
            idStarts = [0]
            cachedIDs.removeAll(keepingCapacity: true)
        }
        _ = words.insert(key)
        cachedIDs.append(contentsOf: out[before...])
        idStarts.append(cachedIDs.count)
    }
}
