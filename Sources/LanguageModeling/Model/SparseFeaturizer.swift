// DIET-style sparse features of a customer message: hashed character n-grams (2–5, inside
// space-padded words like sklearn's `char_wb`) and word unigrams and bigrams, each block
// sublinear-TF-IDF weighted and L2-normalised on its own (as the TF-IDF peer's feature union).
// The IDF table is learned from the training texts and saved with the model. The one TF-IDF
// n-gram featurizer of the package: the example matcher (Dialogue) reads messages with it too.
import Foundation
import Primitives

/// A sparse vector: bucket indices (ascending) and their values.
package struct SparseVector: Sendable, Equatable {
    /// Active buckets, ascending.
    package var indices: [Int32] = []
    /// Their values.
    package var values: [Float] = []

    /// A vector with the given buckets and values.
    package init(indices: [Int32] = [], values: [Float] = []) {
        self.indices = indices
        self.values = values
    }
}

/// Maps text to hashed, TF-IDF weighted n-gram features.
package struct SparseFeaturizer: Sendable {
    /// F, the number of hash buckets.
    package let bucketCount: Int
    /// idf per bucket [F]; 1 before fitting.
    var inverseDocumentFrequency: [Float]

    /// A featurizer with `bucketCount` buckets and unit IDF.
    package init(bucketCount: Int) {
        self.bucketCount = bucketCount
        inverseDocumentFrequency = [Float](repeating: 1, count: bucketCount)
    }

    /// Learns idf = ln((1 + n) / (1 + df)) + 1 (sklearn's smooth IDF) from `texts`.
    package mutating func fit(_ texts: [String]) {
        var documentFrequency = [Int](repeating: 0, count: bucketCount)
        for text in texts {
            let (characters, words) = termCounts(text)
            for bucket in Set(characters.keys).union(words.keys) { documentFrequency[Int(bucket)] += 1 }
        }
        let n = Float(texts.count)
        inverseDocumentFrequency = documentFrequency.map { log((1 + n) / (1 + Float($0))) + 1 }
    }

    /// The TF-IDF vector of `text`: (1 + ln tf) · idf, each block L2-normalised, blocks summed.
    package func features(_ text: String) -> SparseVector {
        let (characters, words) = termCounts(text)
        var merged: [Int32: Float] = [:]
        for block in [characters, words] {
            let keys = block.keys.sorted()
            let values = keys.map { (1 + log(Float(block[$0] ?? 1))) * inverseDocumentFrequency[Int($0)] }
            let norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
            for (key, value) in zip(keys, values) where norm > 0 { merged[key, default: 0] += value / norm }
        }
        var vector = SparseVector()
        vector.indices = merged.keys.sorted()
        vector.values = vector.indices.map { merged[$0] ?? 0 }
        return vector
    }

    /// Raw counts per bucket of the character n-grams and of the word n-grams of `text` (lower-cased).
    func termCounts(_ text: String) -> (characters: [Int32: Int], words: [Int32: Int]) {
        var counts: [Int32: Int] = [:]
        let words = Words.split(text, keeping: Words.nonWhitespace)
        for word in words {
            let scalars = [UInt32(32)] + word.unicodeScalars.map(\.value) + [UInt32(32)]
            for n in 2...5 {
                if scalars.count < n { break }
                for start in 0...(scalars.count - n) {
                    counts[bucket(kind: UInt32(n), scalars[start..<(start + n)]), default: 0] += 1
                }
            }
        }
        var wordCounts: [Int32: Int] = [:]
        let tokens = Self.wordTokens(text)
        for (index, token) in tokens.enumerated() {
            wordCounts[bucket(kind: 20, token[...]), default: 0] += 1
            if index > 0 { wordCounts[bucket(kind: 21, tokens[index - 1] + [UInt32(32)] + token), default: 0] += 1 }
        }
        return (counts, wordCounts)
    }

    /// Lower-cased runs of letters and digits, as scalar values.
    static func wordTokens(_ text: String) -> [[UInt32]] {
        var tokens: [[UInt32]] = []
        var current: [UInt32] = []
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.append(scalar.value)
            } else if !current.isEmpty {
                tokens.append(current)
                current = []
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    /// FNV-1a of the kind tag and the scalars, reduced to a bucket.
    private func bucket(kind: UInt32, _ scalars: some Collection<UInt32>) -> Int32 {
        var hash = FNV1a()
        hash.combine(littleEndian: kind)
        for scalar in scalars { hash.combine(littleEndian: scalar) }
        return Int32(truncatingIfNeeded: hash.value % UInt64(bucketCount))
    }
}
