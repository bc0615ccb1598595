// The merge phase of BPE training: keeps a count and a word list for every adjacent pair and
// updates only the words a merge touches; a lazy max-heap yields the most frequent pair.

/// The incremental pair-count state of BPE training.
struct PairMerger {
    /// Symbols of each distinct word.
    private var words: [[Int32]]
    /// How often each word occurs in the corpus.
    private let frequencies: [Int]
    /// Pair key → pair index.
    private var pairIndex = PairTable(capacity: 1 << 16)
    private var pairKeys: [UInt64] = []
    private var pairCounts: [Int] = []
    /// Words that contained the pair when it was counted (may hold stale entries).
    private var pairWords: [[Int32]] = []
    private var heap = MinHeap()

    init(words: [[Int32]], frequencies: [Int]) {
        self.words = words
        self.frequencies = frequencies
    }

    /// The index of a pair, created with count 0 if new.
    @inline(__always)
    private mutating func index(_ left: Int32, _ right: Int32) -> Int {
        let key = PairTable.key(left, right)
        if let found = pairIndex.value(for: key) { return Int(found) }
        let index = pairKeys.count
        pairIndex.set(UInt64(index), for: key)
        pairKeys.append(key)
        pairCounts.append(0)
        pairWords.append([])
        return index
    }

    /// Heap key: highest count first, then the earliest-seen pair.
    @inline(__always)
    private func heapKey(_ index: Int) -> UInt64 {
        UInt64(UInt32.max - UInt32(clamping: pairCounts[index])) << 32 | UInt64(index)
    }

    /// Merges until the vocabulary reaches `target` or no pair occurs `minimumFrequency` times;
    /// appends each new token's bytes to `tokenBytes` and returns the merges in order.
    mutating func learn(tokenBytes: inout [[UInt8]], target: Int, minimumFrequency: Int)
        -> [(left: Int32, right: Int32, merged: Int32)] {
        for w in words.indices {
            let word = words[w]
            guard word.count > 1 else { continue }
            for i in 0..<(word.count - 1) {
                let p = index(word[i], word[i + 1])
                pairCounts[p] += frequencies[w]
                if pairWords[p].last != Int32(w) { pairWords[p].append(Int32(w)) }
            }
        }
        for p in pairCounts.indices where pairCounts[p] >= minimumFrequency { heap.push(heapKey(p)) }
        var merges: [(left: Int32, right: Int32, merged: Int32)] = []
        var visited = [Int](repeating: -1, count: words.count)
        while tokenBytes.count < target, let top = heap.pop() {
            let p = Int(top & 0xFFFF_FFFF)
            let queuedCount = Int(UInt32.max - UInt32(top >> 32))
            if queuedCount != pairCounts[p] {
                if pairCounts[p] >= minimumFrequency { heap.push(heapKey(p)) }
                continue
            }
            if queuedCount < minimumFrequency { break }
            let left = Int32(truncatingIfNeeded: pairKeys[p] >> 32)
            let right = Int32(truncatingIfNeeded: pairKeys[p] & 0xFFFF_FFFF)
            let merged = Int32(tokenBytes.count)
            tokenBytes.append(tokenBytes[Int(left)] + tokenBytes[Int(right)])
            merges.append((left, right, merged))
            var touched: [Int] = []
            let candidates = pairWords[p]
            pairWords[p] = []
            for w32 in candidates {
                let w = Int(w32)
                if visited[w] == merges.count { continue }
                visited[w] = merges.count
                apply(left: left, right: right, merged: merged, toWord: w, touched: &touched)
            }
            for t in touched where pairCounts[t] >= minimumFrequency { heap.push(heapKey(t)) }
        }
        return merges
    }

    /// Rewrites one word with the merge and moves its frequency from old pairs to new ones.
    private mutating func apply(left: Int32, right: Int32, merged: Int32, toWord w: Int, touched: inout [Int]) {
        let old = words[w]
        var rewritten: [Int32] = []
        rewritten.reserveCapacity(old.count)
        var i = 0
        while i < old.count {
            if i + 1 < old.count, old[i] == left, old[i + 1] == right {
                rewritten.append(merged)
                i += 2
            } else {
                rewritten.append(old[i])
                i += 1
            }
        }
        guard rewritten.count != old.count else { return }
        let frequency = frequencies[w]
        for i in 0..<(old.count - 1) { pairCounts[index(old[i], old[i + 1])] -= frequency }
        if rewritten.count > 1 {
            for i in 0..<(rewritten.count - 1) {
                let p = index(rewritten[i], rewritten[i + 1])
                pairCounts[p] += frequency
                if rewritten[i] == merged || rewritten[i + 1] == merged {
                    if pairWords[p].last != Int32(w) { pairWords[p].append(Int32(w)) }
                    touched.append(p)
                }
            }
        }
        words[w] = rewritten
    }
}
