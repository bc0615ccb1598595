// Training a head on fixed sentence vectors: mini-batch Adam on the mean cross-entropy plus an
// L2 penalty (a logistic regression's objective), shuffled with a seed, for a fixed number of
// epochs (the vectors are frozen, so this is a convex problem and takes seconds; no early
// stopping needed).
import TensorCore

/// The settings of one head's training.
struct EncoderHeadTraining {
    /// Passes over the data.
    var epochs = 40
    /// Examples per step.
    var batchSize = 32
    /// AdamW's learning rate.
    var learningRate: Float = 0.01
    /// AdamW's decoupled weight decay on the dense weight (0 when `inverseRegularization` is set).
    var weightDecay: Float = 1e-4
    /// C of an L2-regularised logistic regression: the penalty ‖W‖² / (2 C n) on the mean loss over
    /// n examples, on the dense and the n-gram weights (nil: AdamW's decoupled decay instead).
    /// 10 as the TF-IDF peer's; with the vector scaled by 3 it reached a converged scikit-learn
    /// fit's accuracy with 10 Banking77 examples per intent (docs/BENCHMARKS.md).
    var inverseRegularization: Float?
    /// The shuffle seed.
    var seed: UInt64 = 42

    /// Fits `head` to `labels` (class indices) of `vectors` (rows of C) and their `features`.
    func fit(_ head: EncoderHead, vectors: [[Float]], features: [SparseVector], labels: [Int]) throws {
        guard let width = vectors.first?.count, !labels.isEmpty else { return }
        let l2 = inverseRegularization.map { 1 / ($0 * Float(labels.count)) } ?? 0
        let optimizer = AdamW(parameters: head.dense.parameters, learningRate: learningRate,
                              weightDecay: inverseRegularization == nil ? weightDecay : 0,
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
                if l2 > 0 { head.dense.weight.gradient.add(head.dense.weight.value.scaled(by: l2)) }
                optimizer.step()
                head.dense.parameters.zeroGradients()
                head.sparse?.step(learningRate: learningRate, weightDecay: l2 > 0 ? 0 : weightDecay, l2: l2)
                start += rows.count
            }
        }
    }
}
