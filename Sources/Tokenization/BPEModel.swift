// The BPE model: token ids ↔ byte strings and the ranked merge list, and the merge loop that
// turns one pre-token's bytes into ids (HF `Word::merge_all` semantics: lowest rank, leftmost).

/// A byte-level BPE vocabulary with its merges. Immutable once built.
public struct BPEModel: Sendable {
    /// The bytes each id stands for (byte-level tokens and added tokens alike), indexed by id.
    public let tokenBytes: [[UInt8]]
    /// Merges in rank order: `(left, right, merged)` ids.
    public let merges: [(left: Int32, right: Int32, merged: Int32)]
    /// The id of each single byte.
    let byteIDs: [Int32]
    /// `key(left, right)` → `rank << 32 | merged`.
    let mergeTable: PairTable
    /// HF `ignore_merges`: a pre-token that is itself in the vocabulary is taken whole.
    let ignoreMerges: Bool
    /// Byte string → id for whole-token lookups (used when `ignoreMerges`).
    let tokenIndex: [[UInt8]: Int32]

    /// A model from per-id bytes and merges; fails if a byte has no token or a merge is inconsistent.
    public init(tokenBytes: [[UInt8]], merges: [(left: Int32, right: Int32, merged: Int32)],
                ignoreMerges: Bool = false) throws(TokenizationError) {
        var byteIDs = [Int32](repeating: -1, count: 256)
        for (id, bytes) in tokenBytes.enumerated() where bytes.count == 1 && byteIDs[Int(bytes[0])] < 0 {
            byteIDs[Int(bytes[0])] = Int32(id)
        }
        if let missing = byteIDs.firstIndex(of: -1) {
            throw TokenizationError("vocabulary has no token for byte \(missing)")
        }
        var table = PairTable(capacity: merges.count)
        for (rank, merge) in merges.enumerated() {
            let ids = [merge.left, merge.right, merge.merged]
            guard ids.allSatisfy({ $0 >= 0 && Int($0) < tokenBytes.count }) else {
                throw TokenizationError("merge \(rank) refers to an id outside the vocabulary")
            }
            let key = PairTable.key(merge.left, merge.right)
            if table.value(for: key) == nil {
                table.set(UInt64(rank) << 32 | UInt64(UInt32(merge.merged)), for: key)
            }
        }
        var index: [[UInt8]: Int32] = [:]
        for (id, bytes) in tokenBytes.enumerated() where index[bytes] == nil { index[bytes] = Int32(id) }
        self.tokenBytes = tokenBytes
        self.merges = merges
        self.byteIDs = byteIDs
        self.mergeTable = table
        self.ignoreMerges = ignoreMerges
        self.tokenIndex = index
    }

    /// Vocabulary size (highest id + 1).
    public var count: Int { tokenBytes.count }

    /// Appends the ids of one pre-token to `out`; `scratch` is reused working space.
    @inline(__always)
    func encodeWord(_ word: UnsafeBufferPointer<UInt8>, into out: inout [Int32], scratch: inout [Int32]) {
        if ignoreMerges, let id = tokenIndex[Array(word)] {
            out.append(id)
            return
        }
        scratch.removeAll(keepingCapacity: true)
        for byte in word { scratch.append(byteIDs[Int(byte)]) }
        if scratch.count > 48 {
            mergeLong(&scratch)
        } else {
            mergeShort(&scratch)
        }
        out.append(contentsOf: scratch)
    }

    /// Quadratic merge loop: fastest for the short words that make up nearly all text.
    func mergeShort(_ symbols: inout [Int32]) {
        let remaining = symbols.withUnsafeMutableBufferPointer { s in
            var n = s.count
            while n > 1 {
                var best = UInt64.max, position = -1
                for i in 0..<(n - 1) {
                    if let value = mergeTable.value(for: PairTable.key(s[i], s[i + 1])), value < best {
                        best = value
                        position = i
                    }
                }
                if position < 0 { break }
                s[position] = Int32(truncatingIfNeeded: best & 0xFFFF_FFFF)
                var i = position + 1
                while i < n - 1 {
                    s[i] = s[i + 1]
                    i += 1
                }
                n -= 1
            }
            return n
        }
        symbols.removeLast(symbols.count - remaining)
    }

    /// Heap-driven merge over a linked list, O(n log n) for long pre-tokens (HF `merge_all`).
    func mergeLong(_ symbols: inout [Int32]) {
        let n = symbols.count
        var next = Array(1...n), previous = Array(-1..<(n - 1))
        var alive = [Bool](repeating: true, count: n)
        next[n - 1] = -1
        var heap = MinHeap()
        for i in 0..<(n - 1) {
            if let value = mergeTable.value(for: PairTable.key(symbols[i], symbols[i + 1])) {
                heap.push((value >> 32) << 32 | UInt64(i))
            }
        }
        while let top = heap.pop() {
            let rank = top >> 32, position = Int(top & 0xFFFF_FFFF)
            guard alive[position], next[position] >= 0 else { continue }
            let right = next[position]
            guard let value = mergeTable.value(for: PairTable.key(symbols[position], symbols[right])),
                  value >> 32 == rank else { continue }
            symbols[position] = Int32(truncatingIfNeeded: value & 0xFFFF_FFFF)
            alive[right] = false
            next[position] = next[right]
            if next[right] >= 0 { previous[next[right]] = position }
            let before = previous[position]
            if before >= 0, let v = mergeTable.value(for: PairTable.key(symbols[before], symbols[position])) {
                heap.push((v >> 32) << 32 | UInt64(before))
            }
            let after = next[position]
            if after >= 0, let v = mergeTable.value(for: PairTable.key(symbols[position], symbols[after])) {
                heap.push((v >> 32) << 32 | UInt64(position))
            }
        }
        var result: [Int32] = []
        var i = 0
        while i >= 0 {
            result.append(symbols[i])
            i = next[i]
        }
        symbols = result
    }
}
