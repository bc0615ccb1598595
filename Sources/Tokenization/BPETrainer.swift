// Trains a byte-level BPE vocabulary: count pre-tokens (on two threads), then merge the most
// frequent adjacent pair again and again, updating pair counts incrementally from a
// pair → words index and a lazy max-heap instead of recounting after every merge.
import Dispatch
import Foundation

/// Learns merges from a corpus and returns a ready `Tokenizer`.
public struct BPETrainer: Sendable {
    /// What to train.
    public struct Configuration: Codable, Sendable, Equatable {
        /// Target vocabulary size, counting added tokens and the 256 bytes (default 8,000).
        public var vocabularySize = 8_000
        /// Pairs seen fewer times than this are never merged (default 2).
        public var minimumPairFrequency = 2
        /// Normalisation applied before counting, stored with the vocabulary.
        public var normalizer = TextNormalizer()
        /// Isolate CJK ideographs as pre-tokens (default on).
        public var splitIdeographs = true
        /// Control tokens (HF `special`), given the first ids.
        public var specialTokens = SpecialTokens.control
        /// Placeholders, added tokens after the control tokens that decode keeps.
        public var placeholders = SpecialTokens.placeholders
        /// Threads for counting pre-tokens (default 2).
        public var threads = 2

        /// The defaults: 8,000 tokens, minimum frequency 2, NFKC + whitespace collapse, CJK split.
        public init() {}
    }

    /// The configuration in use.
    public var configuration: Configuration

    /// A trainer with `configuration`.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Trains on the lines of text files (one text per line).
    public func train(files: [String]) throws(TokenizationError) -> Tokenizer {
        var texts: [String] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw TokenizationError("cannot read corpus file", file: file)
            }
            texts += TextLines.lines(of: data)
        }
        return try train(texts: texts)
    }

    /// Trains on in-memory texts.
    public func train(texts: [String]) throws(TokenizationError) -> Tokenizer {
        let added = addedTokens()
        guard configuration.vocabularySize >= added.count + 256 else {
            throw TokenizationError("vocabulary size \(configuration.vocabularySize) is below the "
                                    + "\(added.count + 256) added tokens and bytes")
        }
        let preTokenizer = ByteLevelPreTokenizer(splitIdeographs: configuration.splitIdeographs)
        let counts = WordCounter(normalizer: configuration.normalizer, preTokenizer: preTokenizer,
                                 matcher: AddedTokenMatcher(added))
            .count(texts, threads: configuration.threads)
        var tokenBytes = added.map { Array($0.content.utf8) }
        let byteOrder = (0..<256).sorted { ByteLevelAlphabet.scalars[$0].value < ByteLevelAlphabet.scalars[$1].value }
        var byteIDs = [Int32](repeating: 0, count: 256)
        for byte in byteOrder {
            byteIDs[byte] = Int32(tokenBytes.count)
            tokenBytes.append([UInt8(byte)])
        }
        var merger = PairMerger(words: counts.words.map { $0.map { byteIDs[Int($0)] } }, frequencies: counts.frequencies)
        let merges = merger.learn(tokenBytes: &tokenBytes, target: configuration.vocabularySize,
                                  minimumFrequency: configuration.minimumPairFrequency)
        let model = try BPEModel(tokenBytes: tokenBytes, merges: merges)
        return try Tokenizer(model: model, normalizer: configuration.normalizer, preTokenizer: preTokenizer,
                             addedTokens: added)
    }

    /// Control tokens then placeholders, ids 0, 1, 2, … (duplicates dropped).
    func addedTokens() -> [AddedToken] {
        var tokens: [AddedToken] = []
        for (content, special) in configuration.specialTokens.map({ ($0, true) })
            + configuration.placeholders.map({ ($0, false) })
        where !content.isEmpty && !tokens.contains(where: { $0.content == content }) {
            tokens.append(AddedToken(id: tokens.count, content: content, special: special))
        }
        return tokens
    }
}

/// Counts distinct pre-tokens of a corpus.
struct WordCounter: Sendable {
    let normalizer: TextNormalizer
    let preTokenizer: ByteLevelPreTokenizer
    let matcher: AddedTokenMatcher

    /// Distinct pre-tokens (as bytes) and how often each occurs.
    struct Counts {
        var words: [[UInt8]] = []
        var frequencies: [Int] = []
    }

    /// Counts on `threads` threads, one contiguous chunk of texts each, then merges the tables.
    func count(_ texts: [String], threads: Int) -> Counts {
        let threads = max(1, min(threads, texts.count))
        var partial = [(ByteStringTable, [Int])](repeating: (ByteStringTable(), []), count: threads)
        partial.withUnsafeMutableBufferPointer { output in
            let output = SendableBuffer(buffer: output)
            let work: @Sendable (Int) -> Void = { chunk in
                let lower = texts.count * chunk / threads, upper = texts.count * (chunk + 1) / threads
                output.buffer[chunk] = countChunk(texts[lower..<upper])
            }
            if threads == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: threads, execute: work) }
        }
        var (table, frequencies) = partial[0]
        for (other, otherFrequencies) in partial.dropFirst() {
            for index in 0..<other.count {
                let bytes = other.bytes(of: index)
                let (slot, isNew) = bytes.withUnsafeBytes { table.insert($0) }
                if isNew { frequencies.append(0) }
                frequencies[slot] += otherFrequencies[index]
            }
        }
        return Counts(words: (0..<table.count).map { Array(table.bytes(of: $0)) }, frequencies: frequencies)
    }

    private func countChunk(_ texts: ArraySlice<String>) -> (ByteStringTable, [Int]) {
        var table = ByteStringTable(capacity: 1 << 16)
        var frequencies: [Int] = []
        var normalized: [UInt8] = [], ends: [Int] = []
        for var text in texts {
            text.withUTF8 { p in
                var start = 0
                while start < p.count {
                    let match = matcher.isEmpty ? nil : matcher.nextMatch(in: p, from: start)
                    let end = match?.start ?? p.count
                    normalized.removeAll(keepingCapacity: true)
                    normalizer.normalize(UnsafeBufferPointer(rebasing: p[start..<end]), into: &normalized)
                    ends.removeAll(keepingCapacity: true)
                    normalized.withUnsafeBufferPointer { q in
                        preTokenizer.split(q, ends: &ends)
                        var wordStart = 0
                        for wordEnd in ends {
                            let (slot, isNew) = table.insert(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(q)[wordStart..<wordEnd]))
                            if isNew { frequencies.append(0) }
                            frequencies[slot] += 1
                            wordStart = wordEnd
                        }
                    }
                    start = match?.end ?? p.count
                }
            }
        }
        return (table, frequencies)
    }
}
