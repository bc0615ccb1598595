// The incremental pair counts are right: replaying the learned merges with a full recount at
// every step, each chosen pair is a most frequent one and meets the minimum frequency.
import Foundation
import Testing
import Tokenization

@Test func everyMergeIsAMostFrequentPairByFullRecount() throws {
    let url = try #require(Fixtures.url("corpus.txt"))
    let texts = TextLines.lines(of: try Data(contentsOf: url)) + Fixtures.texts
    let counts = WordCounter(normalizer: TextNormalizer(), preTokenizer: ByteLevelPreTokenizer(),
                             matcher: AddedTokenMatcher([])).count(texts, threads: 2)
    var tokenBytes = (0..<256).map { [UInt8($0)] }
    var words = counts.words.map { $0.map(Int32.init) }
    var merger = PairMerger(words: words, frequencies: counts.frequencies)
    let merges = merger.learn(tokenBytes: &tokenBytes, target: 600, minimumFrequency: 2)
    #expect(merges.count > 100)
    for merge in merges {
        var pairCounts: [UInt64: Int] = [:]
        for (word, frequency) in zip(words, counts.frequencies) where word.count > 1 {
            for i in 0..<(word.count - 1) { pairCounts[PairTable.key(word[i], word[i + 1]), default: 0] += frequency }
        }
        let chosen = pairCounts[PairTable.key(merge.left, merge.right)] ?? 0
        #expect(chosen >= 2 && chosen == pairCounts.values.max())
        words = words.map { word in
            var out: [Int32] = [], i = 0
            while i < word.count {
                if i + 1 < word.count, word[i] == merge.left, word[i + 1] == merge.right {
                    out.append(merge.merged); i += 2
                } else {
                    out.append(word[i]); i += 1
                }
            }
            return out
        }
    }
}
