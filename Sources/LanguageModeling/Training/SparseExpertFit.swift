// Fits the sparse n-gram intent expert alone, before the trunk trains: a multinomial logistic
// regression on the TF-IDF features with its own schedule (minibatch gradient descent, warm-up
// and cosine decay, no label smoothing), as the TF-IDF + logistic regression peer fits it.
// Trained inside the multi-task epochs with Adam, it got the trunk's 12 epochs and Adam's
// per-weight step sizes, which let an n-gram seen once learn as fast as a common one: 2–4
// points below the peer with 10 examples per intent (issue 16; measured in docs/BENCHMARKS.md).
import TensorCore

/// The sparse intent expert's own training run.
struct SparseExpertFit {
    /// Epochs over the labelled examples (more when they give fewer than `minimumSteps` steps).
    let epochs: Int
    /// The fewest steps a fit runs: a few hundred examples give few steps per epoch, and the
    /// n-grams seen once need as many updates as on a large set (at 5 examples per intent on
    /// Banking77, 60 epochs were 780 steps and 0.5 points below the peer).
    static let minimumSteps = 4_000
    /// Examples per step.
    let batchSize: Int
    /// Peak learning rate.
    let learningRate: Float
    /// Shuffling seed.
    let seed: UInt64

    /// The run `config` describes (`sparse_epochs`, `sparse_fit_learning_rate`, batch size, seed).
    init(config: ChatModelConfig) {
        epochs = config.sparseEpochs
        batchSize = config.batchSize
        learningRate = config.sparseFitLearningRate
        seed = config.seed &+ 20_000
    }

    /// Trains `layer` on the intent-labelled examples of `examples`; returns the last epoch's mean loss.
    @discardableResult
    func fit(_ layer: SparseLinear, on examples: [EncodedExample]) throws -> Float {
        let labelled = examples.filter { $0.intent != nil }
        guard epochs > 0, !labelled.isEmpty else { return 0 }
        let loss = CrossEntropy()
        let stepsPerEpoch = (labelled.count + batchSize - 1) / batchSize
        let epochs = max(self.epochs, (Self.minimumSteps + stepsPerEpoch - 1) / stepsPerEpoch)
        let schedule = LearningRateSchedule(peak: learningRate, floor: learningRate * 0.05,
                                            warmupSteps: stepsPerEpoch, totalSteps: stepsPerEpoch * epochs)
        var generator = SeededGenerator(seed: seed)
        var order = Array(labelled.indices)
        var gradient = Tensor.empty
        var step = 0, epochLoss: Float = 0
        for _ in 0..<epochs {
            order.shuffle(using: &generator)
            epochLoss = 0
            var start = 0
            while start < order.count {
                let batch = order[start..<min(order.count, start + batchSize)].map { labelled[$0] }
                var logits = Tensor.zeros([batch.count, layer.outputSize])
                layer.forward(batch.map(\.features), into: &logits)
                epochLoss += try loss.compute(logits: logits, targets: batch.map { $0.intent ?? 0 }, gradient: &gradient)
                layer.backward(gradient)
                layer.gradientStep(learningRate: schedule.rate(at: step))
                step += 1
                start += batchSize
            }
            epochLoss /= Float(stepsPerEpoch)
        }
        return epochLoss
    }
}
