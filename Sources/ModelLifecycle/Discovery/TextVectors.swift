// Unit-length TF-IDF n-gram vectors of short texts (the package's one featurizer: hashed
// character 2–5-grams and word uni- and bigrams, fitted on the texts themselves) and their
// cosine similarities, the input of both clusterings.
import LanguageModeling

/// L2-normalised sparse TF-IDF vectors of a list of texts.
package struct TextVectors: Sendable {
    /// One unit vector per text (all zero for a text without features, e.g. "").
    package let vectors: [SparseVector]
    /// The number of hash buckets (the vectors' dimension).
    package let dimension: Int

    /// Fits the featurizer's IDF on `texts` and embeds them.
    package init(_ texts: [String], buckets: Int = 65_536) {
        var featurizer = SparseFeaturizer(bucketCount: buckets)
        featurizer.fit(texts)
        vectors = texts.map { Self.normalised(featurizer.features($0)) }
        dimension = buckets
    }

    /// The number of texts.
    package var count: Int { vectors.count }

    /// The dot product of two sparse vectors (indices ascending).
    package static func dot(_ a: SparseVector, _ b: SparseVector) -> Float {
        var (i, j, sum) = (0, 0, Float(0))
        a.indices.withUnsafeBufferPointer { ai in
            b.indices.withUnsafeBufferPointer { bi in
                a.values.withUnsafeBufferPointer { av in
                    b.values.withUnsafeBufferPointer { bv in
                        while i < ai.count, j < bi.count {
                            if ai[i] == bi[j] {
                                sum += av[i] * bv[j]
                                i += 1
                                j += 1
                            } else if ai[i] < bi[j] {
                                i += 1
                            } else {
                                j += 1
                            }
                        }
                    }
                }
            }
        }
        return sum
    }

    /// The dot product of a sparse vector with a dense row starting at `offset` of `dense`.
    package static func dot(_ a: SparseVector, dense: UnsafeBufferPointer<Float>, offset: Int) -> Float {
        var sum = Float(0)
        for (index, value) in zip(a.indices, a.values) { sum += value * dense[offset + Int(index)] }
        return sum
    }

    /// Cosine similarities of every pair, an n × n row-major matrix (1 on the diagonal of non-empty texts).
    package func similarities() -> [Float] {
        let n = count
        var matrix = [Float](repeating: 0, count: n * n)
        matrix.withUnsafeMutableBufferPointer { out in
            for i in 0..<n {
                out[i * n + i] = vectors[i].indices.isEmpty ? 0 : 1
                for j in (i + 1)..<max(i + 1, n) {
                    let value = Self.dot(vectors[i], vectors[j])
                    out[i * n + j] = value
                    out[j * n + i] = value
                }
            }
        }
        return matrix
    }

    private static func normalised(_ vector: SparseVector) -> SparseVector {
        let norm = vector.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return vector }
        return SparseVector(indices: vector.indices, values: vector.values.map { $0 / norm })
    }
}
