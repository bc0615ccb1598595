// Sentence vectors for many texts: sorted by token count and run in batches of similar length,
// so little work goes to padding; results come back in the input order.
import TensorCore
import Tokenization

extension SentenceEncoder {
    /// The sentence vectors of `texts`, one row of C floats each, in order.
    ///
    /// - Parameter batchSize: Texts per forward pass (similar lengths together).
    public func embed(_ texts: [String], batchSize: Int = 32) throws -> [[Float]] {
        let encodings = texts.map { tokenizer.encode($0) }
        let order = encodings.indices.sorted { encodings[$0].ids.count < encodings[$1].ids.count }
        var vectors = [[Float]](repeating: [], count: texts.count)
        var start = 0
        while start < order.count {
            let chunk = Array(order[start..<min(start + max(1, batchSize), order.count)])
            let pooled = try forward(batch(encodings: chunk.map { encodings[$0] }))
            let c = dimension
            pooled.withUnsafeBufferPointer { p in
                for (row, index) in chunk.enumerated() { vectors[index] = Array(p[(row * c)..<((row + 1) * c)]) }
            }
            start += chunk.count
        }
        return vectors
    }
}
