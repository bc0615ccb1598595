// One optimisation step of the multi-task loss on one batch: pad, forward, LM + intent +
// sentiment cross-entropies (missing labels dropped via the ignore index), backward, clip,
// AdamW on dense weights and the lazy step on the sparse layers (the sparse intent expert only
// when it was not fitted on its own beforehand).
import TensorCore

/// Runs training steps for one network with fixed loss weights.
final class TrainingStep {
    let network: ChatNetwork
    let optimizer: AdamW
    let config: ChatModelConfig
    let padID: Int
    var languageModelWeight: Float
    var intentWeight: Float
    var sentimentWeight: Float
    /// Whether the sparse intent expert learns in these steps on its own loss (false when
    /// `SparseExpertFit` trained it beforehand; the joint loss always trains it).
    var trainsSparseIntent: Bool
    private let lmLoss = CrossEntropy(ignoreIndex: SequenceEncoder.ignore)
    private let headLoss: CrossEntropy
    private var lmGradient = Tensor.empty
    private var intentGradient = Tensor.empty
    private var sentimentGradient = Tensor.empty
    private var sparseGradient = Tensor.empty
    private var sparseSentimentGradient = Tensor.empty

    init(network: ChatNetwork, config: ChatModelConfig, padID: Int) {
        self.network = network
        self.config = config
        self.padID = padID
        languageModelWeight = config.languageModelWeight
        intentWeight = config.intentWeight
        sentimentWeight = config.sentimentWeight
        trainsSparseIntent = config.sparseEpochs == 0 || config.sparseJointLoss
        headLoss = CrossEntropy(labelSmoothing: config.labelSmoothing, ignoreIndex: SequenceEncoder.ignore)
        optimizer = AdamW(parameters: network.denseParameters, learningRate: config.learningRate,
                          weightDecay: config.weightDecay, decaysWeight: { $0.value.rank >= 2 })
    }

    /// Trains on `batch` at `learningRate`; returns the weighted loss and the non-pad token count.
    func run(_ fullBatch: [EncodedExample], learningRate: Float) throws -> (loss: Float, tokens: Int) {
        // Without the LM loss nothing after <cls> matters (the trunk is causal): drop it.
        let batch = languageModelWeight > 0 ? fullBatch : fullBatch.map { example in
            var cut = example
            cut.ids = Array(example.ids.prefix(example.clsPosition + 1))
            cut.targets = Array(example.targets.prefix(example.clsPosition + 1))
            return cut
        }
        let length = batch.map(\.ids.count).max() ?? 1
        var ids: [Int] = [], targets: [Int] = []
        ids.reserveCapacity(batch.count * length)
        var tokenCount = 0
        for example in batch {
            let padding = length - example.ids.count
            ids += example.ids + [Int](repeating: padID, count: padding)
            targets += example.targets + [Int](repeating: SequenceEncoder.ignore, count: padding)
            tokenCount += example.ids.count
        }
        network.denseParameters.zeroGradients()
        _ = try network.runTrunk(ids, batch: batch.count, length: length)
        var total: Float = 0
        var weightedLM: Tensor? = nil
        let targetRows = targets.indices.filter { targets[$0] != SequenceEncoder.ignore }
        if languageModelWeight > 0, !targetRows.isEmpty {
            let logits = network.languageModelLogits(rows: targetRows)
            total += languageModelWeight * (try lmLoss.compute(logits: logits, targets: targetRows.map { targets[$0] },
                                                               gradient: &lmGradient))
            lmGradient.scale(by: languageModelWeight)
            weightedLM = lmGradient
        }
        let heads = network.headLogits(clsPositions: batch.map(\.clsPosition), features: batch.map(\.features))
        let intentTargets = batch.map { intentWeight > 0 ? ($0.intent ?? SequenceEncoder.ignore) : SequenceEncoder.ignore }
        let sentimentTargets = batch.map { sentimentWeight > 0 ? ($0.sentiment ?? SequenceEncoder.ignore) : SequenceEncoder.ignore }
        if config.sparseJointLoss || heads.sparse == nil {
            let logits = ChatNetwork.combined(heads)
            total += intentWeight * (try headLoss.compute(logits: logits, targets: intentTargets, gradient: &intentGradient))
            intentGradient.scale(by: intentWeight)
            sparseGradient = intentGradient
        } else if let sparseLogits = heads.sparse {
            // Separate experts: each head learns the intents alone; prediction adds their logits.
            total += intentWeight * (try headLoss.compute(logits: heads.dense, targets: intentTargets, gradient: &intentGradient))
            intentGradient.scale(by: intentWeight)
            if trainsSparseIntent {
                total += intentWeight * (try headLoss.compute(logits: sparseLogits, targets: intentTargets, gradient: &sparseGradient))
                sparseGradient.scale(by: intentWeight)
            }
        }
        total += sentimentWeight * (try headLoss.compute(logits: heads.sentiment, targets: sentimentTargets,
                                                          gradient: &sentimentGradient))
        sentimentGradient.scale(by: sentimentWeight)
        // The sparse sentiment expert learns on its own loss, and only from batches with sentiment labels.
        var sparseSentimentStep: Tensor? = nil
        if let sparseLogits = heads.sparseSentiment, sentimentTargets.contains(where: { $0 != SequenceEncoder.ignore }) {
            total += sentimentWeight * (try headLoss.compute(logits: sparseLogits, targets: sentimentTargets,
                                                              gradient: &sparseSentimentGradient))
            sparseSentimentGradient.scale(by: sentimentWeight)
            sparseSentimentStep = sparseSentimentGradient
        }
        let sparseStep = heads.sparse != nil && trainsSparseIntent ? sparseGradient : nil
        network.backward(lmGradient: weightedLM, intentGradient: intentGradient,
                         sparseGradient: sparseStep, sentimentGradient: sentimentGradient,
                         sparseSentimentGradient: sparseSentimentStep)
        network.denseParameters.clipGradientNorm(maxNorm: config.maxGradientNorm)
        optimizer.learningRate = learningRate
        optimizer.step()
        if sparseStep != nil { network.sparse?.step(learningRate: learningRate * config.sparseLearningRateScale, weightDecay: 0) }
        network.sparseSentiment?.step(learningRate: learningRate * config.sparseLearningRateScale, weightDecay: 0)
        return (total, tokenCount)
    }
}
