// Training a head on fixed sentence vectors: mini-batch AdamW on the cross-entropy, shuffled
// with a seed, for a fixed number of epochs (the vectors are frozen, so this is a convex
// problem and takes seconds; no early stopping needed).
import TensorCore

/// The settings of one head's training.
struct EncoderHeadTraining {
    /// Passes over the data.
    var epochs = 40
    /// Examples per step.
    var batchSize = 32
    /// AdamW's learning rate.
    var learningRate: Float = 0.01
    /// AdamW's decoupled weight decay.
    var weightDecay: Float = 1e-4
    /// The shuffle seed.
    var seed: UInt64 = 42

    /// Fits `head` to `labels` (class indices) of `vectors` (rows of C) and their `features`.
    func fit(_ head: EncoderHead, vectors: [[Float]], features: [SparseVector], labels: [Int]) throws {
        guard let width = vectors.first?.count, !labels.isEmpty else { return }
        let optimizer = AdamW(parameters: head.dense.parameters, learningRate: learningRate, weightDecay: weightDecay,
                              decaysWeight: { $0 === head.dense.weight })
        let loss = CrossEntropy()
        var generator = SeededGenerator(seed: seed)
        var order = Array(labels.indices)
        for _ in 0..<epochs {
            order.shuffle(using: &generator)
            var start = 0
            while start < order.count {
                let rows = order[start..<min(start + batchSize, order.count)]
                var batch = Tensor(shape: [rows.count, width])
                batch.withUnsafeMutableBufferPointer { x in
                    for (i, row) in rows.enumerated() {
                        for j in 0..<width { x[i * width + j] = vectors[row][j] }
                    }
                }
                let logits = head.logits(batch, features: rows.map { features[$0] }, retainingInputs: true)
                let (_, gradient) = try loss(logits: logits, targets: rows.map { labels[$0] })
                head.backward(gradient)
                optimizer.step()
                head.dense.parameters.zeroGradients()
                head.sparse?.step(learningRate: learningRate, weightDecay: weightDecay)
                start += rows.count
            }
        }
    }
}
