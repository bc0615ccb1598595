// The customer's text read by a pretrained sentence encoder: intent (calibrated, top K, out of
// scope) and, when trained on sentiment labels, sentiment, from heads on the frozen sentence
// vector beside the sparse n-gram features. The small causal LM still writes the replies.
import Foundation
import PretrainedEncoder
import Primitives
import TensorCore

/// Intent and sentiment heads on a `SentenceEncoder`. Not thread-safe (layers reuse buffers).
public final class EncoderClassifier {
    /// The encoder that turns texts into vectors.
    public let encoder: SentenceEncoder
    /// The intents, in head order.
    public let labels: LabelSet
    /// Temperature and out-of-scope thresholds.
    public internal(set) var calibration = Calibration()
    /// The label of the out-of-scope class, if the data has one.
    public let outOfScopeLabel: String
    /// Figures measured at training time (e.g. `encoder_validation_accuracy`).
    public internal(set) var metrics: [String: Double] = [:]
    /// The factor on the (unit-length) sentence vector before the heads: it sets how much the
    /// vector counts against the n-gram features under one L2 penalty (3: measured in
    /// docs/BENCHMARKS.md; heads saved without it read 1).
    public internal(set) var vectorScale: Float = 1
    var featurizer: SparseFeaturizer?
    let intentHead: EncoderHead
    let sentimentHead: EncoderHead?

    init(encoder: SentenceEncoder, labels: LabelSet, outOfScopeLabel: String, featurizer: SparseFeaturizer?,
         intentHead: EncoderHead, sentimentHead: EncoderHead?) {
        self.encoder = encoder
        self.labels = labels
        self.outOfScopeLabel = outOfScopeLabel
        self.featurizer = featurizer
        self.intentHead = intentHead
        self.sentimentHead = sentimentHead
    }

    /// Whether a sentiment head was trained.
    public var hasSentiment: Bool { sentimentHead != nil }

    /// Sparse features of `text` (empty without the n-gram features).
    func features(_ text: String) -> SparseVector { featurizer?.features(text) ?? SparseVector() }

    /// Calibrated predictions for `texts` whose sentence vectors are already computed.
    public func predict(_ texts: [String], vectors: [[Float]], topK: Int = 5) -> [IntentPrediction] {
        logits(vectors: vectors, features: texts.map(features)).map {
            IntentPrediction(intentLogits: $0.intent, sentimentLogits: $0.sentiment, intents: labels.intents,
                             outOfScopeLabel: outOfScopeLabel, calibration: calibration, topK: topK)
        }
    }

    /// The heads' logits for sentence vectors already computed.
    func logits(vectors: [[Float]], features: [SparseVector]) -> [(intent: [Float], sentiment: [Float])] {
        guard let width = vectors.first?.count else { return [] }
        let batch = Tensor(shape: [vectors.count, width], scalars: vectors.flatMap { $0.map { $0 * vectorScale } })
        let intent = intentHead.logits(batch, features: features)
        let k = intent.shape[1]
        let sentiment = sentimentHead?.logits(batch, features: features)
        return (0..<vectors.count).map { row in
            (Array(intent.scalars[(row * k)..<((row + 1) * k)]),
             sentiment.map { Array($0.scalars[(row * 3)..<((row + 1) * 3)]) } ?? [0, 0, 0])
        }
    }

    /// Calibrated predictions for `texts` (batched), each with `topK` ranked intents.
    public func predict(_ texts: [String], topK: Int = 5) throws -> [IntentPrediction] {
        predict(texts, vectors: try encoder.embed(texts), topK: topK)
    }
}
