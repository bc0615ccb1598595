// The whole network: a trunk, the LM head tied to its token embedding, the intent and sentiment
// heads on the hidden state at <cls>, and the optional sparse n-gram intent and sentiment layers.
// Shapes: ids [B·T], hidden [B·T, C], LM logits [B·T, V], cls [B, C], intent [B, K], sentiment [B, 3].
import Primitives
import TensorCore

/// The trunk and heads of a chat model, with a multi-task forward/backward.
package final class ChatNetwork {
    let trunk: any Trunk
    package let intentHead: Linear
    package let sentimentHead: Linear
    let sparse: SparseLinear?
    let sparseSentiment: SparseLinear?
    /// The featurizer's idf table as a tensor [F], saved with the weights (not trained).
    let sparseIDF: Parameter?
    /// The checkpoint name prefix of the sparse sentiment layer.
    static let sparseSentimentPrefix = "sparse_sentiment."
    /// V.
    package var vocabularySize: Int { trunk.tokenEmbedding.count }

    private var hidden = Tensor.empty
    /// The hidden states at `<cls>` [B, C] of the last `headLogits` call.
    package private(set) var clsHidden = Tensor.empty
    private var clsPositions: [Int] = []
    private var batch = 0, length = 0
    private var lmRows: [Int]? = nil        // rows of the last `languageModelLogits(rows:)`
    private var gatheredHidden = Tensor.empty
    private var lmLogits = Tensor.empty     // the last `languageModelLogits(rows:)`, reused

    /// A network as `config` describes, for `vocabularySize` tokens and `intentCount` intents.
    init(config: ChatModelConfig, vocabularySize: Int, intentCount: Int) {
        let seed = config.seed
        switch config.architecture {
        case .transformer:
            trunk = TransformerTrunk(vocabularySize: vocabularySize, contextLength: config.contextLength,
                                     channels: config.modelWidth, heads: config.headCount, layers: config.layerCount,
                                     dropout: config.dropout, seed: seed)
        case .lstm:
            trunk = LSTMTrunk(vocabularySize: vocabularySize, contextLength: config.contextLength,
                              channels: config.modelWidth, layerCount: config.layerCount, dropout: config.dropout, seed: seed)
        }
        var generator = SeededGenerator(seed: seed &+ 77)
        intentHead = Linear(inputSize: config.modelWidth, outputSize: max(1, intentCount), name: "intent_head.",
                            generator: &generator)
        sentimentHead = Linear(inputSize: config.modelWidth, outputSize: SentimentLabel.allCases.count,
                               name: "sentiment_head.", generator: &generator)
        if config.sparseFeatures {
            sparse = SparseLinear(bucketCount: config.sparseBuckets, outputSize: max(1, intentCount), name: "sparse_intent.")
            sparseIDF = Parameter(name: "sparse_intent.idf", value: Tensor(shape: [config.sparseBuckets], repeating: 1))
        } else {
            sparse = nil
            sparseIDF = nil
        }
        sparseSentiment = config.sparseFeatures && config.sparseSentiment
            ? SparseLinear(bucketCount: config.sparseBuckets, outputSize: SentimentLabel.allCases.count,
                           name: Self.sparseSentimentPrefix)
            : nil
    }

    /// Every tensor of the checkpoint, in a fixed order.
    package var parameters: [Parameter] {
        trunk.parameters + intentHead.parameters + sentimentHead.parameters
            + (sparse.map { [$0.weight] } ?? []) + (sparseIDF.map { [$0] } ?? []) + (sparseSentiment.map { [$0.weight] } ?? [])
    }

    /// Every trained tensor (the idf table excluded): what early stopping keeps and averaging averages.
    var trainedParameters: [Parameter] {
        denseParameters + (sparse.map { [$0.weight] } ?? []) + (sparseSentiment.map { [$0.weight] } ?? [])
    }

    /// The parameters AdamW trains (the sparse layer has its own lazy step; the idf is fixed).
    package var denseParameters: [Parameter] { trunk.parameters + intentHead.parameters + sentimentHead.parameters }

    /// Switches dropout.
    package var isTraining: Bool {
        get { trunk.isTraining }
        set { trunk.isTraining = newValue }
    }

    /// Runs the trunk on `ids` [B·T] and returns the hidden states [B·T, C].
    package func runTrunk(_ ids: [Int], batch: Int, length: Int) throws -> Tensor {
        self.batch = batch
        self.length = length
        lmRows = nil
        hidden = .empty
        hidden = try trunk.forward(ids, batch: batch, length: length)
        return hidden
    }

    /// LM logits [N, V] for hidden states [N, C] (tied head: h Eᵀ).
    package func languageModelLogits(_ states: Tensor) -> Tensor {
        Tensor.matmul(states, trunk.tokenEmbedding.weight.value, transposeB: true)
    }

    /// LM logits [M, V] for the rows `rows` (indices into B·T) of the last trunk output; training
    /// computes the head only where a target exists (pads and ignored positions cost nothing).
    func languageModelLogits(rows: [Int]) -> Tensor {
        lmRows = rows
        gatheredHidden = Self.gather(hidden, rows: rows, width: trunk.channels)
        // Into a kept buffer: a training batch's logits are [B·T, V] (64 MB at 2,048 × 8,000).
        lmLogits.resize(to: [gatheredHidden.shape[0], vocabularySize])
        lmLogits.addMatmul(gatheredHidden, trunk.tokenEmbedding.weight.value, transposeB: true, beta: 0)
        return lmLogits
    }

    /// Rows `rows` of `source` [N, width]; returns [rows.count, width].
    static func gather(_ source: Tensor, rows: [Int], width: Int) -> Tensor {
        var result = Tensor.zeros([max(1, rows.count), width])
        source.withUnsafeBufferPointer { h in
            result.withUnsafeMutableBufferPointer { out in
                for (row, index) in rows.enumerated() {
                    for j in 0..<width { out[row * width + j] = h[index * width + j] }
                }
            }
        }
        return result
    }

    /// Every head's logits from the hidden states at `clsPositions` (one per row) and the sparse `features`.
    package func headLogits(clsPositions: [Int], features: [SparseVector]) -> HeadLogits {
        self.clsPositions = clsPositions
        let c = trunk.channels
        clsHidden = Tensor.zeros([clsPositions.count, c])
        hidden.withUnsafeBufferPointer { h in
            clsHidden.withUnsafeMutableBufferPointer { out in
                for (row, position) in clsPositions.enumerated() {
                    let source = (row * length + position) * c
                    for j in 0..<c { out[row * c + j] = h[source + j] }
                }
            }
        }
        return headsAtCLS(features: features)
    }

    /// Inference: every head's logits for `ids` [B·T] read at `clsPositions` (one per row), the
    /// trunk computing only what those positions need (its last block's MLP runs at them alone).
    /// Not followed by `backward` or the LM head: the trunk's full output is not kept.
    package func headLogits(ids: [Int], batch: Int, length: Int, clsPositions: [Int],
                            features: [SparseVector]) throws -> HeadLogits {
        self.batch = batch
        self.length = length
        lmRows = nil
        hidden = .empty
        self.clsPositions = clsPositions
        let rows = clsPositions.enumerated().map { row, position in row * length + position }
        clsHidden = try trunk.forward(ids, batch: batch, length: length, rows: rows)
        return headsAtCLS(features: features)
    }

    /// The heads applied to `clsHidden` and the sparse `features`.
    private func headsAtCLS(features: [SparseVector]) -> HeadLogits {
        let dense = intentHead.forward(clsHidden)
        var sparseLogits: Tensor? = nil
        if let sparse {
            var logits = Tensor.zeros(dense.shape)
            sparse.forward(features, into: &logits)
            sparseLogits = logits
        }
        var sparseSentimentLogits: Tensor? = nil
        if let sparseSentiment {
            var logits = Tensor.zeros([clsPositions.count, SentimentLabel.allCases.count])
            sparseSentiment.forward(features, into: &logits)
            sparseSentimentLogits = logits
        }
        return HeadLogits(dense: dense, sparse: sparseLogits, sentiment: sentimentHead.forward(clsHidden),
                          sparseSentiment: sparseSentimentLogits)
    }

    /// The intent logits used for prediction: dense + w · sparse (a product of the two experts).
    static func combined(_ heads: HeadLogits, sparseWeight: Float = 1) -> Tensor {
        guard let sparse = heads.sparse else { return heads.dense }
        return heads.dense.adding(sparseWeight == 1 ? sparse : sparse.scaled(by: sparseWeight))
    }

    /// Backward of the last `runTrunk` + `headLogits` (+ LM logits when `lmGradient` is given):
    /// accumulates every gradient. `lmGradient`: [B·T, V] already weighted; the others [B, K], [B, K],
    /// [B, 3], [B, 3] (a nil sparse gradient leaves that layer untouched).
    package func backward(lmGradient: Tensor?, intentGradient: Tensor, sparseGradient: Tensor?, sentimentGradient: Tensor,
                          sparseSentimentGradient: Tensor? = nil) {
        let c = trunk.channels
        var hiddenGradient = Tensor.zeros([batch * length, c])
        if let lmGradient {
            if let rows = lmRows {
                // Gathered rows: dE += dLᵀ h_rows; dh[rows] = dL E.
                trunk.tokenEmbedding.weight.gradient.addMatmul(lmGradient, gatheredHidden, transposeA: true)
                let rowGradient = Tensor.matmul(lmGradient, trunk.tokenEmbedding.weight.value)
                rowGradient.withUnsafeBufferPointer { g in
                    hiddenGradient.withUnsafeMutableBufferPointer { out in
                        for (row, index) in rows.enumerated() {
                            for j in 0..<c { out[index * c + j] += g[row * c + j] }
                        }
                    }
                }
            } else {
                trunk.tokenEmbedding.weight.gradient.addMatmul(lmGradient, hidden, transposeA: true)
                hiddenGradient.addMatmul(lmGradient, trunk.tokenEmbedding.weight.value, beta: 0)
            }
        }
        if let sparseGradient { sparse?.backward(sparseGradient) }
        if let sparseSentimentGradient { sparseSentiment?.backward(sparseSentimentGradient) }
        let fromIntent = intentHead.backward(intentGradient)
        let fromSentiment = sentimentHead.backward(sentimentGradient)
        fromIntent.withUnsafeBufferPointer { a in
            fromSentiment.withUnsafeBufferPointer { s in
                hiddenGradient.withUnsafeMutableBufferPointer { g in
                    for (row, position) in clsPositions.enumerated() {
                        let target = (row * length + position) * c
                        for j in 0..<c { g[target + j] += a[row * c + j] + s[row * c + j] }
                    }
                }
            }
        }
        trunk.backward(hiddenGradient)
    }
}
