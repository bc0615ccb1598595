// A trained chat model: tokenizer, labels, network and calibration together. Build one with
// `ChatModelTrainer`, or `ChatModel.load(from:)`; then `predict`, `generate`, `save(to:)`.
// Not thread-safe (layers reuse buffers): use one instance per thread.
import Foundation
import TensorCore
import Tokenization

/// An intent classifier, sentiment reader and reply generator sharing one trunk.
public final class ChatModel {
    /// Architecture and training settings.
    public let config: ChatModelConfig
    /// The intents and sentiments, in head order.
    public let labels: LabelSet
    /// The tokenizer whose ids the network reads.
    public let tokenizer: Tokenizer
    /// Temperature and out-of-scope thresholds.
    public var calibration = Calibration()
    /// A hash of the training examples (FNV-1a 64, hex), to tell which data a checkpoint saw.
    public internal(set) var trainingDataHash = ""
    /// Figures measured at training time (e.g. `validation_accuracy`), saved in config.json.
    public internal(set) var metrics: [String: Double] = [:]
    /// How `save(to:)` stores the weights (a loaded model keeps its checkpoint's form).
    public var weightStorage = WeightStorage.float32

    package let network: ChatNetwork
    var featurizer: SparseFeaturizer?
    let tokens: SpecialTokenIDs
    let encoder: SequenceEncoder

    /// An untrained model for `labels` and `tokenizer` (the trainer and loader fill the weights).
    init(config: ChatModelConfig, labels: LabelSet, tokenizer: Tokenizer) throws(ChatModelError) {
        try config.validate()
        self.config = config
        self.labels = labels
        self.tokenizer = tokenizer
        tokens = try SpecialTokenIDs(tokenizer: tokenizer, labels: labels)
        encoder = SequenceEncoder(tokenizer: tokenizer, tokens: tokens, labels: labels, contextLength: config.contextLength)
        network = ChatNetwork(config: config, vocabularySize: tokenizer.vocabularySize, intentCount: labels.intents.count)
        featurizer = config.sparseFeatures ? SparseFeaturizer(bucketCount: config.sparseBuckets) : nil
        network.isTraining = false
    }

    /// The number of trainable values (the sparse layer included).
    public var parameterCount: Int { network.parameters.filter { $0 !== network.sparseIDF }.scalarCount }

    /// The training form of `example`: token ids, next-token targets and the `<cls>` position.
    package func encodedSequence(_ example: TrainingExample) -> (ids: [Int], targets: [Int], cls: Int) {
        let encoded = encoder.encode(example, features: SparseVector())
        return (encoded.ids, encoded.targets, encoded.clsPosition)
    }

    /// The special token ids.
    package var specialTokenIDs: SpecialTokenIDs { tokens }

    /// Whether the sparse n-gram layer adds to the intent logits.
    package var usesSparseFeatures: Bool { network.sparse != nil }

    /// Sparse features of `text` (empty when the model has none).
    package func sparseFeatures(_ text: String) -> SparseVector { featurizer?.features(text) ?? SparseVector() }

    /// Uncalibrated intent logits [K] and sentiment logits [3] per message, computed `batchSize` at a time.
    ///
    /// `expert` picks the logits of both heads: nil for the sum, `dense` or `sparse` for one expert (ablations).
    package func logits(for texts: [String], contexts: [[ConversationTurn]]? = nil, batchSize: Int = 64,
                        expert: String? = nil) throws(ChatModelError) -> [(intent: [Float], sentiment: [Float])] {
        var results: [(intent: [Float], sentiment: [Float])] = []
        results.reserveCapacity(texts.count)
        network.isTraining = false
        var start = 0
        while start < texts.count {
            let end = min(texts.count, start + batchSize)
            let prompts = (start..<end).map { index in
                encoder.layout(text: texts[index], context: contexts?[index] ?? [], continuation: [])
            }
            let length = prompts.map(\.ids.count).max() ?? 1
            var ids: [Int] = []
            for prompt in prompts { ids += prompt.ids + [Int](repeating: tokens.pad, count: length - prompt.ids.count) }
            let heads: HeadLogits
            do {
                heads = try network.headLogits(ids: ids, batch: prompts.count, length: length,
                                               clsPositions: prompts.map(\.cls),
                                               features: texts[start..<end].map(sparseFeatures))
            } catch {
                throw ChatModelError(.invalidRequest, "the network rejected the input: \(error)")
            }
            let intent = expert == "dense" ? heads.dense : expert == "sparse" ? (heads.sparse ?? heads.dense)
                : ChatNetwork.combined(heads, sparseWeight: calibration.sparseWeight)
            let sentiment = expert == "dense" ? heads.sentiment : expert == "sparse" ? (heads.sparseSentiment ?? heads.sentiment)
                : heads.combinedSentiment
            let k = intent.shape[1]
            for row in 0..<prompts.count {
                results.append((Array(intent.scalars[(row * k)..<((row + 1) * k)]),
                                Array(sentiment.scalars[(row * 3)..<((row + 1) * 3)])))
            }
            start = end
        }
        return results
    }

    /// The prediction for one message, with `topK` ranked intents.
    public func predict(_ text: String, context: [ConversationTurn] = [], topK: Int = 5) throws(ChatModelError) -> IntentPrediction {
        try predict([text], contexts: [context], topK: topK)[0]
    }

    /// Predictions for many messages (batched; faster per message than one at a time).
    public func predict(_ texts: [String], contexts: [[ConversationTurn]]? = nil,
                        topK: Int = 5) throws(ChatModelError) -> [IntentPrediction] {
        try logits(for: texts, contexts: contexts).map { prediction(intentLogits: $0.intent, sentimentLogits: $0.sentiment, topK: topK) }
    }

    /// Turns raw logits into a calibrated prediction.
    func prediction(intentLogits: [Float], sentimentLogits: [Float], topK: Int) -> IntentPrediction {
        IntentPrediction(intentLogits: intentLogits, sentimentLogits: sentimentLogits, intents: labels.intents,
                         outOfScopeLabel: config.outOfScopeLabel, calibration: calibration, topK: topK)
    }

    /// softmax(x / T).
    static func softmax(_ logits: [Float], temperature: Float) -> [Float] {
        let scaled = logits.map { $0 / temperature }
        let maximum = scaled.max() ?? 0
        let exps = scaled.map { Foundation.exp($0 - maximum) }
        let sum = exps.reduce(0, +)
        return exps.map { $0 / sum }
    }
}
